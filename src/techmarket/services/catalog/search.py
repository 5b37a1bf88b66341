"""Public search and browse: filters, full-text relevance, pages and facets, answered by the
embedded search engine where this process runs one (docs/search.md), else by the database.

A category's first page, unfiltered, is what most visitors open: it is served cache-aside
(DESIGN §6) and dropped by any listing write in the category or its ancestors.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import hashlib
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core import metrics
from techmarket.core.cache import Cache, cache_aside
from techmarket.core.clock import utcnow
from techmarket.core.pagination import InvalidCursor, decode_cursor, encode_cursor
from techmarket.core.storage import FileStorage
from techmarket.services.catalog import cache_keys, repository, search_index
from techmarket.services.catalog.errors import CategoryNotFound
from techmarket.services.catalog.full_text import TextSearch
from techmarket.services.catalog.models import Category, Condition, Product, brand_key
from techmarket.services.catalog.schemas import (
    Facets,
    FacetValue,
    ProductPage,
    ProductQuery,
    ProductSort,
    SpecFacet,
)
from techmarket.services.catalog.search_engine import (
    EngineQuery,
    SearchEngine,
    index_words,
    micros,
)
from techmarket.services.catalog.service import descendants, schema_of, to_summary
from techmarket.services.catalog.spec_schemas import (
    SpecField,
    SpecFilter,
    SpecType,
    parse_spec_filter,
)

FACET_LIMIT = 20
CURSOR_KEYS = frozenset({"sort", "value", "id"})
RANKED = "rank"  # the cursor's sort tag for relevance pages ranked by full text
RANKED_ALL = "rank_all"  # …when the newest matches did not fill the first page: rank them all
log = logging.getLogger(__name__)


class InvalidSpecFilter(CategoryNotFound):
    code, title = "invalid-spec-filter", "Invalid spec filter"


def text_search_for(session: AsyncSession) -> TextSearch:
    return TextSearch(session.get_bind().dialect.name)


def _is_landing_page(query: ProductQuery) -> bool:
    """No filter but the category, no cursor, a usual page size: the page to cache."""
    return (
        not (query.q or query.brand or query.condition or query.spec or query.cursor)
        and query.min_price is None
        and query.max_price is None
        and query.limit in cache_keys.CACHED_PAGE_SIZES
    )


async def search_json(
    session: AsyncSession, cache: Cache, storage: FileStorage, query: ProductQuery, ttl: int
) -> bytes:
    async def load() -> bytes:
        return (await search(session, storage, query, cache)).model_dump_json().encode()

    if not _is_landing_page(query):
        return await load()
    key = cache_keys.category_page(query.category or "", query.sort.value, query.limit)
    return await cache_aside(cache, key, ttl, load)


def _category_filter(
    categories: Sequence[Category], slug: str | None
) -> tuple[Category | None, list[uuid.UUID] | None]:
    if not slug:
        return None, None
    root = next((c for c in categories if c.slug == slug), None)
    if root is None:
        raise CategoryNotFound(
            f"No category has the slug {slug!r}.",
            errors=[{"field": "category", "in": "query", "message": "unknown category"}],
        )
    return root, descendants(categories, root)


def _spec_filters(
    categories: Sequence[Category], root: Category | None, raw_filters: Sequence[str]
) -> list[tuple[SpecField, SpecFilter]]:
    if not raw_filters:
        return []
    if root is None:
        raise InvalidSpecFilter(
            "Spec filters need a category: choose one first.",
            errors=[{"field": "spec", "in": "query", "message": "needs a category"}],
        )
    schema = schema_of(categories, root.id)
    parsed = []
    for raw in raw_filters:
        try:
            spec_filter = parse_spec_filter(schema, raw)
        except ValueError as error:
            raise InvalidSpecFilter(
                f"The spec filter {raw!r} is not valid here: {error}",
                errors=[{"field": "spec", "in": "query", "message": str(error)}],
            ) from error
        field = schema.field(spec_filter.name)
        assert field is not None  # parse_spec_filter accepted the name
        parsed.append((field, spec_filter))
    return parsed


@dataclass(frozen=True)
class _Filters:
    """What a search's parameters resolve to: categories, and spec filters checked."""

    categories: Sequence[Category]
    by_id: dict[uuid.UUID, Category]
    root: Category | None
    category_ids: list[uuid.UUID] | None
    spec_filters: list[tuple[SpecField, SpecFilter]]


