"""Disputes over HTTP: the buyer opens one with photos, the seller answers, an admin decides, and
the money follows the decision in the ledger."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.provisioning import create_account
from techmarket.services.orders import service
from techmarket.services.orders.models import Checkout, Order
from techmarket.services.payments import client as payments_client
from techmarket.services.payments import ledger
from techmarket.services.payments.client import PaymentProviderError
from techmarket.services.payments.models import Payment, PaymentStatus
from techmarket.services.users import client as users
from tests.accounts import Account, client_from, sign_up, strong_password
from tests.factories import SELLER_PASSWORD, make_listing, make_seller
from tests.images import jpeg_with_gps, png
from tests.services.admin.test_roles import make_admin
from tests.services.orders.shop import Buyer, card, make_buyer

PRICE = 40_000
FEE = 4_000  # 10 % of the items


@dataclass
class Sale:
    buyer: Buyer
    seller: Account
    order: dict[str, Any]

    @property
    def order_id(self) -> str:
        return str(self.order["id"])

    @property
    def store_id(self) -> uuid.UUID:
        return uuid.UUID(self.order["seller"]["id"])


async def _paid(app: FastAPI, resources: Resources, buyer: Buyer | None = None) -> Sale:
    """A buyer's paid order of a listing of a seller who is signed in too."""
    store = await make_seller(resources)
    seller = Account(store.email, SELLER_PASSWORD, "Test Seller", str(store.user_id),
                     client_from(app))  # fmt: skip
    await seller.login()
    product = await make_listing(resources, store, quantity=1, price=PRICE)
    buyer = buyer or await make_buyer(app)
    await buyer.add(product)
    placed = await buyer.order()
    assert placed.status_code == 201, placed.text
    return Sale(buyer, seller, placed.json()["orders"][0])


async def _shipped(app: FastAPI, resources: Resources, buyer: Buyer | None = None) -> Sale:
    sale = await _paid(app, resources, buyer)
    shipped = await sale.seller.http.post(
        f"/api/v1/sales/{sale.order_id}/ship", headers=sale.seller.auth()
    )
    assert shipped.status_code == 200, shipped.text
    return sale


async def _open(sale: Sale, reason: str = "not_as_described") -> dict[str, Any]:
    opened = await sale.buyer.http.post(
        f"/api/v1/orders/{sale.order_id}/disputes",
        json={"reason": reason, "statement": "The screen is cracked, the listing said mint."},
        headers=sale.buyer.auth(),
    )
    assert opened.status_code == 201, opened.text
    dispute: dict[str, Any] = opened.json()
    return dispute


async def _delivered(resources: Resources, order_id: str, at: dt.datetime) -> None:
    """What the carrier's delivery event will do (issue 6): start the inspection window."""
    async with resources.db.unit_of_work(write=True) as session:
        order = await session.scalar(
            select(Order).where(Order.id == uuid.UUID(order_id)).options(selectinload(Order.events))
        )
        assert order is not None
        service.start_inspection(order, at=at)


async def _moderator(app: FastAPI, resources: Resources) -> Account:
    email, password = f"mod-{uuid.uuid4().hex[:8]}@example.com", strong_password()
    async with resources.db.unit_of_work(write=True) as session:
        user_id = await create_account(
            session, resources, email=email, display_name="Mo Moderator", password=password,
            roles=frozenset({users.Role.MODERATOR}),
        )  # fmt: skip
    account = Account(email, password, "Mo Moderator", str(user_id), client_from(app))
    await account.login()
    return account


async def _books(resources: Resources, store_id: uuid.UUID) -> tuple[int, int, int]:
    """Escrow, the seller's balance and the platform's fees, in EUR."""
    async with resources.db.unit_of_work(write=False) as session:
        return (
            await ledger.balance(session, ledger.escrow("EUR")),
            await ledger.balance(session, ledger.seller(store_id, "EUR")),
            await ledger.balance(session, ledger.platform_fees("EUR")),
        )


