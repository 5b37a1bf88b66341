"""Tables of the users service."""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from sqlalchemy import Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from techmarket.core.clock import utcnow
from techmarket.core.db import Base, UUIDPrimaryKey
from techmarket.core.security.field_crypto import EncryptedText, installed_field_cipher

EMAIL_CONTEXT = "user.email"


class Role(enum.StrEnum):
    BUYER = "buyer"
    SELLER = "seller"
    SUPPORT_AGENT = "support_agent"
    MODERATOR = "moderator"
    ADMIN = "admin"


class User(UUIDPrimaryKey, Base):
    """A person. The email is encrypted at rest and found through its blind index."""

    __tablename__ = "user"

    def set_email(self, email: str) -> None:
        self.email = email
        self.email_index = installed_field_cipher().blind_index(email, context=EMAIL_CONTEXT)

    email: Mapped[str] = mapped_column(EncryptedText(EMAIL_CONTEXT, index_column="email_index"))
    email_index: Mapped[str] = mapped_column(
        String(64),
        unique=True,
        doc="Keyed hash of the normalised email: lookup without the clear text.",
    )
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


class Address(UUIDPrimaryKey, Base):
    """A postal address. Everything that identifies a person is encrypted at rest; the
    country stays readable because shipping rates and tax depend on it."""

    __tablename__ = "address"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(EncryptedText("address.name"))
    line1: Mapped[str] = mapped_column(EncryptedText("address.line1"))
    line2: Mapped[str | None] = mapped_column(EncryptedText("address.line2"))
    city: Mapped[str] = mapped_column(EncryptedText("address.city"))
    region: Mapped[str | None] = mapped_column(EncryptedText("address.region"))
    postal_code: Mapped[str] = mapped_column(EncryptedText("address.postal_code"))
    country: Mapped[str] = mapped_column(String(2))
    phone: Mapped[str | None] = mapped_column(EncryptedText("address.phone"))
    is_default: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ContactKind(enum.StrEnum):
    PHONE = "phone"
    WHATSAPP = "whatsapp"
    TELEGRAM = "telegram"
    SIGNAL = "signal"
    EMAIL = "email"


class Contact(UUIDPrimaryKey, Base):
    """A way to reach the user besides the account email (encrypted at rest)."""

    __tablename__ = "contact"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ContactKind] = mapped_column(
        Enum(
            ContactKind,
            native_enum=False,
            length=16,
            create_constraint=True,
            values_callable=lambda members: [member.value for member in members],
        )
    )
    value: Mapped[str] = mapped_column(EncryptedText("contact.value"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SocialNetwork(enum.StrEnum):
    GITHUB = "github"
    GITLAB = "gitlab"
    LINKEDIN = "linkedin"
    X = "x"
    MASTODON = "mastodon"
    YOUTUBE = "youtube"
    INSTAGRAM = "instagram"
    FACEBOOK = "facebook"


class SocialLink(UUIDPrimaryKey, Base):
    """A public link to the user's profile elsewhere, shown on their store page."""

    __tablename__ = "social_link"
    __table_args__ = (UniqueConstraint("user_id", "network"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), index=True
    )
    network: Mapped[SocialNetwork] = mapped_column(
        Enum(
            SocialNetwork,
            native_enum=False,
            length=16,
            create_constraint=True,
            values_callable=lambda members: [member.value for member in members],
        )
    )
    url: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
