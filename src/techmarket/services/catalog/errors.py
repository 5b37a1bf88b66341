"""Errors of the catalog service."""

from techmarket.core.errors import InvalidInput, NotFound


class ListingNotFound(NotFound):
    code, title = "listing-not-found", "Listing not found"


class CategoryNotFound(InvalidInput):
    code, title = "category-not-found", "Unknown category"


class InvalidImage(InvalidInput):
    code, title = "invalid-image", "The file is not an image we accept"


class InvalidListingDetails(InvalidInput):
    code, title = "invalid-listing-details", "Specs or checklist do not fit the category"
