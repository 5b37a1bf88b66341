"""Rules of the catalog: who sees which listing, how search filters and pages, what is cached."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.cache import Cache, cache_aside
from techmarket.core.pagination import InvalidCursor, decode_cursor, encode_cursor
from techmarket.core.storage import FileStorage
from techmarket.services.catalog import cache_keys, repository
from techmarket.services.catalog.errors import CategoryNotFound, ListingNotFound
from techmarket.services.catalog.image_pipeline import RenderedImage, render_sizes
from techmarket.services.catalog.models import (
    Category,
    Condition,
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
    Facets,
    FacetValue,
    FeaturedList,
    ImageUrls,
    ProductCreate,
    ProductDetail,
    ProductOptionRead,
    ProductPage,
    ProductQuery,
    ProductSort,
    ProductSummary,
    SellerRef,
)

FEATURED_LIMIT = 12
FACET_LIMIT = 20
CURSOR_KEYS = frozenset({"sort", "value", "id"})


# --- reading -----------------------------------------------------------------------------


def _image_urls(storage: FileStorage, image: ProductImage) -> ImageUrls:
    return ImageUrls(
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
        "image": _image_urls(storage, product.images[0]) if product.images else None,
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


def to_detail(product: Product, storage: FileStorage) -> ProductDetail:
    return ProductDetail.model_validate(
        {
            **_summary_fields(product, storage),
            "description": product.description,
            "specs": product.specs,
            "options": [ProductOptionRead.model_validate(option) for option in product.options],
            "images": [_image_urls(storage, image) for image in product.images],
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
        return to_detail(product, storage).model_dump_json().encode()

    return await cache_aside(cache, cache_keys.product(product_id), ttl, load)


def _descendants(categories: Sequence[Category], root: Category) -> list[uuid.UUID]:
    children: dict[uuid.UUID | None, list[Category]] = defaultdict(list)
    for category in categories:
        children[category.parent_id].append(category)
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        found.append(node.id)
        stack.extend(children[node.id])
    return found


async def search(session: AsyncSession, storage: FileStorage, query: ProductQuery) -> ProductPage:
    categories = await repository.all_categories(session)
    by_id = {category.id: category for category in categories}
    category_ids = None
    if query.category:
        root = next((c for c in categories if c.slug == query.category), None)
        if root is None:
            raise CategoryNotFound(
                f"No category has the slug {query.category!r}.",
                errors=[{"field": "category", "in": "query", "message": "unknown category"}],
            )
        category_ids = _descendants(categories, root)

    clauses = repository.search_filters(
        q=query.q,
        category_ids=category_ids,
        brands=query.brand,
        conditions=[condition.value for condition in query.condition],
        min_price=query.min_price,
        max_price=query.max_price,
    )
    after = _cursor_position(query.cursor, query.sort) if query.cursor else None
    rows = await repository.run_page(
        session, repository.page_query(clauses, query.sort, after, query.limit)
    )
    page, more = rows[: query.limit], len(rows) > query.limit
    next_cursor = None
    if more and page:
        last = page[-1]
        next_cursor = encode_cursor(
            {
                "sort": query.sort.value,
                "value": repository.sort_value(last, query.sort),
                "id": str(last.id),
            }
        )

    brand_counts = await repository.facet_counts(session, clauses, "brand", FACET_LIMIT)
    condition_counts = await repository.facet_counts(session, clauses, "condition", FACET_LIMIT)
    category_counts = await repository.facet_counts(session, clauses, "category_id", FACET_LIMIT)
    facets = Facets(
        brand=[FacetValue(value=b, label=b, count=n) for b, n in brand_counts],
        condition=[
            FacetValue(value=Condition(c).value, label=Condition(c).label, count=n)
            for c, n in condition_counts
        ],
        category=[
            FacetValue(value=by_id[c].slug, label=by_id[c].name, count=n)
            for c, n in category_counts
            if c in by_id
        ],
    )
    return ProductPage(
        items=[to_summary(product, storage) for product in page],
        next_cursor=next_cursor,
        facets=facets,
    )


def _cursor_position(cursor: str, sort: ProductSort) -> tuple[object, uuid.UUID]:
    position = decode_cursor(cursor, expected_keys=CURSOR_KEYS)
    try:
        if position["sort"] != sort.value:
            raise ValueError("cursor was made for another sort order")
        last_id = uuid.UUID(str(position["id"]))
        value = position["value"]
        if repository.SORT_KEYS[sort][0] == "created_at":
            value = dt.datetime.fromisoformat(str(value))
        elif not isinstance(value, int) or isinstance(value, bool):
            raise ValueError("price cursor must hold an integer")
    except (ValueError, TypeError) as error:
        raise InvalidCursor(
            "The cursor is not one this list gave out; start again without it.",
            errors=[{"field": "cursor", "in": "query", "message": str(error)}],
        ) from error
    return value, last_id


# --- writing -----------------------------------------------------------------------------


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
        specs=dict(listing.specs),
        featured=featured,
        options=[
            ProductOption(name=o.name, price=o.price, quantity=o.quantity, position=i)
            for i, o in enumerate(listing.options)
        ],
        images=[],
    )
    if created_at is not None:
        product.created_at = product.updated_at = created_at
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


async def forget_cached(cache: Cache, product_ids: Sequence[uuid.UUID] = ()) -> None:
    """Drop the entries a catalog write changes (cache-aside invalidation)."""
    await cache.delete(
        cache_keys.CATEGORIES,
        cache_keys.FEATURED,
        *(cache_keys.product(product_id) for product_id in product_ids),
    )


async def warm_cache(session: AsyncSession, cache: Cache, storage: FileStorage, ttl: int) -> int:
    """Fill the hot entries at start-up so the first visitors do not pay for the misses."""
    await categories_json(session, cache, ttl)
    await featured_json(session, cache, storage, ttl)
    featured = await repository.featured_products(session, FEATURED_LIMIT)
    for product in featured:
        await product_json(session, cache, storage, product.id, ttl)
    return 2 + len(featured)
