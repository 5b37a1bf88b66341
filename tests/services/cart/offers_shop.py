"""What the offer tests share: a listing with its signed-in seller, and the calls of a
negotiation."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI

from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.services.cart.models import Offer, OfferStatus
from tests.accounts import Account
from tests.factories import Seller, make_listing, make_seller
from tests.services.cart.shop import seller_account

OFFERS = "/api/v1/offers"

Caller = Any
"""An `Account`, or an orders test `Buyer`: anything with `http` and `auth()`."""


def offers_of(product_id: uuid.UUID) -> str:
    return f"/api/v1/products/{product_id}/offers"


@dataclass
class Listed:
    seller: Seller
    owner: Account
    product_id: uuid.UUID


async def listed(app: FastAPI, resources: Resources, **fields: Any) -> Listed:
    """A listing (10 000 EUR minor units unless told) and its seller, signed in."""
    seller = await make_seller(resources)
    product_id = await make_listing(resources, seller, **{"price": 10_000, **fields})
    return Listed(seller, await seller_account(app, seller), product_id)


async def offer(
    caller: Caller, product_id: uuid.UUID, amount: Any, **fields: Any
) -> httpx.Response:
    return await caller.http.post(
        offers_of(product_id), json={"amount": amount, **fields}, headers=caller.auth()
    )


async def offered(
    caller: Caller, product_id: uuid.UUID, amount: int, **fields: Any
) -> dict[str, Any]:
    response = await offer(caller, product_id, amount, **fields)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def act(caller: Caller, offer_id: str, move: str, amount: Any = None) -> httpx.Response:
    body = None if amount is None else {"amount": amount}
    return await caller.http.post(f"{OFFERS}/{offer_id}/{move}", json=body, headers=caller.auth())


async def acted(caller: Caller, offer_id: str, move: str, amount: Any = None) -> dict[str, Any]:
    response = await act(caller, offer_id, move, amount)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def seen(caller: Caller, offer_id: str) -> dict[str, Any]:
    response = await caller.http.get(f"{OFFERS}/{offer_id}", headers=caller.auth())
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def at(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


async def stored_offer(
    resources: Resources,
    listing: Listed,
    buyer_id: str,
    *,
    expires_at: dt.datetime,
    status: OfferStatus = OfferStatus.PENDING,
    amount: int = 8_000,
) -> uuid.UUID:
    """An offer written straight to the table (to have one already past its time)."""
    created = expires_at - dt.timedelta(hours=48)
    async with resources.db.unit_of_work(write=True) as session:
        row = Offer(
            product_id=listing.product_id, option_id=None, buyer_id=uuid.UUID(buyer_id),
            seller_id=listing.seller.dealer_id, currency="EUR", listed_price=10_000,
            amount=amount, counter_amount=None, status=status,
            created_at=min(created, utcnow()), updated_at=created, expires_at=expires_at,
        )  # fmt: skip
        session.add(row)
        await session.flush()
        return row.id


async def status_in_table(resources: Resources, offer_id: uuid.UUID | str) -> OfferStatus:
    async with resources.db.unit_of_work(write=False) as session:
        row = await session.get(Offer, uuid.UUID(str(offer_id)))
        assert row is not None
        return row.status
