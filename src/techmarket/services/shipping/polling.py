"""Shipments with another carrier's number have no webhooks here: they are polled.

Every `shipping_tracking_poll_seconds` each worker asks the carrier's tracking service (the
sandbox carrier plays one in the demo) for the events of every such shipment still on the way,
and applies them like webhook events (de-duplicated by event id, status only forward). A number
is also polled right after the seller enters it, so the timeline starts at once. Two workers
polling the same shipment store each event once (unique per shipment and carrier event id).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import uuid

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.services.shipping import service
from techmarket.services.shipping.carrier_link import carrier_for
from techmarket.services.shipping.carriers.base import CarrierError
from techmarket.services.shipping.models import LabelSource, Shipment

log = logging.getLogger(__name__)


async def poll_one(resources: Resources, shipment_id: uuid.UUID) -> int:
    """Fetch and apply a shipment's events; answers how many were new."""
    async with resources.db.unit_of_work(write=False) as session:
        shipment = await session.get(Shipment, shipment_id)
        if shipment is None:
            return 0
        carrier_name, number = shipment.carrier, shipment.tracking_number
    updates = await carrier_for(resources).track(carrier_name, number)
    new = 0
    try:
        async with resources.db.unit_of_work(write=True) as session:
            shipment = await service.with_events(session, id=shipment_id)
            if shipment is None:
                return 0
            for update in updates:
                new += await service.apply_update(session, resources, shipment, update)
            shipment.last_polled_at = utcnow()
    except IntegrityError:  # another worker stored the same events a moment ago
        return 0
    return new


async def due(resources: Resources, now: dt.datetime | None = None) -> list[uuid.UUID]:
    now = now or utcnow()
    since = now - dt.timedelta(seconds=resources.settings.shipping_tracking_poll_seconds)
    async with resources.db.unit_of_work(write=False) as session:
        rows = await session.scalars(
            select(Shipment.id).where(
                Shipment.label_source == LabelSource.EXTERNAL,
                Shipment.status.not_in(service.FINAL),
                or_(Shipment.last_polled_at.is_(None), Shipment.last_polled_at <= since),
            )
        )
        return list(rows)


async def sweep(resources: Resources, now: dt.datetime | None = None) -> int:
    polled = 0
    for shipment_id in await due(resources, now):
        try:
            await poll_one(resources, shipment_id)
            polled += 1
        except CarrierError as error:
            log.warning("tracking poll of shipment %s failed: %s", shipment_id, error)
    return polled


async def run_forever(resources: Resources) -> None:
    while True:
        await asyncio.sleep(resources.settings.shipping_tracking_poll_seconds)
        with contextlib.suppress(Exception):
            await sweep(resources)


_tasks: set[asyncio.Task[object]] = set()


def _keep(task: asyncio.Task[object]) -> None:
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)


def start(resources: Resources) -> None:
    _keep(asyncio.create_task(run_forever(resources), name="shipping tracking poll"))


def poll_soon(resources: Resources, shipment_id: uuid.UUID) -> None:
    """A first poll in the background (after the commit that recorded the number)."""

    async def first_poll() -> None:
        try:
            await poll_one(resources, shipment_id)
        except Exception as error:  # the sweep tries again later
            log.warning("first tracking poll of shipment %s failed: %s", shipment_id, error)

    _keep(asyncio.create_task(first_poll(), name=f"poll {shipment_id}"))


async def stop() -> None:
    tasks = list(_tasks)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def drain() -> None:
    """Wait for the first polls in flight (tests)."""
    pending = [task for task in _tasks if task.get_name().startswith("poll ")]
    await asyncio.gather(*pending, return_exceptions=True)
