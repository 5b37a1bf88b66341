"""Every attribute rule of core/security/policies.py, for every kind of user."""

from __future__ import annotations

import uuid

import pytest

from techmarket.core.security import policies
from techmarket.core.security.principal import Principal


def who(*roles: str) -> Principal:
    return Principal(uuid.uuid4(), uuid.uuid4(), frozenset({"buyer", *roles}))


KINDS = {
    "buyer": who(),
    "seller": who("seller"),
    "support_agent": who("support_agent"),
    "moderator": who("moderator"),
    "admin": who("admin"),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_owns_only_what_is_yours(kind: str) -> None:
    principal = KINDS[kind]
    assert policies.owns(principal, principal.user_id)
    assert not policies.owns(principal, uuid.uuid4())  # admins too: private data stays private


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("role", ["support_agent", "moderator", "admin", "seller", "buyer"])
def test_only_admins_grant_and_only_staff_roles(kind: str, role: str) -> None:
    allowed = kind == "admin" and role in {"support_agent", "moderator", "admin"}
    assert policies.may_grant_role(KINDS[kind], role) is allowed


def test_admins_revoke_staff_roles_but_not_their_own_admin() -> None:
    admin, other = KINDS["admin"], uuid.uuid4()
    assert policies.may_revoke_role(admin, other, "admin")
    assert policies.may_revoke_role(admin, other, "moderator")
    assert policies.may_revoke_role(admin, admin.user_id, "moderator")
    assert not policies.may_revoke_role(admin, admin.user_id, "admin")
    assert not policies.may_revoke_role(admin, other, "seller")
    assert not policies.may_revoke_role(KINDS["moderator"], other, "support_agent")
