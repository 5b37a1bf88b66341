"""Orders as their buyer and their seller see them."""

from __future__ import annotations

import orjson

from techmarket.services.orders.models import Order
from techmarket.services.orders.schemas import (
    OrderEventRead,
    OrderItemRead,
    OrderRead,
    SaleRead,
    SellerRef,
    ShippingAddress,
)
from techmarket.services.shipping.client import ShipmentRead


def _fields(order: Order, shipment: ShipmentRead | None) -> dict[str, object]:
    return {
        "id": order.id,
        "checkout_id": order.checkout_id,
        "status": order.status,
        "seller": SellerRef(id=order.seller_id, store_name=order.seller_name),
        "currency": order.currency,
        "items": [OrderItemRead.model_validate(item) for item in order.items],
        "items_total": order.items_total,
        "shipping_total": order.shipping_total,
        "total": order.total,
        "refunded_total": order.refunded_total,
        "shipping_address": ShippingAddress.model_validate(
            orjson.loads(order.checkout.shipping_address)
        ),
        "timeline": [OrderEventRead.model_validate(event) for event in order.events],
        "created_at": order.created_at,
        "paid_at": order.paid_at,
        "shipped_at": order.shipped_at,
        "delivered_at": order.delivered_at,
        "inspection_ends_at": order.inspection_ends_at,
        "completed_at": order.completed_at,
        "cancelled_at": order.cancelled_at,
        "shipping_service": order.shipping_service,
        "shipment": shipment,
    }


def order_read(order: Order, shipment: ShipmentRead | None = None) -> OrderRead:
    return OrderRead.model_validate(_fields(order, shipment))


def sale_read(order: Order, shipment: ShipmentRead | None = None) -> SaleRead:
    return SaleRead.model_validate(
        {
            **_fields(order, shipment),
            "platform_fee": order.platform_fee,
            "seller_receives": order.total - order.platform_fee,
        }
    )
