"""Signing keys rotate without signing anyone out: retired keys verify until dropped."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from techmarket.core.security.tokens import AccessTokens, InvalidToken, TokenKeys


def _pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _public_pem(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _tokens(keys: TokenKeys) -> AccessTokens:
    return AccessTokens(keys, issuer="techmarket", audience="techmarket-api", ttl_seconds=600)


def test_rotation_keeps_old_tokens_valid_until_the_old_key_is_dropped() -> None:
    old, new = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    before = _tokens(TokenKeys(_pem(old)))
    user, session = uuid.uuid4(), uuid.uuid4()
    token = before.issue(
        user_id=user, session_id=session, roles=["buyer"], now=dt.datetime.now(dt.UTC)
    )

    rotated = _tokens(TokenKeys(_pem(new), [_public_pem(old)]))
    assert rotated.verify(token).user_id == user
    assert len(rotated.keys.jwks()["keys"]) == 2
    assert rotated.keys.current_kid != before.keys.current_kid
    fresh = rotated.issue(user_id=user, session_id=session, roles=[], now=dt.datetime.now(dt.UTC))
    assert rotated.verify(fresh).session_id == session

    retired = _tokens(TokenKeys(_pem(new)))
    with pytest.raises(InvalidToken, match="unknown key id"):
        retired.verify(token)


def test_kid_is_stable_for_the_same_key() -> None:
    key = Ed25519PrivateKey.generate()
    assert TokenKeys(_pem(key)).current_kid == TokenKeys(_pem(key)).current_kid


def test_only_ed25519_keys_are_accepted() -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    p256 = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with pytest.raises(ValueError, match="Ed25519"):
        TokenKeys(p256)