async def search(
    session: AsyncSession, storage: FileStorage, query: ProductQuery, cache: Cache | None = None
) -> ProductPage:
    """A page of listings and the facets, from the embedded engine when this process runs it
    (docs/search.md), else from the database."""
    categories = await repository.all_categories(session)
    root, category_ids = _category_filter(categories, query.category)
    filters = _Filters(
        categories=categories,
        by_id={category.id: category for category in categories},
        root=root,
        category_ids=category_ids,
        spec_filters=_spec_filters(categories, root, query.spec),
    )
    index = search_index.of_session(session)
    engine_cursor = query.cursor is not None and _is_engine_cursor(query.cursor)
    answered_by = "database"
    if index is not None and (engine_cursor or not query.cursor) and await index.fresh():
        try:
            answer = await _engine_search(index.engine, session, storage, query, cache, filters)
        except search_index.EngineFailed:
            log.exception("the search engine failed; this search runs on the database")
            answered_by = "fallback"
        else:
            metrics.SEARCHES.labels(engine="embedded").inc()
            return answer
    if engine_cursor:  # the engine's pages cannot go on without it (not built yet, or failed)
        raise InvalidCursor(
            "The search restarted since this page; start again without the cursor.",
            errors=[{"field": "cursor", "in": "query", "message": "search engine unavailable"}],
        )
    metrics.SEARCHES.labels(engine=answered_by).inc()
    return await _database_search(session, storage, query, cache, filters)


async def _database_search(
    session: AsyncSession,
    storage: FileStorage,
    query: ProductQuery,
    cache: Cache | None,
    filters: _Filters,
) -> ProductPage:
    text_search = text_search_for(session)
    where = functools.partial(
        repository.search_filters,
        text_search=text_search,
        q=query.q,
        category_ids=None,  # added below: a page over categories merges them one by one
        brands=query.brand,
        conditions=[condition.value for condition in query.condition],
        min_price=query.min_price,
        max_price=query.max_price,
        spec_filters=filters.spec_filters,
    )
    clauses = where()
    priced = query.min_price is not None or query.max_price is not None
    unpriced = where(price_by_index=False) if priced else None
    category_ids = filters.category_ids
    page, next_cursor = await _page(session, text_search, clauses, category_ids, query, unpriced)
    if category_ids is not None:
        clauses = [*clauses, repository.in_categories(category_ids)]
    return ProductPage(
        items=[to_summary(product, storage) for product in page],
        next_cursor=next_cursor,
        facets=await _cached_facets(
            cache,
            query,
            lambda: _facets(session, clauses, filters.categories, filters.by_id, filters.root),
        ),
    )


async def _engine_search(
    engine: SearchEngine,
    session: AsyncSession,
    storage: FileStorage,
    query: ProductQuery,
    cache: Cache | None,
    filters: _Filters,
) -> ProductPage:
    """One page from the engine, its rows read from the database by id (the truth for who may
    see a listing: one the index still holds after it left public view is skipped)."""
    offset, until = _engine_position(query.cursor, query.sort) if query.cursor else (0, None)
    wanted = EngineQuery(
        words=index_words(query.q or ""),
        category_ids=filters.category_ids,
        brand_keys=sorted({brand_key(brand) for brand in query.brand}),
        conditions=[condition.value for condition in query.condition],
        min_price=query.min_price,
        max_price=query.max_price,
        spec_filters=filters.spec_filters,
        sort=query.sort,
        created_until=until,
    )

    async def count() -> Facets:
        fields = _facet_spec_fields(filters.categories, filters.root)
        found = await search_index.in_engine(engine.facets, wanted, fields, FACET_LIMIT)
        return _facets_of(found.counts, found.specs, fields, filters.by_id, approximate=False)

    async def listings() -> tuple[list[Product], str | None]:
        ids = await search_index.in_engine(engine.page, wanted, offset, query.limit + 1)
        found = {row.id: row for row in await repository.findable_by_ids(session, ids)}
        page = [found[listing_id] for listing_id in ids[: query.limit] if listing_id in found]
        if len(ids) <= query.limit or offset + query.limit >= ENGINE_MAX_OFFSET:
            return page, None
        position = [offset + query.limit, until or micros(utcnow())]
        tag, last = ENGINE_TAG + query.sort.value, str(ids[query.limit - 1])
        return page, encode_cursor({"sort": tag, "value": position, "id": last})

    # The page and the facets in two threads at once: each reads every match. Both end before
    # a failure is raised, so the database's answer never shares the session with a straggler.
    listed, counted = await asyncio.gather(
        listings(), _cached_facets(cache, query, count, engine="embedded"), return_exceptions=True
    )
    if isinstance(listed, BaseException):
        raise listed
    if isinstance(counted, BaseException):
        raise counted
    (page, next_cursor), facets = listed, counted
    return ProductPage(
        items=[to_summary(product, storage) for product in page],
        next_cursor=next_cursor,
        facets=facets,
    )


ENGINE_TAG = "engine:"  # the cursor's sort tag for the engine's pages: "engine:newest"
ENGINE_MAX_OFFSET = 10_000
"""How deep the engine's pages go, as Elasticsearch's `max_result_window`: a page deeper down
costs more to collect than anyone reads; narrower filters reach the rest."""


