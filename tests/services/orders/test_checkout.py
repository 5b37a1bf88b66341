"""Checkout: one order per seller, paid at once; declines and 3-D Secure; quotes."""

from __future__ import annotations

import asyncio
import uuid
from email.message import EmailMessage

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from techmarket.core.resources import Resources
from techmarket.services.catalog.models import ListingStatus, Product
from techmarket.services.payments import ledger
from techmarket.services.payments.models import Payment
from tests.services.orders.shop import (
    ADDRESS,
    DECLINED,
    THREE_D_SECURE,
    make_buyer,
    sandbox,
    stocked,
)


async def _product(resources: Resources, product_id: uuid.UUID) -> Product:
    async with resources.db.unit_of_work(write=False) as session:
        product = await session.get(Product, product_id)
        assert product is not None
        return product


async def _mailed(resources: Resources, to: str, subject: str) -> list[EmailMessage]:
    """Messages to `to` whose subject starts so, once the notifications outbox sent them (its
    sender runs after the commit, so a message may land a moment after the response)."""
    async with asyncio.timeout(10):
        while True:
            found = [
                m
                for m in resources.mailer.messages()  # type: ignore[attr-defined]
                if m["To"] == to and m["Subject"].startswith(subject)
            ]
            if found:
                await asyncio.sleep(0.2)  # a second copy would have come by now
                return [
                    m
                    for m in resources.mailer.messages()  # type: ignore[attr-defined]
                    if m["To"] == to and m["Subject"].startswith(subject)
                ]
            await asyncio.sleep(0.02)


async def test_two_sellers_two_orders_paid_at_once(app: FastAPI, resources: Resources) -> None:
    buyer = await make_buyer(app)
    last_one = await stocked(resources, 1, price=30_000)
    plenty = await stocked(resources, 5, price=2_500)
    await buyer.add(last_one)
    await buyer.add(plenty, 2)
    async with resources.db.unit_of_work(write=False) as session:
        escrow_before = await ledger.balance(session, ledger.escrow("EUR"))
    quote = await buyer.http.post(
        "/api/v1/checkout/quote", json={"shipping_address": ADDRESS}, headers=buyer.auth()
    )
    assert quote.status_code == 200, quote.text
    assert quote.json()["items_total"] == 35_000
    assert len(quote.json()["sellers"]) == 2
    placed = await buyer.order()
    assert placed.status_code == 201, placed.text
    body = placed.json()
    assert body["checkout"]["status"] == "paid"
    assert body["checkout"]["total"] == quote.json()["total"]
    orders = body["orders"]
    assert len(orders) == 2 and {o["status"] for o in orders} == {"paid"}
    assert sorted(o["items_total"] for o in orders) == [5_000, 30_000]
    assert all(o["total"] == o["items_total"] + o["shipping_total"] for o in orders)
    assert orders[0]["shipping_address"]["city"] == "Berlin"
    assert (await _product(resources, last_one)).status == ListingStatus.SOLD_OUT
    assert (await _product(resources, plenty)).quantity == 3
    cart = (await buyer.http.get("/api/v1/cart", headers=buyer.auth())).json()
    assert cart["items"] == []
    listed = (await buyer.http.get("/api/v1/orders", headers=buyer.auth())).json()
    assert {o["id"] for o in listed["items"]} >= {o["id"] for o in orders}
    async with resources.db.unit_of_work(write=False) as session:
        escrow = await ledger.balance(session, ledger.escrow("EUR"))
    assert escrow - escrow_before == body["checkout"]["total"]
    receipts = await _mailed(resources, buyer.account.email, "Your TechMarket receipt")
    assert len(receipts) == 1
    text = receipts[0].get_body(preferencelist=("plain",)).get_content()
    total = body["checkout"]["total"]
    assert f"Charged to your card: {total // 100:,}.{total % 100:02d} EUR" in text
    assert all(o["seller"]["store_name"] in text for o in orders)


