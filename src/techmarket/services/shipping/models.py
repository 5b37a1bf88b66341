"""Tables of the shipping service: one shipment per order, its tracking timeline, and the ids of
carrier webhooks already handled.

Order, buyer and seller ids belong to other services: ids only, never FKs.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from techmarket.core.clock import utcnow
from techmarket.core.db import Base, UUIDPrimaryKey, str_enum


class ShipmentStatus(enum.StrEnum):
    """The carrier's statuses, normalised (every adapter maps its own names to these)."""

    LABEL_CREATED = "label_created"
    PICKED_UP = "picked_up"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"
    DELIVERY_EXCEPTION = "delivery_exception"
    RETURNED_TO_SENDER = "returned_to_sender"


class LabelSource(enum.StrEnum):
    """Who made the label: bought through TechMarket's carrier (tracked by its webhooks), or
    the seller's own with another carrier (tracked by polling)."""

    PURCHASED = "purchased"
    EXTERNAL = "external"


class Shipment(UUIDPrimaryKey, Base):
    """The parcel of one order."""

    __tablename__ = "shipment"
    __table_args__ = (
        UniqueConstraint("carrier", "tracking_number"),
        Index("ix_shipment_source_status", "label_source", "status"),
    )

    order_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    buyer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    seller_id: Mapped[uuid.UUID] = mapped_column(index=True)
    carrier: Mapped[str] = mapped_column(String(20))
    service: Mapped[str | None] = mapped_column(String(20))
    tracking_number: Mapped[str] = mapped_column(String(40))
    label_source: Mapped[LabelSource] = mapped_column(str_enum(LabelSource))
    label_key: Mapped[str | None] = mapped_column(String(200))
    """Where the label file is kept (private storage: it carries both addresses)."""
    label_media_type: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[ShipmentStatus] = mapped_column(str_enum(ShipmentStatus, 24))
    estimated_delivery: Mapped[dt.date | None] = mapped_column()
    origin_country: Mapped[str | None] = mapped_column(String(2))
    origin_postal_code: Mapped[str | None] = mapped_column(String(16))
    destination_country: Mapped[str] = mapped_column(String(2))
    destination_postal_code: Mapped[str] = mapped_column(String(16))
    weight_grams: Mapped[int] = mapped_column(Integer)
    insured_value: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_polled_at: Mapped[dt.datetime | None] = mapped_column()

    events: Mapped[list[TrackingEvent]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="TrackingEvent.occurred_at"
    )


class TrackingEvent(UUIDPrimaryKey, Base):
    """One step of a shipment's timeline, as the carrier reported it (kept even when it came
    too late to change the shipment's status)."""

    __tablename__ = "tracking_event"
    __table_args__ = (UniqueConstraint("shipment_id", "carrier_event_id"),)

    shipment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("shipment.id", ondelete="CASCADE"), index=True
    )
    carrier_event_id: Mapped[str] = mapped_column(String(120))
    status: Mapped[ShipmentStatus] = mapped_column(str_enum(ShipmentStatus, 24))
    description: Mapped[str] = mapped_column(String(300), default="")
    location: Mapped[str | None] = mapped_column(String(120))
    occurred_at: Mapped[dt.datetime] = mapped_column()
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CarrierWebhook(UUIDPrimaryKey, Base):
    """A carrier webhook handled: a second delivery of the same id changes nothing."""

    __tablename__ = "carrier_webhook"
    __table_args__ = (UniqueConstraint("carrier", "event_id"),)

    carrier: Mapped[str] = mapped_column(String(20))
    event_id: Mapped[str] = mapped_column(String(120))
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
