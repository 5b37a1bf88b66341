"""Featured listings are read through the cache, and a catalog write drops the stale entry."""

from __future__ import annotations

import httpx

from techmarket.core.resources import Resources
from techmarket.services.catalog import cache_keys
from tests.factories import make_listing, make_seller


async def test_featured_lists_only_featured_public_listings(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    seller = await make_seller(resources)
    featured = await make_listing(resources, seller, featured=True)
    plain = await make_listing(resources, seller)
    hidden = await make_listing(resources, seller, featured=True, visibility="draft")
    ids = {item["id"] for item in (await client.get("/api/v1/products/featured")).json()["items"]}
    assert str(featured) in ids
    assert str(plain) not in ids
    assert str(hidden) not in ids


async def test_featured_is_cached_until_a_write_invalidates_it(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    await client.get("/api/v1/products/featured")
    cached = await resources.cache.get(cache_keys.FEATURED)
    assert cached is not None
    # Plant a marker in the cache: a cache-aside read must return it untouched.
    await resources.cache.set(cache_keys.FEATURED, b'{"items":[]}', ttl=60)
    assert (await client.get("/api/v1/products/featured")).json() == {"items": []}
    seller = await make_seller(resources)
    new = await make_listing(resources, seller, featured=True)  # the factory invalidates
    ids = {item["id"] for item in (await client.get("/api/v1/products/featured")).json()["items"]}
    assert str(new) in ids


async def test_product_detail_is_cached(client: httpx.AsyncClient, resources: Resources) -> None:
    seller = await make_seller(resources)
    product_id = await make_listing(resources, seller)
    assert await resources.cache.get(cache_keys.product(product_id)) is None
    first = await client.get(f"/api/v1/products/{product_id}")
    assert await resources.cache.get(cache_keys.product(product_id)) == first.content
