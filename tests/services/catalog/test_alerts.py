"""Alerts: the matching predicate, the hooks of the listing write path, and the account's list."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import FastAPI

from techmarket.core.resources import Resources
from techmarket.services.catalog import alerts
from techmarket.services.catalog.models import Product
from techmarket.services.catalog.shelf_schemas import parse_spec_filter
from tests.accounts import Account, sign_up
from tests.factories import make_listing, make_seller, unique
from tests.services.catalog.test_watchlist import seller_account, set_listing

SAVED = "/api/v1/users/me/saved-searches"
ALERTS = "/api/v1/users/me/alerts"
WATCHLIST = "/api/v1/users/me/watchlist"
PHONES = uuid.uuid4()
SMARTPHONES = uuid.uuid4()
LAPTOPS = uuid.uuid4()


@dataclass
class Listing:
    title: str = "Pixel 8 Pro 256 GB"
    brand: str = "Google"
    model: str = "Pixel 8 Pro"
    description: str = "Obsidian black, boxed, battery at 97 %."
    condition: str = "like_new"
    price: int = 60_000
    category_id: uuid.UUID = SMARTPHONES
    specs: dict[str, Any] = field(
        default_factory=lambda: {"storage_gb": 256, "carrier_lock": "Unlocked", "5g": True}
    )


@pytest.mark.parametrize(
    ("query", "matches"),
    [
        ({}, True),
        ({"q": "pixel OBSIDIAN"}, True),  # words from title and description, any case
        ({"q": "pixel purple"}, False),  # every word must be found
        ({"brand": ["google", "Apple"]}, True),
        ({"brand": ["Apple"]}, False),
        ({"condition": ["like_new", "new"]}, True),
        ({"condition": ["good"]}, False),
        ({"min_price": 60_000, "max_price": 60_000}, True),
        ({"min_price": 60_001}, False),
        ({"max_price": 59_999}, False),
        ({"category": "phones"}, True),  # a parent includes its sub-categories
        ({"category": "laptops"}, False),
        ({"category": "phones", "spec": ["storage_gb:128..", "carrier_lock:unlocked"]}, True),
        ({"category": "phones", "spec": ["storage_gb:..128"]}, False),
        ({"category": "phones", "spec": ["storage_gb:256"]}, True),
        ({"category": "phones", "spec": ["5g:true"]}, True),
        ({"category": "phones", "spec": ["5g:false"]}, False),
        ({"category": "phones", "spec": ["ram_gb:8.."]}, False),  # a spec it lacks never matches
    ],
)
def test_listing_matches_every_filter(query: dict[str, Any], matches: bool) -> None:
    subtrees = {"phones": {PHONES, SMARTPHONES}, "laptops": {LAPTOPS}}
    subtree = subtrees.get(query.get("category", ""))
    assert alerts.listing_matches(query, Listing(), subtree) is matches


def test_an_unknown_category_matches_nothing() -> None:
    assert alerts.listing_matches({"category": "gone"}, Listing(), frozenset()) is False
    assert alerts.listing_matches({"category": "gone"}, Listing(), None) is False


@pytest.mark.parametrize(
    ("raw", "reason"),
    [("ram_gb", "name:value"), ("ram_gb:9..3", "lower end"), ("ram gb:8", "letters"),
     ("ram_gb:..", "at least one end"), ("ram_gb:x..3", "not a number")],
)  # fmt: skip
def test_spec_filters_are_parsed_strictly(raw: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_spec_filter(raw)


async def save(account: Account, alerts_on: bool = True, **filters: Any) -> str:
    body = {"name": "Search", "query": filters, "alerts": alerts_on}
    response = await account.http.post(SAVED, json=body, headers=account.auth())
    assert response.status_code == 201, response.text
    search_id: str = response.json()["id"]
    return search_id


async def publish(resources: Resources, product_id: uuid.UUID, **options: Any) -> int:
    """What the listing write path will do once a listing is public (wired in selling.py)."""
    async with resources.db.unit_of_work(write=True) as session:
        product = await session.get(Product, product_id)
        assert product is not None
        return await alerts.on_listing_published(session, product, **options)


async def change_price(resources: Resources, product_id: uuid.UUID, price: int) -> int:
    async with resources.db.unit_of_work(write=True) as session:
        product = await session.get(Product, product_id)
        assert product is not None
        old, product.price = product.price, price
        await session.flush()
        return await alerts.on_price_changed(session, product, old)


async def alert_list(account: Account, **params: Any) -> dict[str, Any]:
    response = await account.http.get(ALERTS, params=params, headers=account.auth())
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_a_published_listing_alerts_matching_searches_once(
    app: FastAPI, resources: Resources
) -> None:
    seller = await make_seller(resources)
    fan, quiet, picky, own = (
        await sign_up(app), await sign_up(app), await sign_up(app),
        await seller_account(app, seller),
    )  # fmt: skip
    brand = unique("Brand")
    fan_search = await save(fan, brand=[brand], category="phones")
    await save(quiet, alerts_on=False, brand=[brand])
    await save(picky, brand=[brand], condition=["new"])
    await save(own, brand=[brand])
    product_id = await make_listing(resources, seller, brand=brand, condition="good")

    assert await publish(resources, product_id) == 1
    assert await publish(resources, product_id) == 0  # never twice
    [alert] = (await alert_list(fan))["items"]
    assert alert["kind"] == "new_match"
    assert alert["saved_search_id"] == fan_search
    assert alert["product"]["id"] == str(product_id)
    assert alert["read"] is False
    for account in (quiet, picky, own):
        assert (await alert_list(account))["items"] == []

    # With the seller named by the caller, the seller's own search is skipped all the same.
    other = await make_listing(resources, seller, brand=brand, condition="good")
    assert await publish(resources, other, seller_user_id=seller.user_id) == 1
    assert (await alert_list(own))["items"] == []


async def test_hidden_listings_raise_no_alert(app: FastAPI, resources: Resources) -> None:
    seller, fan = await make_seller(resources), await sign_up(app)
    brand = unique("Brand")
    await save(fan, brand=[brand])
    for visibility in ("draft", "unlisted", "private"):
        product_id = await make_listing(resources, seller, brand=brand, visibility=visibility)
        assert await publish(resources, product_id) == 0
    assert (await alert_list(fan))["items"] == []


async def test_a_price_drop_alerts_watchers_below_their_price_once(
    app: FastAPI, resources: Resources
) -> None:
    seller = await make_seller(resources)
    early, late, searcher = await sign_up(app), await sign_up(app), await sign_up(app)
    brand = unique("Brand")
    product_id = await make_listing(resources, seller, brand=brand, price=10_000)
    await early.http.put(f"{WATCHLIST}/{product_id}", headers=early.auth())  # sees 10 000
    await set_listing(resources, product_id, price=12_000)
    await late.http.put(f"{WATCHLIST}/{product_id}", headers=late.auth())  # sees 12 000
    search = await save(searcher, brand=[brand], max_price=11_500)

    assert await change_price(resources, product_id, 13_000) == 0  # a rise alerts nobody
    # 11 000 is a drop for `late` and now within the searcher's range; `early` paid less.
    assert await change_price(resources, product_id, 11_000) == 2
    [drop] = (await alert_list(late))["items"]
    assert drop["kind"] == "price_drop"
    assert drop["saved_search_id"] is None
    assert drop["product"]["price"] == 11_000
    [match] = (await alert_list(searcher))["items"]
    assert (match["kind"], match["saved_search_id"]) == ("new_match", search)
    assert (await alert_list(early))["items"] == []

    assert await change_price(resources, product_id, 9_000) == 1  # now `early` too
    assert [a["kind"] for a in (await alert_list(early))["items"]] == ["price_drop"]
    assert len((await alert_list(late))["items"]) == 1  # not twice
    assert len((await alert_list(searcher))["items"]) == 1

    await set_listing(resources, product_id, visibility="draft")
    assert await change_price(resources, product_id, 5_000) == 0


async def test_alerts_page_newest_first_and_are_marked_read(
    app: FastAPI, resources: Resources
) -> None:
    seller, fan, stranger = await make_seller(resources), await sign_up(app), await sign_up(app)
    brand = unique("Brand")
    await save(fan, brand=[brand])
    products = [await make_listing(resources, seller, brand=brand) for _ in range(3)]
    for product_id in products:
        assert await publish(resources, product_id) == 1

    first = await alert_list(fan, limit=2)
    assert [a["product"]["id"] for a in first["items"]] == [str(p) for p in products[:0:-1]]
    assert first["unread"] == 3
    second = await alert_list(fan, limit=2, cursor=first["next_cursor"])
    assert [a["product"]["id"] for a in second["items"]] == [str(products[0])]
    assert second["next_cursor"] is None
    assert (await alert_list(stranger))["items"] == []

    # A listing made private drops out of the list (its alert is kept, unseen).
    await set_listing(resources, products[2], visibility="private")
    assert len((await alert_list(fan))["items"]) == 2

    read = await fan.http.post(f"{ALERTS}/read", headers=fan.auth())
    assert read.status_code == 204
    after = await alert_list(fan)
    assert [a["read"] for a in after["items"]] == [True, True]
    assert after["unread"] == 0
    assert (await fan.http.post(f"{ALERTS}/read")).status_code == 401


async def test_deleting_a_saved_search_deletes_its_alerts(
    app: FastAPI, resources: Resources
) -> None:
    seller, fan = await make_seller(resources), await sign_up(app)
    brand = unique("Brand")
    search = await save(fan, brand=[brand])
    assert await publish(resources, await make_listing(resources, seller, brand=brand)) == 1
    assert len((await alert_list(fan))["items"]) == 1
    assert (await fan.http.delete(f"{SAVED}/{search}", headers=fan.auth())).status_code == 204
    assert (await alert_list(fan))["items"] == []


async def test_listing_writes_raise_alerts_through_the_api(
    app: FastAPI, resources: Resources
) -> None:
    """The hooks are wired into the seller's calls: publishing and lowering a price."""
    from tests.services.catalog.test_selling import listing, make_seller_account

    seller, buyer = await make_seller_account(app, resources), await sign_up(app)
    brand = unique("Wired")
    saved = await buyer.http.post(
        SAVED,
        json={"name": "wired", "query": {"brand": [brand]}, "alerts": True},
        headers=buyer.auth(),
    )
    assert saved.status_code == 201, saved.text
    draft = await seller.http.post(
        "/api/v1/products", json=listing(brand=brand, visibility="draft"), headers=seller.auth()
    )
    product_id = draft.json()["id"]
    assert (await buyer.http.get(ALERTS, headers=buyer.auth())).json()["items"] == []
    published = await seller.http.patch(
        f"/api/v1/products/{product_id}", json={"visibility": "public"}, headers=seller.auth()
    )
    assert published.status_code == 200
    watched = await buyer.http.put(f"{WATCHLIST}/{product_id}", headers=buyer.auth())
    assert watched.status_code == 204
    cheaper = await seller.http.patch(
        f"/api/v1/products/{product_id}", json={"price": 50_000}, headers=seller.auth()
    )
    assert cheaper.status_code == 200
    items = (await buyer.http.get(ALERTS, headers=buyer.auth())).json()["items"]
    assert sorted(item["kind"] for item in items) == ["new_match", "price_drop"]
    assert {item["product"]["id"] for item in items} == {product_id}
    assert (await seller.http.get(ALERTS, headers=seller.auth())).json()["items"] == []
