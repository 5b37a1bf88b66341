"""HTTP routes of the admin service (administrators only)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends

from techmarket.core.dependencies import SessionDep, require_role
from techmarket.core.security.policies import ADMIN
from techmarket.core.security.principal import Principal
from techmarket.services.admin import service
from techmarket.services.admin.schemas import RoleGrant, StaffRole, UserRoles

router = APIRouter(prefix="/admin", tags=["admin"])
AdminPrincipal = Annotated[Principal, Depends(require_role(ADMIN))]


@router.post("/users/{user_id}/roles", operation_id="admin-grant-role")
async def grant_role(
    user_id: uuid.UUID, body: RoleGrant, principal: AdminPrincipal, session: SessionDep
) -> UserRoles:
    return await service.grant_role(session, principal, user_id, body.role)


@router.delete("/users/{user_id}/roles/{role}", operation_id="admin-revoke-role")
async def revoke_role(
    user_id: uuid.UUID, role: StaffRole, principal: AdminPrincipal, session: SessionDep
) -> UserRoles:
    return await service.revoke_role(session, principal, user_id, role)
