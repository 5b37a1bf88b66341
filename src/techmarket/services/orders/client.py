"""What other services may call on the orders service (in process, for now)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.services.orders.models import Order, OrderStatus

IN_ESCROW = (OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.DISPUTED)


async def seller_pending(session: AsyncSession, seller_id: uuid.UUID) -> dict[str, int]:
    """What the seller's paid, unfinished orders will bring them once released, by currency."""
    rows = await session.execute(
        select(
            Order.currency,
            func.sum(Order.total - Order.platform_fee - Order.refunded_total),
        )
        .where(Order.seller_id == seller_id, Order.status.in_(IN_ESCROW))
        .group_by(Order.currency)
    )
    return {currency: int(amount or 0) for currency, amount in rows}


__all__ = ["seller_pending"]
