"""What a user can be told, through which channels, and what they may switch off."""

from __future__ import annotations

import enum


class NotificationKind(enum.StrEnum):
    ORDER_PLACED = "order_placed"
    """To the seller: a paid order waits to be shipped."""
    ORDER_PAID = "order_paid"
    """To the buyer: the receipt of a paid checkout."""
    ORDER_SHIPPED = "order_shipped"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"
    DELIVERY_PROBLEM = "delivery_problem"
    """A delivery exception or a return to the sender: buyer, seller and support."""
    REVIEW_REQUEST = "review_request"
    OFFER_RECEIVED = "offer_received"
    OFFER_ANSWERED = "offer_answered"
    DISPUTE_OPENED = "dispute_opened"
    DISPUTE_DECIDED = "dispute_decided"
    PAYOUT_SENT = "payout_sent"
    SAVED_SEARCH_MATCH = "saved_search_match"
    PRICE_DROP = "price_drop"
    PASSWORD_RESET = "password_reset"  # noqa: S105 - a kind, not a password
    NEW_SIGN_IN = "new_sign_in"


class Channel(enum.StrEnum):
    IN_APP = "in_app"
    EMAIL = "email"


LOCKED: frozenset[NotificationKind] = frozenset(
    {NotificationKind.PASSWORD_RESET, NotificationKind.NEW_SIGN_IN}
)
"""Security messages: someone else acting on the account must always be heard of."""

LOCKED_REASON = "Security messages cannot be turned off: they tell you when someone else acts."
