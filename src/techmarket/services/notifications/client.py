"""What other services may call on the notifications service (in process, for now).

    await notify(session, user_id=..., kind=NotificationKind.ORDER_SHIPPED,
                 event_key=f"order:{order_id}:shipped", context={...})

Call it inside the transaction that decided the event: the in-app row and the email are
written there (outbox) and leave only once it commits; the same `event_key` twice for one user
adds nothing. `notify_store` does the same for the owner of a store (a dealer id), and
`notify_support` for every support agent and admin. A caller in a read transaction (a GET that
writes down an expiry it found) writes in one of its own: `core.db.write_after_commit`.

The facts each kind's templates read (`context`; money in minor units):

    order_paid          checkout_id, total, currency, orders: [{id, seller_name, shipping_total,
                        total, items: [{quantity, title, option_name, amount}]}]
    order_placed        order_id, total, currency, items: [{quantity, title, option_name}]
    order_shipped       order_id, tracking_number, tracking_url (carrier's page or None),
                        carrier (or None)
    out_for_delivery    order_id, tracking_number
    delivered           order_id
    delivery_problem    order_id, status (delivery_exception | returned_to_sender),
                        tracking_number, role (buyer | seller | support)
    review_request      order_id, seller_name, items: [{product_id, title}]
    offer_received      offer_id, product_id, title, amount, listed_price, currency
    offer_answered      offer_id, product_id, title, move (counter | accept | decline |
                        withdraw | expired), by (buyer | seller | None), amount, currency
    dispute_opened      dispute_id, order_id, reason, statement
    dispute_decided     dispute_id, order_id, decision, refund_amount, currency, note, role
    payout_sent         payout_id, amount, currency, account
    saved_search_match  product_id, title, price, currency, search_name (or None)
    price_drop          product_id, title, price, old_price (or None), currency
    password_reset      reset_url
    new_sign_in         device, ip_address (or None)
"""

from techmarket.services.notifications.kinds import LOCKED, Channel, NotificationKind
from techmarket.services.notifications.recipients import notify_store, notify_support
from techmarket.services.notifications.schemas import NotificationRead
from techmarket.services.notifications.service import notify

__all__ = [
    "LOCKED",
    "Channel",
    "NotificationKind",
    "NotificationRead",
    "notify",
    "notify_store",
    "notify_support",
]
