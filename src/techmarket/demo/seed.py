"""Loads the demo marketplace: sellers with stores, 200+ listings with pictures, sign-in accounts.

Passwords of the demo accounts are random per installation, written to
`<data_dir>/demo-accounts.json` (mode 0600) and printed by `make run`; nothing is hard-coded.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import random
import secrets
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.config import Settings
from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources, open_resources
from techmarket.demo.catalogue import DemoListing, demo_listings, demo_sellers
from techmarket.demo.product_images import render_product_image
from techmarket.provisioning import create_account
from techmarket.services.catalog import client as catalog
from techmarket.services.users import client as users

DEMO_DOMAIN = "demo.techmarket.test"


@dataclass(frozen=True)
class SeedReport:
    skipped: bool
    sellers: int = 0
    listings: int = 0
    seconds: float = 0.0


def demo_accounts_file(settings: Settings) -> Path:
    return settings.data_dir / "demo-accounts.json"


def read_demo_accounts(settings: Settings) -> list[dict[str, str]]:
    path = demo_accounts_file(settings)
    if not path.exists():
        return []
    accounts: list[dict[str, str]] = json.loads(path.read_text())
    return accounts


def _write_demo_accounts(settings: Settings, accounts: list[dict[str, str]]) -> None:
    path = demo_accounts_file(settings)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as file:
        json.dump(accounts, file, indent=2)


def _picture_sizes(item: DemoListing) -> list[catalog.RenderedImage]:
    """A demo product picture in every served size (runs in a worker process)."""
    return catalog.render_sizes(render_product_image(item, width=800, height=600))


def _demo_password() -> str:
    return f"demo-{secrets.token_urlsafe(12)}"


def _listing_create(item: DemoListing, category_id: Any, location: str) -> catalog.ProductCreate:
    return catalog.ProductCreate(
        title=item.title,
        description=item.description,
        category_id=category_id,
        brand=item.brand,
        model=item.model,
        condition=catalog.Condition(item.condition),
        price=item.price,
        currency=item.currency,
        quantity=item.quantity,
        visibility=catalog.Visibility.PUBLIC,
        specs=dict(item.specs),
        options=[
            catalog.ProductOptionCreate(name=o.name, price=o.price, quantity=o.quantity)
            for o in item.options
        ],
        location=location,
    )


async def render_pictures(listings: list[DemoListing]) -> list[list[catalog.RenderedImage]]:
    """Drawing and WebP-encoding hundreds of pictures is CPU work: spread it over every core."""
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(
            await asyncio.gather(
                *(loop.run_in_executor(pool, _picture_sizes, item) for item in listings)
            )
        )


async def seed(
    session: AsyncSession,
    resources: Resources,
    listings: list[DemoListing],
    pictures: list[list[catalog.RenderedImage]],
) -> tuple[int, list[dict[str, str]]]:
    categories = {c.slug: c.id for c in await catalog.all_categories(session)}
    accounts: list[dict[str, str]] = []

    async def account(role: str, email: str, name: str, roles: frozenset[users.Role]) -> Any:
        password = _demo_password()
        user_id = await create_account(
            session, resources, email=email, display_name=name, password=password, roles=roles
        )
        accounts.append({"role": role, "email": email, "password": password})
        return user_id

    await account("buyer", f"buyer@{DEMO_DOMAIN}", "Dana Buyer", frozenset())
    await account("admin", f"admin@{DEMO_DOMAIN}", "Alex Admin", frozenset({users.Role.ADMIN}))

    stores: dict[str, tuple[Any, str, str]] = {}
    for index, seller in enumerate(demo_sellers()):
        if index == 0:  # the first seller is the demo seller account people may sign in as
            await account("seller", seller.email, seller.display_name, frozenset())
        else:
            await create_account(
                session,
                resources,
                email=seller.email,
                display_name=seller.display_name,
                password=_demo_password(),
            )
        user = await users.get_user_by_email(session, seller.email)
        assert user is not None
        dealer = await users.become_dealer(
            session, user, store_name=seller.store_name, city=seller.city, country=seller.country
        )
        stores[seller.key] = (dealer.id, dealer.store_name, f"{seller.city}, {seller.country}")

    now = utcnow()
    # Listing times interleave sellers and categories, as a live marketplace's would.
    ages = list(range(len(listings)))
    random.Random(7).shuffle(ages)
    for age, item, picture in zip(ages, listings, pictures, strict=True):
        dealer_id, store_name, location = stores[item.seller_key]
        product = await catalog.create_listing(
            session,
            seller_id=dealer_id,
            seller_name=store_name,
            listing=_listing_create(item, categories[item.category_slug], location),
            featured=item.featured,
            created_at=now - dt.timedelta(hours=3 * age + 1),
        )
        await catalog.add_rendered_image(
            session, resources.storage, product.id, picture, position=0
        )
    return len(stores), accounts


async def run_seed(settings: Settings, *, only_if_empty: bool) -> SeedReport:
    started = time.perf_counter()
    resources = await open_resources(settings)
    try:
        if only_if_empty:
            async with resources.db.unit_of_work(write=False) as session:
                if await catalog.has_any_listing(session):
                    return SeedReport(skipped=True)
        listings = demo_listings()
        pictures = await render_pictures(listings)  # before the write lock is taken
        async with resources.db.unit_of_work(write=True) as session:
            if only_if_empty and await catalog.has_any_listing(session):
                return SeedReport(skipped=True)
            sellers, accounts = await seed(session, resources, listings, pictures)
        _write_demo_accounts(settings, accounts)
        await catalog.forget_cached(resources.cache)
        return SeedReport(
            skipped=False,
            sellers=sellers,
            listings=len(listings),
            seconds=time.perf_counter() - started,
        )
    finally:
        await resources.close()
