"""The cache interface behaves the same in process and in Redis; LFU keeps the hot entries."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest

from techmarket.core.cache import Cache, MemoryCache, RedisCache, cache_aside
from tests.conftest import TEST_REDIS_URL

CACHE_KINDS = ["memory", "redis"] if TEST_REDIS_URL else ["memory"]


@pytest.fixture(params=CACHE_KINDS)
async def cache(request: pytest.FixtureRequest) -> AsyncIterator[Cache]:
    if request.param == "redis":
        assert TEST_REDIS_URL
        redis_cache = RedisCache(TEST_REDIS_URL, prefix=f"test:{uuid.uuid4().hex}:")
        yield redis_cache
        await redis_cache.clear()
        await redis_cache.close()
    else:
        yield MemoryCache(max_bytes=1 << 20)


async def test_set_get_delete(cache: Cache) -> None:
    assert await cache.get("a") is None
    await cache.set("a", b"alpha", ttl=60)
    await cache.set("b", b"beta", ttl=60)
    assert await cache.get("a") == b"alpha"
    await cache.delete("a", "missing")
    assert await cache.get("a") is None
    assert await cache.get("b") == b"beta"


async def test_entries_expire_after_their_ttl(cache: Cache) -> None:
    await cache.set("short", b"x", ttl=1)
    assert await cache.get("short") == b"x"
    await asyncio.sleep(1.2)
    assert await cache.get("short") is None


async def test_cache_aside_loads_once_then_hits(cache: Cache) -> None:
    loads = 0

    async def load() -> bytes:
        nonlocal loads
        loads += 1
        return b'{"n": 1}'

    first = await cache_aside(cache, "k", 60, load)
    second = await cache_aside(cache, "k", 60, load)
    assert first == second == b'{"n": 1}'
    assert loads == 1


async def test_clear_removes_only_this_caches_entries(cache: Cache) -> None:
    await cache.set("one", b"1", ttl=60)
    await cache.clear()
    assert await cache.get("one") is None


async def test_memory_cache_evicts_least_frequently_used_first() -> None:
    entry = b"x" * 100  # each entry weighs 164 bytes with its bookkeeping
    cache = MemoryCache(max_bytes=164 * 3)
    await cache.set("hot", entry, ttl=60)
    await cache.set("warm", entry, ttl=60)
    for _ in range(5):
        assert await cache.get("hot") == entry
    assert await cache.get("warm") == entry
    await cache.set("cold", entry, ttl=60)
    await cache.set("new", entry, ttl=60)  # over the bound: the least used entry goes
    assert await cache.get("hot") == entry
    assert await cache.get("warm") == entry
    assert await cache.get("cold") is None
    assert await cache.get("new") == entry
    assert cache.size_bytes <= 164 * 3


async def test_memory_cache_skips_values_larger_than_itself() -> None:
    cache = MemoryCache(max_bytes=1024)
    await cache.set("small", b"s", ttl=60)
    await cache.set("huge", b"h" * 4096, ttl=60)
    assert await cache.get("huge") is None
    assert await cache.get("small") == b"s"
