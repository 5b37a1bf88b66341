"""Saved searches: a user's search filters kept under a name, with a count of what is new.

"Matches" means `alerts.listing_matches` on public, active listings. The database narrows the
candidates with the plain columns (category subtree, brand, condition, price, ASCII words of
`q`), newest first and bounded; the predicate then decides, so the counts, the matches page
and the alerts always agree.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from techmarket.core.clock import utcnow
from techmarket.core.errors import Conflict, NotFound
from techmarket.core.security.principal import Principal
from techmarket.core.storage import FileStorage
from techmarket.services.catalog.alerts import CategoryTree, listing_matches, load_category_tree
from techmarket.services.catalog.errors import CategoryNotFound
from techmarket.services.catalog.models import (
    ListingStatus,
    Product,
    SavedSearch,
    Visibility,
    brand_key,
)
from techmarket.services.catalog.service import to_summary
from techmarket.services.catalog.shelf_schemas import (
    SavedQuery,
    SavedSearchCreate,
    SavedSearchList,
    SavedSearchMatches,
    SavedSearchRead,
)

MAX_SAVED_SEARCHES = 20
MATCHES_LIMIT = 50
COUNT_SCAN = 200
"""Candidates looked at to count a search's new matches (so `new_matches` is at most this)."""
MATCHES_SCAN = 500
"""Candidates looked at to find the newest `MATCHES_LIMIT` matches."""


class TooManySavedSearches(Conflict):
    code, title = "too-many-saved-searches", "Too many saved searches"


class SavedSearchNotFound(NotFound):
    code, title = "saved-search-not-found", "Saved search not found"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _candidate_filters(
    query: SavedQuery, subtree: frozenset[uuid.UUID] | None
) -> list[ColumnElement[bool]]:
    """A superset of the query's matches among public active listings (the predicate decides).

    Text conditions are left to the predicate when they hold non-ASCII letters, since SQLite's
    `lower()` folds ASCII only and the prefilter must never drop a real match.
    """
    clauses: list[ColumnElement[bool]] = [
        Product.status == ListingStatus.ACTIVE,
        Product.visibility == Visibility.PUBLIC,
    ]
    if subtree is not None:
        clauses.append(Product.category_id.in_(subtree))
    if query.brand and all(brand.isascii() for brand in query.brand):
        clauses.append(Product.brand_key.in_({brand_key(brand) for brand in query.brand}))
    if query.condition:
        clauses.append(Product.condition.in_([condition.value for condition in query.condition]))
    if query.min_price is not None:
        clauses.append(Product.price >= query.min_price)
    if query.max_price is not None:
        clauses.append(Product.price <= query.max_price)
    for word in (query.q or "").split()[:8]:
        if word.isascii():
            pattern = f"%{_escape_like(word.lower())}%"
            clauses.append(
                or_(
                    *(
                        func.lower(column).like(pattern, escape="\\")
                        for column in (
                            Product.title, Product.brand, Product.model, Product.description,
                        )
                    )
                )
            )  # fmt: skip
    return clauses


async def _matching(
    session: AsyncSession,
    tree: CategoryTree,
    query: SavedQuery,
    *,
    since: dt.datetime | None,
    scan: int,
    wanted: int,
) -> list[Product]:
    """The newest public active listings matching `query` (published after `since`)."""
    subtree = tree.subtree_ids(query.category)
    clauses = _candidate_filters(query, subtree)
    if since is not None:
        clauses.append(Product.created_at > since)
    candidates = await session.scalars(
        select(Product)
        .where(*clauses)
        .order_by(Product.created_at.desc(), Product.id.desc())
        .limit(scan)
    )
    stored = query.model_dump(mode="json")
    found = [product for product in candidates if listing_matches(stored, product, subtree)]
    return found[:wanted]


def _read(saved: SavedSearch, new_matches: int) -> SavedSearchRead:
    return SavedSearchRead(
        id=saved.id,
        name=saved.name,
        query=SavedQuery.model_validate(saved.query),
        alerts=saved.alerts,
        created_at=saved.created_at,
        last_seen_at=saved.last_seen_at,
        new_matches=new_matches,
    )


