"""Names of the catalog's cache-aside entries, so readers and invalidators agree."""

import uuid

CATEGORIES = "catalog:categories"
FEATURED = "catalog:featured"
PROMOTIONS = "catalog:promotions"
POPULAR_CATEGORIES = "catalog:popular-categories"


def product(product_id: uuid.UUID) -> str:
    return f"catalog:product:{product_id}"


def category_page(slug: str) -> str:
    """The first page of a category as a visitor opening it sees it (no filter, default size)."""
    return f"catalog:category-page:{slug}"
