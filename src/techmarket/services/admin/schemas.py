"""Wire shapes of the admin service."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel

StaffRole = Literal["support_agent", "moderator", "admin"]


class RoleGrant(BaseModel):
    role: StaffRole


class UserRoles(BaseModel):
    user_id: uuid.UUID
    roles: list[str]
