"""Registering: normalised unique emails, password rules with reasons, email verification."""

from __future__ import annotations

import uuid

import httpx
from fastapi import FastAPI

from techmarket.core.resources import Resources
from tests.accounts import client_from, last_link, sign_up, strong_password


async def test_register_answers_the_account_without_secrets(app: FastAPI) -> None:
    async with client_from(app) as http:
        password = strong_password()
        local = f"Mixed.Case.{uuid.uuid4().hex[:8]}"
        response = await http.post(
            "/api/v1/auth/register",
            json={
                "email": f"  {local}@Example.COM ",
                "password": password,
                "display_name": "Kim",
            },
        )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["email"] == f"{local.lower()}@example.com"
    assert body["email_verified"] is False
    assert body["roles"] == ["buyer"]
    assert body["mfa_enabled"] is False
    assert password not in response.text


async def test_duplicate_email_is_409(app: FastAPI) -> None:
    account = await sign_up(app, login=False)
    async with client_from(app) as http:
        response = await http.post(
            "/api/v1/auth/register",
            json={
                "email": account.email.upper(),
                "password": strong_password(),
                "display_name": "Other",
            },
        )
    assert response.status_code == 409
    assert response.json()["title"] == "Email already registered"


async def test_weak_passwords_are_refused_with_reasons(app: FastAPI) -> None:
    async with client_from(app) as http:
        cases = {
            "short": "Tiny-pass1",
            "common": "password1234",
            "has-name": "Robin Tester rocks 2024!",
        }
        for name, password in cases.items():
            response = await http.post(
                "/api/v1/auth/register",
                json={
                    "email": f"weak-{name}@example.com",
                    "password": password,
                    "display_name": "Robin Tester",
                },
            )
            assert response.status_code == 422, (name, response.text)
            errors = response.json()["errors"]
            assert errors
            assert all(e["field"] == "password" and e["message"] for e in errors)


async def test_strength_endpoint_explains(client: httpx.AsyncClient) -> None:
    weak = await client.post("/api/v1/auth/password/strength", json={"password": "abc"})
    assert weak.status_code == 200
    assert weak.json()["acceptable"] is False
    assert weak.json()["reasons"]
    strong = await client.post(
        "/api/v1/auth/password/strength", json={"password": strong_password()}
    )
    assert strong.json()["acceptable"] is True
    assert strong.json()["reasons"] == []


async def test_email_link_verifies_once(app: FastAPI, resources: Resources) -> None:
    account = await sign_up(app)
    token = last_link(resources, account.email, "/verify-email")
    first = await account.http.post("/api/v1/auth/email/verify", json={"token": token})
    assert first.status_code == 204
    me = await account.http.get("/api/v1/users/me", headers=account.auth())
    assert me.json()["email_verified"] is True
    again = await account.http.post("/api/v1/auth/email/verify", json={"token": token})
    assert again.status_code == 422
    assert again.json()["title"] == "This link is not valid any more"


async def test_selling_needs_a_verified_email(app: FastAPI, resources: Resources) -> None:
    account = await sign_up(app)
    store = {"store_name": f"Store {account.user_id[:8]}", "country": "DE"}
    refused = await account.http.post("/api/v1/users/me/dealer", json=store, headers=account.auth())
    assert refused.status_code == 403
    assert refused.json()["title"] == "Verify your email address first"
    token = last_link(resources, account.email, "/verify-email")
    await account.http.post("/api/v1/auth/email/verify", json={"token": token})
    created = await account.http.post("/api/v1/users/me/dealer", json=store, headers=account.auth())
    assert created.status_code == 201
    again = await account.http.post("/api/v1/users/me/dealer", json=store, headers=account.auth())
    assert again.status_code == 409
    # The seller role reaches the token at the next refresh.
    refreshed = await account.http.post(
        "/api/v1/auth/refresh", json={"refresh_token": account.refresh_token}
    )
    me = await account.http.get(
        "/api/v1/users/me", headers=account.auth(refreshed.json()["access_token"])
    )
    assert me.json()["roles"] == ["buyer", "seller"]
    assert me.json()["dealer_id"] == created.json()["id"]
