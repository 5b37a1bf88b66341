"""The watchlist: listings a user keeps an eye on, with the price they saw when they started."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from techmarket.core.clock import utcnow
from techmarket.core.errors import Conflict
from techmarket.core.pagination import cut_page, newest_first
from techmarket.core.security.principal import Principal
from techmarket.core.storage import FileStorage
from techmarket.services.catalog.alerts import is_open_by_link, open_by_link
from techmarket.services.catalog.errors import ListingNotFound
from techmarket.services.catalog.models import Product, WatchlistEntry
from techmarket.services.catalog.service import to_summary
from techmarket.services.catalog.shelf_schemas import (
    WatchlistItem,
    WatchlistPage,
)
from techmarket.services.users import client as users

MAX_WATCHED = 1000


class OwnListing(Conflict):
    code, title = "own-listing", "That is your own listing"


class WatchlistFull(Conflict):
    code, title = "watchlist-full", "Your watchlist is full"


async def watch(session: AsyncSession, principal: Principal, product_id: uuid.UUID) -> None:
    """Start watching a listing the caller may open; watching it again changes nothing (the
    price seen the first time stays the reference for a drop)."""
    product = await session.get(Product, product_id)
    if product is None:
        raise ListingNotFound(f"No listing has id {product_id}.")
    dealer = await users.get_dealer_of_user(session, principal.user_id)
    if dealer is not None and dealer.id == product.seller_id:
        raise OwnListing("You cannot watch your own listing.")
    if not is_open_by_link(product):
        raise ListingNotFound(f"No listing has id {product_id}.")
    mine = WatchlistEntry.user_id == principal.user_id
    if await session.scalar(
        select(WatchlistEntry.id).where(mine, WatchlistEntry.product_id == product_id)
    ):
        return
    watched = await session.scalar(select(func.count()).select_from(WatchlistEntry).where(mine))
    if (watched or 0) >= MAX_WATCHED:
        raise WatchlistFull(f"A watchlist holds at most {MAX_WATCHED} listings; remove some.")
    try:
        async with session.begin_nested():
            session.add(
                WatchlistEntry(
                    user_id=principal.user_id, product_id=product_id,
                    price_when_added=product.price, added_at=utcnow(),
                )
            )  # fmt: skip
    except IntegrityError:
        return  # a concurrent PUT of the same listing won: the entry exists, as asked


async def unwatch(session: AsyncSession, principal: Principal, product_id: uuid.UUID) -> None:
    """Stop watching; idempotent, so a listing not (or no longer) watched is not an error."""
    await session.execute(
        delete(WatchlistEntry)
        .where(WatchlistEntry.user_id == principal.user_id, WatchlistEntry.product_id == product_id)
        .execution_options(synchronize_session=False)
    )


async def list_watched(
    session: AsyncSession,
    storage: FileStorage,
    principal: Principal,
    cursor: str | None,
    limit: int,
) -> WatchlistPage:
    """The caller's watched listings, newest first. Listings they can no longer open (made
    private, a draft, removed) are left out, and come back if the seller shows them again."""
    statement = newest_first(
        select(WatchlistEntry, Product)
        .join(Product, Product.id == WatchlistEntry.product_id)
        .where(WatchlistEntry.user_id == principal.user_id, open_by_link())
        .options(joinedload(Product.category), selectinload(Product.images)),
        WatchlistEntry.added_at, WatchlistEntry.id, cursor, limit,
    )  # fmt: skip
    rows = (await session.execute(statement)).unique().all()
    page, next_cursor = cut_page(rows, limit, lambda row: (row[0].added_at, row[0].id))
    return WatchlistPage(
        items=[
            WatchlistItem(
                product=to_summary(product, storage),
                added_at=entry.added_at,
                price_when_added=entry.price_when_added,
                price_dropped=product.price < entry.price_when_added,
                status=product.status,
            )
            for entry, product in page
        ],
        next_cursor=next_cursor,
    )
