"""Hot reads through TechMarket's full stack versus a bare Starlette endpoint, in one run.

Both apps are driven in process over ASGI (httpx.ASGITransport), so the figure is what
TechMarket adds per request (middleware, routing, cache look-up, session) and not the network.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
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


async def _make_listings(resources: Resources, count: int) -> None:
    async with resources.db.unit_of_work(write=False) as session:
        categories = {c.slug: c.id for c in await catalog.all_categories(session)}
    async with resources.db.unit_of_work(write=True) as session:
        await create_account(
            session, resources, email="bench@example.test", display_name="Bench", password="x" * 16
        )
        user = await users.get_user_by_email(session, "bench@example.test")
        assert user is not None
        dealer = await users.become_dealer(session, user, store_name="Bench Store")
        for index in range(count):
            await catalog.create_listing(
                session,
                seller_id=dealer.id,
                seller_name=dealer.store_name,
                featured=index % 10 == 0,
                listing=catalog.ProductCreate(
                    title=f"Bench phone {index}",
                    description="A phone for the benchmark.",
                    category_id=categories["smartphones"],
                    brand="Benchbrand",
                    model=f"B{index}",
                    condition=catalog.Condition.GOOD,
                    price=10_000 + index,
                    currency="EUR",
                    quantity=1,
                    specs={"storage_gb": 128, "ram_gb": 8},
                ),
            )
    await catalog.forget_cached(resources.cache)


async def _time(client: httpx.AsyncClient, path: str, requests: int) -> float:
    """Median seconds per request, after a warm-up."""
    for _ in range(50):
        assert (await client.get(path)).status_code == 200
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        response = await client.get(path)
        samples.append(time.perf_counter() - started)
        assert response.status_code == 200
    return statistics.median(samples)


async def main(requests: int, redis_url: str | None) -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="techmarket-bench-"))
    settings = Settings(data_dir=data_dir, redis_url=redis_url, environment="test")
    upgrade(settings.effective_database_url)
    app = create_app(settings)
    async with LifespanManager(app):
        resources: Resources = app.state.resources
        await _make_listings(resources, 300)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            featured = (await client.get("/api/v1/products/featured")).json()["items"]
            product_path = f"/api/v1/products/{featured[0]['id']}"
            body = (await client.get("/api/v1/products/featured")).content

            async def bare(_: Request) -> Response:
                return Response(body, media_type="application/json")

            baseline_app = Starlette(routes=[Route("/bare", bare)])
            baseline_transport = httpx.ASGITransport(app=baseline_app)
            async with httpx.AsyncClient(transport=baseline_transport, base_url="http://b") as b:
                baseline = await _time(b, "/bare", requests)

            cases = {
                "featured (cache hit)": "/api/v1/products/featured",
                "categories (cache hit)": "/api/v1/categories",
                "product detail (cache hit)": product_path,
                "search, category + sort (database)": (
                    "/api/v1/products?category=phones&sort=price_asc&limit=24"
                ),
            }
            print(f"cache: {resources.cache.name}; {requests} sequential requests per case")
            print(f"{'case':40} {'median µs':>10} {'ratio to bare':>17}")
            print(f"{'bare Starlette, same bytes':40} {baseline * 1e6:10.0f} {1.0:17.2f}")
            for name, path in cases.items():
                median = await _time(client, path, requests)
                print(f"{name:40} {median * 1e6:10.0f} {median / baseline:17.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--redis", default=None, help="Redis URL; default: in-process cache")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.requests, arguments.redis))
