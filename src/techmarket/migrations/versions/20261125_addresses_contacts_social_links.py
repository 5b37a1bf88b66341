"""addresses contacts social links

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 13:51:02.180228
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import techmarket.core.db

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "address",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("line1", sa.Text(), nullable=False),
        sa.Column("line2", sa.Text(), nullable=True),
        sa.Column("city", sa.Text(), nullable=False),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("postal_code", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_address_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_address")),
    )
    with op.batch_alter_table("address", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_address_user_id"), ["user_id"], unique=False)

    op.create_table(
        "contact",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "phone",
                "whatsapp",
                "telegram",
                "signal",
                "email",
                name="contactkind",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_contact_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_user_id"), ["user_id"], unique=False)

    op.create_table(
        "social_link",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column(
            "network",
            sa.Enum(
                "github",
                "gitlab",
                "linkedin",
                "x",
                "mastodon",
                "youtube",
                "instagram",
                "facebook",
                name="socialnetwork",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("url", sa.String(length=300), nullable=False),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_social_link_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_social_link")),
        sa.UniqueConstraint("user_id", "network", name=op.f("uq_social_link_user_id_network")),
    )
    with op.batch_alter_table("social_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_social_link_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    # Dropping a table drops its indexes; MariaDB refuses to drop an index a foreign key uses.
    for table in ("social_link", "contact", "address"):
        op.drop_table(table)
