"""Wire shapes of the users service."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, ConfigDict


class PublicProfileRead(BaseModel):
    """What anyone may see of a user: never the email or phone."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    display_name: str
    member_since: dt.datetime
    dealer_id: uuid.UUID | None = None


class DealerRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    user_id: uuid.UUID
    store_name: str
    description: str
    city: str | None
    country: str | None
    created_at: dt.datetime
