"""Subscribers run in the publisher's transaction, in order; a failing one undoes the change."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core import events
from techmarket.core.resources import Resources
from techmarket.services.users.models import User
from tests.factories import add_user


@dataclass(frozen=True)
class Renamed:
    user_id: uuid.UUID
    name: str


@dataclass(frozen=True)
class RenamedLoudly(Renamed):
    pass


async def test_subscribers_run_in_order_once_each() -> None:
    heard: list[str] = []

    async def first(session: AsyncSession, event: Renamed) -> None:
        heard.append(f"first {event.name}")

    async def second(session: AsyncSession, event: Renamed) -> None:
        heard.append(f"second {event.name}")

    events.subscribe(Renamed, first)
    events.subscribe(Renamed, second)
    events.subscribe(Renamed, first)  # subscribing twice does not call twice
    await events.publish(None, Renamed(uuid.uuid4(), "x"))  # type: ignore[arg-type]
    await events.publish(None, RenamedLoudly(uuid.uuid4(), "y"))  # type: ignore[arg-type]
    assert heard == ["first x", "second x", "first y", "second y"]


@dataclass(frozen=True)
class Doomed:
    email: str


async def test_a_failing_subscriber_rolls_back_the_publishers_change(
    resources: Resources,
) -> None:
    async def refuse(session: AsyncSession, event: Doomed) -> None:
        raise RuntimeError("no")

    events.subscribe(Doomed, refuse)
    marker = f"doomed-{uuid.uuid4().hex[:8]}"

    async def rename_and_publish() -> None:
        async with resources.db.unit_of_work(write=True) as session:
            await add_user(session, marker)
            await events.publish(session, Doomed(marker))

    with pytest.raises(RuntimeError):
        await rename_and_publish()
    async with resources.db.unit_of_work(write=False) as session:
        assert await session.scalar(select(User).where(User.display_name == marker)) is None
