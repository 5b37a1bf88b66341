"""HTTP routes of the catalog's shelves: promotions (read by anyone, curated by admins) and
popular categories. The public reads answer cached JSON bytes (cache-aside)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from techmarket.core.dependencies import (
    CacheDep,
    SessionDep,
    SettingsDep,
    StorageDep,
    require_role,
)
from techmarket.core.pagination import DEFAULT_LIMIT, MAX_LIMIT
from techmarket.core.security.policies import ADMIN
from techmarket.core.security.principal import Principal
from techmarket.services.catalog import popular, promotions
from techmarket.services.catalog.shelf_schemas import (
    PopularCategoryList,
    PromotionAdminPage,
    PromotionAdminRead,
    PromotionCreate,
    PromotionList,
)

router = APIRouter(tags=["catalog"])
AdminPrincipal = Annotated[Principal, Depends(require_role(ADMIN))]


def _json(body: bytes) -> Response:
    return Response(content=body, media_type="application/json")


@router.get("/promotions", response_model=PromotionList, operation_id="catalog-list-promotions")
async def list_promotions(
    session: SessionDep, cache: CacheDep, storage: StorageDep, settings: SettingsDep
) -> Response:
    """Promotions running now, with their listings that are still public and active."""
    return _json(
        await promotions.promotions_json(session, cache, storage, settings.cache_ttl_seconds)
    )


@router.get(
    "/categories/popular",
    response_model=PopularCategoryList,
    operation_id="catalog-popular-categories",
)
async def popular_categories(
    session: SessionDep, cache: CacheDep, settings: SettingsDep
) -> Response:
    """Top-level categories, most public active listings (in their subtree) first."""
    return _json(await popular.popular_categories_json(session, cache, settings.cache_ttl_seconds))


@router.get("/admin/promotions", operation_id="catalog-admin-list-promotions")
async def admin_list_promotions(
    principal: AdminPrincipal,
    session: SessionDep,
    storage: StorageDep,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> PromotionAdminPage:
    return await promotions.list_all(session, storage, cursor, limit)


@router.post(
    "/admin/promotions",
    status_code=status.HTTP_201_CREATED,
    operation_id="catalog-admin-create-promotion",
)
async def admin_create_promotion(
    body: PromotionCreate,
    principal: AdminPrincipal,
    session: SessionDep,
    cache: CacheDep,
    storage: StorageDep,
) -> PromotionAdminRead:
    return await promotions.create(session, cache, storage, principal, body)


@router.delete(
    "/admin/promotions/{promotion_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="catalog-admin-delete-promotion",
)
async def admin_delete_promotion(
    promotion_id: uuid.UUID, principal: AdminPrincipal, session: SessionDep, cache: CacheDep
) -> None:
    await promotions.remove(session, cache, promotion_id)