async def _order(sale: Sale) -> dict[str, Any]:
    response = await sale.buyer.http.get(
        f"/api/v1/orders/{sale.order_id}", headers=sale.buyer.auth()
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def _decide(admin: Account, dispute_id: str, decision: str, **fields: Any) -> Any:
    return await admin.http.post(
        f"/api/v1/admin/disputes/{dispute_id}/decide",
        json={"decision": decision, "note": "Photos show the damage.", **fields},
        headers=admin.auth(),
    )


async def _payment(resources: Resources, sale: Sale) -> tuple[PaymentStatus, int]:
    """The order's payment: its status and how much of it went back to the card."""
    async with resources.db.unit_of_work(write=False) as session:
        checkout = await session.get(Checkout, uuid.UUID(sale.order["checkout_id"]))
        assert checkout is not None
        assert checkout.payment_id is not None
        payment = await session.get(Payment, checkout.payment_id)
        assert payment is not None
        return payment.status, payment.amount_refunded


async def test_a_dispute_opens_on_a_shipped_order_once(app: FastAPI, resources: Resources) -> None:
    sale = await _paid(app, resources)
    path = f"/api/v1/orders/{sale.order_id}/disputes"
    body = {"reason": "not_received", "statement": "Nothing arrived."}
    early = await sale.buyer.http.post(path, json=body, headers=sale.buyer.auth())
    assert early.status_code == 409
    assert early.json()["type"].endswith("/not-disputable")
    assert "cancel" in early.json()["detail"]
    await sale.seller.http.post(f"/api/v1/sales/{sale.order_id}/ship", headers=sale.seller.auth())
    other = await make_buyer(app)
    stranger = await other.http.post(path, json=body, headers=other.auth())
    assert stranger.status_code == 404
    by_seller = await sale.seller.http.post(path, json=body, headers=sale.seller.auth())
    assert by_seller.status_code == 404
    bad = await sale.buyer.http.post(
        path, json={"reason": "changed_my_mind", "statement": " "}, headers=sale.buyer.auth()
    )
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"reason", "statement"}

    opened = await sale.buyer.http.post(path, json=body, headers=sale.buyer.auth())
    assert opened.status_code == 201, opened.text
    dispute = opened.json()
    assert dispute["order_id"] == sale.order_id
    assert (dispute["reason"], dispute["status"]) == ("not_received", "open")
    assert dispute["buyer_statement"] == "Nothing arrived."
    assert dispute["seller_answer"] is None and dispute["decision"] is None
    assert dispute["refund_amount"] is None and dispute["photos"] == []
    assert dispute["opened_at"] and dispute["answered_at"] is None
    order = await _order(sale)
    assert order["status"] == "disputed"
    assert order["timeline"][-1]["note"] == "Disputed by the buyer: item not received"
    again = await sale.buyer.http.post(
        path, json={"reason": "not_as_described", "statement": "And broken."},
        headers=sale.buyer.auth(),
    )  # fmt: skip
    assert again.status_code == 409
    assert again.json()["type"].endswith("/dispute-exists")
    cancel = await sale.buyer.http.post(
        f"/api/v1/orders/{sale.order_id}/cancel", headers=sale.buyer.auth()
    )
    assert cancel.status_code == 409


