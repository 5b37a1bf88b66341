"""Alerts: new listings matching a saved search, and price drops on watched listings.

`listing_matches` is the one meaning of "this listing matches that saved search": the hooks
below and the saved-search counts both use it. The hooks are called by the listing write path
inside its unit of work, so an alert exists exactly when the change that raised it committed.
Alerts are recorded here and shown in the account, and each is delivered as a notification (in
the bell and by email, as the user's preferences say) in the same transaction. A user is never
alerted twice for the same (kind, listing, saved search).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import AsyncIterator, Collection, Iterable, Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import ColumnElement, and_, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from techmarket.core.clock import utcnow
from techmarket.core.pagination import cut_page, newest_first
from techmarket.core.security.principal import Principal
from techmarket.core.storage import FileStorage
from techmarket.services.catalog.models import (
    AlertKind,
    CatalogAlert,
    Category,
    ListingStatus,
    Product,
    SavedSearch,
    Visibility,
    WatchlistEntry,
)
from techmarket.services.catalog.service import to_summary
from techmarket.services.catalog.shelf_schemas import (
    AlertPage,
    AlertRead,
    SpecFilter,
    parse_spec_filter,
)
from techmarket.services.notifications import client as notifications
from techmarket.services.users import client as users

SCAN_BATCH = 500
"""Saved searches read per query while matching one listing against all of them."""

# --- matching ------------------------------------------------------------------------------


class ListingFacts(Protocol):
    """What matching needs of a listing (a `Product` has it all)."""

    @property
    def title(self) -> str: ...
    @property
    def brand(self) -> str: ...
    @property
    def model(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def condition(self) -> str: ...
    @property
    def price(self) -> int: ...
    @property
    def category_id(self) -> uuid.UUID: ...
    @property
    def specs(self) -> Mapping[str, Any]: ...


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _as_number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def spec_matches(spec_filter: SpecFilter, value: object) -> bool:
    """A listing's spec value against one filter: ranges compare numbers, `true`/`false` match
    booleans, other values compare as numbers when both are, else as text ignoring case."""
    if value is None:
        return False
    if spec_filter.equals is None:
        number = _as_number(value)
        if number is None:
            return False
        low, high = spec_filter.minimum, spec_filter.maximum
        return (low is None or number >= low) and (high is None or number <= high)
    wanted = _normal(spec_filter.equals)
    if isinstance(value, bool):
        return wanted in ({"true", "yes", "1"} if value else {"false", "no", "0"})
    number, wanted_number = _as_number(value), _as_number(wanted)
    if number is not None and wanted_number is not None:
        return number == wanted_number
    return isinstance(value, str) and _normal(value) == wanted


def listing_matches(
    query: Mapping[str, Any],
    product: ListingFacts,
    category_ids_in_subtree: Collection[uuid.UUID] | None,
) -> bool:
    """Does `product` match a saved search's `query` (a stored `SavedQuery`)?

    Every word of `q` must appear, ignoring case, in the title, brand, model or description;
    `brand` (any of, ignoring case), `condition` (any of), the price range (inclusive) and every
    `spec` filter must hold. `category_ids_in_subtree` are the ids of the query's category and
    all its descendants; None (or empty) when the category is unknown matches nothing, and it
    is not looked at when the query names no category. Visibility and status are the caller's
    business: this is about the filters only.
    """
    q = query.get("q")
    if q:
        text = "\n".join((product.title, product.brand, product.model, product.description))
        haystack = text.casefold()
        if not all(word in haystack for word in q.casefold().split()):
            return False
    brands = query.get("brand") or []
    if brands and _normal(product.brand) not in {_normal(brand) for brand in brands}:
        return False
    conditions = query.get("condition") or []
    if conditions and str(product.condition) not in {str(c) for c in conditions}:
        return False
    min_price, max_price = query.get("min_price"), query.get("max_price")
    if min_price is not None and product.price < min_price:
        return False
    if max_price is not None and product.price > max_price:
        return False
    if query.get("category") and (
        not category_ids_in_subtree or product.category_id not in category_ids_in_subtree
    ):
        return False
    specs = {str(name).lower(): value for name, value in (product.specs or {}).items()}
    for raw in query.get("spec") or []:
        try:
            spec_filter = parse_spec_filter(str(raw))
        except ValueError:
            return False  # stored queries were validated; a broken one matches nothing
        if not spec_matches(spec_filter, specs.get(spec_filter.name)):
            return False
    return True


class CategoryTree:
    """The category tree by slug, to turn a query's category into the ids of its subtree."""

    def __init__(self, categories: Iterable[Category]) -> None:
        self._id_of: dict[str, uuid.UUID] = {}
        self._children: dict[uuid.UUID | None, list[uuid.UUID]] = defaultdict(list)
        for category in categories:
            self._id_of[category.slug] = category.id
            self._children[category.parent_id].append(category.id)
        self._subtrees: dict[str, frozenset[uuid.UUID]] = {}

    def knows(self, slug: str) -> bool:
        return slug in self._id_of

    def subtree_ids(self, slug: str | None) -> frozenset[uuid.UUID] | None:
        """Ids of the category and everything below it; None without a slug, empty if unknown."""
        if not slug:
            return None
        if slug not in self._subtrees:
            root = self._id_of.get(slug)
            found: set[uuid.UUID] = set()
            stack = [root] if root is not None else []
            while stack:
                node = stack.pop()
                found.add(node)
                stack.extend(self._children[node])
            self._subtrees[slug] = frozenset(found)
        return self._subtrees[slug]


