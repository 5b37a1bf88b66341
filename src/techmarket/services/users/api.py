"""HTTP routes of the users service."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from techmarket.core.dependencies import SessionDep
from techmarket.services.users import service
from techmarket.services.users.schemas import DealerRead, PublicProfileRead

router = APIRouter(tags=["users"])


@router.get("/users/{user_id}", operation_id="users-get-profile")
async def get_profile(user_id: uuid.UUID, session: SessionDep) -> PublicProfileRead:
    return await service.public_profile(session, user_id)


@router.get("/dealers/{dealer_id}", operation_id="users-get-dealer")
async def get_dealer(dealer_id: uuid.UUID, session: SessionDep) -> DealerRead:
    return await service.dealer_profile(session, dealer_id)
