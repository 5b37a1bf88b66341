"""Tables of the users service."""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from sqlalchemy import Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from techmarket.core.clock import utcnow
from techmarket.core.db import Base, UUIDPrimaryKey


class Role(enum.StrEnum):
    BUYER = "buyer"
    SELLER = "seller"
    SUPPORT_AGENT = "support_agent"
    MODERATOR = "moderator"
    ADMIN = "admin"


class User(UUIDPrimaryKey, Base):
    __tablename__ = "user"

    email: Mapped[str] = mapped_column(String(320), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    email_verified_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    roles: Mapped[list[UserRole]] = relationship(
        lazy="raise", cascade="all, delete-orphan", back_populates="user"
    )


class UserRole(Base):
    __tablename__ = "user_role"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[Role] = mapped_column(
        Enum(
            Role,
            native_enum=False,
            length=16,
            values_callable=lambda e: [m.value for m in e],
            create_constraint=True,
        ),
        primary_key=True,
    )
    user: Mapped[User] = relationship(lazy="raise", back_populates="roles")


class Dealer(UUIDPrimaryKey, Base):
    """A seller profile: what buyers see of a user who sells."""

    __tablename__ = "dealer"
    __table_args__ = (UniqueConstraint("store_name"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), unique=True
    )
    store_name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(Text, default="")
    city: Mapped[str | None] = mapped_column(String(80))
    country: Mapped[str | None] = mapped_column(String(2))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
