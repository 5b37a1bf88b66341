"""Queries of the users service."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from techmarket.services.users.models import Dealer, User


async def get_user(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    return await session.get(User, user_id)


async def get_user_with_roles(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    return await session.scalar(
        select(User).where(User.id == user_id).options(selectinload(User.roles))
    )


async def get_user_by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(select(User).where(User.email == email))


async def get_dealer(session: AsyncSession, dealer_id: uuid.UUID) -> Dealer | None:
    return await session.get(Dealer, dealer_id)


async def get_dealer_of_user(session: AsyncSession, user_id: uuid.UUID) -> Dealer | None:
    return await session.scalar(select(Dealer).where(Dealer.user_id == user_id))


async def store_name_exists(session: AsyncSession, store_name: str) -> bool:
    found = await session.scalar(select(Dealer.id).where(Dealer.store_name == store_name))
    return found is not None
