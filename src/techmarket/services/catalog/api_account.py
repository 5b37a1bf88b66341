"""HTTP routes of the catalog in the signed-in user's account: watchlist, saved searches and
their alerts. Everything here is the caller's own; another user's saved search answers 404."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from techmarket.core.dependencies import CurrentPrincipal, SessionDep, StorageDep
from techmarket.core.pagination import DEFAULT_LIMIT, MAX_LIMIT
from techmarket.services.catalog import alerts, saved_searches, watchlist
from techmarket.services.catalog.shelf_schemas import (
    AlertPage,
    SavedSearchCreate,
    SavedSearchList,
    SavedSearchMatches,
    SavedSearchRead,
    WatchlistPage,
)

router = APIRouter(prefix="/users/me", tags=["catalog"])

Cursor = Annotated[str | None, Query(max_length=512, description="From `next_cursor`")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


@router.get("/watchlist", operation_id="catalog-list-watchlist")
async def list_watchlist(
    principal: CurrentPrincipal,
    session: SessionDep,
    storage: StorageDep,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> WatchlistPage:
    return await watchlist.list_watched(session, storage, principal, cursor, limit)


@router.put(
    "/watchlist/{product_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="catalog-watch-product",
)
async def watch_product(
    product_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> None:
    await watchlist.watch(session, principal, product_id)


@router.delete(
    "/watchlist/{product_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="catalog-unwatch-product",
)
async def unwatch_product(
    product_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> None:
    await watchlist.unwatch(session, principal, product_id)


@router.get("/saved-searches", operation_id="catalog-list-saved-searches")
async def list_saved_searches(principal: CurrentPrincipal, session: SessionDep) -> SavedSearchList:
    return await saved_searches.list_saved(session, principal)


@router.post(
    "/saved-searches",
    status_code=status.HTTP_201_CREATED,
    operation_id="catalog-create-saved-search",
)
async def create_saved_search(
    body: SavedSearchCreate, principal: CurrentPrincipal, session: SessionDep
) -> SavedSearchRead:
    return await saved_searches.create(session, principal, body)


@router.delete(
    "/saved-searches/{search_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="catalog-delete-saved-search",
)
async def delete_saved_search(
    search_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> None:
    await saved_searches.delete_saved(session, principal, search_id)


@router.get("/saved-searches/{search_id}/matches", operation_id="catalog-saved-search-matches")
async def saved_search_matches(
    search_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep, storage: StorageDep
) -> SavedSearchMatches:
    """The newest matching listings (at most 50); marks the search seen (`last_seen_at`)."""
    return await saved_searches.matches(session, storage, principal, search_id)


@router.get("/alerts", operation_id="catalog-list-alerts")
async def list_alerts(
    principal: CurrentPrincipal,
    session: SessionDep,
    storage: StorageDep,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> AlertPage:
    return await alerts.list_alerts(session, storage, principal, cursor, limit)


@router.post(
    "/alerts/read", status_code=status.HTTP_204_NO_CONTENT, operation_id="catalog-read-alerts"
)
async def read_alerts(principal: CurrentPrincipal, session: SessionDep) -> None:
    await alerts.mark_all_read(session, principal)
