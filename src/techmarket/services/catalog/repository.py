"""Queries of the catalog service."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from techmarket.services.catalog.models import (
    Category,
    ListingStatus,
    Product,
    Visibility,
)
from techmarket.services.catalog.schemas import ProductSort


def _publicly_listed() -> ColumnElement[bool]:
    """Listings anyone may find by browsing or search (never drafts, unlisted, private, removed)."""
    return and_(Product.status == ListingStatus.ACTIVE, Product.visibility == Visibility.PUBLIC)


async def all_categories(session: AsyncSession) -> Sequence[Category]:
    result = await session.scalars(
        select(Category).order_by(Category.depth, Category.position, Category.name)
    )
    return result.all()


async def has_any_listing(session: AsyncSession) -> bool:
    return await session.scalar(select(Product.id).limit(1)) is not None


async def get_product(session: AsyncSession, product_id: uuid.UUID) -> Product | None:
    return await session.scalar(
        select(Product)
        .where(Product.id == product_id)
        .options(
            joinedload(Product.category),
            selectinload(Product.options),
            selectinload(Product.images),
        )
    )


async def featured_products(session: AsyncSession, limit: int) -> Sequence[Product]:
    result = await session.scalars(
        select(Product)
        .where(_publicly_listed(), Product.featured.is_(True))
        .order_by(Product.created_at.desc(), Product.id.desc())
        .limit(limit)
        .options(joinedload(Product.category), selectinload(Product.images))
    )
    return result.all()


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_filters(
    *,
    q: str | None,
    category_ids: Sequence[uuid.UUID] | None,
    brands: Sequence[str],
    conditions: Sequence[str],
    min_price: int | None,
    max_price: int | None,
) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a public search; shared by the page query and the facet counts."""
    clauses: list[ColumnElement[bool]] = [_publicly_listed()]
    if q:
        for word in q.split()[:8]:
            pattern = f"%{_escape_like(word.lower())}%"
            clauses.append(
                or_(
                    func.lower(Product.title).like(pattern, escape="\\"),
                    func.lower(Product.brand).like(pattern, escape="\\"),
                    func.lower(Product.model).like(pattern, escape="\\"),
                )
            )
    if category_ids is not None:
        clauses.append(Product.category_id.in_(category_ids))
    if brands:
        clauses.append(func.lower(Product.brand).in_([brand.lower() for brand in brands]))
    if conditions:
        clauses.append(Product.condition.in_(conditions))
    if min_price is not None:
        clauses.append(Product.price >= min_price)
    if max_price is not None:
        clauses.append(Product.price <= max_price)
    return clauses


SORT_KEYS: dict[ProductSort, tuple[str, bool]] = {
    # sort → (column, descending). Relevance ranks by recency until full-text search lands.
    ProductSort.RELEVANCE: ("created_at", True),
    ProductSort.NEWEST: ("created_at", True),
    ProductSort.PRICE_ASC: ("price", False),
    ProductSort.PRICE_DESC: ("price", True),
}


def page_query(
    clauses: list[ColumnElement[bool]],
    sort: ProductSort,
    after: tuple[Any, uuid.UUID] | None,
    limit: int,
) -> Select[Product]:
    """Keyset pagination on (sort column, id): stable and index-friendly at any depth."""
    column_name, descending = SORT_KEYS[sort]
    column = getattr(Product, column_name)
    query = select(Product).where(*clauses)
    if after is not None:
        value, last_id = after
        if descending:
            query = query.where(or_(column < value, and_(column == value, Product.id < last_id)))
        else:
            query = query.where(or_(column > value, and_(column == value, Product.id > last_id)))
    order = (column.desc(), Product.id.desc()) if descending else (column.asc(), Product.id.asc())
    return (
        query.order_by(*order)
        .limit(limit + 1)
        .options(joinedload(Product.category), selectinload(Product.images))
    )


async def run_page(session: AsyncSession, query: Select[Product]) -> Sequence[Product]:
    return (await session.scalars(query)).unique().all()


async def facet_counts(
    session: AsyncSession, clauses: list[ColumnElement[bool]], column_name: str, limit: int
) -> list[tuple[Any, int]]:
    column = getattr(Product, column_name)
    count = func.count(Product.id)
    rows = await session.execute(
        select(column, count).where(*clauses).group_by(column).order_by(count.desc()).limit(limit)
    )
    return [(value, int(n)) for value, n in rows]


def sort_value(product: Product, sort: ProductSort) -> Any:
    value = getattr(product, SORT_KEYS[sort][0])
    return value.isoformat() if isinstance(value, dt.datetime) else value
