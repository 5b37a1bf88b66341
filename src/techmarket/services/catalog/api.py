"""HTTP routes of the catalog service. Hot reads answer cached JSON bytes (cache-aside)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile, status

from techmarket.core.dependencies import (
    CacheDep,
    CurrentPrincipal,
    OptionalPrincipal,
    ResourcesDep,
    SessionDep,
    SettingsDep,
    StorageDep,
)
from techmarket.core.resources import Resources
from techmarket.services.catalog import selling, service
from techmarket.services.catalog.errors import InvalidImage
from techmarket.services.catalog.image_pipeline import MAX_UPLOAD_BYTES
from techmarket.services.catalog.schemas import (
    CategoryList,
    FeaturedList,
    ProductCreate,
    ProductDetail,
    ProductPage,
    ProductQuery,
    ProductUpdate,
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
    principal: OptionalPrincipal,
    session: SessionDep,
    resources: ResourcesDep,
) -> Response:
    return _json(await selling.detail_for(session, resources, principal, product_id))


@router.post(
    "/products", status_code=status.HTTP_201_CREATED, operation_id="catalog-create-product"
)
async def create_product(
    body: ProductCreate, principal: CurrentPrincipal, session: SessionDep, resources: ResourcesDep
) -> ProductDetail:
    return await selling.create(session, resources, principal, body)


@router.patch("/products/{product_id}", operation_id="catalog-update-product")
async def update_product(
    product_id: uuid.UUID,
    body: ProductUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    resources: ResourcesDep,
) -> ProductDetail:
    return await selling.update(session, resources, principal, product_id, body)


@router.delete(
    "/products/{product_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="catalog-remove-product",
)
async def remove_product(
    product_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep, resources: ResourcesDep
) -> None:
    await selling.remove(session, resources, principal, product_id)


@router.post(
    "/products/{product_id}/images",
    status_code=status.HTTP_201_CREATED,
    operation_id="catalog-add-product-image",
)
async def add_product_image(
    product_id: uuid.UUID,
    file: Annotated[UploadFile, File(description="JPEG, PNG or WebP, at most 10 MB")],
    principal: CurrentPrincipal,
    session: SessionDep,
    resources: ResourcesDep,
) -> ProductDetail:
    data = await file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise InvalidImage(f"A picture may be at most {MAX_UPLOAD_BYTES // 1_000_000} MB.")
    return await selling.add_picture(session, resources, principal, product_id, data)


@router.delete(
    "/products/{product_id}/images/{image_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="catalog-delete-product-image",
)
async def delete_product_image(
    product_id: uuid.UUID,
    image_id: uuid.UUID,
    principal: CurrentPrincipal,
    session: SessionDep,
    resources: ResourcesDep,
) -> None:
    await selling.delete_picture(session, resources, principal, product_id, image_id)


async def on_startup(resources: Resources) -> None:
    """Warm the hot entries (DESIGN §6) once the database is reachable."""
    if not resources.settings.cache_warm_on_start:
        return
    async with resources.db.unit_of_work(write=False) as session:
        await service.warm_cache(
            session, resources.cache, resources.storage, resources.settings.cache_ttl_seconds
        )
