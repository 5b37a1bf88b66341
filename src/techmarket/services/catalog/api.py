"""HTTP routes of the catalog service. Hot reads answer cached JSON bytes (cache-aside)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from techmarket.core.dependencies import CacheDep, SessionDep, SettingsDep, StorageDep
from techmarket.core.resources import Resources
from techmarket.services.catalog import service
from techmarket.services.catalog.schemas import (
    CategoryList,
    FeaturedList,
    ProductDetail,
    ProductPage,
    ProductQuery,
)

router = APIRouter(tags=["catalog"])


def _json(body: bytes) -> Response:
    return Response(content=body, media_type="application/json")


@router.get("/categories", response_model=CategoryList, operation_id="catalog-list-categories")
async def list_categories(session: SessionDep, cache: CacheDep, settings: SettingsDep) -> Response:
    return _json(await service.categories_json(session, cache, settings.cache_ttl_seconds))


@router.get("/products", operation_id="catalog-search-products")
async def search_products(
    query: Annotated[ProductQuery, Query()], session: SessionDep, storage: StorageDep
) -> ProductPage:
    return await service.search(session, storage, query)


@router.get(
    "/products/featured", response_model=FeaturedList, operation_id="catalog-featured-products"
)
async def featured_products(
    session: SessionDep, cache: CacheDep, storage: StorageDep, settings: SettingsDep
) -> Response:
    return _json(await service.featured_json(session, cache, storage, settings.cache_ttl_seconds))


@router.get(
    "/products/{product_id}", response_model=ProductDetail, operation_id="catalog-get-product"
)
async def get_product(
    product_id: uuid.UUID,
    session: SessionDep,
    cache: CacheDep,
    storage: StorageDep,
    settings: SettingsDep,
) -> Response:
    return _json(
        await service.product_json(session, cache, storage, product_id, settings.cache_ttl_seconds)
    )


async def on_startup(resources: Resources) -> None:
    """Warm the hot entries (DESIGN §6) once the database is reachable."""
    if not resources.settings.cache_warm_on_start:
        return
    async with resources.db.unit_of_work(write=False) as session:
        await service.warm_cache(
            session, resources.cache, resources.storage, resources.settings.cache_ttl_seconds
        )
