"""Price guidance: what a model in a condition sells for, to price a listing and to judge one.

Sales are listings that sold out (the orders service will feed real sale prices); while a
model has fewer than `MIN_SALES` of them, the guide falls back to current asking prices.
"""

from __future__ import annotations

import datetime as dt
import statistics

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.services.catalog.models import (
    Condition,
    ListingStatus,
    Product,
    Visibility,
    brand_key,
)
from techmarket.services.catalog.schemas import PriceBasis, PriceGuide

MIN_SALES = 5
SALES_WINDOW = dt.timedelta(days=180)
SAMPLE_LIMIT = 500


def _percentile(prices: list[int], fraction: float) -> int:
    ordered = sorted(prices)
    index = max(0, min(len(ordered) - 1, round(fraction * (len(ordered) - 1))))
    return ordered[index]


async def _prices(session: AsyncSession, *clauses: object) -> list[int]:
    rows = await session.scalars(
        select(Product.price)
        .where(*clauses)  # type: ignore[arg-type]
        .order_by(Product.updated_at.desc())
        .limit(SAMPLE_LIMIT)
    )
    return list(rows)


async def guide(
    session: AsyncSession, brand: str, model: str, condition: Condition, currency: str
) -> PriceGuide:
    same_item = (
        Product.brand_key == brand_key(brand),
        func.lower(Product.model) == model.casefold(),
        Product.condition == condition,
        Product.currency == currency,
        Product.visibility != Visibility.DRAFT,
    )
    basis = PriceBasis.SALES
    prices = await _prices(
        session,
        *same_item,
        Product.status == ListingStatus.SOLD_OUT,
        Product.updated_at >= utcnow() - SALES_WINDOW,
    )
    if len(prices) < MIN_SALES:
        basis = PriceBasis.ASKING
        prices = await _prices(
            session,
            *same_item,
            Product.status == ListingStatus.ACTIVE,
            Product.visibility == Visibility.PUBLIC,
        )
    if not prices:
        return PriceGuide(
            brand=brand, model=model, condition=condition, currency=currency,
            basis=PriceBasis.NONE, sample_size=0, median=None, low=None, high=None,
        )  # fmt: skip
    return PriceGuide(
        brand=brand,
        model=model,
        condition=condition,
        currency=currency,
        basis=basis,
        sample_size=len(prices),
        median=round(statistics.median(prices)),
        low=_percentile(prices, 0.1),
        high=_percentile(prices, 0.9),
    )
