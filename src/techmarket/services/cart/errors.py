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


class OneUnitAtAgreedPrice(InvalidInput):
    """A line priced by an accepted offer is for that one unit: more would buy the rest at a
    price nobody agreed to."""

    code, title = "offer-line-quantity", "A line at an agreed price holds one unit"


# --- offers (see offers.py) ---------------------------------------------------------------


class OfferNotFound(NotFound):
    """Also what a caller who is neither the offer's buyer nor its seller gets."""

    code, title = "offer-not-found", "Offer not found"


class InvalidOfferAmount(InvalidInput):
    code, title = "invalid-offer-amount", "This amount cannot be offered"


class OfferAlreadyOpen(Conflict):
    code, title = "offer-already-open", "You already have an open offer on this listing"


class OfferClosed(Conflict):
    """The offer was accepted, declined, withdrawn or has expired: nothing more can happen."""

    code, title = "offer-closed", "This offer is closed"


class OfferJustExpired(OfferClosed):
    """Refusing a move on an offer found past its time also records that it expired: the unit
    of work commits that before the refusal goes out (see `core.db.unit_of_work`)."""

    commit_before_raising = True


class OfferMoveNotAllowed(Conflict):
    """A move the caller may not make in the offer's current status (the other party's turn,
    or a move that is not theirs)."""

    code, title = "offer-move-not-allowed", "You cannot do that with this offer now"


class OfferListingUnavailable(Conflict):
    code, title = "offer-listing-unavailable", "The listing cannot be bought any more"
