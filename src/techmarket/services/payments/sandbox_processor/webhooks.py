"""Signed webhooks from the sandbox processor to TechMarket, sent after the change commits.

Each event is stored with the change that caused it (`service.record_event`), then delivered in a
background task by `core.webhook_delivery` (signed afresh at each attempt, retried with growing
delays), and every attempt is counted on the event's row.
A process that stops drops its pending retries; `GET /authorizations/{id}` always tells the
current state.

The sender is injectable: tests pass a callable that records deliveries instead of posting.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence

from techmarket.core.clock import utcnow
from techmarket.core.db import Database
from techmarket.core.webhook_delivery import (
    DEFAULT_RETRY_DELAYS,
    HttpWebhookSender,
    WebhookDelivery,
    WebhookSender,
    deliver,
)
from techmarket.services.payments.sandbox_processor import models

__all__ = ["DEFAULT_RETRY_DELAYS", "WebhookDelivery", "WebhookDispatcher", "WebhookSender"]

FIRST_DELAY = 0.5
"""Seconds between a change and its event's first delivery."""


class WebhookDispatcher:
    def __init__(
        self,
        sender: WebhookSender | None = None,
        *,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
    ) -> None:
        self._own_sender: HttpWebhookSender | None = None
        if sender is None:
            sender = self._own_sender = HttpWebhookSender()
        self.sender: WebhookSender = sender
        self.retry_delays = tuple(retry_delays)
        # Like a real processor, events leave a moment after the change: by then the call that
        # caused it has usually been answered, and the receiver finds it already settled.
        self.first_delay = FIRST_DELAY
        self._tasks: set[asyncio.Task[None]] = set()
        self._database: Database | None = None
        self._url = ""
        self._secrets: tuple[str, ...] = ()

    def configure(self, database: Database, *, url: str, secrets: Sequence[str]) -> None:
        self._database = database
        self._url = url
        self._secrets = tuple(secrets)

    def schedule(self, event_ids: Iterable[str]) -> None:
        for event_id in event_ids:
            task = asyncio.create_task(self._deliver(event_id), name=f"webhook {event_id}")
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        """Wait until every scheduled delivery has finished (tests, orderly shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._own_sender is not None:
            await self._own_sender.aclose()

    async def _deliver(self, event_id: str) -> None:
        body = await self._event_body(event_id)
        if body is None:
            return

        async def record(status: int | None, delivered: bool) -> None:
            await self._record_attempt(event_id, status, delivered=delivered)

        await deliver(
            self.sender,
            event_id=event_id,
            url=self._url,
            body=body,
            secrets=self._secrets,
            delays=(self.first_delay, *self.retry_delays),
            record=record,
        )

    async def _event_body(self, event_id: str) -> bytes | None:
        assert self._database is not None, "the dispatcher is configured at start-up"
        async with self._database.unit_of_work(write=False) as session:
            event = await session.get(models.Event, event_id)
            return event.body.encode() if event is not None else None

    async def _record_attempt(self, event_id: str, status: int | None, *, delivered: bool) -> None:
        assert self._database is not None
        async with self._database.unit_of_work(write=True) as session:
            event = await session.get(models.Event, event_id)
            if event is None:
                return
            event.attempts += 1
            event.last_status = status
            if delivered:
                event.delivered_at = utcnow()
