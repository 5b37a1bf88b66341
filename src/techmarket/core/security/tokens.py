"""Access tokens: short-lived JWTs signed with Ed25519 (EdDSA), verifiable by any service.

Public keys are published as a JWKS with a `kid` per key. Verification accepts exactly one
algorithm, requires `exp`, `iat`, `nbf`, `iss`, `aud` and `sub`, picks the key only by `kid`
among keys we hold, and never follows `jku`, `jwk` or `x5u` headers.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from jwt.algorithms import OKPAlgorithm

ALGORITHM = "EdDSA"


class InvalidToken(Exception):
    """The token is not one we issued, or no longer valid; the reason is for logs only."""


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    session_id: uuid.UUID
    roles: tuple[str, ...]
    issued_at: dt.datetime
    expires_at: dt.datetime


def _public_jwk(public_key: Ed25519PublicKey) -> dict[str, Any]:
    jwk: dict[str, Any] = json.loads(OKPAlgorithm.to_jwk(public_key))
    return jwk


def _thumbprint(jwk: dict[str, Any]) -> str:
    """RFC 7638 thumbprint: the same key gets the same kid on every node."""
    canonical = json.dumps(
        {"crv": jwk["crv"], "kty": jwk["kty"], "x": jwk["x"]}, separators=(",", ":"), sort_keys=True
    )
    digest = hashlib.sha256(canonical.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


class TokenKeys:
    """The current signing key and the public keys still accepted (the previous ones)."""

    def __init__(self, signing_key_pem: bytes, previous_public_pems: Sequence[bytes] = ()) -> None:
        private = serialization.load_pem_private_key(signing_key_pem, password=None)
        if not isinstance(private, Ed25519PrivateKey):
            raise ValueError("the signing key must be an Ed25519 private key (PEM, PKCS#8)")
        self._private = private
        self.current_kid = _thumbprint(_public_jwk(private.public_key()))
        self._public: dict[str, Ed25519PublicKey] = {self.current_kid: private.public_key()}
        for pem in previous_public_pems:
            public = serialization.load_pem_public_key(pem)
            if not isinstance(public, Ed25519PublicKey):
                raise ValueError("previous signing keys must be Ed25519 public keys (PEM)")
            self._public.setdefault(_thumbprint(_public_jwk(public)), public)

    def jwks(self) -> dict[str, Any]:
        keys = []
        for kid, public in self._public.items():
            jwk = _public_jwk(public)
            keys.append({**jwk, "kid": kid, "use": "sig", "alg": ALGORITHM})
        return {"keys": keys}

    def sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(
            claims, self._private, algorithm=ALGORITHM, headers={"kid": self.current_kid}
        )

    def public_key(self, kid: str) -> Ed25519PublicKey | None:
        return self._public.get(kid)


class AccessTokens:
    def __init__(self, keys: TokenKeys, *, issuer: str, audience: str, ttl_seconds: int) -> None:
        self.keys = keys
        self.issuer = issuer
        self.audience = audience
        self.ttl_seconds = ttl_seconds

    def issue(
        self,
        *,
        user_id: uuid.UUID,
        session_id: uuid.UUID,
        roles: Sequence[str],
        now: dt.datetime,
    ) -> str:
        issued = int(now.timestamp())
        return self.keys.sign(
            {
                "iss": self.issuer,
                "aud": self.audience,
                "sub": str(user_id),
                "sid": str(session_id),
                "roles": sorted(roles),
                "iat": issued,
                "nbf": issued,
                "exp": issued + self.ttl_seconds,
                "jti": uuid.uuid4().hex,
            }
        )

    def verify(self, token: str) -> AccessClaims:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as error:
            raise InvalidToken(f"unreadable header: {error}") from error
        if header.get("alg") != ALGORITHM:
            raise InvalidToken(f"algorithm {header.get('alg')!r} is not accepted")
        kid = header.get("kid")
        key = self.keys.public_key(kid) if isinstance(kid, str) else None
        if key is None:
            raise InvalidToken(f"unknown key id {kid!r}")
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=self.audience,
                issuer=self.issuer,
                options={"require": ["exp", "iat", "nbf", "iss", "aud", "sub", "sid"]},
            )
            return AccessClaims(
                user_id=uuid.UUID(claims["sub"]),
                session_id=uuid.UUID(claims["sid"]),
                roles=tuple(str(role) for role in claims.get("roles", [])),
                issued_at=dt.datetime.fromtimestamp(claims["iat"], dt.UTC),
                expires_at=dt.datetime.fromtimestamp(claims["exp"], dt.UTC),
            )
        except (jwt.PyJWTError, ValueError, TypeError, KeyError) as error:
            raise InvalidToken(str(error)) from error
