"""Record types of the demo catalogue, apart from its data so every area table can build them."""

from dataclasses import dataclass

SpecValue = str | int | float | bool


@dataclass(frozen=True)
class DemoSeller:
    key: str
    display_name: str
    email: str
    store_name: str
    city: str
    country: str


@dataclass(frozen=True)
class DemoOption:
    name: str
    price: int
    quantity: int


@dataclass(frozen=True)
class DemoListing:
    seller_key: str
    category_slug: str
    title: str
    brand: str
    model: str
    condition: str
    price: int
    currency: str
    quantity: int
    description: str
    specs: dict[str, SpecValue]
    options: tuple[DemoOption, ...] = ()
    featured: bool = False
