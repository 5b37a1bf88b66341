"""Time-driven steps: unpaid reservations expire after 15 minutes, inspected orders complete,
old idempotency keys go, offers past their 48 hours expire. Each worker runs the sweep; every
step re-checks the status inside its own write transaction, so two workers never do one thing
twice."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

from sqlalchemy import select

from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.services.cart import client as cart
from techmarket.services.orders import idempotency, payment_hooks, service
from techmarket.services.orders.models import Checkout, CheckoutStatus
from techmarket.services.payments import client as payments

log = logging.getLogger(__name__)


async def expire_reservations(resources: Resources, now: dt.datetime | None = None) -> int:
    """Void the payment of every checkout still unpaid after its reservation, release its
    stock and drop its orders."""
    async with resources.db.unit_of_work(write=False) as session:
        due = list(
            await session.scalars(
                select(Checkout.id).where(
                    Checkout.status == CheckoutStatus.PENDING_PAYMENT,
                    Checkout.reservation_expires_at <= (now or utcnow()),
                )
            )
        )
    for checkout_id in due:
        async with resources.db.unit_of_work(write=False) as session:
            checkout = await session.get(Checkout, checkout_id)
            payment_id = checkout.payment_id if checkout else None
        if payment_id is not None:
            await payments.void(resources, payment_id)  # settles as cancelled: released there
        async with resources.db.unit_of_work(write=True) as session:
            pending = await payment_hooks.pending(session, checkout_id)
            if pending is not None:
                await payment_hooks.release(session, resources, pending, CheckoutStatus.EXPIRED)
    return len(due)


async def sweep(resources: Resources) -> None:
    await expire_reservations(resources)
    async with resources.db.unit_of_work(write=True) as session:
        await service.complete_inspected(session)
        await idempotency.purge_expired(session)
        await cart.expire_offers(session)


async def run_forever(resources: Resources) -> None:
    while True:
        await asyncio.sleep(resources.settings.orders_sweep_seconds)
        try:
            await sweep(resources)
        except Exception:  # the next round tries again; a sweep must not die of one bad row
            log.exception("the orders sweep failed")


_tasks: set[asyncio.Task[None]] = set()


def start(resources: Resources) -> None:
    task = asyncio.create_task(run_forever(resources), name="orders sweep")
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
