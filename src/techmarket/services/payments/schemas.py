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


class PayoutAccountWrite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    account_ref: Annotated[
        str, StringConstraints(strip_whitespace=True, pattern=r"^acct_[A-Za-z0-9]{4,60}$")
    ]


class PayoutAccountRead(BaseModel):
    provider: str
    account_ref: str


class PayoutBalance(BaseModel):
    currency: str
    available: int
    pending: int
    paid_out: int


class PayoutRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    amount: int
    currency: str
    status: str
    created_at: dt.datetime


class PayoutSummary(BaseModel):
    balances: list[PayoutBalance]
    items: list[PayoutRead]
    account: PayoutAccountRead | None


class PayoutCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
