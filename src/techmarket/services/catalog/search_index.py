"""Keeping each process's embedded search index in step with the database.

Each process holds its own index in memory (search_engine.py): built from the database at
start-up, then caught up on the listings changed since it last looked, by `updated_at`. A search
catches the index up first when it last looked more than `search_index_lag_seconds` ago, or when
this process has written a listing since: a seller finds their own edit at once, and the writes
of other processes (workers, pods) show within the lag. No process waits for another, and none
needs a lock on shared files. The database stays the truth for the rows shown (search.py).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from anyio import to_thread
from sqlalchemy import Row, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core import metrics
from techmarket.core.db import Database, after_commit
from techmarket.core.resources import Resources
from techmarket.services.catalog.models import ListingStatus, Product, Visibility
from techmarket.services.catalog.search_engine import Listing, SearchEngine

log = logging.getLogger(__name__)
T = TypeVar("T")

OVERLAP = dt.timedelta(seconds=10)
"""How far back each catch-up reads again. A transaction stamps `updated_at` before it commits,
so a write can become visible after a later one was read; one that takes longer than this from
stamp to commit is seen by other processes at their next start only (docs/search.md)."""
BATCH = 2000
BUILD_COMMIT = 100_000  # listings; one commit at the end held 1.3 GB more at a million
LONG_AGO = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

_COLUMNS = (
    Product.id,
    Product.title,
    Product.brand,
    Product.brand_key,
    Product.model,
    Product.description,
    Product.category_id,
    Product.condition,
    Product.price,
    Product.created_at,
    Product.specs,
    Product.status,
    Product.visibility,
    Product.updated_at,
)


def _listing(row: Row[Any]) -> Listing:
    return Listing(
        id=row.id,
        title=row.title,
        brand=row.brand,
        brand_key=row.brand_key,
        model=row.model,
        description=row.description,
        category_id=row.category_id,
        condition=str(row.condition),
        price=row.price,
        created_at=row.created_at,
        specs=row.specs or {},
    )


def _findable(row: Row[Any]) -> bool:
    return bool(row.status == ListingStatus.ACTIVE and row.visibility == Visibility.PUBLIC)


class SearchIndex:
    """The engine of one process and what it has read of the database so far."""

    def __init__(self, database: Database, lag_seconds: float, folder: Path) -> None:
        self.engine = SearchEngine(folder)
        self.ready = False
        self._database = database
        self._lag = lag_seconds
        self._read_until = LONG_AGO  # the newest `updated_at` read so far
        self._applied: dict[uuid.UUID, dt.datetime] = {}  # within OVERLAP of _read_until
        self._stale = True
        self._looked_at = float("-inf")
        self._lock = asyncio.Lock()
        self._running: asyncio.Task[int] | None = None

    async def build(self) -> int:
        """Index every listing anyone may find; searches use the database until this ends."""
        started = time.perf_counter()
        async with self._lock:
            async with self._database.unit_of_work(write=False) as session:
                newest = await session.scalar(select(func.max(Product.updated_at)))
            count, after = 0, None
            while True:  # one short read per batch: no snapshot held for the whole build
                async with self._database.unit_of_work(write=False) as session:
                    statement = (
                        select(*_COLUMNS)
                        .where(
                            Product.status == ListingStatus.ACTIVE,
                            Product.visibility == Visibility.PUBLIC,
                        )
                        .order_by(Product.id)
                        .limit(BATCH)
                    )
                    if after is not None:
                        statement = statement.where(Product.id > after)
                    rows = (await session.execute(statement)).all()
                await to_thread.run_sync(self.engine.add, [_listing(row) for row in rows])
                count += len(rows)
                if len(rows) < BATCH:
                    break
                after = rows[-1].id
                if count % BUILD_COMMIT == 0:  # bounds what the writer holds until it commits
                    await to_thread.run_sync(self.engine.commit)
            await to_thread.run_sync(self.engine.commit)
            self._read_until = newest or LONG_AGO
            self.ready = True
        log.info("search index built: %d listings in %.1f s", count, time.perf_counter() - started)
        await self.catch_up()  # what was written while the build read
        return count

    def mark_stale(self) -> None:
        self._stale = True

    def _due(self) -> bool:
        return self._stale or time.monotonic() - self._looked_at >= self._lag

    async def fresh(self) -> bool:
        """Catch up if it is due; False while the index is not built (use the database).

        Searches that arrive during a catch-up wait for it (until it commits, the index lacks
        what it read), then start another if a write was marked meanwhile. The catch-up runs
        as a task of its own, shielded: a search cancelled half-way (its client went away)
        cannot leave it read but not committed."""
        if not self.ready:
            return False
        if self._running is not None and not self._running.done():
            await asyncio.shield(self._running)  # what it reads is not committed yet
        if not self._due():
            return True
        if self._running is None or self._running.done():  # else another search began one
            self._running = asyncio.create_task(self.catch_up())
        await asyncio.shield(self._running)
        return True

    async def catch_up(self) -> int:
        async with self._lock:
            try:
                return await self._catch_up()
            except BaseException:
                self._stale = True  # read again next time
                raise

    async def _catch_up(self) -> int:
        """Apply the listings changed since OVERLAP before the last read; how many changed."""
        self._stale, self._looked_at = False, time.monotonic()
        start, after, changed = self._read_until - OVERLAP, None, 0
        while True:
            async with self._database.unit_of_work(write=False) as session:
                statement = (
                    select(*_COLUMNS)
                    .where(Product.updated_at >= start)
                    .order_by(Product.updated_at, Product.id)
                    .limit(BATCH)
                )
                if after is not None:
                    statement = statement.where(tuple_(Product.updated_at, Product.id) > after)
                rows = (await session.execute(statement)).all()
            fresh = [row for row in rows if self._applied.get(row.id) != row.updated_at]
            if fresh:
                await to_thread.run_sync(
                    self.engine.put,
                    [_listing(row) for row in fresh if _findable(row)],
                    [row.id for row in fresh if not _findable(row)],
                )
                changed += len(fresh)
                for row in fresh:
                    self._applied[row.id] = row.updated_at
                    self._read_until = max(self._read_until, row.updated_at)
            if len(rows) < BATCH:
                break
            after = (rows[-1].updated_at, rows[-1].id)
        if changed:
            await to_thread.run_sync(self.engine.commit)
            metrics.SEARCH_INDEX_CHANGES.inc(changed)
        horizon = self._read_until - OVERLAP
        self._applied = {key: seen for key, seen in self._applied.items() if seen >= horizon}
        return changed


class EngineFailed(Exception):
    """The embedded engine raised (tantivy reports a bug as a Rust panic, not an Exception)."""


async def in_engine(work: Callable[..., T], *args: Any) -> T:
    """Run engine work in a worker thread (tantivy lets go of the GIL); any failure of the
    engine comes out as EngineFailed, for the caller to answer from the database."""
    try:
        return await to_thread.run_sync(work, *args)
    except BaseException as error:
        if not isinstance(error, Exception) and type(error).__name__ != "PanicException":
            raise  # cancellation, interrupts
        raise EngineFailed(str(error)) from error


_running: dict[Database, SearchIndex] = {}


def new_folder(data_dir: Path) -> Path:
    """A folder of this process's own for its index, under `data_dir/search-index/`: named by
    the process id, so a later start removes what a process that died left behind."""
    parent = data_dir / "search-index"
    parent.mkdir(parents=True, exist_ok=True)
    for old in parent.iterdir():
        owner = old.name.split("-", 1)[0]
        if owner.isdigit() and not _alive(int(owner)):
            shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=parent))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


async def start(resources: Resources) -> SearchIndex:
    settings = resources.settings
    folder = new_folder(settings.data_dir)
    index = SearchIndex(resources.db, settings.search_index_lag_seconds, folder)
    _running[resources.db] = index
    await index.build()
    return index


def stop(resources: Resources) -> None:
    index = _running.pop(resources.db, None)
    if index is not None:
        shutil.rmtree(index.engine.folder, ignore_errors=True)


def of_database(database: Database) -> SearchIndex | None:
    """The index of the app on this database; None when its search runs on the database."""
    return _running.get(database)


def of_session(session: AsyncSession) -> SearchIndex | None:
    database = session.info.get("database")
    return of_database(database) if isinstance(database, Database) else None


def listings_changed(session: AsyncSession) -> None:
    """Once the session commits, the next search in this process catches the index up first."""
    index = of_session(session)
    if index is None:
        return

    async def mark() -> None:
        index.mark_stale()

    after_commit(session, mark)
