"""The one place that says how an order's status may change (an illegal move is a 409).

pending_payment -> paid -> shipped -> delivered -> completed
pending_payment -> cancelled (declined payment, expired reservation, buyer)
paid            -> cancelled (before shipping: refunded and restocked)
shipped, delivered -> disputed -> completed | refunded
delivered -> refunded (a decision in the buyer's favour after return)
"""

from __future__ import annotations

import datetime as dt
import uuid

from techmarket.core.clock import utcnow
from techmarket.core.errors import Conflict
from techmarket.services.orders.models import Order, OrderEvent, OrderStatus

S = OrderStatus
ALLOWED: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.PENDING_PAYMENT: frozenset({S.PAID, S.CANCELLED}),
    S.PAID: frozenset({S.SHIPPED, S.CANCELLED}),
    S.SHIPPED: frozenset({S.DELIVERED, S.DISPUTED}),
    S.DELIVERED: frozenset({S.COMPLETED, S.DISPUTED, S.REFUNDED}),
    S.DISPUTED: frozenset({S.COMPLETED, S.REFUNDED}),
    S.COMPLETED: frozenset(),
    S.CANCELLED: frozenset(),
    S.REFUNDED: frozenset(),
}
_STAMPS = {
    S.PAID: "paid_at",
    S.SHIPPED: "shipped_at",
    S.DELIVERED: "delivered_at",
    S.COMPLETED: "completed_at",
    S.CANCELLED: "cancelled_at",
}


class IllegalTransition(Conflict):
    code, title = "illegal-transition", "The order cannot do that now"


def can(order: Order, to: OrderStatus) -> bool:
    return to in ALLOWED[order.status]


def move(
    order: Order,
    to: OrderStatus,
    *,
    actor_id: uuid.UUID | None = None,
    note: str = "",
    at: dt.datetime | None = None,
) -> OrderEvent:
    """Change the status, stamp the time and add a timeline event; or refuse with a 409."""
    if not can(order, to):
        raise IllegalTransition(
            f"An order that is {order.status.value.replace('_', ' ')} cannot become "
            f"{to.value.replace('_', ' ')}."
        )
    when = at or utcnow()
    order.status = to
    if (stamp := _STAMPS.get(to)) is not None:
        setattr(order, stamp, when)
    event = OrderEvent(order_id=order.id, status=to, note=note, actor_id=actor_id, at=when)
    order.events.append(event)
    return event
