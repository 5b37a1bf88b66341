"""Placing orders: one checkout, one payment, one order per seller; all or nothing.

1. The cart is priced (`quotes.price`); a cart that changed since it was filled is refused.
2. In one write transaction every line's stock is reserved by a conditional update (the last
   unit goes to one buyer; the loser gets 409 and nothing is kept), and the checkout and its
   orders are written as `pending_payment`, reserved for 15 minutes.
3. The processor is asked to charge the total (outside any transaction, idempotent by the
   buyer's key). Its answer settles the orders through `payment_hooks`: paid (the cart's lines
   are emptied), or declined (the reservation is released, the orders are dropped, 402), or
   waiting for a 3-D Secure challenge (the webhook settles it later).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import orjson
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from techmarket.core.clock import utcnow
from techmarket.core.errors import AppError, problem_body
from techmarket.core.resources import Resources
from techmarket.services.catalog import client as catalog
from techmarket.services.orders import idempotency, payment_hooks, quotes
from techmarket.services.orders.errors import OutOfStock, PaymentDeclined
from techmarket.services.orders.models import (
    Checkout,
    CheckoutStatus,
    Order,
    OrderEvent,
    OrderItem,
    OrderStatus,
)
from techmarket.services.orders.schemas import CheckoutRead, NextAction, OrderCreate, PlacedOrders
from techmarket.services.orders.views import order_read
from techmarket.services.payments import client as payments

RESERVATION = dt.timedelta(minutes=15)


def platform_fee(items_total: int, percent: Decimal) -> int:
    """The platform's share of the items (shipping goes to the seller whole), rounded half up."""
    return int((Decimal(items_total) * percent / 100).quantize(Decimal(1), ROUND_HALF_UP))


@dataclass(frozen=True)
class Reserved:
    checkout_id: uuid.UUID
    total: int
    currency: str
    method_token: str


async def reserve(
    session: AsyncSession,
    resources: Resources,
    buyer_id: uuid.UUID,
    body: OrderCreate,
) -> Reserved:
    """Steps 1 and 2: stock taken and pending orders written, in the caller's transaction."""
    method = await payments.owned_method(session, buyer_id, body.payment_method_id)
    priced = await quotes.price(session, resources, buyer_id, body)
    for line in priced.lines:
        if not await catalog.reserve(session, line.product_id, line.option_id, line.quantity):
            title = line.purchasable.title if line.purchasable else str(line.product_id)
            raise OutOfStock(
                f"“{title}” sold out a moment ago: another buyer took the last "
                f"{'unit' if line.quantity == 1 else 'units'}. Nothing was charged.",
                errors=[{"field": f"cart.{line.line_id}", "in": "body", "message": "sold out"}],
            )
    now = utcnow()
    quote = priced.quote
    checkout = Checkout(
        id=uuid.uuid4(),
        buyer_id=buyer_id,
        status=CheckoutStatus.PENDING_PAYMENT,
        currency=quote.currency,
        total=quote.total,
        shipping_address=orjson.dumps(priced.address.model_dump()).decode(),
        shipping_country=priced.address.country,
        reservation_expires_at=now + RESERVATION,
        created_at=now,
        orders=[],
    )
    session.add(checkout)
    fee_percent = resources.settings.platform_fee_percent
    for seller in quote.sellers:
        order = Order(
            id=uuid.uuid4(),
            checkout_id=checkout.id,
            buyer_id=buyer_id,
            seller_id=seller.seller_id,
            seller_name=seller.store_name,
            status=OrderStatus.PENDING_PAYMENT,
            currency=quote.currency,
            items_total=seller.items_total,
            shipping_total=seller.shipping,
            shipping_service=seller.shipping_service,
            platform_fee=platform_fee(seller.items_total, fee_percent),
            total=seller.total,
            refunded_total=0,
            created_at=now,
            items=[
                OrderItem(
                    product_id=item.product_id,
                    option_id=item.option_id,
                    title=item.title,
                    option_name=item.option_name,
                    quantity=item.quantity,
                    unit_price=item.unit_price,
                    position=position,
                )
                for position, item in enumerate(seller.items)
            ],
            events=[OrderEvent(status=OrderStatus.PENDING_PAYMENT, note="Order placed", at=now)],
        )
        session.add(order)
    await session.flush()
    return Reserved(checkout.id, checkout.total, checkout.currency, method.token)


