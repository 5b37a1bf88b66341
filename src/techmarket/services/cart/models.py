"""Tables of the cart service. Product and option ids belong to the catalog: never FKs."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from techmarket.core.clock import utcnow
from techmarket.core.db import Base, UUIDPrimaryKey


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
    currency: Mapped[str] = mapped_column(String(3))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


def line_key(product_id: uuid.UUID, option_id: uuid.UUID | None) -> str:
    """One line per listing and option (NULL option ids would not collide in a unique index)."""
    return f"{product_id.hex}:{option_id.hex if option_id else ''}"
