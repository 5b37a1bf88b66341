"""An index on product.updated_at, for the embedded search index to catch up

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26 01:30:00.000000

Each process's search index (services/catalog/search_index.py) reads the listings changed since
it last looked, by `updated_at`: without an index that read scans every listing.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.create_index("ix_product_updated", ["updated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.drop_index("ix_product_updated")
