"""Tables of the orders service: checkouts, one order per seller, their items and timeline.

Buyer, seller, product and payment ids belong to other services: ids only, never FKs.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from techmarket.core.clock import utcnow
from techmarket.core.db import Base, UUIDPrimaryKey, str_enum
from techmarket.core.security.field_crypto import EncryptedText


class OrderStatus(enum.StrEnum):
    PENDING_PAYMENT = "pending_payment"
    PAID = "paid"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    DISPUTED = "disputed"


class CheckoutStatus(enum.StrEnum):
    PENDING_PAYMENT = "pending_payment"
    PAID = "paid"
    FAILED = "failed"
    EXPIRED = "expired"


class Checkout(UUIDPrimaryKey, Base):
    """One `POST /orders`: one payment for the whole cart, split into one order per seller."""

    __tablename__ = "checkout"
    __table_args__ = (Index("ix_checkout_status_expires", "status", "reservation_expires_at"),)

    buyer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    status: Mapped[CheckoutStatus] = mapped_column(str_enum(CheckoutStatus))
    currency: Mapped[str] = mapped_column(String(3))
    total: Mapped[int] = mapped_column(BigInteger)
    payment_id: Mapped[uuid.UUID | None] = mapped_column()
    shipping_address: Mapped[str] = mapped_column(EncryptedText("checkout.shipping_address"))
    shipping_country: Mapped[str] = mapped_column(String(2))
    reservation_expires_at: Mapped[dt.datetime] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    orders: Mapped[list[Order]] = relationship(lazy="raise", back_populates="checkout")


class Order(UUIDPrimaryKey, Base):
    """What one buyer bought from one seller; its status follows `state_machine.py`."""

    __tablename__ = "shop_order"
    __table_args__ = (
        Index("ix_shop_order_buyer_created", "buyer_id", "created_at"),
        Index("ix_shop_order_seller_created", "seller_id", "created_at"),
        Index("ix_shop_order_status_inspection", "status", "inspection_ends_at"),
    )

    checkout_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("checkout.id", ondelete="RESTRICT"), index=True
    )
    buyer_id: Mapped[uuid.UUID] = mapped_column()
    seller_id: Mapped[uuid.UUID] = mapped_column()
    seller_name: Mapped[str] = mapped_column(String(80))
    status: Mapped[OrderStatus] = mapped_column(str_enum(OrderStatus))
    currency: Mapped[str] = mapped_column(String(3))
    items_total: Mapped[int] = mapped_column(BigInteger)
    shipping_total: Mapped[int] = mapped_column(BigInteger)
    shipping_service: Mapped[str] = mapped_column(
        String(20), default="standard", server_default="standard"
    )
    """The service level the buyer chose at checkout (`standard` or `express`)."""
    platform_fee: Mapped[int] = mapped_column(BigInteger)
    total: Mapped[int] = mapped_column(BigInteger)
    refunded_total: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    paid_at: Mapped[dt.datetime | None] = mapped_column()
    shipped_at: Mapped[dt.datetime | None] = mapped_column()
    delivered_at: Mapped[dt.datetime | None] = mapped_column()
    inspection_ends_at: Mapped[dt.datetime | None] = mapped_column()
    completed_at: Mapped[dt.datetime | None] = mapped_column()
    cancelled_at: Mapped[dt.datetime | None] = mapped_column()

    # An order's checkout is usually in the session already: read it from there, never by SQL.
    checkout: Mapped[Checkout] = relationship(lazy="raise_on_sql", back_populates="orders")
    items: Mapped[list[OrderItem]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="OrderItem.position"
    )
    events: Mapped[list[OrderEvent]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="OrderEvent.at"
    )


class OrderItem(UUIDPrimaryKey, Base):
    """A line as bought: title and price are copies, so later edits of the listing change
    nothing here."""

    __tablename__ = "order_item"

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("shop_order.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[uuid.UUID] = mapped_column(index=True)
    option_id: Mapped[uuid.UUID | None] = mapped_column()
    title: Mapped[str] = mapped_column(String(200))
    option_name: Mapped[str | None] = mapped_column(String(120))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(BigInteger)
    position: Mapped[int] = mapped_column(Integer, default=0)


class OrderEvent(UUIDPrimaryKey, Base):
    """One step of an order's timeline."""

    __tablename__ = "order_event"

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("shop_order.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[OrderStatus] = mapped_column(str_enum(OrderStatus))
    note: Mapped[str] = mapped_column(String(300), default="")
    actor_id: Mapped[uuid.UUID | None] = mapped_column()
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class IdempotencyState(enum.StrEnum):
    IN_FLIGHT = "in_flight"
    DONE = "done"


class IdempotencyRecord(UUIDPrimaryKey, Base):
    """The first answer to an `Idempotency-Key`, replayed to retries for 24 hours."""

    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("scope", "user_id", "key"),)

    scope: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[uuid.UUID] = mapped_column()
    key: Mapped[str] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[IdempotencyState] = mapped_column(str_enum(IdempotencyState))
    status_code: Mapped[int | None] = mapped_column(Integer)
    body: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(index=True)


class DisputeReason(enum.StrEnum):
    NOT_RECEIVED = "not_received"
    NOT_AS_DESCRIBED = "not_as_described"


class DisputeStatus(enum.StrEnum):
    OPEN = "open"  # waiting for the seller's answer
    ANSWERED = "answered"  # waiting for an admin's decision
    DECIDED = "decided"


class DisputeDecision(enum.StrEnum):
    REFUND = "refund"
    PARTIAL_REFUND = "partial_refund"
    RELEASE = "release"


class Dispute(UUIDPrimaryKey, Base):
    """A buyer's complaint about one order, answered by the seller, decided by an admin."""

    __tablename__ = "dispute"
    __table_args__ = (Index("ix_dispute_status_opened", "status", "opened_at"),)

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("shop_order.id", ondelete="RESTRICT"), unique=True
    )
    buyer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    seller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    reason: Mapped[DisputeReason] = mapped_column(str_enum(DisputeReason))
    status: Mapped[DisputeStatus] = mapped_column(str_enum(DisputeStatus))
    buyer_statement: Mapped[str] = mapped_column(Text)
    seller_answer: Mapped[str | None] = mapped_column(Text)
    decision: Mapped[DisputeDecision | None] = mapped_column(str_enum(DisputeDecision))
    refund_amount: Mapped[int | None] = mapped_column(BigInteger)
    decision_note: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[uuid.UUID | None] = mapped_column()
    opened_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[dt.datetime | None] = mapped_column()
    decided_at: Mapped[dt.datetime | None] = mapped_column()

    photos: Mapped[list[DisputePhoto]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="DisputePhoto.position"
    )


class DisputePhoto(UUIDPrimaryKey, Base):
    """Evidence from the buyer, stored like listing pictures (WebP, EXIF stripped)."""

    __tablename__ = "dispute_photo"

    dispute_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("dispute.id", ondelete="CASCADE"), index=True
    )
    storage_prefix: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
