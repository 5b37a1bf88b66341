"""What the orders service tells people, through the notifications service, in the transaction
that decided it: the buyer's receipt once a checkout is paid (`order_paid`, one email), each
seller's new order to ship (`order_placed`), and the buyer's review request on completion."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.services.notifications import client as notifications
from techmarket.services.orders.models import Checkout, Order, OrderItem

Kind = notifications.NotificationKind


def receipt_facts(checkout: Checkout) -> dict[str, Any]:
    """The receipt's facts for the `order_paid` templates (orders and items loaded)."""
    return {
        "checkout_id": str(checkout.id),
        "total": checkout.total,
        "currency": checkout.currency,
        "orders": [
            {
                "id": str(order.id),
                "seller_name": order.seller_name,
                "shipping_total": order.shipping_total,
                "total": order.total,
                "items": [
                    {
                        "quantity": item.quantity,
                        "title": item.title,
                        "option_name": item.option_name,
                        "amount": item.unit_price * item.quantity,
                    }
                    for item in order.items
                ],
            }
            for order in sorted(checkout.orders, key=lambda o: o.seller_name)
        ],
    }


async def tell_paid(session: AsyncSession, checkout: Checkout) -> None:
    """The buyer's receipt and, for each seller, the order to ship."""
    await notifications.notify(
        session, user_id=checkout.buyer_id, kind=Kind.ORDER_PAID,
        event_key=f"checkout:{checkout.id}:paid", context=receipt_facts(checkout),
    )  # fmt: skip
    for order in checkout.orders:
        items = [
            {"quantity": i.quantity, "title": i.title, "option_name": i.option_name}
            for i in order.items
        ]
        await notifications.notify_store(
            session, store_id=order.seller_id, kind=Kind.ORDER_PLACED,
            event_key=f"order:{order.id}:placed",
            context={"order_id": str(order.id), "total": order.total,
                     "currency": order.currency, "items": items},
        )  # fmt: skip


async def tell_completed(session: AsyncSession, order: Order) -> None:
    """Ask the buyer for a review once the order is completed (the money went to the seller)."""
    items = await session.scalars(
        select(OrderItem).where(OrderItem.order_id == order.id).order_by(OrderItem.position)
    )
    await notifications.notify(
        session, user_id=order.buyer_id, kind=Kind.REVIEW_REQUEST,
        event_key=f"order:{order.id}:review_request",
        context={"order_id": str(order.id), "seller_name": order.seller_name,
                 "items": [{"product_id": str(i.product_id), "title": i.title} for i in items]},
    )  # fmt: skip
