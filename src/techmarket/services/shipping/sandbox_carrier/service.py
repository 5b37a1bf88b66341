"""Rules of the sandbox carrier: labels, the journey of a parcel, and what it reports.

A parcel follows its scenario one step per `step_seconds`: label created (at once), picked up,
in transit, out for delivery, delivered. A parcel whose tracking number ends in `EXC` (the
sandbox issues one when the recipient's postal code is `99999`, and a seller may enter one for
another carrier) fails at the door and goes back to its sender instead. Each step is an event
stamped with the time it was due, so a catch-up after a pause tells the same story.
"""

from __future__ import annotations

import base64
import datetime as dt
import secrets
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.errors import NotFound
from techmarket.services.shipping import labels, rates
from techmarket.services.shipping.carriers.base import Address, Place
from techmarket.services.shipping.carriers.base import Parcel as ParcelSize
from techmarket.services.shipping.sandbox_carrier import models, schemas

EXCEPTION_MARKER = "EXC"
EXCEPTION_POSTAL_CODE = "99999"
SCENARIOS: dict[str, tuple[str, ...]] = {
    "delivered": ("label_created", "picked_up", "in_transit", "out_for_delivery", "delivered"),
    "exception": (
        "label_created",
        "picked_up",
        "in_transit",
        "out_for_delivery",
        "delivery_exception",
        "returned_to_sender",
    ),
}
EVENTS_RECORDED = "sandbox_carrier_events"
"""`session.info` key: ids of the webhook events this transaction recorded."""


class ParcelNotFound(NotFound):
    code, title = "parcel-not-found", "No such parcel"


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_urlsafe(18)}"


def _scenario_of(tracking_number: str) -> str:
    return "exception" if tracking_number.endswith(EXCEPTION_MARKER) else "delivered"


def _describe(status: str, details: dict[str, Any]) -> tuple[str, str | None]:
    origin = details.get("sender", {}).get("city")
    destination = details.get("recipient", {}).get("city")
    return {
        "label_created": ("Label created; waiting for the parcel", origin),
        "picked_up": ("Picked up from the sender", origin),
        "in_transit": ("On its way to the destination depot", None),
        "out_for_delivery": ("Out for delivery", destination),
        "delivered": ("Delivered", destination),
        "delivery_exception": ("Delivery failed: nobody at the address", destination),
        "returned_to_sender": ("Returned to the sender", origin),
    }[status]


def _record(session: AsyncSession, parcel: models.Parcel, status: str, at: dt.datetime) -> str:
    description, location = _describe(status, parcel.details)
    event = models.ParcelEvent(
        id=new_id("evt"),
        parcel_id=parcel.id,
        status=status,
        description=description,
        location=location,
        occurred_at=at,
        attempts=0,
    )
    session.add(event)
    if parcel.kind == "label":  # trackers are polled, never pushed
        session.info.setdefault(EVENTS_RECORDED, []).append(event.id)
    return event.id


def _address(given: schemas.AddressIn) -> Address:
    return Address(
        name=given.name,
        line1=given.line1,
        line2=given.line2,
        city=given.city,
        region=given.region,
        postal_code=given.postal_code,
        country=given.country,
    )


async def buy_label(
    session: AsyncSession, request: schemas.LabelCreate, *, step_seconds: float, now: dt.datetime
) -> models.Parcel:
    """A new label, or the one bought before for the same reference."""
    found = await session.scalar(
        select(models.Parcel).where(models.Parcel.reference == request.reference)
    )
    if found is not None:
        return found
    number = f"TM{secrets.randbelow(10**12):012d}"
    if request.recipient.postal_code == EXCEPTION_POSTAL_CODE:
        number += EXCEPTION_MARKER
    sender, recipient = _address(request.sender), _address(request.recipient)
    size = request.parcel
    option = rates.rate(
        request.service,
        ParcelSize(size.weight_grams, size.length_mm, size.width_mm, size.height_mm, size.value),
        Place(sender.country, sender.postal_code),
        Place(recipient.country, recipient.postal_code),
        insurance_threshold=0,
        today=now.date(),
    )
    parcel = models.Parcel(
        id=new_id("shp"),
        kind="label",
        carrier="sandbox",
        tracking_number=number,
        reference=request.reference,
        service=request.service,
        scenario=_scenario_of(number),
        step=0,
        step_seconds=step_seconds,
        next_step_at=now + dt.timedelta(seconds=step_seconds),
        details=request.model_dump(mode="json", include={"sender", "recipient", "parcel"}),
        label=labels.render_label(
            tracking_number=number,
            service=request.service,
            sender=sender,
            recipient=recipient,
            weight_grams=size.weight_grams,
        ),
        estimated_delivery=option.estimated_delivery.isoformat(),
        created_at=now,
    )
    session.add(parcel)
    _record(session, parcel, "label_created", now)
    await session.flush()
    return parcel


