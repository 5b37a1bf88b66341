"""Filling the hot entries at start-up, so the first visitors do not pay for the misses."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.cache import Cache
from techmarket.core.storage import FileStorage
from techmarket.services.catalog import popular, promotions, search, service
from techmarket.services.catalog.schemas import ProductQuery, ProductSort

# What the home page and a bare /search ask for (see the web app's HomePage and SearchPage).
LANDING_PAGES = (
    ProductQuery(sort=ProductSort.NEWEST, limit=8),
    ProductQuery(sort=ProductSort.RELEVANCE, limit=24),
)


async def warm_cache(session: AsyncSession, cache: Cache, storage: FileStorage, ttl: int) -> int:
    """Categories, featured listings and their details, home shelves, the landing pages."""
    warmed = await service.warm_cache(session, cache, storage, ttl)
    await promotions.promotions_json(session, cache, storage, ttl)
    await popular.popular_categories_json(session, cache, ttl)
    for query in LANDING_PAGES:
        await search.search_json(session, cache, storage, query, ttl)
    return warmed + 2 + len(LANDING_PAGES)
