"""Database engine, the declarative base and the one-session-per-request unit of work.

SQLite (aiosqlite) is the embedded default; MariaDB/MySQL (asyncmy) and PostgreSQL (asyncpg)
are the production engines. On SQLite the driver's own implicit BEGIN is switched off and
TechMarket emits BEGIN itself, so that write transactions can take the write lock up front
with `BEGIN IMMEDIATE` (SQLite ignores `SELECT … FOR UPDATE`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import logging
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import DateTime, Enum, MetaData, TypeDecorator, Uuid, event
from sqlalchemy.dialects import mysql
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.types import TypeEngine

log = logging.getLogger(__name__)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SQLITE_BEGIN_OPTION = "techmarket_sqlite_begin"
"""Execution option naming the SQLite BEGIN mode of a transaction: DEFERRED or IMMEDIATE."""


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes on every engine (SQLite and MySQL keep no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        # MySQL/MariaDB DATETIME keeps whole seconds unless asked for microseconds.
        if dialect.name in {"mysql", "mariadb"}:
            return dialect.type_descriptor(mysql.DATETIME(fsp=6))
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; TechMarket stores UTC-aware times only")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # pragma: no cover - SQLite without type detection
            value = dt.datetime.fromisoformat(value)
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    """Declarative base for every table; constraint names follow one convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UTCDateTime(), uuid.UUID: Uuid(as_uuid=True)}


def str_enum(enum_type: type[enum.StrEnum], length: int = 20) -> Enum:
    """An enum stored as its values in a short string column with a CHECK constraint: portable
    across engines, and a new member needs only a migration that edits the CHECK list."""
    return Enum(
        enum_type,
        native_enum=False,
        length=length,
        create_constraint=True,
        values_callable=lambda members: [member.value for member in members],
    )


class UUIDPrimaryKey:
    """Opaque, unguessable ids (DESIGN §3): never an auto-increment number in a URL."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def create_engine(
    url: str, *, pool_size: int = 10, max_overflow: int = 10, echo: bool = False
) -> AsyncEngine:
    """An async engine with the settings each supported database needs."""
    if is_sqlite(url):
        engine = create_async_engine(url, echo=echo, connect_args={"timeout": 30})
        _configure_sqlite(engine)
        return engine
    return create_async_engine(
        url,
        echo=echo,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_pre_ping=True,
        pool_recycle=1800,
    )


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        # Take BEGIN away from the driver so `_on_begin` decides the mode.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(SQLITE_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {'IMMEDIATE' if mode == 'IMMEDIATE' else 'DEFERRED'}")


AfterCommit = Callable[[], Awaitable[None]]


def after_commit(session: AsyncSession, action: AfterCommit) -> None:
    """Run `action` once the unit of work has committed (mail, cache invalidation…).

    Nothing leaves the process for a transaction that rolls back.
    """
    session.info.setdefault("after_commit", []).append(action)


@event.listens_for(AsyncSession.sync_session_class, "before_flush")
def _no_writes_in_reads(session: Any, _context: Any, _instances: Any) -> None:
    """A read unit of work never writes: on SQLite its snapshot cannot become a write once
    another writer has gone first ("database is locked", by chance). Refused every time, on
    every engine, so the mistake shows in the first test instead of under load."""
    if session.info.get("read_only") and (session.new or session.dirty or session.deleted):
        pending = (*session.new, *session.dirty, *session.deleted)
        changed = sorted({type(row).__name__ for row in pending})
        raise RuntimeError(
            f"a read unit of work tried to write ({', '.join(changed)}): use write=True, "
            "or core.db.write_after_commit"
        )


def write_after_commit(
    session: AsyncSession, work: Callable[[AsyncSession], Awaitable[None]]
) -> None:
    """Run `work` in a write unit of work of its own once `session` has committed: for a read
    that finds something to write down (an offer past its time). SQLite cannot upgrade a read
    transaction once another writer has gone first; a failure here is logged, not raised."""
    _in_own_unit_after_commit(session, work, write=True)


def read_after_commit(
    session: AsyncSession, work: Callable[[AsyncSession], Awaitable[None]]
) -> None:
    """Run `work` in a read unit of work of its own once `session` has committed: reads that
    only serve what follows the commit (which cache entries to drop) need not hold a write
    transaction, nor SQLite's one writer lock, any longer. A failure is logged, not raised."""
    _in_own_unit_after_commit(session, work, write=False)


