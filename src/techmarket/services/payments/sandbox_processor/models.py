"""Tables of the sandbox processor: its own metadata in its own database, never TechMarket's.

The sandbox plays an external processor, so nothing here is in TechMarket's schema or its
migrations; the tables are created at start-up (`create_tables`). No table holds a card number.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, MetaData, String, Text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from techmarket.core.db import NAMING_CONVENTION, SQLITE_BEGIN_OPTION, UTCDateTime

ID_LENGTH = 40


class SandboxBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON()}


class CardToken(SandboxBase):
    __tablename__ = "card_token"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    brand: Mapped[str] = mapped_column(String(20))
    last4: Mapped[str] = mapped_column(String(4))
    exp_month: Mapped[int]
    exp_year: Mapped[int]
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    behaviour: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime]


class Authorization(SandboxBase):
    __tablename__ = "authorization"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    token_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("card_token.id"))
    status: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    amount_captured: Mapped[int] = mapped_column(default=0)
    amount_refunded: Mapped[int] = mapped_column(default=0)
    decline_reason: Mapped[str | None] = mapped_column(String(40))
    challenge_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), unique=True)
    return_url: Mapped[str | None] = mapped_column(String(2083))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """Metadata given by the caller (string keys and values)."""
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]


class Refund(SandboxBase):
    __tablename__ = "refund"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    authorization_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("authorization.id"), index=True
    )
    amount: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(20))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime]


class Transfer(SandboxBase):
    __tablename__ = "transfer"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    amount: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3), index=True)
    destination: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(20))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime]


class Event(SandboxBase):
    """A webhook event: the body is signed and sent exactly as stored."""

    __tablename__ = "event"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(ID_LENGTH), index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    last_status: Mapped[int | None]
    delivered_at: Mapped[dt.datetime | None]


class IdempotencyRecord(SandboxBase):
    """The first answer to a request made with an `Idempotency-Key`, kept 24 hours."""

    __tablename__ = "idempotency_record"
    __table_args__ = (Index("ix_idempotency_record_created_at", "created_at"),)

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    response_status: Mapped[int | None]
    response_body: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime]


async def create_tables(engine: AsyncEngine) -> None:
    """Create what is missing; on SQLite under the write lock, so workers starting together
    do not race."""
    async with engine.connect() as connection:
        connection = await connection.execution_options(**{SQLITE_BEGIN_OPTION: "IMMEDIATE"})
        async with connection.begin():
            await connection.run_sync(SandboxBase.metadata.create_all)
