"""Browsing listings: filters, keyset pages, facets, visibility, detail and bad parameters."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx
import pytest

from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.services.catalog import repository
from tests.factories import Seller, category_id, make_listing, make_seller, unique
from tests.images import jpeg_with_gps

PRODUCTS = "/api/v1/products"


@pytest.fixture(scope="module")
async def shop(resources: Resources) -> dict[str, Any]:
    """One seller with a brand of its own, so every assertion below is exact."""
    seller = await make_seller(resources)
    brand = unique("Brand")
    now = utcnow()
    made: dict[str, uuid.UUID] = {}
    specs = [
        ("phone-new", "smartphones", "new", 90_000),
        ("phone-good", "smartphones", "good", 40_000),
        ("phone-fair", "basic-phones", "fair", 5_000),
        ("laptop-good", "ultrabooks", "good", 120_000),
        ("gpu-like-new", "gpus", "like_new", 60_000),
        ("ssd-good", "ssds", "good", 8_000),
        ("ssd-same-price", "ssds", "good", 8_000),
    ]
    for index, (key, slug, condition, price) in enumerate(specs):
        made[key] = await make_listing(
            resources,
            seller,
            brand=brand,
            title=f"{brand} {key} listing",
            category_id=category_id(slug),
            condition=condition,
            price=price,
            created_at=now - dt.timedelta(minutes=index),
        )
    for visibility in ("draft", "unlisted", "private"):
        made[visibility] = await make_listing(
            resources, seller, brand=brand, title=f"{brand} {visibility}", visibility=visibility
        )
    return {"seller": seller, "brand": brand, "ids": made}


async def _all_pages(client: httpx.AsyncClient, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(50):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = await client.get(PRODUCTS, params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        items.extend(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


async def test_only_public_active_listings_are_listed(
    search_client: httpx.AsyncClient, shop: dict[str, Any]
) -> None:
    items = await _all_pages(search_client, brand=shop["brand"], limit=100)
    listed = {item["id"] for item in items}
    ids = shop["ids"]
    assert len(items) == 7
    assert str(ids["draft"]) not in listed
    assert str(ids["unlisted"]) not in listed
    assert str(ids["private"]) not in listed


@pytest.mark.parametrize(
    ("sort", "key"),
    [("newest", "created_at"), ("price_asc", "price"), ("price_desc", "price")],
)
async def test_keyset_pages_cover_everything_once_in_order(
    search_client: httpx.AsyncClient, shop: dict[str, Any], sort: str, key: str
) -> None:
    items = await _all_pages(search_client, brand=shop["brand"], sort=sort, limit=2)
    assert len(items) == 7
    assert len({item["id"] for item in items}) == 7
    values = [item[key] for item in items]
    descending = sort in {"newest", "price_desc"}
    assert values == sorted(values, reverse=descending)


async def test_filters_combine(search_client: httpx.AsyncClient, shop: dict[str, Any]) -> None:
    brand, ids = shop["brand"], shop["ids"]
    phones = await _all_pages(search_client, brand=brand, category="phones")
    assert {i["id"] for i in phones} == {
        str(ids[k]) for k in ("phone-new", "phone-good", "phone-fair")
    }
    good = await _all_pages(search_client, brand=brand, condition="good", max_price=50_000)
    assert {i["id"] for i in good} == {
        str(ids[k]) for k in ("phone-good", "ssd-good", "ssd-same-price")
    }
    storage = await _all_pages(search_client, brand=brand, category="storage", min_price=8_000)
    assert {i["id"] for i in storage} == {str(ids["ssd-good"]), str(ids["ssd-same-price"])}
    several = await _all_pages(search_client, brand=brand, condition=["new", "like_new"])
    assert {i["id"] for i in several} == {str(ids["phone-new"]), str(ids["gpu-like-new"])}


async def test_text_query_matches_every_word(
    search_client: httpx.AsyncClient, shop: dict[str, Any]
) -> None:
    found = await _all_pages(search_client, q=f"{shop['brand']} laptop-good")
    assert [i["id"] for i in found] == [str(shop["ids"]["laptop-good"])]
    assert await _all_pages(search_client, q=f"{shop['brand']} nothing-like-this") == []


async def test_facets_count_the_filtered_set(
    search_client: httpx.AsyncClient, shop: dict[str, Any]
) -> None:
    response = await search_client.get(PRODUCTS, params={"brand": shop["brand"], "limit": 1})
    facets = response.json()["facets"]
    assert facets["brand"] == [{"value": shop["brand"], "label": shop["brand"], "count": 7}]
    conditions = {f["value"]: f["count"] for f in facets["condition"]}
    assert conditions == {"good": 4, "new": 1, "fair": 1, "like_new": 1}
    labels = {f["value"]: f["label"] for f in facets["condition"]}
    assert labels["like_new"] == "Like new"
    categories = {f["value"]: f["count"] for f in facets["category"]}
    assert categories == {
        "smartphones": 2,
        "basic-phones": 1,
        "ultrabooks": 1,
        "gpus": 1,
        "ssds": 2,
    }


async def test_summary_shape(search_client: httpx.AsyncClient, shop: dict[str, Any]) -> None:
    response = await search_client.get(
        PRODUCTS, params={"brand": shop["brand"], "sort": "newest", "limit": 1}
    )
    item = response.json()["items"][0]
    seller: Seller = shop["seller"]
    assert item["id"] == str(shop["ids"]["phone-new"])
    assert item["seller"] == {"id": str(seller.dealer_id), "store_name": seller.store_name}
    assert item["category"]["slug"] == "smartphones"
    assert item["price"] == 90_000 and item["currency"] == "EUR"
    assert item["created_at"].endswith("Z") or item["created_at"].endswith("+00:00")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"min_price": -1}, "min_price"),
        ({"min_price": 500, "max_price": 100}, None),
        ({"sort": "cheapest"}, "sort"),
        ({"limit": 0}, "limit"),
        ({"limit": 1000}, "limit"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": "eyJzb3J0IjoibmV3ZXN0IiwidmFsdWUiOjEsImlkIjoieCJ9"}, "cursor"),
        ({"condition": "broken"}, "condition.0"),
        ({"category": "no-such-category"}, "category"),
        ({"colour": "red"}, "colour"),
    ],
)
async def test_bad_parameters_are_422_problems(
    search_client: httpx.AsyncClient, params: dict[str, Any], field: str | None
) -> None:
    response = await search_client.get(PRODUCTS, params=params)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    if field is not None:
        assert field in {error["field"] for error in body["errors"]}
    else:
        assert "min_price must not be greater than max_price" in body["detail"]


async def test_cursor_from_another_sort_is_refused(
    search_client: httpx.AsyncClient, shop: dict[str, Any]
) -> None:
    first = await search_client.get(
        PRODUCTS, params={"brand": shop["brand"], "sort": "newest", "limit": 1}
    )
    cursor = first.json()["next_cursor"]
    response = await search_client.get(
        PRODUCTS, params={"brand": shop["brand"], "sort": "price_asc", "cursor": cursor}
    )
    assert response.status_code == 422


async def test_detail_of_public_and_unlisted_listing(
    client: httpx.AsyncClient, shop: dict[str, Any]
) -> None:
    for key in ("phone-new", "unlisted"):
        response = await client.get(f"{PRODUCTS}/{shop['ids'][key]}")
        assert response.status_code == 200
        body = response.json()
        assert body["id"] == str(shop["ids"][key])
        assert body["specs"] == {"storage_gb": 128, "carrier_lock": "unlocked"}
        assert body["options"] == []


@pytest.mark.parametrize("key", ["draft", "private"])
async def test_drafts_and_private_listings_answer_404(
    client: httpx.AsyncClient, shop: dict[str, Any], key: str
) -> None:
    response = await client.get(f"{PRODUCTS}/{shop['ids'][key]}")
    assert response.status_code == 404
    assert response.json()["title"] == "Listing not found"


async def test_unknown_and_malformed_ids(client: httpx.AsyncClient) -> None:
    assert (await client.get(f"{PRODUCTS}/{uuid.uuid4()}")).status_code == 404
    malformed = await client.get(f"{PRODUCTS}/12345")
    assert malformed.status_code == 422
    assert malformed.json()["errors"][0]["field"] == "product_id"


async def test_listing_with_options_and_picture(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    seller = await make_seller(resources)
    product_id = await make_listing(
        resources,
        seller,
        image=jpeg_with_gps(),
        price=1,
        quantity=1,
        options=[
            {"name": "128 GB", "price": 49_900, "quantity": 2},
            {"name": "256 GB", "price": 54_900, "quantity": 3},
        ],
    )
    body = (await client.get(f"{PRODUCTS}/{product_id}")).json()
    assert body["price"] == 49_900  # the cheapest option
    assert body["quantity"] == 5  # the options' stock together
    assert [o["name"] for o in body["options"]] == ["128 GB", "256 GB"]
    assert len(body["images"]) == 1
    image = body["images"][0]
    assert body["image"] == image
    for url in (image[key] for key in ("thumbnail_url", "card_url", "full_url")):
        served = await client.get(url)
        assert served.status_code == 200
        assert served.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert served.content[:4] == b"RIFF" and served.content[8:12] == b"WEBP"


@pytest.mark.parametrize(
    ("sort", "key"),
    [("newest", "created_at"), ("price_asc", "price"), ("price_desc", "price")],
)
async def test_pages_over_sub_categories_merge_them_in_order(
    search_client: httpx.AsyncClient, resources: Resources, sort: str, key: str
) -> None:
    """A parent category's pages are merged from each sub-category's own rows (see
    `repository.run_category_page`): together they must still be one sorted list, every listing
    once, across pages that cut through ties in price."""
    seller, brand = await make_seller(resources), unique("Merged")
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    made = []
    for index in range(9):
        leaf = ("ssds", "hdds")[index % 2] if index != 4 else "ssds"
        made.append(
            await make_listing(
                resources, seller, brand=brand, category_id=category_id(leaf),
                price=(10_000, 20_000, 20_000)[index % 3] + index // 3,
                created_at=start + dt.timedelta(hours=(index * 7) % 9),
            )
        )  # fmt: skip
    items = await _all_pages(search_client, brand=brand, category="storage", sort=sort, limit=2)
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids)) and sorted(ids) == sorted(str(i) for i in made)
    values = [item[key] for item in items]
    # Equal prices come in the database's order of ids (MariaDB's UUID type has its own).
    assert values == sorted(values, reverse=sort != "price_asc")


@pytest.mark.parametrize("broad_range", [2, 10_000])
async def test_a_price_range_in_a_parent_category_pages_newest_first_either_way(
    search_client: httpx.AsyncClient,
    resources: Resources,
    monkeypatch: pytest.MonkeyPatch,
    broad_range: int,
) -> None:
    """Whether the range counts as broad (newest-first walk, price kept off the index) or
    narrow (price index), the pages hold the same listings in the same order."""
    monkeypatch.setattr(repository, "BROAD_RANGE", broad_range)
    seller, brand = await make_seller(resources), unique("Ranged")
    start = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
    inside = []
    for index in range(8):
        price = 10_000 + 1_000 * index
        made = await make_listing(
            resources, seller, brand=brand, category_id=category_id(("ssds", "hdds")[index % 2]),
            price=price, created_at=start + dt.timedelta(hours=(index * 5) % 8),
        )  # fmt: skip
        if 12_000 <= price <= 16_000:
            inside.append((start + dt.timedelta(hours=(index * 5) % 8), str(made)))
    items = await _all_pages(
        search_client, brand=brand, category="storage", min_price=12_000, max_price=16_000,
        sort="newest", limit=2,
    )  # fmt: skip
    assert [item["id"] for item in items] == [made for _, made in sorted(inside, reverse=True)]
