"""Factories for the things tests need: sellers and listings, made through the services."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.provisioning import create_account
from techmarket.services.catalog import client as catalog
from techmarket.services.users import client as users
from techmarket.services.users.models import User

SELLER_PASSWORD = "correct horse battery staple"
CATEGORY_NAMESPACE = uuid.UUID("5b0e6d8e-2f5c-4a57-9a53-7c1b0f1e0c11")


def category_id(slug: str) -> uuid.UUID:
    """Ids of the migrated category tree are derived from the slug."""
    return uuid.uuid5(CATEGORY_NAMESPACE, slug)


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


async def add_user(session: AsyncSession, name: str) -> User:
    """A bare user row named `name` (and `name@example.com`), flushed in `session`: for tests of
    transactions, where an account's sign-up flow would only be noise."""
    user = User(display_name=name)
    user.set_email(f"{name}@example.com")
    session.add(user)
    await session.flush()
    return user


@dataclass(frozen=True)
class Seller:
    user_id: uuid.UUID
    dealer_id: uuid.UUID
    store_name: str
    email: str


async def make_seller(resources: Resources, *, store_name: str | None = None) -> Seller:
    email = f"{unique('seller')}@example.test"
    async with resources.db.unit_of_work(write=True) as session:
        user_id = await create_account(
            session,
            resources,
            email=email,
            display_name="Test Seller",
            password=SELLER_PASSWORD,
        )
        user = await users.get_user_by_email(session, email)
        assert user is not None
        dealer = await users.become_dealer(session, user, store_name=store_name or unique("Store"))
        return Seller(user_id, dealer.id, dealer.store_name, email)


async def required_specs(session: AsyncSession, category: uuid.UUID) -> dict[str, Any]:
    """A valid value for each spec the category requires (smartphones: also 128 GB)."""
    categories = await catalog.all_categories(session)
    schema = catalog.schema_of(categories, category)
    specs: dict[str, Any] = {"storage_gb": 128} if schema.field("storage_gb") else {}
    for field in schema.fields:
        if field.required:
            specs[field.name] = _sample(field)
    return specs


def _sample(field: Any) -> Any:
    if field.choices:
        return field.choices[0]
    if field.type in {"integer", "number"}:
        return int(field.minimum or 1)
    if field.type == "boolean":
        return True
    return "Test value"


async def make_listing(
    resources: Resources,
    seller: Seller,
    *,
    image: bytes | None = None,
    featured: bool = False,
    created_at: dt.datetime | None = None,
    **fields: Any,
) -> uuid.UUID:
    values: dict[str, Any] = {
        "title": unique("Listing"),
        "description": "A test listing.",
        "category_id": category_id("smartphones"),
        "brand": "TestBrand",
        "model": "T1",
        "condition": "good",
        "price": 10_000,
        "currency": "EUR",
        "quantity": 1,
        "visibility": "public",
        "location": "Berlin, DE",
    }
    values.update(fields)
    async with resources.db.unit_of_work(write=True) as session:
        if "specs" not in values:
            values["specs"] = await required_specs(session, values["category_id"])
        product = await catalog.create_listing(
            session,
            seller_id=seller.dealer_id,
            seller_name=seller.store_name,
            listing=catalog.ProductCreate.model_validate(values),
            featured=featured,
            created_at=created_at or utcnow(),
        )
        if image is not None:
            await catalog.add_image(session, resources.storage, product.id, image, position=0)
        product_id = product.id
    await catalog.forget_cached(resources.cache, [product_id])
    return product_id
