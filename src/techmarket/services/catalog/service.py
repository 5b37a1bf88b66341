"""Rules of the catalog: who sees which listing, how search filters and pages, what is cached."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.cache import Cache, cache_aside
from techmarket.core.db import read_after_commit
from techmarket.core.storage import FileStorage
from techmarket.services.catalog import cache_keys, repository, search_index, stolen_devices
from techmarket.services.catalog.device_serials import device_hash, mask
from techmarket.services.catalog.errors import (
    CategoryNotFound,
    InvalidListingDetails,
    ListingNotFound,
)
from techmarket.services.catalog.image_pipeline import RenderedImage, render_sizes
from techmarket.services.catalog.models import (
    Category,
    ListingStatus,
    Product,
    ProductImage,
    ProductOption,
    Visibility,
)
from techmarket.services.catalog.schemas import (
    CategoryList,
    CategoryRead,
    CategoryRef,
    ChecklistAnswer,
    DeviceRead,
    FeaturedList,
    ImageUrls,
    ParcelSize,
    ProductCreate,
    ProductDetail,
    ProductOptionRead,
    ProductSummary,
    SellerRef,
    Specification,
)
from techmarket.services.catalog.spec_schemas import (
    CategorySpecs,
    SpecValue,
    specs_for,
    validate_checklist,
    validate_specs,
)

FEATURED_LIMIT = 12


# --- reading -----------------------------------------------------------------------------


def image_urls(storage: FileStorage, image: ProductImage) -> ImageUrls:
    return ImageUrls(
        id=image.id,
        thumbnail_url=storage.url(f"{image.storage_prefix}-thumbnail.webp"),
        card_url=storage.url(f"{image.storage_prefix}-card.webp"),
        full_url=storage.url(f"{image.storage_prefix}-full.webp"),
    )


def _summary_fields(product: Product, storage: FileStorage) -> dict[str, object]:
    return {
        "id": product.id,
        "title": product.title,
        "brand": product.brand,
        "model": product.model,
        "condition": product.condition,
        "price": product.price,
        "currency": product.currency,
        "image": image_urls(storage, product.images[0]) if product.images else None,
        "seller": SellerRef(id=product.seller_id, store_name=product.seller_name),
        "category": CategoryRef(
            id=product.category.id, slug=product.category.slug, name=product.category.name
        ),
        "featured": product.featured,
        "location": product.location,
        "created_at": product.created_at,
    }


def to_summary(product: Product, storage: FileStorage) -> ProductSummary:
    return ProductSummary.model_validate(_summary_fields(product, storage))


def lineage(categories: Sequence[Category], category_id: uuid.UUID) -> list[Category]:
    """A category and its ancestors, nearest first."""
    by_id = {category.id: category for category in categories}
    found: list[Category] = []
    node = by_id.get(category_id)
    while node is not None and len(found) < 10:
        found.append(node)
        node = by_id.get(node.parent_id) if node.parent_id else None
    return found


def schema_of(categories: Sequence[Category], category_id: uuid.UUID) -> CategorySpecs:
    """The spec fields and checklist of a category (its own, or its nearest ancestor's)."""
    slugs = [category.slug for category in lineage(categories, category_id)]
    return specs_for(slugs[0] if slugs else "", slugs[1:])


def _specifications(product: Product, schema: CategorySpecs) -> list[Specification]:
    order = {field.name: index for index, field in enumerate(schema.fields)}
    rows = []
    for name, value in sorted(product.specs.items(), key=lambda kv: order.get(kv[0], len(order))):
        field = schema.field(name)
        label = field.label if field else name.replace("_", " ").capitalize()
        rows.append(
            Specification(name=name, label=label, value=value, unit=field.unit if field else None)
        )
    return rows


def _checklist(product: Product, schema: CategorySpecs) -> list[ChecklistAnswer]:
    return [
        ChecklistAnswer(key=item.key, label=item.label, passed=product.checklist[item.key])
        for item in schema.checklist
        if item.key in product.checklist
    ]


def _parcel(product: Product) -> ParcelSize | None:
    sizes = (product.weight_grams, product.length_mm, product.width_mm, product.height_mm)
    if any(size is None for size in sizes):
        return None
    return ParcelSize(
        weight_grams=product.weight_grams, length_mm=product.length_mm,
        width_mm=product.width_mm, height_mm=product.height_mm,
    )  # fmt: skip


def to_detail(
    product: Product, storage: FileStorage, schema: CategorySpecs, history_count: int
) -> ProductDetail:
    device = None
    if product.serial_last4 is not None:
        device = DeviceRead(serial_masked=mask(product.serial_last4), history_count=history_count)
    return ProductDetail.model_validate(
        {
            **_summary_fields(product, storage),
            "description": product.description,
            "specs": product.specs,
            "specifications": _specifications(product, schema),
            "cosmetic_notes": product.cosmetic_notes,
            "checklist": _checklist(product, schema),
            "device": device,
            "shipping": _parcel(product),
            "options": [ProductOptionRead.model_validate(option) for option in product.options],
            "images": [image_urls(storage, image) for image in product.images],
            "quantity": product.quantity,
            "status": product.status,
            "visibility": product.visibility,
            "updated_at": product.updated_at,
        }
    )


async def categories_json(session: AsyncSession, cache: Cache, ttl: int) -> bytes:
    async def load() -> bytes:
        categories = await repository.all_categories(session)
        items = [CategoryRead.model_validate(category) for category in categories]
        return CategoryList(items=items).model_dump_json().encode()

    return await cache_aside(cache, cache_keys.CATEGORIES, ttl, load)


async def featured_json(
    session: AsyncSession, cache: Cache, storage: FileStorage, ttl: int
) -> bytes:
    async def load() -> bytes:
        products = await repository.featured_products(session, FEATURED_LIMIT)
        items = [to_summary(product, storage) for product in products]
        return FeaturedList(items=items).model_dump_json().encode()

    return await cache_aside(cache, cache_keys.FEATURED, ttl, load)


def _visible_to_public(product: Product) -> bool:
    """Public and unlisted listings open by link; drafts, private and removed ones do not."""
    return product.visibility in {Visibility.PUBLIC, Visibility.UNLISTED} and (
        product.status != ListingStatus.REMOVED
    )


async def product_json(
    session: AsyncSession, cache: Cache, storage: FileStorage, product_id: uuid.UUID, ttl: int
) -> bytes:
    """A listing's detail for anyone; a listing they may not see answers 404, as unknown ones."""

    async def load() -> bytes:
        product = await repository.get_product(session, product_id)
        if product is None or not _visible_to_public(product):
            raise ListingNotFound(f"No listing has id {product_id}.")
        return (await detail(session, storage, product)).model_dump_json().encode()

    return await cache_aside(cache, cache_keys.product(product_id), ttl, load)


async def detail(session: AsyncSession, storage: FileStorage, product: Product) -> ProductDetail:
    """A listing's full detail: its category's labels and the device's history need queries."""
    categories = await repository.all_categories(session)
    history = await stolen_devices.history_count(session, product)
    return to_detail(product, storage, schema_of(categories, product.category_id), history)


def descendants(categories: Sequence[Category], root: Category) -> list[uuid.UUID]:
    children: dict[uuid.UUID | None, list[Category]] = defaultdict(list)
    for category in categories:
        children[category.parent_id].append(category)
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        found.append(node.id)
        stack.extend(children[node.id])
    return found


# --- writing -----------------------------------------------------------------------------


async def checked_details(
    session: AsyncSession,
    category_id: uuid.UUID,
    specs: dict[str, SpecValue],
    checklist: dict[str, bool],
) -> tuple[dict[str, SpecValue], dict[str, bool]]:
    """Specs and checklist as the category's schema reads them, or a 422 naming every field."""
    schema = schema_of(await repository.all_categories(session), category_id)
    clean_specs, spec_problems = validate_specs(schema, specs)
    clean_checklist, checklist_problems = validate_checklist(schema, checklist)
    problems = [*spec_problems, *checklist_problems]
    if problems:
        raise InvalidListingDetails(
            "Some specs or checklist answers do not fit the category: "
            + "; ".join(f"{p.field} {p.message}" for p in problems),
            errors=[{"field": p.field, "in": "body", "message": p.message} for p in problems],
        )
    return clean_specs, clean_checklist


async def set_device(session: AsyncSession, product: Product, serial: str | None) -> None:
    """Keep the keyed hash and last four characters of a serial that is not reported stolen."""
    if serial is None:
        product.device_hash = product.serial_last4 = None
        return
    await stolen_devices.refuse_if_stolen(session, serial)
    product.device_hash = device_hash(serial)
    product.serial_last4 = serial[-4:]


def set_parcel(product: Product, parcel: ParcelSize | None) -> None:
    product.weight_grams = parcel.weight_grams if parcel else None
    product.length_mm = parcel.length_mm if parcel else None
    product.width_mm = parcel.width_mm if parcel else None
    product.height_mm = parcel.height_mm if parcel else None


async def create_listing(
    session: AsyncSession,
    *,
    seller_id: uuid.UUID,
    seller_name: str,
    listing: ProductCreate,
    featured: bool = False,
    created_at: dt.datetime | None = None,
) -> Product:
    """A new listing; with options, its price is the cheapest and its stock their sum."""
    if await session.get(Category, listing.category_id) is None:
        raise CategoryNotFound(
            f"No category has id {listing.category_id}.",
            errors=[{"field": "category_id", "in": "body", "message": "unknown category"}],
        )
    specs, checklist = await checked_details(
        session, listing.category_id, listing.specs, listing.checklist
    )
    price, quantity = listing.price, listing.quantity
    if listing.options:
        price = min(option.price for option in listing.options)
        quantity = sum(option.quantity for option in listing.options)
    product = Product(
        id=uuid.uuid4(),
        seller_id=seller_id,
        seller_name=seller_name,
        category_id=listing.category_id,
        title=listing.title,
        description=listing.description,
        brand=listing.brand,
        model=listing.model,
        condition=listing.condition,
        price=price,
        currency=listing.currency,
        quantity=quantity,
        location=listing.location,
        visibility=listing.visibility,
        status=ListingStatus.ACTIVE if quantity > 0 else ListingStatus.SOLD_OUT,
        specs=specs,
        cosmetic_notes=listing.cosmetic_notes,
        checklist=checklist,
        featured=featured,
        options=[
            ProductOption(name=o.name, price=o.price, quantity=o.quantity, position=i)
            for i, o in enumerate(listing.options)
        ],
        images=[],
    )
    await set_device(session, product, listing.serial_number)
    set_parcel(product, listing.shipping)
    if created_at is not None:  # back-dated (demo, imports): still changed now, for the index
        product.created_at = created_at
    session.add(product)
    await session.flush()
    return product


async def add_image(
    session: AsyncSession, storage: FileStorage, product_id: uuid.UUID, data: bytes, position: int
) -> ProductImage:
    """Decode and re-encode off the event loop, then store (CPU-bound work never blocks it)."""
    rendered = await asyncio.to_thread(render_sizes, data)
    return await add_rendered_image(session, storage, product_id, rendered, position)


async def add_rendered_image(
    session: AsyncSession,
    storage: FileStorage,
    product_id: uuid.UUID,
    rendered: Sequence[RenderedImage],
    position: int,
) -> ProductImage:
    """Store every size of the picture first, then the row: a row never points at no file."""
    image_id = uuid.uuid4()
    prefix = f"products/{product_id}/{image_id.hex}"
    for item in rendered:
        await storage.put(f"{prefix}-{item.size}.webp", item.data)
    image = ProductImage(
        id=image_id, product_id=product_id, position=position, storage_prefix=prefix
    )
    session.add(image)
    await session.flush()
    return image


async def forget_cached(
    cache: Cache, product_ids: Sequence[uuid.UUID] = (), category_slugs: Sequence[str] = ()
) -> None:
    """Drop the entries a listing write changes (cache-aside invalidation): the listing, the
    shelves it may sit on, and the first pages of its categories up to the root."""
    await cache.delete(
        cache_keys.CATEGORIES,
        cache_keys.FEATURED,
        cache_keys.PROMOTIONS,
        cache_keys.POPULAR_CATEGORIES,
        *(cache_keys.product(product_id) for product_id in product_ids),
        *cache_keys.landing_pages(category_slugs),
    )


def forget_listings_after_commit(
    session: AsyncSession,
    cache: Cache,
    product_ids: Sequence[uuid.UUID],
    category_ids: Sequence[uuid.UUID] | None = None,
) -> None:
    """Once the write commits, drop the listings' cached entries and the first pages of their
    categories (`category_ids`, else the listings' own). The categories are read after the
    commit, in a read transaction of their own: not while the write holds SQLite's lock."""
    ids = list(product_ids)
    search_index.listings_changed(session)

    async def forget(read: AsyncSession) -> None:
        wanted = category_ids
        if wanted is None:
            rows = await read.scalars(select(Product.category_id).where(Product.id.in_(ids)))
            wanted = list(rows)
        categories = await repository.all_categories(read)
        slugs = [c.slug for category_id in wanted for c in lineage(categories, category_id)]
        await forget_cached(cache, ids, slugs)

    read_after_commit(session, forget)


async def warm_cache(session: AsyncSession, cache: Cache, storage: FileStorage, ttl: int) -> int:
    """Fill the hot entries at start-up so the first visitors do not pay for the misses."""
    await categories_json(session, cache, ttl)
    await featured_json(session, cache, storage, ttl)
    featured = await repository.featured_products(session, FEATURED_LIMIT)
    for product in featured:
        await product_json(session, cache, storage, product.id, ttl)
    return 2 + len(featured)
