"""Orders after checkout: the buyer's and the seller's lists, shipping, cancelling, delivery.

Money follows the status: cancelling a paid order refunds it from escrow and puts the stock
back; confirming delivery (or the end of the inspection window) completes the order and
releases its escrow to the seller, less the platform fee.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from techmarket.core.clock import utcnow
from techmarket.core.pagination import cut_page, newest_first
from techmarket.core.resources import Resources
from techmarket.core.security.principal import Principal
from techmarket.services.catalog import client as catalog
from techmarket.services.orders import receipts, shipment_requests, state_machine
from techmarket.services.orders.errors import OrderNotFound
from techmarket.services.orders.models import Checkout, Order, OrderStatus
from techmarket.services.orders.schemas import OrderPage, SalePage, ShipmentCreate
from techmarket.services.orders.views import order_read, sale_read
from techmarket.services.payments import client as payments
from techmarket.services.shipping import client as shipping
from techmarket.services.users import client as users

INSPECTION_WINDOW = dt.timedelta(days=3)


def _with_details(query: Select[Order]) -> Select[Order]:
    return query.options(
        selectinload(Order.items), selectinload(Order.events), selectinload(Order.checkout)
    )


async def _store_of(session: AsyncSession, principal: Principal) -> uuid.UUID | None:
    dealer = await users.get_dealer_of_user(session, principal.user_id)
    return dealer.id if dealer else None


async def _page(
    session: AsyncSession, query: Select[Order], cursor: str | None, limit: int
) -> tuple[list[Order], str | None]:
    statement = newest_first(_with_details(query), Order.created_at, Order.id, cursor, limit)
    rows = list((await session.scalars(statement)).unique())
    return cut_page(rows, limit, lambda order: (order.created_at, order.id))


async def buyer_orders(
    session: AsyncSession, principal: Principal, cursor: str | None, limit: int
) -> OrderPage:
    rows, next_cursor = await _page(
        session, select(Order).where(Order.buyer_id == principal.user_id), cursor, limit
    )
    return OrderPage(items=[order_read(o) for o in rows], next_cursor=next_cursor)


async def seller_sales(
    session: AsyncSession,
    principal: Principal,
    status: OrderStatus | None,
    cursor: str | None,
    limit: int,
) -> SalePage:
    store = await _store_of(session, principal)
    if store is None:
        return SalePage(items=[], next_cursor=None)
    query = select(Order).where(
        Order.seller_id == store, Order.status != OrderStatus.PENDING_PAYMENT
    )
    if status is not None:
        query = query.where(Order.status == status)
    rows, next_cursor = await _page(session, query, cursor, limit)
    return SalePage(items=[sale_read(o) for o in rows], next_cursor=next_cursor)


async def _load(session: AsyncSession, order_id: uuid.UUID) -> Order | None:
    return await session.scalar(_with_details(select(Order).where(Order.id == order_id)))


async def buyers_order(session: AsyncSession, principal: Principal, order_id: uuid.UUID) -> Order:
    order = await _load(session, order_id)
    if order is None or order.buyer_id != principal.user_id:
        raise OrderNotFound(f"You have no order {order_id}.")
    return order


async def sellers_order(session: AsyncSession, principal: Principal, order_id: uuid.UUID) -> Order:
    order = await _load(session, order_id)
    store = await _store_of(session, principal)
    if order is None or store is None or order.seller_id != store:
        raise OrderNotFound(f"You have no sale {order_id}.")
    if order.status == OrderStatus.PENDING_PAYMENT:
        raise OrderNotFound(f"You have no sale {order_id} yet: it is not paid.")
    return order


async def ship(
    session: AsyncSession,
    resources: Resources,
    principal: Principal,
    order_id: uuid.UUID,
    body: ShipmentCreate,
) -> tuple[Order, shipping.ShipmentRead]:
    """The seller buys a label (the service level the buyer paid for, unless they name
    another) or gives another carrier's number; either way the order is shipped."""
    order = await sellers_order(session, principal, order_id)
    if not state_machine.can(order, OrderStatus.SHIPPED):
        raise state_machine.IllegalTransition(
            f"An order that is {order.status.value.replace('_', ' ')} cannot be shipped."
        )
    request = await shipment_requests.request_for(session, resources.storage, order, body)
    shipment = await shipping.create_shipment(session, resources, request)
    note = f"Shipped with {shipment.carrier}, tracking number {shipment.tracking_number}"
    state_machine.move(order, OrderStatus.SHIPPED, actor_id=principal.user_id, note=note)
    await session.flush()
    return order, shipment


