"""HTTP routes of the sandbox carrier (mounted at /sandbox/carrier).

Buying labels and the tracking service are server-to-server with the secret API key; the
public tracking page (`/track/{number}`) is what a tracking link opens.
"""

from __future__ import annotations

from fastapi import APIRouter, status

from techmarket.core.clock import utcnow
from techmarket.services.shipping.sandbox_carrier import service
from techmarket.services.shipping.sandbox_carrier.deps import ServerCaller, SimulatorDep
from techmarket.services.shipping.sandbox_carrier.schemas import (
    LabelCreate,
    LabelRead,
    TrackerRead,
)

router = APIRouter(tags=["sandbox-carrier"])


@router.post(
    "/labels",
    status_code=status.HTTP_201_CREATED,
    dependencies=[ServerCaller],
    operation_id="sandbox-carrier-buy-label",
    summary="Buy a label; the same reference again returns the first one",
)
async def buy_label(body: LabelCreate, simulator: SimulatorDep) -> LabelRead:
    async with simulator.transaction(write=True) as session:
        parcel = await service.buy_label(
            session, body, step_seconds=simulator.step_seconds, now=utcnow()
        )
        read = service.label_read(parcel)
        due = parcel.next_step_at
    simulator.wake_at(parcel.id, due)
    return read


@router.get(
    "/trackers/{carrier}/{tracking_number}",
    dependencies=[ServerCaller],
    operation_id="sandbox-carrier-track",
    summary="Every event of a number, of this carrier or (simulated) of another",
)
async def track(carrier: str, tracking_number: str, simulator: SimulatorDep) -> TrackerRead:
    async with simulator.transaction(write=True) as session:
        return await service.tracker(
            session, carrier, tracking_number, step_seconds=simulator.step_seconds, now=utcnow()
        )


@router.get("/track/{tracking_number}", operation_id="sandbox-carrier-public-tracking")
async def public_tracking(tracking_number: str, simulator: SimulatorDep) -> TrackerRead:
    """What the tracking link shows anyone who has the number."""
    async with simulator.transaction(write=True) as session:
        return await service.tracker(
            session,
            "sandbox",
            tracking_number,
            step_seconds=simulator.step_seconds,
            now=utcnow(),
        )
