"""Tables of the cart service. Product and option ids belong to the catalog: never FKs."""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from sqlalchemy import BigInteger, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from techmarket.core.clock import utcnow
from techmarket.core.db import Base, UUIDPrimaryKey, str_enum


class CartItem(UUIDPrimaryKey, Base):
    """One line of a signed-in buyer's cart: a listing (and option) and how many.

    `price_when_added` lets the cart flag a listing whose price changed since.
    """

    __tablename__ = "cart_item"
    __table_args__ = (UniqueConstraint("user_id", "line_key"),)

    user_id: Mapped[uuid.UUID] = mapped_column(index=True)
    product_id: Mapped[uuid.UUID] = mapped_column(index=True)
    option_id: Mapped[uuid.UUID | None] = mapped_column()
    line_key: Mapped[str] = mapped_column(String(80))
    quantity: Mapped[int] = mapped_column(Integer)
    price_when_added: Mapped[int] = mapped_column(BigInteger)
    # An accepted offer: this buyer pays `agreed_price` for this line (see `offers.py`).
    offer_id: Mapped[uuid.UUID | None] = mapped_column()
    agreed_price: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


def line_key(product_id: uuid.UUID, option_id: uuid.UUID | None) -> str:
    """One line per listing and option (NULL option ids would not collide in a unique index)."""
    return f"{product_id.hex}:{option_id.hex if option_id else ''}"


class OfferStatus(enum.StrEnum):
    PENDING = "pending"  # the buyer's offer waits for the seller
    COUNTERED = "countered"  # the seller's counter waits for the buyer
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


class Offer(UUIDPrimaryKey, Base):
    """A price a buyer proposes for a listing; accepted, it puts the listing in that buyer's
    cart at that price."""

    __tablename__ = "offer"
    __table_args__ = (
        Index("ix_offer_seller_status", "seller_id", "status"),
        Index("ix_offer_buyer_status", "buyer_id", "status"),
        Index("ix_offer_status_expires", "status", "expires_at"),
    )

    product_id: Mapped[uuid.UUID] = mapped_column(index=True)
    option_id: Mapped[uuid.UUID | None] = mapped_column()
    buyer_id: Mapped[uuid.UUID] = mapped_column()
    seller_id: Mapped[uuid.UUID] = mapped_column()
    currency: Mapped[str] = mapped_column(String(3))
    listed_price: Mapped[int] = mapped_column(BigInteger)
    amount: Mapped[int] = mapped_column(BigInteger)
    counter_amount: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[OfferStatus] = mapped_column(str_enum(OfferStatus))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column()
