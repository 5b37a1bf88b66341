"""Wire shapes of the users service."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from techmarket.services.users.models import Role


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


class MeRead(BaseModel):
    """The signed-in user's own view of their account."""

    id: uuid.UUID
    email: str
    display_name: str
    email_verified: bool
    roles: list[Role]
    mfa_enabled: bool
    dealer_id: uuid.UUID | None
    created_at: dt.datetime


class MeUpdate(BaseModel):
    display_name: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)] | None
    ) = None


class DealerCreate(BaseModel):
    store_name: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=2, max_length=80)
    ]
    description: Annotated[str, StringConstraints(max_length=2000)] = ""
    city: Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)] | None = None
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None
