"""Shipments: buying a label or recording another carrier's number, applying the carrier's
events, and showing the timeline to the two people it concerns.

Carrier events arrive twice (webhook redelivery, a poll after a webhook) and out of order. Each
is kept once (by its carrier event id) and always enters the timeline, but the shipment's status
only moves forward (`RANK`): a late "in transit" after "delivered" changes nothing but the
timeline. A status change is published as `ShipmentUpdated` in the same transaction, and the
new tracking body goes to the order's live channel after the commit.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from techmarket.core import events
from techmarket.core.clock import utcnow
from techmarket.core.db import after_commit
from techmarket.core.resources import Resources
from techmarket.core.security.principal import Principal
from techmarket.services.shipping.carrier_link import carrier_for
from techmarket.services.shipping.carriers import tracking_numbers
from techmarket.services.shipping.carriers.base import (
    SERVICE_LEVELS,
    Address,
    LabelRequest,
    Parcel,
    ServiceLevel,
    TrackingUpdate,
)
from techmarket.services.shipping.errors import (
    AlreadyShipped,
    InvalidShipment,
    LabelNotFound,
    TrackingNotFound,
)
from techmarket.services.shipping.events import ShipmentUpdated
from techmarket.services.shipping.label_files import LabelFiles
from techmarket.services.shipping.models import (
    LabelSource,
    Shipment,
    ShipmentStatus,
    TrackingEvent,
)
from techmarket.services.shipping.sandbox_carrier.configuration import carrier_public_url
from techmarket.services.shipping.schemas import ShipmentRead, TrackingEventRead, TrackingRead
from techmarket.services.users import client as users

S = ShipmentStatus
RANK: dict[ShipmentStatus, int] = {
    S.LABEL_CREATED: 0,
    S.PICKED_UP: 1,
    S.IN_TRANSIT: 2,
    S.OUT_FOR_DELIVERY: 3,
    S.DELIVERY_EXCEPTION: 4,
    S.DELIVERED: 5,
    S.RETURNED_TO_SENDER: 5,
}
FINAL = frozenset({S.DELIVERED, S.RETURNED_TO_SENDER})
LIVE_UPDATES = "shipping_live_updates"
"""`session.info` key: tracking bodies to publish once the transaction commits."""


@dataclass(frozen=True)
class ShipmentRequest:
    """What the orders service knows when its seller ships: the parcel, both addresses, and
    either a service level (buy a label) or another carrier's number."""

    order_id: uuid.UUID
    buyer_id: uuid.UUID
    seller_id: uuid.UUID
    currency: str
    parcel: Parcel
    origin: Address
    destination: Address
    service: str | None = None
    carrier: str | None = None
    tracking_number: str | None = None


def channel(order_id: uuid.UUID) -> str:
    return f"order:{order_id}"


def tracking_url(resources: Resources, shipment: Shipment) -> str | None:
    return tracking_numbers.tracking_url(
        shipment.carrier,
        shipment.tracking_number,
        sandbox_url=carrier_public_url(resources.settings),
    )


def shipment_read(resources: Resources, shipment: Shipment) -> ShipmentRead:
    return ShipmentRead(
        id=shipment.id,
        carrier=shipment.carrier,
        service=shipment.service,
        tracking_number=shipment.tracking_number,
        tracking_url=tracking_url(resources, shipment),
        label_url=f"/api/v1/sales/{shipment.order_id}/label" if shipment.label_key else None,
        status=shipment.status,
        estimated_delivery=shipment.estimated_delivery,
    )


def tracking_read(resources: Resources, shipment: Shipment) -> TrackingRead:
    return TrackingRead(
        order_id=shipment.order_id,
        carrier=shipment.carrier,
        service=shipment.service,
        tracking_number=shipment.tracking_number,
        tracking_url=tracking_url(resources, shipment),
        status=shipment.status,
        estimated_delivery=shipment.estimated_delivery,
        events=[
            TrackingEventRead(
                status=event.status,
                description=event.description,
                location=event.location,
                occurred_at=event.occurred_at,
            )
            for event in sorted(shipment.events, key=lambda e: (e.occurred_at, RANK[e.status]))
        ],
    )


