"""shipments, tracking events, carrier webhooks; order shipping service level

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 19:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import techmarket.core.db

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "shipment",
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("buyer_id", sa.Uuid(), nullable=False),
        sa.Column("seller_id", sa.Uuid(), nullable=False),
        sa.Column("carrier", sa.String(length=20), nullable=False),
        sa.Column("service", sa.String(length=20), nullable=True),
        sa.Column("tracking_number", sa.String(length=40), nullable=False),
        sa.Column(
            "label_source",
            sa.Enum(
                "purchased",
                "external",
                name="labelsource",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("label_key", sa.String(length=200), nullable=True),
        sa.Column("label_media_type", sa.String(length=40), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "label_created",
                "picked_up",
                "in_transit",
                "out_for_delivery",
                "delivered",
                "delivery_exception",
                "returned_to_sender",
                name="shipmentstatus",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("estimated_delivery", sa.Date(), nullable=True),
        sa.Column("origin_country", sa.String(length=2), nullable=True),
        sa.Column("origin_postal_code", sa.String(length=16), nullable=True),
        sa.Column("destination_country", sa.String(length=2), nullable=False),
        sa.Column("destination_postal_code", sa.String(length=16), nullable=False),
        sa.Column("weight_grams", sa.Integer(), nullable=False),
        sa.Column("insured_value", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_polled_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipment")),
        sa.UniqueConstraint(
            "carrier", "tracking_number", name=op.f("uq_shipment_carrier_tracking_number")
        ),
        sa.UniqueConstraint("order_id", name=op.f("uq_shipment_order_id")),
    )
    with op.batch_alter_table("shipment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shipment_buyer_id"), ["buyer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_shipment_seller_id"), ["seller_id"], unique=False)
        batch_op.create_index("ix_shipment_source_status", ["label_source", "status"], unique=False)

    op.create_table(
        "tracking_event",
        sa.Column("shipment_id", sa.Uuid(), nullable=False),
        sa.Column("carrier_event_id", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "label_created",
                "picked_up",
                "in_transit",
                "out_for_delivery",
                "delivered",
                "delivery_exception",
                "returned_to_sender",
                name="shipmentstatus",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("location", sa.String(length=120), nullable=True),
        sa.Column("occurred_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("received_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shipment_id"],
            ["shipment.id"],
            name=op.f("fk_tracking_event_shipment_id_shipment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracking_event")),
        sa.UniqueConstraint(
            "shipment_id",
            "carrier_event_id",
            name=op.f("uq_tracking_event_shipment_id_carrier_event_id"),
        ),
    )
    with op.batch_alter_table("tracking_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tracking_event_shipment_id"), ["shipment_id"], unique=False
        )

    op.create_table(
        "carrier_webhook",
        sa.Column("carrier", sa.String(length=20), nullable=False),
        sa.Column("event_id", sa.String(length=120), nullable=False),
        sa.Column("received_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carrier_webhook")),
        sa.UniqueConstraint(
            "carrier", "event_id", name=op.f("uq_carrier_webhook_carrier_event_id")
        ),
    )

    with op.batch_alter_table("shop_order", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "shipping_service",
                sa.String(length=20),
                server_default="standard",
                nullable=False,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("shop_order", schema=None) as batch_op:
        batch_op.drop_column("shipping_service")
    op.drop_table("carrier_webhook")
    with op.batch_alter_table("tracking_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tracking_event_shipment_id"))
    op.drop_table("tracking_event")
    with op.batch_alter_table("shipment", schema=None) as batch_op:
        batch_op.drop_index("ix_shipment_source_status")
        batch_op.drop_index(batch_op.f("ix_shipment_seller_id"))
        batch_op.drop_index(batch_op.f("ix_shipment_buyer_id"))
    op.drop_table("shipment")
