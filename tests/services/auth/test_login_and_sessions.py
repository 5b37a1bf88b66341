"""Signing in, the access token's shape, refresh rotation, timeouts, logout, sessions."""

from __future__ import annotations

import datetime as dt

import jwt
import time_machine
from fastapi import FastAPI

from techmarket.core.resources import Resources
from tests.accounts import client_from, sign_up


async def test_login_gives_a_ten_minute_eddsa_token(app: FastAPI) -> None:
    account = await sign_up(app, login=False)
    response = await account.http.post(
        "/api/v1/auth/login", json={"email": account.email, "password": account.password}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 600
    header = jwt.get_unverified_header(body["access_token"])
    claims = jwt.decode(body["access_token"], options={"verify_signature": False})
    assert header["alg"] == "EdDSA"
    assert header["kid"]
    assert claims["exp"] - claims["iat"] == 600
    assert claims["sub"] == account.user_id
    cookie = response.headers["set-cookie"]
    assert "tm_refresh=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    assert "Path=/api/v1/auth" in cookie


async def test_wrong_password_and_unknown_email_look_the_same(app: FastAPI) -> None:
    account = await sign_up(app, login=False)
    async with client_from(app) as http:
        wrong = await http.post(
            "/api/v1/auth/login", json={"email": account.email, "password": "not it at all"}
        )
        unknown = await http.post(
            "/api/v1/auth/login", json={"email": "nobody@example.com", "password": "whatever"}
        )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]
    assert wrong.json()["title"] == "Wrong email or password"


async def test_me_needs_a_valid_token(app: FastAPI) -> None:
    account = await sign_up(app)
    assert (await account.http.get("/api/v1/users/me")).status_code == 401
    ok = await account.http.get("/api/v1/users/me", headers=account.auth())
    assert ok.status_code == 200
    assert ok.json()["email"] == account.email
    assert ok.json()["id"] == account.user_id


async def test_refresh_rotates_and_a_reused_token_ends_the_family(app: FastAPI) -> None:
    account = await sign_up(app)
    first = account.refresh_token
    rotated = await account.http.post("/api/v1/auth/refresh", json={"refresh_token": first})
    assert rotated.status_code == 200
    second = rotated.json()["refresh_token"]
    assert second != first
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=11)  # past the two-tab grace
    with time_machine.travel(later, tick=True):
        stolen = await account.http.post("/api/v1/auth/refresh", json={"refresh_token": first})
    assert stolen.status_code == 401
    assert 'tm_refresh=""' in stolen.headers["set-cookie"]
    # The thief's replay ended the whole session: the newest token is dead too ...
    after = await account.http.post("/api/v1/auth/refresh", json={"refresh_token": second})
    assert after.status_code == 401
    # ... and so are access tokens already handed out in it.
    me = await account.http.get(
        "/api/v1/users/me", headers=account.auth(rotated.json()["access_token"])
    )
    assert me.status_code == 401
    await account.login()
    activity = await account.http.get("/api/v1/auth/activity", headers=account.auth())
    kinds = [item["kind"] for item in activity.json()["items"]]
    assert "refresh_reused" in kinds


async def test_two_tabs_refreshing_at_once_keep_the_session(app: FastAPI) -> None:
    account = await sign_up(app)
    token = account.refresh_token
    first = await account.http.post("/api/v1/auth/refresh", json={"refresh_token": token})
    second = await account.http.post("/api/v1/auth/refresh", json={"refresh_token": token})
    assert first.status_code == second.status_code == 200
    for response in (first, second):
        me = await account.http.get(
            "/api/v1/users/me", headers=account.auth(response.json()["access_token"])
        )
        assert me.status_code == 200


async def test_logout_with_only_the_cookie_ends_the_session(app: FastAPI) -> None:
    account = await sign_up(app)
    out = await account.http.post("/api/v1/auth/logout")  # no bearer token, cookie only
    assert out.status_code == 204
    assert 'tm_refresh=""' in out.headers["set-cookie"]
    refresh = await account.http.post(
        "/api/v1/auth/refresh", json={"refresh_token": account.refresh_token}
    )
    assert refresh.status_code == 401


