"""Tables of the payments service: saved methods, payments, webhook events, the ledger.

Card numbers never come here: a method is the processor's token plus brand, last four digits
and expiry. Buyer, seller and checkout ids belong to other services: ids only, never FKs.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from techmarket.core.clock import utcnow
from techmarket.core.db import Base, UUIDPrimaryKey, str_enum
from techmarket.core.security.field_crypto import EncryptedText


class PaymentMethod(UUIDPrimaryKey, Base):
    __tablename__ = "payment_method"

    user_id: Mapped[uuid.UUID] = mapped_column(index=True)
    provider: Mapped[str] = mapped_column(String(20))
    token: Mapped[str] = mapped_column(EncryptedText("payment_method.token"))
    brand: Mapped[str] = mapped_column(String(20))
    last4: Mapped[str] = mapped_column(String(4))
    exp_month: Mapped[int] = mapped_column(Integer)
    exp_year: Mapped[int] = mapped_column(Integer)
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PaymentStatus(enum.StrEnum):
    REQUIRES_ACTION = "requires_action"
    AUTHORIZED = "authorized"
    CAPTURED = "captured"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"


class Payment(UUIDPrimaryKey, Base):
    """The charge of one checkout at the processor, as TechMarket last knew it."""

    __tablename__ = "payment"
    __table_args__ = (UniqueConstraint("provider", "provider_payment_id"),)

    checkout_id: Mapped[uuid.UUID] = mapped_column(index=True)
    buyer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    method_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("payment_method.id", ondelete="SET NULL")
    )
    provider: Mapped[str] = mapped_column(String(20))
    provider_payment_id: Mapped[str] = mapped_column(String(120))
    status: Mapped[PaymentStatus] = mapped_column(str_enum(PaymentStatus))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    amount_captured: Mapped[int] = mapped_column(BigInteger, default=0)
    amount_refunded: Mapped[int] = mapped_column(BigInteger, default=0)
    action_url: Mapped[str | None] = mapped_column(String(500))
    decline_reason: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class WebhookEvent(UUIDPrimaryKey, Base):
    """A processed processor event: a second delivery of the same id changes nothing."""

    __tablename__ = "webhook_event"
    __table_args__ = (UniqueConstraint("provider", "event_id"),)

    provider: Mapped[str] = mapped_column(String(20))
    event_id: Mapped[str] = mapped_column(String(120))
    type: Mapped[str] = mapped_column(String(60))
    created: Mapped[dt.datetime] = mapped_column()
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AccountKind(enum.StrEnum):
    """Accounts of the double-entry ledger (`ledger.py` explains the postings)."""

    PROCESSOR = "processor"  # money held for TechMarket at the processor (buyer payments in)
    ESCROW = "escrow"  # paid by a buyer, not yet released to the seller
    SELLER = "seller"  # a seller's balance, owed to them
    PLATFORM_FEES = "platform_fees"  # TechMarket's revenue
    PAYOUTS = "payouts"  # sent to sellers' processor accounts


class LedgerAccount(UUIDPrimaryKey, Base):
    __tablename__ = "ledger_account"
    __table_args__ = (UniqueConstraint("kind", "owner_key", "currency"),)

    kind: Mapped[AccountKind] = mapped_column(str_enum(AccountKind))
    owner_id: Mapped[uuid.UUID | None] = mapped_column()
    owner_key: Mapped[str] = mapped_column(String(40))  # owner id or "-", for the unique key
    currency: Mapped[str] = mapped_column(String(3))


class LedgerTransaction(UUIDPrimaryKey, Base):
    """A set of entries that sums to zero; `reference` names what caused it."""

    __tablename__ = "ledger_transaction"
    __table_args__ = (UniqueConstraint("kind", "reference"),)

    kind: Mapped[str] = mapped_column(String(30))
    reference: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    entries: Mapped[list[LedgerEntry]] = relationship(lazy="raise", cascade="all, delete-orphan")


class LedgerEntry(UUIDPrimaryKey, Base):
    __tablename__ = "ledger_entry"
    __table_args__ = (Index("ix_ledger_entry_account", "account_id", "transaction_id"),)

    transaction_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ledger_transaction.id", ondelete="CASCADE"), index=True
    )
    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ledger_account.id", ondelete="RESTRICT")
    )
    amount: Mapped[int] = mapped_column(BigInteger)  # signed: debit > 0, credit < 0


class PayoutAccount(UUIDPrimaryKey, Base):
    """Where a seller's money goes: their account at the processor."""

    __tablename__ = "payout_account"

    seller_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    provider: Mapped[str] = mapped_column(String(20))
    account_ref: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PayoutStatus(enum.StrEnum):
    PENDING = "pending"
    PAID = "paid"
    FAILED = "failed"


class Payout(UUIDPrimaryKey, Base):
    __tablename__ = "payout"

    seller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[PayoutStatus] = mapped_column(str_enum(PayoutStatus))
    provider_transfer_id: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