async def cancel(resources: Resources, principal: Principal, order_id: uuid.UUID) -> Order:
    """Before shipping the buyer may cancel: the stock goes back on sale, a paid order is
    refunded in full. A cancelled order whose refund failed half-way is refunded on a retry."""
    async with resources.db.unit_of_work(write=True) as session:
        order = await buyers_order(session, principal, order_id)
        was_paid = order.paid_at is not None
        if order.status != OrderStatus.CANCELLED:
            if order.status == OrderStatus.PENDING_PAYMENT:
                raise state_machine.IllegalTransition(
                    "This order is waiting for its payment; it is cancelled by itself if the "
                    "payment does not arrive within 15 minutes."
                )
            state_machine.move(
                order, OrderStatus.CANCELLED, actor_id=principal.user_id,
                note="Cancelled by the buyer" + (", refund on its way" if was_paid else ""),
            )  # fmt: skip
            for item in order.items:
                await catalog.release(session, item.product_id, item.option_id, item.quantity)
            catalog.forget_after_commit(
                session, resources.cache, [item.product_id for item in order.items]
            )
        to_refund = order.total - order.refunded_total if was_paid else 0
        payment_id = (await session.get(Checkout, order.checkout_id)).payment_id  # type: ignore[union-attr]
    if to_refund > 0 and payment_id is not None:
        await payments.refund(
            resources, payment_id=payment_id, amount=to_refund, reference=f"cancel:{order_id}"
        )
        async with resources.db.unit_of_work(write=True) as session:
            order = await buyers_order(session, principal, order_id)
            order.refunded_total = order.total
    async with resources.db.unit_of_work(write=False) as session:
        return await buyers_order(session, principal, order_id)


async def confirm_delivery(
    session: AsyncSession, principal: Principal, order_id: uuid.UUID
) -> Order:
    """The buyer has the parcel and is happy: the order completes, the seller gets paid."""
    order = await buyers_order(session, principal, order_id)
    if order.status == OrderStatus.DISPUTED:
        raise state_machine.IllegalTransition(
            "This order is in dispute: an admin's decision will settle it."
        )
    if order.status == OrderStatus.SHIPPED:
        state_machine.move(order, OrderStatus.DELIVERED, actor_id=principal.user_id,
                           note="Delivery confirmed by the buyer")  # fmt: skip
    await complete(session, order, note="Completed: the buyer confirmed delivery")
    return order


async def complete(session: AsyncSession, order: Order, *, note: str) -> None:
    """Release the order's escrow to its seller, less the platform fee."""
    state_machine.move(order, OrderStatus.COMPLETED, note=note)
    await receipts.tell_completed(session, order)
    await payments.record_release(
        session, order.id, order.seller_id, order.total - order.refunded_total,
        min(order.platform_fee, order.total - order.refunded_total), order.currency,
    )  # fmt: skip
    await session.flush()


async def complete_inspected(session: AsyncSession, now: dt.datetime | None = None) -> int:
    """Delivered orders whose inspection window ended without a dispute complete themselves."""
    due = await session.scalars(
        _with_details(
            select(Order).where(
                Order.status == OrderStatus.DELIVERED, Order.inspection_ends_at <= (now or utcnow())
            )
        )
    )
    count = 0
    for order in due.unique():
        await complete(session, order, note="Completed: the inspection window ended")
        count += 1
    return count


def start_inspection(order: Order, at: dt.datetime | None = None) -> None:
    """Delivered (by the carrier, issue 6): the buyer has three days to open a dispute."""
    state_machine.move(order, OrderStatus.DELIVERED, note="Delivered", at=at)
    order.inspection_ends_at = (at or utcnow()) + INSPECTION_WINDOW
