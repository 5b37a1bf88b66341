"""Checkout under load: 50 buyers at once, in two load shapes, through the whole stack.

Every order goes through stock reservation, the sandbox processor (authorize and capture over
its own HTTP API and database, then its webhooks), the ledger and the receipts.

- `--mode steady` (the goal's measure): 50 buyers shop at the same time for `--duration`
  seconds. Each one loops: put a listing in the cart, think, pay (`POST /orders` with a fresh
  `Idempotency-Key`), think. Think times are uniform in `--think` (default 1 to 5 s, Locust's
  `between(1, 5)`): with 50 buyers that is about 8 orders a second, far more than 50 real
  shoppers would place.
- `--mode burst` (the worst case): all 50 press Pay in the same millisecond, round after round.

`--server` serves the app with uvicorn in a process of its own (`--workers N`), as `make run`
does, so the load generator does not share the app's event loop; without it the app runs in
this process over ASGI. `--processor apart` runs the sandbox processor in a process of its own
(`techmarket sandbox-payments`), where a real processor's work would be: on another machine.
The baseline is a bare Starlette POST at the same concurrency in the same run. Goal (issue 5):
p95 <= 300 ms at 50 concurrent buyers, no errors.

    .venv/bin/python bench/checkout_load.py --server [--mode steady|burst] [--workers 1]
        [--processor mounted|apart] [--buyers 50] [--duration 60] [--rounds 6]
        [--database URL] [--redis URL]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from techmarket.app import create_app
from techmarket.config import Settings
from techmarket.core.resources import Resources, open_resources
from techmarket.migrations.runner import upgrade
from techmarket.provisioning import create_account
from techmarket.services.catalog import client as catalog
from techmarket.services.users import client as users

ADDRESS = {"name": "Bench Buyer", "line1": "1 Load St", "city": "Berlin",
           "postal_code": "10115", "country": "DE"}  # fmt: skip
PASSWORD = "bench-" + uuid.uuid4().hex
MOUNTED_TOKENS = "/sandbox/payments/tokens"


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def _listings(resources: Resources, count: int) -> list[uuid.UUID]:
    async with resources.db.unit_of_work(write=True) as session:
        categories = {c.slug: c.id for c in await catalog.all_categories(session)}
        run = uuid.uuid4().hex[:6]  # a database may be reused from an earlier run
        email = f"bench-seller-{run}@example.com"
        await create_account(
            session, resources, email=email, display_name="Bench", password=PASSWORD
        )
        user = await users.get_user_by_email(session, email)
        assert user is not None
        dealer = await users.become_dealer(session, user, store_name=f"Bench Store {run}")
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


async def _buyer(
    http: httpx.AsyncClient, resources: Resources, tokens_url: str
) -> tuple[dict[str, str], str]:
    email = f"bench-buyer-{uuid.uuid4().hex[:8]}@example.com"
    async with resources.db.unit_of_work(write=True) as session:
        await create_account(
            session, resources, email=email, display_name="Buyer", password=PASSWORD
        )
    login = await http.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    headers = {"authorization": f"Bearer {login.json()['access_token']}"}
    token = await http.post(
        tokens_url,
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

    results = await asyncio.gather(*(_pay(http, headers, method) for headers, method in buyers))
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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for(url: str) -> None:
    for _ in range(300):
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url).status_code < 500:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer in 30 s")


@contextlib.contextmanager
def _server(settings: Settings, workers: int, processor_apart: bool) -> Iterator[tuple[str, str]]:
    """`techmarket serve` in a process of its own, as `make run` starts it; with
    `processor_apart`, the sandbox processor in another (`techmarket sandbox-payments`)."""
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    processor_url = f"http://127.0.0.1:{_free_port()}" if processor_apart else None
    environment = {
        **os.environ,
        "TECHMARKET_DATA_DIR": str(settings.data_dir),
        "TECHMARKET_ENVIRONMENT": settings.environment,
        "TECHMARKET_DATABASE_URL": settings.effective_database_url,
        "TECHMARKET_CACHE_WARM_ON_START": "false",
        "TECHMARKET_BASE_URL": base_url,
        "TECHMARKET_LOG_LEVEL": "WARNING",
    }
    if settings.redis_url:
        environment["TECHMARKET_REDIS_URL"] = settings.redis_url
    techmarket = [sys.executable, "-m", "techmarket"]
    commands = [[*techmarket, "serve", "--port", str(port), "--workers", str(workers)]]
    if processor_url is not None:
        environment["TECHMARKET_SANDBOX_PAYMENTS_APART"] = "true"
        environment["TECHMARKET_SANDBOX_PAYMENTS_URL"] = processor_url
        port_of_processor = processor_url.rsplit(":", 1)[1]
        commands.insert(0, [*techmarket, "sandbox-payments", "--port", port_of_processor])
    processes = []
    try:
        for command in commands:
            processes.append(subprocess.Popen(command, env=environment))  # noqa: S603
        _wait_for(f"{base_url}/healthz")
        if processor_url is not None:
            _wait_for(f"{processor_url}/openapi.json")
        # The browser posts cards to the processor itself: TechMarket mounts it, or it is apart.
        yield base_url, f"{processor_url}/tokens" if processor_url else MOUNTED_TOKENS
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)


@contextlib.asynccontextmanager
async def _marketplace(
    settings: Settings, server: bool, workers: int, processor_apart: bool
) -> AsyncIterator[tuple[httpx.AsyncClient, Resources, str]]:
    """A client of the marketplace, the resources to fill its database directly, and where
    the browser tokenizes cards."""
    upgrade(settings.effective_database_url)
    if not server:
        app = create_app(settings)
        async with LifespanManager(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://bench", timeout=60
            ) as http:
                yield http, app.state.resources, MOUNTED_TOKENS
        return
    resources = await open_resources(settings)
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    try:
        with _server(settings, workers, processor_apart) as (base_url, tokens_url):
            async with httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits) as http:
                yield http, resources, tokens_url
    finally:
        await resources.close()


async def _pay(
    http: httpx.AsyncClient, headers: dict[str, str], method_id: str
) -> tuple[float, int]:
    started = time.perf_counter()
    response = await http.post(
        "/api/v1/orders",
        json={"payment_method_id": method_id, "shipping_address": ADDRESS},
        headers={**headers, "Idempotency-Key": str(uuid.uuid4())},
    )
    return time.perf_counter() - started, response.status_code


async def _steady(
    http: httpx.AsyncClient,
    buyers: list[tuple[dict[str, str], str]],
    products: list[uuid.UUID],
    think: tuple[float, float],
    duration: float,
) -> tuple[list[float], int]:
    """Every buyer loops cart → think → pay → think until the time is up; starts are spread
    over one think time so that the buyers do not move in step."""
    stock = iter(products)
    samples: list[float] = []
    errors = 0
    deadline = time.perf_counter() + duration

    async def shop(index: int, headers: dict[str, str], method_id: str) -> None:
        nonlocal errors
        rng = random.Random(index)  # noqa: S311 (think times, not secrets)
        await asyncio.sleep(rng.uniform(0, think[1]))
        while time.perf_counter() < deadline:
            added = await http.post(
                "/api/v1/cart/items",
                json={"product_id": str(next(stock)), "quantity": 1},
                headers=headers,
            )
            errors += added.status_code != 201
            await asyncio.sleep(rng.uniform(*think))
            seconds, status = await _pay(http, headers, method_id)
            samples.append(seconds)
            errors += status != 201
            await asyncio.sleep(rng.uniform(*think))

    await asyncio.gather(*(shop(i, h, m) for i, (h, m) in enumerate(buyers)))
    return samples, errors


async def main(arguments: argparse.Namespace) -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="techmarket-checkout-bench-"))
    settings = Settings(
        data_dir=data_dir, environment="test", database_url=arguments.database,
        redis_url=arguments.redis, cache_warm_on_start=False, base_url="http://bench",
    )  # fmt: skip
    count = arguments.buyers
    if arguments.mode == "burst":
        needed = count * arguments.rounds
    else:  # at most one order per buyer per think time, and a margin
        needed = count * (int(arguments.duration / arguments.think[0]) + 2)
    processor_apart = arguments.server and arguments.processor == "apart"
    async with _marketplace(settings, arguments.server, arguments.workers, processor_apart) as (
        http,
        resources,
        tokens_url,
    ):
        products = await _listings(resources, needed)
        buyers = [await _buyer(http, resources, tokens_url) for _ in range(count)]
        started = time.perf_counter()
        if arguments.mode == "burst":
            samples: list[float] = []
            errors = 0
            for index in range(arguments.rounds):
                latencies, failed = await _round(
                    http, buyers, products[index * count : (index + 1) * count]
                )
                samples += latencies
                errors += failed
        else:
            samples, errors = await _steady(
                http, buyers, products, tuple(arguments.think), arguments.duration
            )
        elapsed = time.perf_counter() - started
    baseline = await _baseline(count, max(arguments.rounds, 6))
    engine = (arguments.database or "sqlite").split(":", 1)[0]
    where = (
        f"uvicorn, {arguments.workers} worker(s), processor {arguments.processor}"
        if arguments.server
        else "in process (ASGI), processor mounted"
    )
    shape = (
        f"{arguments.rounds} rounds all at once"
        if arguments.mode == "burst"
        else f"steady for {arguments.duration:.0f} s, think {arguments.think[0]:g}-"
        f"{arguments.think[1]:g} s"
    )
    print(f"checkout: {count} concurrent buyers, {shape}; {engine}; {where}")
    print(f"{'':24} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name, values in (("POST /orders", samples), ("bare Starlette POST", baseline)):
        print(
            f"{name:24} {percentile(values, 0.5) * 1e3:8.1f} {percentile(values, 0.95) * 1e3:8.1f}"
            f" {percentile(values, 0.99) * 1e3:8.1f}"
        )
    ratio = percentile(samples, 0.95) / percentile(baseline, 0.95)
    print(
        f"orders: {len(samples)}; errors: {errors}; orders/s: {len(samples) / elapsed:.1f};"
        f" p95 ratio to bare: {ratio:.0f}x"
    )
    met = percentile(samples, 0.95) <= 0.3 and errors == 0
    print(f"goal p95 <= 300 ms, no errors: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--buyers", type=int, default=50)
    parser.add_argument("--mode", choices=("steady", "burst"), default="steady")
    parser.add_argument("--duration", type=float, default=60.0, help="steady: seconds of load")
    parser.add_argument(
        "--think", type=float, nargs=2, default=(1.0, 5.0), metavar=("MIN", "MAX"),
        help="steady: seconds a buyer thinks between steps",
    )  # fmt: skip
    parser.add_argument("--rounds", type=int, default=6, help="burst: rounds")
    parser.add_argument("--server", action="store_true", help="serve with uvicorn apart")
    parser.add_argument("--workers", type=int, default=1, help="with --server")
    parser.add_argument(
        "--processor", choices=("mounted", "apart"), default="mounted",
        help="with --server: the sandbox processor in TechMarket, or in a process of its own",
    )  # fmt: skip
    parser.add_argument("--database", default=None, help="database URL; default: SQLite file")
    parser.add_argument("--redis", default=None, help="Redis URL for cache, limits and live")
    asyncio.run(main(parser.parse_args()))
