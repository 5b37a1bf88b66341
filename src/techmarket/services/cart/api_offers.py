"""HTTP routes of offers: signed-in buyers and sellers, their own offers only (see offers.py).

`POST /products/{id}/offers` is the cart service's although `/products` is the catalog's
prefix: a split deployment routes it by pattern (docs/api.md, Offers).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, status

from techmarket.core.dependencies import CurrentPrincipal, SessionDep, StorageDep
from techmarket.core.pagination import DEFAULT_LIMIT, MAX_LIMIT
from techmarket.services.cart import offers
from techmarket.services.cart.models import OfferStatus
from techmarket.services.cart.offer_schemas import (
    OfferCounter,
    OfferCreate,
    OfferMove,
    OfferPage,
    OfferRead,
    OfferRole,
)

router = APIRouter(tags=["offers"])
Cursor = Annotated[str | None, Query(max_length=512)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]

_CONFLICTS: dict[int | str, dict[str, Any]] = {
    409: {"description": "Not this party's move in this status, the offer is closed, or the "
          "listing cannot be bought any more"},
}  # fmt: skip


@router.post(
    "/products/{product_id}/offers",
    status_code=status.HTTP_201_CREATED,
    operation_id="offers-make",
    responses={409: {"description": "Your own listing, or an offer of yours is already open"}},
)
async def make_offer(
    product_id: uuid.UUID,
    body: OfferCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    storage: StorageDep,
) -> OfferRead:
    """Offer a price for a listing: below its price and at least half of it."""
    return await offers.make(session, storage, principal.user_id, product_id, body)


@router.get("/offers", operation_id="offers-list")
async def list_offers(
    principal: CurrentPrincipal,
    session: SessionDep,
    storage: StorageDep,
    role: OfferRole = OfferRole.BUYER,
    status: OfferStatus | None = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> OfferPage:
    """The offers the caller made (`role=buyer`) or received as a seller (`role=seller`)."""
    return await offers.page(session, storage, principal.user_id, role, status, cursor, limit)


@router.get("/offers/{offer_id}", operation_id="offers-get")
async def get_offer(
    offer_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep, storage: StorageDep
) -> OfferRead:
    return await offers.read_one(session, storage, principal.user_id, offer_id)


@router.post("/offers/{offer_id}/accept", operation_id="offers-accept", responses=_CONFLICTS)
async def accept_offer(
    offer_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep, storage: StorageDep
) -> OfferRead:
    """The seller accepts a pending offer, or the buyer accepts the seller's counter: the
    listing goes into the buyer's cart at that price."""
    return await offers.move(session, storage, principal.user_id, offer_id, OfferMove.ACCEPT)


@router.post("/offers/{offer_id}/decline", operation_id="offers-decline", responses=_CONFLICTS)
async def decline_offer(
    offer_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep, storage: StorageDep
) -> OfferRead:
    """The seller declines a pending offer, or the buyer declines the seller's counter."""
    return await offers.move(session, storage, principal.user_id, offer_id, OfferMove.DECLINE)


@router.post("/offers/{offer_id}/counter", operation_id="offers-counter", responses=_CONFLICTS)
async def counter_offer(
    offer_id: uuid.UUID,
    body: OfferCounter,
    principal: CurrentPrincipal,
    session: SessionDep,
    storage: StorageDep,
) -> OfferRead:
    """The seller answers a pending offer with a price between it and the listed price."""
    return await offers.move(
        session, storage, principal.user_id, offer_id, OfferMove.COUNTER, body.amount
    )


@router.post("/offers/{offer_id}/withdraw", operation_id="offers-withdraw", responses=_CONFLICTS)
async def withdraw_offer(
    offer_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep, storage: StorageDep
) -> OfferRead:
    """The buyer takes back a pending offer."""
    return await offers.move(session, storage, principal.user_id, offer_id, OfferMove.WITHDRAW)
