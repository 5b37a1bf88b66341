"""What other services and tools may call on the catalog service (in process, for now)."""

from techmarket.services.catalog.image_pipeline import RenderedImage, render_sizes
from techmarket.services.catalog.models import Condition, Visibility
from techmarket.services.catalog.repository import all_categories, has_any_listing
from techmarket.services.catalog.schemas import ProductCreate, ProductOptionCreate
from techmarket.services.catalog.service import (
    add_image,
    add_rendered_image,
    create_listing,
    forget_cached,
    schema_of,
)
from techmarket.services.catalog.stock import (
    Purchasable,
    confirm_sold,
    forget_after_commit,
    listing_titles,
    purchasables,
    release,
    reserve,
)

__all__ = [
    "Condition",
    "ProductCreate",
    "ProductOptionCreate",
    "Purchasable",
    "RenderedImage",
    "Visibility",
    "add_image",
    "add_rendered_image",
    "all_categories",
    "confirm_sold",
    "create_listing",
    "forget_after_commit",
    "forget_cached",
    "has_any_listing",
    "listing_titles",
    "purchasables",
    "release",
    "render_sizes",
    "reserve",
    "schema_of",
]
