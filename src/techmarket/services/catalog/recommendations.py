"""Recommendations from what people look at: "viewed together" and a personal row.

Item-to-item co-occurrence: two listings are related when the same viewers looked at both
within `WINDOW`. A view counts once per viewer, listing and day. Signed-in viewers are their
user id; signed-out browsers send a random id they keep (hashed here, never linked to a
person). "Bought together" joins in when the orders service records sales (issue 5).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections import Counter
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, joinedload, selectinload

from techmarket.core.cache import Cache, cache_aside
from techmarket.core.clock import utcnow
from techmarket.core.security.principal import Principal
from techmarket.core.storage import FileStorage
from techmarket.services.catalog import repository
from techmarket.services.catalog.errors import ListingNotFound
from techmarket.services.catalog.models import ListingStatus, Product, ProductView, Visibility
from techmarket.services.catalog.schemas import (
    ProductList,
    RecommendationBasis,
    Recommendations,
)
from techmarket.services.catalog.service import to_summary

WINDOW = dt.timedelta(days=90)
ROW_LIMIT = 8
CANDIDATES = 50
HISTORY = 20


def viewer_key(principal: Principal | None, browser_id: uuid.UUID | None) -> str | None:
    if principal is not None:
        return f"user:{principal.user_id}"
    if browser_id is not None:
        return "anon:" + hashlib.sha256(browser_id.bytes).hexdigest()[:40]
    return None


async def record_view(session: AsyncSession, product_id: uuid.UUID, viewer: str) -> None:
    """Once per viewer, listing and day; a listing nobody may see is not recorded."""
    product = await session.get(Product, product_id)
    if product is None or product.visibility not in {Visibility.PUBLIC, Visibility.UNLISTED}:
        raise ListingNotFound(f"No listing has id {product_id}.")
    today = utcnow().date()
    seen = await session.scalar(
        select(ProductView.id).where(
            ProductView.viewer == viewer,
            ProductView.product_id == product_id,
            ProductView.viewed_on == today,
        )
    )
    if seen is not None:
        return
    try:
        async with session.begin_nested():
            session.add(ProductView(viewer=viewer, product_id=product_id, viewed_on=today))
    except IntegrityError:
        pass  # the same view recorded by a parallel request


async def _co_viewed(
    session: AsyncSession, product_ids: Sequence[uuid.UUID], exclude: set[uuid.UUID]
) -> list[uuid.UUID]:
    """Listings most often viewed by the viewers of `product_ids`, best first."""
    mine, theirs = aliased(ProductView), aliased(ProductView)
    since = utcnow().date() - WINDOW
    viewers = func.count(func.distinct(theirs.viewer))
    rows = await session.execute(
        select(theirs.product_id, viewers)
        .join(mine, mine.viewer == theirs.viewer)
        .where(
            mine.product_id.in_(product_ids),
            mine.viewed_on >= since,
            theirs.viewed_on >= since,
            theirs.product_id.not_in(product_ids),
        )
        .group_by(theirs.product_id)
        .order_by(viewers.desc())
        .limit(CANDIDATES)
    )
    counts = Counter({product_id: int(n) for product_id, n in rows})
    return [product_id for product_id, _ in counts.most_common() if product_id not in exclude]


async def _listed(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[Product]:
    """The public, active listings among `ids`, in the order given."""
    if not ids:
        return []
    rows = await session.scalars(
        select(Product)
        .where(
            Product.id.in_(ids),
            Product.status == ListingStatus.ACTIVE,
            Product.visibility == Visibility.PUBLIC,
        )
        .options(joinedload(Product.category), selectinload(Product.images))
    )
    found = {product.id: product for product in rows.unique()}
    return [found[i] for i in ids if i in found]


async def viewed_together_json(
    session: AsyncSession, cache: Cache, storage: FileStorage, product_id: uuid.UUID, ttl: int
) -> bytes:
    """Cached for the TTL: a statistic over many visits does not need to move with each one."""

    async def load() -> bytes:
        ids = await _co_viewed(session, [product_id], {product_id})
        products = (await _listed(session, ids))[:ROW_LIMIT]
        items = [to_summary(product, storage) for product in products]
        return ProductList(items=items).model_dump_json().encode()

    return await cache_aside(cache, f"catalog:viewed-together:{product_id}", ttl, load)


async def for_viewer(
    session: AsyncSession, storage: FileStorage, viewer: str | None
) -> Recommendations:
    """From the viewer's recent views; else what many people look at now; else featured."""
    if viewer is not None:
        history = list(
            await session.scalars(
                select(ProductView.product_id)
                .where(
                    ProductView.viewer == viewer, ProductView.viewed_on >= utcnow().date() - WINDOW
                )
                .order_by(ProductView.viewed_on.desc())
                .limit(HISTORY)
            )
        )
        if history:
            ids = await _co_viewed(session, history, set(history))
            products = (await _listed(session, ids))[:ROW_LIMIT]
            if products:
                return Recommendations(
                    basis=RecommendationBasis.VIEWED,
                    items=[to_summary(p, storage) for p in products],
                )
    popular = await _most_viewed(session)
    if popular:
        return Recommendations(
            basis=RecommendationBasis.POPULAR, items=[to_summary(p, storage) for p in popular]
        )
    featured = await repository.featured_products(session, ROW_LIMIT)
    return Recommendations(
        basis=RecommendationBasis.FEATURED, items=[to_summary(p, storage) for p in featured]
    )


async def _most_viewed(session: AsyncSession) -> list[Product]:
    since = utcnow().date() - dt.timedelta(days=7)
    viewers = func.count(ProductView.id)
    ids = list(
        await session.scalars(
            select(ProductView.product_id)
            .where(ProductView.viewed_on >= since)
            .group_by(ProductView.product_id)
            .order_by(viewers.desc())
            .limit(CANDIDATES)
        )
    )
    return (await _listed(session, ids))[:ROW_LIMIT]
