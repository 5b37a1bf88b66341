"""A signed-out visitor's cart merges into the account's at sign-in, keeping what it can."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import FastAPI

from techmarket.core.resources import Resources
from tests.accounts import Account, sign_up
from tests.factories import make_listing, make_seller
from tests.services.cart.shop import (
    MERGE,
    added,
    cart_of,
    change_listing,
    option_ids,
    seller_account,
    stuff_cart,
)


def item(product_id: uuid.UUID, quantity: int = 1, option_id: str | None = None) -> dict[str, Any]:
    return {"product_id": str(product_id), "option_id": option_id, "quantity": quantity}


async def merge(account: Account, items: list[dict[str, Any]]) -> dict[str, Any]:
    response = await account.http.post(MERGE, json={"items": items}, headers=account.auth())
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_lines_add_up_are_capped_at_the_stock_and_the_rest_is_skipped(
    app: FastAPI, resources: Resources
) -> None:
    # The merging account is itself a seller, so its own listing is among the visitor's lines.
    me, other = await make_seller(resources), await make_seller(resources)
    account = await seller_account(app, me)
    owner = await seller_account(app, other)
    own = await make_listing(resources, me)
    kept = await make_listing(resources, other, quantity=5)
    capped = await make_listing(resources, other, quantity=3)
    fresh = await make_listing(resources, other, quantity=4)
    sold_out = await make_listing(resources, other)
    await change_listing(owner, sold_out, quantity=0)
    draft = await make_listing(resources, other, visibility="draft")
    varied = await make_listing(
        resources, other, options=[{"name": "Black", "price": 7_000, "quantity": 2}]
    )
    black = (await option_ids(account.http, varied))["Black"]
    await added(account, kept, quantity=2)
    await added(account, capped, quantity=2)
    unknown = uuid.uuid4()
    result = await merge(
        account,
        [
            item(kept, 2),
            item(capped, 4),
            item(fresh),
            item(fresh, 2),  # the browser may hold a listing twice: they add up
            item(own),
            item(sold_out),
            item(draft),
            item(unknown),
            item(varied),  # no option: the catalog cannot be asked about it (see the docs)
            item(varied, 1, black),
        ],
    )
    assert result["skipped"] == [
        {"product_id": str(capped), "option_id": None, "reason": "capped", "kept": 3},
        {"product_id": str(own), "option_id": None, "reason": "own_listing", "kept": 0},
        {"product_id": str(sold_out), "option_id": None, "reason": "sold_out", "kept": 0},
        {"product_id": str(draft), "option_id": None, "reason": "unavailable", "kept": 0},
        {"product_id": str(unknown), "option_id": None, "reason": "unavailable", "kept": 0},
        {"product_id": str(varied), "option_id": None, "reason": "unavailable", "kept": 0},
    ]
    quantities = {
        (line["product_id"], line["option_id"]): line["quantity"]
        for line in result["cart"]["items"]
    }
    assert quantities == {
        (str(kept), None): 4,
        (str(capped), None): 3,
        (str(fresh), None): 3,
        (str(varied), black): 1,
    }
    assert result["cart"] == await cart_of(account)
    assert result["cart"]["count"] == 11


async def test_a_merge_keeps_the_reference_price_of_lines_already_there(
    app: FastAPI, resources: Resources
) -> None:
    buyer, seller = await sign_up(app), await make_seller(resources)
    owner = await seller_account(app, seller)
    older = await make_listing(resources, seller, price=1_000, quantity=5)
    await added(buyer, older)
    await change_listing(owner, older, price=1_500)
    newer = await make_listing(resources, seller, price=2_000)
    result = await merge(buyer, [item(older), item(newer)])
    lines = {line["product_id"]: line for line in result["cart"]["items"]}
    assert lines[str(older)]["problems"] == ["price_changed"]
    assert lines[str(older)]["price_when_added"] == 1_000
    assert lines[str(newer)]["problems"] == []
    assert lines[str(newer)]["price_when_added"] == 2_000
    assert result["skipped"] == []


async def test_a_full_cart_skips_new_lines_but_tops_up_old_ones(
    app: FastAPI, resources: Resources
) -> None:
    buyer, seller = await sign_up(app), await make_seller(resources)
    there = await make_listing(resources, seller, quantity=3)
    last = await make_listing(resources, seller)
    beyond = await make_listing(resources, seller)
    await added(buyer, there)
    await stuff_cart(resources, buyer.user_id, 48)
    result = await merge(buyer, [item(beyond), item(there), item(last)])
    # In the visitor's order: `beyond` takes the 50th line, `last` finds the cart full.
    assert result["skipped"] == [
        {"product_id": str(last), "option_id": None, "reason": "cart_full", "kept": 0},
    ]
    assert len(result["cart"]["items"]) == 50
    quantities = {line["product_id"]: line["quantity"] for line in result["cart"]["items"]}
    assert (quantities[str(there)], quantities[str(beyond)]) == (2, 1)
    assert str(last) not in quantities


async def test_a_merge_is_at_most_fifty_lines_and_only_well_formed(
    app: FastAPI, resources: Resources
) -> None:
    buyer = await sign_up(app)
    too_long = await buyer.http.post(
        MERGE, json={"items": [item(uuid.uuid4())] * 51}, headers=buyer.auth()
    )
    assert too_long.status_code == 422
    assert too_long.json()["errors"][0]["field"] == "items"
    malformed = await buyer.http.post(
        MERGE, json={"items": [{"product_id": "nope", "quantity": 1}]}, headers=buyer.auth()
    )
    assert malformed.status_code == 422
    assert malformed.json()["errors"][0]["field"] == "items.0.product_id"
    empty = await merge(buyer, [])
    assert empty == {"cart": {"items": [], "subtotals": [], "count": 0}, "skipped": []}
