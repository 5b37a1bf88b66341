"""Wire shapes of checkout and orders. Amounts are integer minor units of `currency`."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from techmarket.services.orders.models import CheckoutStatus, OrderStatus
from techmarket.services.shipping.client import ServiceLevel, ShipmentRead, ShippingOption
from techmarket.services.users.client import AddressCreate

CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]


class ShippingAddress(BaseModel):
    """Where the parcels go (DESIGN §4: `country` is ISO 3166 alpha-2)."""

    name: str
    line1: str
    line2: str | None = None
    city: str
    region: str | None = None
    postal_code: str
    country: str
    phone: str | None = None


class Destination(BaseModel):
    """A new address, or one of the buyer's saved ones: exactly one of the two."""

    model_config = ConfigDict(extra="forbid")

    shipping_address: AddressCreate | None = None
    address_id: uuid.UUID | None = None
    currency: CurrencyCode | None = Field(
        default=None, description="Check out only the cart's lines in this currency"
    )
    shipping_services: dict[uuid.UUID, ServiceLevel] = Field(
        default_factory=dict,
        description="Service level per seller id; a seller not named ships standard",
    )

    @model_validator(mode="after")
    def _one_destination(self) -> Self:
        if (self.shipping_address is None) == (self.address_id is None):
            raise ValueError("give either shipping_address or address_id")
        return self


class QuoteRequest(Destination):
    pass


class OrderCreate(Destination):
    payment_method_id: uuid.UUID
    return_url: Annotated[str, StringConstraints(max_length=500, pattern=r"^/[^/\\]")] | None = (
        Field(default=None, description="Path of the web app to land on after 3-D Secure")
    )


class QuoteLine(BaseModel):
    product_id: uuid.UUID
    option_id: uuid.UUID | None
    title: str
    option_name: str | None
    quantity: int
    unit_price: int
    line_total: int


class SellerQuote(BaseModel):
    seller_id: uuid.UUID
    store_name: str
    items: list[QuoteLine]
    items_total: int
    shipping: int
    """The chosen option's amount."""
    shipping_zone: str
    estimated_days: tuple[int, int]
    shipping_options: list[ShippingOption]
    shipping_service: ServiceLevel
    total: int


class Quote(BaseModel):
    currency: str
    sellers: list[SellerQuote]
    items_total: int
    shipping_total: int
    total: int
    other_currencies: list[str] = Field(
        description="Currencies of cart lines left out of this checkout"
    )


class OrderItemRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    product_id: uuid.UUID
    option_id: uuid.UUID | None
    title: str
    option_name: str | None
    quantity: int
    unit_price: int


class OrderEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    status: OrderStatus
    note: str
    at: dt.datetime


class SellerRef(BaseModel):
    id: uuid.UUID
    store_name: str


class OrderRead(BaseModel):
    """An order as its buyer sees it."""

    id: uuid.UUID
    checkout_id: uuid.UUID
    status: OrderStatus
    seller: SellerRef
    currency: str
    items: list[OrderItemRead]
    items_total: int
    shipping_total: int
    total: int
    refunded_total: int
    shipping_address: ShippingAddress
    timeline: list[OrderEventRead]
    created_at: dt.datetime
    paid_at: dt.datetime | None
    shipped_at: dt.datetime | None
    delivered_at: dt.datetime | None
    inspection_ends_at: dt.datetime | None
    completed_at: dt.datetime | None
    cancelled_at: dt.datetime | None
    shipping_service: ServiceLevel
    shipment: ShipmentRead | None = Field(
        default=None, description="The parcel once shipped (on one order's or sale's page)"
    )


class SaleRead(OrderRead):
    """An order as its seller sees it: with the platform fee and what they will receive."""

    platform_fee: int
    seller_receives: int


class NextAction(BaseModel):
    type: str = "redirect"
    url: str


class CheckoutRead(BaseModel):
    id: uuid.UUID
    status: CheckoutStatus
    currency: str
    total: int
    next_action: NextAction | None
    reservation_expires_at: dt.datetime


class PlacedOrders(BaseModel):
    checkout: CheckoutRead
    orders: list[OrderRead]


class OrderPage(BaseModel):
    items: list[OrderRead]
    next_cursor: str | None


class SalePage(BaseModel):
    items: list[SaleRead]
    next_cursor: str | None


class ShipmentCreate(BaseModel):
    """`{}` or `{service}`: buy a label from TechMarket's carrier. `{carrier, tracking_number}`:
    the seller sent it with another carrier; the number's format is checked, then it is polled."""

    model_config = ConfigDict(extra="forbid")

    service: ServiceLevel | None = None
    carrier: (
        Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, max_length=40)]
        | None
    ) = Field(default=None, description="ups, usps, fedex, dhl, royal_mail or other")
    tracking_number: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)] | None
    ) = None
