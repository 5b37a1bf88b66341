"""Wire shapes of disputes. Amounts are integer minor units of the order's currency."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from techmarket.services.orders.models import DisputeDecision, DisputeReason, DisputeStatus

Statement = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]


class DisputeCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: DisputeReason
    statement: Statement = Field(description="What went wrong, in the buyer's words")


class DisputeAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    statement: Statement = Field(description="The seller's side of the story")


class DisputeDecisionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: DisputeDecision
    amount: int | None = Field(
        default=None,
        ge=1,
        description="Only with `partial_refund`: what goes back to the buyer, less than the "
        "order's remaining total",
    )
    note: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class DisputePhotoRead(BaseModel):
    thumbnail_url: str
    full_url: str


class DisputeRead(BaseModel):
    id: uuid.UUID
    order_id: uuid.UUID
    reason: DisputeReason
    status: DisputeStatus
    buyer_statement: str
    seller_answer: str | None
    decision: DisputeDecision | None
    refund_amount: int | None
    decision_note: str | None
    photos: list[DisputePhotoRead]
    opened_at: dt.datetime
    answered_at: dt.datetime | None
    decided_at: dt.datetime | None


class DisputePage(BaseModel):
    items: list[DisputeRead]
    next_cursor: str | None
