"""HTTP routes of the users service."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response, status

from techmarket.core.dependencies import CurrentPrincipal, ResourcesDep, SessionDep
from techmarket.services.auth import client as auth
from techmarket.services.users import service
from techmarket.services.users.api_profile import router as profile_router
from techmarket.services.users.schemas import (
    AccountDeletion,
    DealerCreate,
    DealerRead,
    EmailChange,
    MeRead,
    MeUpdate,
    PublicProfileRead,
)

router = APIRouter(tags=["users"])
# The /users/me/... routes come before /users/{user_id} so "me" is never read as an id.
router.include_router(profile_router)


@router.get("/users/me", operation_id="users-get-me")
async def get_me(principal: CurrentPrincipal, session: SessionDep) -> MeRead:
    mfa_enabled = await auth.mfa_enabled(session, principal.user_id)
    return await service.me(session, principal.user_id, mfa_enabled=mfa_enabled)


@router.patch("/users/me", operation_id="users-update-me")
async def update_me(body: MeUpdate, principal: CurrentPrincipal, session: SessionDep) -> MeRead:
    await service.update_me(session, principal.user_id, body)
    mfa_enabled = await auth.mfa_enabled(session, principal.user_id)
    return await service.me(session, principal.user_id, mfa_enabled=mfa_enabled)


@router.post("/users/me/email", operation_id="users-change-email")
async def change_email(
    body: EmailChange,
    principal: CurrentPrincipal,
    request: Request,
    session: SessionDep,
    resources: ResourcesDep,
) -> MeRead:
    return await auth.change_email(
        session,
        resources,
        principal,
        new_email=str(body.new_email),
        code=body.code,
        password=body.password,
        client=auth.ClientInfo.of(request),
    )


@router.delete("/users/me", status_code=status.HTTP_204_NO_CONTENT, operation_id="users-delete-me")
async def delete_me(
    body: AccountDeletion,
    principal: CurrentPrincipal,
    response: Response,
    session: SessionDep,
    resources: ResourcesDep,
) -> None:
    await auth.delete_account(session, resources, principal, code=body.code, password=body.password)
    auth.clear_refresh_cookie(response)


@router.post(
    "/users/me/dealer", status_code=status.HTTP_201_CREATED, operation_id="users-become-dealer"
)
async def become_dealer(
    body: DealerCreate, principal: CurrentPrincipal, session: SessionDep
) -> DealerRead:
    return await service.open_store(session, principal.user_id, body)


@router.get("/users/{user_id}", operation_id="users-get-profile")
async def get_profile(user_id: uuid.UUID, session: SessionDep) -> PublicProfileRead:
    return await service.public_profile(session, user_id)


@router.get("/dealers/{dealer_id}", operation_id="users-get-dealer")
async def get_dealer(dealer_id: uuid.UUID, session: SessionDep) -> DealerRead:
    return await service.dealer_profile(session, dealer_id)