async def test_a_dispute_stops_the_inspection_clock(app: FastAPI, resources: Resources) -> None:
    sale = await _shipped(app, resources)
    await _delivered(resources, sale.order_id, at=utcnow() - dt.timedelta(days=2))
    dispute = await _open(sale)
    assert dispute["status"] == "open"
    late = await _shipped(app, resources)
    await _delivered(resources, late.order_id, at=utcnow() - dt.timedelta(days=4))
    refused = await late.buyer.http.post(
        f"/api/v1/orders/{late.order_id}/disputes",
        json={"reason": "not_as_described", "statement": "Broken."},
        headers=late.buyer.auth(),
    )
    assert refused.status_code == 409
    assert "inspection window" in refused.json()["detail"]

    async with resources.db.unit_of_work(write=True) as session:
        order = await session.get(Order, uuid.UUID(sale.order_id))
        assert order is not None
        order.inspection_ends_at = utcnow() - dt.timedelta(minutes=1)  # its window has passed too
    async with resources.db.unit_of_work(write=True) as session:
        await service.complete_inspected(session)  # what the sweep does every 30 seconds
    assert (await _order(late))["status"] == "completed"
    assert (await _order(sale))["status"] == "disputed"
    _, owed, _ = await _books(resources, sale.store_id)
    assert owed == 0  # nothing was released to the disputed order's seller


async def test_photos_are_stripped_webp_and_only_the_buyers(
    app: FastAPI, resources: Resources
) -> None:
    sale = await _shipped(app, resources)
    dispute = await _open(sale)
    path = f"/api/v1/disputes/{dispute['id']}/photos"
    added = await sale.buyer.http.post(
        path, files={"file": ("crack.jpg", jpeg_with_gps(), "image/jpeg")},
        headers=sale.buyer.auth(),
    )  # fmt: skip
    assert added.status_code == 201, added.text
    photos = added.json()["photos"]
    assert len(photos) == 1
    full = await sale.buyer.http.get(photos[0]["full_url"])
    assert full.status_code == 200
    with Image.open(io.BytesIO(full.content)) as image:
        assert image.format == "WEBP"
        assert not image.getexif()
        assert image.size == (800, 600)
    thumbnail = await sale.buyer.http.get(photos[0]["thumbnail_url"])
    with Image.open(io.BytesIO(thumbnail.content)) as image:
        assert max(image.size) == 240

    fake = await sale.buyer.http.post(
        path, files={"file": ("photo.png", b"just some text, honest", "image/png")},
        headers=sale.buyer.auth(),
    )  # fmt: skip
    assert fake.status_code == 422
    assert fake.json()["type"].endswith("/invalid-image")
    assert fake.json()["errors"][0]["field"] == "file"
    by_seller = await sale.seller.http.post(
        path, files={"file": ("mine.png", png(), "image/png")}, headers=sale.seller.auth()
    )
    assert by_seller.status_code == 403
    other = await make_buyer(app)
    by_stranger = await other.http.post(
        path, files={"file": ("x.png", png(), "image/png")}, headers=other.auth()
    )
    assert by_stranger.status_code == 404

    for _ in range(5):
        more = await sale.buyer.http.post(
            path, files={"file": ("more.png", png(), "image/png")}, headers=sale.buyer.auth()
        )
        assert more.status_code == 201, more.text
    seventh = await sale.buyer.http.post(
        path, files={"file": ("seventh.png", png(), "image/png")}, headers=sale.buyer.auth()
    )
    assert seventh.status_code == 422
    assert seventh.json()["type"].endswith("/too-many-photos")
    seen = await sale.seller.http.get(
        f"/api/v1/disputes/{dispute['id']}", headers=sale.seller.auth()
    )
    assert len(seen.json()["photos"]) == 6


