"""Notifying in a unit of work of its own, reading what was written, and mailers to watch."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from techmarket.core.clock import utcnow
from techmarket.core.mail import OutgoingEmail
from techmarket.core.resources import Resources
from techmarket.services.notifications import client as notifications
from techmarket.services.notifications.models import EmailOutbox, Notification, OutboxStatus

Kind = notifications.NotificationKind


def price_drop(title: str = "Pixel 9 Pro", price: int = 45_000) -> dict[str, Any]:
    return {
        "product_id": str(uuid.uuid4()),
        "title": title,
        "price": price,
        "old_price": 50_000,
        "currency": "EUR",
    }


@dataclass(frozen=True)
class Shipped:
    """The fields of the shipping service's `ShipmentUpdated` the hook reads."""

    order_id: uuid.UUID
    shipment_id: uuid.UUID
    buyer_id: uuid.UUID
    seller_id: uuid.UUID
    status: str
    previous_status: str | None
    tracking_number: str
    tracking_url: str | None
    occurred_at: dt.datetime


async def tell(
    resources: Resources,
    user_id: uuid.UUID | str,
    kind: notifications.NotificationKind = Kind.PRICE_DROP,
    key: str | None = None,
    context: Mapping[str, Any] | None = None,
) -> notifications.NotificationRead | None:
    async with resources.db.unit_of_work(write=True) as session:
        return await notifications.notify(
            session,
            user_id=uuid.UUID(str(user_id)),
            kind=kind,
            event_key=key or f"test:{uuid.uuid4()}",
            context=context if context is not None else price_drop(),
        )


async def emails_of(resources: Resources, user_id: uuid.UUID | str) -> list[EmailOutbox]:
    async with resources.db.unit_of_work(write=False) as session:
        rows = await session.scalars(
            select(EmailOutbox)
            .where(EmailOutbox.user_id == uuid.UUID(str(user_id)))
            .order_by(EmailOutbox.created_at)
        )
        return list(rows)


async def notifications_of(resources: Resources, user_id: uuid.UUID | str) -> list[Notification]:
    async with resources.db.unit_of_work(write=False) as session:
        rows = await session.scalars(
            select(Notification)
            .where(Notification.user_id == uuid.UUID(str(user_id)))
            .order_by(Notification.created_at)
        )
        return list(rows)


async def settled(resources: Resources, user_id: uuid.UUID | str) -> list[EmailOutbox]:
    """The user's emails once no sender holds one and none is due (the background sender may
    be sending while the test looks)."""
    async with asyncio.timeout(10):
        while True:
            rows = await emails_of(resources, user_id)
            now = utcnow()
            busy = [
                row
                for row in rows
                if row.status == OutboxStatus.SENDING
                or (row.status == OutboxStatus.PENDING and row.next_attempt_at <= now)
            ]
            if not busy:
                return rows
            await asyncio.sleep(0.02)


class RecordingMailer:
    """Keeps what it is given; `pause` makes each send take a while (to let senders race)."""

    def __init__(self, pause: float = 0.0) -> None:
        self.sent: list[OutgoingEmail] = []
        self.pause = pause

    async def send(self, message: OutgoingEmail) -> None:
        if self.pause:
            await asyncio.sleep(self.pause)
        self.sent.append(message)

    def to(self, address: str) -> list[OutgoingEmail]:
        """What went to `address`, but the sign-up's verification email (sent by auth)."""
        return [
            message
            for message in self.sent
            if message.to == address and not message.subject.startswith("Confirm your email")
        ]


def later(seconds: float) -> dt.datetime:
    return utcnow() + dt.timedelta(seconds=seconds)
