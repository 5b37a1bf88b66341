"""The migrations go up, down and up again on every supported database."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from techmarket.core.db import Base, create_engine
from techmarket.migrations.registry import import_all_models, is_modelled
from techmarket.migrations.runner import downgrade, upgrade
from tests.conftest import TEST_DATABASE_URL


async def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            names = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
            return {name for name in names if is_modelled(name, "table")} - {"alembic_version"}
    finally:
        await engine.dispose()


async def _scratch_database(url: str) -> str:
    """A database of its own next to the test database, so the suite's tables stay put."""
    parsed = make_url(url)
    scratch = f"{parsed.database}_migrations"
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {scratch}")
            await connection.exec_driver_sql(f"CREATE DATABASE {scratch}")
    finally:
        await engine.dispose()
    return parsed.set(database=scratch).render_as_string(hide_password=False)


def test_round_trip(tmp_path: Path) -> None:
    if TEST_DATABASE_URL:
        url = asyncio.run(_scratch_database(TEST_DATABASE_URL))
    else:
        url = f"sqlite+aiosqlite:///{tmp_path / 'migrations.db'}"
    import_all_models()
    expected = set(Base.metadata.tables)
    upgrade(url)
    assert asyncio.run(_tables(url)) == expected
    downgrade(url, "base")
    assert asyncio.run(_tables(url)) == set()
    upgrade(url)
    assert asyncio.run(_tables(url)) == expected


async def _drift(url: str) -> list[object]:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(sync, opts={"include_name": is_modelled}),
                    Base.metadata,
                )
            )
    finally:
        await engine.dispose()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    """A table or column added to a model without a migration fails here."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'drift.db'}"
    import_all_models()
    upgrade(url)
    assert asyncio.run(_drift(url)) == []
