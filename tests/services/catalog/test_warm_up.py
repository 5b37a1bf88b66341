"""Start-up fills the hot entries, so the first visitor's reads are hits."""

from __future__ import annotations

import uuid

import httpx

from techmarket.core.resources import Resources
from techmarket.services.catalog import api, cache_keys
from tests.factories import make_listing, make_seller


async def test_start_up_fills_every_hot_entry(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    seller = await make_seller(resources)
    featured = await make_listing(resources, seller, featured=True)
    await resources.cache.clear()
    keys = [
        cache_keys.CATEGORIES,
        cache_keys.FEATURED,
        cache_keys.PROMOTIONS,
        cache_keys.POPULAR_CATEGORIES,
        cache_keys.category_page("", "newest", 8),
        cache_keys.category_page("", "relevance", 24),
        cache_keys.product(featured),
    ]
    assert [await resources.cache.get(key) for key in keys] == [None] * len(keys)
    await api.on_startup(resources)
    for key in keys:
        assert await resources.cache.get(key) is not None, key
    home = await client.get("/api/v1/products", params={"sort": "newest", "limit": 8})
    assert home.content == await resources.cache.get(cache_keys.category_page("", "newest", 8))
    assert await resources.cache.get(cache_keys.product(uuid.uuid4())) is None
