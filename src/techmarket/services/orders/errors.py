"""Errors of checkout and orders."""

from techmarket.core.errors import AppError, Conflict, InvalidInput, NotFound


class OrderNotFound(NotFound):
    code, title = "order-not-found", "Order not found"


class EmptyCart(InvalidInput):
    code, title = "empty-cart", "Nothing to check out"


class MixedCurrencies(InvalidInput):
    code, title = "mixed-currencies", "Choose one currency to check out"


class CartChanged(Conflict):
    code, title = "cart-changed", "Your cart changed: review it before paying"


class OutOfStock(Conflict):
    code, title = "out-of-stock", "Someone was faster"


class PaymentDeclined(AppError):
    status, code, title = 402, "payment-declined", "The card was declined"
