"""Things that happened (`shipment.delivered`, `order.shipped`), told to the services that care.

In process, each subscriber runs inside the transaction that decided the change, so a state
change and what it causes (an order delivered, a notification and its outbox email) commit or
roll back together: the outbox pattern without a separate relay. A split deployment would hand
the same events to a broker from that outbox. Event types are frozen dataclasses that their
service exports through its `client.py`; subscribers register in their service's start-up hook.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

E = TypeVar("E")
Handler = Callable[[AsyncSession, E], Awaitable[None]]

_handlers: dict[type[Any], list[Handler[Any]]] = defaultdict(list)


def subscribe(event_type: type[E], handler: Handler[E]) -> None:
    """Call `handler` for every published `event_type` (once, however often this is called)."""
    if handler not in _handlers[event_type]:
        _handlers[event_type].append(handler)


async def publish(session: AsyncSession, event: object) -> None:
    """Run every subscriber of the event's type, in subscription order, in `session`'s
    transaction; an exception rolls back the whole change."""
    for event_type in type(event).__mro__:
        for handler in list(_handlers.get(event_type, ())):
            await handler(session, event)