def _is_engine_cursor(cursor: str) -> bool:
    tag = decode_cursor(cursor, expected_keys=CURSOR_KEYS).get("sort")
    return isinstance(tag, str) and tag.startswith(ENGINE_TAG)


def _engine_position(cursor: str, sort: ProductSort) -> tuple[int, int]:
    """(offset, newest creation time in µs) of an engine page's cursor."""
    position = decode_cursor(cursor, expected_keys=CURSOR_KEYS)
    try:
        if position["sort"] != ENGINE_TAG + sort.value:
            raise ValueError("cursor was made for another sort order")
        value = position["value"]
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            raise ValueError("the cursor must hold an offset and a time")
        offset, until = value
        if not 0 < offset <= ENGINE_MAX_OFFSET:
            raise ValueError("offset out of range")
        if not 0 <= until < 2**63:  # the index keeps times as 64-bit microseconds
            raise ValueError("time out of range")
        uuid.UUID(str(position["id"]))
    except (ValueError, TypeError) as error:
        raise InvalidCursor(
            "The cursor is not one this list gave out; start again without it.",
            errors=[{"field": "cursor", "in": "query", "message": str(error)}],
        ) from error
    return offset, until


async def _page(
    session: AsyncSession,
    text_search: TextSearch,
    clauses: list[ColumnElement[bool]],
    category_ids: Sequence[uuid.UUID] | None,
    query: ProductQuery,
    unpriced: list[ColumnElement[bool]] | None = None,
) -> tuple[Sequence[Product], str | None]:
    """One page in the asked order; relevance with words ranks by full text. `clauses` leave
    the categories out: a sorted page merges them one by one."""
    continued = _ranked_tag(query.cursor) if query.cursor else None
    if query.sort == ProductSort.RELEVANCE and query.q and (continued or not query.cursor):
        in_categories = [] if category_ids is None else [repository.in_categories(category_ids)]
        every = [*clauses, *in_categories]
        if query.cursor and continued:
            tag = continued
            after = _cursor_position(query.cursor, tag)
            rows = await _ranked(session, text_search, every, query, after, windowed=tag == RANKED)
        else:
            tag, after = RANKED, None
            rows = await _ranked(session, text_search, every, query, None, windowed=True)
            if (
                rows is not None
                and len(rows) <= query.limit
                and await text_search.window_was_full(session, query.q)
            ):  # the newest matches did not fill the page (filters): rank every match
                tag = RANKED_ALL
                rows = await _ranked(session, text_search, every, query, None, windowed=False)
        if rows is not None:
            page = rows[: query.limit]
            cursor = None
            if len(rows) > query.limit and page:
                product, rank = page[-1]
                cursor = encode_cursor({"sort": tag, "value": rank, "id": str(product.id)})
            return [product for product, _ in page], cursor
    after = _cursor_position(query.cursor, query.sort.value) if query.cursor else None
    if category_ids is not None:
        products = await repository.run_category_page(
            session, clauses, category_ids, query.sort, after, query.limit, unpriced
        )
    else:
        products = await repository.run_page(
            session, repository.page_query(clauses, query.sort, after, query.limit)
        )
    page_products = products[: query.limit]
    cursor = None
    if len(products) > query.limit and page_products:
        last = page_products[-1]
        cursor = encode_cursor(
            {
                "sort": query.sort.value,
                "value": repository.sort_value(last, query.sort),
                "id": str(last.id),
            }
        )
    return page_products, cursor


async def _ranked(
    session: AsyncSession,
    text_search: TextSearch,
    clauses: list[ColumnElement[bool]],
    query: ProductQuery,
    after: tuple[object, uuid.UUID] | None,
    *,
    windowed: bool,
) -> list[tuple[Product, float]] | None:
    q = query.q or ""
    ranked = repository.ranked_page_query(
        clauses, lambda select: text_search.ranked(select, q, windowed=windowed), after, query.limit
    )
    return None if ranked is None else await repository.run_ranked_page(session, ranked[0])


NO_FACETS = Facets(brand=[], condition=[], category=[], price=[], specs=[])
FACETS_TTL = 60  # seconds: counts are not dropped by writes, so they may lag a minute


