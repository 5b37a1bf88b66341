"""Sign-in latency (argon2id m=19 MiB, t=2, p=1, plus token issuing) against a bare endpoint.

The password hash is meant to be slow; this shows how slow on this machine, next to a bare
Starlette endpoint measured in the same run.
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
from starlette.responses import JSONResponse
from starlette.routing import Route

from techmarket.app import create_app
from techmarket.config import Settings
from techmarket.migrations.runner import upgrade

PASSWORD = "Quiet-harbour-benchmark-2718"  # noqa: S105 - a throwaway benchmark account


async def _median(client: httpx.AsyncClient, path: str, body: dict[str, str], n: int) -> float:
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        response = await client.post(path, json=body)
        samples.append(time.perf_counter() - started)
        assert response.status_code == 200, response.text
    return statistics.median(samples)


async def main(requests: int) -> None:
    settings = Settings(data_dir=Path(tempfile.mkdtemp(prefix="tm-bench-")), environment="test")
    upgrade(settings.effective_database_url)
    app = create_app(settings)
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            email = "bench.signin@example.com"
            registered = await client.post(
                "/api/v1/auth/register",
                json={"email": email, "password": PASSWORD, "display_name": "Timing Person"},
            )
            assert registered.status_code == 201, registered.text
            body = {"email": email, "password": PASSWORD}
            sign_in = await _median(client, "/api/v1/auth/login", body, requests)

        async def bare(_: Request) -> JSONResponse:
            return JSONResponse({"ok": True})

        bare_app = Starlette(routes=[Route("/bare", bare, methods=["POST"])])
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=bare_app), base_url="http://b"
        ) as b:
            baseline = await _median(b, "/bare", body, requests)
    print(f"{'case':32} {'median ms':>10} {'ratio to bare':>14}")
    print(f"{'bare Starlette POST':32} {baseline * 1e3:10.2f} {1.0:14.1f}")
    print(f"{'POST /auth/login (argon2id)':32} {sign_in * 1e3:10.2f} {sign_in / baseline:14.1f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=40)
    asyncio.run(main(parser.parse_args().requests))
