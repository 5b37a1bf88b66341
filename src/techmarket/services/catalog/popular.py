"""Popular categories: the top-level categories ranked by how many public, active listings
their subtree holds (a hot read, cached like the other shelves)."""

from __future__ import annotations

import uuid
from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.cache import Cache, cache_aside
from techmarket.services.catalog import cache_keys
from techmarket.services.catalog.models import Category, ListingStatus, Product, Visibility
from techmarket.services.catalog.schemas import CategoryRef
from techmarket.services.catalog.shelf_schemas import PopularCategory, PopularCategoryList


async def popular_categories(session: AsyncSession) -> PopularCategoryList:
    """Every top-level category with its count, most listings first, ties by name; categories
    without listings come last rather than vanish, so the shelf keeps its shape on a quiet day.
    Two queries whatever the size of the catalogue: the tree, and one grouped count."""
    categories = (await session.scalars(select(Category))).all()
    parent_of = {category.id: category.parent_id for category in categories}
    count = func.count(Product.id)
    per_category = await session.execute(
        select(Product.category_id, count)
        .where(Product.status == ListingStatus.ACTIVE, Product.visibility == Visibility.PUBLIC)
        .group_by(Product.category_id)
    )
    totals: Counter[uuid.UUID] = Counter()
    for category_id, listings in per_category:
        root = category_id
        for _ in range(len(parent_of)):  # bounded walk up, even on a corrupt tree
            parent = parent_of.get(root)
            if parent is None:
                break
            root = parent
        totals[root] += int(listings)
    top = [category for category in categories if category.parent_id is None]
    top.sort(key=lambda category: (-totals[category.id], category.name.casefold(), category.slug))
    return PopularCategoryList(
        items=[
            PopularCategory(
                category=CategoryRef(id=category.id, slug=category.slug, name=category.name),
                listings=totals[category.id],
            )
            for category in top
        ]
    )


async def popular_categories_json(session: AsyncSession, cache: Cache, ttl: int) -> bytes:
    """`GET /categories/popular` as cached JSON bytes (also what the start-up warm-up calls)."""

    async def load() -> bytes:
        return (await popular_categories(session)).model_dump_json().encode()

    return await cache_aside(cache, cache_keys.POPULAR_CATEGORIES, ttl, load)
