"""Sending signed webhooks, as the built-in sandboxes (payment processor, carrier) send theirs.

Each attempt is signed afresh (`security.webhook_signature`), so a retry carries a current
timestamp; the event keeps its id across attempts, so the receiver de-duplicates by it. A
receiver that is down or answers other than 2xx is tried again after growing delays, and every
attempt is reported to the caller, which counts it on the event's row. The sender is
injectable: an HTTP POST by default, a call through ASGI when the sandbox lives in the same app
as its receiver (all-in-one), a recorder in tests.
"""

from __future__ import annotations

import abc
import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
from starlette.types import ASGIApp

from techmarket.core.db import Database
from techmarket.core.security.webhook_signature import SIGNATURE_HEADER, signature_header

log = logging.getLogger(__name__)

DEFAULT_RETRY_DELAYS: tuple[float, ...] = (1.0, 5.0, 25.0, 125.0)
"""Seconds to wait before each retry: five attempts over about two and a half minutes."""

IN_PROCESS_BASE_URL = "http://techmarket.internal"


@dataclass(frozen=True)
class WebhookDelivery:
    event_id: str
    url: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


WebhookSender = Callable[[WebhookDelivery], Awaitable[int]]
"""Sends one delivery and answers the receiver's HTTP status (raises on a network error)."""

RecordAttempt = Callable[[int | None, bool], Awaitable[None]]
"""Told of each attempt: the status answered (None: no answer) and whether it was delivered."""


class HttpWebhookSender:
    """The real sender: an HTTP POST with httpx."""

    def __init__(self, client: httpx.AsyncClient | None = None) -> None:
        self._client = client or httpx.AsyncClient(timeout=10.0, follow_redirects=False)

    async def __call__(self, delivery: WebhookDelivery) -> int:
        response = await self._client.post(
            delivery.url, content=delivery.body, headers=delivery.headers
        )
        return response.status_code

    async def aclose(self) -> None:
        await self._client.aclose()


def in_process_client(app: ASGIApp) -> httpx.AsyncClient:
    """An HTTP client that calls `app` through ASGI, without a socket."""
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=IN_PROCESS_BASE_URL)


class InProcessWebhookSender:
    """Posts to `path` of the receiving app in this process (the URL's host is not used)."""

    def __init__(self, app: ASGIApp, path: str) -> None:
        self._http = in_process_client(app)
        self._path = path

    async def __call__(self, delivery: WebhookDelivery) -> int:
        response = await self._http.post(
            self._path, content=delivery.body, headers=delivery.headers
        )
        return response.status_code

    async def aclose(self) -> None:
        await self._http.aclose()


async def deliver(
    sender: WebhookSender,
    *,
    event_id: str,
    url: str,
    body: bytes,
    secrets: Sequence[str],
    delays: Sequence[float],
    record: RecordAttempt,
) -> bool:
    """One attempt after each of `delays` (seconds; 0 goes at once) until one is delivered."""
    attempt = 0
    for attempt, delay in enumerate(delays, start=1):
        if delay:
            await asyncio.sleep(delay)
        status: int | None = None
        delivery = WebhookDelivery(
            event_id=event_id,
            url=url,
            body=body,
            headers={
                "content-type": "application/json",
                SIGNATURE_HEADER: signature_header(body, secrets),
            },
        )
        try:
            status = await sender(delivery)
        except Exception as error:  # a receiver that is down must not end the retries
            log.warning("webhook %s attempt %d to %s failed: %s", event_id, attempt, url, error)
        delivered = status is not None and 200 <= status < 300
        await record(status, delivered)
        if delivered:
            return True
        if status is not None:
            log.warning("webhook %s attempt %d to %s answered %d", event_id, attempt, url, status)
    log.error("webhook %s not delivered after %d attempts", event_id, attempt)
    return False


class WebhookDispatcher(abc.ABC):
    """Delivers a sandbox's stored events in background tasks; the sandbox says how an event's
    body is read (`_body`), how an attempt is written down (`_record_attempt`) and how events
    are scheduled (`schedule`)."""

    first_delay = 0.0
    """Seconds between scheduling an event and its first attempt."""

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

    def configure(self, database: Database, *, url: str, secrets: Sequence[str]) -> None:
        self._database = database
        self._url = url
        self._secrets = tuple(secrets)

    @property
    def database(self) -> Database:
        assert self._database is not None, "the dispatcher is configured at start-up"
        return self._database

    def _spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.create_task(work, name=name)
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
        body = await self._body(event_id)
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

    @abc.abstractmethod
    async def _body(self, event_id: str) -> bytes | None:
        """The event's body as stored by the sandbox (None: the event is gone)."""

    @abc.abstractmethod
    async def _record_attempt(self, event_id: str, status: int | None, *, delivered: bool) -> None:
        """Count one attempt on the event's row."""
