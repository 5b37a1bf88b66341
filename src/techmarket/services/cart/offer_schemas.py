"""Wire shapes of offers: a buyer's price for a listing, and the seller's answer."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from techmarket.services.cart.models import OfferStatus

OfferAmount = Annotated[
    int,
    Field(
        strict=True,
        ge=1,
        le=100_000_000_00,
        description="Minor units of the listing's currency, below its listed price",
    ),
]


class OfferRole(enum.StrEnum):
    """Which side of an offer the caller is on."""

    BUYER = "buyer"
    SELLER = "seller"


class OfferMove(enum.StrEnum):
    """What can happen to an offer; `made` and `expired` are not the parties' to request."""

    MADE = "made"
    COUNTER = "counter"
    ACCEPT = "accept"
    DECLINE = "decline"
    WITHDRAW = "withdraw"
    EXPIRED = "expired"


class OfferCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: OfferAmount
    option_id: uuid.UUID | None = Field(
        default=None, description="The option offered on, for a listing with options"
    )


class OfferCounter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: OfferAmount


class OfferListing(BaseModel):
    """The listing as it is now (null on the offer when it is gone)."""

    title: str
    option_name: str | None
    store_name: str
    price: int = Field(description="Its listed price now, in minor units")
    currency: str
    thumbnail_url: str | None


class OfferRead(BaseModel):
    id: uuid.UUID
    product_id: uuid.UUID
    option_id: uuid.UUID | None
    listing: OfferListing | None
    buyer_id: uuid.UUID
    seller_id: uuid.UUID = Field(description="The seller's store (dealer) id")
    your_role: OfferRole
    currency: str
    listed_price: int = Field(description="The listed price when the offer was made")
    amount: int = Field(description="What the buyer offered")
    counter_amount: int | None = Field(description="The seller's counter, if any")
    agreed_price: int | None = Field(description="Once accepted: the price in the cart")
    status: OfferStatus
    moves: list[OfferMove] = Field(
        description="What the caller may do now: accept, decline, counter, withdraw"
    )
    created_at: dt.datetime
    updated_at: dt.datetime
    expires_at: dt.datetime = Field(description="48 hours after the last offer or counter")


class OfferPage(BaseModel):
    items: list[OfferRead]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")
