"""PostgreSQL full text: the document split into words as the app splits the query

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-25 19:40:00.000000

PostgreSQL's parser read "Shop-1e5abc" in a listing as a hyphenated compound and "-1e5" (a
number), while the query's word "1e5abc" alone parses otherwise, so the word found nothing.
Punctuation becomes space first: each word is parsed alone, as in a query.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT = "title || ' ' || brand || ' ' || model || ' ' || description"
BEFORE = f"to_tsvector('simple', {TEXT})"
AFTER = f"to_tsvector('simple', regexp_replace({TEXT}, '[^[:alnum:]]+', ' ', 'g'))"


def _index(document: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ft_product_text")
    op.execute(f"CREATE INDEX ft_product_text ON product USING GIN ({document})")


def upgrade() -> None:
    _index(AFTER)


def downgrade() -> None:
    _index(BEFORE)
