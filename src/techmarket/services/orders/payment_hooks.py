"""What a settled payment does to its checkout, in the transaction that recorded it.

Paid: the orders become `paid`, their listings sold (or still on sale if stock remains), the
buyer's cart loses the lines bought. Failed or voided: the stock goes back on sale and the
pending orders are dropped (the checkout stays, `failed`, for the record). A settlement of a
checkout no longer pending changes nothing, so a repeated event is harmless.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from techmarket.core.resources import Resources
from techmarket.services.cart import client as cart
from techmarket.services.catalog import client as catalog
from techmarket.services.orders import receipts, state_machine
from techmarket.services.orders.models import Checkout, CheckoutStatus, Order, OrderStatus
from techmarket.services.payments import client as payments


async def pending(session: AsyncSession, checkout_id: object) -> Checkout | None:
    checkout = await session.scalar(
        select(Checkout)
        .where(Checkout.id == checkout_id)
        .options(
            selectinload(Checkout.orders).selectinload(Order.items),
            selectinload(Checkout.orders).selectinload(Order.events),
        )
    )
    if checkout is None or checkout.status != CheckoutStatus.PENDING_PAYMENT:
        return None
    return checkout


async def mark_paid(session: AsyncSession, resources: Resources, checkout: Checkout) -> None:
    checkout.status = CheckoutStatus.PAID
    bought = []
    for order in checkout.orders:
        state_machine.move(order, OrderStatus.PAID, note="Payment received")
        for item in order.items:
            await catalog.confirm_sold(session, item.product_id)
            bought.append((item.product_id, item.option_id))
    await cart.remove_ordered(session, checkout.buyer_id, bought)
    await receipts.tell_paid(session, checkout)
    catalog.forget_after_commit(session, resources.cache, [p for p, _ in bought])
    await session.flush()


async def release(
    session: AsyncSession, resources: Resources, checkout: Checkout, status: CheckoutStatus
) -> None:
    """Give the reserved stock back and drop the unpaid orders."""
    checkout.status = status
    released = []
    for order in checkout.orders:
        for item in order.items:
            await catalog.release(session, item.product_id, item.option_id, item.quantity)
            released.append(item.product_id)
        await session.delete(order)
    catalog.forget_after_commit(session, resources.cache, released)
    await session.flush()


def subscriber(resources: Resources) -> payments.Subscriber:
    async def on_settled(session: AsyncSession, event: payments.PaymentSettled) -> None:
        checkout = await pending(session, event.checkout_id)
        if checkout is None:
            return
        checkout.payment_id = event.payment_id
        if event.outcome == payments.Settlement.PAID:
            await mark_paid(session, resources, checkout)
        else:
            await release(session, resources, checkout, CheckoutStatus.FAILED)

    return on_settled
