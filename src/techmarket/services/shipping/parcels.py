"""One parcel from the items a seller sends together.

Sizes come from the listings (packed weight and dimensions); a listing without them counts as
a typical boxed phone-or-tablet parcel, so a quote never fails for want of a measurement. Items
are stacked: the box is as long and wide as the largest item and as high as all of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from techmarket.services.shipping.carriers.base import Parcel
from techmarket.services.shipping.rates import PACKAGING_GRAMS

DEFAULT_WEIGHT_GRAMS = 1000
DEFAULT_SIZE_MM = (300, 200, 100)


@dataclass(frozen=True)
class Item:
    quantity: int
    weight_grams: int | None = None
    length_mm: int | None = None
    width_mm: int | None = None
    height_mm: int | None = None


def parcel_of(items: list[Item], *, value: int) -> Parcel:
    weight = PACKAGING_GRAMS
    length = width = height = 0
    for item in items:
        sizes = [size for size in (item.length_mm, item.width_mm, item.height_mm) if size]
        item_length, item_width, item_height = (
            sorted(sizes, reverse=True) if len(sizes) == 3 else DEFAULT_SIZE_MM
        )
        weight += (item.weight_grams or DEFAULT_WEIGHT_GRAMS) * item.quantity
        length = max(length, item_length)
        width = max(width, item_width)
        height += item_height * item.quantity
    return Parcel(weight, length, width, height, value=value)
