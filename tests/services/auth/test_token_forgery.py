"""Forged and stale access tokens are refused, whatever trick they carry."""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from collections.abc import Callable
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI

from techmarket.core.resources import Resources
from tests.accounts import Account, sign_up


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def _claims(account: Account, resources: Resources, **changes: Any) -> dict[str, Any]:
    now = int(dt.datetime.now(dt.UTC).timestamp())
    claims = jwt.decode(account.access_token, options={"verify_signature": False})
    claims.update({"iat": now, "nbf": now, "exp": now + 600})
    claims.update(changes)
    return claims


def _sign_ours(resources: Resources, claims: dict[str, Any]) -> str:
    return resources.access_tokens.keys.sign(claims)


Forgery = Callable[[Account, Resources], str]


def alg_none(account: Account, resources: Resources) -> str:
    header = {"alg": "none", "typ": "JWT", "kid": resources.access_tokens.keys.current_kid}
    return f"{_b64(header)}.{_b64(_claims(account, resources))}."


def hs256_with_public_key(account: Account, resources: Resources) -> str:
    jwk = resources.access_tokens.keys.jwks()["keys"][0]
    secret = json.dumps(jwk).encode()
    header = {"alg": "HS256", "typ": "JWT", "kid": jwk["kid"]}
    signing_input = f"{_b64(header)}.{_b64(_claims(account, resources))}"
    import hashlib
    import hmac

    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{base64.urlsafe_b64encode(signature).decode().rstrip('=')}"


def expired_by_a_second(account: Account, resources: Resources) -> str:
    now = int(dt.datetime.now(dt.UTC).timestamp())
    return _sign_ours(
        resources, _claims(account, resources, iat=now - 601, nbf=now - 601, exp=now - 1)
    )


def not_yet_valid(account: Account, resources: Resources) -> str:
    now = int(dt.datetime.now(dt.UTC).timestamp())
    return _sign_ours(resources, _claims(account, resources, nbf=now + 120))


def wrong_issuer(account: Account, resources: Resources) -> str:
    return _sign_ours(resources, _claims(account, resources, iss="https://evil.example"))


def wrong_audience(account: Account, resources: Resources) -> str:
    return _sign_ours(resources, _claims(account, resources, aud="another-api"))


def missing_expiry(account: Account, resources: Resources) -> str:
    claims = _claims(account, resources)
    del claims["exp"]
    return _sign_ours(resources, claims)


def tampered_payload(account: Account, resources: Resources) -> str:
    header, _, signature = account.access_token.split(".")
    claims = _claims(account, resources, roles=["admin", "buyer"])
    return f"{header}.{_b64(claims)}.{signature}"


def unknown_kid(account: Account, resources: Resources) -> str:
    attacker = Ed25519PrivateKey.generate()
    return jwt.encode(
        _claims(account, resources), attacker, algorithm="EdDSA", headers={"kid": "attacker"}
    )


def injected_jku(account: Account, resources: Resources) -> str:
    """Signed with the attacker's key, pointing at the attacker's JWKS and reusing our kid."""
    attacker = Ed25519PrivateKey.generate()
    return jwt.encode(
        _claims(account, resources),
        attacker,
        algorithm="EdDSA",
        headers={
            "kid": resources.access_tokens.keys.current_kid,
            "jku": "https://evil.example/jwks",
        },
    )


def embedded_jwk(account: Account, resources: Resources) -> str:
    attacker = Ed25519PrivateKey.generate()
    public = attacker.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    jwk = {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": base64.urlsafe_b64encode(public).decode().rstrip("="),
    }
    return jwt.encode(
        _claims(account, resources),
        attacker,
        algorithm="EdDSA",
        headers={"kid": resources.access_tokens.keys.current_kid, "jwk": jwk},
    )


def other_user_subject(account: Account, resources: Resources) -> str:
    header, payload, signature = account.access_token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["sub"] = str(uuid.uuid4())
    return f"{header}.{_b64(claims)}.{signature}"


FORGERIES: list[Forgery] = [
    alg_none,
    hs256_with_public_key,
    expired_by_a_second,
    not_yet_valid,
    wrong_issuer,
    wrong_audience,
    missing_expiry,
    tampered_payload,
    unknown_kid,
    injected_jku,
    embedded_jwk,
    other_user_subject,
]


@pytest.fixture(scope="module")
async def victim(app: FastAPI) -> Account:
    return await sign_up(app)


async def test_the_genuine_token_works(victim: Account) -> None:
    response = await victim.http.get("/api/v1/users/me", headers=victim.auth())
    assert response.status_code == 200


@pytest.mark.parametrize("forge", FORGERIES, ids=[f.__name__ for f in FORGERIES])
async def test_forged_token_is_refused(
    victim: Account, resources: Resources, forge: Forgery
) -> None:
    token = forge(victim, resources)
    response = await victim.http.get("/api/v1/users/me", headers=victim.auth(token))
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.headers["content-type"] == "application/problem+json"


async def test_jwks_publishes_the_verifying_key(victim: Account) -> None:
    jwks = (await victim.http.get("/api/v1/auth/jwks.json")).json()
    header = jwt.get_unverified_header(victim.access_token)
    key = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
    assert key["alg"] == "EdDSA"
    assert "d" not in key  # never the private part
    public = jwt.PyJWK(key).key
    claims = jwt.decode(
        victim.access_token, public, algorithms=["EdDSA"], audience="techmarket-api"
    )
    assert claims["sub"] == victim.user_id
