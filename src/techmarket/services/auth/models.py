"""Tables of the auth service. `user_id` refers to the users service: an id, never a foreign key."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from techmarket.core.clock import utcnow
from techmarket.core.db import Base


class Credential(Base):
    """A user's password hash (argon2id, peppered)."""

    __tablename__ = "credential"

    user_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
