"""Tables of the catalog service. `seller_id` is a dealer id of the users service: never a FK."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from techmarket.core.clock import utcnow
from techmarket.core.db import Base, UUIDPrimaryKey, str_enum


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


def brand_key(brand: str) -> str:
    """How a brand is compared: case and surrounding spaces do not matter."""
    return brand.strip().casefold()


class Product(UUIDPrimaryKey, Base):
    """A listing. `seller_name` is a copy of the dealer's store name, kept for display."""

    __tablename__ = "product"
    __table_args__ = (
        # Public browse orders and filters (DESIGN §6: an index for every filter and sort).
        Index("ix_product_browse_newest", "status", "visibility", "created_at", "id"),
        Index("ix_product_browse_price", "status", "visibility", "price", "id"),
        Index("ix_product_category_newest", "category_id", "status", "visibility", "created_at"),
        Index("ix_product_category_price", "category_id", "status", "visibility", "price", "id"),
        Index("ix_product_brand_newest", "brand_key", "status", "visibility", "created_at", "id"),
        Index("ix_product_featured", "featured", "status", "visibility"),
        # The embedded search index catches up on listings changed since it last looked.
        Index("ix_product_updated", "updated_at"),
    )

    seller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    seller_name: Mapped[str] = mapped_column(String(80))
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("category.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    brand: Mapped[str] = mapped_column(String(80))
    # The brand as searched (case-folded), set with `brand`: "samsung" finds "Samsung" through
    # an index, where lower(brand) would read every listing.
    brand_key: Mapped[str] = mapped_column(String(80), default="")
    model: Mapped[str] = mapped_column(String(120))
    condition: Mapped[Condition] = mapped_column(str_enum(Condition, 16))
    price: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    quantity: Mapped[int] = mapped_column(Integer)
    location: Mapped[str | None] = mapped_column(String(120))
    visibility: Mapped[Visibility] = mapped_column(str_enum(Visibility, 16))
    status: Mapped[ListingStatus] = mapped_column(str_enum(ListingStatus, 16))
    specs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    cosmetic_notes: Mapped[str] = mapped_column(String(2000), default="")
    checklist: Mapped[dict[str, bool]] = mapped_column(JSON, default=dict)
    # The serial number / IMEI is never stored: only a keyed hash (to find the same device
    # again) and its last four characters (to show it masked).
    device_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    serial_last4: Mapped[str | None] = mapped_column(String(4))
    weight_grams: Mapped[int | None] = mapped_column(Integer)
    length_mm: Mapped[int | None] = mapped_column(Integer)
    width_mm: Mapped[int | None] = mapped_column(Integer)
    height_mm: Mapped[int | None] = mapped_column(Integer)
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

    @validates("brand")
    def _keep_brand_key(self, _: str, brand: str) -> str:
        self.brand_key = brand_key(brand)
        return brand


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


class StolenDevice(UUIDPrimaryKey, Base):
    """A serial number or IMEI reported stolen; kept by admins, matched by keyed hash."""

    __tablename__ = "stolen_device"

    device_hash: Mapped[str] = mapped_column(String(64), unique=True)
    serial_last4: Mapped[str] = mapped_column(String(4))
    note: Mapped[str] = mapped_column(String(500), default="")
    reported_by: Mapped[uuid.UUID] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Promotion(UUIDPrimaryKey, Base):
    """An admin-curated shelf of listings shown on the home page between two instants."""

    __tablename__ = "promotion"
    __table_args__ = (Index("ix_promotion_window", "starts_at", "ends_at"),)

    title: Mapped[str] = mapped_column(String(120))
    subtitle: Mapped[str] = mapped_column(String(300), default="")
    starts_at: Mapped[dt.datetime] = mapped_column()
    ends_at: Mapped[dt.datetime] = mapped_column()
    created_by: Mapped[uuid.UUID] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    items: Mapped[list[PromotionItem]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="PromotionItem.position"
    )


class PromotionItem(UUIDPrimaryKey, Base):
    __tablename__ = "promotion_item"
    __table_args__ = (UniqueConstraint("promotion_id", "product_id"),)

    promotion_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("promotion.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("product.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class WatchlistEntry(UUIDPrimaryKey, Base):
    """A listing a user watches; the price then is kept to tell them about a drop."""

    __tablename__ = "watchlist_entry"
    __table_args__ = (UniqueConstraint("user_id", "product_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(index=True)
    product_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("product.id", ondelete="CASCADE"), index=True
    )
    price_when_added: Mapped[int] = mapped_column(BigInteger)
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SavedSearch(UUIDPrimaryKey, Base):
    """Search filters a user keeps; with alerts on, new matching listings raise an alert."""

    __tablename__ = "saved_search"

    user_id: Mapped[uuid.UUID] = mapped_column(index=True)
    name: Mapped[str] = mapped_column(String(120))
    query: Mapped[dict[str, Any]] = mapped_column(JSON)
    alerts: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AlertKind(enum.StrEnum):
    NEW_MATCH = "new_match"
    PRICE_DROP = "price_drop"


class CatalogAlert(UUIDPrimaryKey, Base):
    """A new match of a saved search or a price drop on a watched listing, for one user.

    Recorded here and shown in the account; the notifications service will deliver them.
    """

    __tablename__ = "catalog_alert"
    __table_args__ = (Index("ix_catalog_alert_user_created", "user_id", "created_at"),)

    user_id: Mapped[uuid.UUID] = mapped_column()
    kind: Mapped[AlertKind] = mapped_column(str_enum(AlertKind, 16))
    product_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("product.id", ondelete="CASCADE"), index=True
    )
    saved_search_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("saved_search.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    read_at: Mapped[dt.datetime | None] = mapped_column()


class ProductView(UUIDPrimaryKey, Base):
    """One viewer looked at one listing on one day: the input of "viewed together"."""

    __tablename__ = "product_view"
    __table_args__ = (
        UniqueConstraint("viewer", "product_id", "viewed_on"),
        Index("ix_product_view_product", "product_id", "viewer"),
    )

    viewer: Mapped[str] = mapped_column(String(64))
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product.id", ondelete="CASCADE"))
    viewed_on: Mapped[dt.date] = mapped_column(Date)
