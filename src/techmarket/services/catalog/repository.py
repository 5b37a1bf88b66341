"""Queries of the catalog service."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from techmarket.core.pagination import newest_first
from techmarket.services.catalog.full_text import RankedQuery, TextSearch
from techmarket.services.catalog.models import (
    Category,
    ListingStatus,
    Product,
    Visibility,
)
from techmarket.services.catalog.schemas import ProductSort
from techmarket.services.catalog.spec_schemas import SpecField, SpecFilter, SpecType


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


async def seller_products(
    session: AsyncSession,
    seller_id: uuid.UUID,
    status: ListingStatus | None,
    cursor: str | None,
    limit: int,
) -> Sequence[Product]:
    """A page of a store's listings, newest first, one more than `limit` (see `cut_page`)."""
    query = select(Product).where(Product.seller_id == seller_id)
    if status is not None:
        query = query.where(Product.status == status)
    query = query.options(
        joinedload(Product.category), selectinload(Product.options), selectinload(Product.images)
    )
    statement = newest_first(query, Product.created_at, Product.id, cursor, limit)
    return (await session.scalars(statement)).unique().all()


async def featured_products(session: AsyncSession, limit: int) -> Sequence[Product]:
    result = await session.scalars(
        select(Product)
        .where(_publicly_listed(), Product.featured.is_(True))
        .order_by(Product.created_at.desc(), Product.id.desc())
        .limit(limit)
        .options(joinedload(Product.category), selectinload(Product.images))
    )
    return result.all()


