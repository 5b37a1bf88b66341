"""What other services may call on the cart service (in process, for now): the orders service
reads the lines to check out and empties them once ordered."""

from techmarket.services.cart.offers import expire_offers
from techmarket.services.cart.schemas import LineProblem
from techmarket.services.cart.service import CheckoutLine, checkout_lines, clear, remove_ordered

__all__ = [
    "CheckoutLine",
    "LineProblem",
    "checkout_lines",
    "clear",
    "expire_offers",
    "remove_ordered",
]
