"""Wire shapes of shipping: rate options, shipments, tracking."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel

from techmarket.services.shipping.carriers.base import ServiceLevel
from techmarket.services.shipping.models import ShipmentStatus


class ShippingOption(BaseModel):
    service: ServiceLevel
    amount: int
    """Minor units, insurance included."""
    estimated_days: tuple[int, int]
    estimated_delivery: dt.date
    insured: bool


class ShipmentRead(BaseModel):
    id: uuid.UUID
    carrier: str
    service: ServiceLevel | None
    tracking_number: str
    tracking_url: str | None
    label_url: str | None
    """Only for a label bought through TechMarket; the seller downloads it there."""
    status: ShipmentStatus
    estimated_delivery: dt.date | None


class TrackingEventRead(BaseModel):
    status: ShipmentStatus
    description: str
    location: str | None
    occurred_at: dt.datetime


class TrackingRead(BaseModel):
    order_id: uuid.UUID
    carrier: str
    service: ServiceLevel | None
    tracking_number: str
    tracking_url: str | None
    status: ShipmentStatus
    estimated_delivery: dt.date | None
    events: list[TrackingEventRead]
    """Oldest first."""


class WebhookAck(BaseModel):
    received: bool
    duplicate: bool
