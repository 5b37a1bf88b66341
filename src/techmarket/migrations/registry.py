"""Imports every service's tables so that Alembic and tests see the whole schema."""

import importlib
from typing import Any

# Tables the database keeps for itself and no model declares: SQLite's full-text table and its
# shadow tables (migration 0006). Autogenerate and the drift test leave them alone.
UNMODELLED_TABLE_PREFIXES = ("product_fts",)

SERVICES_WITH_TABLES = (
    "auth", "cart", "catalog", "notifications", "orders", "payments", "shipping", "users",
)  # fmt: skip


def import_all_models() -> None:
    for name in SERVICES_WITH_TABLES:
        importlib.import_module(f"techmarket.services.{name}.models")


def is_modelled(name: str | None, type_: str, parent_names: Any = None) -> bool:
    """`include_name` hook of Alembic: skip the tables no model declares."""
    return not (type_ == "table" and name and name.startswith(UNMODELLED_TABLE_PREFIXES))
