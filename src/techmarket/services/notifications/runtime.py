"""The running app behind a session: `notify` is called with the caller's session only, and
finds through it the app whose live channels and outbox sender it must reach after the commit.

Keyed by the app's `Database`, which every unit of work puts in `session.info["database"]`;
an app's entry goes when it stops. Tests run several apps side by side.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.db import Database
from techmarket.core.resources import Resources
from techmarket.services.notifications.outbox import OutboxSender


@dataclass(frozen=True)
class Running:
    resources: Resources
    sender: OutboxSender


_running: dict[Database, Running] = {}


def attach(resources: Resources) -> Running:
    running = _running.get(resources.db)
    if running is None or running.resources is not resources:
        running = _running[resources.db] = Running(resources, OutboxSender(resources))
    return running


def start(resources: Resources) -> Running:
    running = attach(resources)
    running.sender.start()
    return running


async def stop(resources: Resources) -> None:
    running = _running.pop(resources.db, None)
    if running is not None:
        await running.sender.stop()


def of_session(session: AsyncSession) -> Running | None:
    """The app the session's database belongs to; None when notifications is not started in
    this process (the rows are written all the same and sent by the process that runs it)."""
    database = session.info.get("database")
    return _running.get(database) if isinstance(database, Database) else None
