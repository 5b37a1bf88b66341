"""The unit of work commits or rolls back as a whole; SQLite writers take the lock at BEGIN."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import select

from techmarket.core.resources import Resources
from techmarket.services.users.models import User
from tests.factories import add_user, unique


async def test_a_failed_unit_of_work_leaves_nothing_behind(resources: Resources) -> None:
    email = f"{unique('rollback')}@example.test"
    user_id = uuid.uuid4()

    async def write_then_fail() -> None:
        async with resources.db.unit_of_work(write=True) as session:
            user = User(id=user_id, display_name="Half written")
            user.set_email(email)
            session.add(user)
            await session.flush()
            raise RuntimeError("something failed after the write")

    with pytest.raises(RuntimeError, match="failed after the write"):
        await write_then_fail()
    async with resources.db.unit_of_work(write=False) as session:
        assert await session.get(User, user_id) is None


async def test_sqlite_write_transactions_serialize_at_begin(resources: Resources) -> None:
    if not resources.db.is_sqlite:
        pytest.skip("BEGIN IMMEDIATE is SQLite's; server databases lock rows instead")
    order: list[str] = []
    first_holds_lock = asyncio.Event()

    async def first() -> None:
        async with resources.db.unit_of_work(write=True):
            order.append("first began")
            first_holds_lock.set()
            await asyncio.sleep(0.3)
            order.append("first committed")

    async def second() -> None:
        await first_holds_lock.wait()
        async with resources.db.unit_of_work(write=True):
            order.append("second began")

    await asyncio.gather(first(), second())
    assert order == ["first began", "first committed", "second began"]


async def test_times_come_back_utc_aware(resources: Resources) -> None:
    email = f"{unique('tz')}@example.test"
    user_id = uuid.uuid4()
    async with resources.db.unit_of_work(write=True) as session:
        zoned = User(id=user_id, display_name="Zoned")
        zoned.set_email(email)
        session.add(zoned)
    async with resources.db.unit_of_work(write=False) as session:
        user = await session.get(User, user_id)
        assert user is not None
        assert user.created_at.utcoffset() is not None
        assert user.created_at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]


async def test_a_read_unit_of_work_refuses_to_write(resources: Resources) -> None:
    marker = unique("read-only")

    async def write_in_a_read() -> None:
        async with resources.db.unit_of_work(write=False) as session:
            await add_user(session, marker)

    with pytest.raises(RuntimeError, match="read unit of work tried to write"):
        await write_in_a_read()
    async with resources.db.unit_of_work(write=False) as session:
        found = await session.scalar(select(User).where(User.display_name == marker))
    assert found is None
