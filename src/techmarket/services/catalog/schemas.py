"""Wire shapes of the catalog service."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Annotated, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from techmarket.core.pagination import DEFAULT_LIMIT, MAX_LIMIT
from techmarket.services.catalog.models import Condition, ListingStatus, Visibility

SpecValue = str | int | float | bool
CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
MinorUnits = Annotated[int, Field(ge=0, le=100_000_000_00, description="Integer minor units")]


class CategoryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    slug: str
    name: str
    parent_id: uuid.UUID | None
    position: int


class CategoryList(BaseModel):
    items: list[CategoryRead]


class ImageUrls(BaseModel):
    thumbnail_url: str
    card_url: str
    full_url: str


class SellerRef(BaseModel):
    id: uuid.UUID
    store_name: str


class CategoryRef(BaseModel):
    id: uuid.UUID
    slug: str
    name: str


class ProductSummary(BaseModel):
    """A listing as a card shows it."""

    id: uuid.UUID
    title: str
    brand: str
    model: str
    condition: Condition
    price: int
    currency: str
    image: ImageUrls | None
    seller: SellerRef
    category: CategoryRef
    featured: bool
    location: str | None
    created_at: dt.datetime


class ProductOptionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    price: int
    quantity: int


class ProductDetail(ProductSummary):
    description: str
    specs: dict[str, SpecValue]
    options: list[ProductOptionRead]
    images: list[ImageUrls]
    quantity: int
    status: ListingStatus
    visibility: Visibility
    updated_at: dt.datetime


class FacetValue(BaseModel):
    value: str
    label: str
    count: int


class Facets(BaseModel):
    brand: list[FacetValue]
    condition: list[FacetValue]
    category: list[FacetValue]


class ProductPage(BaseModel):
    items: list[ProductSummary]
    next_cursor: str | None
    facets: Facets


class FeaturedList(BaseModel):
    items: list[ProductSummary]


class ProductSort(enum.StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "newest"
    PRICE_ASC = "price_asc"
    PRICE_DESC = "price_desc"


class ProductQuery(BaseModel):
    """Filters of `GET /products`; every one is optional."""

    model_config = ConfigDict(extra="forbid")

    q: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    category: Annotated[str, StringConstraints(max_length=64)] | None = Field(
        default=None, description="Category slug; sub-categories are included"
    )
    brand: list[Annotated[str, StringConstraints(max_length=80)]] = Field(default_factory=list)
    condition: list[Condition] = Field(default_factory=list)
    min_price: MinorUnits | None = None
    max_price: MinorUnits | None = None
    sort: ProductSort = ProductSort.RELEVANCE
    cursor: Annotated[str, StringConstraints(max_length=512)] | None = None
    limit: int = Field(default=DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)

    @model_validator(mode="after")
    def _price_range(self) -> Self:
        if (
            self.min_price is not None
            and self.max_price is not None
            and self.min_price > self.max_price
        ):
            raise ValueError("min_price must not be greater than max_price")
        return self


class ProductOptionCreate(BaseModel):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    price: MinorUnits
    quantity: int = Field(ge=0, le=100_000)


class ProductCreate(BaseModel):
    """A new listing, with the fields the API contract fixes (DESIGN §4)."""

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=200)]
    description: Annotated[str, StringConstraints(max_length=10_000)] = ""
    category_id: uuid.UUID
    brand: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
    model: Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)] = ""
    condition: Condition
    price: MinorUnits
    currency: CurrencyCode
    quantity: int = Field(ge=0, le=100_000)
    visibility: Visibility = Visibility.PUBLIC
    specs: dict[Annotated[str, StringConstraints(max_length=64)], SpecValue] = Field(
        default_factory=dict, max_length=60
    )
    options: list[ProductOptionCreate] = Field(default_factory=list, max_length=50)
    location: Annotated[str, StringConstraints(max_length=120)] | None = None


class ProductUpdate(BaseModel):
    """Changes to a listing; options, when given, replace the listing's options."""

    model_config = ConfigDict(extra="forbid")

    title: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=200)]
        | None
    ) = None
    description: Annotated[str, StringConstraints(max_length=10_000)] | None = None
    category_id: uuid.UUID | None = None
    brand: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)] | None
    ) = None
    model: Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)] | None = None
    condition: Condition | None = None
    price: MinorUnits | None = None
    currency: CurrencyCode | None = None
    quantity: int | None = Field(default=None, ge=0, le=100_000)
    visibility: Visibility | None = None
    specs: dict[Annotated[str, StringConstraints(max_length=64)], SpecValue] | None = Field(
        default=None, max_length=60
    )
    options: list[ProductOptionCreate] | None = Field(default=None, max_length=50)
    location: Annotated[str, StringConstraints(max_length=120)] | None = None

    @field_validator(
        "title", "description", "category_id", "brand", "model", "condition", "price",
        "currency", "quantity", "visibility", "specs", "options", mode="before",
    )  # fmt: skip
    @classmethod
    def _not_null(cls, value: object) -> object:
        """A field may be left out of a change, but only `location` may be cleared."""
        if value is None:
            raise ValueError("may be left out, but not set to null")
        return value
