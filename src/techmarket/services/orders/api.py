"""HTTP routes of checkout and orders."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status

from techmarket.core import events
from techmarket.core.dependencies import (
    CurrentPrincipal,
    ResourcesDep,
    SessionDep,
)
from techmarket.core.pagination import DEFAULT_LIMIT, MAX_LIMIT
from techmarket.core.resources import Resources
from techmarket.services.orders import (
    checkout,
    expiry,
    idempotency,
    quotes,
    service,
    shipping_hooks,
)
from techmarket.services.orders.errors import OrderNotFound
from techmarket.services.orders.models import Checkout, OrderStatus
from techmarket.services.orders.payment_hooks import subscriber
from techmarket.services.orders.schemas import (
    OrderCreate,
    OrderPage,
    OrderRead,
    PlacedOrders,
    Quote,
    QuoteRequest,
    SalePage,
    SaleRead,
    ShipmentCreate,
)
from techmarket.services.orders.views import order_read, sale_read
from techmarket.services.payments import client as payments
from techmarket.services.shipping import client as shipping

router = APIRouter(tags=["orders"])
Cursor = Annotated[str | None, Query(max_length=512)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


@router.post("/checkout/quote", operation_id="orders-quote")
async def quote(
    body: QuoteRequest, principal: CurrentPrincipal, session: SessionDep, resources: ResourcesDep
) -> Quote:
    return (await quotes.price(session, resources, principal.user_id, body)).quote


@router.post(
    "/orders",
    status_code=status.HTTP_201_CREATED,
    response_model=PlacedOrders,
    operation_id="orders-place",
    responses={402: {"description": "The card was declined"}, 409: {"description": "Sold out"}},
)
async def place_orders(
    body: OrderCreate,
    principal: CurrentPrincipal,
    resources: ResourcesDep,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
) -> Response:
    """One order per seller from the cart, paid at once; a retry with the same
    `Idempotency-Key` answers the first result and charges nothing twice."""
    claim = idempotency.Claim(
        scope="orders",
        user_id=principal.user_id,
        key=idempotency.checked_key(idempotency_key),
        request_hash=idempotency.request_hash(body.model_dump(mode="json")),
    )
    replay = await idempotency.begin(resources.db, claim)
    if replay is not None:
        return _json(replay.body, replay.status_code, replayed=True)
    status_code, payload = await checkout.place(resources, principal.user_id, body, claim)
    return _json(payload, status_code)


def _json(body: bytes, status_code: int, *, replayed: bool = False) -> Response:
    media = "application/problem+json" if status_code >= 400 else "application/json"
    headers = {"Idempotent-Replayed": "true"} if replayed else {}
    return Response(content=body, status_code=status_code, media_type=media, headers=headers)


@router.get("/checkouts/{checkout_id}", operation_id="orders-get-checkout")
async def get_checkout(
    checkout_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> PlacedOrders:
    """Where a checkout stands, e.g. on the page the buyer returns to after 3-D Secure."""
    found = await session.get(Checkout, checkout_id)
    if found is None or found.buyer_id != principal.user_id:
        raise OrderNotFound(f"You have no checkout {checkout_id}.")
    return await checkout.placed(session, checkout_id)


@router.get("/orders", operation_id="orders-list")
async def list_orders(
    principal: CurrentPrincipal,
    session: SessionDep,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> OrderPage:
    return await service.buyer_orders(session, principal, cursor, limit)


@router.get("/orders/{order_id}", operation_id="orders-get")
async def get_order(
    order_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep, resources: ResourcesDep
) -> OrderRead:
    order = await service.buyers_order(session, principal, order_id)
    return order_read(order, await shipping.shipment_of(session, resources, order.id))


@router.post("/orders/{order_id}/cancel", operation_id="orders-cancel")
async def cancel_order(
    order_id: uuid.UUID, principal: CurrentPrincipal, resources: ResourcesDep
) -> OrderRead:
    return order_read(await service.cancel(resources, principal, order_id))


@router.post("/orders/{order_id}/confirm-delivery", operation_id="orders-confirm-delivery")
async def confirm_delivery(
    order_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> OrderRead:
    return order_read(await service.confirm_delivery(session, principal, order_id))


@router.get("/sales", operation_id="orders-list-sales")
async def list_sales(
    principal: CurrentPrincipal,
    session: SessionDep,
    status: OrderStatus | None = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> SalePage:
    return await service.seller_sales(session, principal, status, cursor, limit)


@router.get("/sales/{order_id}", operation_id="orders-get-sale")
async def get_sale(
    order_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep, resources: ResourcesDep
) -> SaleRead:
    order = await service.sellers_order(session, principal, order_id)
    return sale_read(order, await shipping.shipment_of(session, resources, order.id))


@router.post(
    "/sales/{order_id}/ship",
    operation_id="orders-ship",
    responses={422: {"description": "Unknown carrier or a tracking number of the wrong format"}},
)
async def ship(
    order_id: uuid.UUID,
    principal: CurrentPrincipal,
    session: SessionDep,
    resources: ResourcesDep,
    body: ShipmentCreate | None = None,
) -> SaleRead:
    """Buy a label (`{}` or `{service}`), or record another carrier's number
    (`{carrier, tracking_number}`); the order becomes shipped."""
    order, shipment = await service.ship(
        session, resources, principal, order_id, body or ShipmentCreate()
    )
    return sale_read(order, shipment)


async def on_startup(resources: Resources) -> None:
    """Settle checkouts when their payment settles; sweep expired reservations; a delivered
    parcel starts the inspection window."""
    payments.subscribe(subscriber(resources))
    events.subscribe(shipping.ShipmentUpdated, shipping_hooks.on_shipment_updated)
    expiry.start(resources)


from techmarket.services.orders import api_disputes  # noqa: E402 (routes of their own file)

router.include_router(api_disputes.router)
