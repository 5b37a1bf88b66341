"""Changing the email and deleting the account: both need proof it is the owner (step-up)."""

from __future__ import annotations

import uuid

from fastapi import FastAPI
from sqlalchemy import func, select

from techmarket.core.resources import Resources
from techmarket.services.users import client as users
from techmarket.services.users.models import Address
from tests.accounts import last_link, sign_up
from tests.services.users.test_address_book import HOME


async def test_email_change_needs_the_password_and_reverifies(
    app: FastAPI, resources: Resources
) -> None:
    account = await sign_up(app)
    new_email = f"moved-{uuid.uuid4().hex[:8]}@example.com"
    missing = await account.http.post(
        "/api/v1/users/me/email", json={"new_email": new_email}, headers=account.auth()
    )
    assert missing.status_code == 403
    wrong = await account.http.post(
        "/api/v1/users/me/email",
        json={"new_email": new_email, "password": "not my password"},
        headers=account.auth(),
    )
    assert wrong.status_code == 403
    changed = await account.http.post(
        "/api/v1/users/me/email",
        json={"new_email": new_email, "password": account.password},
        headers=account.auth(),
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["email"] == new_email
    assert changed.json()["email_verified"] is False
    assert last_link(resources, new_email, "/verify-email")
    notices = [m for m in resources.mailer.messages() if m["To"] == account.email]  # type: ignore[attr-defined]
    assert any("was changed" in m["Subject"] for m in notices)
    account.email = new_email
    assert (await account.login())["access_token"]


async def test_email_change_to_a_taken_address_is_409(app: FastAPI) -> None:
    first, second = await sign_up(app), await sign_up(app)
    response = await second.http.post(
        "/api/v1/users/me/email",
        json={"new_email": first.email, "password": second.password},
        headers=second.auth(),
    )
    assert response.status_code == 409


async def test_deleting_the_account_erases_the_person(app: FastAPI, resources: Resources) -> None:
    account = await sign_up(app)
    await account.http.post("/api/v1/users/me/addresses", json=HOME, headers=account.auth())
    refused = await account.http.request(
        "DELETE", "/api/v1/users/me", json={"password": "wrong"}, headers=account.auth()
    )
    assert refused.status_code == 403
    deleted = await account.http.request(
        "DELETE", "/api/v1/users/me", json={"password": account.password}, headers=account.auth()
    )
    assert deleted.status_code == 204
    assert 'tm_refresh=""' in deleted.headers["set-cookie"]
    assert (await account.http.get("/api/v1/users/me", headers=account.auth())).status_code == 401
    login = await account.http.post(
        "/api/v1/auth/login", json={"email": account.email, "password": account.password}
    )
    assert login.status_code == 401
    profile = await account.http.get(f"/api/v1/users/{account.user_id}")
    assert profile.json()["display_name"] == "Deleted user"
    async with resources.db.unit_of_work(write=False) as session:
        user_id = uuid.UUID(account.user_id)
        addresses = await session.scalar(
            select(func.count()).select_from(Address).where(Address.user_id == user_id)
        )
        same_email = await users.get_user_by_email(session, account.email)
    assert addresses == 0
    assert same_email is None