async def load_category_tree(session: AsyncSession) -> CategoryTree:
    return CategoryTree((await session.scalars(select(Category))).all())


# --- who may see a listing -----------------------------------------------------------------


def open_by_link() -> ColumnElement[bool]:
    """Listings a signed-in stranger may open (public or unlisted, not removed): only these
    appear in someone's watchlist or alerts, so a listing made private or a draft drops out."""
    return and_(
        Product.visibility.in_([Visibility.PUBLIC, Visibility.UNLISTED]),
        Product.status != ListingStatus.REMOVED,
    )


def is_open_by_link(product: Product) -> bool:
    return product.visibility in {Visibility.PUBLIC, Visibility.UNLISTED} and (
        product.status != ListingStatus.REMOVED
    )


def is_publicly_listed(product: Product) -> bool:
    """Listings search finds: public and active."""
    return product.visibility == Visibility.PUBLIC and product.status == ListingStatus.ACTIVE


# --- hooks of the listing write path -------------------------------------------------------


async def on_listing_published(
    session: AsyncSession, product: Product, *, seller_user_id: uuid.UUID | None = None
) -> int:
    """Record a `new_match` alert for every saved search with alerts on, of a user other than
    the seller, that the (public, active) listing matches; return how many were recorded.

    Call it after a listing becomes public and active (created so, or published later), inside
    the same unit of work. Pass `seller_user_id` when known (the caller's user id); otherwise
    the seller is recognised through the users service among the matched users.
    """
    if not is_publicly_listed(product):
        return 0
    return await _alert_saved_searches(session, product, seller_user_id)


async def on_price_changed(
    session: AsyncSession,
    product: Product,
    old_price: int,
    *,
    seller_user_id: uuid.UUID | None = None,
) -> int:
    """After a price change: a drop records a `price_drop` alert for every watcher for whom the
    new price is below the price they saw when they started watching, and, if the listing is
    public and active, `new_match` alerts for saved searches it now matches (it may have
    fallen into their price range). Returns how many alerts were recorded."""
    if product.price >= old_price or product.status != ListingStatus.ACTIVE:
        return 0
    if not is_open_by_link(product):
        return 0
    watchers = set(
        await session.scalars(
            select(WatchlistEntry.user_id).where(
                WatchlistEntry.product_id == product.id,
                WatchlistEntry.price_when_added > product.price,
            )
        )
    )
    if watchers:
        already = set(
            await session.scalars(
                select(CatalogAlert.user_id).where(
                    CatalogAlert.product_id == product.id,
                    CatalogAlert.kind == AlertKind.PRICE_DROP,
                )
            )
        )
        now = utcnow()
        for user_id in sorted(watchers - already):
            session.add(
                CatalogAlert(
                    user_id=user_id, kind=AlertKind.PRICE_DROP, product_id=product.id,
                    saved_search_id=None, created_at=now,
                )
            )  # fmt: skip
            await notifications.notify(
                session, user_id=user_id, kind=notifications.NotificationKind.PRICE_DROP,
                event_key=f"product:{product.id}:price_drop",
                context={**_listing_facts(product), "old_price": old_price},
            )  # fmt: skip
        recorded = len(watchers - already)
    else:
        recorded = 0
    if is_publicly_listed(product):
        recorded += await _alert_saved_searches(session, product, seller_user_id)
    await session.flush()
    return recorded


def _listing_facts(product: Product) -> dict[str, Any]:
    """What an alert's notification says of the listing."""
    return {
        "product_id": str(product.id),
        "title": product.title,
        "price": product.price,
        "currency": product.currency,
    }


