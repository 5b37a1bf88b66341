"""oauth identities

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 14:03:53.953600
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import techmarket.core.db

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "oauth_identity",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("provider", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oauth_identity")),
        sa.UniqueConstraint("provider", "subject", name=op.f("uq_oauth_identity_provider_subject")),
    )
    with op.batch_alter_table("oauth_identity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_oauth_identity_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_table("oauth_identity")
