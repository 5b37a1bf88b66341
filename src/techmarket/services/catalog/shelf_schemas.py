"""Wire shapes of the shelves (promotions, popular categories) and of the account's catalog
lists (watchlist, saved searches, alerts), and the cursor of their newest-first lists."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Annotated

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from techmarket.services.catalog.models import AlertKind, Condition, ListingStatus
from techmarket.services.catalog.schemas import CategoryRef, ProductSummary

MinorUnits = Annotated[int, Field(ge=0, le=100_000_000_00, description="Integer minor units")]
MAX_SPEC_FILTERS = 10
MAX_BRANDS = 10

# --- saved searches ------------------------------------------------------------------------


@dataclass(frozen=True)
class SpecFilter:
    """One `spec` entry of a search: `name:value` (equal) or `name:min..max` (either end open)."""

    name: str
    equals: str | None = None
    minimum: float | None = None
    maximum: float | None = None

    @property
    def is_range(self) -> bool:
        return self.equals is None


def _number(text: str, raw: str) -> float | None:
    if not text.strip():
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{raw!r}: {text!r} is not a number") from None


def parse_spec_filter(raw: str) -> SpecFilter:
    """`ram_gb:16`, `ram_gb:8..32`, `ram_gb:8..`, `ram_gb:..32`, `5g:true`; a ValueError says why
    anything else is refused. Names are not checked against the category's spec schema here."""
    name, separator, value = raw.partition(":")
    name, value = name.strip(), value.strip()
    if not separator or not name or not value:
        raise ValueError(f"expected name:value such as ram_gb:16 or ram_gb:8..32, not {raw!r}")
    if not all(char.isascii() and (char.isalnum() or char == "_") for char in name):
        raise ValueError(f"{raw!r}: a spec name has only letters, digits and _")
    if ".." not in value:
        return SpecFilter(name.lower(), equals=value)
    low_text, _, high_text = value.partition("..")
    low, high = _number(low_text, raw), _number(high_text, raw)
    if low is None and high is None:
        raise ValueError(f"{raw!r}: a range needs at least one end")
    if low is not None and high is not None and low > high:
        raise ValueError(f"{raw!r}: the lower end is above the upper end")
    return SpecFilter(name.lower(), minimum=low, maximum=high)


SpecFilterText = Annotated[str, StringConstraints(max_length=120)]


class SavedQuery(BaseModel):
    """The filters of `GET /products` a saved search keeps (no sort, cursor or limit)."""

    model_config = ConfigDict(extra="forbid")

    q: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    category: Annotated[str, StringConstraints(max_length=64)] | None = Field(
        default=None, description="Category slug; sub-categories are included"
    )
    brand: list[Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)]] = Field(
        default_factory=list, max_length=MAX_BRANDS
    )
    condition: list[Condition] = Field(default_factory=list)
    min_price: MinorUnits | None = None
    max_price: MinorUnits | None = None
    spec: list[SpecFilterText] = Field(
        default_factory=list,
        max_length=MAX_SPEC_FILTERS,
        description="`name:value` or `name:min..max`; needs `category`",
    )

    @field_validator("q", "category", mode="after")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("max_price", mode="after")
    @classmethod
    def _price_range(cls, value: int | None, info: ValidationInfo) -> int | None:
        low = info.data.get("min_price")
        if value is not None and low is not None and low > value:
            raise ValueError("max_price must not be below min_price")
        return value

    @field_validator("spec", mode="after")
    @classmethod
    def _spec_filters(cls, value: list[str], info: ValidationInfo) -> list[str]:
        if value and not info.data.get("category"):
            raise ValueError("spec filters need a category")
        problems = []
        for index, raw in enumerate(value):
            try:
                parse_spec_filter(raw)
            except ValueError as error:
                problems.append(f"[{index}] {error}")
        if problems:
            raise ValueError("; ".join(problems))
        return [raw.strip() for raw in value]


class SavedSearchCreate(BaseModel):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    query: SavedQuery
    alerts: bool = True


class SavedSearchRead(BaseModel):
    id: uuid.UUID
    name: str
    query: SavedQuery
    alerts: bool
    created_at: dt.datetime
    last_seen_at: dt.datetime = Field(description="When the owner last opened its matches")
    new_matches: int = Field(
        description="Public active listings matching it published after `last_seen_at`"
    )


class SavedSearchList(BaseModel):
    items: list[SavedSearchRead]


class SavedSearchMatches(BaseModel):
    items: list[ProductSummary]


# --- watchlist and alerts ------------------------------------------------------------------


class WatchlistItem(BaseModel):
    product: ProductSummary
    added_at: dt.datetime
    price_when_added: int = Field(description="Minor units, in the listing's currency")
    price_dropped: bool = Field(description="The price now is below `price_when_added`")
    status: ListingStatus


class WatchlistPage(BaseModel):
    items: list[WatchlistItem]
    next_cursor: str | None


class AlertRead(BaseModel):
    id: uuid.UUID
    kind: AlertKind
    product: ProductSummary
    saved_search_id: uuid.UUID | None
    created_at: dt.datetime
    read: bool


class AlertPage(BaseModel):
    items: list[AlertRead]
    next_cursor: str | None
    unread: int = Field(description="Unread alerts of the caller, on every page")


# --- shelves -------------------------------------------------------------------------------

MAX_PROMOTED = 24


class PromotionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    subtitle: Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)] = ""
    product_ids: list[uuid.UUID] = Field(min_length=1, max_length=MAX_PROMOTED)
    starts_at: AwareDatetime
    ends_at: AwareDatetime

    @field_validator("product_ids", mode="after")
    @classmethod
    def _distinct(cls, value: list[uuid.UUID]) -> list[uuid.UUID]:
        if len(set(value)) != len(value):
            raise ValueError("a listing may appear only once")
        return value

    @field_validator("ends_at", mode="after")
    @classmethod
    def _after_start(cls, value: dt.datetime, info: ValidationInfo) -> dt.datetime:
        starts_at = info.data.get("starts_at")
        if starts_at is not None and value <= starts_at:
            raise ValueError("ends_at must be after starts_at")
        return value


class PromotionRead(BaseModel):
    id: uuid.UUID
    title: str
    subtitle: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    products: list[ProductSummary]


class PromotionList(BaseModel):
    items: list[PromotionRead]


class PromotionAdminRead(PromotionRead):
    """What admins see: every listing of the promotion, and which ones the public no longer
    sees (sold out, removed, hidden), so they can replace them."""

    product_ids: list[uuid.UUID]
    unavailable_product_ids: list[uuid.UUID]
    active: bool = Field(description="Running now")
    created_by: uuid.UUID
    created_at: dt.datetime


class PromotionAdminPage(BaseModel):
    items: list[PromotionAdminRead]
    next_cursor: str | None


class PopularCategory(BaseModel):
    category: CategoryRef
    listings: int = Field(description="Public active listings in the category and below")


class PopularCategoryList(BaseModel):
    items: list[PopularCategory]


# --- newest-first cursors ------------------------------------------------------------------
