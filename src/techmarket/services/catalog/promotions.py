"""Promotions: shelves of listings admins curate for the home page, each shown between two
instants. `GET /promotions` is a hot read served from the cache (cache-aside, DESIGN §6).

Freshness: the cached answer lives `min(ttl, seconds until the next start or end of any
promotion)`, so a promotion appears when it starts and disappears when it ends without a
per-request filter; admin writes drop the entry once their transaction has committed.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from techmarket.core.cache import Cache, cache_aside
from techmarket.core.clock import utcnow
from techmarket.core.db import after_commit
from techmarket.core.errors import InvalidInput, NotFound
from techmarket.core.pagination import cut_page, newest_first
from techmarket.core.security.principal import Principal
from techmarket.core.storage import FileStorage
from techmarket.services.catalog import cache_keys
from techmarket.services.catalog.alerts import is_publicly_listed
from techmarket.services.catalog.models import (
    ListingStatus,
    Product,
    Promotion,
    PromotionItem,
    Visibility,
)
from techmarket.services.catalog.service import to_summary
from techmarket.services.catalog.shelf_schemas import (
    PromotionAdminPage,
    PromotionAdminRead,
    PromotionCreate,
    PromotionList,
    PromotionRead,
)

MAX_RUNNING = 10
"""Promotions on the home page at once (the newest started ones)."""


class PromotionNotFound(NotFound):
    code, title = "promotion-not-found", "Promotion not found"


class ListingNotPromotable(InvalidInput):
    code, title = "listing-not-promotable", "Only public, active listings can be promoted"


class PromotionInThePast(InvalidInput):
    code, title = "promotion-in-the-past", "The promotion would already be over"


def entry_lifetime(ttl: int, now: dt.datetime, next_change: dt.datetime | None) -> int:
    """Seconds to keep the cached answer: never past the next start or end of a promotion."""
    if next_change is None:
        return ttl
    return max(1, min(ttl, math.ceil((next_change - now).total_seconds())))


async def _products_of(
    session: AsyncSession, promotion_ids: Sequence[uuid.UUID], *, public_only: bool
) -> dict[uuid.UUID, list[Product]]:
    """The listings of these promotions in their order, in one query."""
    if not promotion_ids:
        return {}
    statement = (
        select(PromotionItem.promotion_id, Product)
        .join(Product, Product.id == PromotionItem.product_id)
        .where(PromotionItem.promotion_id.in_(promotion_ids))
        .order_by(PromotionItem.promotion_id, PromotionItem.position)
        .options(joinedload(Product.category), selectinload(Product.images))
    )
    if public_only:
        statement = statement.where(
            Product.status == ListingStatus.ACTIVE, Product.visibility == Visibility.PUBLIC
        )
    found: dict[uuid.UUID, list[Product]] = defaultdict(list)
    for promotion_id, product in (await session.execute(statement)).unique():
        found[promotion_id].append(product)
    return found


async def _next_change(session: AsyncSession, now: dt.datetime) -> dt.datetime | None:
    """The soonest future start or end of any promotion."""
    next_start = await session.scalar(
        select(Promotion.starts_at)
        .where(Promotion.starts_at > now)
        .order_by(Promotion.starts_at)
        .limit(1)
    )
    next_end = await session.scalar(
        select(Promotion.ends_at)
        .where(Promotion.ends_at > now)
        .order_by(Promotion.ends_at)
        .limit(1)
    )
    changes = [moment for moment in (next_start, next_end) if moment is not None]
    return min(changes) if changes else None


async def running(
    session: AsyncSession, storage: FileStorage, now: dt.datetime
) -> list[PromotionRead]:
    """Promotions running at `now` with their listings still public and active; a promotion
    whose listings are all gone is left out (an empty shelf helps nobody)."""
    promotions = (
        await session.scalars(
            select(Promotion)
            .where(Promotion.starts_at <= now, Promotion.ends_at > now)
            .order_by(Promotion.starts_at.desc(), Promotion.id.desc())
            .limit(MAX_RUNNING)
        )
    ).all()
    products = await _products_of(session, [p.id for p in promotions], public_only=True)
    return [
        PromotionRead(
            id=promotion.id,
            title=promotion.title,
            subtitle=promotion.subtitle,
            starts_at=promotion.starts_at,
            ends_at=promotion.ends_at,
            products=[to_summary(product, storage) for product in products[promotion.id]],
        )
        for promotion in promotions
        if products.get(promotion.id)
    ]


async def promotions_json(
    session: AsyncSession, cache: Cache, storage: FileStorage, ttl: int
) -> bytes:
    """`GET /promotions` as cached JSON bytes (also what the start-up warm-up calls)."""
    lifetime = ttl

    async def load() -> bytes:
        nonlocal lifetime
        now = utcnow()
        items = await running(session, storage, now)
        lifetime = entry_lifetime(ttl, now, await _next_change(session, now))
        return PromotionList(items=items).model_dump_json().encode()

    body = await cache_aside(cache, cache_keys.PROMOTIONS, ttl, load)
    if lifetime < ttl:
        # `cache_aside` stores for a fixed ttl; shorten it to the next change of the shelf.
        await cache.set(cache_keys.PROMOTIONS, body, lifetime)
    return body


def _forget_after_commit(session: AsyncSession, cache: Cache) -> None:
    async def forget() -> None:
        await cache.delete(cache_keys.PROMOTIONS)

    after_commit(session, forget)


def _admin_read(
    promotion: Promotion, products: Sequence[Product], storage: FileStorage, now: dt.datetime
) -> PromotionAdminRead:
    return PromotionAdminRead(
        id=promotion.id,
        title=promotion.title,
        subtitle=promotion.subtitle,
        starts_at=promotion.starts_at,
        ends_at=promotion.ends_at,
        products=[to_summary(product, storage) for product in products],
        product_ids=[product.id for product in products],
        unavailable_product_ids=[p.id for p in products if not is_publicly_listed(p)],
        active=promotion.starts_at <= now < promotion.ends_at,
        created_by=promotion.created_by,
        created_at=promotion.created_at,
    )


async def create(
    session: AsyncSession,
    cache: Cache,
    storage: FileStorage,
    principal: Principal,
    body: PromotionCreate,
) -> PromotionAdminRead:
    now = utcnow()
    if body.ends_at <= now:
        raise PromotionInThePast(
            "A promotion must end in the future.",
            errors=[{"field": "ends_at", "in": "body", "message": "must be in the future"}],
        )
    promotable = set(
        await session.scalars(
            select(Product.id).where(
                Product.id.in_(body.product_ids),
                Product.status == ListingStatus.ACTIVE,
                Product.visibility == Visibility.PUBLIC,
            )
        )
    )
    refused = [
        {"field": f"product_ids.{index}", "in": "body", "message": "not a public, active listing"}
        for index, product_id in enumerate(body.product_ids)
        if product_id not in promotable
    ]
    if refused:
        raise ListingNotPromotable(
            f"{len(refused)} of the listings cannot be promoted: only public, active ones can.",
            errors=refused,
        )
    promotion = Promotion(
        id=uuid.uuid4(),
        title=body.title,
        subtitle=body.subtitle,
        starts_at=body.starts_at.astimezone(dt.UTC),
        ends_at=body.ends_at.astimezone(dt.UTC),
        created_by=principal.user_id,
        created_at=now,
    )
    session.add(promotion)
    await session.flush()
    session.add_all(
        PromotionItem(promotion_id=promotion.id, product_id=product_id, position=position)
        for position, product_id in enumerate(body.product_ids)
    )
    await session.flush()
    _forget_after_commit(session, cache)
    products = await _products_of(session, [promotion.id], public_only=False)
    return _admin_read(promotion, products[promotion.id], storage, now)


async def list_all(
    session: AsyncSession, storage: FileStorage, cursor: str | None, limit: int
) -> PromotionAdminPage:
    """Every promotion, past, running and scheduled, newest created first."""
    statement = newest_first(select(Promotion), Promotion.created_at, Promotion.id, cursor, limit)
    rows = (await session.scalars(statement)).all()
    page, next_cursor = cut_page(rows, limit, lambda p: (p.created_at, p.id))
    products = await _products_of(session, [p.id for p in page], public_only=False)
    now = utcnow()
    return PromotionAdminPage(
        items=[_admin_read(p, products.get(p.id, []), storage, now) for p in page],
        next_cursor=next_cursor,
    )


async def remove(session: AsyncSession, cache: Cache, promotion_id: uuid.UUID) -> None:
    if await session.get(Promotion, promotion_id) is None:
        raise PromotionNotFound(f"No promotion has id {promotion_id}.")
    await session.execute(
        delete(PromotionItem)
        .where(PromotionItem.promotion_id == promotion_id)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        delete(Promotion)
        .where(Promotion.id == promotion_id)
        .execution_options(synchronize_session=False)
    )
    _forget_after_commit(session, cache)
