"""Queries of the users service."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from techmarket.core.security.field_crypto import installed_field_cipher
from techmarket.services.users.models import EMAIL_CONTEXT, Dealer, Role, User, UserRole


async def get_user(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    return await session.get(User, user_id)


async def get_user_with_roles(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    return await session.scalar(
        select(User).where(User.id == user_id).options(selectinload(User.roles))
    )


async def get_user_by_email(session: AsyncSession, email: str) -> User | None:
    # Every key's index: rows indexed before a key rotation are still found.
    indexes = installed_field_cipher().blind_indexes(email, context=EMAIL_CONTEXT)
    return await session.scalar(select(User).where(User.email_index.in_(indexes)))


async def get_dealer(session: AsyncSession, dealer_id: uuid.UUID) -> Dealer | None:
    return await session.get(Dealer, dealer_id)


async def user_ids_with_roles(session: AsyncSession, roles: Collection[Role]) -> list[uuid.UUID]:
    """Everyone holding one of `roles` (e.g. the support team, to tell of a delivery problem)."""
    found = await session.scalars(
        select(UserRole.user_id).where(UserRole.role.in_(list(roles))).distinct()
    )
    return sorted(found)


async def get_dealer_of_user(session: AsyncSession, user_id: uuid.UUID) -> Dealer | None:
    return await session.scalar(select(Dealer).where(Dealer.user_id == user_id))


async def store_name_exists(session: AsyncSession, store_name: str) -> bool:
    found = await session.scalar(select(Dealer.id).where(Dealer.store_name == store_name))
    return found is not None


async def dealer_countries(
    session: AsyncSession, dealer_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, str | None]:
    """Where each store ships from (for shipping rates)."""
    if not dealer_ids:
        return {}
    rows = await session.execute(
        select(Dealer.id, Dealer.country).where(Dealer.id.in_(list(dealer_ids)))
    )
    return {row[0]: row[1] for row in rows}
