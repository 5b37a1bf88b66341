"""Counting attempts in moving windows with the `limits` library (memory, or Redis when set).

Rules that use it (brute force on sign-in, MFA codes, registration, password resets) live in
the services; this module only counts and tells how long to wait.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string


@dataclass(frozen=True)
class Limit:
    """`rule` in the limits notation, e.g. "5/minute", for keys in `namespace`."""

    namespace: str
    rule: str

    @property
    def item(self) -> RateLimitItem:
        return parse(self.rule)


class AttemptCounter:
    def __init__(self, redis_url: str | None) -> None:
        storage: Storage = MemoryStorage()
        if redis_url:
            remote = storage_from_string(
                f"async+{redis_url}", implementation="redispy", key_prefix="techmarket:limits"
            )
            assert isinstance(remote, Storage)
            storage = remote
        self._limiter = MovingWindowRateLimiter(storage)
        self._storage = storage

    async def retry_after(self, limits: Sequence[Limit], key: str) -> int:
        """Seconds to wait before another attempt may be made; 0 when none is exceeded."""
        wait = 0.0
        for limit in limits:
            if not await self._limiter.test(limit.item, limit.namespace, key):
                stats = await self._limiter.get_window_stats(limit.item, limit.namespace, key)
                wait = max(wait, stats.reset_time - time.time())
        return math.ceil(wait) if wait > 0 else 0

    async def record(self, limits: Sequence[Limit], key: str) -> None:
        for limit in limits:
            await self._limiter.hit(limit.item, limit.namespace, key)

    async def forget(self, limits: Sequence[Limit], key: str) -> None:
        for limit in limits:
            await self._limiter.clear(limit.item, limit.namespace, key)
