"""Finding the next listing: suggestions while typing, side-by-side comparison, related items."""

from __future__ import annotations

import logging
import math
import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from techmarket.core.errors import InvalidInput
from techmarket.core.storage import FileStorage
from techmarket.services.catalog import repository, search_index
from techmarket.services.catalog.errors import ListingNotFound
from techmarket.services.catalog.full_text import TextSearch
from techmarket.services.catalog.models import (
    Category,
    ListingStatus,
    Product,
    Visibility,
    brand_key,
)
from techmarket.services.catalog.schemas import (
    Comparison,
    ComparisonRow,
    ProductList,
    ProductSort,
    SpecValue,
    Suggestion,
    SuggestionKind,
    SuggestionList,
)
from techmarket.services.catalog.search_engine import EngineQuery, index_words
from techmarket.services.catalog.service import schema_of, to_summary

SUGGEST_PRODUCTS = 5
SUGGEST_BRANDS = 3
SUGGEST_CATEGORIES = 3
COMPARE_MIN, COMPARE_MAX = 2, 4
RELATED_LIMIT = 8
RELATED_CANDIDATES = 200
log = logging.getLogger(__name__)


class InvalidComparison(InvalidInput):
    code, title = "invalid-comparison", "Cannot compare these listings"


def _public_listing() -> list[ColumnElement[bool]]:
    return [Product.status == ListingStatus.ACTIVE, Product.visibility == Visibility.PUBLIC]


# --- suggestions ----------------------------------------------------------------------------


async def suggest(session: AsyncSession, q: str) -> SuggestionList:
    """Titles, brands and categories that fit what has been typed so far."""
    text = " ".join(q.split())
    lowered = text.casefold()
    categories = await repository.all_categories(session)
    items = [
        Suggestion(kind=SuggestionKind.CATEGORY, label=category.name, value=category.slug)
        for category in categories
        if lowered in category.name.casefold()
    ][:SUGGEST_CATEGORIES]
    found = await _suggested_by_engine(session, text)
    brands, titles = found if found is not None else await _suggested_by_database(session, text)
    items += [Suggestion(kind=SuggestionKind.BRAND, label=b, value=b) for b in brands]
    items += [
        Suggestion(kind=SuggestionKind.PRODUCT, label=title, value=str(product_id))
        for product_id, title in titles
    ]
    return SuggestionList(items=items)


Suggested = tuple[Sequence[str], Sequence[tuple[uuid.UUID, str]]]  # brands, (id, title)s


async def _suggested_by_engine(session: AsyncSession, text: str) -> Suggested | None:
    """Brands and the newest titles from the search engine (milliseconds at a million
    listings, where the database takes seconds); None where it is not running or failed."""
    index = search_index.of_session(session)
    if index is None or not await index.fresh():
        return None
    wanted = EngineQuery(words=index_words(text), sort=ProductSort.NEWEST)
    try:
        brands = await search_index.in_engine(
            index.engine.brands_starting, brand_key(text), SUGGEST_BRANDS
        )
        ids = []
        if wanted.words:
            ids = await search_index.in_engine(index.engine.page, wanted, 0, SUGGEST_PRODUCTS)
    except search_index.EngineFailed:
        log.exception("the search engine failed; suggestions come from the database")
        return None
    rows = await session.execute(
        select(Product.id, Product.title).where(Product.id.in_(ids), *_public_listing())
    )
    titles = {row.id: row.title for row in rows}
    return brands, [(product_id, titles[product_id]) for product_id in ids if product_id in titles]


async def _suggested_by_database(session: AsyncSession, text: str) -> Suggested:
    brand_prefix = text.casefold().replace("\\", "\\\\").replace("%", "\\%")
    brand_prefix = brand_prefix.replace("_", "\\_") + "%"
    brands = await session.scalars(
        select(Product.brand)
        .where(*_public_listing(), Product.brand_key.like(brand_prefix, escape="\\"))
        .group_by(Product.brand)
        .order_by(func.count().desc())
        .limit(SUGGEST_BRANDS)
    )
    matches = TextSearch(session.get_bind().dialect.name).matches(text)
    if matches is None:
        return brands.all(), []
    products = await session.execute(
        select(Product.id, Product.title)
        .where(*_public_listing(), matches)
        .order_by(Product.created_at.desc())
        .limit(SUGGEST_PRODUCTS)
    )
    return brands.all(), [(row.id, row.title) for row in products]


# --- comparison -----------------------------------------------------------------------------


