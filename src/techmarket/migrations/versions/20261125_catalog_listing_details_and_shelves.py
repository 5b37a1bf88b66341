"""catalog listing details and shelves

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 15:17:53.325808
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import techmarket.core.db

# Full-text search over title, brand, model and description, one structure per database
# (services/catalog/full_text.py queries them). SQLite: an FTS5 table with external content
# kept in step by triggers; MySQL/MariaDB: a FULLTEXT index; PostgreSQL: a GIN index on a
# tsvector expression. If a later migration rebuilds `product` on SQLite (batch "move and
# copy"), it must recreate the triggers and run `INSERT INTO product_fts(product_fts)
# VALUES ('rebuild')`.
FTS_COLUMNS = "title, brand, model, description"
PG_DOCUMENT = "to_tsvector('simple', title || ' ' || brand || ' ' || model || ' ' || description)"
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE product_fts USING fts5(title, brand, model, description,"
    " content='product', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER product_fts_insert AFTER INSERT ON product BEGIN"
    " INSERT INTO product_fts(rowid, title, brand, model, description)"
    " VALUES (new.rowid, new.title, new.brand, new.model, new.description); END",
    "CREATE TRIGGER product_fts_delete AFTER DELETE ON product BEGIN"
    " INSERT INTO product_fts(product_fts, rowid, title, brand, model, description)"
    " VALUES ('delete', old.rowid, old.title, old.brand, old.model, old.description); END",
    "CREATE TRIGGER product_fts_update AFTER UPDATE OF title, brand, model, description"
    " ON product BEGIN"
    " INSERT INTO product_fts(product_fts, rowid, title, brand, model, description)"
    " VALUES ('delete', old.rowid, old.title, old.brand, old.model, old.description);"
    " INSERT INTO product_fts(rowid, title, brand, model, description)"
    " VALUES (new.rowid, new.title, new.brand, new.model, new.description); END",
    "INSERT INTO product_fts(product_fts) VALUES ('rebuild')",
]


def _create_full_text_index(dialect: str) -> None:
    if dialect == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
    elif dialect in {"mysql", "mariadb"}:
        op.execute(f"CREATE FULLTEXT INDEX ft_product_text ON product ({FTS_COLUMNS})")
    elif dialect == "postgresql":
        op.execute(f"CREATE INDEX ft_product_text ON product USING GIN ({PG_DOCUMENT})")


def _drop_full_text_index(dialect: str) -> None:
    if dialect == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS product_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS product_fts")
    elif dialect in {"mysql", "mariadb"}:
        op.execute("DROP INDEX ft_product_text ON product")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ft_product_text")


revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "promotion",
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("subtitle", sa.String(length=300), nullable=False),
        sa.Column("starts_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promotion")),
    )
    with op.batch_alter_table("promotion", schema=None) as batch_op:
        batch_op.create_index("ix_promotion_window", ["starts_at", "ends_at"], unique=False)

    op.create_table(
        "saved_search",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("query", sa.JSON(), nullable=False),
        sa.Column("alerts", sa.Boolean(), nullable=False),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_search")),
    )
    with op.batch_alter_table("saved_search", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_saved_search_user_id"), ["user_id"], unique=False)

    op.create_table(
        "stolen_device",
        sa.Column("device_hash", sa.String(length=64), nullable=False),
        sa.Column("serial_last4", sa.String(length=4), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("reported_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stolen_device")),
        sa.UniqueConstraint("device_hash", name=op.f("uq_stolen_device_device_hash")),
    )
    op.create_table(
        "catalog_alert",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "new_match",
                "price_drop",
                name="alertkind",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("saved_search_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("read_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["product.id"],
            name=op.f("fk_catalog_alert_product_id_product"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["saved_search_id"],
            ["saved_search.id"],
            name=op.f("fk_catalog_alert_saved_search_id_saved_search"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog_alert")),
    )
    with op.batch_alter_table("catalog_alert", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_catalog_alert_product_id"), ["product_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_catalog_alert_saved_search_id"), ["saved_search_id"], unique=False
        )
        batch_op.create_index(
            "ix_catalog_alert_user_created", ["user_id", "created_at"], unique=False
        )

    op.create_table(
        "product_view",
        sa.Column("viewer", sa.String(length=64), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("viewed_on", sa.Date(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["product.id"],
            name=op.f("fk_product_view_product_id_product"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_view")),
        sa.UniqueConstraint(
            "viewer",
            "product_id",
            "viewed_on",
            name=op.f("uq_product_view_viewer_product_id_viewed_on"),
        ),
    )
    with op.batch_alter_table("product_view", schema=None) as batch_op:
        batch_op.create_index("ix_product_view_product", ["product_id", "viewer"], unique=False)

    op.create_table(
        "promotion_item",
        sa.Column("promotion_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["product.id"],
            name=op.f("fk_promotion_item_product_id_product"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["promotion_id"],
            ["promotion.id"],
            name=op.f("fk_promotion_item_promotion_id_promotion"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promotion_item")),
        sa.UniqueConstraint(
            "promotion_id", "product_id", name=op.f("uq_promotion_item_promotion_id_product_id")
        ),
    )
    with op.batch_alter_table("promotion_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_promotion_item_product_id"), ["product_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_promotion_item_promotion_id"), ["promotion_id"], unique=False
        )

    op.create_table(
        "watchlist_entry",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("price_when_added", sa.BigInteger(), nullable=False),
        sa.Column("added_at", techmarket.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["product.id"],
            name=op.f("fk_watchlist_entry_product_id_product"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watchlist_entry")),
        sa.UniqueConstraint(
            "user_id", "product_id", name=op.f("uq_watchlist_entry_user_id_product_id")
        ),
    )
    with op.batch_alter_table("watchlist_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_watchlist_entry_product_id"), ["product_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_watchlist_entry_user_id"), ["user_id"], unique=False)

    bind = op.get_bind()
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("cosmetic_notes", sa.String(length=2000), nullable=False, server_default="")
        )
        if bind.dialect.name == "sqlite":
            batch_op.add_column(
                sa.Column("checklist", sa.JSON(), nullable=False, server_default="{}")
            )
        else:  # MySQL refuses a literal default on JSON: fill, then require
            batch_op.add_column(sa.Column("checklist", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("device_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("serial_last4", sa.String(length=4), nullable=True))
        batch_op.add_column(sa.Column("weight_grams", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("length_mm", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("width_mm", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("height_mm", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_product_device_hash"), ["device_hash"], unique=False)
    if bind.dialect.name != "sqlite":
        op.execute("UPDATE product SET checklist = '{}'")
        op.alter_column("product", "checklist", existing_type=sa.JSON(), nullable=False)
    _create_full_text_index(bind.dialect.name)


def downgrade() -> None:
    _drop_full_text_index(op.get_bind().dialect.name)
    # Whole tables go first (MySQL will not drop an index a foreign key still uses).
    for table in (
        "promotion_item",
        "watchlist_entry",
        "product_view",
        "catalog_alert",
        "saved_search",
        "stolen_device",
        "promotion",
    ):
        op.drop_table(table)
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_device_hash"))
        for column in (
            "height_mm",
            "width_mm",
            "length_mm",
            "weight_grams",
            "serial_last4",
            "device_hash",
            "checklist",
            "cosmetic_notes",
        ):
            batch_op.drop_column(column)
