"""After payment: the seller ships, the buyer confirms, money moves; cancel refunds and restocks."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import FastAPI

from techmarket.core.resources import Resources
from techmarket.services.catalog.models import ListingStatus, Product
from techmarket.services.orders.models import Checkout
from techmarket.services.payments import ledger
from techmarket.services.payments.models import Payment, PaymentStatus
from tests.accounts import Account, client_from
from tests.factories import SELLER_PASSWORD, make_listing, make_seller
from tests.services.orders.shop import Buyer, make_buyer


async def _paid_order(
    app: FastAPI, resources: Resources, price: int = 40_000
) -> tuple[Buyer, Account, uuid.UUID, dict[str, Any]]:
    """A buyer's paid order of a listing of a seller who is signed in too."""
    store = await make_seller(resources)
    seller = Account(store.email, SELLER_PASSWORD, "Test Seller", str(store.user_id),
                     client_from(app))  # fmt: skip
    await seller.login()
    product = await make_listing(resources, store, quantity=1, price=price)
    buyer = await make_buyer(app)
    await buyer.add(product)
    placed = await buyer.order()
    assert placed.status_code == 201, placed.text
    return buyer, seller, product, placed.json()["orders"][0]


async def test_ship_confirm_and_the_seller_is_paid(app: FastAPI, resources: Resources) -> None:
    buyer, seller, _, order = await _paid_order(app, resources)
    sale = await seller.http.get(f"/api/v1/sales/{order['id']}", headers=seller.auth())
    assert sale.status_code == 200
    fee = sale.json()["platform_fee"]
    assert fee == 4_000  # 10 % of the items, none of the shipping
    assert sale.json()["seller_receives"] == order["total"] - fee
    stranger = await buyer.http.get(f"/api/v1/sales/{order['id']}", headers=buyer.auth())
    assert stranger.status_code == 404
    early = await buyer.http.post(
        f"/api/v1/orders/{order['id']}/confirm-delivery", headers=buyer.auth()
    )
    assert early.status_code == 409  # not shipped yet
    shipped = await seller.http.post(
        f"/api/v1/sales/{order['id']}/ship",
        json={"carrier": "DHL", "tracking_number": "JJD0001234567"},
        headers=seller.auth(),
    )
    assert shipped.status_code == 200, shipped.text
    assert shipped.json()["status"] == "shipped"
    assert "JJD0001234567" in shipped.json()["timeline"][-1]["note"]
    twice = await seller.http.post(f"/api/v1/sales/{order['id']}/ship", headers=seller.auth())
    assert twice.status_code == 409
    cancel_late = await buyer.http.post(
        f"/api/v1/orders/{order['id']}/cancel", headers=buyer.auth()
    )
    assert cancel_late.status_code == 409
    store = uuid.UUID(order["seller"]["id"])
    async with resources.db.unit_of_work(write=False) as session:
        owed_before = await ledger.balance(session, ledger.seller(store, "EUR"))
    done = await buyer.http.post(
        f"/api/v1/orders/{order['id']}/confirm-delivery", headers=buyer.auth()
    )
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "completed"
    assert [e["status"] for e in done.json()["timeline"]] == [
        "pending_payment", "paid", "shipped", "delivered", "completed",
    ]  # fmt: skip
    async with resources.db.unit_of_work(write=False) as session:
        owed = await ledger.balance(session, ledger.seller(store, "EUR"))
    assert owed - owed_before == order["total"] - fee


async def test_cancel_before_shipping_refunds_and_restocks(
    app: FastAPI, resources: Resources
) -> None:
    buyer, seller, product, order = await _paid_order(app, resources)
    async with resources.db.unit_of_work(write=False) as session:
        escrow_before = await ledger.balance(session, ledger.escrow("EUR"))
    cancelled = await buyer.http.post(f"/api/v1/orders/{order['id']}/cancel", headers=buyer.auth())
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["refunded_total"] == order["total"]
    again = await buyer.http.post(f"/api/v1/orders/{order['id']}/cancel", headers=buyer.auth())
    assert again.status_code == 200  # nothing more to do, and nothing refunded twice
    async with resources.db.unit_of_work(write=False) as session:
        escrow = await ledger.balance(session, ledger.escrow("EUR"))
        listing = await session.get(Product, product)
        checkout = await session.get(Checkout, uuid.UUID(order["checkout_id"]))
        assert checkout is not None and checkout.payment_id is not None
        payment = await session.get(Payment, checkout.payment_id)
    assert escrow_before - escrow == order["total"]
    assert listing is not None and (listing.quantity, listing.status) == (1, ListingStatus.ACTIVE)
    assert payment is not None and payment.status == PaymentStatus.REFUNDED
    ship = await seller.http.post(f"/api/v1/sales/{order['id']}/ship", headers=seller.auth())
    assert ship.status_code == 409


