"""Forgotten passwords: the same answer for anyone, a single-use link, every session ended."""

from __future__ import annotations

import uuid

from fastapi import FastAPI

from techmarket.core.resources import Resources
from tests.accounts import client_from, last_link, sign_up, strong_password


async def test_forgot_answers_the_same_for_unknown_addresses(
    app: FastAPI, resources: Resources
) -> None:
    account = await sign_up(app)
    async with client_from(app) as http:
        known = await http.post("/api/v1/auth/password/forgot", json={"email": account.email})
        unknown = await http.post(
            "/api/v1/auth/password/forgot",
            json={"email": f"ghost-{uuid.uuid4().hex[:8]}@example.com"},
        )
    assert known.status_code == unknown.status_code == 202
    assert known.content == unknown.content
    assert last_link(resources, account.email, "/reset-password")


async def test_reset_link_sets_the_password_once_and_ends_sessions(
    app: FastAPI, resources: Resources
) -> None:
    account = await sign_up(app)
    await account.http.post("/api/v1/auth/password/forgot", json={"email": account.email})
    token = last_link(resources, account.email, "/reset-password")
    new_password = strong_password()
    done = await account.http.post(
        "/api/v1/auth/password/reset", json={"token": token, "password": new_password}
    )
    assert done.status_code == 204
    again = await account.http.post(
        "/api/v1/auth/password/reset", json={"token": token, "password": strong_password()}
    )
    assert again.status_code == 422
    old_session = await account.http.post(
        "/api/v1/auth/refresh", json={"refresh_token": account.refresh_token}
    )
    assert old_session.status_code == 401
    account.password = new_password
    assert (await account.login())["access_token"]


async def test_reset_refuses_a_weak_password(app: FastAPI, resources: Resources) -> None:
    account = await sign_up(app, login=False)
    await account.http.post("/api/v1/auth/password/forgot", json={"email": account.email})
    token = last_link(resources, account.email, "/reset-password")
    weak = await account.http.post(
        "/api/v1/auth/password/reset", json={"token": token, "password": "password1234"}
    )
    assert weak.status_code == 422
    assert weak.json()["errors"][0]["field"] == "password"
