"""Wire shapes of the cart service."""

from __future__ import annotations

import enum
import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

MAX_LINES = 50
"""Lines in one cart; also the most a signed-out visitor's cart may bring to a merge."""

MAX_LINE_QUANTITY = 999
"""Units of one line, whatever the stock: a bound on input, not a business promise."""

Quantity = Annotated[int, Field(ge=1, le=MAX_LINE_QUANTITY, description="Units, 1 to the stock")]


class LineProblem(enum.StrEnum):
    """What changed about a line since it was added (a line may have several)."""

    PRICE_CHANGED = "price_changed"
    NOT_ENOUGH_STOCK = "not_enough_stock"
    SOLD_OUT = "sold_out"
    UNAVAILABLE = "unavailable"


BLOCKING_PROBLEMS = frozenset(
    {LineProblem.NOT_ENOUGH_STOCK, LineProblem.SOLD_OUT, LineProblem.UNAVAILABLE}
)
"""Problems that keep a line out of the subtotals and out of a checkout until fixed."""


class MergeReason(enum.StrEnum):
    CAPPED = "capped"
    """Kept, with fewer units: the stock (or the line limit) did not allow them all."""
    UNAVAILABLE = "unavailable"
    SOLD_OUT = "sold_out"
    OWN_LISTING = "own_listing"
    CART_FULL = "cart_full"


class CartItemCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    product_id: uuid.UUID
    option_id: uuid.UUID | None = None
    quantity: Quantity = 1


class CartItemUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quantity: Quantity


class CartMerge(BaseModel):
    """A signed-out visitor's cart, as the browser kept it."""

    model_config = ConfigDict(extra="forbid")

    items: Annotated[list[CartItemCreate], Field(max_length=MAX_LINES)]


class SellerRef(BaseModel):
    id: uuid.UUID
    store_name: str


class CartLine(BaseModel):
    """A line as the buyer sees it now: current price and stock, and what changed since."""

    id: uuid.UUID
    product_id: uuid.UUID
    option_id: uuid.UUID | None
    title: str | None = Field(description="null when the listing is gone")
    option_name: str | None
    seller: SellerRef | None = Field(description="null when the listing is gone")
    quantity: int
    unit_price: int = Field(
        description="What one unit costs now, in minor units: the listing's current price, or "
        "the price agreed in an accepted offer (never above the current price); the price it "
        "was added at when the listing is gone"
    )
    currency: str
    price_when_added: int
    offer_id: uuid.UUID | None = Field(
        description="The accepted offer this line is priced by (one unit, at the agreed price)"
    )
    available: int
    thumbnail_url: str | None
    line_total: int
    problems: list[LineProblem]


class Subtotal(BaseModel):
    currency: str
    amount: int


class Cart(BaseModel):
    items: list[CartLine]
    subtotals: list[Subtotal] = Field(
        description="Per currency, over the lines that can be bought as they stand"
    )
    count: int = Field(description="Units in the cart, all lines (for a badge)")


class MergeNote(BaseModel):
    product_id: uuid.UUID
    option_id: uuid.UUID | None
    reason: MergeReason
    kept: int = Field(description="Units of this listing now in the cart line (0 if skipped)")


class MergeResult(BaseModel):
    cart: Cart
    skipped: list[MergeNote]
