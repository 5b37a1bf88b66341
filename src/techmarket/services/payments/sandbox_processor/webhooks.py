"""Signed webhooks from the sandbox processor to TechMarket, sent after the change commits.

Each event is stored with the change that caused it (`service.record_event`), then delivered in a
background task by `core.webhook_delivery` (signed afresh at each attempt, retried with growing
delays), and every attempt is counted on the event's row.
A process that stops drops its pending retries; `GET /authorizations/{id}` always tells the
current state.

The sender is injectable: tests pass a callable that records deliveries instead of posting.
"""

from __future__ import annotations

from collections.abc import Iterable

from techmarket.core import webhook_delivery
from techmarket.core.clock import utcnow
from techmarket.core.webhook_delivery import DEFAULT_RETRY_DELAYS, WebhookDelivery, WebhookSender
from techmarket.services.payments.sandbox_processor import models

__all__ = ["DEFAULT_RETRY_DELAYS", "WebhookDelivery", "WebhookDispatcher", "WebhookSender"]

FIRST_DELAY = 0.5
"""Seconds between a change and its event's first delivery."""


class WebhookDispatcher(webhook_delivery.WebhookDispatcher):
    # Like a real processor, events leave a moment after the change: by then the call that
    # caused it has usually been answered, and the receiver finds it already settled.
    first_delay = FIRST_DELAY

    def schedule(self, event_ids: Iterable[str]) -> None:
        for event_id in event_ids:
            self._spawn(self._deliver(event_id), name=f"webhook {event_id}")

    async def _body(self, event_id: str) -> bytes | None:
        async with self.database.unit_of_work(write=False) as session:
            event = await session.get(models.Event, event_id)
            return event.body.encode() if event is not None else None

    async def _record_attempt(self, event_id: str, status: int | None, *, delivered: bool) -> None:
        async with self.database.unit_of_work(write=True) as session:
            event = await session.get(models.Event, event_id)
            if event is None:
                return
            event.attempts += 1
            event.last_status = status
            if delivered:
                event.delivered_at = utcnow()
