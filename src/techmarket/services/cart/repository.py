"""Queries on cart lines. Every query is scoped to one user: a line id alone finds nothing."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.services.cart.models import CartItem


async def lines_of(session: AsyncSession, user_id: uuid.UUID) -> list[CartItem]:
    rows = await session.scalars(
        select(CartItem).where(CartItem.user_id == user_id).order_by(CartItem.added_at, CartItem.id)
    )
    return list(rows)


async def line_of(session: AsyncSession, user_id: uuid.UUID, line_id: uuid.UUID) -> CartItem | None:
    return await session.scalar(
        select(CartItem).where(CartItem.id == line_id, CartItem.user_id == user_id)
    )


async def line_by_key(session: AsyncSession, user_id: uuid.UUID, key: str) -> CartItem | None:
    return await session.scalar(
        select(CartItem).where(CartItem.user_id == user_id, CartItem.line_key == key)
    )


async def count_lines(session: AsyncSession, user_id: uuid.UUID) -> int:
    found = await session.scalar(
        select(func.count()).select_from(CartItem).where(CartItem.user_id == user_id)
    )
    return found or 0


async def delete_lines(
    session: AsyncSession, user_id: uuid.UUID, line_ids: Sequence[uuid.UUID] | None
) -> None:
    statement = delete(CartItem).where(CartItem.user_id == user_id)
    if line_ids is not None:
        statement = statement.where(CartItem.id.in_(list(line_ids)))
    await session.execute(statement.execution_options(synchronize_session=False))


async def delete_listings(
    session: AsyncSession, user_id: uuid.UUID, line_keys: Sequence[str]
) -> None:
    await session.execute(
        delete(CartItem)
        .where(CartItem.user_id == user_id, CartItem.line_key.in_(list(line_keys)))
        .execution_options(synchronize_session=False)
    )
