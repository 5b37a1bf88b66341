"""Make an offer: the negotiation over HTTP, who may do what in which status, the amounts,
expiry, and the agreed price all the way to the order."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.services.cart import offers
from techmarket.services.cart.models import Offer, OfferStatus
from techmarket.services.cart.offer_schemas import OfferRole
from tests.accounts import sign_up
from tests.factories import make_listing, make_seller
from tests.services.cart.offers_shop import (
    OFFERS,
    act,
    acted,
    at,
    listed,
    offer,
    offered,
    offers_of,
    seen,
    status_in_table,
    stored_offer,
)
from tests.services.cart.shop import ITEMS, add, cart_of, change_listing, seller_account
from tests.services.orders.shop import ADDRESS, make_buyer

LIFETIME = dt.timedelta(hours=48)


def problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["type"].endswith(f"/{code}"), body
    return body


async def test_signed_out_callers_are_refused(client: httpx.AsyncClient) -> None:
    some = f"{OFFERS}/{uuid.uuid4()}"
    calls = [
        client.post(offers_of(uuid.uuid4()), json={"amount": 100}),
        client.get(OFFERS),
        client.get(some),
        *(client.post(f"{some}/{move}") for move in ("accept", "decline", "withdraw")),
        client.post(f"{some}/counter", json={"amount": 100}),
    ]
    for call in calls:
        response = await call
        assert response.status_code == 401, response.request.url


async def test_offer_counter_accept_puts_one_unit_in_the_cart_and_the_order_charges_it(
    app: FastAPI, resources: Resources
) -> None:
    listing = await listed(app, resources, price=40_000, quantity=2, title="ThinkPad X1")
    buyer = await make_buyer(app)
    made = await offered(buyer, listing.product_id, 30_000)
    assert made["status"] == "pending"
    assert (made["amount"], made["listed_price"], made["currency"]) == (30_000, 40_000, "EUR")
    assert (made["counter_amount"], made["agreed_price"]) == (None, None)
    assert (made["your_role"], made["moves"]) == ("buyer", ["withdraw"])
    assert made["seller_id"] == str(listing.seller.dealer_id)
    assert made["buyer_id"] == buyer.account.user_id
    assert made["listing"]["title"] == "ThinkPad X1"
    assert at(made["expires_at"]) - at(made["created_at"]) == LIFETIME

    # The seller finds it among the offers received, with the seller's moves.
    received = await listing.owner.http.get(
        OFFERS, params={"role": "seller"}, headers=listing.owner.auth()
    )
    [mine] = [o for o in received.json()["items"] if o["id"] == made["id"]]
    assert (mine["your_role"], mine["moves"]) == ("seller", ["accept", "decline", "counter"])

    countered = await acted(listing.owner, made["id"], "counter", 35_000)
    assert (countered["status"], countered["counter_amount"]) == ("countered", 35_000)
    assert countered["moves"] == []  # the seller waits for the buyer now
    assert at(countered["expires_at"]) - at(countered["updated_at"]) == LIFETIME
    assert at(countered["expires_at"]) > at(made["expires_at"])
    assert (await seen(buyer, made["id"]))["moves"] == ["accept", "decline"]
    assert (await cart_of(buyer.account))["items"] == []  # nothing until accepted

    accepted = await acted(buyer, made["id"], "accept")
    assert (accepted["status"], accepted["agreed_price"]) == ("accepted", 35_000)
    assert accepted["moves"] == []
    cart = await cart_of(buyer.account)
    [line] = cart["items"]
    assert (line["product_id"], line["offer_id"]) == (str(listing.product_id), made["id"])
    assert (line["quantity"], line["unit_price"], line["line_total"]) == (1, 35_000, 35_000)
    assert line["problems"] == []
    assert cart["subtotals"] == [{"currency": "EUR", "amount": 35_000}]

    # For that buyer only: another buyer pays the listed price.
    other = await sign_up(app)
    response = await add(other, listing.product_id)
    assert response.json()["unit_price"] == 40_000
    assert response.json()["offer_id"] is None

    # The listing's price moves; the agreed line is not flagged and keeps its price.
    await change_listing(listing.owner, listing.product_id, price=45_000)
    [line] = (await cart_of(buyer.account))["items"]
    assert (line["unit_price"], line["problems"]) == (35_000, [])
    assert (await cart_of(other))["items"][0]["problems"] == ["price_changed"]

    quote = await buyer.http.post(
        "/api/v1/checkout/quote", json={"shipping_address": ADDRESS}, headers=buyer.auth()
    )
    assert quote.status_code == 200, quote.text
    assert quote.json()["items_total"] == 35_000
    placed = await buyer.order()
    assert placed.status_code == 201, placed.text
    [order] = placed.json()["orders"]
    assert order["items_total"] == 35_000
    assert [(i["quantity"], i["unit_price"]) for i in order["items"]] == [(1, 35_000)]
    assert order["total"] == 35_000 + order["shipping_total"]
    assert (await cart_of(buyer.account))["items"] == []


async def test_a_seller_accepting_puts_the_offered_amount_on_the_line_already_there(
    app: FastAPI, resources: Resources
) -> None:
    listing = await listed(app, resources, price=10_000, quantity=5)
    buyer = await sign_up(app)
    response = await add(buyer, listing.product_id, quantity=3)
    assert response.status_code == 201, response.text
    made = await offered(buyer, listing.product_id, 7_500)
    accepted = await acted(listing.owner, made["id"], "accept")
    assert (accepted["status"], accepted["agreed_price"]) == ("accepted", 7_500)
    [line] = (await cart_of(buyer))["items"]
    assert line["id"] == response.json()["id"]  # the same line, now agreed
    assert (line["quantity"], line["unit_price"], line["offer_id"]) == (1, 7_500, made["id"])

    # One unit at the agreed price: no more through PATCH, adding again or a merge.
    path = f"{ITEMS}/{line['id']}"
    raised = await buyer.http.patch(path, json={"quantity": 2}, headers=buyer.auth())
    body = problem(raised, 422, "offer-line-quantity")
    assert body["errors"][0]["field"] == "quantity"
    problem(await add(buyer, listing.product_id), 422, "offer-line-quantity")
    merged = await buyer.http.post(
        "/api/v1/cart/merge",
        json={"items": [{"product_id": str(listing.product_id), "quantity": 2}]},
        headers=buyer.auth(),
    )
    assert merged.status_code == 200, merged.text
    assert merged.json()["skipped"][0]["reason"] == "capped"
    assert merged.json()["skipped"][0]["kept"] == 1
    [line] = (await cart_of(buyer))["items"]
    assert (line["quantity"], line["unit_price"]) == (1, 7_500)
    same = await buyer.http.patch(path, json={"quantity": 1}, headers=buyer.auth())
    assert same.status_code == 200, same.text

    # Should the listed price fall below the agreed one, the buyer pays the lower price.
    await change_listing(listing.owner, listing.product_id, price=7_000)
    [line] = (await cart_of(buyer))["items"]
    assert (line["unit_price"], line["problems"], line["offer_id"]) == (7_000, [], made["id"])


async def test_an_offer_on_an_option_is_agreed_for_that_option(
    app: FastAPI, resources: Resources
) -> None:
    listing = await listed(
        app,
        resources,
        options=[
            {"name": "256 GB", "price": 60_000, "quantity": 1},
            {"name": "512 GB", "price": 70_000, "quantity": 1},
        ],
    )
    detail = await listing.owner.http.get(f"/api/v1/products/{listing.product_id}")
    option = {o["name"]: o["id"] for o in detail.json()["options"]}["512 GB"]
    buyer = await sign_up(app)
    # Half of the option's price, not of the listing's base price.
    refused = await offer(buyer, listing.product_id, 34_999, option_id=option)
    problem(refused, 422, "invalid-offer-amount")
    made = await offered(buyer, listing.product_id, 35_000, option_id=option)
    assert (made["option_id"], made["listed_price"]) == (option, 70_000)
    assert made["listing"]["option_name"] == "512 GB"
    no_option = await offer(buyer, listing.product_id, 35_000)
    problem(no_option, 422, "listing-unavailable")
    await acted(listing.owner, made["id"], "accept")
    [line] = (await cart_of(buyer))["items"]
    assert (line["option_id"], line["unit_price"]) == (option, 35_000)


async def test_amounts_out_of_bounds_are_422_naming_amount(
    app: FastAPI, resources: Resources
) -> None:
    listing = await listed(app, resources, price=10_000)
    buyer = await sign_up(app)
    cases: list[tuple[Any, str]] = [
        (0, "validation-error"),
        (-5, "validation-error"),
        (12.5, "validation-error"),
        ("9000", "validation-error"),
        (True, "validation-error"),
        (None, "validation-error"),
        (10_000, "invalid-offer-amount"),  # the price itself: buy it outright
        (10_001, "invalid-offer-amount"),
        (4_999, "invalid-offer-amount"),  # under half the price
        (1, "invalid-offer-amount"),
    ]
    for amount, code in cases:
        body = problem(await offer(buyer, listing.product_id, amount), 422, code)
        assert [e["field"] for e in body["errors"]] == ["amount"], (amount, body)
    missing = await buyer.http.post(offers_of(listing.product_id), json={}, headers=buyer.auth())
    assert problem(missing, 422, "validation-error")["errors"][0]["field"] == "amount"
    extra = await offer(buyer, listing.product_id, 9_000, note="please")
    problem(extra, 422, "validation-error")
    listed_now = await buyer.http.get(OFFERS, headers=buyer.auth())
    assert listed_now.json()["items"] == []  # nothing was made by the refusals

    # The bounds themselves: exactly half, and one below the price.
    assert (await offered(buyer, listing.product_id, 5_000))["amount"] == 5_000
    other = await sign_up(app)
    made = await offered(other, listing.product_id, 9_999)

    # A counter lies strictly between the offer and the listed price.
    low = await offered(await sign_up(app), listing.product_id, 6_000)
    for amount in (6_000, 5_999, 10_000, 12_000, 0):
        body = problem(await act(listing.owner, low["id"], "counter", amount), 422,
                       "validation-error" if amount == 0 else "invalid-offer-amount")  # fmt: skip
        assert [e["field"] for e in body["errors"]] == ["amount"], (amount, body)
    no_body = await listing.owner.http.post(
        f"{OFFERS}/{low['id']}/counter", json={}, headers=listing.owner.auth()
    )
    assert problem(no_body, 422, "validation-error")["errors"][0]["field"] == "amount"
    assert (await seen(listing.owner, low["id"]))["status"] == "pending"
    assert (await acted(listing.owner, low["id"], "counter", 6_001))["counter_amount"] == 6_001
    # An offer one below the price leaves no room for a counter.
    tight = await act(listing.owner, made["id"], "counter", 9_999)
    problem(tight, 422, "invalid-offer-amount")


async def test_every_wrong_move_is_a_409_that_says_why(app: FastAPI, resources: Resources) -> None:
    listing = await listed(app, resources, quantity=9)
    buyer = await sign_up(app)
    seller = listing.owner

    pending = await offered(buyer, listing.product_id, 8_000)
    for caller, move, amount in [
        (buyer, "accept", None),
        (buyer, "decline", None),
        (buyer, "counter", 9_000),
        (seller, "withdraw", None),
    ]:
        body = problem(await act(caller, pending["id"], move, amount), 409,
                       "offer-move-not-allowed")  # fmt: skip
        assert body["detail"], body
    assert (
        "only withdraw"
        in problem(await act(buyer, pending["id"], "accept"), 409, "offer-move-not-allowed")[
            "detail"
        ]
    )
    assert (await seen(buyer, pending["id"]))["status"] == "pending"

    await acted(seller, pending["id"], "counter", 9_000)
    for caller, move, amount in [
        (seller, "accept", None),
        (seller, "decline", None),
        (seller, "counter", 9_500),
        (seller, "withdraw", None),
        (buyer, "withdraw", None),
        (buyer, "counter", 8_500),
    ]:
        problem(await act(caller, pending["id"], move, amount), 409, "offer-move-not-allowed")
    assert (
        "buyer's turn"
        in problem(await act(seller, pending["id"], "accept"), 409, "offer-move-not-allowed")[
            "detail"
        ]
    )
    still = await seen(buyer, pending["id"])
    assert (still["status"], still["counter_amount"]) == ("countered", 9_000)

    # The buyer declines the counter: closed for both.
    declined = await acted(buyer, pending["id"], "decline")
    assert (declined["status"], declined["moves"]) == ("declined", [])
    for caller, move in [(seller, "accept"), (buyer, "accept"), (buyer, "withdraw")]:
        body = problem(await act(caller, pending["id"], move), 409, "offer-closed")
        assert "was declined" in body["detail"]

    # Withdrawn, and declined by the seller, and accepted: closed as well.
    second = await offered(buyer, listing.product_id, 8_100)
    assert (await acted(buyer, second["id"], "withdraw"))["status"] == "withdrawn"
    problem(await act(seller, second["id"], "accept"), 409, "offer-closed")
    third = await offered(buyer, listing.product_id, 8_200)
    assert (await acted(seller, third["id"], "decline"))["status"] == "declined"
    problem(await act(buyer, third["id"], "withdraw"), 409, "offer-closed")
    fourth = await offered(buyer, listing.product_id, 8_300)
    await acted(seller, fourth["id"], "accept")
    for caller, move in [(seller, "decline"), (buyer, "withdraw"), (seller, "accept")]:
        problem(await act(caller, fourth["id"], move), 409, "offer-closed")
    [line] = (await cart_of(buyer))["items"]
    assert line["offer_id"] == fourth["id"]  # the refused moves changed nothing


async def test_one_open_offer_per_buyer_and_listing(app: FastAPI, resources: Resources) -> None:
    listing = await listed(app, resources)
    buyer = await sign_up(app)
    first = await offered(buyer, listing.product_id, 8_000)
    again = await offer(buyer, listing.product_id, 8_500)
    assert first["id"] in problem(again, 409, "offer-already-open")["detail"]
    await acted(listing.owner, first["id"], "counter", 9_000)
    problem(await offer(buyer, listing.product_id, 8_500), 409, "offer-already-open")
    # Another buyer may; and once the first is closed, so may the first buyer.
    await offered(await sign_up(app), listing.product_id, 8_000)
    await acted(buyer, first["id"], "decline")
    assert (await offered(buyer, listing.product_id, 8_500))["status"] == "pending"


async def test_only_the_buyer_and_the_seller_see_or_move_an_offer(
    app: FastAPI, resources: Resources
) -> None:
    listing = await listed(app, resources)
    buyer = await sign_up(app)
    made = await offered(buyer, listing.product_id, 8_000)
    stranger = await sign_up(app)
    other_seller = await seller_account(app, await make_seller(resources))
    for caller in (stranger, other_seller):
        response = await caller.http.get(f"{OFFERS}/{made['id']}", headers=caller.auth())
        problem(response, 404, "offer-not-found")
        for move, amount in [("accept", None), ("decline", None), ("withdraw", None),
                             ("counter", 9_000)]:  # fmt: skip
            problem(await act(caller, made["id"], move, amount), 404, "offer-not-found")
        for role in ("buyer", "seller"):
            page = await caller.http.get(OFFERS, params={"role": role}, headers=caller.auth())
            assert made["id"] not in [o["id"] for o in page.json()["items"]]
    unknown = await buyer.http.get(f"{OFFERS}/{uuid.uuid4()}", headers=buyer.auth())
    problem(unknown, 404, "offer-not-found")
    assert (await seen(listing.owner, made["id"]))["status"] == "pending"
    assert (await seen(buyer, made["id"]))["your_role"] == "buyer"


async def test_no_offer_on_ones_own_listing_nor_on_one_that_cannot_be_bought(
    app: FastAPI, resources: Resources
) -> None:
    listing = await listed(app, resources)
    own = await offer(listing.owner, listing.product_id, 8_000)
    assert problem(own, 409, "own-listing")["errors"][0]["field"] == "product_id"
    buyer = await sign_up(app)
    draft = await make_listing(resources, listing.seller, visibility="draft")
    sold_out = await make_listing(resources, listing.seller)
    await change_listing(listing.owner, sold_out, quantity=0)
    problem(await offer(buyer, draft, 8_000), 422, "listing-unavailable")
    problem(await offer(buyer, uuid.uuid4(), 8_000), 422, "listing-unavailable")
    problem(await offer(buyer, sold_out, 8_000), 422, "sold-out")
    bad_option = await offer(buyer, listing.product_id, 8_000, option_id=str(uuid.uuid4()))
    problem(bad_option, 422, "option-not-accepted")


async def test_accepting_or_countering_needs_a_listing_that_can_still_be_bought(
    app: FastAPI, resources: Resources
) -> None:
    listing = await listed(app, resources)
    buyer = await sign_up(app)
    made = await offered(buyer, listing.product_id, 8_000)
    await change_listing(listing.owner, listing.product_id, visibility="private")
    problem(await act(listing.owner, made["id"], "accept"), 409, "offer-listing-unavailable")
    problem(
        await act(listing.owner, made["id"], "counter", 9_000), 409, "offer-listing-unavailable"
    )
    view = await seen(buyer, made["id"])
    assert (view["status"], view["listing"]) == ("pending", None)
    assert (await cart_of(buyer))["items"] == []
    # Declining needs no listing; back on sale, the offer can be answered again.
    await change_listing(listing.owner, listing.product_id, visibility="public")
    assert (await acted(listing.owner, made["id"], "accept"))["status"] == "accepted"


async def test_an_offer_past_its_time_is_expired_on_read_and_on_move(
    app: FastAPI, resources: Resources
) -> None:
    listing = await listed(app, resources)
    buyer = await sign_up(app)
    past = utcnow() - dt.timedelta(minutes=1)
    lapsed = await stored_offer(resources, listing, buyer.user_id, expires_at=past)
    # The table still says pending; every read says expired, and writes it down.
    assert await status_in_table(resources, lapsed) == OfferStatus.PENDING
    view = await seen(buyer, str(lapsed))
    assert (view["status"], view["moves"]) == ("expired", [])
    assert await status_in_table(resources, lapsed) == OfferStatus.EXPIRED

    moved = await stored_offer(resources, listing, buyer.user_id, expires_at=past)
    body = problem(await act(listing.owner, str(moved), "accept"), 409, "offer-closed")
    assert "expired" in body["detail"]
    # The refusal kept the expiry it found.
    assert await status_in_table(resources, moved) == OfferStatus.EXPIRED
    assert (await cart_of(buyer))["items"] == []

    listed_one = await stored_offer(resources, listing, buyer.user_id, expires_at=past)
    expired = await buyer.http.get(OFFERS, params={"status": "expired"}, headers=buyer.auth())
    assert str(listed_one) in [o["id"] for o in expired.json()["items"]]
    pending = await buyer.http.get(OFFERS, params={"status": "pending"}, headers=buyer.auth())
    assert pending.json()["items"] == []
    assert await status_in_table(resources, listed_one) == OfferStatus.EXPIRED

    # An expired offer does not block a new one.
    await stored_offer(resources, listing, buyer.user_id, expires_at=past)
    assert (await offered(buyer, listing.product_id, 8_000))["status"] == "pending"


async def test_the_sweep_expires_open_offers_48_hours_after_their_last_move(
    app: FastAPI, resources: Resources
) -> None:
    listing = await listed(app, resources, quantity=3)
    buyer, other = await sign_up(app), await sign_up(app)
    waiting = await offered(buyer, listing.product_id, 8_000)
    countered = await offered(other, listing.product_id, 8_000)
    countered = await acted(listing.owner, countered["id"], "counter", 9_000)
    declined = await offered(await sign_up(app), listing.product_id, 8_000)
    await acted(listing.owner, declined["id"], "decline")

    before = at(waiting["expires_at"]) - dt.timedelta(seconds=1)
    async with resources.db.unit_of_work(write=True) as session:
        await offers.expire_offers(session, before)
    assert await status_in_table(resources, waiting["id"]) == OfferStatus.PENDING

    # Past the first offer's time, not yet past the counter's (countered later).
    between = at(waiting["expires_at"]) + dt.timedelta(microseconds=1)
    assert between < at(countered["expires_at"])
    async with resources.db.unit_of_work(write=True) as session:
        assert await offers.expire_offers(session, between) >= 1
    assert await status_in_table(resources, waiting["id"]) == OfferStatus.EXPIRED
    assert await status_in_table(resources, countered["id"]) == OfferStatus.COUNTERED

    async with resources.db.unit_of_work(write=True) as session:
        assert await offers.expire_offers(session, utcnow() + LIFETIME * 2) >= 1
    assert await status_in_table(resources, countered["id"]) == OfferStatus.EXPIRED
    assert await status_in_table(resources, declined["id"]) == OfferStatus.DECLINED
    problem(await act(other, countered["id"], "accept"), 409, "offer-closed")
    view = await seen(buyer, waiting["id"])
    assert (view["status"], view["updated_at"]) == ("expired", waiting["expires_at"])


async def test_lists_page_newest_first_by_role_and_status(
    app: FastAPI, resources: Resources
) -> None:
    seller = await make_seller(resources)
    owner = await seller_account(app, seller)
    products = [await make_listing(resources, seller, price=10_000) for _ in range(3)]
    buyer = await sign_up(app)
    made = [await offered(buyer, product, 7_000) for product in products]
    await acted(owner, made[0]["id"], "decline")

    first = await buyer.http.get(OFFERS, params={"limit": 2}, headers=buyer.auth())
    assert first.status_code == 200, first.text
    assert [o["id"] for o in first.json()["items"]] == [made[2]["id"], made[1]["id"]]
    cursor = first.json()["next_cursor"]
    assert cursor
    rest = await buyer.http.get(OFFERS, params={"limit": 2, "cursor": cursor}, headers=buyer.auth())
    assert [o["id"] for o in rest.json()["items"]] == [made[0]["id"]]
    assert rest.json()["next_cursor"] is None

    received = await owner.http.get(
        OFFERS, params={"role": "seller", "status": "pending"}, headers=owner.auth()
    )
    assert [o["id"] for o in received.json()["items"]] == [made[2]["id"], made[1]["id"]]
    declined = await buyer.http.get(OFFERS, params={"status": "declined"}, headers=buyer.auth())
    assert [o["id"] for o in declined.json()["items"]] == [made[0]["id"]]
    # A buyer without a store has received nothing; the seller has made nothing.
    none = await buyer.http.get(OFFERS, params={"role": "seller"}, headers=buyer.auth())
    assert none.json() == {"items": [], "next_cursor": None}
    assert (await owner.http.get(OFFERS, headers=owner.auth())).json()["items"] == []

    for params in ({"role": "admin"}, {"status": "open"}, {"cursor": "nonsense"},
                   {"limit": 0}):  # fmt: skip
        response = await buyer.http.get(OFFERS, params=params, headers=buyer.auth())
        assert response.status_code == 422, (params, response.text)


async def test_an_agreed_line_whose_listing_changes_currency_is_flagged(
    app: FastAPI, resources: Resources
) -> None:
    listing = await listed(app, resources, quantity=2)
    buyer = await sign_up(app)
    made = await offered(buyer, listing.product_id, 8_000)
    await acted(listing.owner, made["id"], "accept")
    await change_listing(listing.owner, listing.product_id, currency="USD", price=11_000)
    [line] = (await cart_of(buyer))["items"]
    assert line["problems"] == ["price_changed"]
    # The agreement was in euros: accepting the new price gives it up.
    accepted = await buyer.http.post(f"{ITEMS}/{line['id']}/accept-price", headers=buyer.auth())
    assert accepted.status_code == 200, accepted.text
    body = accepted.json()
    assert (body["offer_id"], body["unit_price"], body["currency"]) == (None, 11_000, "USD")
    assert body["problems"] == []


async def test_every_committed_move_is_announced_and_a_refused_one_is_not(
    app: FastAPI, resources: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=offers.__name__)
    listing = await listed(app, resources)
    buyer = await sign_up(app)

    def moves() -> list[tuple[str, str]]:
        return [
            (getattr(r, "offer.move"), getattr(r, "offer.notify"))
            for r in caplog.records
            if r.name == offers.__name__
        ]

    made = await offered(buyer, listing.product_id, 8_000)
    await act(buyer, made["id"], "accept")  # refused: not the buyer's move
    await acted(listing.owner, made["id"], "counter", 9_000)
    await acted(buyer, made["id"], "accept")
    assert moves() == [("made", "seller"), ("counter", "buyer"), ("accept", "seller")]


async def test_a_read_that_finds_a_lapsed_offer_writes_it_down_in_a_transaction_of_its_own(
    app: FastAPI, resources: Resources
) -> None:
    """Another writer commits while the list is read: the read, whose SQLite snapshot is then
    stale, must not try to write (it would fail with "database is locked"); the expiry is
    written right after it, in a write transaction of its own."""
    listing = await listed(app, resources)
    buyer = await sign_up(app)
    lapsed = await stored_offer(
        resources, listing, buyer.user_id, expires_at=utcnow() - dt.timedelta(minutes=1)
    )
    async with resources.db.unit_of_work(write=False) as session:
        assert await status_in_session(session, lapsed) == OfferStatus.PENDING  # snapshot taken
        await stored_offer(  # a writer goes first
            resources, listing, buyer.user_id, expires_at=utcnow() + dt.timedelta(hours=1)
        )
        page = await offers.page(
            session, resources.storage, uuid.UUID(buyer.user_id), OfferRole.BUYER, None, None, 10
        )
        assert {str(item.id): item.status for item in page.items}[str(lapsed)] == "expired"
    assert await status_in_table(resources, lapsed) == OfferStatus.EXPIRED


async def status_in_session(session: AsyncSession, offer_id: uuid.UUID) -> OfferStatus:
    row = await session.get(Offer, offer_id)
    assert row is not None
    return row.status
