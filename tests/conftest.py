"""Test set-up: a real database (SQLite file by default, MariaDB/PostgreSQL by URL), a real cache
(in process by default, Redis by URL), and the real app reached over HTTP through httpx.

    TECHMARKET_TEST_DATABASE_URL=mysql+asyncmy://root@127.0.0.1:3306/test
    TECHMARKET_TEST_REDIS_URL=redis://127.0.0.1:6379/0

The schema is migrated with Alembic once per run. Tests do not share rows they assert on:
each makes its own sellers and listings with the factories and filters by them.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import redis.asyncio as redis_asyncio
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from sqlalchemy import MetaData

from techmarket.app import create_app
from techmarket.config import Settings
from techmarket.core.db import create_engine
from techmarket.core.resources import Resources
from techmarket.migrations.runner import upgrade

TEST_DATABASE_URL = os.environ.get("TECHMARKET_TEST_DATABASE_URL")
TEST_REDIS_URL = os.environ.get("TECHMARKET_TEST_REDIS_URL")


async def _drop_everything(url: str) -> None:
    """Start a shared server database from nothing, whatever an earlier run left."""
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            if connection.dialect.name in {"mysql", "mariadb"}:
                await connection.exec_driver_sql("SET FOREIGN_KEY_CHECKS=0")
            metadata = MetaData()
            await connection.run_sync(metadata.reflect)
            await connection.run_sync(metadata.drop_all)
            if connection.dialect.name in {"mysql", "mariadb"}:
                await connection.exec_driver_sql("SET FOREIGN_KEY_CHECKS=1")
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("techmarket-data")


@pytest.fixture(scope="session")
def database_url(data_dir: Path) -> str:
    if TEST_DATABASE_URL:
        asyncio.run(_drop_everything(TEST_DATABASE_URL))
        return TEST_DATABASE_URL
    return f"sqlite+aiosqlite:///{data_dir / 'test.db'}"


@pytest.fixture(scope="session")
def settings(
    data_dir: Path, database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    upgrade(database_url)
    return Settings(
        environment="test",
        data_dir=data_dir,
        database_url=database_url,
        redis_url=TEST_REDIS_URL,
        frontend_dir=tmp_path_factory.mktemp("no-frontend-build"),
        max_body_bytes=64 * 1024,
        cache_warm_on_start=True,
        search_index_lag_seconds=0,  # every search first reads what the factories wrote
        orders_sweep_seconds=3600,  # tests run the sweep themselves, at the moment they choose
    )


@pytest.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings)
    async with LifespanManager(application):
        await application.state.resources.cache.clear()
        if TEST_REDIS_URL:  # attempt counters of an earlier run must not throttle this one
            client = redis_asyncio.Redis.from_url(TEST_REDIS_URL)
            async for key in client.scan_iter(match="techmarket:limits*", count=500):
                await client.delete(key)
            await client.aclose()
        yield application


@pytest.fixture(scope="session")
def resources(app: FastAPI) -> Resources:
    resources: Resources = app.state.resources
    return resources


@pytest.fixture(scope="session")
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture(scope="session")
async def database_search_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """A second app on the same database, whose searches run on the database's full text."""
    application = create_app(settings.model_copy(update={"search_engine": "database"}))
    async with LifespanManager(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


@pytest.fixture(params=["embedded", "database"])
def search_client(request: pytest.FixtureRequest) -> httpx.AsyncClient:
    """A client of each search engine in turn: the embedded index, then the database."""
    name = "client" if request.param == "embedded" else "database_search_client"
    found: httpx.AsyncClient = request.getfixturevalue(name)
    return found


def pytest_report_header() -> list[str]:
    return [
        f"techmarket database: {TEST_DATABASE_URL or 'SQLite (temporary file)'}",
        f"techmarket cache: {TEST_REDIS_URL or 'in process'}",
    ]