async def test_a_declined_card_keeps_nothing(app: FastAPI, resources: Resources) -> None:
    buyer = await make_buyer(app, DECLINED)
    product = await stocked(resources, 1)
    await buyer.add(product)
    declined = await buyer.order()
    assert declined.status_code == 402, declined.text
    assert declined.headers["content-type"].startswith("application/problem+json")
    assert "declined" in declined.json()["detail"]
    assert (await buyer.http.get("/api/v1/orders", headers=buyer.auth())).json()["items"] == []
    restored = await _product(resources, product)
    assert (restored.quantity, restored.status) == (1, ListingStatus.ACTIVE)
    cart = (await buyer.http.get("/api/v1/cart", headers=buyer.auth())).json()
    assert len(cart["items"]) == 1  # the buyer may try another card


async def test_three_d_secure_settles_by_webhook(app: FastAPI, resources: Resources) -> None:
    buyer = await make_buyer(app, THREE_D_SECURE)
    product = await stocked(resources, 1)
    await buyer.add(product)
    placed = await buyer.order(return_url="/checkout/done")
    assert placed.status_code == 201, placed.text
    checkout = placed.json()["checkout"]
    assert checkout["status"] == "pending_payment"
    action = checkout["next_action"]["url"]
    assert "/sandbox/payments/challenge/" in action
    assert (await _product(resources, product)).status == ListingStatus.RESERVED
    challenge = httpx.URL(action).path
    done = await buyer.http.post(challenge, data={"outcome": "complete"})
    assert done.status_code in {200, 303}, done.text
    await sandbox(app).webhooks.drain()
    after = await buyer.http.get(f"/api/v1/checkouts/{checkout['id']}", headers=buyer.auth())
    assert after.json()["checkout"]["status"] == "paid"
    assert {o["status"] for o in after.json()["orders"]} == {"paid"}
    assert (await _product(resources, product)).status == ListingStatus.SOLD_OUT


async def test_a_failed_challenge_releases_the_stock(app: FastAPI, resources: Resources) -> None:
    buyer = await make_buyer(app, THREE_D_SECURE)
    product = await stocked(resources, 1)
    await buyer.add(product)
    placed = (await buyer.order()).json()
    challenge = httpx.URL(placed["checkout"]["next_action"]["url"]).path
    await buyer.http.post(challenge, data={"outcome": "fail"})
    await sandbox(app).webhooks.drain()
    after = await buyer.http.get(
        f"/api/v1/checkouts/{placed['checkout']['id']}", headers=buyer.auth()
    )
    assert after.json()["checkout"]["status"] == "failed"
    assert after.json()["orders"] == []
    assert (await _product(resources, product)).status == ListingStatus.ACTIVE


async def test_checkout_refusals_are_clear(app: FastAPI, resources: Resources) -> None:
    buyer = await make_buyer(app)
    empty = await buyer.order()
    assert empty.status_code == 422 and empty.json()["type"].endswith("/empty-cart")
    product = await stocked(resources, 1)
    await buyer.add(product)
    no_key = await buyer.http.post(
        "/api/v1/orders",
        json={"payment_method_id": buyer.method_id, "shipping_address": ADDRESS},
        headers=buyer.auth(),
    )
    assert no_key.status_code == 422
    assert no_key.json()["errors"][0]["field"] == "Idempotency-Key"
    both = await buyer.order(address_id=str(uuid.uuid4()))
    assert both.status_code == 422
    other = await make_buyer(app)
    stolen_card = await buyer.order(payment_method_id=other.method_id)
    assert stolen_card.status_code == 404
    async with resources.db.unit_of_work(write=False) as session:
        payments = await session.scalars(
            select(Payment).where(Payment.buyer_id == uuid.UUID(other.account.user_id))
        )
        assert payments.all() == []
    assert (await _product(resources, product)).quantity == 1  # nothing stayed reserved
