"""A sandbox processor of its own per test (own data folder), reached over HTTP at the path
TechMarket mounts it on, with webhooks captured instead of posted."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from pydantic import SecretStr
from starlette.applications import Starlette
from starlette.routing import Mount

from techmarket.config import Settings
from techmarket.services.payments.sandbox_processor.app import (
    MOUNT_PATH,
    create_sandbox_app,
    processor_of,
)
from techmarket.services.payments.sandbox_processor.processor import SandboxProcessor
from techmarket.services.payments.sandbox_processor.webhooks import WebhookDelivery

BASE_URL = "http://techmarket.test"
API_KEY = "sk_sandbox_test_key"
WEBHOOK_SECRET = "whsec_test_secret"
VISA = "4242424242424242"
DECLINED = "4000000000000002"
INSUFFICIENT_FUNDS = "4000000000009995"
THREE_D_SECURE = "4000000000003220"


@dataclass
class CapturedWebhooks:
    """A webhook sender that keeps what it is given; answers `statuses` in turn, then 200."""

    deliveries: list[WebhookDelivery] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)

    async def __call__(self, delivery: WebhookDelivery) -> int:
        self.deliveries.append(delivery)
        return self.statuses.pop(0) if self.statuses else 200

    def events(self) -> list[dict[str, Any]]:
        return [orjson.loads(delivery.body) for delivery in self.deliveries]

    def types(self) -> list[str]:
        return [event["type"] for event in self.events()]


@dataclass
class Sandbox:
    http: httpx.AsyncClient
    processor: SandboxProcessor
    webhooks: CapturedWebhooks
    data_dir: Path

    @property
    def server(self) -> dict[str, str]:
        return {"authorization": f"Bearer {API_KEY}"}

    async def tokenize(self, number: str = VISA, **fields: Any) -> str:
        body = {"number": number, "exp_month": 12, "exp_year": 2040, "cvc": "123", **fields}
        response = await self.http.post("/tokens", json=body)
        assert response.status_code == 201, response.text
        token: str = response.json()["token"]
        return token

    async def authorize(
        self, token: str, *, amount: int = 5000, key: str, **fields: Any
    ) -> httpx.Response:
        return await self.http.post(
            "/authorizations",
            json={"amount": amount, "currency": "EUR", "token": token, **fields},
            headers={**self.server, "idempotency-key": key},
        )

    async def authorized(self, number: str = VISA, *, amount: int = 5000, key: str) -> str:
        response = await self.authorize(await self.tokenize(number), amount=amount, key=key)
        assert response.status_code == 201, response.text
        authorization_id: str = response.json()["id"]
        return authorization_id

    async def captured(self, *, amount: int = 5000, key: str) -> str:
        authorization_id = await self.authorized(amount=amount, key=key)
        response = await self.http.post(
            f"/authorizations/{authorization_id}/capture", json={}, headers=self.server
        )
        assert response.status_code == 200, response.text
        return authorization_id

    async def settled_webhooks(self) -> CapturedWebhooks:
        await self.processor.webhooks.drain()
        return self.webhooks


def sandbox_settings(data_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "environment": "test",
        "data_dir": data_dir,
        "base_url": BASE_URL,
        "frontend_dir": data_dir / "no-frontend",
        "sandbox_payments_api_key": SecretStr(API_KEY),
        "sandbox_payments_webhook_secret": SecretStr(WEBHOOK_SECRET),
        **overrides,
    }
    return Settings(**values)


@pytest.fixture
async def sandbox(tmp_path: Path) -> AsyncIterator[Sandbox]:
    webhooks = CapturedWebhooks()
    app = create_sandbox_app(
        sandbox_settings(tmp_path), webhook_sender=webhooks, retry_delays=(0.0, 0.0)
    )
    processor = processor_of(app)
    host = Starlette(routes=[Mount(MOUNT_PATH, app)])
    transport = httpx.ASGITransport(app=host)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL + MOUNT_PATH) as http:
        yield Sandbox(http, processor, webhooks, tmp_path)
    await processor.close()
