"""disputes and offers

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 15:52:30.382050
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import techmarket.core.db

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "offer",
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("option_id", sa.Uuid(), nullable=True),
        sa.Column("buyer_id", sa.Uuid(), nullable=False),
        sa.Column("seller_id", sa.Uuid(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("listed_price", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("counter_amount", sa.BigInteger(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "countered",
                "accepted",
                "declined",
                "expired",
                "withdrawn",
                name="offerstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer")),
    )
    with op.batch_alter_table("offer", schema=None) as batch_op:
        batch_op.create_index("ix_offer_buyer_status", ["buyer_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_offer_product_id"), ["product_id"], unique=False)
        batch_op.create_index("ix_offer_seller_status", ["seller_id", "status"], unique=False)
        batch_op.create_index("ix_offer_status_expires", ["status", "expires_at"], unique=False)

    op.create_table(
        "dispute",
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("buyer_id", sa.Uuid(), nullable=False),
        sa.Column("seller_id", sa.Uuid(), nullable=False),
        sa.Column(
            "reason",
            sa.Enum(
                "not_received",
                "not_as_described",
                name="disputereason",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "answered",
                "decided",
                name="disputestatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("buyer_statement", sa.Text(), nullable=False),
        sa.Column("seller_answer", sa.Text(), nullable=True),
        sa.Column(
            "decision",
            sa.Enum(
                "refund",
                "partial_refund",
                "release",
                name="disputedecision",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("refund_amount", sa.BigInteger(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.Uuid(), nullable=True),
        sa.Column("opened_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("answered_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("decided_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["shop_order.id"],
            name=op.f("fk_dispute_order_id_shop_order"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispute")),
        sa.UniqueConstraint("order_id", name=op.f("uq_dispute_order_id")),
    )
    with op.batch_alter_table("dispute", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dispute_buyer_id"), ["buyer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dispute_seller_id"), ["seller_id"], unique=False)
        batch_op.create_index("ix_dispute_status_opened", ["status", "opened_at"], unique=False)

    op.create_table(
        "dispute_photo",
        sa.Column("dispute_id", sa.Uuid(), nullable=False),
        sa.Column("storage_prefix", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dispute_id"],
            ["dispute.id"],
            name=op.f("fk_dispute_photo_dispute_id_dispute"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispute_photo")),
    )
    with op.batch_alter_table("dispute_photo", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dispute_photo_dispute_id"), ["dispute_id"], unique=False
        )

    with op.batch_alter_table("cart_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("offer_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("agreed_price", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    # Whole tables first (MySQL will not drop an index a foreign key still uses).
    for table in ("dispute_photo", "dispute", "offer"):
        op.drop_table(table)
    with op.batch_alter_table("cart_item", schema=None) as batch_op:
        batch_op.drop_column("agreed_price")
        batch_op.drop_column("offer_id")
