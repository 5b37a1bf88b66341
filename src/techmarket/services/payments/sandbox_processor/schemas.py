"""Wire shapes of the sandbox processor's API (amounts in minor units, ISO 8601 times)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, StringConstraints

from techmarket.services.payments.sandbox_processor import models


def _check_metadata(value: dict[str, str]) -> dict[str, str]:
    if len(value) > 50:
        raise ValueError("at most 50 metadata keys")
    for key, item in value.items():
        if not 1 <= len(key) <= 40 or len(item) > 500:
            raise ValueError("metadata keys have 1 to 40 characters, values at most 500")
    return value


Metadata = Annotated[dict[str, str], AfterValidator(_check_metadata)]
Amount = Annotated[int, Field(gt=0, le=99_999_999)]
Currency = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z]{3}$", to_upper=True), Field(examples=["EUR"])
]
ObjectId = Annotated[str, StringConstraints(min_length=1, max_length=models.ID_LENGTH)]

AuthorizationStatus = Literal[
    "requires_action", "authorized", "declined", "captured", "refunded", "cancelled"
]


class CardCreate(BaseModel):
    """A card as the buyer typed it; posted by the browser straight to the processor."""

    # Validation errors never carry what was typed (the number).
    model_config = ConfigDict(hide_input_in_errors=True)

    number: Annotated[str, StringConstraints(max_length=30)] = Field(
        examples=["4242 4242 4242 4242"]
    )
    exp_month: int = Field(examples=[12])
    exp_year: int = Field(examples=[2034], description="Four digits (two are read as 20YY).")
    cvc: Annotated[str, StringConstraints(max_length=8)] = Field(examples=["123"])


class TokenRead(BaseModel):
    """What the browser gets back: a token to hand to TechMarket, never the number."""

    token: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int


class TokenDetails(TokenRead):
    """Server-to-server view of a token (for the saved payment method)."""

    object: Literal["card_token"] = "card_token"
    fingerprint: str
    created: dt.datetime


class AuthorizationCreate(BaseModel):
    amount: Amount
    currency: Currency
    token: ObjectId
    metadata: Metadata = Field(default_factory=dict)
    return_url: HttpUrl | None = Field(
        default=None, description="Where the buyer lands after a 3-D Secure challenge."
    )
    capture: bool = Field(
        default=False,
        description="Capture at once when approved without a challenge (status `captured`, "
        "one `payment.captured` event); a challenged payment is still captured separately.",
    )


class CardSummary(BaseModel):
    brand: str
    last4: str


class AuthorizationRead(BaseModel):
    id: str
    object: Literal["authorization"] = "authorization"
    status: AuthorizationStatus
    amount: int
    currency: str
    amount_captured: int
    amount_refunded: int
    token: str
    card: CardSummary
    decline_reason: str | None
    action_url: str | None
    return_url: str | None
    metadata: dict[str, str]
    created: dt.datetime


class CaptureRequest(BaseModel):
    amount: Amount | None = Field(default=None, description="Default: the whole authorization.")


class RefundCreate(BaseModel):
    authorization_id: ObjectId
    amount: Amount | None = Field(default=None, description="Default: all that is left.")
    metadata: Metadata = Field(default_factory=dict)


class RefundRead(BaseModel):
    id: str
    object: Literal["refund"] = "refund"
    authorization_id: str
    amount: int
    currency: str
    status: Literal["succeeded"]
    metadata: dict[str, str]
    created: dt.datetime


class TransferCreate(BaseModel):
    amount: Amount
    currency: Currency
    destination: Annotated[str, StringConstraints(min_length=1, max_length=255)] = Field(
        description="The seller's account at the processor (any id is accepted in the sandbox)."
    )
    metadata: Metadata = Field(default_factory=dict)


class TransferRead(BaseModel):
    id: str
    object: Literal["transfer"] = "transfer"
    amount: int
    currency: str
    destination: str
    status: Literal["paid"]
    metadata: dict[str, str]
    created: dt.datetime


class EventRead(BaseModel):
    """The body of a webhook: `data.object` is the authorization or transfer after the change;
    `data.refund` comes with `payment.refunded`."""

    id: str
    object: Literal["event"] = "event"
    type: str
    created: dt.datetime
    data: dict[str, Any]