async def place(
    resources: Resources, buyer_id: uuid.UUID, body: OrderCreate, claim: idempotency.Claim
) -> tuple[int, bytes]:
    """The whole of `POST /orders` after the key is claimed: reserve, charge, answer. The
    answer (or an answered refusal) is stored for the key; an unexpected failure frees it."""
    try:
        async with resources.db.unit_of_work(write=True) as session:
            reserved = await reserve(session, resources, buyer_id, body)
        try:
            outcome = await payments.charge(
                resources,
                checkout_id=reserved.checkout_id,
                buyer_id=buyer_id,
                method_id=body.payment_method_id,
                token=reserved.method_token,
                amount=reserved.total,
                currency=reserved.currency,
                idempotency_key=f"{buyer_id}:{claim.key}",
                return_url=_return_url(resources, body.return_url, reserved.checkout_id),
            )
        except AppError as error:
            if not isinstance(error, payments.PaymentProviderError):
                await abandon(resources, reserved.checkout_id)  # refused outright: nothing held
            raise
        async with resources.db.unit_of_work(write=True) as session:
            checkout = await _with_orders(session, reserved.checkout_id)
            checkout.payment_id = outcome.payment_id
            if outcome.status == "declined":
                status, payload = 402, _problem(_declined(outcome.decline_reason))
            else:
                answer = _answer(checkout, outcome.action_url)
                status, payload = 201, answer.model_dump_json().encode()
            await idempotency.finish(session, claim, status, payload)
        return status, payload
    except AppError as error:
        await idempotency.finish_apart(resources.db, claim, error.status, _problem(error))
        raise
    except BaseException:
        await idempotency.release(resources.db, claim)
        raise


def _declined(reason: str | None) -> PaymentDeclined:
    return PaymentDeclined(
        _decline_message(reason),
        errors=[{"field": "payment_method_id", "in": "body", "message": "declined"}],
    )


def _problem(error: AppError) -> bytes:
    return problem_body(
        error.status, code=error.code, title=error.title, detail=error.detail,
        errors=error.errors, instance="/api/v1/orders",
    )  # fmt: skip


def _return_url(resources: Resources, path: str | None, checkout_id: uuid.UUID) -> str:
    base = resources.settings.base_url.rstrip("/")
    return f"{base}{path or '/account/orders'}?checkout={checkout_id}"


def _decline_message(reason: str | None) -> str:
    why = {
        "card_declined": "the bank declined the card",
        "insufficient_funds": "the card has insufficient funds",
        "authentication_failed": "the 3-D Secure check was not passed",
        "expired_card": "the card has expired",
    }.get(reason or "", "the payment was refused")
    return f"Payment failed: {why}. Nothing was charged and the items are back on sale."


async def placed(
    session: AsyncSession, checkout_id: uuid.UUID, action_url: str | None = None
) -> PlacedOrders:
    return _answer(await _with_orders(session, checkout_id), action_url)


async def _with_orders(session: AsyncSession, checkout_id: uuid.UUID) -> Checkout:
    checkout = await session.scalar(
        select(Checkout)
        .where(Checkout.id == checkout_id)
        .options(
            selectinload(Checkout.orders).selectinload(Order.items),
            selectinload(Checkout.orders).selectinload(Order.events),
        )
    )
    assert checkout is not None
    return checkout


def _answer(checkout: Checkout, action_url: str | None) -> PlacedOrders:
    next_action = None
    if checkout.status == CheckoutStatus.PENDING_PAYMENT and action_url:
        next_action = NextAction(url=action_url)
    return PlacedOrders(
        checkout=CheckoutRead(
            id=checkout.id,
            status=checkout.status,
            currency=checkout.currency,
            total=checkout.total,
            next_action=next_action,
            reservation_expires_at=checkout.reservation_expires_at,
        ),
        orders=[
            order_read(order) for order in sorted(checkout.orders, key=lambda o: o.seller_name)
        ],
    )


async def abandon(resources: Resources, checkout_id: uuid.UUID) -> None:
    """The processor refused the request itself (not a decline): give the stock back now."""
    async with resources.db.unit_of_work(write=True) as session:
        pending = await payment_hooks.pending(session, checkout_id)
        if pending is not None:
            await payment_hooks.release(session, resources, pending, CheckoutStatus.FAILED)