async def test_the_seller_answers_once(app: FastAPI, resources: Resources) -> None:
    sale = await _shipped(app, resources)
    dispute = await _open(sale)
    path = f"/api/v1/disputes/{dispute['id']}/answer"
    body = {"statement": "It left here in perfect shape; see the packing video."}
    by_buyer = await sale.buyer.http.post(path, json=body, headers=sale.buyer.auth())
    assert by_buyer.status_code == 403
    other = await make_buyer(app)
    by_stranger = await other.http.post(path, json=body, headers=other.auth())
    assert by_stranger.status_code == 404
    empty = await sale.seller.http.post(path, json={"statement": ""}, headers=sale.seller.auth())
    assert empty.status_code == 422
    assert empty.json()["errors"][0]["field"] == "statement"
    answered = await sale.seller.http.post(path, json=body, headers=sale.seller.auth())
    assert answered.status_code == 200, answered.text
    assert answered.json()["status"] == "answered"
    assert answered.json()["seller_answer"] == body["statement"]
    assert answered.json()["answered_at"] is not None
    again = await sale.seller.http.post(
        path, json={"statement": "Changed my mind."}, headers=sale.seller.auth()
    )
    assert again.status_code == 409
    assert again.json()["type"].endswith("/dispute-answered")
    seen = await sale.buyer.http.get(f"/api/v1/disputes/{dispute['id']}", headers=sale.buyer.auth())
    assert seen.json()["seller_answer"] == body["statement"]


async def test_refund_gives_everything_back_from_escrow(app: FastAPI, resources: Resources) -> None:
    sale = await _shipped(app, resources)
    dispute = await _open(sale)
    await sale.seller.http.post(
        f"/api/v1/disputes/{dispute['id']}/answer",
        json={"statement": "Not my fault."}, headers=sale.seller.auth(),
    )  # fmt: skip
    admin = await make_admin(app, resources)
    escrow_before, owed_before, fees_before = await _books(resources, sale.store_id)
    with_amount = await _decide(admin, dispute["id"], "refund", amount=100)
    assert with_amount.status_code == 422
    assert with_amount.json()["errors"][0]["field"] == "amount"

    decided = await _decide(admin, dispute["id"], "refund")
    assert decided.status_code == 200, decided.text
    total = sale.order["total"]
    assert decided.json()["status"] == "decided"
    assert decided.json()["decision"] == "refund"
    assert decided.json()["refund_amount"] == total
    assert decided.json()["decision_note"] == "Photos show the damage."
    assert decided.json()["decided_at"] is not None
    order = await _order(sale)
    assert (order["status"], order["refunded_total"]) == ("refunded", total)
    escrow, owed, fees = await _books(resources, sale.store_id)
    assert escrow_before - escrow == total
    assert (owed, fees) == (owed_before, fees_before)
    assert await _payment(resources, sale) == (PaymentStatus.REFUNDED, total)

    for decision, fields in (("release", {}), ("refund", {})):
        twice = await _decide(admin, dispute["id"], decision, **fields)
        assert twice.status_code == 409
        assert twice.json()["type"].endswith("/dispute-decided")
    assert (await _books(resources, sale.store_id))[0] == escrow  # nothing refunded twice
    photo = await sale.buyer.http.post(
        f"/api/v1/disputes/{dispute['id']}/photos",
        files={"file": ("late.png", png(), "image/png")}, headers=sale.buyer.auth(),
    )  # fmt: skip
    assert photo.status_code == 409


async def test_partial_refund_refunds_the_amount_and_releases_the_rest(
    app: FastAPI, resources: Resources
) -> None:
    sale = await _shipped(app, resources)
    dispute = await _open(sale)
    admin = await make_admin(app, resources)
    total = sale.order["total"]
    for fields in ({}, {"amount": total}, {"amount": 0}, {"amount": total + 1}):
        refused = await _decide(admin, dispute["id"], "partial_refund", **fields)
        assert refused.status_code == 422, fields
        assert refused.json()["errors"][0]["field"] == "amount"
    escrow_before, owed_before, fees_before = await _books(resources, sale.store_id)

    decided = await _decide(admin, dispute["id"], "partial_refund", amount=10_000)
    assert decided.status_code == 200, decided.text
    assert (decided.json()["decision"], decided.json()["refund_amount"]) == (
        "partial_refund", 10_000,
    )  # fmt: skip
    assert decided.json()["status"] == "decided"
    order = await _order(sale)
    assert (order["status"], order["refunded_total"]) == ("completed", 10_000)
    escrow, owed, fees = await _books(resources, sale.store_id)
    assert escrow_before - escrow == total  # 10 000 back to the buyer, the rest released
    assert owed - owed_before == total - 10_000 - FEE
    assert fees - fees_before == FEE
    assert (await _payment(resources, sale))[1] == 10_000
    twice = await _decide(admin, dispute["id"], "partial_refund", amount=10_000)
    assert twice.status_code == 409