def search_filters(
    *,
    text_search: TextSearch,
    q: str | None,
    category_ids: Sequence[uuid.UUID] | None,
    brands: Sequence[str],
    conditions: Sequence[str],
    min_price: int | None,
    max_price: int | None,
    spec_filters: Sequence[tuple[SpecField, SpecFilter]] = (),
) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a public search; shared by the page query and the facet counts."""
    clauses: list[ColumnElement[bool]] = [_publicly_listed()]
    if q and (matches := text_search.matches(q)) is not None:
        clauses.append(matches)
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
    clauses.extend(_spec_clause(field, spec_filter) for field, spec_filter in spec_filters)
    return clauses


def _spec_clause(field: SpecField, spec_filter: SpecFilter) -> ColumnElement[bool]:
    value = Product.specs[field.name]
    if field.type == SpecType.BOOLEAN:
        wanted: ColumnElement[bool] = value.as_boolean() == bool(spec_filter.equals)
        return wanted
    if field.type in {SpecType.INTEGER, SpecType.NUMBER}:
        number = value.as_float()
        parts = []
        if spec_filter.equals is not None:
            parts.append(number == float(spec_filter.equals))
        if spec_filter.minimum is not None:
            parts.append(number >= spec_filter.minimum)
        if spec_filter.maximum is not None:
            parts.append(number <= spec_filter.maximum)
        return and_(*parts)
    return func.lower(value.as_string()) == str(spec_filter.equals).lower()


SORT_KEYS: dict[ProductSort, tuple[str, bool]] = {
    # sort → (column, descending). Relevance without words to rank by is newest first.
    ProductSort.RELEVANCE: ("created_at", True),
    ProductSort.NEWEST: ("created_at", True),
    ProductSort.PRICE_ASC: ("price", False),
    ProductSort.PRICE_DESC: ("price", True),
}


def _after(
    column: ColumnElement[Any], descending: bool, value: Any, last_id: uuid.UUID
) -> ColumnElement[bool]:
    if descending:
        return or_(column < value, and_(column == value, Product.id < last_id))
    return or_(column > value, and_(column == value, Product.id > last_id))


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
        query = query.where(_after(column, descending, *after))
    order = (column.desc(), Product.id.desc()) if descending else (column.asc(), Product.id.asc())
    return query.order_by(*order).limit(limit + 1).options(*_card_loads())


def ranked_page_query(
    clauses: list[ColumnElement[bool]],
    ranked: Callable[[Select[Product]], RankedQuery | None],
    after: tuple[Any, uuid.UUID] | None,
    limit: int,
) -> tuple[Select[tuple[Any, ...]], bool] | None:
    """Keyset pagination on (relevance, id); rows are (product, rank). None: cannot rank."""
    ranking = ranked(select(Product).where(*clauses))
    if ranking is None:
        return None
    query = ranking.query.add_columns(ranking.rank.label("rank"))
    if after is not None:
        query = query.where(_after(ranking.rank, ranking.descending, *after))
    if ranking.descending:
        order = (ranking.rank.desc(), Product.id.desc())
    else:
        order = (ranking.rank.asc(), Product.id.asc())
    return query.order_by(*order).limit(limit + 1).options(*_card_loads()), ranking.descending


def _card_loads() -> tuple[Any, ...]:
    return joinedload(Product.category), selectinload(Product.images)


async def run_page(session: AsyncSession, query: Select[Product]) -> Sequence[Product]:
    return (await session.scalars(query)).unique().all()


async def run_ranked_page(
    session: AsyncSession, query: Select[tuple[Any, ...]]
) -> list[tuple[Product, float]]:
    rows = (await session.execute(query)).unique().all()
    return [(row[0], float(row[1])) for row in rows]


FACET_SAMPLE = 5000
"""Facets count at most this many matches (the first found): counting every match of a broad
search over a million listings takes seconds (docs/benchmarks.md); a sample keeps it bounded
and its counts show the proportions. `Facets.approximate` tells when the sample was full."""


def _facet_base(clauses: list[ColumnElement[bool]]) -> Select[Product]:
    """The matching listings, at most FACET_SAMPLE of them, as rows to group (a derived table
    with LIMIT, which MySQL accepts where it refuses LIMIT inside IN)."""
    sample = select(Product.id).where(*clauses).limit(FACET_SAMPLE).subquery("facet_sample")
    return select(Product).join(sample, sample.c.id == Product.id)


async def facet_counts(
    session: AsyncSession, clauses: list[ColumnElement[bool]], column_name: str, limit: int
) -> list[tuple[Any, int]]:
    column = getattr(Product, column_name)
    count = func.count(Product.id)
    base = _facet_base(clauses)
    rows = await session.execute(
        base.with_only_columns(column, count).group_by(column).order_by(count.desc()).limit(limit)
    )
    return [(value, int(n)) for value, n in rows]


def sort_value(product: Product, sort: ProductSort) -> Any:
    value = getattr(product, SORT_KEYS[sort][0])
    return value.isoformat() if isinstance(value, dt.datetime) else value


PRICE_BANDS: tuple[tuple[int, int | None], ...] = (
    (0, 100_00),
    (100_00, 250_00),
    (250_00, 500_00),
    (500_00, 1000_00),
    (1000_00, 2000_00),
    (2000_00, None),
)


async def price_band_counts(
    session: AsyncSession, clauses: list[ColumnElement[bool]]
) -> list[tuple[int, int | None, int]]:
    """Listings per price band, in one query: (low, high or None, count), empty bands left out."""
    band = case(
        *(
            (Product.price < high, index)
            for index, (_, high) in enumerate(PRICE_BANDS)
            if high is not None
        ),
        else_=len(PRICE_BANDS) - 1,
    )
    rows = await session.execute(
        _facet_base(clauses)
        .with_only_columns(band.label("band"), func.count(Product.id))
        .group_by(band)
    )
    counts = {int(index): int(n) for index, n in rows}
    return [(low, high, counts[i]) for i, (low, high) in enumerate(PRICE_BANDS) if counts.get(i)]


async def spec_value_counts(
    session: AsyncSession, clauses: list[ColumnElement[bool]], field: SpecField, limit: int
) -> list[tuple[Any, int]]:
    raw = Product.specs[field.name]
    value = raw.as_boolean() if field.type == SpecType.BOOLEAN else raw.as_string()
    count = func.count(Product.id)
    rows = await session.execute(
        _facet_base(clauses)
        .with_only_columns(value, count)
        .where(value.is_not(None))
        .group_by(value)
        .order_by(count.desc())
        .limit(limit)
    )
    return [(v, int(n)) for v, n in rows]
