"""The seam between TechMarket and a carrier: one Protocol, plain result types.

An adapter speaks kilograms-as-grams, centimetres-as-millimetres and minor units whatever its
carrier uses, and maps the carrier's statuses to `ShipmentStatus`, so the shipping service holds
no carrier-specific rule. The built-in sandbox carrier is one adapter; EasyPost or Shippo would
be others (their tracker webhooks and `track` calls map the same way).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from techmarket.core.errors import AppError
from techmarket.services.shipping.models import ShipmentStatus

ServiceLevel = Literal["standard", "express"]
SERVICE_LEVELS: tuple[ServiceLevel, ...] = ("standard", "express")


@dataclass(frozen=True)
class Place:
    country: str
    postal_code: str | None = None


@dataclass(frozen=True)
class Address:
    """A postal address as printed on a label."""

    name: str
    line1: str
    city: str
    country: str
    postal_code: str | None = None
    line2: str | None = None
    region: str | None = None

    @property
    def place(self) -> Place:
        return Place(self.country, self.postal_code)


@dataclass(frozen=True)
class Parcel:
    weight_grams: int
    length_mm: int
    width_mm: int
    height_mm: int
    value: int = 0
    """What the contents are worth (minor units), for insurance."""


@dataclass(frozen=True)
class RateOption:
    service: ServiceLevel
    amount: int
    """The whole price in minor units, insurance included."""
    estimated_days: tuple[int, int]
    estimated_delivery: dt.date
    insured: bool
    insurance_amount: int
    zone: str
    billed_weight_grams: int
    """The greater of the actual and the dimensional weight, rounded up to the half kilogram."""


@dataclass(frozen=True)
class LabelRequest:
    reference: str
    """The order id: buying twice for one reference returns the first label."""
    service: ServiceLevel
    parcel: Parcel
    origin: Address
    destination: Address
    currency: str


@dataclass(frozen=True)
class Label:
    tracking_number: str
    content: bytes
    media_type: str
    estimated_delivery: dt.date | None


@dataclass(frozen=True)
class TrackingUpdate:
    """One carrier event, normalised. `event_id` is stable: the same event seen twice (webhook
    and poll, or a redelivery) has the same id."""

    event_id: str
    tracking_number: str
    status: ShipmentStatus
    description: str
    location: str | None
    occurred_at: dt.datetime
    estimated_delivery: dt.date | None = None


@dataclass(frozen=True)
class WebhookEvent:
    """A verified carrier webhook: its id (for de-duplication) and the update it carries."""

    id: str
    update: TrackingUpdate


class Carrier(Protocol):
    name: str

    def rates(self, parcel: Parcel, origin: Place, destination: Place) -> list[RateOption]:
        """Every service level's price and estimate for the parcel."""
        ...

    async def buy_label(self, request: LabelRequest) -> Label:
        """Buy a label (idempotent by `request.reference`)."""
        ...

    async def track(self, carrier: str, tracking_number: str) -> list[TrackingUpdate]:
        """Every event known for a number (of this carrier or, through the carrier's tracking
        service, another's), oldest first."""
        ...

    def parse_webhook(self, headers: Mapping[str, str], raw_body: bytes) -> WebhookEvent:
        """Verify the signature over the raw body and read the event
        (`InvalidWebhookSignature`, `InvalidWebhookPayload`)."""
        ...

    async def aclose(self) -> None: ...


class CarrierError(AppError):
    """The carrier could not be reached or answered something unexpected."""

    status, code, title = 502, "carrier-error", "The carrier failed"


class MissingWebhookSignature(AppError):
    status, code, title = 401, "missing-webhook-signature", "The webhook is not signed"


class InvalidWebhookSignature(AppError):
    status, code, title = 400, "invalid-webhook-signature", "The webhook signature is not valid"


class InvalidWebhookPayload(AppError):
    status, code, title = 400, "invalid-webhook-payload", "The webhook body is not a valid event"
