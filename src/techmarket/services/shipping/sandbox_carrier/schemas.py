"""Wire shapes of the sandbox carrier's API (its own, as an external carrier's would be)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class AddressIn(BaseModel):
    name: Text
    line1: Text
    line2: Text | None = None
    city: Text
    region: Text | None = None
    postal_code: Annotated[str, StringConstraints(max_length=16)] | None = None
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


class ParcelIn(BaseModel):
    weight_grams: int = Field(ge=1, le=1_000_000)
    length_mm: int = Field(ge=1, le=10_000)
    width_mm: int = Field(ge=1, le=10_000)
    height_mm: int = Field(ge=1, le=10_000)
    value: int = Field(default=0, ge=0)


class LabelCreate(BaseModel):
    reference: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    """Buying again with the same reference returns the first label."""
    service: Literal["standard", "express"]
    parcel: ParcelIn
    sender: AddressIn
    recipient: AddressIn
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]


class EventRead(BaseModel):
    id: str
    status: str
    description: str
    location: str | None
    occurred_at: dt.datetime


class LabelRead(BaseModel):
    id: str
    tracking_number: str
    service: str
    status: str
    label: str = Field(description="The label file, base64")
    label_media_type: str
    estimated_delivery: dt.date | None


class TrackerRead(BaseModel):
    carrier: str
    tracking_number: str
    status: str
    estimated_delivery: dt.date | None
    events: list[EventRead]


class WebhookData(BaseModel):
    carrier: str
    tracking_number: str
    reference: str | None
    event: EventRead
    estimated_delivery: dt.date | None


class WebhookBody(BaseModel):
    id: str
    type: Literal["tracker.updated"] = "tracker.updated"
    created: dt.datetime
    data: WebhookData
