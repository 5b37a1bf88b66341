"""Live tracking over a real HTTP connection: a uvicorn server on a free port serving the test
app, and an httpx client reading the server-sent events as they come."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import orjson
import pytest
from fastapi import FastAPI

from techmarket.config import Settings
from techmarket.core.resources import Resources
from tests.servers import serving
from tests.services.shipping.journey import (
    WEBHOOK,
    carrier_event,
    label_event_arrived,
    paid_sale,
    signed,
)


@pytest.fixture
async def server_url(app: FastAPI) -> AsyncIterator[str]:
    """The session's app (already started) behind a real socket."""
    async with serving(app) as url:
        yield url


async def _events(response: httpx.Response) -> AsyncIterator[tuple[str, dict[str, Any]]]:
    """(event name, data) per server-sent event; keep-alive comments are skipped."""
    name, data = "message", ""
    async for line in response.aiter_lines():
        if line.startswith("event:"):
            name = line.partition(":")[2].strip()
        elif line.startswith("data:"):
            data += line.partition(":")[2].strip()
        elif line == "" and data:
            yield name, orjson.loads(data)
            name, data = "message", ""


async def test_the_stream_sends_the_state_then_each_new_event_in_order(
    app: FastAPI, resources: Resources, settings: Settings, server_url: str
) -> None:
    sale = await paid_sale(app, resources)
    shipped = await sale.ship()
    assert shipped.status_code == 200, shipped.text
    number = shipped.json()["shipment"]["tracking_number"]
    await label_event_arrived(sale)
    steps = ["picked_up", "in_transit", "out_for_delivery", "delivered"]
    received: list[dict[str, Any]] = []
    async with (
        httpx.AsyncClient(base_url=server_url, timeout=10.0) as http,
        http.stream(
            "GET", f"/api/v1/orders/{sale.id}/tracking/stream", headers=sale.buyer.auth()
        ) as response,
    ):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        stream = _events(response)
        name, first = await asyncio.wait_for(anext(stream), 5)
        assert name == "tracking"
        assert first["status"] == "label_created"
        assert [e["status"] for e in first["events"]] == ["label_created"]
        for step in steps:
            posted = await sale.buyer.http.post(
                WEBHOOK, content=(signed_body := signed(settings, carrier_event(number, step)))[0],
                headers=signed_body[1],
            )  # fmt: skip
            assert posted.status_code == 200, posted.text
            name, body = await asyncio.wait_for(anext(stream), 5)
            assert name == "tracking"
            received.append(body)
    assert [body["status"] for body in received] == steps
    assert [len(body["events"]) for body in received] == [2, 3, 4, 5]
    assert [e["status"] for e in received[-1]["events"]] == ["label_created", *steps]
    assert received[-1] == (await sale.tracking()).json()