def parse_ids(raw: str) -> list[uuid.UUID]:
    parts = [part.strip() for part in raw.split(",") if part.strip()]
    problem = None
    ids: list[uuid.UUID] = []
    try:
        ids = [uuid.UUID(part) for part in parts]
    except ValueError:
        problem = "ids must be listing ids separated by commas"
    if problem is None and not COMPARE_MIN <= len(set(ids)) <= COMPARE_MAX:
        problem = f"compare {COMPARE_MIN} to {COMPARE_MAX} different listings"
    if problem is not None:
        raise InvalidComparison(
            f"Cannot compare: {problem}.",
            errors=[{"field": "ids", "in": "query", "message": problem}],
        )
    return list(dict.fromkeys(ids))


async def compare(session: AsyncSession, storage: FileStorage, ids: list[uuid.UUID]) -> Comparison:
    """A spec table aligned by spec name across the listings, with the differing rows marked."""
    rows = await session.scalars(
        select(Product)
        .where(
            Product.id.in_(ids),
            Product.status != ListingStatus.REMOVED,
            Product.visibility.in_([Visibility.PUBLIC, Visibility.UNLISTED]),
        )
        .options(joinedload(Product.category), selectinload(Product.images))
    )
    found = {product.id: product for product in rows.unique()}
    missing = [str(i) for i in ids if i not in found]
    if missing:
        raise ListingNotFound(f"No listing to compare has id {', '.join(missing)}.")
    products = [found[i] for i in ids]
    categories = await repository.all_categories(session)
    labels: dict[str, tuple[str, str | None]] = {}
    for product in products:
        schema = schema_of(categories, product.category_id)
        for field in schema.fields:
            if any(field.name in p.specs for p in products):
                labels.setdefault(field.name, (field.label, field.unit))
        for name in product.specs:
            labels.setdefault(name, (name.replace("_", " ").capitalize(), None))
    table = [
        _row("brand", "Brand", None, [p.brand for p in products]),
        _row("model", "Model", None, [p.model for p in products]),
        _row("condition", "Condition", None, [p.condition.label for p in products]),
    ]
    table += [
        _row(name, label, unit, [p.specs.get(name) for p in products])
        for name, (label, unit) in labels.items()
    ]
    return Comparison(items=[to_summary(p, storage) for p in products], rows=table)


def _row(name: str, label: str, unit: str | None, values: list[SpecValue | None]) -> ComparisonRow:
    distinct = {str(v).casefold() if v is not None else None for v in values}
    return ComparisonRow(
        name=name, label=label, unit=unit, values=values, differs=len(distinct) > 1
    )


# --- related --------------------------------------------------------------------------------


def _closeness(product: Product, other: Product) -> float:
    """Higher is closer: shared spec values count, a price far from this one costs."""
    shared = sum(1 for name, value in product.specs.items() if other.specs.get(name) == value)
    price_gap = abs(math.log((other.price + 1) / (product.price + 1)))
    same_brand = 1.0 if other.brand.casefold() == product.brand.casefold() else 0.0
    return shared + same_brand - 2.0 * price_gap


async def related(
    session: AsyncSession, storage: FileStorage, product_id: uuid.UUID
) -> ProductList:
    """Listings of the same category (else its parent's) with close specs and price."""
    product = await repository.get_product(session, product_id)
    if (
        product is None
        or product.status == ListingStatus.REMOVED
        or product.visibility
        not in {
            Visibility.PUBLIC,
            Visibility.UNLISTED,
        }
    ):
        raise ListingNotFound(f"No listing has id {product_id}.")
    categories = await repository.all_categories(session)
    candidates = await _candidates(session, product, [product.category_id])
    if len(candidates) < RELATED_LIMIT and product.category.parent_id is not None:
        siblings = _children(categories, product.category.parent_id)
        seen = {c.id for c in candidates}
        candidates += [c for c in await _candidates(session, product, siblings) if c.id not in seen]
    ranked = sorted(candidates, key=lambda other: _closeness(product, other), reverse=True)
    return ProductList(items=[to_summary(p, storage) for p in ranked[:RELATED_LIMIT]])


def _children(categories: Sequence[Category], parent_id: uuid.UUID) -> list[uuid.UUID]:
    return [category.id for category in categories if category.parent_id == parent_id]


async def _candidates(
    session: AsyncSession, product: Product, category_ids: list[uuid.UUID]
) -> list[Product]:
    rows = await session.scalars(
        select(Product)
        .where(
            *_public_listing(),
            Product.category_id.in_(category_ids),
            Product.id != product.id,
            Product.price.between(product.price // 3, product.price * 3),
        )
        .order_by(Product.created_at.desc())
        .limit(RELATED_CANDIDATES)
        .options(joinedload(Product.category), selectinload(Product.images))
    )
    return list(rows.unique())