async def test_others_cannot_see_or_touch_an_order(app: FastAPI, resources: Resources) -> None:
    buyer, _, _, order = await _paid_order(app, resources)
    other = await make_buyer(app)
    for call in (
        other.http.get(f"/api/v1/orders/{order['id']}", headers=other.auth()),
        other.http.post(f"/api/v1/orders/{order['id']}/cancel", headers=other.auth()),
        other.http.post(f"/api/v1/orders/{order['id']}/confirm-delivery", headers=other.auth()),
    ):
        assert (await call).status_code == 404
    mine = await buyer.http.get(f"/api/v1/orders/{order['id']}", headers=buyer.auth())
    assert mine.json()["id"] == order["id"]


async def test_a_completed_sale_is_paid_out_once(app: FastAPI, resources: Resources) -> None:
    buyer, seller, _, order = await _paid_order(app, resources, price=20_000)
    summary = (await seller.http.get("/api/v1/payouts", headers=seller.auth())).json()
    eur = next(b for b in summary["balances"] if b["currency"] == "EUR")
    assert eur["pending"] == order["total"] - 2_000 and eur["available"] == 0
    no_account = await seller.http.post(
        "/api/v1/payouts", json={"currency": "EUR"}, headers=seller.auth()
    )
    assert no_account.status_code == 422
    account = await seller.http.put(
        "/api/v1/payouts/account", json={"account_ref": "acct_seller42"}, headers=seller.auth()
    )
    assert account.status_code == 200
    nothing = await seller.http.post(
        "/api/v1/payouts", json={"currency": "EUR"}, headers=seller.auth()
    )
    assert nothing.status_code == 409
    await seller.http.post(f"/api/v1/sales/{order['id']}/ship", headers=seller.auth())
    await buyer.http.post(f"/api/v1/orders/{order['id']}/confirm-delivery", headers=buyer.auth())
    ready = (await seller.http.get("/api/v1/payouts", headers=seller.auth())).json()
    eur = next(b for b in ready["balances"] if b["currency"] == "EUR")
    assert (eur["available"], eur["pending"]) == (order["total"] - 2_000, 0)
    paid = await seller.http.post(
        "/api/v1/payouts", json={"currency": "EUR"}, headers=seller.auth()
    )
    assert paid.status_code == 201, paid.text
    assert paid.json()["amount"] == order["total"] - 2_000 and paid.json()["status"] == "paid"
    after = (await seller.http.get("/api/v1/payouts", headers=seller.auth())).json()
    eur = next(b for b in after["balances"] if b["currency"] == "EUR")
    assert (eur["available"], eur["paid_out"]) == (0, order["total"] - 2_000)
    again = await seller.http.post(
        "/api/v1/payouts", json={"currency": "EUR"}, headers=seller.auth()
    )
    assert again.status_code == 409
    buyers = await buyer.http.get("/api/v1/payouts", headers=buyer.auth())
    assert buyers.status_code == 403


async def test_the_sweep_expires_unpaid_reservations(app: FastAPI, resources: Resources) -> None:
    """A 3-D Secure checkout left unfinished gives its stock back after 15 minutes."""
    import datetime as dt

    from techmarket.core.clock import utcnow
    from techmarket.services.orders import expiry
    from tests.services.orders.shop import THREE_D_SECURE, stocked

    buyer = await make_buyer(app, THREE_D_SECURE)
    product = await stocked(resources, 1)
    await buyer.add(product)
    placed = (await buyer.order()).json()
    assert placed["checkout"]["status"] == "pending_payment"
    assert await expiry.expire_reservations(resources) == 0  # not yet
    later = utcnow() + dt.timedelta(minutes=16)
    assert await expiry.expire_reservations(resources, now=later) >= 1
    after = await buyer.http.get(
        f"/api/v1/checkouts/{placed['checkout']['id']}", headers=buyer.auth()
    )
    assert after.json()["checkout"]["status"] in {"failed", "expired"}
    assert after.json()["orders"] == []
    async with resources.db.unit_of_work(write=False) as session:
        listing = await session.get(Product, product)
    assert listing is not None and (listing.quantity, listing.status) == (1, ListingStatus.ACTIVE)
    await expiry.sweep(resources)  # the whole sweep runs clean
