"""Reading a cart costs the same queries whatever its size; the orders service's seam."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI
from sqlalchemy import event

from techmarket.core.resources import Resources
from techmarket.services.cart import client as cart
from tests.accounts import Account, sign_up
from tests.factories import Seller, make_listing, make_seller
from tests.images import png
from tests.services.cart.shop import added, cart_of, change_listing, option_ids, seller_account


@contextmanager
def counted_statements(resources: Resources) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    engine = resources.db.engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


async def cart_with(
    app: FastAPI, resources: Resources, sellers: list[Seller], lines: int
) -> Account:
    """A buyer whose cart has `lines` lines from several sellers, some by option, some with a
    picture: everything a line shows that could cost a query of its own."""
    buyer = await sign_up(app)
    for n in range(lines):
        seller = sellers[n % len(sellers)]
        if n % 3 == 0:
            options = [{"name": f"Size {n}", "price": 1_000 + n, "quantity": 2}]
            product_id = await make_listing(resources, seller, options=options)
            await added(
                buyer, product_id, option_id=(await option_ids(buyer.http, product_id))[f"Size {n}"]
            )
        else:
            image = png(64, 48) if n % 3 == 1 else None
            await added(buyer, await make_listing(resources, seller, image=image, quantity=3))
    return buyer


async def test_reading_a_cart_costs_the_same_queries_for_two_lines_or_ten(
    app: FastAPI, resources: Resources
) -> None:
    sellers = [await make_seller(resources) for _ in range(3)]
    small = await cart_with(app, resources, sellers, 2)
    large = await cart_with(app, resources, sellers, 10)
    with counted_statements(resources) as for_small:
        assert len((await cart_of(small))["items"]) == 2
    with counted_statements(resources) as for_large:
        cart = await cart_of(large)
    assert len(cart["items"]) == 10
    assert sum(1 for line in cart["items"] if line["thumbnail_url"]) == 3
    assert len(for_small) == len(for_large)
    # The cart lines, and the catalog's batch (listings, their options, their pictures).
    selects = [s for s in for_large if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 4, selects


async def test_checkout_lines_and_clear_for_the_orders_service(
    app: FastAPI, resources: Resources
) -> None:
    buyer, other, seller = await sign_up(app), await sign_up(app), await make_seller(resources)
    owner = await seller_account(app, seller)
    fine = await make_listing(resources, seller, price=4_000, quantity=2)
    dearer = await make_listing(resources, seller, price=5_000, quantity=2)
    first = await added(buyer, fine, quantity=2)
    second = await added(buyer, dearer)
    await added(other, fine)
    await change_listing(owner, dearer, price=5_500)
    user_id = uuid.UUID(buyer.user_id)
    async with resources.db.unit_of_work(write=False) as session:
        lines = await cart.checkout_lines(session, resources.storage, user_id)
    assert [(str(line.line_id), line.quantity) for line in lines] == [
        (first["id"], 2),
        (second["id"], 1),
    ]
    assert lines[0].purchasable is not None
    assert (lines[0].purchasable.price, lines[0].purchasable.seller_id) == (4_000, seller.dealer_id)
    assert (lines[0].problems, lines[0].orderable) == ((), True)
    assert lines[1].problems == (cart.LineProblem.PRICE_CHANGED,)
    assert lines[1].price_when_added == 5_000
    async with resources.db.unit_of_work(write=True) as session:
        await cart.clear(session, user_id, [lines[0].line_id])
    assert [line["id"] for line in (await cart_of(buyer))["items"]] == [second["id"]]
    async with resources.db.unit_of_work(write=True) as session:
        await cart.clear(session, user_id)
    assert (await cart_of(buyer))["items"] == []
    # Another buyer's cart is not touched.
    assert len((await cart_of(other))["items"]) == 1
