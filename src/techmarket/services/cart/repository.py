"""Queries on cart lines and offers. Every cart query is scoped to one user: a line id alone
finds nothing. Offers are found by id, and `offers.py` checks the caller is a party to one."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.pagination import newest_first
from techmarket.services.cart.models import CartItem, Offer, OfferStatus

OPEN_OFFER = (OfferStatus.PENDING, OfferStatus.COUNTERED)
"""Statuses that wait for someone's answer (until `expires_at`)."""


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


# --- offers -------------------------------------------------------------------------------


async def offer_by_id(session: AsyncSession, offer_id: uuid.UUID, *, lock: bool) -> Offer | None:
    query = select(Offer).where(Offer.id == offer_id)
    return await session.scalar(query.with_for_update() if lock else query)


async def open_offers(
    session: AsyncSession,
    buyer_id: uuid.UUID,
    product_id: uuid.UUID,
    option_id: uuid.UUID | None,
) -> list[Offer]:
    """The buyer's offers on a listing (and option) still in an open status, due or not."""
    option = Offer.option_id.is_(None) if option_id is None else Offer.option_id == option_id
    rows = await session.scalars(
        select(Offer)
        .where(
            Offer.buyer_id == buyer_id,
            Offer.product_id == product_id,
            option,
            Offer.status.in_(OPEN_OFFER),
        )
        .with_for_update()
    )
    return list(rows)


def _status_is(status: OfferStatus, now: dt.datetime) -> ColumnElement[bool]:
    """The status an offer has in effect at `now`: an open one past its time is expired,
    whether or not that is written down yet."""
    if status == OfferStatus.EXPIRED:
        return or_(
            Offer.status == OfferStatus.EXPIRED,
            and_(Offer.status.in_(OPEN_OFFER), Offer.expires_at <= now),
        )
    if status in OPEN_OFFER:
        return and_(Offer.status == status, Offer.expires_at > now)
    return Offer.status == status


async def offers_page(
    session: AsyncSession,
    party: ColumnElement[bool],
    status: OfferStatus | None,
    now: dt.datetime,
    cursor: str | None,
    limit: int,
) -> list[Offer]:
    """Newest first; `limit + 1` rows, so the caller can tell whether more follow."""
    query = select(Offer).where(party)
    if status is not None:
        query = query.where(_status_is(status, now))
    rows = await session.scalars(newest_first(query, Offer.created_at, Offer.id, cursor, limit))
    return list(rows)


def made_by(buyer_id: uuid.UUID) -> ColumnElement[bool]:
    return Offer.buyer_id == buyer_id


def made_to(seller_id: uuid.UUID) -> ColumnElement[bool]:
    return Offer.seller_id == seller_id


async def due_offers(session: AsyncSession, now: dt.datetime, limit: int) -> list[Offer]:
    """Open offers past their time, oldest due first, locked for marking."""
    rows = await session.scalars(
        select(Offer)
        .where(Offer.status.in_(OPEN_OFFER), Offer.expires_at <= now)
        .order_by(Offer.expires_at, Offer.id)
        .limit(limit)
        .with_for_update()
    )
    return list(rows)
