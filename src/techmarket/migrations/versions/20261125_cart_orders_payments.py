"""cart orders payments

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 15:30:41.110027
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import techmarket.core.db

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cart_item",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("option_id", sa.Uuid(), nullable=True),
        sa.Column("line_key", sa.String(length=80), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("price_when_added", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("added_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cart_item")),
        sa.UniqueConstraint("user_id", "line_key", name=op.f("uq_cart_item_user_id_line_key")),
    )
    with op.batch_alter_table("cart_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cart_item_product_id"), ["product_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cart_item_user_id"), ["user_id"], unique=False)

    op.create_table(
        "checkout",
        sa.Column("buyer_id", sa.Uuid(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending_payment",
                "paid",
                "failed",
                "expired",
                name="checkoutstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("payment_id", sa.Uuid(), nullable=True),
        sa.Column("shipping_address", sa.Text(), nullable=False),
        sa.Column("shipping_country", sa.String(length=2), nullable=False),
        sa.Column(
            "reservation_expires_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkout")),
    )
    with op.batch_alter_table("checkout", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checkout_buyer_id"), ["buyer_id"], unique=False)
        batch_op.create_index(
            "ix_checkout_status_expires", ["status", "reservation_expires_at"], unique=False
        )

    op.create_table(
        "idempotency_record",
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "in_flight",
                "done",
                name="idempotencystate",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_record")),
        sa.UniqueConstraint(
            "scope", "user_id", "key", name=op.f("uq_idempotency_record_scope_user_id_key")
        ),
    )
    with op.batch_alter_table("idempotency_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_idempotency_record_expires_at"), ["expires_at"], unique=False
        )

    op.create_table(
        "ledger_account",
        sa.Column(
            "kind",
            sa.Enum(
                "processor",
                "escrow",
                "seller",
                "platform_fees",
                "payouts",
                name="accountkind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column("owner_key", sa.String(length=40), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_account")),
        sa.UniqueConstraint(
            "kind", "owner_key", "currency", name=op.f("uq_ledger_account_kind_owner_key_currency")
        ),
    )
    op.create_table(
        "ledger_transaction",
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("reference", sa.String(length=120), nullable=False),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_transaction")),
        sa.UniqueConstraint("kind", "reference", name=op.f("uq_ledger_transaction_kind_reference")),
    )
    op.create_table(
        "payment_method",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("provider", sa.String(length=20), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        sa.Column("brand", sa.String(length=20), nullable=False),
        sa.Column("last4", sa.String(length=4), nullable=False),
        sa.Column("exp_month", sa.Integer(), nullable=False),
        sa.Column("exp_year", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_method")),
    )
    with op.batch_alter_table("payment_method", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_method_user_id"), ["user_id"], unique=False)

    op.create_table(
        "payout",
        sa.Column("seller_id", sa.Uuid(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "paid",
                "failed",
                name="payoutstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("provider_transfer_id", sa.String(length=120), nullable=True),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payout")),
    )
    with op.batch_alter_table("payout", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payout_seller_id"), ["seller_id"], unique=False)

    op.create_table(
        "payout_account",
        sa.Column("seller_id", sa.Uuid(), nullable=False),
        sa.Column("provider", sa.String(length=20), nullable=False),
        sa.Column("account_ref", sa.String(length=120), nullable=False),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payout_account")),
        sa.UniqueConstraint("seller_id", name=op.f("uq_payout_account_seller_id")),
    )
    op.create_table(
        "webhook_event",
        sa.Column("provider", sa.String(length=20), nullable=False),
        sa.Column("event_id", sa.String(length=120), nullable=False),
        sa.Column("type", sa.String(length=60), nullable=False),
        sa.Column("created", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("received_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_event")),
        sa.UniqueConstraint(
            "provider", "event_id", name=op.f("uq_webhook_event_provider_event_id")
        ),
    )
    op.create_table(
        "ledger_entry",
        sa.Column("transaction_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["ledger_account.id"],
            name=op.f("fk_ledger_entry_account_id_ledger_account"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["transaction_id"],
            ["ledger_transaction.id"],
            name=op.f("fk_ledger_entry_transaction_id_ledger_transaction"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entry")),
    )
    with op.batch_alter_table("ledger_entry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ledger_entry_account", ["account_id", "transaction_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ledger_entry_transaction_id"), ["transaction_id"], unique=False
        )

    op.create_table(
        "payment",
        sa.Column("checkout_id", sa.Uuid(), nullable=False),
        sa.Column("buyer_id", sa.Uuid(), nullable=False),
        sa.Column("method_id", sa.Uuid(), nullable=True),
        sa.Column("provider", sa.String(length=20), nullable=False),
        sa.Column("provider_payment_id", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "requires_action",
                "authorized",
                "captured",
                "declined",
                "cancelled",
                "refunded",
                "partially_refunded",
                name="paymentstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount_captured", sa.BigInteger(), nullable=False),
        sa.Column("amount_refunded", sa.BigInteger(), nullable=False),
        sa.Column("action_url", sa.String(length=500), nullable=True),
        sa.Column("decline_reason", sa.String(length=60), nullable=True),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["method_id"],
            ["payment_method.id"],
            name=op.f("fk_payment_method_id_payment_method"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment")),
        sa.UniqueConstraint(
            "provider", "provider_payment_id", name=op.f("uq_payment_provider_provider_payment_id")
        ),
    )
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_buyer_id"), ["buyer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payment_checkout_id"), ["checkout_id"], unique=False)

    op.create_table(
        "shop_order",
        sa.Column("checkout_id", sa.Uuid(), nullable=False),
        sa.Column("buyer_id", sa.Uuid(), nullable=False),
        sa.Column("seller_id", sa.Uuid(), nullable=False),
        sa.Column("seller_name", sa.String(length=80), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending_payment",
                "paid",
                "shipped",
                "delivered",
                "completed",
                "cancelled",
                "refunded",
                "disputed",
                name="orderstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("items_total", sa.BigInteger(), nullable=False),
        sa.Column("shipping_total", sa.BigInteger(), nullable=False),
        sa.Column("platform_fee", sa.BigInteger(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("refunded_total", sa.BigInteger(), nullable=False),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("paid_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("shipped_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("delivered_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "inspection_ends_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("completed_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["checkout_id"],
            ["checkout.id"],
            name=op.f("fk_shop_order_checkout_id_checkout"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shop_order")),
    )
    with op.batch_alter_table("shop_order", schema=None) as batch_op:
        batch_op.create_index(
            "ix_shop_order_buyer_created", ["buyer_id", "created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_shop_order_checkout_id"), ["checkout_id"], unique=False
        )
        batch_op.create_index(
            "ix_shop_order_seller_created", ["seller_id", "created_at"], unique=False
        )
        batch_op.create_index(
            "ix_shop_order_status_inspection", ["status", "inspection_ends_at"], unique=False
        )

    op.create_table(
        "order_event",
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending_payment",
                "paid",
                "shipped",
                "delivered",
                "completed",
                "cancelled",
                "refunded",
                "disputed",
                name="orderstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["shop_order.id"],
            name=op.f("fk_order_event_order_id_shop_order"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_event")),
    )
    with op.batch_alter_table("order_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_event_order_id"), ["order_id"], unique=False)

    op.create_table(
        "order_item",
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("option_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("option_name", sa.String(length=120), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["shop_order.id"],
            name=op.f("fk_order_item_order_id_shop_order"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_item")),
    )
    with op.batch_alter_table("order_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_item_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_order_item_product_id"), ["product_id"], unique=False)


def downgrade() -> None:
    # Whole tables, children first (MySQL will not drop an index a foreign key still uses).
    for table in (
        "order_item",
        "order_event",
        "shop_order",
        "checkout",
        "idempotency_record",
        "cart_item",
        "payment",
        "payment_method",
        "webhook_event",
        "ledger_entry",
        "ledger_transaction",
        "ledger_account",
        "payout",
        "payout_account",
    ):
        op.drop_table(table)
