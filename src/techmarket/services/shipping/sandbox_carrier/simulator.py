"""The sandbox carrier's long-lived parts: configuration, database, clock and webhook sender.

Storage is a SQLite file of its own (`<data_dir>/sandbox-carrier.db`), apart from TechMarket's
database because the sandbox plays an external carrier. The clock is one sleeping task per
parcel on the way, woken when its next step is due (nothing polls); at start-up every parcel
still on the way is caught up and scheduled again, so a restart loses no step.

`step_seconds` is read when a label is bought, so a test may speed the carrier up for the
parcels it makes without touching the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.config import Settings
from techmarket.core.clock import utcnow
from techmarket.core.db import Database, after_commit
from techmarket.services.shipping.sandbox_carrier import models, service
from techmarket.services.shipping.sandbox_carrier.configuration import CarrierConfig
from techmarket.services.shipping.sandbox_carrier.webhooks import (
    DEFAULT_RETRY_DELAYS,
    WebhookDispatcher,
    WebhookSender,
)

log = logging.getLogger(__name__)


class CarrierSimulator:
    def __init__(
        self,
        settings: Settings,
        *,
        webhook_sender: WebhookSender | None = None,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
    ) -> None:
        self.settings = settings
        self.webhooks = WebhookDispatcher(webhook_sender, retry_delays=retry_delays)
        self.step_seconds = settings.sandbox_carrier_step_seconds
        self._config: CarrierConfig | None = None
        self._database: Database | None = None
        self._starting = asyncio.Lock()
        self._timers: dict[str, asyncio.Task[None]] = {}

    @property
    def config(self) -> CarrierConfig:
        if self._config is None:
            raise RuntimeError("the sandbox carrier has not started")
        return self._config

    @property
    def database(self) -> Database:
        if self._database is None:
            raise RuntimeError("the sandbox carrier has not started")
        return self._database

    async def start(self) -> None:
        if self._database is not None:
            return
        async with self._starting:
            if self._database is not None:
                return
            self.settings.data_dir.mkdir(parents=True, exist_ok=True)
            config = CarrierConfig.from_settings(self.settings)
            database = Database(config.database_url, pool_size=5, max_overflow=5)
            await models.create_tables(database.engine)
            self.webhooks.configure(
                database, url=config.webhook_url, secrets=config.webhook_secrets
            )
            self._config, self._database = config, database
            await self._resume()

    async def _resume(self) -> None:
        async with self.database.unit_of_work(write=False) as session:
            rows = await session.execute(
                select(models.Parcel.id, models.Parcel.next_step_at).where(
                    models.Parcel.kind == "label", models.Parcel.next_step_at.is_not(None)
                )
            )
            for parcel_id, due in rows:
                self.wake_at(parcel_id, due)

    async def close(self) -> None:
        timers = list(self._timers.values())
        for timer in timers:
            timer.cancel()
        await asyncio.gather(*timers, return_exceptions=True)
        self._timers.clear()
        await self.webhooks.close()
        if self._database is not None:
            await self._database.dispose()
            self._database = None

    @asynccontextmanager
    async def transaction(self, *, write: bool) -> AsyncIterator[AsyncSession]:
        """One unit of work; the webhook events it recorded leave once it has committed."""
        async with self.database.unit_of_work(write=write) as session:

            async def send_recorded_events() -> None:
                self.webhooks.schedule(session.info.pop(service.EVENTS_RECORDED, []))

            after_commit(session, send_recorded_events)
            yield session

    def wake_at(self, parcel_id: str, due: dt.datetime | None) -> None:
        """Run the parcel's next step when it is due."""
        if due is None or parcel_id in self._timers:
            return
        timer = asyncio.create_task(self._tick(parcel_id, due), name=f"carrier {parcel_id}")
        self._timers[parcel_id] = timer

    async def _tick(self, parcel_id: str, due: dt.datetime) -> None:
        try:
            await asyncio.sleep(max(0.0, (due - utcnow()).total_seconds()))
            async with self.transaction(write=True) as session:
                following = await service.advance(session, parcel_id, utcnow())
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("the sandbox carrier could not advance parcel %s", parcel_id)
            following = utcnow() + dt.timedelta(seconds=max(self.step_seconds, 1.0))
        finally:
            with contextlib.suppress(KeyError):
                del self._timers[parcel_id]
        self.wake_at(parcel_id, following)
