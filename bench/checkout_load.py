"""Checkout under load: 50 buyers pay at the same moment, round after round.

Each round, every buyer has one listing of their own in the cart and posts `POST /orders`
with a fresh `Idempotency-Key`, all concurrently, through TechMarket's full stack over ASGI:
stock reservation, the sandbox processor (authorize and capture, over its own HTTP API and
database), the ledger, the receipts. The baseline is a bare Starlette endpoint hit with the
same concurrency in the same run, so the ratio holds on a noisy machine. Goal (issue 5):
p95 ≤ 300 ms at 50 concurrent buyers, no errors.

    .venv/bin/python bench/checkout_load.py [--buyers 50] [--rounds 6] [--database URL]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
import uuid
from pathlib import Path

import httpx
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from techmarket.app import create_app
from techmarket.config import Settings
from techmarket.core.resources import Resources
from techmarket.migrations.runner import upgrade
from techmarket.provisioning import create_account
from techmarket.services.catalog import client as catalog
from techmarket.services.users import client as users

ADDRESS = {"name": "Bench Buyer", "line1": "1 Load St", "city": "Berlin",
           "postal_code": "10115", "country": "DE"}  # fmt: skip
PASSWORD = "bench-" + uuid.uuid4().hex


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def _listings(resources: Resources, count: int) -> list[uuid.UUID]:
    async with resources.db.unit_of_work(write=True) as session:
        categories = {c.slug: c.id for c in await catalog.all_categories(session)}
        email = f"bench-seller-{uuid.uuid4().hex[:6]}@example.com"
        await create_account(
            session, resources, email=email, display_name="Bench", password=PASSWORD
        )
        user = await users.get_user_by_email(session, email)
        assert user is not None
        dealer = await users.become_dealer(session, user, store_name="Bench Store")
        ids = []
        for index in range(count):
            product = await catalog.create_listing(
                session, seller_id=dealer.id, seller_name=dealer.store_name,
                listing=catalog.ProductCreate(
                    title=f"Bench phone {index}", category_id=categories["smartphones"],
                    brand="Benchbrand", model=f"B{index}", condition=catalog.Condition.GOOD,
                    price=20_000 + index, currency="EUR", quantity=1,
                    specs={"storage_gb": 128, "carrier_lock": "unlocked"},
                ),
            )  # fmt: skip
            ids.append(product.id)
    return ids


async def _buyer(http: httpx.AsyncClient, resources: Resources) -> tuple[dict[str, str], str]:
    email = f"bench-buyer-{uuid.uuid4().hex[:8]}@example.com"
    async with resources.db.unit_of_work(write=True) as session:
        await create_account(
            session, resources, email=email, display_name="Buyer", password=PASSWORD
        )
    login = await http.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    headers = {"authorization": f"Bearer {login.json()['access_token']}"}
    token = await http.post(
        "/sandbox/payments/tokens",
        json={"number": "4242424242424242", "exp_month": 12, "exp_year": 2040, "cvc": "123"},
    )
    method = await http.post(
        "/api/v1/payments/methods",
        json={"provider": "sandbox", "token": token.json()["token"]},
        headers=headers,
    )
    return headers, method.json()["id"]


async def _round(
    http: httpx.AsyncClient, buyers: list[tuple[dict[str, str], str]], products: list[uuid.UUID]
) -> tuple[list[float], int]:
    for (headers, _), product in zip(buyers, products, strict=True):
        added = await http.post(
            "/api/v1/cart/items", json={"product_id": str(product), "quantity": 1}, headers=headers
        )
        assert added.status_code == 201, added.text

    async def pay(headers: dict[str, str], method_id: str) -> tuple[float, int]:
        started = time.perf_counter()
        response = await http.post(
            "/api/v1/orders",
            json={"payment_method_id": method_id, "shipping_address": ADDRESS},
            headers={**headers, "Idempotency-Key": str(uuid.uuid4())},
        )
        return time.perf_counter() - started, response.status_code

    results = await asyncio.gather(*(pay(headers, method) for headers, method in buyers))
    return [seconds for seconds, _ in results], sum(1 for _, code in results if code != 201)


async def _baseline(concurrency: int, rounds: int) -> list[float]:
    async def bare(_: Request) -> Response:
        return Response(b'{"ok":true}', media_type="application/json")

    app = Starlette(routes=[Route("/bare", bare, methods=["POST"])])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://b") as b:

        async def one() -> float:
            started = time.perf_counter()
            await b.post("/bare", json={})
            return time.perf_counter() - started

        samples: list[float] = []
        for _ in range(rounds):
            samples += await asyncio.gather(*(one() for _ in range(concurrency)))
    return samples


async def main(buyers_count: int, rounds: int, database_url: str | None) -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="techmarket-checkout-bench-"))
    settings = Settings(
        data_dir=data_dir, environment="test", database_url=database_url,
        cache_warm_on_start=False, base_url="http://bench",
    )  # fmt: skip
    upgrade(settings.effective_database_url)
    app = create_app(settings)
    async with LifespanManager(app):
        resources: Resources = app.state.resources
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://bench", timeout=60
        ) as http:
            products = await _listings(resources, buyers_count * rounds)
            buyers = [await _buyer(http, resources) for _ in range(buyers_count)]
            samples: list[float] = []
            errors = 0
            started = time.perf_counter()
            for index in range(rounds):
                batch = products[index * buyers_count : (index + 1) * buyers_count]
                latencies, failed = await _round(http, buyers, batch)
                samples += latencies
                errors += failed
            elapsed = time.perf_counter() - started
    baseline = await _baseline(buyers_count, rounds)
    engine = (database_url or "sqlite").split(":", 1)[0]
    print(f"checkout: {buyers_count} concurrent buyers x {rounds} rounds on {engine}")
    print(f"{'':24} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name, values in (("POST /orders", samples), ("bare Starlette POST", baseline)):
        print(
            f"{name:24} {percentile(values, 0.5) * 1e3:8.1f} {percentile(values, 0.95) * 1e3:8.1f}"
            f" {percentile(values, 0.99) * 1e3:8.1f}"
        )
    ratio = percentile(samples, 0.95) / percentile(baseline, 0.95)
    print(
        f"p95 ratio to bare: {ratio:.0f}x; errors: {errors}; orders/s: {len(samples) / elapsed:.1f}"
    )
    print(f"goal p95 <= 300 ms: {'met' if percentile(samples, 0.95) <= 0.3 else 'NOT met'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--buyers", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--database", default=None, help="database URL; default: SQLite file")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.buyers, arguments.rounds, arguments.database))
