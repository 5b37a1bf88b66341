"""What the shipping service is told when a seller ships an order: the parcel (sizes from the
listings as they are now, value from the order), the store as sender, the buyer's address."""

from __future__ import annotations

import orjson
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.storage import FileStorage
from techmarket.services.catalog import client as catalog
from techmarket.services.orders.models import Order
from techmarket.services.orders.schemas import ShipmentCreate, ShippingAddress
from techmarket.services.shipping import client as shipping
from techmarket.services.users import client as users

UNKNOWN = "(on file with the store)"


async def request_for(
    session: AsyncSession, storage: FileStorage, order: Order, body: ShipmentCreate
) -> shipping.ShipmentRequest:
    """`order` comes with its items and checkout loaded."""
    found = await catalog.purchasables(
        session, storage, [(item.product_id, item.option_id) for item in order.items]
    )
    items = []
    for item in order.items:
        listing = found.get((item.product_id, item.option_id))
        items.append(
            shipping.Item(
                quantity=item.quantity,
                weight_grams=listing.weight_grams if listing else None,
                length_mm=listing.length_mm if listing else None,
                width_mm=listing.width_mm if listing else None,
                height_mm=listing.height_mm if listing else None,
            )
        )
    address = ShippingAddress.model_validate(orjson.loads(order.checkout.shipping_address))
    store = await users.get_dealer(session, order.seller_id)
    country = (store.country if store else None) or address.country
    city = (store.city if store else None) or UNKNOWN
    return shipping.ShipmentRequest(
        order_id=order.id,
        buyer_id=order.buyer_id,
        seller_id=order.seller_id,
        currency=order.currency,
        parcel=shipping.parcel_of(items, value=order.items_total),
        origin=shipping.Address(name=order.seller_name, line1=city, city=city, country=country),
        destination=shipping.Address(
            name=address.name,
            line1=address.line1,
            line2=address.line2,
            city=address.city,
            region=address.region,
            postal_code=address.postal_code,
            country=address.country,
        ),
        service=body.service
        or (None if body.carrier or body.tracking_number else order.shipping_service),
        carrier=body.carrier,
        tracking_number=body.tracking_number,
    )
