"""Tables of the catalog service. `seller_id` is a dealer id of the users service: never a FK."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from sqlalchemy import JSON, BigInteger, Enum, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from techmarket.core.clock import utcnow
from techmarket.core.db import Base, UUIDPrimaryKey


def _str_enum(enum_type: type[enum.StrEnum]) -> Enum:
    return Enum(
        enum_type,
        native_enum=False,
        length=16,
        create_constraint=True,
        values_callable=lambda members: [member.value for member in members],
    )


class Condition(enum.StrEnum):
    NEW = "new"
    LIKE_NEW = "like_new"
    GOOD = "good"
    FAIR = "fair"
    FOR_PARTS = "for_parts"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Visibility(enum.StrEnum):
    DRAFT = "draft"
    PUBLIC = "public"
    UNLISTED = "unlisted"
    PRIVATE = "private"


class ListingStatus(enum.StrEnum):
    ACTIVE = "active"
    RESERVED = "reserved"
    SOLD_OUT = "sold_out"
    REMOVED = "removed"


class Category(UUIDPrimaryKey, Base):
    """A node of the category tree (created by migration, curated by admins)."""

    __tablename__ = "category"

    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("category.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    depth: Mapped[int] = mapped_column(Integer, default=0)


class Product(UUIDPrimaryKey, Base):
    """A listing. `seller_name` is a copy of the dealer's store name, kept for display."""

    __tablename__ = "product"
    __table_args__ = (
        # Public browse orders and filters (DESIGN §6: an index for every filter and sort).
        Index("ix_product_browse_newest", "status", "visibility", "created_at", "id"),
        Index("ix_product_browse_price", "status", "visibility", "price", "id"),
        Index("ix_product_category_newest", "category_id", "status", "visibility", "created_at"),
        Index("ix_product_brand", "brand"),
        Index("ix_product_featured", "featured", "status", "visibility"),
    )

    seller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    seller_name: Mapped[str] = mapped_column(String(80))
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("category.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    brand: Mapped[str] = mapped_column(String(80))
    model: Mapped[str] = mapped_column(String(120))
    condition: Mapped[Condition] = mapped_column(_str_enum(Condition))
    price: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    quantity: Mapped[int] = mapped_column(Integer)
    location: Mapped[str | None] = mapped_column(String(120))
    visibility: Mapped[Visibility] = mapped_column(_str_enum(Visibility))
    status: Mapped[ListingStatus] = mapped_column(_str_enum(ListingStatus))
    specs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    featured: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    category: Mapped[Category] = relationship(lazy="raise")
    options: Mapped[list[ProductOption]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="ProductOption.position"
    )
    images: Mapped[list[ProductImage]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="ProductImage.position"
    )


class ProductOption(UUIDPrimaryKey, Base):
    """A variant (storage, colour…) with its own price and stock."""

    __tablename__ = "product_option"

    product_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("product.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    price: Mapped[int] = mapped_column(BigInteger)
    quantity: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ProductImage(UUIDPrimaryKey, Base):
    """An uploaded picture, stored as WebP in every size of `image_pipeline.SIZES`."""

    __tablename__ = "product_image"

    product_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("product.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    storage_prefix: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