async def test_the_fee_never_exceeds_what_is_released(app: FastAPI, resources: Resources) -> None:
    sale = await _shipped(app, resources)
    dispute = await _open(sale)
    admin = await make_admin(app, resources)
    total = sale.order["total"]
    escrow_before, owed_before, fees_before = await _books(resources, sale.store_id)
    decided = await _decide(admin, dispute["id"], "partial_refund", amount=total - 1_000)
    assert decided.status_code == 200, decided.text
    escrow, owed, fees = await _books(resources, sale.store_id)
    assert escrow_before - escrow == total
    assert fees - fees_before == 1_000  # capped at the 1 000 released, not the 4 000 fee
    assert owed == owed_before


async def test_release_pays_the_seller_without_waiting_for_an_answer(
    app: FastAPI, resources: Resources
) -> None:
    sale = await _shipped(app, resources)
    dispute = await _open(sale, reason="not_received")
    admin = await make_admin(app, resources)
    escrow_before, owed_before, fees_before = await _books(resources, sale.store_id)
    decided = await _decide(admin, dispute["id"], "release")
    assert decided.status_code == 200, decided.text
    assert decided.json()["status"] == "decided"
    assert decided.json()["refund_amount"] is None
    order = await _order(sale)
    assert (order["status"], order["refunded_total"]) == ("completed", 0)
    escrow, owed, fees = await _books(resources, sale.store_id)
    total = sale.order["total"]
    assert escrow_before - escrow == total
    assert owed - owed_before == total - FEE
    assert fees - fees_before == FEE
    assert await _payment(resources, sale) == (PaymentStatus.CAPTURED, 0)
    late_answer = await sale.seller.http.post(
        f"/api/v1/disputes/{dispute['id']}/answer",
        json={"statement": "Too late?"}, headers=sale.seller.auth(),
    )  # fmt: skip
    assert late_answer.status_code == 409
    again = await _decide(admin, dispute["id"], "refund")
    assert again.status_code == 409


async def test_only_admins_decide_and_never_their_own(app: FastAPI, resources: Resources) -> None:
    sale = await _shipped(app, resources)
    dispute = await _open(sale)
    moderator = await _moderator(app, resources)
    for account in (sale.buyer.account, sale.seller, moderator):
        refused = await _decide(account, dispute["id"], "refund")
        assert refused.status_code == 403
    seen = await moderator.http.get(f"/api/v1/disputes/{dispute['id']}", headers=moderator.auth())
    assert seen.status_code == 200
    assert seen.json()["status"] == "open"
    admin = await make_admin(app, resources)
    unknown = await _decide(admin, str(uuid.uuid4()), "refund")
    assert unknown.status_code == 404

    admin_as_buyer = Buyer(admin, await card(admin.http, admin))
    own = await _shipped(app, resources, buyer=admin_as_buyer)
    own_dispute = await _open(own)
    refused_own = await _decide(admin, own_dispute["id"], "refund")
    assert refused_own.status_code == 403
    assert refused_own.json()["type"].endswith("/not-your-part")
    other_admin = await make_admin(app, resources)
    assert (await _decide(other_admin, own_dispute["id"], "refund")).status_code == 200


