"""Social sign-in against Google's and GitHub's HTTP endpoints, mocked with respx (the one
thing outside this machine): PKCE, state bound to the browser and used once, account linking."""

from __future__ import annotations

import base64
import hashlib
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pyotp
import pytest
import respx
from fastapi import FastAPI
from pydantic import SecretStr

from techmarket.core.resources import Resources
from tests.accounts import client_from, sign_up
from tests.services.auth.test_mfa import enable_totp

GOOGLE_TOKEN = "https://oauth2.googleapis.com/token"
GOOGLE_USERINFO = "https://openidconnect.googleapis.com/v1/userinfo"


@pytest.fixture
def providers(resources: Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    configured = resources.settings.model_copy(
        update={
            "oauth_google_client_id": "google-client",
            "oauth_google_client_secret": SecretStr("google-secret"),
            "oauth_github_client_id": "github-client",
            "oauth_github_client_secret": SecretStr("github-secret"),
        }
    )
    monkeypatch.setattr(resources, "settings", configured)


class FakeProvider:
    """Checks what a real provider checks: the code and the PKCE verifier for its challenge."""

    def __init__(self, profile: dict[str, Any]) -> None:
        self.profile = profile
        self.challenge = ""
        self.token_requests = 0

    def token(self, request: httpx.Request) -> httpx.Response:
        self.token_requests += 1
        form = parse_qs(request.content.decode())
        verifier = form["code_verifier"][0]
        computed = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
        if form["code"] != ["good-code"] or computed.decode() != self.challenge:
            return httpx.Response(400, json={"error": "invalid_grant"})
        return httpx.Response(
            200, json={"access_token": "provider-token", "token_type": "Bearer", "expires_in": 3600}
        )


@pytest.fixture
def google() -> Iterator[tuple[respx.MockRouter, FakeProvider]]:
    fake = FakeProvider(
        {"sub": uuid.uuid4().hex, "email": f"g-{uuid.uuid4().hex[:8]}@example.com",
         "email_verified": True, "name": "Gia Google"}
    )  # fmt: skip
    with respx.mock(assert_all_called=False) as router:
        router.post(GOOGLE_TOKEN).mock(side_effect=fake.token)
        router.get(GOOGLE_USERINFO).mock(
            side_effect=lambda _: httpx.Response(200, json=fake.profile)
        )
        yield router, fake


async def start(
    http: httpx.AsyncClient, provider: str, fake: FakeProvider, next_path: str = "/cart"
) -> str:
    response = await http.get(f"/api/v1/auth/oauth/{provider}/start", params={"next": next_path})
    assert response.status_code == 302
    query = parse_qs(urlparse(response.headers["location"]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["redirect_uri"][0].endswith(f"/api/v1/auth/oauth/{provider}/callback")
    fake.challenge = query["code_challenge"][0]
    return query["state"][0]


async def callback(
    http: httpx.AsyncClient, provider: str, state: str, code: str = "good-code"
) -> httpx.Response:
    return await http.get(
        f"/api/v1/auth/oauth/{provider}/callback", params={"code": code, "state": state}
    )


async def test_providers_are_listed_only_when_configured(
    client: httpx.AsyncClient, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (await client.get("/api/v1/auth/oauth/providers")).json() == {"items": []}
    assert (await client.get("/api/v1/auth/oauth/google/start")).status_code == 404


@pytest.mark.usefixtures("providers")
async def test_google_sign_in_creates_an_account_and_a_session(
    app: FastAPI, google: tuple[respx.MockRouter, FakeProvider]
) -> None:
    _, fake = google
    async with client_from(app) as http:
        state = await start(http, "google", fake)
        response = await callback(http, "google", state)
        assert response.status_code == 302
        assert response.headers["location"] == "/cart"
        refreshed = await http.post("/api/v1/auth/refresh", json={})  # the cookie signs in
        assert refreshed.status_code == 200
        me = await http.get(
            "/api/v1/users/me",
            headers={"authorization": f"Bearer {refreshed.json()['access_token']}"},
        )
    assert me.json()["email"] == fake.profile["email"]
    assert me.json()["email_verified"] is True
    assert me.json()["display_name"] == "Gia Google"


@pytest.mark.usefixtures("providers")
async def test_state_must_come_from_this_browser_and_works_once(
    app: FastAPI, google: tuple[respx.MockRouter, FakeProvider]
) -> None:
    _, fake = google
    async with client_from(app) as victim, client_from(app) as attacker:
        state = await start(attacker, "google", fake)
        forced = await callback(victim, "google", state)  # login CSRF: no state cookie here
        assert forced.headers["location"].startswith("/sign-in?error=")
        first = await callback(attacker, "google", state)
        assert first.headers["location"] == "/cart"
        await attacker.get("/api/v1/auth/oauth/google/start")  # a fresh cookie, old state
        attacker.cookies.set("tm_oauth_state", state, path="/api/v1/auth/oauth")
        replay = await callback(attacker, "google", state)
        assert replay.headers["location"].startswith("/sign-in?error=")
    assert fake.token_requests == 1


@pytest.mark.usefixtures("providers")
async def test_a_wrong_code_or_verifier_is_refused(
    app: FastAPI, google: tuple[respx.MockRouter, FakeProvider]
) -> None:
    _, fake = google
    async with client_from(app) as http:
        state = await start(http, "google", fake)
        response = await callback(http, "google", state, code="stolen-code")
    assert response.headers["location"].startswith("/sign-in?error=")
    assert (
        "set-cookie" not in response.headers or "tm_refresh=" not in response.headers["set-cookie"]
    )


@pytest.mark.usefixtures("providers")
async def test_unverified_google_email_is_refused(
    app: FastAPI, google: tuple[respx.MockRouter, FakeProvider]
) -> None:
    _, fake = google
    fake.profile["email_verified"] = False
    async with client_from(app) as http:
        response = await callback(http, "google", await start(http, "google", fake))
    assert "confirm" in parse_qs(urlparse(response.headers["location"]).query)["error"][0]


@pytest.mark.usefixtures("providers")
async def test_existing_account_is_linked_and_mfa_still_applies(
    app: FastAPI, google: tuple[respx.MockRouter, FakeProvider]
) -> None:
    _, fake = google
    account = await sign_up(app)
    totp: pyotp.TOTP = (await enable_totp(account))[0]
    fake.profile["email"] = account.email
    async with client_from(app) as http:
        response = await callback(http, "google", await start(http, "google", fake, "/account"))
    location = urlparse(response.headers["location"])
    assert location.path == "/sign-in"
    query = parse_qs(location.query)
    assert query["next"] == ["/account"]
    assert query["mfa_token"][0]
    assert totp  # the code step is the usual /auth/login/mfa


@pytest.mark.usefixtures("providers")
async def test_github_uses_the_verified_primary_email(app: FastAPI) -> None:
    fake = FakeProvider({"id": 4242, "login": "octo", "name": None})
    address = f"octo-{uuid.uuid4().hex[:6]}@example.com"
    emails = [
        {"email": "unverified@example.com", "primary": False, "verified": False},
        {"email": address, "primary": True, "verified": True},
    ]
    with respx.mock(assert_all_called=True) as router:
        router.post("https://github.com/login/oauth/access_token").mock(side_effect=fake.token)
        router.get("https://api.github.com/user").respond(json=fake.profile)
        router.get("https://api.github.com/user/emails").respond(json=emails)
        async with client_from(app) as http:
            response = await callback(
                http, "github", await start(http, "github", fake, "//evil.example")
            )
            assert response.headers["location"] == "/"  # never an off-site redirect
            tokens = (await http.post("/api/v1/auth/refresh", json={})).json()
            me = await http.get(
                "/api/v1/users/me", headers={"authorization": f"Bearer {tokens['access_token']}"}
            )
    assert me.json()["email"] == address
    assert me.json()["display_name"] == "octo"
