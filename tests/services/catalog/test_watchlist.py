"""The watchlist: idempotent, only listings the caller may open, newest first, price drops."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi import FastAPI
from sqlalchemy import func, select

from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.gateway.routing import service_for_path
from techmarket.services.catalog.models import ListingStatus, Product, WatchlistEntry
from tests.accounts import Account, client_from, sign_up
from tests.factories import Seller, make_listing, make_seller

WATCHLIST = "/api/v1/users/me/watchlist"


async def seller_account(app: FastAPI, seller: Seller) -> Account:
    """The factory seller, signed in over HTTP (the factory sets this password)."""
    account = Account(
        seller.email, "correct horse battery staple", "Test Seller", str(seller.user_id),
        client_from(app),
    )  # fmt: skip
    await account.login()
    return account


async def set_listing(resources: Resources, product_id: uuid.UUID, **values: object) -> None:
    async with resources.db.unit_of_work(write=True) as session:
        product = await session.get(Product, product_id)
        assert product is not None
        for name, value in values.items():
            setattr(product, name, value)


async def test_watching_is_idempotent_and_keeps_the_first_price(
    app: FastAPI, resources: Resources
) -> None:
    buyer, seller = await sign_up(app), await make_seller(resources)
    product_id = await make_listing(resources, seller, price=25_000)
    first = await buyer.http.put(f"{WATCHLIST}/{product_id}", headers=buyer.auth())
    assert first.status_code == 204, first.text
    await set_listing(resources, product_id, price=30_000)
    again = await buyer.http.put(f"{WATCHLIST}/{product_id}", headers=buyer.auth())
    assert again.status_code == 204
    async with resources.db.unit_of_work(write=False) as session:
        entries = await session.scalar(
            select(func.count())
            .select_from(WatchlistEntry)
            .where(WatchlistEntry.user_id == uuid.UUID(buyer.user_id))
        )
    assert entries == 1
    items = (await buyer.http.get(WATCHLIST, headers=buyer.auth())).json()["items"]
    assert [item["product"]["id"] for item in items] == [str(product_id)]
    assert items[0]["price_when_added"] == 25_000
    assert items[0]["product"]["price"] == 30_000
    assert items[0]["price_dropped"] is False


async def test_price_dropped_flags_a_lower_price(app: FastAPI, resources: Resources) -> None:
    buyer, seller = await sign_up(app), await make_seller(resources)
    product_id = await make_listing(resources, seller, price=50_000)
    await buyer.http.put(f"{WATCHLIST}/{product_id}", headers=buyer.auth())
    [item] = (await buyer.http.get(WATCHLIST, headers=buyer.auth())).json()["items"]
    assert item["price_dropped"] is False
    await set_listing(resources, product_id, price=49_999)
    [item] = (await buyer.http.get(WATCHLIST, headers=buyer.auth())).json()["items"]
    assert item["price_dropped"] is True
    assert item["status"] == "active"


async def test_only_listings_the_caller_may_open_can_be_watched(
    app: FastAPI, resources: Resources
) -> None:
    buyer, seller = await sign_up(app), await make_seller(resources)
    unlisted = await make_listing(resources, seller, visibility="unlisted")
    for visibility in ("draft", "private"):
        hidden = await make_listing(resources, seller, visibility=visibility)
        refused = await buyer.http.put(f"{WATCHLIST}/{hidden}", headers=buyer.auth())
        assert refused.status_code == 404, visibility
        assert refused.headers["content-type"] == "application/problem+json"
    removed = await make_listing(resources, seller)
    await set_listing(resources, removed, status=ListingStatus.REMOVED)
    assert (await buyer.http.put(f"{WATCHLIST}/{removed}", headers=buyer.auth())).status_code == 404
    unknown = await buyer.http.put(f"{WATCHLIST}/{uuid.uuid4()}", headers=buyer.auth())
    assert unknown.status_code == 404
    assert (
        await buyer.http.put(f"{WATCHLIST}/{unlisted}", headers=buyer.auth())
    ).status_code == 204
    assert (
        await buyer.http.put(f"{WATCHLIST}/not-a-uuid", headers=buyer.auth())
    ).status_code == 422
    assert (await buyer.http.put(f"{WATCHLIST}/{unlisted}")).status_code == 401


async def test_a_seller_cannot_watch_their_own_listing(app: FastAPI, resources: Resources) -> None:
    seller = await make_seller(resources)
    product_id = await make_listing(resources, seller)
    account = await seller_account(app, seller)
    refused = await account.http.put(f"{WATCHLIST}/{product_id}", headers=account.auth())
    assert refused.status_code == 409
    assert refused.json()["type"].endswith("/own-listing")


async def test_listing_pages_newest_first_and_hides_listings_made_private(
    app: FastAPI, resources: Resources
) -> None:
    buyer, seller = await sign_up(app), await make_seller(resources)
    products = [await make_listing(resources, seller) for _ in range(3)]
    for product_id in products:
        assert (
            await buyer.http.put(f"{WATCHLIST}/{product_id}", headers=buyer.auth())
        ).status_code == 204
    first = (await buyer.http.get(WATCHLIST, params={"limit": 2}, headers=buyer.auth())).json()
    assert [i["product"]["id"] for i in first["items"]] == [str(p) for p in products[:0:-1]]
    assert first["next_cursor"]
    second = (
        await buyer.http.get(
            WATCHLIST, params={"limit": 2, "cursor": first["next_cursor"]}, headers=buyer.auth()
        )
    ).json()
    assert [i["product"]["id"] for i in second["items"]] == [str(products[0])]
    assert second["next_cursor"] is None
    await set_listing(resources, products[1], visibility="private")
    ids = [
        i["product"]["id"]
        for i in (await buyer.http.get(WATCHLIST, headers=buyer.auth())).json()["items"]
    ]
    assert ids == [str(products[2]), str(products[0])]
    forged = await buyer.http.get(
        WATCHLIST, params={"cursor": "bm90LWEtY3Vyc29y"}, headers=buyer.auth()
    )
    assert forged.status_code == 422
    assert forged.json()["errors"][0]["field"] == "cursor"


async def test_removing_is_idempotent_and_lists_are_private(
    app: FastAPI, resources: Resources
) -> None:
    buyer, other, seller = await sign_up(app), await sign_up(app), await make_seller(resources)
    product_id = await make_listing(resources, seller)
    await buyer.http.put(f"{WATCHLIST}/{product_id}", headers=buyer.auth())
    assert (await other.http.get(WATCHLIST, headers=other.auth())).json()["items"] == []
    # Another user's DELETE touches only their own (empty) watchlist.
    assert (
        await other.http.delete(f"{WATCHLIST}/{product_id}", headers=other.auth())
    ).status_code == 204
    assert len((await buyer.http.get(WATCHLIST, headers=buyer.auth())).json()["items"]) == 1
    assert (
        await buyer.http.delete(f"{WATCHLIST}/{product_id}", headers=buyer.auth())
    ).status_code == 204
    assert (
        await buyer.http.delete(f"{WATCHLIST}/{product_id}", headers=buyer.auth())
    ).status_code == 204
    assert (await buyer.http.get(WATCHLIST, headers=buyer.auth())).json()["items"] == []


async def test_entries_added_at_the_same_instant_page_by_id(
    app: FastAPI, resources: Resources
) -> None:
    """Keyset pages hold across ties in `added_at` (imports and fast clicks make them)."""
    buyer, seller = await sign_up(app), await make_seller(resources)
    same = utcnow() - dt.timedelta(days=1)
    products = [await make_listing(resources, seller) for _ in range(3)]
    async with resources.db.unit_of_work(write=True) as session:
        for product_id in products:
            session.add(
                WatchlistEntry(
                    user_id=uuid.UUID(buyer.user_id), product_id=product_id,
                    price_when_added=10_000, added_at=same,
                )
            )  # fmt: skip
    seen: list[str] = []
    cursor = None
    for _ in range(5):
        params: dict[str, str | int] = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        body = (await buyer.http.get(WATCHLIST, params=params, headers=buyer.auth())).json()
        seen += [item["product"]["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 3
    assert len(set(seen)) == 3


def test_the_catalog_owns_the_account_paths_it_serves() -> None:
    """The gateway's routing picks the longest prefix: `/users/me/watchlist` is the catalog's
    although `/users` is the users service's."""
    assert (owner := service_for_path("/users/me/watchlist/abc")) is not None
    assert owner.name == "catalog"
    assert (owner := service_for_path("/users/me/saved-searches")) is not None
    assert owner.name == "catalog"
    assert (owner := service_for_path("/users/me")) is not None
    assert owner.name == "users"
    assert (owner := service_for_path("/users/me/watchlistless")) is not None
    assert owner.name == "users"
    assert (owner := service_for_path("/admin/promotions/x")) is not None
    assert owner.name == "catalog"
    assert (owner := service_for_path("/admin/users/x/roles")) is not None
    assert owner.name == "admin"
    assert service_for_path("/nowhere") is None
