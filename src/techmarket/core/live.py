"""Live channels: messages pushed to whoever listens right now (server-sent events).

A tracking page or the notification bell subscribes to a channel such as `order:<id>` or
`user:<id>`; whatever publishes there after a commit reaches every open stream. Within one
process the channels are asyncio queues; with Redis configured they go through Redis pub/sub,
so a webhook received by one process reaches a browser connected to another. Nothing is kept:
a listener that was away reads the current state over plain HTTP, then listens.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any, Protocol

import orjson
from redis import asyncio as redis_asyncio

log = logging.getLogger(__name__)

Messages = AsyncIterator[dict[str, Any]]

# A slow listener holds at most this many messages; beyond it the oldest are dropped (it will
# read the current state when it reconnects).
QUEUE_SIZE = 256


class LiveChannels(Protocol):
    async def publish(self, channel: str, message: dict[str, Any]) -> None: ...

    def listen(self, channel: str) -> contextlib.AbstractAsyncContextManager[Messages]:
        """Subscribe now; iterate to receive every message published from then on."""
        ...

    async def close(self) -> None: ...


class _Listener:
    def __init__(self) -> None:
        self.queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(QUEUE_SIZE)

    def put(self, message: dict[str, Any]) -> None:
        if self.queue.full():
            self.queue.get_nowait()
        self.queue.put_nowait(message)

    async def __aiter__(self) -> AsyncIterator[dict[str, Any]]:
        while True:
            yield await self.queue.get()


class InProcessChannels:
    """Channels of one process (the all-in-one default)."""

    name = "memory"

    def __init__(self) -> None:
        self._listeners: dict[str, set[_Listener]] = defaultdict(set)

    async def publish(self, channel: str, message: dict[str, Any]) -> None:
        for listener in list(self._listeners.get(channel, ())):
            listener.put(message)

    @contextlib.asynccontextmanager
    async def listen(self, channel: str) -> AsyncIterator[Messages]:
        listener = _Listener()
        self._listeners[channel].add(listener)
        try:
            yield aiter(listener)
        finally:
            self._listeners[channel].discard(listener)
            if not self._listeners[channel]:
                del self._listeners[channel]

    def listening(self, channel: str) -> int:
        return len(self._listeners.get(channel, ()))

    async def close(self) -> None:
        self._listeners.clear()


class RedisChannels:
    """Channels shared by every process that uses the same Redis (and `prefix`)."""

    name = "redis"

    def __init__(self, url: str, *, prefix: str = "techmarket:live:") -> None:
        self._client = redis_asyncio.Redis.from_url(url)
        self._prefix = prefix

    async def publish(self, channel: str, message: dict[str, Any]) -> None:
        await self._client.publish(self._prefix + channel, orjson.dumps(message))

    @contextlib.asynccontextmanager
    async def listen(self, channel: str) -> AsyncIterator[Messages]:
        pubsub = self._client.pubsub(ignore_subscribe_messages=True)
        await pubsub.subscribe(self._prefix + channel)
        # The subscription is confirmed before the caller goes on, so nothing published after
        # `listen` returns is missed.
        await pubsub.get_message(timeout=1.0)

        async def messages() -> AsyncIterator[dict[str, Any]]:
            async for raw in pubsub.listen():
                if raw.get("type") != "message":
                    continue
                try:
                    yield orjson.loads(raw["data"])
                except orjson.JSONDecodeError:
                    log.warning("ignored a malformed live message on %s", channel)

        try:
            yield messages()
        finally:
            await pubsub.unsubscribe()
            await pubsub.aclose()  # type: ignore[no-untyped-call]

    async def close(self) -> None:
        await self._client.aclose()


def create_live_channels(
    redis_url: str | None, *, prefix: str = "techmarket:live:"
) -> LiveChannels:
    return RedisChannels(redis_url, prefix=prefix) if redis_url else InProcessChannels()
