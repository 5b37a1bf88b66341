"""Wire shapes of the catalog service."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Annotated, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from techmarket.core.pagination import DEFAULT_LIMIT, MAX_LIMIT
from techmarket.services.catalog.device_serials import normalise_serial
from techmarket.services.catalog.models import Condition, ListingStatus, Visibility

SpecValue = str | int | float | bool
CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
MinorUnits = Annotated[int, Field(ge=0, le=100_000_000_00, description="Integer minor units")]
SerialNumber = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=5, max_length=40),
    AfterValidator(normalise_serial),
]


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
    id: uuid.UUID
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


class ChecklistAnswer(BaseModel):
    key: str
    label: str
    passed: bool


class Specification(BaseModel):
    """A spec as a page shows it: labelled, with its unit, in the category's order."""

    name: str
    label: str
    value: SpecValue
    unit: str | None


class DeviceRead(BaseModel):
    serial_masked: str
    history_count: int = Field(description="Earlier listings of the same device on TechMarket")


class ParcelSize(BaseModel):
    """What the listing weighs and measures packed, for shipping rates."""

    weight_grams: int = Field(ge=1, le=100_000)
    length_mm: int = Field(ge=1, le=3000)
    width_mm: int = Field(ge=1, le=3000)
    height_mm: int = Field(ge=1, le=3000)


class ProductDetail(ProductSummary):
    description: str
    specs: dict[str, SpecValue]
    specifications: list[Specification]
    cosmetic_notes: str
    checklist: list[ChecklistAnswer]
    device: DeviceRead | None
    shipping: ParcelSize | None
    options: list[ProductOptionRead]
    images: list[ImageUrls]
    quantity: int
    status: ListingStatus
    visibility: Visibility
    updated_at: dt.datetime


class ProductDetailPage(BaseModel):
    items: list[ProductDetail]
    next_cursor: str | None


class ProductList(BaseModel):
    items: list[ProductSummary]


class FacetValue(BaseModel):
    value: str
    label: str
    count: int


class SpecFacet(BaseModel):
    name: str
    label: str
    type: str
    unit: str | None
    values: list[FacetValue]


class Facets(BaseModel):
    brand: list[FacetValue]
    condition: list[FacetValue]
    category: list[FacetValue]
    price: list[FacetValue] = Field(description='Price bands; value is "low..high" in minor units')
    specs: list[SpecFacet] = Field(description="Choice and yes/no specs of the chosen category")
    approximate: bool = Field(
        default=False,
        description="Counted over the first 5,000 matches only (a broader search has more)",
    )


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
    spec: list[Annotated[str, StringConstraints(max_length=100)]] = Field(
        default_factory=list,
        max_length=20,
        description="Spec filters of the category: `ram_gb:16`, `ram_gb:8..32`, `5g:true`",
    )
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
    cosmetic_notes: Annotated[str, StringConstraints(max_length=2000)] = ""
    checklist: dict[Annotated[str, StringConstraints(max_length=64)], bool] = Field(
        default_factory=dict, max_length=40
    )
    serial_number: SerialNumber | None = Field(
        default=None, description="IMEI or serial; stored as a keyed hash, shown masked"
    )
    shipping: ParcelSize | None = None


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
    cosmetic_notes: Annotated[str, StringConstraints(max_length=2000)] | None = None
    checklist: dict[Annotated[str, StringConstraints(max_length=64)], bool] | None = Field(
        default=None, max_length=40
    )
    serial_number: SerialNumber | None = None
    shipping: ParcelSize | None = None

    @field_validator(
        "title", "description", "category_id", "brand", "model", "condition", "price",
        "currency", "quantity", "visibility", "specs", "options", "cosmetic_notes", "checklist",
        mode="before",
    )  # fmt: skip
    @classmethod
    def _not_null(cls, value: object) -> object:
        """A field may be left out of a change; only location, serial and shipping may be
        cleared (set to null)."""
        if value is None:
            raise ValueError("may be left out, but not set to null")
        return value


class ImageOrder(BaseModel):
    image_ids: list[uuid.UUID] = Field(min_length=1, max_length=50)


class ListingFormField(BaseModel):
    name: str
    label: str
    type: str
    unit: str | None
    choices: list[str] | None
    minimum: float | None
    maximum: float | None
    required: bool
    filterable: bool


class ChecklistItemRead(BaseModel):
    key: str
    label: str


class ListingForm(BaseModel):
    """What a seller fills in for a category: its spec fields and its functional checklist."""

    category: CategoryRef
    fields: list[ListingFormField]
    checklist: list[ChecklistItemRead]


class SuggestionKind(enum.StrEnum):
    PRODUCT = "product"
    BRAND = "brand"
    CATEGORY = "category"


class Suggestion(BaseModel):
    kind: SuggestionKind
    label: str
    value: str = Field(description="Product id, brand name or category slug")


class SuggestionList(BaseModel):
    items: list[Suggestion]


class ComparisonRow(BaseModel):
    name: str
    label: str
    unit: str | None
    values: list[SpecValue | None]
    differs: bool


class Comparison(BaseModel):
    items: list[ProductSummary]
    rows: list[ComparisonRow]


class PriceBasis(enum.StrEnum):
    SALES = "sales"
    ASKING = "asking"
    NONE = "none"


class PriceGuide(BaseModel):
    """What this model sells (or is offered) for in this condition, to price and to judge."""

    brand: str
    model: str
    condition: Condition
    currency: str
    basis: PriceBasis
    sample_size: int
    median: int | None
    low: int | None = Field(description="10th percentile")
    high: int | None = Field(description="90th percentile")


class StolenDeviceCreate(BaseModel):
    serial_number: SerialNumber
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] = ""


class StolenDeviceRead(BaseModel):
    id: uuid.UUID
    serial_masked: str
    note: str
    created_at: dt.datetime


class StolenDevicePage(BaseModel):
    items: list[StolenDeviceRead]
    next_cursor: str | None


class ViewCreate(BaseModel):
    viewer_id: uuid.UUID | None = Field(
        default=None, description="A random id a signed-out browser keeps, to relate its views"
    )


class RecommendationBasis(enum.StrEnum):
    VIEWED = "viewed"  # from the viewer's own recent views
    POPULAR = "popular"  # most viewed this week
    FEATURED = "featured"  # nothing viewed yet anywhere


class Recommendations(BaseModel):
    basis: RecommendationBasis
    items: list[ProductSummary]
