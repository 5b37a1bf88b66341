"""notifications, email outbox, preferences

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 19:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import techmarket.core.db
from techmarket.core.security.field_crypto import EncryptedText

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notification",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "order_placed",
                "order_paid",
                "order_shipped",
                "out_for_delivery",
                "delivered",
                "delivery_problem",
                "review_request",
                "offer_received",
                "offer_answered",
                "dispute_opened",
                "dispute_decided",
                "payout_sent",
                "saved_search_match",
                "price_drop",
                "password_reset",
                "new_sign_in",
                name="notificationkind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("event_key", sa.String(length=160), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("link", sa.String(length=300), nullable=True),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("read_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification")),
        sa.UniqueConstraint("user_id", "event_key", name=op.f("uq_notification_user_id_event_key")),
    )
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notification_user_newest", ["user_id", "created_at", "id"], unique=False
        )
        batch_op.create_index("ix_notification_user_unread", ["user_id", "read_at"], unique=False)

    op.create_table(
        "email_outbox",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("event_key", sa.String(length=160), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "order_placed",
                "order_paid",
                "order_shipped",
                "out_for_delivery",
                "delivered",
                "delivery_problem",
                "review_request",
                "offer_received",
                "offer_answered",
                "dispute_opened",
                "dispute_decided",
                "payout_sent",
                "saved_search_match",
                "price_drop",
                "password_reset",
                "new_sign_in",
                name="notificationkind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("notification_id", sa.Uuid(), nullable=True),
        sa.Column("to_address", EncryptedText(context="email_outbox.to_address"), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("html", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "sending",
                "sent",
                "failed",
                name="outboxstatus",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("claim", sa.String(length=32), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sent_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_outbox")),
        sa.UniqueConstraint("user_id", "event_key", name=op.f("uq_email_outbox_user_id_event_key")),
    )
    with op.batch_alter_table("email_outbox", schema=None) as batch_op:
        batch_op.create_index("ix_email_outbox_due", ["status", "next_attempt_at"], unique=False)

    op.create_table(
        "notification_preference",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "order_placed",
                "order_paid",
                "order_shipped",
                "out_for_delivery",
                "delivered",
                "delivery_problem",
                "review_request",
                "offer_received",
                "offer_answered",
                "dispute_opened",
                "dispute_decided",
                "payout_sent",
                "saved_search_match",
                "price_drop",
                "password_reset",
                "new_sign_in",
                name="notificationkind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "channel",
            sa.Enum(
                "in_app",
                "email",
                name="channel",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("updated_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_preference")),
        sa.UniqueConstraint(
            "user_id",
            "kind",
            "channel",
            name=op.f("uq_notification_preference_user_id_kind_channel"),
        ),
    )
    with op.batch_alter_table("notification_preference", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notification_preference_user_id"), ["user_id"], unique=False
        )


def downgrade() -> None:
    # Dropping a table drops its indexes.
    for table in ("notification_preference", "email_outbox", "notification"):
        op.drop_table(table)