async def create(
    session: AsyncSession, principal: Principal, body: SavedSearchCreate
) -> SavedSearchRead:
    kept = await session.scalar(
        select(func.count())
        .select_from(SavedSearch)
        .where(SavedSearch.user_id == principal.user_id)
    )
    if (kept or 0) >= MAX_SAVED_SEARCHES:
        raise TooManySavedSearches(
            f"You can keep at most {MAX_SAVED_SEARCHES} saved searches; delete one first."
        )
    if body.query.category is not None:
        tree = await load_category_tree(session)
        if not tree.knows(body.query.category):
            raise CategoryNotFound(
                f"No category has the slug {body.query.category!r}.",
                errors=[{"field": "query.category", "in": "body", "message": "unknown category"}],
            )
    now = utcnow()
    saved = SavedSearch(
        id=uuid.uuid4(),
        user_id=principal.user_id,
        name=body.name,
        query=body.query.model_dump(mode="json"),
        alerts=body.alerts,
        created_at=now,
        last_seen_at=now,
    )
    session.add(saved)
    await session.flush()
    return _read(saved, 0)  # nothing is newer than now


async def list_saved(session: AsyncSession, principal: Principal) -> SavedSearchList:
    """The caller's saved searches, newest first, each with its count of new matches (one
    bounded query per search; there are at most `MAX_SAVED_SEARCHES`)."""
    searches: Sequence[SavedSearch] = (
        await session.scalars(
            select(SavedSearch)
            .where(SavedSearch.user_id == principal.user_id)
            .order_by(SavedSearch.created_at.desc(), SavedSearch.id.desc())
        )
    ).all()
    if not searches:
        return SavedSearchList(items=[])
    tree = await load_category_tree(session)
    items = []
    for saved in searches:
        query = SavedQuery.model_validate(saved.query)
        new = await _matching(
            session, tree, query, since=saved.last_seen_at, scan=COUNT_SCAN, wanted=COUNT_SCAN
        )
        items.append(_read(saved, len(new)))
    return SavedSearchList(items=items)


async def delete_saved(session: AsyncSession, principal: Principal, search_id: uuid.UUID) -> None:
    """Owner only; anyone else's (or an unknown) saved search answers 404. Its alerts go too."""
    result = await session.execute(
        delete(SavedSearch)
        .where(SavedSearch.id == search_id, SavedSearch.user_id == principal.user_id)
        .execution_options(synchronize_session=False)
    )
    if not getattr(result, "rowcount", 0):
        raise SavedSearchNotFound(f"You have no saved search {search_id}.")


async def matches(
    session: AsyncSession, storage: FileStorage, principal: Principal, search_id: uuid.UUID
) -> SavedSearchMatches:
    """The newest listings matching the search (at most `MATCHES_LIMIT`), and "seen now".

    The write comes first so that on SQLite the transaction takes the write lock before it
    reads anything (a read transaction upgraded later can fail on a concurrent commit).
    """
    marked = await session.execute(
        update(SavedSearch)
        .where(SavedSearch.id == search_id, SavedSearch.user_id == principal.user_id)
        .values(last_seen_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if not getattr(marked, "rowcount", 0):
        raise SavedSearchNotFound(f"You have no saved search {search_id}.")
    stored = await session.scalar(select(SavedSearch.query).where(SavedSearch.id == search_id))
    query = SavedQuery.model_validate(stored)
    tree = await load_category_tree(session)
    found = await _matching(
        session, tree, query, since=None, scan=MATCHES_SCAN, wanted=MATCHES_LIMIT
    )
    if not found:
        return SavedSearchMatches(items=[])
    loaded = {
        product.id: product
        for product in (
            await session.scalars(
                select(Product)
                .where(Product.id.in_([product.id for product in found]))
                .options(joinedload(Product.category), selectinload(Product.images))
                .execution_options(populate_existing=True)
            )
        ).unique()
    }
    return SavedSearchMatches(items=[to_summary(loaded[p.id], storage) for p in found])
