"""The last unit is sold once; one idempotency key charges once, however many requests race."""

from __future__ import annotations

import asyncio
import uuid

from fastapi import FastAPI
from sqlalchemy import func, select

from techmarket.core.resources import Resources
from techmarket.services.catalog.models import ListingStatus, Product
from techmarket.services.orders.models import Checkout, CheckoutStatus, Order
from techmarket.services.payments.models import Payment
from tests.services.orders.shop import make_buyer, stocked

BUYERS = 100
RETRIES = 50


async def test_a_hundred_buyers_race_for_the_last_unit(app: FastAPI, resources: Resources) -> None:
    product = await stocked(resources, 1, price=19_900)
    buyers = await asyncio.gather(*(make_buyer(app) for _ in range(BUYERS)))
    for buyer in buyers:
        await buyer.add(product)
    answers = await asyncio.gather(*(buyer.order() for buyer in buyers))
    statuses = sorted(answer.status_code for answer in answers)
    assert statuses.count(201) == 1, statuses
    assert set(statuses) <= {201, 409}
    losers = [a for a in answers if a.status_code == 409]
    assert {a.json()["type"].rsplit("/", 1)[-1] for a in losers} <= {"out-of-stock", "cart-changed"}
    async with resources.db.unit_of_work(write=False) as session:
        listing = await session.get(Product, product)
        assert listing is not None
        assert (listing.quantity, listing.status) == (0, ListingStatus.SOLD_OUT)
        orders = await session.scalar(
            select(func.count())
            .select_from(Order)
            .join(Order.items)
            .where(Order.items.any(product_id=product))
        )
        assert orders == 1
        charges = await session.scalar(
            select(func.count())
            .select_from(Payment)
            .join(Checkout, Checkout.id == Payment.checkout_id)
            .join(Order, Order.checkout_id == Checkout.id)
            .where(Order.items.any(product_id=product))
        )
        assert charges == 1


async def test_two_lines_drawing_on_one_stock_cannot_oversell(
    app: FastAPI, resources: Resources
) -> None:
    """Two buyers each want 2 of the 3 units: one gets them, the other gets a clear 409."""
    product = await stocked(resources, 3)
    first, second = await make_buyer(app), await make_buyer(app)
    await first.add(product, 2)
    await second.add(product, 2)
    answers = await asyncio.gather(first.order(), second.order())
    assert sorted(a.status_code for a in answers) == [201, 409]
    async with resources.db.unit_of_work(write=False) as session:
        listing = await session.get(Product, product)
        assert listing is not None and listing.quantity == 1


async def test_fifty_retries_of_one_key_make_one_order_and_one_charge(
    app: FastAPI, resources: Resources
) -> None:
    buyer = await make_buyer(app)
    product = await stocked(resources, 5)
    await buyer.add(product, 1)
    key = str(uuid.uuid4())
    answers = await asyncio.gather(*(buyer.order(key) for _ in range(RETRIES)))
    statuses = [answer.status_code for answer in answers]
    assert set(statuses) <= {201, 409}, statuses
    assert statuses.count(201) >= 1
    firsts = {a.json()["checkout"]["id"] for a in answers if a.status_code == 201}
    assert len(firsts) == 1  # every success is the same checkout, replayed
    in_flight = [a for a in answers if a.status_code == 409]
    assert all(a.json()["type"].endswith("/idempotency-key-in-flight") for a in in_flight)
    replay = await buyer.order(key)
    assert replay.status_code == 201
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json()["checkout"]["id"] in firsts
    changed = await buyer.order(key, currency="EUR")
    assert changed.status_code == 422
    assert changed.json()["type"].endswith("/idempotency-key-reused")
    async with resources.db.unit_of_work(write=False) as session:
        checkouts = await session.scalar(
            select(func.count())
            .select_from(Checkout)
            .where(Checkout.buyer_id == uuid.UUID(buyer.account.user_id))
        )
        charges = await session.scalar(
            select(func.count())
            .select_from(Payment)
            .where(Payment.buyer_id == uuid.UUID(buyer.account.user_id))
        )
        paid = await session.scalar(
            select(func.count())
            .select_from(Checkout)
            .where(
                Checkout.buyer_id == uuid.UUID(buyer.account.user_id),
                Checkout.status == CheckoutStatus.PAID,
            )
        )
        listing = await session.get(Product, product)
    assert (checkouts, charges, paid) == (1, 1, 1)
    assert listing is not None and listing.quantity == 4