async def test_refresh_reads_the_cookie_when_the_body_is_empty(app: FastAPI) -> None:
    account = await sign_up(app)
    response = await account.http.post("/api/v1/auth/refresh", json={})
    assert response.status_code == 200
    assert response.json()["refresh_token"] != account.refresh_token


async def test_idle_session_ends_after_thirty_minutes(app: FastAPI) -> None:
    account = await sign_up(app)
    now = dt.datetime.now(dt.UTC)
    with time_machine.travel(now + dt.timedelta(minutes=29), tick=True):
        ok = await account.http.post(
            "/api/v1/auth/refresh", json={"refresh_token": account.refresh_token}
        )
        assert ok.status_code == 200
        token = ok.json()["refresh_token"]
    with time_machine.travel(now + dt.timedelta(minutes=29 + 31), tick=True):
        idle = await account.http.post("/api/v1/auth/refresh", json={"refresh_token": token})
    assert idle.status_code == 401
    assert "without activity" in idle.json()["detail"]


async def test_session_ends_after_twelve_hours_however_active(app: FastAPI) -> None:
    account = await sign_up(app)
    start = dt.datetime.now(dt.UTC)
    token = account.refresh_token
    status = 200
    for step in range(1, 40):
        with time_machine.travel(start + dt.timedelta(minutes=25 * step), tick=True):
            response = await account.http.post(
                "/api/v1/auth/refresh", json={"refresh_token": token}
            )
        status = response.status_code
        if status != 200:
            assert 25 * step >= 12 * 60
            assert "maximum length" in response.json()["detail"]
            break
        token = response.json()["refresh_token"]
    assert status == 401


async def test_logout_ends_refresh_and_access(app: FastAPI) -> None:
    account = await sign_up(app)
    out = await account.http.post("/api/v1/auth/logout", headers=account.auth())
    assert out.status_code == 204
    assert (await account.http.get("/api/v1/users/me", headers=account.auth())).status_code == 401
    refresh = await account.http.post(
        "/api/v1/auth/refresh", json={"refresh_token": account.refresh_token}
    )
    assert refresh.status_code == 401


async def test_sessions_list_and_revoke(app: FastAPI) -> None:
    account = await sign_up(app)
    other_device = client_from(app)
    second = await other_device.post(
        "/api/v1/auth/login", json={"email": account.email, "password": account.password}
    )
    listed = (await account.http.get("/api/v1/auth/sessions", headers=account.auth())).json()
    assert len(listed["items"]) == 2
    assert [s["current"] for s in listed["items"]].count(True) == 1
    other = next(s for s in listed["items"] if not s["current"])
    stranger = await sign_up(app)
    hidden = await stranger.http.delete(
        f"/api/v1/auth/sessions/{other['id']}", headers=stranger.auth()
    )
    assert hidden.status_code == 404
    revoked = await account.http.delete(
        f"/api/v1/auth/sessions/{other['id']}", headers=account.auth()
    )
    assert revoked.status_code == 204
    dead = await other_device.get(
        "/api/v1/users/me", headers={"authorization": f"Bearer {second.json()['access_token']}"}
    )
    assert dead.status_code == 401
    left = (await account.http.get("/api/v1/auth/sessions", headers=account.auth())).json()
    assert len(left["items"]) == 1


def _new_sign_in_notices(resources: Resources, to: str) -> list[str]:
    messages = resources.mailer.messages()  # type: ignore[attr-defined]
    return [
        message.get_body(preferencelist=("plain",)).get_content()
        for message in messages
        if message["To"] == to and message["Subject"] == "New sign-in to your TechMarket account"
    ]


async def test_a_sign_in_from_a_new_device_is_mailed_to_the_owner(
    app: FastAPI, resources: Resources
) -> None:
    account = await sign_up(app)  # the first sign-in: no news
    await account.login()  # the same device again
    assert _new_sign_in_notices(resources, account.email) == []
    tablet = "Mozilla/5.0 (iPad; CPU OS 18_0 like Mac OS X) Safari/604.1"
    signed_in = await account.http.post(
        "/api/v1/auth/login",
        json={"email": account.email, "password": account.password},
        headers={"user-agent": tablet},
    )
    assert signed_in.status_code == 200, signed_in.text
    notices = _new_sign_in_notices(resources, account.email)
    assert len(notices) == 1
    assert tablet in notices[0] and "/forgot-password" in notices[0]
