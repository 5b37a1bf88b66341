"""Rules for sellers' own listings: create, change, remove, pictures.

Every change drops the cache entries it makes stale once the transaction has committed.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.errors import Forbidden, InvalidInput
from techmarket.core.pagination import cut_page
from techmarket.core.resources import Resources
from techmarket.core.security import policies
from techmarket.core.security.principal import Principal
from techmarket.services.catalog import alerts, repository, service, stolen_devices
from techmarket.services.catalog.errors import CategoryNotFound, ListingNotFound
from techmarket.services.catalog.models import Category, ListingStatus, Product, ProductOption
from techmarket.services.catalog.schemas import (
    ProductCreate,
    ProductDetail,
    ProductDetailPage,
    ProductUpdate,
)
from techmarket.services.users import client as users

MAX_IMAGES = 12


class NotASeller(Forbidden):
    code, title = "not-a-seller", "Open a store first"


class TooManyImages(InvalidInput):
    code, title = "too-many-images", "Too many pictures"


class InvalidImageOrder(InvalidInput):
    code, title = "invalid-image-order", "Not the listing's pictures"


async def seller_id_of(session: AsyncSession, principal: Principal | None) -> uuid.UUID | None:
    if principal is None:
        return None
    dealer = await users.get_dealer_of_user(session, principal.user_id)
    return dealer.id if dealer else None


async def _leaf_category(session: AsyncSession, category_id: uuid.UUID) -> None:
    """Listings go into the most specific category, so browsing a parent finds them all."""
    if await session.get(Category, category_id) is None:
        raise CategoryNotFound(
            f"No category has id {category_id}.",
            errors=[{"field": "category_id", "in": "body", "message": "unknown category"}],
        )
    children = await session.scalar(
        select(func.count()).select_from(Category).where(Category.parent_id == category_id)
    )
    if children:
        raise CategoryNotFound(
            "Choose a more specific category.",
            errors=[{"field": "category_id", "in": "body", "message": "has sub-categories"}],
        )


async def create(
    session: AsyncSession, resources: Resources, principal: Principal, listing: ProductCreate
) -> ProductDetail:
    dealer = await users.get_dealer_of_user(session, principal.user_id)
    if dealer is None:
        raise NotASeller("Open a store (become a seller) before you list items.")
    await _leaf_category(session, listing.category_id)
    product = await service.create_listing(
        session,
        seller_id=dealer.id,
        seller_name=dealer.store_name,
        listing=listing.model_copy(
            update={"location": listing.location or _location(dealer.city, dealer.country)}
        ),
    )
    await alerts.on_listing_published(session, product, seller_user_id=principal.user_id)
    service.forget_listings_after_commit(
        session, resources.cache, [product.id], [product.category_id]
    )
    return await owner_view(session, resources, product.id)


def _location(city: str | None, country: str | None) -> str | None:
    """A listing is where its seller is, unless the seller says otherwise."""
    return ", ".join(part for part in (city, country) if part) or None


async def _owned(session: AsyncSession, principal: Principal, product_id: uuid.UUID) -> Product:
    product = await repository.get_product(session, product_id)
    seller_id = await seller_id_of(session, principal)
    if product is None or not policies.may_edit_listing(seller_id, product.seller_id):
        # Someone else's listing: 404 whether or not it exists or is visible.
        raise ListingNotFound(f"You have no listing {product_id}.")
    return product


async def update(
    session: AsyncSession,
    resources: Resources,
    principal: Principal,
    product_id: uuid.UUID,
    changes: ProductUpdate,
) -> ProductDetail:
    product = await _owned(session, principal, product_id)
    if product.status == ListingStatus.REMOVED:
        raise ListingNotFound(f"Listing {product_id} was removed.")
    old_category_id, old_price = product.category_id, product.price
    was_listed = alerts.is_publicly_listed(product)
    data = changes.model_dump(exclude_unset=True)
    if "category_id" in data:
        await _leaf_category(session, data["category_id"])
    if {"category_id", "specs", "checklist"} & data.keys():
        data["specs"], data["checklist"] = await service.checked_details(
            session,
            data.get("category_id", product.category_id),
            data.get("specs", product.specs),
            data.get("checklist", product.checklist),
        )
    if "serial_number" in data:
        await service.set_device(session, product, data.pop("serial_number"))
    if "shipping" in data:
        data.pop("shipping")
        service.set_parcel(product, changes.shipping)
    options = data.pop("options", None)
    for field, value in data.items():
        setattr(product, field, value)
    if options is not None:
        product.options.clear()
        await session.flush()
        for position, option in enumerate(changes.options or []):
            product.options.append(
                ProductOption(
                    name=option.name, price=option.price, quantity=option.quantity,
                    position=position,
                )
            )  # fmt: skip
    if product.options:
        product.price = min(o.price for o in product.options)
        product.quantity = sum(o.quantity for o in product.options)
    if product.status in {ListingStatus.ACTIVE, ListingStatus.SOLD_OUT}:
        product.status = ListingStatus.ACTIVE if product.quantity > 0 else ListingStatus.SOLD_OUT
    await session.flush()
    if not was_listed:
        await alerts.on_listing_published(session, product, seller_user_id=principal.user_id)
    elif product.price < old_price:
        await alerts.on_price_changed(session, product, old_price, seller_user_id=principal.user_id)
    service.forget_listings_after_commit(
        session, resources.cache, [product.id], [old_category_id, product.category_id]
    )
    return await owner_view(session, resources, product.id)


async def remove(
    session: AsyncSession, resources: Resources, principal: Principal, product_id: uuid.UUID
) -> None:
    """Soft: a removed listing disappears from the shop but stays for orders that name it."""
    product = await _owned(session, principal, product_id)
    product.status = ListingStatus.REMOVED
    await session.flush()
    service.forget_listings_after_commit(
        session, resources.cache, [product.id], [product.category_id]
    )


async def add_picture(
    session: AsyncSession,
    resources: Resources,
    principal: Principal,
    product_id: uuid.UUID,
    data: bytes,
) -> ProductDetail:
    product = await _owned(session, principal, product_id)
    if len(product.images) >= MAX_IMAGES:
        raise TooManyImages(f"A listing has at most {MAX_IMAGES} pictures.")
    position = max((image.position for image in product.images), default=-1) + 1
    await service.add_image(session, resources.storage, product.id, data, position)
    service.forget_listings_after_commit(
        session, resources.cache, [product.id], [product.category_id]
    )
    return await owner_view(session, resources, product.id)


async def delete_picture(
    session: AsyncSession,
    resources: Resources,
    principal: Principal,
    product_id: uuid.UUID,
    image_id: uuid.UUID,
) -> None:
    product = await _owned(session, principal, product_id)
    image = next((i for i in product.images if i.id == image_id), None)
    if image is None:
        raise ListingNotFound(f"Listing {product_id} has no picture {image_id}.")
    await session.delete(image)
    await session.flush()
    service.forget_listings_after_commit(
        session, resources.cache, [product.id], [product.category_id]
    )


async def reorder_pictures(
    session: AsyncSession,
    resources: Resources,
    principal: Principal,
    product_id: uuid.UUID,
    image_ids: list[uuid.UUID],
) -> ProductDetail:
    """The seller gives every picture id in the new order; the first is the card's picture."""
    product = await _owned(session, principal, product_id)
    current = {image.id: image for image in product.images}
    if sorted(image_ids) != sorted(current) or len(set(image_ids)) != len(image_ids):
        raise InvalidImageOrder(
            "Give every picture of the listing exactly once, in the new order.",
            errors=[{"field": "image_ids", "in": "body", "message": "not the listing's pictures"}],
        )
    for position, image_id in enumerate(image_ids):
        current[image_id].position = position
    await session.flush()
    service.forget_listings_after_commit(
        session, resources.cache, [product.id], [product.category_id]
    )
    return await owner_view(session, resources, product.id)


