"""Signed webhooks from the sandbox carrier to TechMarket, sent after the step commits.

Each tracking event of a label is delivered in a background task by `core.webhook_delivery`
(signed afresh at each attempt, retried with growing delays), every attempt counted on the
event's row.
"""

from __future__ import annotations

from collections.abc import Iterable

from techmarket.core import webhook_delivery
from techmarket.core.clock import utcnow
from techmarket.core.webhook_delivery import DEFAULT_RETRY_DELAYS, WebhookDelivery, WebhookSender
from techmarket.services.shipping.sandbox_carrier import models, service

__all__ = ["DEFAULT_RETRY_DELAYS", "WebhookDelivery", "WebhookDispatcher", "WebhookSender"]


class WebhookDispatcher(webhook_delivery.WebhookDispatcher):
    def schedule(self, event_ids: Iterable[str]) -> None:
        ids = list(event_ids)
        if ids:
            self._spawn(self._deliver_all(ids), name="carrier webhooks")

    async def _deliver_all(self, event_ids: list[str]) -> None:
        # Events of one step leave in the order they happened (a receiver copes with any
        # order, but a watcher sees the journey as it went).
        for event_id in event_ids:
            await self._deliver(event_id)

    async def _body(self, event_id: str) -> bytes | None:
        async with self.database.unit_of_work(write=False) as session:
            return await service.webhook_body(session, event_id, utcnow())

    async def _record_attempt(self, event_id: str, status: int | None, *, delivered: bool) -> None:
        async with self.database.unit_of_work(write=True) as session:
            event = await session.get(models.ParcelEvent, event_id)
            if event is None:
                return
            event.attempts += 1
            event.last_status = status
            if delivered:
                event.delivered_at = utcnow()
