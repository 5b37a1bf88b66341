"""One async cache interface for cache-aside reads, in process or in Redis (DESIGN §6).

Values are the serialized JSON bytes of a response, stored for `ttl` seconds. Eviction is
least-frequently-used: `cachetools.LFUCache` bounded in bytes in process, Redis' `allkeys-lfu`
policy when Redis is configured.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Protocol

import redis.asyncio as redis_asyncio
from cachetools import LFUCache

from techmarket.core import metrics

log = logging.getLogger(__name__)


class Cache(Protocol):
    name: str

    async def get(self, key: str) -> bytes | None: ...

    async def set(self, key: str, value: bytes, ttl: int) -> None: ...

    async def delete(self, *keys: str) -> None: ...

    async def clear(self) -> None: ...

    async def ping(self) -> None: ...

    async def close(self) -> None: ...


class MemoryCache:
    """Bounded in-process cache: LFU eviction by total bytes, each entry with its own expiry."""

    name = "memory"

    def __init__(self, max_bytes: int) -> None:
        self._entries: LFUCache[str, tuple[float, bytes]] = LFUCache(
            maxsize=max_bytes, getsizeof=lambda entry: len(entry[1]) + 64
        )

    async def get(self, key: str) -> bytes | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        expires_at, value = entry
        if expires_at <= time.monotonic():
            self._entries.pop(key, None)
            return None
        return value

    async def set(self, key: str, value: bytes, ttl: int) -> None:
        if len(value) + 64 > self._entries.maxsize:
            return  # larger than the whole cache: not worth evicting everything for
        self._entries[key] = (time.monotonic() + ttl, value)

    async def delete(self, *keys: str) -> None:
        for key in keys:
            self._entries.pop(key, None)

    async def clear(self) -> None:
        self._entries.clear()

    async def ping(self) -> None:
        return None

    async def close(self) -> None:
        return None

    @property
    def size_bytes(self) -> int:
        return int(self._entries.currsize)


class RedisCache:
    """Redis-backed cache; keys are namespaced so one Redis can serve several purposes."""

    name = "redis"

    def __init__(self, url: str, *, prefix: str = "techmarket:cache:") -> None:
        self._client = redis_asyncio.Redis.from_url(url)
        self._prefix = prefix

    async def configure_lfu(self) -> None:
        """Ask Redis for `allkeys-lfu`; a managed Redis may refuse, which we log and accept."""
        try:
            await self._client.config_set("maxmemory-policy", "allkeys-lfu")
        except redis_asyncio.ResponseError as error:
            policy = await self._client.config_get("maxmemory-policy")
            log.warning("could not set allkeys-lfu on Redis (%s); policy is %s", error, policy)

    async def get(self, key: str) -> bytes | None:
        value = await self._client.get(self._prefix + key)
        return value if isinstance(value, bytes) else None

    async def set(self, key: str, value: bytes, ttl: int) -> None:
        await self._client.set(self._prefix + key, value, ex=ttl)

    async def delete(self, *keys: str) -> None:
        if keys:
            await self._client.delete(*(self._prefix + key for key in keys))

    async def clear(self) -> None:
        async for key in self._client.scan_iter(match=self._prefix + "*", count=500):
            await self._client.delete(key)

    async def ping(self) -> None:
        await self._client.ping()

    async def close(self) -> None:
        await self._client.aclose()


async def cache_aside(
    cache: Cache, key: str, ttl: int, load: Callable[[], Awaitable[bytes]]
) -> bytes:
    """Return the cached bytes for `key`, or load, store and return them."""
    value = await cache.get(key)
    if value is not None:
        metrics.CACHE_REQUESTS.labels(result="hit").inc()
        return value
    metrics.CACHE_REQUESTS.labels(result="miss").inc()
    value = await load()
    await cache.set(key, value, ttl)
    return value


async def create_cache(redis_url: str | None, *, max_bytes: int, set_lfu_policy: bool) -> Cache:
    if redis_url:
        cache = RedisCache(redis_url)
        if set_lfu_policy:
            await cache.configure_lfu()
        return cache
    return MemoryCache(max_bytes)
