"""Signed webhooks from the sandbox carrier to TechMarket, sent after the step commits.

Each tracking event of a label is delivered in a background task: signed afresh at each attempt
(`core.security.webhook_signature`), retried with growing delays while the receiver is down or
answers other than 2xx, every attempt counted on the event's row. The event keeps its `id`
across retries, so the receiver de-duplicates by it. The sender is injectable: all-in-one posts
through ASGI in process, tests may record deliveries instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field

import httpx

from techmarket.core.clock import utcnow
from techmarket.core.db import Database
from techmarket.core.security.webhook_signature import SIGNATURE_HEADER, signature_header
from techmarket.services.shipping.sandbox_carrier import models, service

log = logging.getLogger(__name__)

DEFAULT_RETRY_DELAYS: tuple[float, ...] = (1.0, 5.0, 25.0, 125.0)
"""Seconds to wait before each retry: five attempts over about two and a half minutes."""


@dataclass(frozen=True)
class WebhookDelivery:
    event_id: str
    url: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


WebhookSender = Callable[[WebhookDelivery], Awaitable[int]]
"""Sends one delivery and answers the receiver's HTTP status (raises on a network error)."""


class HttpWebhookSender:
    def __init__(self) -> None:
        self._client = httpx.AsyncClient(timeout=10.0, follow_redirects=False)

    async def __call__(self, delivery: WebhookDelivery) -> int:
        response = await self._client.post(
            delivery.url, content=delivery.body, headers=delivery.headers
        )
        return response.status_code

    async def aclose(self) -> None:
        await self._client.aclose()


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
        for attempt, delay in enumerate((0.0, *self.retry_delays), start=1):
            if delay:
                await asyncio.sleep(delay)
            status: int | None = None
            delivery = WebhookDelivery(
                event_id=event_id,
                url=self._url,
                body=body,
                headers={
                    "content-type": "application/json",
                    SIGNATURE_HEADER: signature_header(body, self._secrets),
                },
            )
            try:
                status = await self.sender(delivery)
            except Exception as error:  # a receiver that is down must not end the retries
                log.warning("carrier webhook %s attempt %d failed: %s", event_id, attempt, error)
            delivered = status is not None and 200 <= status < 300
            await self._record_attempt(event_id, status, delivered=delivered)
            if delivered:
                return
        log.error("carrier webhook %s not delivered after %d attempts", event_id, attempt)

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
