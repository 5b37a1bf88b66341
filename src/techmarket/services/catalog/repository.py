"""Queries of the catalog service."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from techmarket.core.pagination import newest_first
from techmarket.services.catalog.full_text import RankedQuery, TextSearch
from techmarket.services.catalog.models import (
    Category,
    ListingStatus,
    Product,
    Visibility,
    brand_key,
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
    price_by_index: bool = True,
) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a public search; shared by the page query and the facet counts.
    `price_by_index=False` writes the price bounds so that no index serves them (`price + 0`),
    which leaves the planner the newest-first index (see `run_category_page`)."""
    clauses: list[ColumnElement[bool]] = [_publicly_listed()]
    if q and (matches := text_search.matches(q)) is not None:
        clauses.append(matches)
    if category_ids is not None:
        clauses.append(in_categories(category_ids))
    if brands:
        clauses.append(Product.brand_key.in_({brand_key(brand) for brand in brands}))
    if conditions:
        clauses.append(Product.condition.in_(conditions))
    price = Product.price if price_by_index else Product.price + 0
    if min_price is not None:
        clauses.append(price >= min_price)
    if max_price is not None:
        clauses.append(price <= max_price)
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
    return query.order_by(*_order(column, descending)).limit(limit + 1).options(*_card_loads())


def _order(column: ColumnElement[Any], descending: bool) -> tuple[ColumnElement[Any], ...]:
    if descending:
        return column.desc(), Product.id.desc()
    return column.asc(), Product.id.asc()


def in_categories(category_ids: Sequence[uuid.UUID]) -> ColumnElement[bool]:
    return Product.category_id.in_(category_ids)


MAX_MERGED_CATEGORIES = 64
BROAD_RANGE = 2000


async def run_category_page(
    session: AsyncSession,
    clauses: list[ColumnElement[bool]],
    category_ids: Sequence[uuid.UUID],
    sort: ProductSort,
    after: tuple[Any, uuid.UUID] | None,
    limit: int,
    unpriced: list[ColumnElement[bool]] | None = None,
) -> Sequence[Product]:
    """A page over several categories, merged from each category's own first rows
    (`clauses` without the categories).

    With `category_id IN (…)` and an ORDER BY, SQLite and MariaDB read every listing of those
    categories and sort them (a second at a million listings). Each category alone is read in
    index order, (category, status, visibility, sort column), and stops after `limit + 1`
    rows, so the union holds at most that many per category: milliseconds. The ids are
    merged in SQL, then the listings loaded (two statements, whatever the page size).

    With a price range and newest first, two plans compete: walk the price index over the
    range and sort it (fast for a narrow range, seconds for a broad one), or walk each
    category newest first and skip the other prices (the reverse). A count that stops at
    BROAD_RANGE rows tells which; a broad range takes `unpriced`: the same clauses with the
    price bounds kept off the index.
    """
    if len(category_ids) > MAX_MERGED_CATEGORIES:
        every = [*clauses, in_categories(category_ids)]
        return await run_page(session, page_query(every, sort, after, limit))
    column_name, descending = SORT_KEYS[sort]
    column = getattr(Product, column_name)
    if unpriced is not None and column_name != "price":
        in_range = select(Product.id).where(*clauses, in_categories(category_ids))
        found = await session.scalar(
            select(func.count()).select_from(in_range.limit(BROAD_RANGE).subquery())
        )
        if found == BROAD_RANGE:
            clauses = unpriced
    keyset = [_after(column, descending, *after)] if after is not None else []
    members = [
        select(Product.id.label("id"), column.label("sort_value"))
        .where(*clauses, *keyset, Product.category_id == category_id)
        .order_by(*_order(column, descending))
        .limit(limit + 1)
        .subquery()
        for category_id in category_ids
    ]
    merged = union_all(*(select(member.c.id, member.c.sort_value) for member in members)).subquery()
    merged_order = (
        (merged.c.sort_value.desc(), merged.c.id.desc())
        if descending
        else (merged.c.sort_value.asc(), merged.c.id.asc())
    )
    ids = list(await session.scalars(select(merged.c.id).order_by(*merged_order).limit(limit + 1)))
    if not ids:
        return []
    loaded = await session.scalars(
        select(Product).where(Product.id.in_(ids)).options(*_card_loads())
    )
    by_id = {product.id: product for product in loaded.unique()}
    return [by_id[product_id] for product_id in ids if product_id in by_id]


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


async def findable_by_ids(session: AsyncSession, ids: Sequence[uuid.UUID]) -> Sequence[Product]:
    """The listings of a search engine's page that anyone may still find, as cards."""
    if not ids:
        return []
    query = select(Product).where(Product.id.in_(ids), _publicly_listed()).options(*_card_loads())
    return (await session.scalars(query)).unique().all()


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


def _price_band(price: ColumnElement[int]) -> ColumnElement[int]:
    return case(
        *((price < high, index) for index, (_, high) in enumerate(PRICE_BANDS) if high is not None),
        else_=len(PRICE_BANDS) - 1,
    )


@dataclass
class FacetCounts:
    """Matches per brand, condition, category and price band (of the sample)."""

    brand: Counter[str] = field(default_factory=Counter)
    condition: Counter[str] = field(default_factory=Counter)
    category: Counter[uuid.UUID] = field(default_factory=Counter)
    price_band: Counter[int] = field(default_factory=Counter)

    def price_bands(self) -> list[tuple[int, int | None, int]]:
        """(low, high or None, count) per band, empty bands left out."""
        return [
            (low, high, self.price_band[index])
            for index, (low, high) in enumerate(PRICE_BANDS)
            if self.price_band[index]
        ]


async def facet_counts(session: AsyncSession, clauses: list[ColumnElement[bool]]) -> FacetCounts:
    """The four facets in one pass over the sample: a count per combination of brand,
    condition, category and price band, summed up here (one scan instead of four)."""
    # The columns are read in the derived table itself (with its LIMIT, which MySQL accepts
    # where it refuses LIMIT inside IN): no second lookup per listing to group them.
    sample = (
        select(Product.brand, Product.condition, Product.category_id, Product.price)
        .where(*clauses)
        .limit(FACET_SAMPLE)
        .subquery("facet_sample")
    )
    combination = (sample.c.brand, sample.c.condition, sample.c.category_id)
    band = _price_band(sample.c.price)
    rows = await session.execute(
        select(*combination, band, func.count()).group_by(*combination, band)
    )
    counts = FacetCounts()
    for brand, condition, category_id, price_band, n in rows:
        counts.brand[brand] += n
        counts.condition[str(condition)] += n
        counts.category[category_id] += n
        counts.price_band[int(price_band)] += n
    return counts


async def spec_value_counts(
    session: AsyncSession,
    clauses: list[ColumnElement[bool]],
    fields: Sequence[SpecField],
    limit: int,
) -> dict[str, list[tuple[Any, int]]]:
    """The most frequent values of each field, all from one read of the sample."""
    if not fields:
        return {}
    values = []
    for index, spec in enumerate(fields):
        raw = Product.specs[spec.name]
        value = raw.as_boolean() if spec.type == SpecType.BOOLEAN else raw.as_string()
        values.append(value.label(f"spec_{index}"))
    counters: list[Counter[Any]] = [Counter() for _ in fields]
    for row in await session.execute(select(*values).where(*clauses).limit(FACET_SAMPLE)):
        for counter, value in zip(counters, row, strict=True):
            if value is not None:
                counter[value] += 1
    pairs = zip(fields, counters, strict=True)
    return {spec.name: counter.most_common(limit) for spec, counter in pairs}
