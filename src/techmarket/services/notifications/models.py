"""Tables of the notifications service: what each user was told, the email outbox, and
preferences. Other services' rows are referred to by id only (DESIGN §1)."""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from sqlalchemy import Boolean, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from techmarket.core.clock import utcnow
from techmarket.core.db import Base, UUIDPrimaryKey, str_enum
from techmarket.core.security.field_crypto import EncryptedText
from techmarket.services.notifications.kinds import Channel, NotificationKind


class Notification(UUIDPrimaryKey, Base):
    """One thing one user was told, shown in the bell. `event_key` names the event it came
    from ("order:<id>:shipped"), unique per user, so an event repeated tells nothing twice."""

    __tablename__ = "notification"
    __table_args__ = (
        UniqueConstraint("user_id", "event_key"),
        Index("ix_notification_user_newest", "user_id", "created_at", "id"),
        Index("ix_notification_user_unread", "user_id", "read_at"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column()
    kind: Mapped[NotificationKind] = mapped_column(str_enum(NotificationKind, 24))
    event_key: Mapped[str] = mapped_column(String(160))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    read_at: Mapped[dt.datetime | None] = mapped_column()


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class EmailOutbox(UUIDPrimaryKey, Base):
    """An email written in the transaction that decided it and sent after the commit by the
    outbox sender, which retries it with back-off. Unique per (user, event): never two emails
    for one event. The address is personal data, encrypted at rest like the user's own."""

    __tablename__ = "email_outbox"
    __table_args__ = (
        UniqueConstraint("user_id", "event_key"),
        Index("ix_email_outbox_due", "status", "next_attempt_at"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column()
    event_key: Mapped[str] = mapped_column(String(160))
    kind: Mapped[NotificationKind] = mapped_column(str_enum(NotificationKind, 24))
    notification_id: Mapped[uuid.UUID | None] = mapped_column()
    to_address: Mapped[str] = mapped_column(EncryptedText("email_outbox.to_address"))
    subject: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    status: Mapped[OutboxStatus] = mapped_column(str_enum(OutboxStatus, 16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column()
    """When a pending row is due; while `sending`, when the sender's lease on it runs out."""
    claim: Mapped[str | None] = mapped_column(String(32))
    """The token of the sender run that holds the row while it is `sending`."""
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column()


class NotificationPreference(UUIDPrimaryKey, Base):
    """A user's choice for one kind on one channel; without a row the kind is on."""

    __tablename__ = "notification_preference"
    __table_args__ = (UniqueConstraint("user_id", "kind", "channel"),)

    user_id: Mapped[uuid.UUID] = mapped_column(index=True)
    kind: Mapped[NotificationKind] = mapped_column(str_enum(NotificationKind, 24))
    channel: Mapped[Channel] = mapped_column(str_enum(Channel, 16))
    enabled: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
