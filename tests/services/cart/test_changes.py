"""What changed since a line was added is flagged on the line, and the totals follow."""

from __future__ import annotations

from fastapi import FastAPI

from techmarket.core.resources import Resources
from techmarket.services.catalog import client as catalog
from tests.accounts import sign_up
from tests.factories import make_listing, make_seller, unique
from tests.services.cart.shop import (
    ITEMS,
    added,
    cart_of,
    change_listing,
    option_ids,
    seller_account,
)


async def test_a_price_change_is_flagged_until_the_buyer_accepts_it(
    app: FastAPI, resources: Resources
) -> None:
    buyer, seller = await sign_up(app), await make_seller(resources)
    owner = await seller_account(app, seller)
    product_id = await make_listing(resources, seller, price=10_000, quantity=5)
    line = await added(buyer, product_id)
    path = f"{ITEMS}/{line['id']}"
    await change_listing(owner, product_id, price=12_000)
    [shown] = (await cart_of(buyer))["items"]
    assert shown["problems"] == ["price_changed"]
    assert (shown["unit_price"], shown["price_when_added"]) == (12_000, 10_000)
    assert shown["line_total"] == 12_000
    # Changing the quantity is no acknowledgement.
    changed = await buyer.http.patch(path, json={"quantity": 2}, headers=buyer.auth())
    assert changed.json()["problems"] == ["price_changed"]
    assert changed.json()["price_when_added"] == 10_000
    cart = await cart_of(buyer)
    assert cart["subtotals"] == [{"currency": "EUR", "amount": 24_000}]
    accepted = await buyer.http.post(f"{path}/accept-price", headers=buyer.auth())
    assert accepted.status_code == 200
    assert accepted.json()["problems"] == []
    assert accepted.json()["price_when_added"] == 12_000
    assert (await cart_of(buyer))["items"][0]["problems"] == []
    # A drop is flagged too; adding the listing again is also an acknowledgement.
    await change_listing(owner, product_id, price=9_000)
    assert (await cart_of(buyer))["items"][0]["problems"] == ["price_changed"]
    again = await added(buyer, product_id)
    assert (again["quantity"], again["price_when_added"], again["problems"]) == (3, 9_000, [])


async def test_stock_that_fell_under_the_quantity_or_to_nothing_is_flagged(
    app: FastAPI, resources: Resources
) -> None:
    buyer, seller = await sign_up(app), await make_seller(resources)
    owner = await seller_account(app, seller)
    product_id = await make_listing(resources, seller, price=1_000, quantity=3)
    steady = await make_listing(resources, seller, price=500, quantity=9)
    await added(buyer, product_id, quantity=3)
    await added(buyer, steady)
    await change_listing(owner, product_id, quantity=2)
    cart = await cart_of(buyer)
    assert [(i["problems"], i["available"]) for i in cart["items"]] == [
        (["not_enough_stock"], 2),
        ([], 9),
    ]
    # A line that cannot be bought as it stands is left out of the subtotals, not the count.
    assert cart["subtotals"] == [{"currency": "EUR", "amount": 500}]
    assert cart["count"] == 4
    line_id = cart["items"][0]["id"]
    fixed = await buyer.http.patch(f"{ITEMS}/{line_id}", json={"quantity": 2}, headers=buyer.auth())
    assert fixed.json()["problems"] == []
    assert (await cart_of(buyer))["subtotals"] == [{"currency": "EUR", "amount": 2_500}]
    await change_listing(owner, product_id, quantity=0)
    assert (await cart_of(buyer))["items"][0]["problems"] == ["sold_out"]
    refused = await buyer.http.patch(
        f"{ITEMS}/{line_id}", json={"quantity": 1}, headers=buyer.auth()
    )
    assert refused.status_code == 422
    assert refused.json()["type"].endswith("/sold-out")


