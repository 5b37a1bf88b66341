"""Rules of administration: who may hand out or take back staff roles."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.errors import Forbidden
from techmarket.core.security import policies
from techmarket.core.security.principal import Principal
from techmarket.services.admin.schemas import UserRoles
from techmarket.services.users import client as users


class RoleChangeRefused(Forbidden):
    code, title = "role-change-refused", "You may not change this role"


async def grant_role(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID, role: str
) -> UserRoles:
    if not policies.may_grant_role(principal, role):
        raise RoleChangeRefused(f"Only administrators grant the {role} role.")
    await users.grant_role(session, user_id, users.Role(role))
    user = await users.user_with_roles(session, user_id)
    return UserRoles(user_id=user.id, roles=users.role_names(user))


async def revoke_role(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID, role: str
) -> UserRoles:
    if not policies.may_revoke_role(principal, user_id, role):
        raise RoleChangeRefused(
            "Administrators take back staff roles, but not their own admin role."
        )
    await users.revoke_role(session, user_id, users.Role(role))
    user = await users.user_with_roles(session, user_id)
    return UserRoles(user_id=user.id, roles=users.role_names(user))
