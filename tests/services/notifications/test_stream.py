"""The bell's live stream: a real HTTP client (uvicorn on a port, httpx streaming) reads the
unread count first, then each notification pushed after its commit."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from techmarket.core.resources import Resources
from tests.accounts import sign_up
from tests.servers import serving
from tests.services.notifications.tell import price_drop, tell


@pytest.fixture
async def served(app: FastAPI) -> AsyncIterator[str]:
    """The test app served over TCP (its resources are already open: no second lifespan)."""
    async with serving(app) as url:
        yield url


async def events(lines: AsyncIterator[str]) -> AsyncIterator[dict[str, Any]]:
    """Server-sent events as {event, data, id}; comments (keep-alive pings) are skipped."""
    event: dict[str, Any] = {}
    async for line in lines:
        if line == "":
            if "data" in event:
                yield event
            event = {}
        elif line.startswith(":"):
            continue
        else:
            field, _, value = line.partition(":")
            value = value.removeprefix(" ")
            event[field] = json.loads(value) if field == "data" else value


async def test_the_stream_sends_the_count_then_each_new_notification(
    app: FastAPI, resources: Resources, served: str
) -> None:
    account = await sign_up(app)
    await tell(resources, account.user_id, context=price_drop("Before"))
    async with (
        httpx.AsyncClient(base_url=served, timeout=10) as http,
        http.stream("GET", "/api/v1/notifications/stream", headers=account.auth()) as response,
    ):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        received = aiter(events(response.aiter_lines()))
        async with asyncio.timeout(10):
            first = await anext(received)
            assert first == {"event": "unread", "data": {"unread": 1}}
            told = await tell(resources, account.user_id, context=price_drop("Live one"))
            assert told is not None
            pushed = await anext(received)
            assert pushed["event"] == "notification"
            assert pushed["id"] == str(told.id)
            assert pushed["data"]["unread"] == 2
            assert pushed["data"]["notification"]["title"] == "Price drop: Live one"
            assert pushed["data"]["notification"]["id"] == str(told.id)
            read = await account.http.post(
                f"/api/v1/notifications/{told.id}/read", headers=account.auth()
            )
            assert read.status_code == 200
            assert await anext(received) == {"event": "unread", "data": {"unread": 1}}