async def test_a_reserved_listing_is_sold_out_and_comes_back(
    app: FastAPI, resources: Resources
) -> None:
    buyer, seller = await sign_up(app), await make_seller(resources)
    product_id = await make_listing(resources, seller, quantity=1)
    await added(buyer, product_id)
    async with resources.db.unit_of_work(write=True) as session:
        assert await catalog.reserve(session, product_id, None, 1)
    [line] = (await cart_of(buyer))["items"]
    assert (line["problems"], line["available"]) == (["sold_out"], 0)
    async with resources.db.unit_of_work(write=True) as session:
        await catalog.release(session, product_id, None, 1)
    assert (await cart_of(buyer))["items"][0]["problems"] == []


async def test_removed_hidden_and_vanished_listings_are_unavailable(
    app: FastAPI, resources: Resources
) -> None:
    buyer, seller = await sign_up(app), await make_seller(resources)
    owner = await seller_account(app, seller)
    removed = await make_listing(resources, seller, title="Removed one")
    hidden = await make_listing(resources, seller, title="Hidden one")
    options = [{"name": "Blue", "price": 3_000, "quantity": 4}]
    varied = await make_listing(resources, seller, options=options)
    await added(buyer, removed)
    await added(buyer, hidden)
    await added(buyer, varied, option_id=(await option_ids(buyer.http, varied))["Blue"])
    assert (
        await owner.http.delete(f"/api/v1/products/{removed}", headers=owner.auth())
    ).status_code == 204
    await change_listing(owner, hidden, visibility="draft", price=99_000)
    # New options replace the old ones: the line's option is gone.
    await change_listing(owner, varied, options=[{"name": "Red", "price": 3_000, "quantity": 4}])
    cart = await cart_of(buyer)
    by_product = {item["product_id"]: item for item in cart["items"]}
    assert {item["product_id"]: item["problems"] for item in cart["items"]} == {
        str(removed): ["unavailable"],
        str(hidden): ["unavailable"],
        str(varied): ["unavailable"],
    }
    # A hidden listing shows no new price: the line keeps the one the buyer saw.
    assert by_product[str(hidden)]["unit_price"] == 10_000
    assert by_product[str(hidden)]["available"] == 0
    assert by_product[str(removed)]["title"] == "Removed one"
    gone = by_product[str(varied)]
    assert (gone["title"], gone["seller"], gone["unit_price"]) == (None, None, 3_000)
    # Gone lines come last; nothing unavailable is counted in the subtotals.
    assert cart["items"][-1]["product_id"] == str(varied)
    assert cart["subtotals"] == []
    accept = await buyer.http.post(f"{ITEMS}/{gone['id']}/accept-price", headers=buyer.auth())
    assert accept.status_code == 422
    assert accept.json()["type"].endswith("/listing-unavailable")
    # Shown again, the listing is back in business, with its new price flagged.
    await change_listing(owner, hidden, visibility="public")
    back = next(i for i in (await cart_of(buyer))["items"] if i["product_id"] == str(hidden))
    assert (back["problems"], back["unit_price"]) == (["price_changed"], 99_000)


async def test_lines_are_grouped_by_seller_then_oldest_first(
    app: FastAPI, resources: Resources
) -> None:
    buyer = await sign_up(app)
    late = await make_seller(resources, store_name=unique("Zephyr"))
    early = await make_seller(resources, store_name=unique("Alder"))
    z1, z2 = await make_listing(resources, late), await make_listing(resources, late)
    a1 = await make_listing(resources, early, price=2_000)
    a2 = await make_listing(resources, early, price=3_000, currency="USD")
    for product_id in (z1, a1, z2, a2):
        await added(buyer, product_id)
    cart = await cart_of(buyer)
    assert [item["product_id"] for item in cart["items"]] == [str(a1), str(a2), str(z1), str(z2)]
    assert cart["subtotals"] == [
        {"currency": "EUR", "amount": 22_000},
        {"currency": "USD", "amount": 3_000},
    ]
