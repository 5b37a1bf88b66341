"""Saved searches: validated queries, a per-user limit, new-match counts, and owner-only access."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from fastapi import FastAPI

from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.services.catalog.saved_searches import MAX_SAVED_SEARCHES
from tests.accounts import Account, sign_up
from tests.factories import category_id, make_listing, make_seller, unique

SAVED = "/api/v1/users/me/saved-searches"
PHONE = {"carrier_lock": "unlocked", "storage_gb": 128}


def query(**filters: Any) -> dict[str, Any]:
    return {
        "q": None, "category": None, "brand": [], "condition": [], "min_price": None,
        "max_price": None, "spec": [], **filters,
    }  # fmt: skip


async def save(account: Account, name: str = "Phones", **filters: Any) -> dict[str, Any]:
    response = await account.http.post(
        SAVED, json={"name": name, "query": query(**filters), "alerts": True},
        headers=account.auth(),
    )  # fmt: skip
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def listed(account: Account) -> dict[str, dict[str, Any]]:
    response = await account.http.get(SAVED, headers=account.auth())
    assert response.status_code == 200, response.text
    return {item["id"]: item for item in response.json()["items"]}


async def test_a_saved_search_counts_new_public_matches_until_seen(
    app: FastAPI, resources: Resources
) -> None:
    buyer, seller = await sign_up(app), await make_seller(resources)
    brand = unique("Brand")
    older = await make_listing(
        resources, seller, brand=brand, specs=PHONE, created_at=utcnow() - dt.timedelta(hours=1)
    )
    saved = await save(
        buyer, brand=[brand.upper()], category="phones", max_price=20_000, spec=["storage_gb:64.."]
    )
    assert saved["new_matches"] == 0
    assert saved["query"]["brand"] == [brand.upper()]
    first_new = await make_listing(resources, seller, brand=brand, specs=PHONE, price=15_000)
    second_new = await make_listing(resources, seller, brand=brand, specs=PHONE, price=20_000)
    # Each of these misses one filter (or is not public), so none counts.
    await make_listing(resources, seller, brand=brand, specs=PHONE, price=20_001)
    await make_listing(resources, seller, brand=brand, category_id=category_id("gpus"))
    await make_listing(resources, seller, brand=brand, specs={**PHONE, "storage_gb": 32})
    await make_listing(resources, seller, brand=brand, specs=PHONE, visibility="unlisted")
    await make_listing(resources, seller, brand=brand, specs=PHONE, visibility="draft")
    await make_listing(resources, seller, brand=unique("Other"), specs=PHONE)
    assert (await listed(buyer))[saved["id"]]["new_matches"] == 2

    matches = await buyer.http.get(f"{SAVED}/{saved['id']}/matches", headers=buyer.auth())
    assert matches.status_code == 200, matches.text
    ids = [item["id"] for item in matches.json()["items"]]
    # Every match, old or new, newest first (the one listed before the search was saved too).
    assert ids == [str(second_new), str(first_new), str(older)]
    after = (await listed(buyer))[saved["id"]]
    assert after["new_matches"] == 0
    seen = dt.datetime.fromisoformat(after["last_seen_at"])
    assert seen > dt.datetime.fromisoformat(saved["last_seen_at"])
    latest = await make_listing(resources, seller, brand=brand, specs=PHONE, price=100)
    assert (await listed(buyer))[saved["id"]]["new_matches"] == 1
    ids = [
        i["id"]
        for i in (
            await buyer.http.get(f"{SAVED}/{saved['id']}/matches", headers=buyer.auth())
        ).json()["items"]
    ]
    assert ids[0] == str(latest)


async def test_text_query_needs_every_word(app: FastAPI, resources: Resources) -> None:
    buyer, seller = await sign_up(app), await make_seller(resources)
    word = uuid.uuid4().hex[:12]
    saved = await save(buyer, q=f"{word.upper()} lavender")
    hit = await make_listing(
        resources, seller, title=f"Phone {word}", description="Colour: Lavender, boxed."
    )
    await make_listing(resources, seller, title=f"Phone {word}", description="Colour: black")
    matches = await buyer.http.get(f"{SAVED}/{saved['id']}/matches", headers=buyer.auth())
    assert [item["id"] for item in matches.json()["items"]] == [str(hit)]


async def test_bad_queries_are_refused_naming_the_field(app: FastAPI) -> None:
    buyer = await sign_up(app)
    cases = [
        ({"name": "x", "query": query(min_price=500, max_price=100)}, "query.max_price"),
        ({"name": "x", "query": query(category="no-such-category")}, "query.category"),
        ({"name": "x", "query": query(category="phones", spec=["ram_gb"])}, "query.spec"),
        ({"name": "x", "query": query(category="phones", spec=["ram_gb:9..3"])}, "query.spec"),
        ({"name": "x", "query": query(spec=["ram_gb:8"])}, "query.spec"),
        ({"name": "x", "query": query(condition=["mint"])}, "query.condition.0"),
        ({"name": "x", "query": query(min_price=-1)}, "query.min_price"),
        ({"name": "x", "query": query(sort="newest")}, "query.sort"),
        ({"name": "", "query": query()}, "name"),
        ({"query": query()}, "name"),
    ]
    for body, field in cases:
        response = await buyer.http.post(SAVED, json=body, headers=buyer.auth())
        assert response.status_code == 422, (body, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert field in {error["field"] for error in response.json()["errors"]}, response.json()
    assert await listed(buyer) == {}


async def test_at_most_twenty_saved_searches(app: FastAPI) -> None:
    buyer = await sign_up(app)
    brand = unique("Brand")
    for index in range(MAX_SAVED_SEARCHES):
        await save(buyer, name=f"search {index}", brand=[brand])
    refused = await buyer.http.post(
        SAVED, json={"name": "one more", "query": query(brand=[brand])}, headers=buyer.auth()
    )
    assert refused.status_code == 409
    assert refused.json()["type"].endswith("/too-many-saved-searches")
    assert "20" in refused.json()["detail"]
    assert len(await listed(buyer)) == MAX_SAVED_SEARCHES
    # Deleting one makes room again; other users are not limited by this one's searches.
    first = next(iter(await listed(buyer)))
    assert (await buyer.http.delete(f"{SAVED}/{first}", headers=buyer.auth())).status_code == 204
    await save(buyer, name="room again", brand=[brand])
    other = await sign_up(app)
    await save(other, brand=[brand])


async def test_only_the_owner_sees_opens_and_deletes_a_saved_search(
    app: FastAPI, resources: Resources
) -> None:
    owner, other = await sign_up(app), await sign_up(app)
    saved = await save(owner, brand=[unique("Brand")])
    path = f"{SAVED}/{saved['id']}"
    assert saved["id"] not in await listed(other)
    assert (await other.http.get(f"{path}/matches", headers=other.auth())).status_code == 404
    assert (await other.http.delete(path, headers=other.auth())).status_code == 404
    assert saved["id"] in await listed(owner)
    assert (await owner.http.delete(path, headers=owner.auth())).status_code == 204
    assert saved["id"] not in await listed(owner)
    assert (await owner.http.delete(path, headers=owner.auth())).status_code == 404
    assert (await owner.http.get(f"{path}/matches", headers=owner.auth())).status_code == 404
    assert (await owner.http.get(SAVED)).status_code == 401
