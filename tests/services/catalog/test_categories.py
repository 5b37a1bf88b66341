"""The category tree is created by migration and served from the cache."""

from __future__ import annotations

import httpx

from tests.factories import category_id


async def test_tree_has_three_levels_and_every_parent_exists(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/categories")
    assert response.status_code == 200
    items = response.json()["items"]
    by_id = {item["id"]: item for item in items}
    assert len(items) == 65
    roots = [item for item in items if item["parent_id"] is None]
    assert {r["slug"] for r in roots} >= {"phones", "laptops", "components", "audio", "gaming"}
    for item in items:
        assert item["parent_id"] is None or item["parent_id"] in by_id
    ssd = next(item for item in items if item["slug"] == "ssds")
    storage = by_id[ssd["parent_id"]]
    assert storage["slug"] == "storage"
    assert by_id[storage["parent_id"]]["slug"] == "components"
    assert ssd["id"] == str(category_id("ssds"))


async def test_categories_are_served_from_the_cache(client: httpx.AsyncClient) -> None:
    first = await client.get("/api/v1/categories")
    second = await client.get("/api/v1/categories")
    assert first.content == second.content
    assert second.headers["content-type"] == "application/json"
