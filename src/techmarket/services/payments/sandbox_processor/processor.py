"""The sandbox processor's long-lived parts: its configuration, database and webhook dispatcher.

Storage is a SQLite file of its own (`<data_dir>/sandbox-payments.db`, WAL mode), apart from
TechMarket's database because the sandbox plays an external processor. Every worker process of
a TechMarket server opens the same file, and write transactions take SQLite's write lock at
BEGIN, so tokens, authorizations and idempotency keys are shared and serialised across workers
(an in-process dict would give each worker its own processor). `sandbox_payments_database_url`
can point it at a server database instead, for a deployment spread over several hosts.

The processor starts on the first request that needs it, or from TechMarket's lifespan.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.config import Settings
from techmarket.core.db import Database, after_commit
from techmarket.services.payments.sandbox_processor import models, service
from techmarket.services.payments.sandbox_processor.configuration import SandboxConfig
from techmarket.services.payments.sandbox_processor.webhooks import (
    DEFAULT_RETRY_DELAYS,
    WebhookDispatcher,
    WebhookSender,
)


class SandboxProcessor:
    def __init__(
        self,
        settings: Settings,
        *,
        webhook_sender: WebhookSender | None = None,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
    ) -> None:
        self.settings = settings
        self.webhooks = WebhookDispatcher(webhook_sender, retry_delays=retry_delays)
        self._config: SandboxConfig | None = None
        self._database: Database | None = None
        self._starting = asyncio.Lock()

    @property
    def config(self) -> SandboxConfig:
        if self._config is None:
            raise RuntimeError("the sandbox processor has not started")
        return self._config

    @property
    def database(self) -> Database:
        if self._database is None:
            raise RuntimeError("the sandbox processor has not started")
        return self._database

    async def start(self) -> None:
        if self._database is not None:
            return
        async with self._starting:
            if self._database is not None:
                return
            self.settings.data_dir.mkdir(parents=True, exist_ok=True)
            config = SandboxConfig.from_settings(self.settings)
            database = Database(config.database_url, pool_size=5, max_overflow=5)
            await models.create_tables(database.engine)
            self.webhooks.configure(
                database, url=config.webhook_url, secrets=config.webhook_secrets
            )
            self._config = config
            self._database = database

    async def close(self) -> None:
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
