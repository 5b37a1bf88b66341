"""What other services and tools may call on the catalog service (in process, for now)."""

from techmarket.services.catalog.models import Condition, Visibility
from techmarket.services.catalog.repository import all_categories, has_any_listing
from techmarket.services.catalog.schemas import ProductCreate, ProductOptionCreate
from techmarket.services.catalog.service import add_image, create_listing, forget_cached

__all__ = [
    "Condition",
    "ProductCreate",
    "ProductOptionCreate",
    "Visibility",
    "add_image",
    "all_categories",
    "create_listing",
    "forget_cached",
    "has_any_listing",
]
