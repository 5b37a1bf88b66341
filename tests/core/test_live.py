"""Live channels deliver in order, only to current listeners, in process and through Redis."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest

from techmarket.core.live import InProcessChannels, LiveChannels, RedisChannels
from tests.conftest import TEST_REDIS_URL

KINDS = ["memory", "redis"] if TEST_REDIS_URL else ["memory"]


@pytest.fixture(params=KINDS)
async def live(request: pytest.FixtureRequest) -> AsyncIterator[LiveChannels]:
    channels: LiveChannels
    if request.param == "redis":
        assert TEST_REDIS_URL
        channels = RedisChannels(TEST_REDIS_URL, prefix=f"test:{uuid.uuid4().hex}:")
    else:
        channels = InProcessChannels()
    yield channels
    await channels.close()


async def _take(messages: AsyncIterator[dict[str, object]], count: int) -> list[dict[str, object]]:
    taken = []
    async with asyncio.timeout(5):
        async for message in messages:
            taken.append(message)
            if len(taken) == count:
                break
    return taken


async def test_every_listener_receives_the_messages_in_order(live: LiveChannels) -> None:
    async with live.listen("order:1") as first, live.listen("order:1") as second:
        for step in range(3):
            await live.publish("order:1", {"step": step})
        assert await _take(first, 3) == [{"step": 0}, {"step": 1}, {"step": 2}]
        assert await _take(second, 3) == [{"step": 0}, {"step": 1}, {"step": 2}]


async def test_a_listener_hears_only_its_channel(live: LiveChannels) -> None:
    async with live.listen("user:a") as messages:
        await live.publish("user:b", {"for": "b"})
        await live.publish("user:a", {"for": "a"})
        assert await _take(messages, 1) == [{"for": "a"}]


async def test_nothing_is_kept_for_later_listeners(live: LiveChannels) -> None:
    await live.publish("order:2", {"early": True})
    async with live.listen("order:2") as messages:
        await live.publish("order:2", {"early": False})
        assert await _take(messages, 1) == [{"early": False}]


async def test_a_closed_listener_is_forgotten() -> None:
    live = InProcessChannels()
    async with live.listen("order:3"):
        assert live.listening("order:3") == 1
    assert live.listening("order:3") == 0
    await live.publish("order:3", {"nobody": "listens"})  # no error, nothing kept
