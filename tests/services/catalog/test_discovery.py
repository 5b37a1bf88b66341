"""Suggestions as you type, comparison side by side, related listings, price guidance."""

from __future__ import annotations

import uuid

import httpx

from techmarket.core.resources import Resources
from tests.factories import category_id, make_listing, make_seller, unique

PRODUCTS = "/api/v1/products"


async def test_suggestions_offer_categories_brands_and_titles(
    search_client: httpx.AsyncClient, resources: Resources
) -> None:
    seller, brand = await make_seller(resources), unique("Quasar")
    product = await make_listing(resources, seller, brand=brand, title=f"{brand} Nova 7 phone")
    hidden = await make_listing(
        resources, seller, brand=brand, title=f"{brand} Nova 8 phone", visibility="private"
    )
    suggest = f"{PRODUCTS}/suggest"
    body = (await search_client.get(suggest, params={"q": brand[:12]})).json()
    kinds = {(item["kind"], item["value"]) for item in body["items"]}
    assert ("brand", brand) in kinds
    assert ("product", str(product)) in kinds
    assert ("product", str(hidden)) not in kinds
    typing = (await search_client.get(suggest, params={"q": f"{brand} nov"})).json()
    assert [i["value"] for i in typing["items"] if i["kind"] == "product"] == [str(product)]
    cameras = (await search_client.get(suggest, params={"q": "mirrorl"})).json()
    assert {"kind": "category", "label": "Mirrorless cameras", "value": "mirrorless-cameras"} in (
        cameras["items"]
    )
    assert (await search_client.get(suggest, params={"q": "a"})).status_code == 422


async def test_compare_aligns_specs_and_marks_differences(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    seller = await make_seller(resources)
    first = await make_listing(
        resources, seller, specs={"storage_gb": 128, "carrier_lock": "unlocked", "5g": True}
    )
    second = await make_listing(
        resources, seller, specs={"storage_gb": 256, "carrier_lock": "unlocked"}
    )
    response = await client.get(f"{PRODUCTS}/compare", params={"ids": f"{first},{second}"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert [item["id"] for item in body["items"]] == [str(first), str(second)]
    rows = {row["name"]: row for row in body["rows"]}
    assert rows["storage_gb"]["values"] == [128, 256] and rows["storage_gb"]["differs"] is True
    assert rows["storage_gb"]["unit"] == "GB"
    assert rows["carrier_lock"]["differs"] is False
    assert rows["5g"]["values"] == [True, None] and rows["5g"]["differs"] is True


async def test_compare_refuses_bad_sets(client: httpx.AsyncClient, resources: Resources) -> None:
    seller = await make_seller(resources)
    one = await make_listing(resources, seller)
    draft = await make_listing(resources, seller, visibility="draft")
    many = ",".join(str(uuid.uuid4()) for _ in range(5))
    for ids, status in (
        (str(one), 422),
        (f"{one},{one}", 422),
        (many, 422),
        (f"{one},not-an-id", 422),
        (f"{one},{draft}", 404),
        (f"{one},{uuid.uuid4()}", 404),
    ):
        response = await client.get(f"{PRODUCTS}/compare", params={"ids": ids})
        assert response.status_code == status, ids


async def test_related_prefers_the_same_category_close_in_price_and_specs(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    seller, brand = await make_seller(resources), unique("Rel")
    gpu = {"chipset": "GeForce RTX 4070", "vram_gb": 12}
    target = await make_listing(
        resources, seller, brand=brand, category_id=category_id("gpus"), price=50_000, specs=gpu
    )
    twin = await make_listing(
        resources, seller, brand=brand, category_id=category_id("gpus"), price=52_000, specs=gpu
    )
    far = await make_listing(
        resources, seller, brand=brand, category_id=category_id("gpus"), price=140_000,
        specs={"chipset": "GeForce RTX 4090", "vram_gb": 24},
    )  # fmt: skip
    phone = await make_listing(resources, seller, brand=brand, price=50_000)
    body = (await client.get(f"{PRODUCTS}/{target}/related")).json()
    ids = [item["id"] for item in body["items"]]
    assert str(target) not in ids and str(phone) not in ids
    assert ids.index(str(twin)) < ids.index(str(far))
    missing = await client.get(f"{PRODUCTS}/{uuid.uuid4()}/related")
    assert missing.status_code == 404


async def test_price_guide_uses_asking_prices_until_there_are_sales(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    seller, model = await make_seller(resources), unique("Model")
    params = {"brand": "Guidebrand", "model": model, "condition": "good", "currency": "EUR"}
    empty = (await client.get(f"{PRODUCTS}/price-guide", params=params)).json()
    assert empty["basis"] == "none" and empty["median"] is None
    for price in (30_000, 32_000, 34_000, 90_000):
        await make_listing(resources, seller, brand="GuideBrand", model=model, price=price)
    await make_listing(
        resources, seller, brand="GuideBrand", model=model, price=1, condition="fair"
    )
    asking = (await client.get(f"{PRODUCTS}/price-guide", params=params)).json()
    assert asking["basis"] == "asking" and asking["sample_size"] == 4
    assert asking["median"] == 33_000
    assert asking["low"] == 30_000 and asking["high"] == 90_000
    for _ in range(5):
        await make_listing(
            resources, seller, brand="GuideBrand", model=model, price=28_000, quantity=0
        )  # sold out: a sale
    sales = (await client.get(f"{PRODUCTS}/price-guide", params=params)).json()
    assert sales["basis"] == "sales" and sales["median"] == 28_000
    bad = await client.get(f"{PRODUCTS}/price-guide", params={**params, "condition": "mint"})
    assert bad.status_code == 422
