"""Promotions: admins curate them, anyone reads the running ones from the cache."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from fastapi import FastAPI

from techmarket.core.cache import MemoryCache
from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.provisioning import create_account
from techmarket.services.catalog import cache_keys, promotions
from techmarket.services.catalog.models import ListingStatus, Promotion, PromotionItem
from techmarket.services.users import client as users
from tests.accounts import Account, client_from, sign_up, strong_password
from tests.factories import make_listing, make_seller
from tests.services.catalog.test_watchlist import set_listing

PROMOTIONS = "/api/v1/promotions"
ADMIN_PROMOTIONS = "/api/v1/admin/promotions"


async def make_admin(app: FastAPI, resources: Resources) -> Account:
    email, password = f"admin-{uuid.uuid4().hex[:8]}@example.com", strong_password()
    async with resources.db.unit_of_work(write=True) as session:
        user_id = await create_account(
            session, resources, email=email, display_name="Ada Admin", password=password,
            roles=frozenset({users.Role.ADMIN}),
        )  # fmt: skip
    account = Account(email, password, "Ada Admin", str(user_id), client_from(app))
    await account.login()
    return account


def promotion(
    product_ids: list[uuid.UUID], *, starts_in: float = -1, ends_in: float = 3600, **fields: Any
) -> dict[str, Any]:
    """A promotion body; `starts_in` and `ends_in` are seconds from now."""
    now = utcnow()
    return {
        "title": "Back to school",
        "subtitle": "Laptops and tablets for the new term",
        "product_ids": [str(product_id) for product_id in product_ids],
        "starts_at": (now + dt.timedelta(seconds=starts_in)).isoformat(),
        "ends_at": (now + dt.timedelta(seconds=ends_in)).isoformat(),
        **fields,
    }


async def create(admin: Account, body: dict[str, Any]) -> dict[str, Any]:
    response = await admin.http.post(ADMIN_PROMOTIONS, json=body, headers=admin.auth())
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def running(app: FastAPI) -> dict[str, dict[str, Any]]:
    response = await client_from(app).get(PROMOTIONS)
    assert response.status_code == 200, response.text
    return {item["id"]: item for item in response.json()["items"]}


async def test_only_admins_write_and_list_promotions(app: FastAPI, resources: Resources) -> None:
    buyer, seller = await sign_up(app), await make_seller(resources)
    body = promotion([await make_listing(resources, seller)])
    assert (
        await buyer.http.post(ADMIN_PROMOTIONS, json=body, headers=buyer.auth())
    ).status_code == 403
    assert (await buyer.http.post(ADMIN_PROMOTIONS, json=body)).status_code == 401
    assert (await buyer.http.get(ADMIN_PROMOTIONS, headers=buyer.auth())).status_code == 403
    admin = await make_admin(app, resources)
    created = await create(admin, body)
    path = f"{ADMIN_PROMOTIONS}/{created['id']}"
    assert (await buyer.http.delete(path, headers=buyer.auth())).status_code == 403
    assert created["id"] in await running(app)


async def test_bad_promotions_are_refused_naming_the_field(
    app: FastAPI, resources: Resources
) -> None:
    admin, seller = await make_admin(app, resources), await make_seller(resources)
    public = await make_listing(resources, seller)
    draft = await make_listing(resources, seller, visibility="draft")
    sold_out = await make_listing(resources, seller, quantity=0)
    cases = [
        (promotion([public], starts_in=60, ends_in=30), "ends_at"),
        (promotion([public], starts_in=-7200, ends_in=-3600), "ends_at"),
        (promotion([]), "product_ids"),
        (promotion([public, public]), "product_ids"),
        (promotion([uuid.uuid4() for _ in range(25)]), "product_ids"),
        (promotion([public, draft]), "product_ids.1"),
        (promotion([sold_out]), "product_ids.0"),
        (promotion([uuid.uuid4()]), "product_ids.0"),
        (promotion([public], title=""), "title"),
        (promotion([public], starts_at="2030-01-01T10:00:00"), "starts_at"),  # no time zone
    ]
    for body, field in cases:
        response = await admin.http.post(ADMIN_PROMOTIONS, json=body, headers=admin.auth())
        assert response.status_code == 422, (field, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert field in {error["field"] for error in response.json()["errors"]}, response.json()


async def test_only_running_promotions_with_public_listings_are_shown(
    app: FastAPI, resources: Resources
) -> None:
    admin, seller = await make_admin(app, resources), await make_seller(resources)
    first, second, third = [await make_listing(resources, seller) for _ in range(3)]
    shown = await create(admin, promotion([second, first, third]))
    later = await create(admin, promotion([first], starts_in=86_400, ends_in=90_000))
    async with resources.db.unit_of_work(write=True) as session:
        ended = Promotion(
            title="Over", starts_at=utcnow() - dt.timedelta(days=2),
            ends_at=utcnow() - dt.timedelta(days=1), created_by=uuid.UUID(admin.user_id),
        )  # fmt: skip
        session.add(ended)
        await session.flush()
        session.add(PromotionItem(promotion_id=ended.id, product_id=first, position=0))

    live = await running(app)
    assert shown["id"] in live
    assert later["id"] not in live
    assert str(ended.id) not in live
    item = live[shown["id"]]
    assert [p["id"] for p in item["products"]] == [str(second), str(first), str(third)]
    assert (item["title"], item["subtitle"]) == (
        "Back to school",
        "Laptops and tablets for the new term",
    )

    # A listing that is no longer public and active leaves the shelf (listing writes drop the
    # entry; that wiring lives in selling.py, so this test drops it itself).
    await set_listing(resources, third, status=ListingStatus.REMOVED)
    await resources.cache.delete(cache_keys.PROMOTIONS)
    assert [p["id"] for p in (await running(app))[shown["id"]]["products"]] == [
        str(second),
        str(first),
    ]

    listed = (
        await admin.http.get(ADMIN_PROMOTIONS, params={"limit": 100}, headers=admin.auth())
    ).json()
    by_id = {item["id"]: item for item in listed["items"]}
    assert by_id[shown["id"]]["active"] is True
    assert by_id[shown["id"]]["unavailable_product_ids"] == [str(third)]
    assert by_id[later["id"]]["active"] is False


async def test_promotions_are_cached_and_admin_writes_drop_the_entry(
    app: FastAPI, resources: Resources
) -> None:
    admin, seller = await make_admin(app, resources), await make_seller(resources)
    product_id = await make_listing(resources, seller)
    first = await client_from(app).get(PROMOTIONS)
    assert await resources.cache.get(cache_keys.PROMOTIONS) == first.content
    # Plant a marker: a cache-aside read must answer it untouched.
    await resources.cache.set(cache_keys.PROMOTIONS, b'{"items":[]}', ttl=60)
    assert (await client_from(app).get(PROMOTIONS)).json() == {"items": []}

    created = await create(admin, promotion([product_id]))
    assert await resources.cache.get(cache_keys.PROMOTIONS) is None
    assert created["id"] in await running(app)

    path = f"{ADMIN_PROMOTIONS}/{created['id']}"
    assert (await admin.http.delete(path, headers=admin.auth())).status_code == 204
    assert created["id"] not in await running(app)
    assert (await admin.http.delete(path, headers=admin.auth())).status_code == 404


class RecordingCache(MemoryCache):
    def __init__(self) -> None:
        super().__init__(max_bytes=10_000_000)
        self.ttls: dict[str, int] = {}

    async def set(self, key: str, value: bytes, ttl: int) -> None:
        self.ttls[key] = ttl
        await super().set(key, value, ttl)


async def test_the_cached_answer_never_outlives_the_next_end(
    app: FastAPI, resources: Resources
) -> None:
    admin, seller = await make_admin(app, resources), await make_seller(resources)
    await create(admin, promotion([await make_listing(resources, seller)], ends_in=30))
    cache = RecordingCache()
    async with resources.db.unit_of_work(write=False) as session:
        await promotions.promotions_json(session, cache, resources.storage, 3600)
    assert 1 <= cache.ttls[cache_keys.PROMOTIONS] <= 30


def test_entry_lifetime() -> None:
    now = utcnow()
    assert promotions.entry_lifetime(3600, now, None) == 3600
    assert promotions.entry_lifetime(3600, now, now + dt.timedelta(hours=2)) == 3600
    assert promotions.entry_lifetime(3600, now, now + dt.timedelta(seconds=10.2)) == 11
    assert promotions.entry_lifetime(3600, now, now + dt.timedelta(milliseconds=1)) == 1
