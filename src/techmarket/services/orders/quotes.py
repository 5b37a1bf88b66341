"""What a checkout costs: the cart's lines in one currency, one parcel per seller.

Each seller's parcel is rated by the shipping service from the listings' packed sizes, the
store's country and the buyer's address; the buyer picks a service level per seller (standard
unless named), and the quote lists every option so the choice can change.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.resources import Resources
from techmarket.services.cart import client as cart
from techmarket.services.orders.errors import CartChanged, EmptyCart, MixedCurrencies
from techmarket.services.orders.schemas import (
    Destination,
    Quote,
    QuoteLine,
    SellerQuote,
    ShippingAddress,
)
from techmarket.services.shipping import client as shipping
from techmarket.services.users import client as users


@dataclass(frozen=True)
class PricedCheckout:
    """A quote with the cart lines it covers, as the order placement needs them."""

    quote: Quote
    lines: list[cart.CheckoutLine]
    address: ShippingAddress


async def resolve_address(
    session: AsyncSession, buyer_id: uuid.UUID, destination: Destination
) -> ShippingAddress:
    if destination.address_id is not None:
        saved = await users.owned_address(session, buyer_id, destination.address_id)
        return ShippingAddress.model_validate(saved, from_attributes=True)
    assert destination.shipping_address is not None
    return ShippingAddress.model_validate(destination.shipping_address.model_dump())


def _choose_currency(lines: list[cart.CheckoutLine], wanted: str | None) -> tuple[str, list[str]]:
    currencies = sorted({line.purchasable.currency for line in lines if line.purchasable})
    if wanted is not None:
        if wanted not in currencies:
            raise EmptyCart(
                f"Your cart has nothing priced in {wanted}.",
                errors=[{"field": "currency", "in": "body", "message": "no line in it"}],
            )
        return wanted, [c for c in currencies if c != wanted]
    if len(currencies) > 1:
        raise MixedCurrencies(
            f"Your cart mixes {', '.join(currencies)}; one payment takes one currency. "
            "Check out each currency in turn by naming it.",
            errors=[{"field": "currency", "in": "body", "message": "choose one"}],
        )
    return currencies[0], []


async def price(
    session: AsyncSession, resources: Resources, buyer_id: uuid.UUID, destination: Destination
) -> PricedCheckout:
    """The quote of the caller's cart; a cart that changed since it was filled is refused."""
    address = await resolve_address(session, buyer_id, destination)
    every_line = await cart.checkout_lines(session, resources.storage, buyer_id)
    if not every_line:
        raise EmptyCart("Your cart is empty.")
    changed = [line for line in every_line if line.problems]
    if changed:
        reasons = sorted({problem.value for line in changed for problem in line.problems})
        raise CartChanged(
            "Some lines of your cart changed since you added them "
            f"({', '.join(reasons).replace('_', ' ')}); review the cart, then pay.",
            errors=[
                {"field": f"cart.{line.line_id}", "in": "body", "message": ", ".join(line.problems)}
                for line in changed
            ],
        )
    currency, others = _choose_currency(every_line, destination.currency)
    lines = [
        line for line in every_line if line.purchasable and line.purchasable.currency == currency
    ]
    by_seller: dict[uuid.UUID, list[cart.CheckoutLine]] = defaultdict(list)
    for line in lines:
        assert line.purchasable is not None
        by_seller[line.purchasable.seller_id].append(line)
    countries = await users.dealer_countries(session, list(by_seller))
    sellers = []
    for seller_id, seller_lines in by_seller.items():
        items = [_quote_line(line) for line in seller_lines]
        items_total = sum(item.line_total for item in items)
        options = shipping.rate_options(
            resources,
            _parcel(seller_lines, items_total),
            # A store that gave no country is taken to ship domestically.
            shipping.Place(countries.get(seller_id) or address.country),
            shipping.Place(address.country, address.postal_code),
        )
        wanted = destination.shipping_services.get(seller_id, "standard")
        rate = next(option for option in options if option.service == wanted)
        sellers.append(
            SellerQuote(
                seller_id=seller_id,
                store_name=seller_lines[0].purchasable.seller_name,  # type: ignore[union-attr]
                items=items,
                items_total=items_total,
                shipping=rate.amount,
                shipping_zone=rate.zone,
                estimated_days=rate.estimated_days,
                shipping_options=[shipping.shipping_option(option) for option in options],
                shipping_service=rate.service,
                total=items_total + rate.amount,
            )
        )
    quote = Quote(
        currency=currency,
        sellers=sellers,
        items_total=sum(s.items_total for s in sellers),
        shipping_total=sum(s.shipping for s in sellers),
        total=sum(s.total for s in sellers),
        other_currencies=others,
    )
    return PricedCheckout(quote=quote, lines=lines, address=address)


def _parcel(lines: list[cart.CheckoutLine], value: int) -> shipping.Parcel:
    """One box for a seller's lines, worth what they cost (insured above the threshold)."""
    items = []
    for line in lines:
        item = line.purchasable
        assert item is not None
        items.append(
            shipping.Item(
                quantity=line.quantity,
                weight_grams=item.weight_grams,
                length_mm=item.length_mm,
                width_mm=item.width_mm,
                height_mm=item.height_mm,
            )
        )
    return shipping.parcel_of(items, value=value)


def _quote_line(line: cart.CheckoutLine) -> QuoteLine:
    item = line.purchasable
    assert item is not None
    return QuoteLine(
        product_id=item.product_id,
        option_id=item.option_id,
        title=item.title,
        option_name=item.option_name,
        quantity=line.quantity,
        unit_price=line.unit_price,
        line_total=line.unit_price * line.quantity,
    )