def catch_up(session: AsyncSession, parcel: models.Parcel, now: dt.datetime) -> int:
    """Record every step that fell due by `now`; answers how many."""
    steps = SCENARIOS[parcel.scenario]
    done = 0
    while parcel.next_step_at is not None and parcel.next_step_at <= now:
        parcel.step += 1
        _record(session, parcel, steps[parcel.step], parcel.next_step_at)
        done += 1
        last = parcel.step == len(steps) - 1
        parcel.next_step_at = (
            None if last else parcel.next_step_at + dt.timedelta(seconds=parcel.step_seconds)
        )
    return done


async def advance(session: AsyncSession, parcel_id: str, now: dt.datetime) -> dt.datetime | None:
    """The clock's tick for one parcel; answers when its next step is due."""
    parcel = await session.get(models.Parcel, parcel_id)
    if parcel is None:
        return None
    catch_up(session, parcel, now)
    await session.flush()
    return parcel.next_step_at


async def tracker(
    session: AsyncSession, carrier: str, number: str, *, step_seconds: float, now: dt.datetime
) -> schemas.TrackerRead:
    """The tracking service: a label of this carrier, or another carrier's number, which the
    sandbox starts following (and simulating) the first time it is asked."""
    parcel = await session.scalar(
        select(models.Parcel).where(
            models.Parcel.tracking_number == number, models.Parcel.carrier == carrier
        )
    )
    if parcel is None:
        if carrier == "sandbox":
            raise ParcelNotFound(f"No sandbox parcel has the tracking number {number}.")
        parcel = models.Parcel(
            id=new_id("trk"),
            kind="tracker",
            carrier=carrier,
            tracking_number=number,
            reference=None,
            service="standard",
            scenario=_scenario_of(number),
            step=0,
            step_seconds=step_seconds,
            next_step_at=now + dt.timedelta(seconds=step_seconds),
            details={},
            label=None,
            estimated_delivery=None,
            created_at=now,
        )
        session.add(parcel)
        _record(session, parcel, "label_created", now)
    catch_up(session, parcel, now)
    await session.flush()
    return await tracker_read(session, parcel)


async def events_of(session: AsyncSession, parcel_id: str) -> list[models.ParcelEvent]:
    rows = await session.scalars(
        select(models.ParcelEvent)
        .where(models.ParcelEvent.parcel_id == parcel_id)
        .order_by(models.ParcelEvent.occurred_at)
    )
    return list(rows)


def event_read(event: models.ParcelEvent) -> schemas.EventRead:
    return schemas.EventRead(
        id=event.id,
        status=event.status,
        description=event.description,
        location=event.location,
        occurred_at=event.occurred_at,
    )


async def tracker_read(session: AsyncSession, parcel: models.Parcel) -> schemas.TrackerRead:
    events = await events_of(session, parcel.id)
    return schemas.TrackerRead(
        carrier=parcel.carrier,
        tracking_number=parcel.tracking_number,
        status=events[-1].status if events else "label_created",
        estimated_delivery=_date(parcel.estimated_delivery),
        events=[event_read(event) for event in events],
    )


def label_read(parcel: models.Parcel) -> schemas.LabelRead:
    assert parcel.label is not None
    return schemas.LabelRead(
        id=parcel.id,
        tracking_number=parcel.tracking_number,
        service=parcel.service,
        status=SCENARIOS[parcel.scenario][parcel.step],
        label=base64.b64encode(parcel.label).decode(),
        label_media_type=labels.MEDIA_TYPE,
        estimated_delivery=_date(parcel.estimated_delivery),
    )


async def webhook_body(session: AsyncSession, event_id: str, now: dt.datetime) -> bytes | None:
    event = await session.get(models.ParcelEvent, event_id)
    if event is None:
        return None
    parcel = await session.get(models.Parcel, event.parcel_id)
    assert parcel is not None
    body = schemas.WebhookBody(
        id=event.id,
        created=now,
        data=schemas.WebhookData(
            carrier=parcel.carrier,
            tracking_number=parcel.tracking_number,
            reference=parcel.reference,
            event=event_read(event),
            estimated_delivery=_date(parcel.estimated_delivery),
        ),
    )
    return body.model_dump_json().encode()


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
