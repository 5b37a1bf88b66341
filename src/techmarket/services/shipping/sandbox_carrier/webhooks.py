"""Signed webhooks from the sandbox carrier to TechMarket, sent after the step commits.

Each tracking event of a label is delivered in a background task by `core.webhook_delivery`
(signed afresh at each attempt, retried with growing delays), every attempt counted on the
event's row.
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
from techmarket.services.shipping.sandbox_carrier import models, service

__all__ = ["DEFAULT_RETRY_DELAYS", "WebhookDelivery", "WebhookDispatcher", "WebhookSender"]


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
        self._tasks: set[asyncio.Task[None]] = set()
        self._database: Database | None = None
        self._url = ""
        self._secrets: tuple[str, ...] = ()
        self._order = asyncio.Lock()

    def configure(self, database: Database, *, url: str, secrets: Sequence[str]) -> None:
        self._database = database
        self._url = url
        self._secrets = tuple(secrets)

    def schedule(self, event_ids: Iterable[str]) -> None:
        ids = list(event_ids)
        if ids:
            task = asyncio.create_task(self._deliver_all(ids), name="carrier webhooks")
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

    async def _deliver_all(self, event_ids: list[str]) -> None:
        # Events of one step leave in the order they happened (a receiver copes with any
        # order, but a watcher sees the journey as it went).
        for event_id in event_ids:
            await self._deliver(event_id)

    async def _deliver(self, event_id: str) -> None:
        assert self._database is not None, "the dispatcher is configured at start-up"
        async with self._database.unit_of_work(write=False) as session:
            body = await service.webhook_body(session, event_id, utcnow())
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
            delays=(0.0, *self.retry_delays),
            record=record,
        )

    async def _record_attempt(self, event_id: str, status: int | None, *, delivered: bool) -> None:
        assert self._database is not None
        async with self._database.unit_of_work(write=True) as session:
            event = await session.get(models.ParcelEvent, event_id)
            if event is None:
                return
            event.attempts += 1
            event.last_status = status
            if delivered:
                event.delivered_at = utcnow()