def _checked_other_carrier(request: ShipmentRequest) -> tuple[str, str]:
    carrier = (request.carrier or "").strip().lower()
    known = sorted(set(tracking_numbers.FORMATS) - {tracking_numbers.SANDBOX})
    if carrier not in known:
        raise InvalidShipment(
            f"Unknown carrier {request.carrier!r}; choose one of {', '.join(known)}.",
            errors=[
                {
                    "field": "carrier",
                    "in": "body",
                    "code": "unknown_carrier",
                    "message": f"one of {', '.join(known)}",
                }
            ],
        )
    number = tracking_numbers.normalise(request.tracking_number or "")
    if not tracking_numbers.is_valid(carrier, number):
        raise InvalidShipment(
            f"{request.tracking_number!r} is not a {carrier} tracking number; one looks like "
            f"{tracking_numbers.example(carrier)}.",
            errors=[
                {
                    "field": "tracking_number",
                    "in": "body",
                    "code": "invalid_format",
                    "message": f"like {tracking_numbers.example(carrier)}",
                }
            ],
        )
    return carrier, number


def _checked_service(service: str | None) -> ServiceLevel:
    if service is None:
        return "standard"
    if service not in SERVICE_LEVELS:
        raise InvalidShipment(
            f"Unknown service level {service!r}.",
            errors=[
                {
                    "field": "service",
                    "in": "body",
                    "code": "unknown_service",
                    "message": "standard or express",
                }
            ],
        )
    return service


async def create_shipment(
    session: AsyncSession, resources: Resources, request: ShipmentRequest
) -> ShipmentRead:
    """Buy a label (the sandbox carrier tracks it and pushes its events) or record another
    carrier's number (polled). In the caller's transaction: a failure leaves no shipment."""
    if await session.scalar(select(Shipment.id).where(Shipment.order_id == request.order_id)):
        raise AlreadyShipped(f"Order {request.order_id} has a shipment already.")
    now = utcnow()
    shipment = Shipment(
        id=uuid.uuid4(),
        order_id=request.order_id,
        buyer_id=request.buyer_id,
        seller_id=request.seller_id,
        status=ShipmentStatus.LABEL_CREATED,
        origin_country=request.origin.country,
        origin_postal_code=request.origin.postal_code,
        destination_country=request.destination.country,
        destination_postal_code=request.destination.postal_code or "",
        weight_grams=request.parcel.weight_grams,
        currency=request.currency,
        created_at=now,
        updated_at=now,
        events=[],
    )
    if request.carrier is not None or request.tracking_number is not None:
        shipment.carrier, shipment.tracking_number = _checked_other_carrier(request)
        shipment.label_source = LabelSource.EXTERNAL
        shipment.service = None
    else:
        carrier = carrier_for(resources)
        service = _checked_service(request.service)
        label = await carrier.buy_label(
            LabelRequest(
                reference=str(request.order_id),
                service=service,
                parcel=request.parcel,
                origin=request.origin,
                destination=request.destination,
                currency=request.currency,
            )
        )
        files = LabelFiles.from_settings(resources.settings)
        key = files.key_for(shipment.id, label.media_type)
        await files.put(key, label.content)
        threshold = resources.settings.shipping_insurance_threshold
        shipment.carrier, shipment.tracking_number = carrier.name, label.tracking_number
        shipment.label_source = LabelSource.PURCHASED
        shipment.service = service
        shipment.label_key, shipment.label_media_type = key, label.media_type
        shipment.estimated_delivery = label.estimated_delivery
        shipment.insured_value = request.parcel.value if request.parcel.value > threshold else None
    session.add(shipment)
    await session.flush()
    # Shipped: the buyer hears of it now, with the tracking link, not at the first scan.
    await events.publish(session, _updated(resources, shipment, None, now))
    return shipment_read(resources, shipment)


async def with_events(session: AsyncSession, **where: Any) -> Shipment | None:
    query = select(Shipment).options(selectinload(Shipment.events)).filter_by(**where)
    return await session.scalar(query)


