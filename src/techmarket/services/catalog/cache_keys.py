"""Names of the catalog's cache-aside entries, so readers and invalidators agree."""

import uuid

CATEGORIES = "catalog:categories"
FEATURED = "catalog:featured"


def product(product_id: uuid.UUID) -> str:
    return f"catalog:product:{product_id}"
