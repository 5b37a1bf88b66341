"""search indexes: a case-folded brand column, brand and category-by-price browse orders

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25 19:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("product") as batch:
        batch.add_column(
            sa.Column("brand_key", sa.String(length=80), nullable=False, server_default="")
        )
    # Brands listed so far are ASCII, where lower() and Python's casefold() agree.
    op.execute("UPDATE product SET brand_key = lower(trim(brand))")
    op.drop_index("ix_product_brand", table_name="product")
    op.create_index(
        "ix_product_brand_newest",
        "product",
        ["brand_key", "status", "visibility", "created_at", "id"],
    )
    op.create_index(
        "ix_product_category_price",
        "product",
        ["category_id", "status", "visibility", "price", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_product_category_price", table_name="product")
    op.drop_index("ix_product_brand_newest", table_name="product")
    op.create_index("ix_product_brand", "product", ["brand"])
    with op.batch_alter_table("product") as batch:
        batch.drop_column("brand_key")