async def owner_view(
    session: AsyncSession, resources: Resources, product_id: uuid.UUID
) -> ProductDetail:
    session.expire_all()
    product = await repository.get_product(session, product_id)
    assert product is not None
    return await service.detail(session, resources.storage, product)


async def detail_for(
    session: AsyncSession, resources: Resources, principal: Principal | None, product_id: uuid.UUID
) -> bytes:
    """Everyone, signed in or not, gets the cached public detail of a visible listing (the web
    app sends its token on every call, so signed-in views must stay on the cache). Only a
    listing the public may not see is looked up again for its seller, or an admin if private."""
    try:
        return await service.product_json(
            session, resources.cache, resources.storage, product_id,
            resources.settings.cache_ttl_seconds,
        )  # fmt: skip
    except ListingNotFound:
        if principal is None:
            raise
    product = await repository.get_product(session, product_id)
    if product is None or not policies.may_see_listing(
        principal,
        await seller_id_of(session, principal),
        product.seller_id,
        product.visibility.value,
        product.status == ListingStatus.REMOVED,
    ):
        raise ListingNotFound(f"No listing has id {product_id}.")
    return (await service.detail(session, resources.storage, product)).model_dump_json().encode()


async def my_listings(
    session: AsyncSession,
    resources: Resources,
    principal: Principal,
    status: ListingStatus | None,
    cursor: str | None,
    limit: int,
) -> ProductDetailPage:
    """Every listing of the caller's store, drafts and removed ones included, newest first."""
    seller_id = await seller_id_of(session, principal)
    if seller_id is None:
        return ProductDetailPage(items=[], next_cursor=None)
    products = await repository.seller_products(session, seller_id, status, cursor, limit)
    categories = await repository.all_categories(session)
    page, next_cursor = cut_page(products, limit, lambda p: (p.created_at, p.id))
    items = [
        service.to_detail(
            product, resources.storage, service.schema_of(categories, product.category_id),
            await stolen_devices.history_count(session, product),
        )
        for product in page
    ]  # fmt: skip
    return ProductDetailPage(items=items, next_cursor=next_cursor)
