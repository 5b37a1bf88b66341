"""What the payments service tells others when a checkout's payment settles.

In process, subscribers are called inside the transaction that recorded the settlement, so
the order and the payment change together. (A split deployment would publish the same events
on a queue.)
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession


class Settlement(enum.StrEnum):
    PAID = "paid"  # captured: the money is in escrow
    FAILED = "failed"  # declined, or the 3-D Secure challenge failed
    CANCELLED = "cancelled"  # the authorization was voided


@dataclass(frozen=True)
class PaymentSettled:
    checkout_id: uuid.UUID
    payment_id: uuid.UUID
    outcome: Settlement
    reason: str | None = None


Subscriber = Callable[[AsyncSession, PaymentSettled], Awaitable[None]]
_subscribers: list[Subscriber] = []


def subscribe(subscriber: Subscriber) -> None:
    if subscriber not in _subscribers:
        _subscribers.append(subscriber)


async def publish(session: AsyncSession, event: PaymentSettled) -> None:
    for subscriber in _subscribers:
        await subscriber(session, event)
