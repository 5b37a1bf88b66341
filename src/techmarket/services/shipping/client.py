"""What other services may call on the shipping service (in process, for now)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.db import after_commit
from techmarket.core.resources import Resources
from techmarket.services.shipping import polling, service
from techmarket.services.shipping.carrier_link import carrier_for, connect_in_process, disconnect
from techmarket.services.shipping.carriers.base import (
    SERVICE_LEVELS,
    Address,
    Parcel,
    Place,
    RateOption,
    ServiceLevel,
)
from techmarket.services.shipping.carriers.tracking_numbers import OtherCarrier
from techmarket.services.shipping.events import ShipmentUpdated
from techmarket.services.shipping.parcels import Item, parcel_of
from techmarket.services.shipping.schemas import ShipmentRead, ShippingOption
from techmarket.services.shipping.service import ShipmentRequest, shipment_of


def rate_options(
    resources: Resources, parcel: Parcel, origin: Place, destination: Place
) -> list[RateOption]:
    """Every service level for the parcel, by the configured carrier (cheapest first)."""
    return carrier_for(resources).rates(parcel, origin, destination)


def shipping_option(rate: RateOption) -> ShippingOption:
    return ShippingOption(
        service=rate.service,
        amount=rate.amount,
        estimated_days=rate.estimated_days,
        estimated_delivery=rate.estimated_delivery,
        insured=rate.insured,
    )


async def create_shipment(
    session: AsyncSession, resources: Resources, request: ShipmentRequest
) -> ShipmentRead:
    """Buy a label or record another carrier's number, in the caller's transaction
    (`InvalidShipment` 422 names the field; `CarrierError` 502)."""
    shipment = await service.create_shipment(session, resources, request)
    if shipment.label_url is None:
        shipment_id: uuid.UUID = shipment.id

        async def first_poll() -> None:
            polling.poll_soon(resources, shipment_id)

        after_commit(session, first_poll)
    return shipment


__all__ = [
    "SERVICE_LEVELS",
    "Address",
    "Item",
    "OtherCarrier",
    "Parcel",
    "Place",
    "RateOption",
    "ServiceLevel",
    "ShipmentRead",
    "ShipmentRequest",
    "ShipmentUpdated",
    "ShippingOption",
    "connect_in_process",
    "create_shipment",
    "disconnect",
    "parcel_of",
    "rate_options",
    "shipment_of",
    "shipping_option",
]
