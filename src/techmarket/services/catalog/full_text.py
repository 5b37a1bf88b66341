"""Full-text search over title, brand, model and description: one interface, three engines.

SQLite uses the FTS5 table `product_fts`, MySQL/MariaDB a FULLTEXT index, PostgreSQL a GIN
index on a tsvector (all created by migration 0006). Every word of the query must match, as a
prefix, so "macb pro" finds "MacBook Pro" while the seller types. Each engine also ranks: BM25
on SQLite, InnoDB's relevance on MySQL, `ts_rank` on PostgreSQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Float,
    Select,
    and_,
    bindparam,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.dialects import mysql
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.services.catalog.models import Product

MAX_WORDS = 8
# InnoDB does not index words shorter than innodb_ft_min_token_size (3 by default): those
# words are matched with LIKE instead.
MYSQL_MIN_TOKEN = 3
# Punctuation becomes space before PostgreSQL's parser reads the document, so every word is
# parsed alone, as the same word of a query is: inside "Shop-1e5abc" the parser saw a hyphenated
# compound and "-1e5" (a number), alone it sees "1e5abc" (migration 0012 indexes the same).
PG_DOCUMENT = (
    "to_tsvector('simple', regexp_replace(product.title || ' ' || product.brand || ' ' ||"
    " product.model || ' ' || product.description, '[^[:alnum:]]+', ' ', 'g'))"
)

RANKED_WINDOW = 1000
"""On SQLite, relevance ranks the newest this-many listings holding the words: BM25 over every
match of a common word (150,000 at a million listings) takes two seconds, over the newest
thousand a few dozen milliseconds. A first page the window leaves short ranks them all."""

_fts = table("product_fts", column("rowid"), column("rank"))
_product_rowid: ColumnElement[int] = literal_column("product.rowid")


def words(q: str) -> list[str]:
    """The searchable words of a query, lower case, without operators of any engine."""
    return re.findall(r"\w+", q.casefold())[:MAX_WORDS]


@dataclass(frozen=True)
class RankedQuery:
    """A page query joined to its ranking, and how to order by it (best first)."""

    query: Select[Product]
    rank: ColumnElement[float]
    descending: bool


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_any_column(word: str) -> ColumnElement[bool]:
    pattern = f"%{_escape_like(word)}%"
    return or_(
        *(
            func.lower(col).like(pattern, escape="\\")
            for col in (Product.title, Product.brand, Product.model, Product.description)
        )
    )


class TextSearch:
    """The engine-specific SQL for one dialect."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect

    # --- SQLite FTS5 ------------------------------------------------------------------------

    @staticmethod
    def _fts5_query(terms: list[str]) -> str:
        return " ".join('"' + term.replace('"', '""') + '"*' for term in terms)

    def _fts5_match(self, terms: list[str]) -> ColumnElement[bool]:
        return literal_column("product_fts").op("MATCH")(
            bindparam(None, self._fts5_query(terms), unique=True)
        )

    # --- MySQL / MariaDB --------------------------------------------------------------------

    @staticmethod
    def _mysql_split(terms: list[str]) -> tuple[str, list[str]]:
        long = [t for t in terms if len(t) >= MYSQL_MIN_TOKEN]
        short = [t for t in terms if len(t) < MYSQL_MIN_TOKEN]
        return " ".join(f"+{t}*" for t in long), short

    @staticmethod
    def _mysql_score(boolean_query: str) -> ColumnElement[float]:
        columns: list[ColumnElement[str]] = [
            Product.__table__.c[name] for name in ("title", "brand", "model", "description")
        ]
        return mysql.match(
            *columns, against=bindparam(None, boolean_query, unique=True)
        ).in_boolean_mode()

    # --- PostgreSQL -------------------------------------------------------------------------

    @staticmethod
    def _pg_query(terms: list[str]) -> ColumnElement[object]:
        return func.to_tsquery(
            "simple", bindparam(None, " & ".join(f"{t}:*" for t in terms), unique=True)
        )

    # --- the interface ----------------------------------------------------------------------

    def matches(self, q: str) -> ColumnElement[bool] | None:
        """A WHERE clause true for listings that contain every word (None: nothing to search)."""
        terms = words(q)
        if not terms:
            return None
        if self.dialect == "sqlite":
            inner = select(_fts.c.rowid).where(self._fts5_match(terms))
            return _product_rowid.in_(inner)
        if self.dialect in {"mysql", "mariadb"}:
            boolean_query, short = self._mysql_split(terms)
            clauses = [_like_any_column(t) for t in short]
            if boolean_query:
                clauses.append(self._mysql_score(boolean_query) > 0)
            return and_(*clauses)
        if self.dialect == "postgresql":
            document: ColumnElement[object] = literal_column(PG_DOCUMENT)
            return document.op("@@", return_type=Boolean)(self._pg_query(terms))
        return and_(*(_like_any_column(t) for t in terms))

    def _window_start(self, terms: list[str]) -> ColumnElement[int]:
        """The rowid of the RANKED_WINDOW-th newest match (NULL with fewer matches)."""
        return (
            select(_fts.c.rowid)
            .where(self._fts5_match(terms))
            .order_by(_fts.c.rowid.desc())
            .limit(1)
            .offset(RANKED_WINDOW - 1)
            .scalar_subquery()
        )

    async def window_was_full(self, session: AsyncSession, q: str) -> bool:
        """Whether `ranked(…, windowed=True)` left older matches out."""
        terms = words(q)
        if self.dialect != "sqlite" or not terms:
            return False
        return await session.scalar(select(self._window_start(terms))) is not None

    def ranked(
        self, query: Select[Product], q: str, *, windowed: bool = False
    ) -> RankedQuery | None:
        """The query ordered by relevance to `q`, or None when the engine cannot rank;
        `windowed` ranks only the newest RANKED_WINDOW matches where the engine needs it."""
        terms = words(q)
        if not terms:
            return None
        if self.dialect == "sqlite":
            joined = query.join(_fts, _fts.c.rowid == _product_rowid).where(self._fts5_match(terms))
            if windowed:
                joined = joined.where(_fts.c.rowid >= func.coalesce(self._window_start(terms), 0))
            # FTS5's rank is BM25 negated: smaller is more relevant.
            return RankedQuery(joined, _fts.c.rank.cast(Float), descending=False)
        if self.dialect in {"mysql", "mariadb"}:
            boolean_query, _ = self._mysql_split(terms)
            if not boolean_query:
                return None
            return RankedQuery(query, self._mysql_score(boolean_query), descending=True)
        if self.dialect == "postgresql":
            rank = func.ts_rank(literal_column(PG_DOCUMENT), self._pg_query(terms), type_=Float)
            return RankedQuery(query, rank, descending=True)
        return None