async def _cached_facets(
    cache: Cache | None,
    query: ProductQuery,
    count: Callable[[], Awaitable[Facets]],
    engine: str = "database",
) -> Facets:
    """Facets come with a search's first page only (later pages answer none: the web app keeps
    the first page's), and are kept a minute per set of filters and engine: counting every match
    is the costly part of a broad search (docs/benchmarks.md), and the engines count apart (a
    sample, or every match)."""
    if query.cursor:
        return NO_FACETS
    if cache is None:
        return await count()
    filters = query.model_dump(mode="json", include=FACET_FILTERS)
    for many in ("brand", "condition", "spec"):
        filters[many] = sorted(filters[many])
    digest = hashlib.sha256(orjson.dumps(filters, option=orjson.OPT_SORT_KEYS)).hexdigest()[:32]

    async def load() -> bytes:
        return (await count()).model_dump_json().encode()

    cached = await cache_aside(cache, f"catalog:facets:{engine}:{digest}", FACETS_TTL, load)
    return Facets.model_validate_json(cached)


FACET_FILTERS = {"q", "category", "brand", "condition", "min_price", "max_price", "spec"}


def _money_label(minor: int) -> str:
    return f"{minor // 100:,}"


def _facet_spec_fields(categories: Sequence[Category], root: Category | None) -> list[SpecField]:
    """The specs a category's searches count values of: its filterable choices and yes/no."""
    if root is None:
        return []
    return [
        field
        for field in schema_of(categories, root.id).fields
        if field.filterable and field.type in {SpecType.CHOICE, SpecType.BOOLEAN}
    ]


async def _facets(
    session: AsyncSession,
    clauses: list[ColumnElement[bool]],
    categories: Sequence[Category],
    by_id: dict[uuid.UUID, Category],
    root: Category | None,
) -> Facets:
    counts = await repository.facet_counts(session, clauses)
    fields = _facet_spec_fields(categories, root)
    counted = await repository.spec_value_counts(session, clauses, fields, FACET_LIMIT)
    approximate = counts.condition.total() >= repository.FACET_SAMPLE
    return _facets_of(counts, counted, fields, by_id, approximate=approximate)


def _facets_of(
    counts: repository.FacetCounts,
    spec_counts: dict[str, list[tuple[Any, int]]],
    fields: Sequence[SpecField],
    by_id: dict[uuid.UUID, Category],
    *,
    approximate: bool,
) -> Facets:
    return Facets(
        brand=[
            FacetValue(value=b, label=b, count=n) for b, n in counts.brand.most_common(FACET_LIMIT)
        ],
        condition=[
            FacetValue(value=Condition(c).value, label=Condition(c).label, count=n)
            for c, n in counts.condition.most_common(FACET_LIMIT)
        ],
        category=[
            FacetValue(value=by_id[c].slug, label=by_id[c].name, count=n)
            for c, n in counts.category.most_common(FACET_LIMIT)
            if c in by_id
        ],
        price=[
            FacetValue(
                value=f"{low}..{high if high is not None else ''}",
                label=(
                    f"{_money_label(low)} to {_money_label(high)}"
                    if high is not None
                    else f"{_money_label(low)} and more"
                ),
                count=n,
            )
            for low, high, n in counts.price_bands()
        ],
        specs=[_spec_facet(f, spec_counts[f.name]) for f in fields if spec_counts.get(f.name)],
        approximate=approximate,
    )


def _spec_facet(field: SpecField, counts: list[tuple[object, int]]) -> SpecFacet:
    values = []
    for value, n in counts:
        if field.type == SpecType.BOOLEAN:
            text = "true" if value else "false"
            values.append(FacetValue(value=text, label="Yes" if value else "No", count=n))
        else:
            values.append(FacetValue(value=str(value), label=str(value), count=n))
    return SpecFacet(
        name=field.name, label=field.label, type=field.type.value, unit=field.unit, values=values
    )


def _ranked_tag(cursor: str) -> str | None:
    """The relevance mode a cursor continues; None for a page of another order (relevance
    without full-text ranking is newest first)."""
    tag = decode_cursor(cursor, expected_keys=CURSOR_KEYS).get("sort")
    return str(tag) if tag in {RANKED, RANKED_ALL} else None


def _cursor_position(cursor: str, sort_tag: str) -> tuple[object, uuid.UUID]:
    position = decode_cursor(cursor, expected_keys=CURSOR_KEYS)
    try:
        if position["sort"] != sort_tag:
            raise ValueError("cursor was made for another sort order")
        last_id = uuid.UUID(str(position["id"]))
        value = position["value"]
        if sort_tag in {RANKED, RANKED_ALL}:
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise ValueError("relevance cursor must hold a number")
            value = float(value)
        elif repository.SORT_KEYS[ProductSort(sort_tag)][0] == "created_at":
            value = dt.datetime.fromisoformat(str(value))
        elif not isinstance(value, int) or isinstance(value, bool):
            raise ValueError("price cursor must hold an integer")
    except (ValueError, TypeError) as error:
        raise InvalidCursor(
            "The cursor is not one this list gave out; start again without it.",
            errors=[{"field": "cursor", "in": "query", "message": str(error)}],
        ) from error
    return value, last_id
