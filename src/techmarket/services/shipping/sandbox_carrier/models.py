"""Tables of the sandbox carrier: its own metadata in its own database, never TechMarket's.

The sandbox plays an external carrier, so nothing here is in TechMarket's schema or migrations;
the tables are created at start-up (`create_tables`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, MetaData, String
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from techmarket.core.db import NAMING_CONVENTION, SQLITE_BEGIN_OPTION, UTCDateTime

ID_LENGTH = 40


class CarrierBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON()}


class Parcel(CarrierBase):
    """A label bought here (`kind` label: sends webhooks) or another carrier's number followed
    through the tracking service (`kind` tracker: polled)."""

    __tablename__ = "parcel"
    __table_args__ = (
        Index("ix_parcel_kind_next", "kind", "next_step_at"),
        Index("ix_parcel_number", "tracking_number", "carrier"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    carrier: Mapped[str] = mapped_column(String(20))
    tracking_number: Mapped[str] = mapped_column(String(40))
    reference: Mapped[str | None] = mapped_column(String(120), unique=True)
    service: Mapped[str] = mapped_column(String(20))
    scenario: Mapped[str] = mapped_column(String(20))
    """`delivered`, or `exception` (fails at the door, then goes back to the sender)."""
    step: Mapped[int] = mapped_column(default=0)
    """How many of the scenario's steps happened."""
    step_seconds: Mapped[float]
    next_step_at: Mapped[dt.datetime | None]
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """Addresses and parcel, as bought."""
    label: Mapped[bytes | None] = mapped_column(LargeBinary)
    estimated_delivery: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[dt.datetime]


class ParcelEvent(CarrierBase):
    """A tracking event; for labels also a webhook, sent until the receiver takes it."""

    __tablename__ = "parcel_event"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    parcel_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("parcel.id"), index=True)
    status: Mapped[str] = mapped_column(String(24))
    description: Mapped[str] = mapped_column(String(300))
    location: Mapped[str | None] = mapped_column(String(120))
    occurred_at: Mapped[dt.datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    last_status: Mapped[int | None]
    delivered_at: Mapped[dt.datetime | None]


async def create_tables(engine: AsyncEngine) -> None:
    """Create what is missing; on SQLite under the write lock, so workers starting together
    do not race."""
    async with engine.connect() as connection:
        connection = await connection.execution_options(**{SQLITE_BEGIN_OPTION: "IMMEDIATE"})
        async with connection.begin():
            await connection.run_sync(CarrierBase.metadata.create_all)
