"""From a carrier's webhook to the buyer's open tracking stream: how long on this machine.

A real uvicorn server on a free port serves the whole app (SQLite, in-process live channels,
or Redis with --redis). A client holds `GET /orders/{id}/tracking/stream` open, as the tracking
page does; each round posts one signed carrier webhook (a new scan of a parcel in transit) and
times it until the stream delivers the updated tracking body. The baseline, measured in the same
run over the same server, is the round trip of `GET /healthz`.

    .venv/bin/python bench/tracking_latency.py --rounds 200
    .venv/bin/python bench/tracking_latency.py --redis redis://127.0.0.1:6379/0
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import socket
import statistics
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import uvicorn
from asgi_lifespan import LifespanManager

from techmarket.app import create_app
from techmarket.config import Settings
from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.core.security.webhook_signature import SIGNATURE_HEADER, signature_header
from techmarket.migrations.runner import upgrade
from techmarket.services.shipping.models import LabelSource, Shipment, ShipmentStatus
from techmarket.services.shipping.sandbox_carrier.configuration import carrier_webhook_secrets

WEBHOOK = "/api/v1/shipping/webhooks/sandbox"


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def _parcel_in_transit(resources: Resources) -> tuple[uuid.UUID, str, str]:
    """A shipment already in transit (so new scans change no order), and a token of its buyer."""
    buyer_id, order_id = uuid.uuid4(), uuid.uuid4()
    number = f"TMBENCH{uuid.uuid4().hex[:12].upper()}"
    async with resources.db.unit_of_work(write=True) as session:
        session.add(
            Shipment(
                order_id=order_id, buyer_id=buyer_id, seller_id=uuid.uuid4(), carrier="sandbox",
                service="standard", tracking_number=number, label_source=LabelSource.PURCHASED,
                status=ShipmentStatus.IN_TRANSIT, destination_country="DE",
                destination_postal_code="10115", weight_grams=500, currency="EUR",
            )
        )  # fmt: skip
    token = resources.access_tokens.issue(
        user_id=buyer_id, session_id=uuid.uuid4(), roles=[], now=dt.datetime.now(dt.UTC)
    )
    return order_id, number, token


def _scan(number: str) -> dict[str, Any]:
    event_id = f"evt_bench_{uuid.uuid4().hex}"
    return {
        "id": event_id,
        "type": "tracker.updated",
        "created": utcnow().isoformat(),
        "data": {
            "carrier": "sandbox",
            "tracking_number": number,
            "reference": None,
            "event": {
                "id": event_id,
                "status": "in_transit",
                "description": "Arrived at a sorting centre",
                "location": "Bench hub",
                "occurred_at": utcnow().isoformat(),
            },
            "estimated_delivery": None,
        },
    }


async def _tracking_events(response: httpx.Response) -> AsyncIterator[dict[str, Any]]:
    data = ""
    async for line in response.aiter_lines():
        if line.startswith("data:"):
            data += line.partition(":")[2].strip()
        elif line == "" and data:
            yield orjson.loads(data)
            data = ""


async def main(rounds: int, redis_url: str | None) -> None:
    settings = Settings(
        data_dir=Path(tempfile.mkdtemp(prefix="tm-bench-")),
        environment="test",
        redis_url=redis_url,
    )
    upgrade(settings.effective_database_url)
    app = create_app(settings)
    async with LifespanManager(app):
        resources: Resources = app.state.resources
        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_level="warning")
        )
        serving = asyncio.create_task(server.serve())
        while not server.started:  # noqa: ASYNC110 (uvicorn offers no event to wait on)
            await asyncio.sleep(0.01)
        order_id, number, token = await _parcel_in_transit(resources)
        secrets = list(carrier_webhook_secrets(settings))
        base = f"http://127.0.0.1:{port}"
        latencies, baseline = [], []
        async with (
            httpx.AsyncClient(base_url=base, timeout=10) as carrier,
            httpx.AsyncClient(base_url=base, timeout=10) as browser,
            browser.stream(
                "GET",
                f"/api/v1/orders/{order_id}/tracking/stream",
                headers={"authorization": f"Bearer {token}"},
            ) as stream,
        ):
            assert stream.status_code == 200, stream.status_code
            events = _tracking_events(stream)
            first = await anext(events)
            seen = len(first["events"])
            for _ in range(rounds):
                raw = orjson.dumps(_scan(number))
                headers = {
                    "content-type": "application/json",
                    SIGNATURE_HEADER: signature_header(raw, secrets),
                }
                started = time.perf_counter()
                posted = await carrier.post(WEBHOOK, content=raw, headers=headers)
                assert posted.status_code == 200, posted.text
                body = await asyncio.wait_for(anext(events), 10)
                latencies.append((time.perf_counter() - started) * 1000)
                assert len(body["events"]) == seen + 1, "the stream skipped or repeated a scan"
                seen += 1
                started = time.perf_counter()
                assert (await carrier.get("/healthz")).status_code == 200
                baseline.append((time.perf_counter() - started) * 1000)
        server.should_exit = True
        await serving
    live = "Redis pub/sub" if redis_url else "in-process channels"
    print(f"webhook → open tracking stream, {rounds} scans, SQLite, {live}, real sockets:")
    for name, samples in (("webhook to stream", latencies), ("GET /healthz", baseline)):
        print(
            f"  {name:18} p50 {statistics.median(samples):6.1f} ms  "
            f"p95 {percentile(samples, 95):6.1f} ms  p99 {percentile(samples, 99):6.1f} ms"
        )
    print(f"  ratio (p50): {statistics.median(latencies) / statistics.median(baseline):.1f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--redis", default=None, help="a Redis URL: live channels through it")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.rounds, arguments.redis))
