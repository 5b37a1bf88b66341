"""Errors of the cart service: one class per rule, so clients can tell them apart by `type`."""

from techmarket.core.errors import Conflict, InvalidInput, NotFound


class CartLineNotFound(NotFound):
    code, title = "cart-line-not-found", "Cart line not found"


class ListingUnavailable(InvalidInput):
    code, title = "listing-unavailable", "This listing cannot be bought"


class SoldOut(InvalidInput):
    code, title = "sold-out", "Sold out"


class NotEnoughStock(InvalidInput):
    code, title = "not-enough-stock", "Not enough in stock"


class OptionNotAccepted(InvalidInput):
    code, title = "option-not-accepted", "This listing has no options"


class CartFull(InvalidInput):
    code, title = "cart-full", "Your cart is full"


class CartChanged(Conflict):
    code, title = "cart-changed", "Your cart changed meanwhile"


class OwnListing(Conflict):
    """409 like the watchlist's `own-listing`: the request is well formed, the caller's role
    towards the listing is what forbids it."""

    code, title = "own-listing", "That is your own listing"
