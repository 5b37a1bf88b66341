"""Alembic migrations for every service's tables (one history; see docs/operations.md)."""
