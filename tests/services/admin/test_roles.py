"""Administrators grant staff roles over the API; nobody else can."""

from __future__ import annotations

import uuid

from fastapi import FastAPI

from techmarket.core.resources import Resources
from techmarket.provisioning import create_account
from techmarket.services.users import client as users
from tests.accounts import Account, client_from, sign_up, strong_password


async def make_admin(app: FastAPI, resources: Resources) -> Account:
    email, password = f"admin-{uuid.uuid4().hex[:8]}@example.com", strong_password()
    async with resources.db.unit_of_work(write=True) as session:
        user_id = await create_account(
            session, resources, email=email, display_name="Ada Admin", password=password,
            roles=frozenset({users.Role.ADMIN}),
        )  # fmt: skip
    account = Account(email, password, "Ada Admin", str(user_id), client_from(app))
    await account.login()
    return account


async def test_admin_grants_and_revokes_a_staff_role(app: FastAPI, resources: Resources) -> None:
    admin, member = await make_admin(app, resources), await sign_up(app)
    path = f"/api/v1/admin/users/{member.user_id}/roles"
    granted = await admin.http.post(path, json={"role": "moderator"}, headers=admin.auth())
    assert granted.status_code == 200, granted.text
    assert granted.json()["roles"] == ["buyer", "moderator"]
    revoked = await admin.http.delete(f"{path}/moderator", headers=admin.auth())
    assert revoked.json()["roles"] == ["buyer"]


async def test_non_admins_and_bad_roles_are_refused(app: FastAPI, resources: Resources) -> None:
    admin, member = await make_admin(app, resources), await sign_up(app)
    path = f"/api/v1/admin/users/{admin.user_id}/roles"
    by_member = await member.http.post(path, json={"role": "admin"}, headers=member.auth())
    assert by_member.status_code == 403
    seller = await admin.http.post(
        f"/api/v1/admin/users/{member.user_id}/roles", json={"role": "seller"}, headers=admin.auth()
    )
    assert seller.status_code == 422  # seller comes with a store, not from an admin
    own_admin = await admin.http.delete(f"{path}/admin", headers=admin.auth())
    assert own_admin.status_code == 403
    unknown = await admin.http.post(
        f"/api/v1/admin/users/{uuid.uuid4()}/roles", json={"role": "moderator"},
        headers=admin.auth(),
    )  # fmt: skip
    assert unknown.status_code == 404
