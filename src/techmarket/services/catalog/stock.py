"""Stock of listings as other services see it: what can be bought, and reserving it safely.

Reservations are conditional updates (`… WHERE quantity >= n`): on MariaDB/MySQL/PostgreSQL
the row lock of the UPDATE serialises buyers of the same listing, on SQLite the write
transaction (`BEGIN IMMEDIATE`) does; either way the last unit is sold once and stock never
goes below zero. A listing whose stock is all reserved is `reserved`; paid, it is `sold_out`;
released (declined payment, expired reservation, cancelled order), it is `active` again.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import case, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from techmarket.core.cache import Cache
from techmarket.core.storage import FileStorage
from techmarket.services.catalog.models import (
    ListingStatus,
    Product,
    ProductOption,
    Visibility,
)
from techmarket.services.catalog.service import forget_listings_after_commit, image_urls

BUYABLE_VISIBILITY = (Visibility.PUBLIC, Visibility.UNLISTED)


@dataclass(frozen=True)
class Purchasable:
    """A listing (and option) as a cart or an order needs it, read now."""

    product_id: uuid.UUID
    option_id: uuid.UUID | None
    title: str
    option_name: str | None
    seller_id: uuid.UUID
    seller_name: str
    price: int
    currency: str
    available: int
    status: ListingStatus
    buyable: bool
    """Public or unlisted, active, with stock: what may go into a cart or an order."""
    thumbnail_url: str | None
    weight_grams: int | None
    length_mm: int | None = None
    width_mm: int | None = None
    height_mm: int | None = None
    """Packed size, for shipping rates (None when the seller did not give it)."""


async def listing_titles(
    session: AsyncSession, product_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, str]:
    """The titles of these listings, whatever their state (for messages about them)."""
    if not product_ids:
        return {}
    rows = await session.execute(
        select(Product.id, Product.title).where(Product.id.in_(list(product_ids)))
    )
    return {row.id: row.title for row in rows}


async def purchasables(
    session: AsyncSession,
    storage: FileStorage,
    lines: list[tuple[uuid.UUID, uuid.UUID | None]],
) -> dict[tuple[uuid.UUID, uuid.UUID | None], Purchasable]:
    """Every (listing, option) asked for that exists, in two queries whatever their number."""
    ids = {product_id for product_id, _ in lines}
    if not ids:
        return {}
    rows = await session.scalars(
        select(Product)
        .where(Product.id.in_(ids))
        .options(selectinload(Product.options), selectinload(Product.images))
    )
    products = {product.id: product for product in rows.unique()}
    found: dict[tuple[uuid.UUID, uuid.UUID | None], Purchasable] = {}
    for product_id, option_id in lines:
        product = products.get(product_id)
        if product is None:
            continue
        option = next((o for o in product.options if o.id == option_id), None)
        if option_id is not None and option is None:
            continue
        if option_id is None and product.options:
            continue  # a listing with variants is bought by variant
        available = option.quantity if option else product.quantity
        image = product.images[0] if product.images else None
        found[(product_id, option_id)] = Purchasable(
            product_id=product.id,
            option_id=option.id if option else None,
            title=product.title,
            option_name=option.name if option else None,
            seller_id=product.seller_id,
            seller_name=product.seller_name,
            price=option.price if option else product.price,
            currency=product.currency,
            available=available,
            status=product.status,
            buyable=(
                product.visibility in BUYABLE_VISIBILITY
                and product.status == ListingStatus.ACTIVE
                and available > 0
            ),
            thumbnail_url=image_urls(storage, image).thumbnail_url if image else None,
            weight_grams=product.weight_grams,
            length_mm=product.length_mm,
            width_mm=product.width_mm,
            height_mm=product.height_mm,
        )
    return found


async def reserve(
    session: AsyncSession, product_id: uuid.UUID, option_id: uuid.UUID | None, quantity: int
) -> bool:
    """Take `quantity` units if they are all there; False (and nothing taken) otherwise."""
    if option_id is not None:
        taken = await session.execute(
            update(ProductOption)
            .where(
                ProductOption.id == option_id,
                ProductOption.product_id == product_id,
                ProductOption.quantity >= quantity,
            )
            .values(quantity=ProductOption.quantity - quantity)
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount != 1:  # type: ignore[attr-defined]
            return False
    result = await session.execute(
        update(Product)
        .where(
            Product.id == product_id,
            Product.quantity >= quantity,
            Product.status == ListingStatus.ACTIVE,
            Product.visibility.in_(BUYABLE_VISIBILITY),
        )
        # MySQL evaluates SET left to right with the new values: status first, from the old
        # quantity, which is what every engine sees there.
        .ordered_values(
            (
                Product.status,
                case(
                    (Product.quantity == quantity, ListingStatus.RESERVED.value),
                    else_=Product.status,
                ),
            ),
            (Product.quantity, Product.quantity - quantity),
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        # Not reachable with consistent data (a listing's stock is its options' sum), but an
        # option taken without its listing must never stay taken.
        if option_id is not None:
            await release(session, product_id, option_id, quantity, listing_too=False)
        return False
    return True


async def release(
    session: AsyncSession,
    product_id: uuid.UUID,
    option_id: uuid.UUID | None,
    quantity: int,
    *,
    listing_too: bool = True,
) -> None:
    """Give units back (declined payment, expired reservation, cancelled order)."""
    if option_id is not None:
        await session.execute(
            update(ProductOption)
            .where(ProductOption.id == option_id)
            .values(quantity=ProductOption.quantity + quantity)
            .execution_options(synchronize_session=False)
        )
    if not listing_too:
        return
    await session.execute(
        update(Product)
        .where(Product.id == product_id)
        .values(
            quantity=Product.quantity + quantity,
            status=case(
                (
                    Product.status.in_(
                        [ListingStatus.RESERVED.value, ListingStatus.SOLD_OUT.value]
                    ),
                    ListingStatus.ACTIVE.value,
                ),
                else_=Product.status,
            ),
        )
        .execution_options(synchronize_session=False)
    )


async def confirm_sold(session: AsyncSession, product_id: uuid.UUID) -> None:
    """A paid reservation: a listing with nothing left is sold out rather than reserved."""
    await session.execute(
        update(Product)
        .where(
            Product.id == product_id,
            Product.status == ListingStatus.RESERVED,
            Product.quantity == 0,
        )
        .values(status=ListingStatus.SOLD_OUT.value)
        .execution_options(synchronize_session=False)
    )


def forget_after_commit(
    session: AsyncSession, cache: Cache, product_ids: Sequence[uuid.UUID]
) -> None:
    """Once the stock change commits, drop the listings' cached pages (detail, shelves, the
    first pages of their categories)."""
    forget_listings_after_commit(session, cache, product_ids)
