"""Viewed together and the personal row, from recorded views."""

from __future__ import annotations

import uuid

import httpx
from fastapi import FastAPI

from techmarket.core.resources import Resources
from tests.accounts import sign_up
from tests.factories import make_listing, make_seller

PRODUCTS = "/api/v1/products"


async def _view(client: httpx.AsyncClient, product_id: uuid.UUID, browser: uuid.UUID) -> None:
    response = await client.post(f"{PRODUCTS}/{product_id}/views", json={"viewer_id": str(browser)})
    assert response.status_code == 204, response.text


async def test_viewed_together_ranks_by_shared_viewers(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    seller = await make_seller(resources)
    anchor, often, once, never, draft = [
        await make_listing(resources, seller) for _ in range(4)
    ] + [await make_listing(resources, seller, visibility="draft")]
    for browser in (uuid.uuid4(), uuid.uuid4(), uuid.uuid4()):
        await _view(client, anchor, browser)
        await _view(client, often, browser)
        await _view(client, anchor, browser)  # the same day again counts once
    lone = uuid.uuid4()
    await _view(client, anchor, lone)
    await _view(client, once, lone)
    await _view(client, never, uuid.uuid4())
    refused = await client.post(f"{PRODUCTS}/{draft}/views", json={"viewer_id": str(lone)})
    assert refused.status_code == 404  # nobody may see a draft, so nobody viewed it
    body = (await client.get(f"{PRODUCTS}/{anchor}/viewed-together")).json()
    assert [item["id"] for item in body["items"]] == [str(often), str(once)]


async def test_personal_row_follows_my_views_and_falls_back_for_newcomers(
    app: FastAPI, resources: Resources, client: httpx.AsyncClient
) -> None:
    seller = await make_seller(resources)
    camera, lens, tripod = [await make_listing(resources, seller) for _ in range(3)]
    crowd = uuid.uuid4()
    for product in (camera, lens):
        await _view(client, product, crowd)
    member = await sign_up(app)
    seen = await member.http.post(f"{PRODUCTS}/{camera}/views", headers=member.auth())
    assert seen.status_code == 204
    mine = (await member.http.get("/api/v1/recommendations", headers=member.auth())).json()
    assert mine["basis"] == "viewed"
    ids = [item["id"] for item in mine["items"]]
    assert ids[0] == str(lens) and str(camera) not in ids and str(tripod) not in ids
    newcomer = (await client.get("/api/v1/recommendations")).json()
    assert newcomer["basis"] in {"popular", "featured"}
    assert newcomer["items"]