def _in_own_unit_after_commit(
    session: AsyncSession, work: Callable[[AsyncSession], Awaitable[None]], *, write: bool
) -> None:
    database: Database = session.info["database"]

    async def later() -> None:
        try:
            async with database.unit_of_work(write=write) as own:
                await work(own)
        except Exception:
            log.exception("work after a commit failed (%s)", "write" if write else "read")

    after_commit(session, later)


async def _run_after_commit(session: AsyncSession) -> None:
    for action in session.info.pop("after_commit", []):
        await action()


SQLITE_WRITER_WAIT = 30.0  # seconds, as the busy timeout


class Database:
    """The engine and session factory of one database (each service may get its own URL)."""

    def __init__(self, url: str, **engine_options: Any) -> None:
        self.url = url
        self.engine = create_engine(url, **engine_options)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False)
        # SQLite takes one writer at a time. Writers of this process queue here, in the event
        # loop, instead of in SQLite's busy handler, which sleeps in steps of up to 100 ms and
        # so keeps the lock idle after it frees. Other processes still meet the busy timeout.
        self._sqlite_writer = asyncio.Lock()

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    async def refresh_statistics(self) -> None:
        """SQLite plans by index statistics only once ANALYZE has gathered them; without them
        it may walk a million rows in the wrong index (docs/benchmarks.md). A full pass (a
        sampled one misjudges how selective a category is) takes 2.4 s at a million
        listings, once per start. Server databases keep their own statistics."""
        if not self.is_sqlite:
            return
        async with self.engine.begin() as connection:
            await connection.exec_driver_sql("PRAGMA analysis_limit=0")
            await connection.exec_driver_sql("ANALYZE")

    @asynccontextmanager
    async def unit_of_work(self, *, write: bool) -> AsyncIterator[AsyncSession]:
        """One transaction: commits when the block ends normally, rolls back on error.

        `write=True` takes SQLite's write lock at BEGIN, so a read-then-write cannot fail
        half-way on a lock upgrade; other engines use row locks (`with_for_update`).
        """
        if write and self.is_sqlite:
            try:
                async with asyncio.timeout(SQLITE_WRITER_WAIT):
                    await self._sqlite_writer.acquire()
            except TimeoutError:
                raise RuntimeError(
                    "waited too long for SQLite's write lock (a write unit of work opened "
                    "inside another one?)"
                ) from None
        try:
            async with self.sessionmaker() as session:
                session.info["database"] = self
                session.info["read_only"] = not write
                if write and self.is_sqlite:
                    await session.connection(execution_options={SQLITE_BEGIN_OPTION: "IMMEDIATE"})
                try:
                    yield session
                    await session.commit()
                except BaseException as error:
                    # Some refusals must leave a trace (a failed sign-in in the activity log, a
                    # wrong MFA code counted): their error class asks for a commit first.
                    if getattr(error, "commit_before_raising", False):
                        await session.commit()
                        self._release_writer(write)
                        write = False
                        await _run_after_commit(session)
                    else:
                        await session.rollback()
                        raise
                    raise
                self._release_writer(write)
                write = False
                await _run_after_commit(session)
        finally:
            self._release_writer(write)

    def _release_writer(self, held: bool) -> None:
        """Let the next writer in as soon as this one committed (before after-commit work)."""
        if held and self.is_sqlite:
            self._sqlite_writer.release()

    async def ping(self) -> None:
        async with self.engine.connect() as connection:
            await connection.exec_driver_sql("SELECT 1")

    async def dispose(self) -> None:
        await self.engine.dispose()
