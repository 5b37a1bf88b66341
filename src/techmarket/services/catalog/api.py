"""HTTP routes of the catalog service. Hot reads answer cached JSON bytes (cache-aside)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, File, Query, Response, UploadFile, status

from techmarket.core.dependencies import (
    CacheDep,
    CurrentPrincipal,
    OptionalPrincipal,
    ResourcesDep,
    SessionDep,
    SettingsDep,
    StorageDep,
    require_role,
)
from techmarket.core.pagination import DEFAULT_LIMIT, MAX_LIMIT
from techmarket.core.resources import Resources
from techmarket.core.security.policies import ADMIN
from techmarket.core.security.principal import Principal
from techmarket.services.catalog import (
    discovery,
    listing_form,
    price_guide,
    recommendations,
    search,
    search_index,
    selling,
    service,
    stolen_devices,
    warm_up,
)
from techmarket.services.catalog.errors import InvalidImage
from techmarket.services.catalog.image_pipeline import MAX_UPLOAD_BYTES
from techmarket.services.catalog.models import Condition, ListingStatus
from techmarket.services.catalog.schemas import (
    CategoryList,
    Comparison,
    FeaturedList,
    ImageOrder,
    ListingForm,
    PriceGuide,
    ProductCreate,
    ProductDetail,
    ProductDetailPage,
    ProductList,
    ProductPage,
    ProductQuery,
    ProductUpdate,
    Recommendations,
    StolenDeviceCreate,
    StolenDevicePage,
    StolenDeviceRead,
    SuggestionList,
    ViewCreate,
)

router = APIRouter(tags=["catalog"])
AdminPrincipal = Annotated[Principal, Depends(require_role(ADMIN))]


def _json(body: bytes) -> Response:
    return Response(content=body, media_type="application/json")


@router.get("/categories", response_model=CategoryList, operation_id="catalog-list-categories")
async def list_categories(session: SessionDep, cache: CacheDep, settings: SettingsDep) -> Response:
    return _json(await service.categories_json(session, cache, settings.cache_ttl_seconds))


@router.get(
    "/categories/{slug}/listing-form",
    operation_id="catalog-listing-form",
)
async def get_listing_form(slug: str, session: SessionDep) -> ListingForm:
    return await listing_form.listing_form(session, slug)


@router.get("/products", response_model=ProductPage, operation_id="catalog-search-products")
async def search_products(
    query: Annotated[ProductQuery, Query()],
    session: SessionDep,
    cache: CacheDep,
    storage: StorageDep,
    settings: SettingsDep,
) -> Response:
    return _json(
        await search.search_json(session, cache, storage, query, settings.cache_ttl_seconds)
    )


@router.get("/products/mine", operation_id="catalog-my-listings")
async def my_listings(
    principal: CurrentPrincipal,
    session: SessionDep,
    resources: ResourcesDep,
    status: ListingStatus | None = None,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> ProductDetailPage:
    return await selling.my_listings(session, resources, principal, status, cursor, limit)


@router.get("/products/suggest", operation_id="catalog-suggest")
async def suggest_products(
    q: Annotated[str, Query(min_length=2, max_length=100)], session: SessionDep
) -> SuggestionList:
    return await discovery.suggest(session, q)


@router.get("/products/compare", operation_id="catalog-compare-products")
async def compare_products(
    ids: Annotated[str, Query(max_length=200, description="2 to 4 listing ids, comma separated")],
    session: SessionDep,
    storage: StorageDep,
) -> Comparison:
    return await discovery.compare(session, storage, discovery.parse_ids(ids))


@router.get("/products/price-guide", operation_id="catalog-price-guide")
async def get_price_guide(
    brand: Annotated[str, Query(min_length=1, max_length=80)],
    model: Annotated[str, Query(max_length=120)],
    condition: Condition,
    currency: Annotated[str, Query(pattern=r"^[A-Z]{3}$")],
    session: SessionDep,
) -> PriceGuide:
    return await price_guide.guide(session, brand, model, condition, currency)


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


@router.get("/products/{product_id}/related", operation_id="catalog-related-products")
async def related_products(
    product_id: uuid.UUID, session: SessionDep, storage: StorageDep
) -> ProductList:
    return await discovery.related(session, storage, product_id)


@router.post(
    "/products/{product_id}/views",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="catalog-record-view",
)
async def record_product_view(
    product_id: uuid.UUID,
    principal: OptionalPrincipal,
    session: SessionDep,
    body: ViewCreate | None = None,
) -> None:
    viewer = recommendations.viewer_key(principal, body.viewer_id if body else None)
    if viewer is not None:
        await recommendations.record_view(session, product_id, viewer)


@router.get(
    "/products/{product_id}/viewed-together",
    response_model=ProductList,
    operation_id="catalog-viewed-together",
)
async def viewed_together(
    product_id: uuid.UUID,
    session: SessionDep,
    cache: CacheDep,
    storage: StorageDep,
    settings: SettingsDep,
) -> Response:
    return _json(
        await recommendations.viewed_together_json(
            session, cache, storage, product_id, settings.cache_ttl_seconds
        )
    )


@router.get("/recommendations", operation_id="catalog-recommendations")
async def recommended(
    principal: OptionalPrincipal,
    session: SessionDep,
    storage: StorageDep,
    viewer_id: uuid.UUID | None = None,
) -> Recommendations:
    viewer = recommendations.viewer_key(principal, viewer_id)
    return await recommendations.for_viewer(session, storage, viewer)


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


@router.put("/products/{product_id}/images/order", operation_id="catalog-order-product-images")
async def order_product_images(
    product_id: uuid.UUID,
    body: ImageOrder,
    principal: CurrentPrincipal,
    session: SessionDep,
    resources: ResourcesDep,
) -> ProductDetail:
    return await selling.reorder_pictures(session, resources, principal, product_id, body.image_ids)


@router.post(
    "/admin/stolen-devices",
    status_code=status.HTTP_201_CREATED,
    operation_id="catalog-report-stolen-device",
)
async def report_stolen_device(
    body: StolenDeviceCreate, principal: AdminPrincipal, session: SessionDep
) -> StolenDeviceRead:
    return await stolen_devices.report(session, principal.user_id, body)


@router.get(
    "/admin/stolen-devices",
    operation_id="catalog-list-stolen-devices",
)
async def list_stolen_devices(
    _: AdminPrincipal,
    session: SessionDep,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> StolenDevicePage:
    return await stolen_devices.page(session, cursor, limit)


@router.delete(
    "/admin/stolen-devices/{report_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="catalog-remove-stolen-device",
)
async def remove_stolen_device(
    report_id: uuid.UUID, _: AdminPrincipal, session: SessionDep
) -> None:
    await stolen_devices.remove(session, report_id)


async def on_startup(resources: Resources) -> None:
    """Build the search index, then warm the hot entries (DESIGN §6) through it."""
    if resources.settings.search_engine == "embedded":
        await search_index.start(resources)
    if not resources.settings.cache_warm_on_start:
        return
    async with resources.db.unit_of_work(write=False) as session:
        await warm_up.warm_cache(
            session, resources.cache, resources.storage, resources.settings.cache_ttl_seconds
        )


async def on_shutdown(resources: Resources) -> None:
    search_index.stop(resources)
