"""Popular categories: top-level categories ranked by public active listings, from the cache."""

from __future__ import annotations

from typing import Any

import httpx

from techmarket.core import metrics
from techmarket.core.resources import Resources
from techmarket.services.catalog import cache_keys
from techmarket.services.catalog.models import ListingStatus
from tests.factories import category_id, make_listing, make_seller
from tests.services.catalog.test_watchlist import set_listing

POPULAR = "/api/v1/categories/popular"


async def fresh(client: httpx.AsyncClient, resources: Resources) -> list[dict[str, Any]]:
    await resources.cache.delete(cache_keys.POPULAR_CATEGORIES)
    response = await client.get(POPULAR)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def counts(items: list[dict[str, Any]]) -> dict[str, int]:
    return {item["category"]["slug"]: item["listings"] for item in items}


async def test_top_level_categories_ranked_by_listings_then_name(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    items = await fresh(client, resources)
    tree = (await client.get("/api/v1/categories")).json()["items"]
    assert {item["category"]["slug"] for item in items} == {
        category["slug"] for category in tree if category["parent_id"] is None
    }
    assert len(items) == len(counts(items))
    ranked = sorted(items, key=lambda i: (-i["listings"], i["category"]["name"].casefold()))
    assert items == ranked


async def test_counts_cover_the_subtree_and_only_public_active_listings(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    before = counts(await fresh(client, resources))
    seller = await make_seller(resources)
    for _ in range(2):  # ssds sit two levels below "components"
        await make_listing(resources, seller, category_id=category_id("ssds"))
    await make_listing(resources, seller, category_id=category_id("ssds"), visibility="draft")
    await make_listing(resources, seller, category_id=category_id("ssds"), visibility="unlisted")
    await make_listing(resources, seller, category_id=category_id("gpus"), quantity=0)
    removed = await make_listing(resources, seller, category_id=category_id("smartphones"))
    await set_listing(resources, removed, status=ListingStatus.REMOVED)
    after = counts(await fresh(client, resources))
    assert after["components"] == before["components"] + 2
    assert after["phones"] == before["phones"]
    assert {slug: n for slug, n in after.items() if slug not in {"components"}} == {
        slug: n for slug, n in before.items() if slug not in {"components"}
    }


def cache_lookups(result: str) -> float:
    return metrics.CACHE_REQUESTS.labels(result=result)._value.get()  # type: ignore[no-any-return]


async def test_popular_categories_are_served_from_the_cache(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    await resources.cache.delete(cache_keys.POPULAR_CATEGORIES)
    misses, hits = cache_lookups("miss"), cache_lookups("hit")
    first = await client.get(POPULAR)
    assert (cache_lookups("miss"), cache_lookups("hit")) == (misses + 1, hits)
    assert await resources.cache.get(cache_keys.POPULAR_CATEGORIES) == first.content
    second = await client.get(POPULAR)
    assert (cache_lookups("miss"), cache_lookups("hit")) == (misses + 1, hits + 1)
    assert second.content == first.content
    # Plant a marker: a cache-aside read must answer it untouched.
    await resources.cache.set(cache_keys.POPULAR_CATEGORIES, b'{"items":[]}', ttl=60)
    assert (await client.get(POPULAR)).json() == {"items": []}
    seller = await make_seller(resources)
    await make_listing(resources, seller, category_id=category_id("drones"))
    await resources.cache.delete(cache_keys.POPULAR_CATEGORIES)
    cameras = counts((await client.get(POPULAR)).json()["items"])["cameras"]
    assert cameras == counts(first.json()["items"])["cameras"] + 1
