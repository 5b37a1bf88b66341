"""Sellers manage their own listings; nobody else can touch them."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import FastAPI

from techmarket.core.resources import Resources
from techmarket.services.catalog import cache_keys
from tests.accounts import Account, last_link, sign_up
from tests.factories import category_id
from tests.images import jpeg_with_gps

LISTING: dict[str, Any] = {
    "title": "Pixel 8 Pro 256 GB, like new",
    "description": "Barely used, always in a case.",
    "brand": "Google",
    "model": "Pixel 8 Pro",
    "condition": "like_new",
    "price": 64_900,
    "currency": "EUR",
    "quantity": 1,
    "visibility": "public",
    "specs": {"storage_gb": 256, "battery_health_pct": 97, "carrier_lock": "unlocked"},
}


async def make_seller_account(app: FastAPI, resources: Resources) -> Account:
    account = await sign_up(app)
    token = last_link(resources, account.email, "/verify-email")
    await account.http.post("/api/v1/auth/email/verify", json={"token": token})
    store = {"store_name": f"Shop {account.user_id[:8]}", "city": "Leipzig", "country": "DE"}
    opened = await account.http.post("/api/v1/users/me/dealer", json=store, headers=account.auth())
    assert opened.status_code == 201
    return account


def listing(**changes: Any) -> dict[str, Any]:
    return {**LISTING, "category_id": str(category_id("smartphones")), **changes}


async def test_only_sellers_list_and_into_a_leaf_category(
    app: FastAPI, resources: Resources
) -> None:
    buyer = await sign_up(app)
    refused = await buyer.http.post("/api/v1/products", json=listing(), headers=buyer.auth())
    assert refused.status_code == 403
    assert refused.json()["title"] == "Open a store first"
    seller = await make_seller_account(app, resources)
    parent = await seller.http.post(
        "/api/v1/products", json=listing(category_id=str(category_id("phones"))),
        headers=seller.auth(),
    )  # fmt: skip
    assert parent.status_code == 422
    assert parent.json()["errors"][0]["field"] == "category_id"
    created = await seller.http.post("/api/v1/products", json=listing(), headers=seller.auth())
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["location"] == "Leipzig, DE"
    assert body["status"] == "active"
    public = await seller.http.get(f"/api/v1/products/{body['id']}")
    assert public.json()["title"] == LISTING["title"]


async def test_bad_listing_fields_are_named(app: FastAPI, resources: Resources) -> None:
    seller = await make_seller_account(app, resources)
    response = await seller.http.post(
        "/api/v1/products",
        json=listing(price=-5, condition="mint", currency="euro"),
        headers=seller.auth(),
    )
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"price", "condition", "currency"}


async def test_owner_edits_others_cannot(app: FastAPI, resources: Resources) -> None:
    owner, other = (
        await make_seller_account(app, resources),
        await make_seller_account(app, resources),
    )
    product = (
        await owner.http.post("/api/v1/products", json=listing(), headers=owner.auth())
    ).json()
    path = f"/api/v1/products/{product['id']}"
    assert (await owner.http.get(path)).json()["price"] == 64_900  # now cached
    nulled = await owner.http.patch(path, json={"title": None}, headers=owner.auth())
    assert nulled.status_code == 422
    assert nulled.json()["errors"][0]["field"] == "title"
    hijack = await other.http.patch(path, json={"price": 1}, headers=other.auth())
    assert hijack.status_code == 404
    assert (await other.http.delete(path, headers=other.auth())).status_code == 404
    options = [{"name": "256 GB", "price": 58_000, "quantity": 2}]
    changed = await owner.http.patch(
        path, json={"price": 59_900, "options": options}, headers=owner.auth()
    )
    assert changed.status_code == 200
    assert changed.json()["price"] == 58_000
    assert changed.json()["quantity"] == 2
    # The public cache was dropped after the commit: anyone sees the change at once.
    assert (await other.http.get(path)).json()["price"] == 58_000


async def test_drafts_are_the_sellers_alone_and_removal_is_soft(
    app: FastAPI, resources: Resources
) -> None:
    owner, stranger = await make_seller_account(app, resources), await sign_up(app)
    draft = (
        await owner.http.post(
            "/api/v1/products", json=listing(visibility="draft"), headers=owner.auth()
        )
    ).json()
    path = f"/api/v1/products/{draft['id']}"
    assert (await owner.http.get(path, headers=owner.auth())).status_code == 200
    assert (await stranger.http.get(path, headers=stranger.auth())).status_code == 404
    assert (await stranger.http.get(path)).status_code == 404
    published = await owner.http.patch(path, json={"visibility": "public"}, headers=owner.auth())
    assert published.status_code == 200
    assert (await stranger.http.get(path)).status_code == 200
    assert (await owner.http.delete(path, headers=owner.auth())).status_code == 204
    assert (await stranger.http.get(path)).status_code == 404
    kept = await owner.http.get(path, headers=owner.auth())
    assert kept.json()["status"] == "removed"


async def test_pictures_are_checked_stored_and_removable(
    app: FastAPI, resources: Resources
) -> None:
    owner = await make_seller_account(app, resources)
    product = (
        await owner.http.post("/api/v1/products", json=listing(), headers=owner.auth())
    ).json()
    path = f"/api/v1/products/{product['id']}/images"
    fake = await owner.http.post(
        path,
        files={"file": ("x.jpg", b"<svg onload=alert(1)>", "image/jpeg")},
        headers=owner.auth(),
    )
    assert fake.status_code == 422
    added = await owner.http.post(
        path, files={"file": ("photo.jpg", jpeg_with_gps(320, 240), "image/jpeg")},
        headers=owner.auth(),
    )  # fmt: skip
    assert added.status_code == 201, added.text
    images = added.json()["images"]
    assert len(images) == 1
    served = await owner.http.get(images[0]["full_url"])
    assert served.headers["content-type"] == "image/webp"
    image_id = uuid.UUID(images[0]["full_url"].rsplit("/", 1)[1].split("-")[0])
    detail = (await owner.http.get(f"/api/v1/products/{product['id']}")).json()
    assert detail["image"] == images[0]
    stranger = await make_seller_account(app, resources)
    assert (
        await stranger.http.delete(f"{path}/{image_id}", headers=stranger.auth())
    ).status_code == 404
    assert (await owner.http.delete(f"{path}/{image_id}", headers=owner.auth())).status_code == 204
    assert (await owner.http.get(f"/api/v1/products/{product['id']}")).json()["image"] is None


async def test_signed_in_views_of_public_listings_use_the_cache(
    app: FastAPI, resources: Resources
) -> None:
    owner, visitor = await make_seller_account(app, resources), await sign_up(app)
    product = (
        await owner.http.post("/api/v1/products", json=listing(), headers=owner.auth())
    ).json()
    key = cache_keys.product(uuid.UUID(product["id"]))
    assert await resources.cache.get(key) is None
    seen = await visitor.http.get(f"/api/v1/products/{product['id']}", headers=visitor.auth())
    assert seen.status_code == 200
    assert await resources.cache.get(key) == seen.content
