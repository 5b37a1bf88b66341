"""Shipment events of the shipping service, told to the people they concern.

The first news of a parcel (its label, or for another carrier's number its first scan) tells
the buyer it shipped, with the tracking link; out for delivery and delivered
tell the buyer; a delivery exception or a return to the sender tells the buyer, the seller and
support. Event keys name the order and the step, so a repeated or late webhook tells no one
twice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core import events
from techmarket.services.notifications.kinds import NotificationKind
from techmarket.services.notifications.recipients import (
    notify_store,
    notify_support,
    store_owner,
)
from techmarket.services.notifications.service import notify
from techmarket.services.shipping import client as shipping

ON_ITS_WAY = frozenset({"label_created", "picked_up", "in_transit"})
PROBLEMS = frozenset({"delivery_exception", "returned_to_sender"})


class ShipmentFacts(Protocol):
    """The fields of `shipping.ShipmentUpdated` this module reads (seller_id is the store)."""

    @property
    def order_id(self) -> uuid.UUID: ...
    @property
    def buyer_id(self) -> uuid.UUID: ...
    @property
    def seller_id(self) -> uuid.UUID: ...
    @property
    def status(self) -> str: ...
    @property
    def tracking_number(self) -> str: ...
    @property
    def tracking_url(self) -> str | None: ...
    @property
    def occurred_at(self) -> dt.datetime: ...


async def on_shipment_updated(session: AsyncSession, event: ShipmentFacts) -> None:
    status = str(getattr(event.status, "value", event.status))
    facts: dict[str, Any] = {
        "order_id": str(event.order_id),
        "status": status,
        "tracking_number": event.tracking_number,
        "tracking_url": event.tracking_url,
        "carrier": getattr(event, "carrier", None),
    }
    order = f"order:{event.order_id}"
    if status in ON_ITS_WAY:
        await notify(
            session, user_id=event.buyer_id, kind=NotificationKind.ORDER_SHIPPED,
            event_key=f"{order}:shipped", context=facts,
        )  # fmt: skip
    elif status == "out_for_delivery":
        await notify(
            session, user_id=event.buyer_id, kind=NotificationKind.OUT_FOR_DELIVERY,
            event_key=f"{order}:out_for_delivery", context=facts,
        )  # fmt: skip
    elif status == "delivered":
        await notify(
            session, user_id=event.buyer_id, kind=NotificationKind.DELIVERED,
            event_key=f"{order}:delivered", context=facts,
        )  # fmt: skip
    elif status in PROBLEMS:
        await _tell_problem(session, event, facts, f"{order}:{status}")


async def _tell_problem(
    session: AsyncSession, event: ShipmentFacts, facts: dict[str, Any], key: str
) -> None:
    kind = NotificationKind.DELIVERY_PROBLEM
    await notify(
        session, user_id=event.buyer_id, kind=kind, event_key=key,
        context={**facts, "role": "buyer"},
    )  # fmt: skip
    await notify_store(
        session, store_id=event.seller_id, kind=kind, event_key=key,
        context={**facts, "role": "seller"},
    )  # fmt: skip
    parties = frozenset(
        {event.buyer_id}
        | ({owner} if (owner := await store_owner(session, event.seller_id)) else set())
    )
    await notify_support(
        session, kind=kind, event_key=key, context={**facts, "role": "support"}, skip=parties
    )


def subscribe() -> None:
    """Listen to the shipping service's `ShipmentUpdated` (published in the webhook's
    transaction, so the notifications commit with the new status)."""
    events.subscribe(shipping.ShipmentUpdated, on_shipment_updated)
