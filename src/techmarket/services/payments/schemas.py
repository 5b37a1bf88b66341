"""Wire shapes of the payments service."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints


class PaymentMethodCreate(BaseModel):
    """A card the browser tokenized at the processor: TechMarket never sees its number."""

    model_config = ConfigDict(extra="forbid")

    provider: Literal["sandbox", "stripe"]
    token: Annotated[str, StringConstraints(strip_whitespace=True, min_length=4, max_length=255)]


class PaymentMethodRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    provider: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int
    created_at: dt.datetime


class PaymentMethodList(BaseModel):
    items: list[PaymentMethodRead]


class WebhookAck(BaseModel):
    received: bool
    duplicate: bool