async def test_who_sees_which_disputes(app: FastAPI, resources: Resources) -> None:
    buyer = await make_buyer(app)
    first, second = await _shipped(app, resources, buyer), await _shipped(app, resources, buyer)
    one, two = await _open(first), await _open(second, reason="not_received")
    stranger = await sign_up(app)
    moderator = await _moderator(app, resources)
    for account, dispute, code in (
        (buyer.account, one, 200),
        (first.seller, one, 200),
        (second.seller, one, 404),
        (stranger, one, 404),
        (moderator, two, 200),
    ):
        path = f"/api/v1/disputes/{dispute['id']}"
        response = await account.http.get(path, headers=account.auth())
        assert response.status_code == code, (account.display_name, code)

    page = await buyer.http.get("/api/v1/disputes?limit=1", headers=buyer.auth())
    assert page.status_code == 200
    assert [d["id"] for d in page.json()["items"]] == [two["id"]]  # newest first
    cursor = page.json()["next_cursor"]
    assert cursor
    rest = await buyer.http.get(
        "/api/v1/disputes", params={"limit": 1, "cursor": cursor}, headers=buyer.auth()
    )
    assert [d["id"] for d in rest.json()["items"]] == [one["id"]]
    assert rest.json()["next_cursor"] is None
    sellers = await first.seller.http.get("/api/v1/disputes", headers=first.seller.auth())
    assert [d["id"] for d in sellers.json()["items"]] == [one["id"]]
    nothing = await stranger.http.get("/api/v1/disputes", headers=stranger.auth())
    assert nothing.json() == {"items": [], "next_cursor": None}
    bad_cursor = await buyer.http.get("/api/v1/disputes?cursor=nonsense", headers=buyer.auth())
    assert bad_cursor.status_code == 422

    admin = await make_admin(app, resources)
    assert (await _decide(admin, one["id"], "release")).status_code == 200
    for account in (admin, moderator):
        for status, expected in (("open", [two["id"]]), ("decided", [one["id"]])):
            listed = await account.http.get(
                "/api/v1/disputes", params={"status": status, "limit": 100},
                headers=account.auth(),
            )  # fmt: skip
            ids = {d["id"] for d in listed.json()["items"]}
            assert ids & {one["id"], two["id"]} == set(expected), (account.display_name, status)
    by_order = await admin.http.get(
        "/api/v1/disputes", params={"order_id": second.order_id}, headers=admin.auth()
    )
    assert [d["id"] for d in by_order.json()["items"]] == [two["id"]]


async def test_a_refund_that_failed_half_way_finishes_on_repeat(
    app: FastAPI, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    sale = await _shipped(app, resources)
    dispute = await _open(sale)
    admin = await make_admin(app, resources)
    escrow_before, owed_before, _ = await _books(resources, sale.store_id)

    async def processor_down(*_: Any, **__: Any) -> None:
        raise PaymentProviderError("The processor timed out.")

    with monkeypatch.context() as patched:
        patched.setattr(payments_client, "refund", processor_down)
        failed = await _decide(admin, dispute["id"], "partial_refund", amount=5_000)
    assert failed.status_code == 502
    pending = await admin.http.get(f"/api/v1/disputes/{dispute['id']}", headers=admin.auth())
    assert (pending.json()["decision"], pending.json()["status"]) == ("partial_refund", "open")
    assert (await _order(sale))["status"] == "disputed"
    assert (await _books(resources, sale.store_id))[:2] == (escrow_before, owed_before)
    other = await _decide(admin, dispute["id"], "release")
    assert other.status_code == 409
    other_amount = await _decide(admin, dispute["id"], "partial_refund", amount=6_000)
    assert other_amount.status_code == 409

    finished = await _decide(admin, dispute["id"], "partial_refund", amount=5_000)
    assert finished.status_code == 200, finished.text
    assert finished.json()["status"] == "decided"
    order = await _order(sale)
    assert (order["status"], order["refunded_total"]) == ("completed", 5_000)
    escrow, owed, _ = await _books(resources, sale.store_id)
    assert escrow_before - escrow == sale.order["total"]
    assert owed - owed_before == sale.order["total"] - 5_000 - FEE
