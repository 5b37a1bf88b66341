"""The receipt a buyer gets by email once a checkout is paid (sent after the commit)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core import mail
from techmarket.core.mail import OutgoingEmail
from techmarket.core.resources import Resources
from techmarket.services.orders.models import Checkout
from techmarket.services.users import client as users


def money(amount: int, currency: str) -> str:
    whole, cents = divmod(amount, 100)
    return f"{whole:,}.{cents:02d} {currency}"


def receipt(to: str, name: str, checkout: Checkout, orders_url: str) -> OutgoingEmail:
    lines = [f"Hello {name},", "", "Thank you for your order. You paid:", ""]
    for order in sorted(checkout.orders, key=lambda o: o.seller_name):
        lines.append(f"From {order.seller_name} (order {str(order.id)[:8]}):")
        for item in order.items:
            option = f" ({item.option_name})" if item.option_name else ""
            lines.append(
                f"  {item.quantity} x {item.title}{option}: "
                f"{money(item.unit_price * item.quantity, order.currency)}"
            )
        lines.append(f"  Shipping: {money(order.shipping_total, order.currency)}")
        lines.append(f"  Order total: {money(order.total, order.currency)}")
        lines.append("")
    lines += [
        f"Charged to your card: {money(checkout.total, checkout.currency)}",
        "",
        "The money is held by TechMarket until you confirm that your parcels arrived as described.",
        f"Follow your orders: {orders_url}",
    ]
    return OutgoingEmail(
        to=to,
        subject=f"Your TechMarket receipt: {money(checkout.total, checkout.currency)}",
        text="\n".join(lines) + "\n",
    )


async def send_after_commit(
    session: AsyncSession, resources: Resources, checkout: Checkout
) -> None:
    buyer = await users.get_user(session, checkout.buyer_id)
    if buyer is None:
        return
    orders_url = f"{resources.settings.base_url.rstrip('/')}/account/orders"
    message = receipt(buyer.email, buyer.display_name, checkout, orders_url)
    mail.send_after_commit(session, resources.mailer, message)
