"""Names of the catalog's cache-aside entries, so readers and invalidators agree."""

import uuid
from collections.abc import Sequence

CATEGORIES = "catalog:categories"
FEATURED = "catalog:featured"
PROMOTIONS = "catalog:promotions"
POPULAR_CATEGORIES = "catalog:popular-categories"


def product(product_id: uuid.UUID) -> str:
    return f"catalog:product:{product_id}"


# First pages of a category (or of everything: slug "") as a visitor opening it sees them:
# no filter, no cursor, one of these sizes; any listing write in the category drops them all.
CACHED_PAGE_SIZES = (8, 12, 24)


SORTS = ("relevance", "newest", "price_asc", "price_desc")


def category_page(slug: str, sort: str, limit: int) -> str:
    return f"catalog:category-page:{slug}:{sort}:{limit}"


def landing_pages(slugs: Sequence[str]) -> list[str]:
    """Every cached first page of these categories and of the whole catalogue."""
    return [
        category_page(slug, sort, limit)
        for slug in dict.fromkeys(["", *slugs])
        for sort in SORTS
        for limit in CACHED_PAGE_SIZES
    ]