async def _alerting_searches(
    session: AsyncSession,
) -> AsyncIterator[tuple[uuid.UUID, uuid.UUID, dict[str, Any], str]]:
    """Every saved search with alerts on, as (id, user id, query, name), read in keyset batches
    so memory stays flat however many there are."""
    after: uuid.UUID | None = None
    while True:
        statement = (
            select(SavedSearch.id, SavedSearch.user_id, SavedSearch.query, SavedSearch.name)
            .where(SavedSearch.alerts.is_(True))
            .order_by(SavedSearch.id)
            .limit(SCAN_BATCH)
        )
        if after is not None:
            statement = statement.where(SavedSearch.id > after)
        rows = (await session.execute(statement)).all()
        for search_id, user_id, query, name in rows:
            yield search_id, user_id, query, name
        if len(rows) < SCAN_BATCH:
            return
        after = rows[-1][0]


async def _alert_saved_searches(
    session: AsyncSession, product: Product, seller_user_id: uuid.UUID | None
) -> int:
    tree = await load_category_tree(session)
    matched: list[tuple[uuid.UUID, uuid.UUID]] = []
    names: dict[uuid.UUID, str] = {}
    async for search_id, user_id, query, name in _alerting_searches(session):
        if listing_matches(query, product, tree.subtree_ids(query.get("category"))):
            matched.append((search_id, user_id))
            names[search_id] = name
    if not matched:
        return 0
    already = await _searches_alerted_for(session, product.id, [s for s, _ in matched])
    seller = seller_user_id or await _seller_among(session, product, {u for _, u in matched})
    now = utcnow()
    recorded = 0
    for search_id, user_id in matched:
        if search_id in already or user_id == seller:
            continue
        session.add(
            CatalogAlert(
                user_id=user_id, kind=AlertKind.NEW_MATCH, product_id=product.id,
                saved_search_id=search_id, created_at=now,
            )
        )  # fmt: skip
        await notifications.notify(
            session, user_id=user_id, kind=notifications.NotificationKind.SAVED_SEARCH_MATCH,
            event_key=f"product:{product.id}:match:{search_id}",
            context={**_listing_facts(product), "search_name": names[search_id]},
        )  # fmt: skip
        recorded += 1
    await session.flush()
    return recorded


async def _searches_alerted_for(
    session: AsyncSession, product_id: uuid.UUID, search_ids: Sequence[uuid.UUID]
) -> set[uuid.UUID]:
    found: set[uuid.UUID] = set()
    for start in range(0, len(search_ids), SCAN_BATCH):
        chunk = search_ids[start : start + SCAN_BATCH]
        found.update(
            search_id
            for search_id in await session.scalars(
                select(CatalogAlert.saved_search_id).where(
                    CatalogAlert.product_id == product_id,
                    CatalogAlert.kind == AlertKind.NEW_MATCH,
                    CatalogAlert.saved_search_id.in_(chunk),
                )
            )
            if search_id is not None
        )
    return found


async def _seller_among(
    session: AsyncSession, product: Product, user_ids: set[uuid.UUID]
) -> uuid.UUID | None:
    """Which of these users owns the listing's store, if any (a store has one owner)."""
    for user_id in sorted(user_ids):
        dealer = await users.get_dealer_of_user(session, user_id)
        if dealer is not None and dealer.id == product.seller_id:
            return user_id
    return None


# --- the account's alerts ------------------------------------------------------------------


async def list_alerts(
    session: AsyncSession,
    storage: FileStorage,
    principal: Principal,
    cursor: str | None,
    limit: int,
) -> AlertPage:
    """The caller's alerts, newest first, for listings they may still open."""
    mine = and_(CatalogAlert.user_id == principal.user_id, open_by_link())
    statement = newest_first(
        select(CatalogAlert, Product)
        .join(Product, Product.id == CatalogAlert.product_id)
        .where(mine)
        .options(joinedload(Product.category), selectinload(Product.images)),
        CatalogAlert.created_at, CatalogAlert.id, cursor, limit,
    )  # fmt: skip
    rows = (await session.execute(statement)).unique().all()
    page, next_cursor = cut_page(rows, limit, lambda row: (row[0].created_at, row[0].id))
    unread = await session.scalar(
        select(func.count())
        .select_from(CatalogAlert)
        .join(Product, Product.id == CatalogAlert.product_id)
        .where(mine, CatalogAlert.read_at.is_(None))
    )
    return AlertPage(
        items=[
            AlertRead(
                id=alert.id,
                kind=alert.kind,
                product=to_summary(product, storage),
                saved_search_id=alert.saved_search_id,
                created_at=alert.created_at,
                read=alert.read_at is not None,
            )
            for alert, product in page
        ],
        next_cursor=next_cursor,
        unread=int(unread or 0),
    )


async def mark_all_read(session: AsyncSession, principal: Principal) -> int:
    """Mark every unread alert of the caller read; returns how many changed."""
    result = await session.execute(
        update(CatalogAlert)
        .where(CatalogAlert.user_id == principal.user_id, CatalogAlert.read_at.is_(None))
        .values(read_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)
