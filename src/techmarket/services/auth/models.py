"""Tables of the auth service. `user_id` refers to the users service: an id, never a foreign key."""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from techmarket.core.clock import utcnow
from techmarket.core.db import Base, UUIDPrimaryKey, str_enum
from techmarket.core.security.field_crypto import EncryptedText


class Credential(Base):
    """A user's password hash (argon2id, peppered) and second factor."""

    __tablename__ = "credential"

    user_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    totp_secret: Mapped[str | None] = mapped_column(EncryptedText("credential.totp_secret"))
    totp_enabled_at: Mapped[dt.datetime | None]
    totp_last_step: Mapped[int | None] = mapped_column(
        Integer, doc="The last TOTP time step accepted: a code is good once only."
    )


class AuthSession(UUIDPrimaryKey, Base):
    """One signed-in device: a family of refresh tokens, each used once."""

    __tablename__ = "auth_session"
    __table_args__ = (Index("ix_auth_session_user_active", "user_id", "revoked_at"),)

    user_id: Mapped[uuid.UUID]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]
    revoked_reason: Mapped[str | None] = mapped_column(String(40))
    user_agent: Mapped[str | None] = mapped_column(String(300))
    ip_address: Mapped[str | None] = mapped_column(String(45))


class RefreshToken(UUIDPrimaryKey, Base):
    """A refresh token, stored as its SHA-256; `used_at` set means rotated (a reuse is theft)."""

    __tablename__ = "refresh_token"

    session_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("auth_session.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    used_at: Mapped[dt.datetime | None]


class TokenPurpose(enum.StrEnum):
    VERIFY_EMAIL = "verify_email"
    RESET_PASSWORD = "reset_password"  # noqa: S105 - a purpose, not a password
    MFA_CHALLENGE = "mfa_challenge"


class OneTimeToken(UUIDPrimaryKey, Base):
    """A single-use, expiring secret sent to the user (email links, the MFA sign-in step)."""

    __tablename__ = "one_time_token"

    user_id: Mapped[uuid.UUID] = mapped_column(index=True)
    purpose: Mapped[TokenPurpose] = mapped_column(str_enum(TokenPurpose, 24))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    ip_address: Mapped[str | None] = mapped_column(String(45))
    user_agent: Mapped[str | None] = mapped_column(String(300))


class RecoveryCode(UUIDPrimaryKey, Base):
    """An MFA recovery code, stored hashed; each works once."""

    __tablename__ = "recovery_code"

    user_id: Mapped[uuid.UUID] = mapped_column(index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[dt.datetime | None]


class ActivityKind(enum.StrEnum):
    SIGNED_IN = "signed_in"
    SIGN_IN_FAILED = "sign_in_failed"
    PASSWORD_CHANGED = "password_changed"  # noqa: S105 - an event name
    PASSWORD_RESET = "password_reset"  # noqa: S105 - an event name
    MFA_ENABLED = "mfa_enabled"
    MFA_DISABLED = "mfa_disabled"
    EMAIL_VERIFIED = "email_verified"
    EMAIL_CHANGED = "email_changed"
    SESSION_REVOKED = "session_revoked"
    REFRESH_REUSED = "refresh_reused"
    NEW_DEVICE = "new_device"


class AuthActivity(UUIDPrimaryKey, Base):
    """What happened to an account, for its owner to read."""

    __tablename__ = "auth_activity"
    __table_args__ = (Index("ix_auth_activity_user_time", "user_id", "created_at", "id"),)

    user_id: Mapped[uuid.UUID]
    kind: Mapped[ActivityKind] = mapped_column(str_enum(ActivityKind, 24))
    ip_address: Mapped[str | None] = mapped_column(String(45))
    user_agent: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class OAuthIdentity(UUIDPrimaryKey, Base):
    """An account at a social sign-in provider, linked to a TechMarket user."""

    __tablename__ = "oauth_identity"
    __table_args__ = (UniqueConstraint("provider", "subject"),)

    user_id: Mapped[uuid.UUID] = mapped_column(index=True)
    provider: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
