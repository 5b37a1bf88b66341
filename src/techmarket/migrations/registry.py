"""Imports every service's tables so that Alembic and tests see the whole schema."""

import importlib

SERVICES_WITH_TABLES = ("auth", "catalog", "users")


def import_all_models() -> None:
    for name in SERVICES_WITH_TABLES:
        importlib.import_module(f"techmarket.services.{name}.models")