async def apply_update(
    session: AsyncSession, resources: Resources, shipment: Shipment, update: TrackingUpdate
) -> bool:
    """Keep the event once; move the status only forward. Answers whether anything was new."""
    if any(event.carrier_event_id == update.event_id for event in shipment.events):
        return False
    shipment.events.append(
        TrackingEvent(
            shipment_id=shipment.id,
            carrier_event_id=update.event_id[:120],
            status=update.status,
            description=update.description[:300],
            location=update.location,
            occurred_at=update.occurred_at,
            received_at=utcnow(),
        )
    )
    if update.estimated_delivery is not None and shipment.status not in FINAL:
        shipment.estimated_delivery = update.estimated_delivery
    previous = shipment.status
    if RANK[update.status] > RANK[previous]:
        shipment.status = update.status
    shipment.updated_at = utcnow()
    await session.flush()
    if shipment.status != previous:
        await events.publish(
            session, _updated(resources, shipment, previous.value, update.occurred_at)
        )
    _publish_after_commit(session, resources, tracking_read(resources, shipment))
    return True


def _updated(
    resources: Resources, shipment: Shipment, previous: str | None, at: dt.datetime
) -> ShipmentUpdated:
    return ShipmentUpdated(
        order_id=shipment.order_id,
        shipment_id=shipment.id,
        buyer_id=shipment.buyer_id,
        seller_id=shipment.seller_id,
        status=shipment.status.value,
        previous_status=previous,
        tracking_number=shipment.tracking_number,
        tracking_url=tracking_url(resources, shipment),
        occurred_at=at,
    )


def _publish_after_commit(session: AsyncSession, resources: Resources, body: TrackingRead) -> None:
    """The newest body per order leaves once, after the commit (never for a rollback)."""
    pending: dict[uuid.UUID, TrackingRead] | None = session.info.get(LIVE_UPDATES)
    if pending is None:
        pending = session.info[LIVE_UPDATES] = {}

        async def publish() -> None:
            for order_id, tracking in session.info.pop(LIVE_UPDATES, {}).items():
                await resources.live.publish(
                    channel(order_id),
                    {"type": "tracking", "tracking": tracking.model_dump(mode="json")},
                )

        after_commit(session, publish)
    pending[body.order_id] = body


async def _is_party(session: AsyncSession, principal: Principal, shipment: Shipment) -> bool:
    if shipment.buyer_id == principal.user_id:
        return True
    store = await users.get_dealer_of_user(session, principal.user_id)
    return store is not None and store.id == shipment.seller_id


async def tracking_for(
    session: AsyncSession, resources: Resources, principal: Principal, order_id: uuid.UUID
) -> TrackingRead:
    """The buyer's or the seller's view; anyone else (and an order not shipped) gets 404."""
    shipment = await with_events(session, order_id=order_id)
    if shipment is None or not await _is_party(session, principal, shipment):
        raise TrackingNotFound(
            f"There is no tracking for order {order_id}: it has not shipped, or it is not yours."
        )
    return tracking_read(resources, shipment)


async def label_for_seller(
    session: AsyncSession, resources: Resources, principal: Principal, order_id: uuid.UUID
) -> tuple[bytes, str]:
    shipment = await session.scalar(select(Shipment).where(Shipment.order_id == order_id))
    store = await users.get_dealer_of_user(session, principal.user_id)
    if shipment is None or store is None or shipment.seller_id != store.id:
        raise LabelNotFound(f"You have no label for sale {order_id}.")
    if shipment.label_key is None or shipment.label_media_type is None:
        raise LabelNotFound(
            f"Sale {order_id} ships with {shipment.carrier}'s own label, not one bought here."
        )
    content = await LabelFiles.from_settings(resources.settings).read(shipment.label_key)
    if content is None:
        raise LabelNotFound(f"The label of sale {order_id} is missing from storage.")
    return content, shipment.label_media_type


async def shipment_of(
    session: AsyncSession, resources: Resources, order_id: uuid.UUID
) -> ShipmentRead | None:
    shipment = await session.scalar(select(Shipment).where(Shipment.order_id == order_id))
    return shipment_read(resources, shipment) if shipment is not None else None
