"""What a shipment's news does to its order, in the transaction that recorded the news.

Delivered starts the buyer's inspection window (the order completes, and its escrow is
released, when the window ends or the buyer confirms). Only a shipped order moves: one the buyer
already confirmed, or one in dispute, stays as it is, so a late or repeated event is harmless.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from techmarket.services.orders import service
from techmarket.services.orders.models import Order, OrderStatus
from techmarket.services.shipping import client as shipping


async def on_shipment_updated(session: AsyncSession, event: shipping.ShipmentUpdated) -> None:
    if event.status != "delivered":
        return
    order = await session.scalar(
        select(Order)
        .where(Order.id == event.order_id)
        .options(selectinload(Order.events))
        .with_for_update()
    )
    if order is None or order.status != OrderStatus.SHIPPED:
        return
    service.start_inspection(order, at=event.occurred_at)
    await session.flush()
