"""Full-text search, relevance, spec filters, facets and the cached first page of a category."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.services.catalog import cache_keys, full_text
from tests.factories import category_id, make_listing, make_seller, unique
from tests.services.catalog.test_selling import listing, make_seller_account

PRODUCTS = "/api/v1/products"


def word() -> str:
    """A word no other listing contains, so each assertion is exact."""
    return "zq" + uuid.uuid4().hex[:8]


async def _ids(client: httpx.AsyncClient, **params: Any) -> list[str]:
    items: list[str] = []
    cursor = None
    for _ in range(50):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = await client.get(PRODUCTS, params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        items += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


async def test_words_match_title_brand_model_and_description_as_prefixes(
    search_client: httpx.AsyncClient, resources: Resources
) -> None:
    seller, key = await make_seller(resources), word()
    in_title = await make_listing(resources, seller, title=f"Phone {key}")
    in_description = await make_listing(resources, seller, description=f"Comes with {key} box")
    in_model = await make_listing(resources, seller, model=f"{key.upper()}-X")
    assert set(await _ids(search_client, q=key)) == {
        str(in_title),
        str(in_description),
        str(in_model),
    }
    as_typed = await _ids(search_client, q=key[:6])
    assert set(as_typed) >= {str(in_title), str(in_model)}
    both = await make_listing(resources, seller, title=f"{key} Ultra", brand="Zenith")
    assert await _ids(search_client, q=f"zenith {key}") == [str(both)]  # every word must match
    assert await _ids(search_client, q=f"{key} nowhere{uuid.uuid4().hex[:6]}") == []
    operators = await search_client.get(PRODUCTS, params={"q": f'"{key}* OR -( NEAR'})
    assert operators.status_code == 200  # query syntax of the engines is not the user's


async def test_relevance_ranks_the_closer_match_first_and_pages_by_it(
    search_client: httpx.AsyncClient, resources: Resources
) -> None:
    seller, key = await make_seller(resources), word()
    weak = await make_listing(
        resources, seller, title="Old phone", description=f"one mention of {key} here"
    )
    strong = await make_listing(
        resources, seller, title=f"{key} {key} phone", model=key,
        description=f"{key} everywhere: {key}, {key}.",
    )  # fmt: skip
    others = [
        await make_listing(resources, seller, title=f"{key} phone {n}", description=f"a {key}")
        for n in range(3)
    ]
    ranked = await _ids(search_client, q=key, sort="relevance", limit=2)
    assert ranked[0] == str(strong)
    assert ranked[-1] == str(weak)
    assert sorted(ranked) == sorted(map(str, [weak, strong, *others]))  # each once over pages
    forged = await search_client.get(PRODUCTS, params={"q": key, "cursor": "eyJzb3J0IjoicmFuayJ9"})
    assert forged.status_code == 422


async def test_relevance_ranks_the_newest_matches_and_widens_for_a_short_first_page(
    database_search_client: httpx.AsyncClient,
    resources: Resources,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With a window of two, relevance ranks the two newest matches (SQLite: see
    `full_text.RANKED_WINDOW`); a filter that leaves the first page short ranks them all, and
    its pages go on in that mode."""
    monkeypatch.setattr(full_text, "RANKED_WINDOW", 2)
    seller, key = await make_seller(resources), word()
    start = utcnow() - dt.timedelta(days=1)
    oldest_strong = await make_listing(
        resources, seller, title=f"{key} {key} {key}", description=f"{key} {key}", price=5_000,
        created_at=start,
    )  # fmt: skip
    older = [
        await make_listing(resources, seller, title=f"{key} a", price=20_000, created_at=start)
        for _ in range(2)
    ]
    newest = [
        await make_listing(resources, seller, title=f"Phone {key} {n}", price=30_000)
        for n in range(2)
    ]
    database = database_search_client
    ranked = await _ids(database, q=key, limit=1)  # a full first page: the window holds
    if resources.db.is_sqlite:  # the best match is older than the two newest: left out
        assert sorted(ranked) == sorted(map(str, newest))
    else:  # the server engines rank every match
        assert ranked[0] == str(oldest_strong) and len(ranked) == 5
    cheap = await _ids(database, q=key, max_price=25_000, limit=1)  # short: every match ranked
    assert len(await _ids(database, q=key, limit=10)) == 5  # short without filters too
    assert cheap[0] == str(oldest_strong)
    assert sorted(cheap) == sorted(map(str, [oldest_strong, *older]))


async def test_spec_filters_by_value_range_and_yes_no(
    search_client: httpx.AsyncClient, resources: Resources
) -> None:
    seller, brand = await make_seller(resources), unique("SpecBrand")

    async def phone(storage: int, lock: str, five_g: bool) -> str:
        specs = {"storage_gb": storage, "carrier_lock": lock, "5g": five_g}
        return str(await make_listing(resources, seller, brand=brand, specs=specs))

    small = await phone(64, "locked", False)
    middle = await phone(128, "unlocked", True)
    large = await phone(512, "unlocked", True)
    base = {"brand": brand, "category": "phones"}
    assert set(await _ids(search_client, **base, spec="storage_gb:100..600")) == {middle, large}
    assert set(await _ids(search_client, **base, spec="storage_gb:..128")) == {small, middle}
    assert await _ids(search_client, **base, spec="storage_gb:512") == [large]
    assert await _ids(search_client, **base, spec="carrier_lock:locked") == [small]
    both = await _ids(search_client, **base, spec=["5g:true", "storage_gb:..200"])
    assert both == [middle]
    for bad in ("warp:1", "storage_gb:lots", "storage_gb:9..1", "carrier_lock:maybe"):
        response = await search_client.get(PRODUCTS, params={**base, "spec": bad})
        assert response.status_code == 422, bad
        assert response.json()["errors"][0]["field"] == "spec"
    no_category = await search_client.get(PRODUCTS, params={"brand": brand, "spec": "5g:true"})
    assert no_category.status_code == 422


async def test_brand_filter_ignores_case_and_follows_a_brand_edit(
    app: FastAPI, resources: Resources, search_client: httpx.AsyncClient
) -> None:
    seller = await make_seller_account(app, resources)
    brand = unique("CaseBrand")
    created = await seller.http.post(
        PRODUCTS, json=listing(brand=brand, visibility="public"), headers=seller.auth()
    )
    assert created.status_code == 201, created.text
    product_id = created.json()["id"]
    assert await _ids(search_client, brand=f"  {brand.upper()} ") == [product_id]
    renamed = unique("Renamed")
    edited = await seller.http.patch(
        f"{PRODUCTS}/{product_id}", json={"brand": renamed}, headers=seller.auth()
    )
    assert edited.status_code == 200, edited.text
    assert await _ids(search_client, brand=brand.lower()) == []
    assert await _ids(search_client, brand=renamed.swapcase()) == [product_id]


async def test_facets_count_price_bands_and_category_specs(
    search_client: httpx.AsyncClient, resources: Resources
) -> None:
    seller, brand = await make_seller(resources), unique("FacetBrand")
    for price, lock in ((5_000, "locked"), (15_000, "unlocked"), (18_000, "unlocked")):
        await make_listing(
            resources, seller, brand=brand, price=price,
            specs={"storage_gb": 128, "carrier_lock": lock},
        )  # fmt: skip
    body = (await search_client.get(PRODUCTS, params={"brand": brand, "category": "phones"})).json()
    bands = {band["value"]: band["count"] for band in body["facets"]["price"]}
    assert bands == {"0..10000": 1, "10000..25000": 2}
    specs = {facet["name"]: facet for facet in body["facets"]["specs"]}
    locks = {value["value"]: value["count"] for value in specs["carrier_lock"]["values"]}
    assert locks == {"unlocked": 2, "locked": 1}
    without_category = (await search_client.get(PRODUCTS, params={"brand": brand})).json()
    assert without_category["facets"]["specs"] == []


async def test_first_page_of_a_category_is_cached_until_a_listing_there_changes(
    app: FastAPI, resources: Resources, client: httpx.AsyncClient
) -> None:
    seller = await make_seller_account(app, resources)
    key = cache_keys.category_page("ssds", "relevance", 24)
    parent_key = cache_keys.category_page("storage", "newest", 8)
    other_key = cache_keys.category_page("gpus", "relevance", 24)
    first = await client.get(PRODUCTS, params={"category": "ssds"})
    await client.get(PRODUCTS, params={"category": "storage", "sort": "newest", "limit": 8})
    await client.get(PRODUCTS, params={"category": "gpus"})
    assert await resources.cache.get(key) == first.content
    assert await resources.cache.get(parent_key) is not None
    filtered = await client.get(PRODUCTS, params={"category": "ssds", "condition": "good"})
    assert filtered.status_code == 200  # filtered pages are not cached ...
    assert await resources.cache.get(key) == first.content  # ... and do not replace the entry
    ssd = listing(
        category_id=str(category_id("ssds")),
        specs={"capacity_gb": 1000, "interface": "SATA III", "form_factor": "2.5 inch"},
    )
    created = await seller.http.post(PRODUCTS, json=ssd, headers=seller.auth())
    assert created.status_code == 201, created.text
    assert await resources.cache.get(key) is None
    assert await resources.cache.get(parent_key) is None  # the parent's page shows it too
    assert await resources.cache.get(other_key) is not None  # another category is untouched
    again = await client.get(PRODUCTS, params={"category": "ssds"})
    assert created.json()["id"] in {item["id"] for item in again.json()["items"]}


@pytest.mark.parametrize("q", ["a", "%", "_", "ü"])
async def test_short_and_odd_queries_do_not_fail(search_client: httpx.AsyncClient, q: str) -> None:
    response = await search_client.get(PRODUCTS, params={"q": q})
    assert response.status_code == 200


async def test_facets_come_with_the_first_page_and_are_kept_a_minute(
    search_client: httpx.AsyncClient, resources: Resources
) -> None:
    seller, brand = await make_seller(resources), unique("Facets")
    for _ in range(3):
        await make_listing(resources, seller, brand=brand)
    first = (await search_client.get(PRODUCTS, params={"brand": brand, "limit": 2})).json()
    assert first["facets"]["brand"] == [{"value": brand, "label": brand, "count": 3}]
    second = (
        await search_client.get(
            PRODUCTS, params={"brand": brand, "limit": 2, "cursor": first["next_cursor"]}
        )
    ).json()
    assert len(second["items"]) == 1
    assert second["facets"]["brand"] == [] and second["facets"]["condition"] == []
    await make_listing(resources, seller, brand=brand)
    again = (await search_client.get(PRODUCTS, params={"brand": brand, "limit": 2})).json()
    assert again["facets"]["brand"][0]["count"] == 3  # counts kept for a minute
    assert again["next_cursor"] is not None  # while the listings themselves are live
