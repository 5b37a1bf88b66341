"""Buyers with cards, sellers with stock, and the sandbox processor to pay with."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI
from starlette.routing import Mount

from techmarket.core.resources import Resources
from techmarket.services.payments.sandbox_processor.app import processor_of
from techmarket.services.payments.sandbox_processor.processor import SandboxProcessor
from tests.accounts import Account, sign_up
from tests.factories import make_listing, make_seller

VISA = "4242424242424242"
DECLINED = "4000000000000002"
THREE_D_SECURE = "4000000000003220"
ADDRESS = {
    "name": "Grace Hopper",
    "line1": "Hauptstraße 5",
    "city": "Berlin",
    "postal_code": "10115",
    "country": "DE",
}


def sandbox(app: FastAPI) -> SandboxProcessor:
    for route in app.routes:
        if isinstance(route, Mount) and route.name == "sandbox-payments":
            return processor_of(route.app)  # type: ignore[arg-type]
    raise AssertionError("the sandbox processor is not mounted")


@dataclass
class Buyer:
    account: Account
    method_id: str

    @property
    def http(self) -> httpx.AsyncClient:
        return self.account.http

    def auth(self, **extra: str) -> dict[str, str]:
        return {**self.account.auth(), **extra}

    async def add(self, product_id: uuid.UUID, quantity: int = 1, **fields: Any) -> None:
        body = {"product_id": str(product_id), "quantity": quantity, **fields}
        response = await self.http.post("/api/v1/cart/items", json=body, headers=self.auth())
        assert response.status_code == 201, response.text

    async def order(self, key: str | None = None, **fields: Any) -> httpx.Response:
        body = {"payment_method_id": self.method_id, "shipping_address": ADDRESS, **fields}
        return await self.http.post(
            "/api/v1/orders",
            json=body,
            headers=self.auth(**{"Idempotency-Key": key or str(uuid.uuid4())}),
        )


async def card(
    http: httpx.AsyncClient,
    account: Account,
    number: str = VISA,
    tokens_url: str = "/sandbox/payments/tokens",
) -> str:
    """Tokenize a card at the processor, as the browser does, and save it as a method."""
    tokenized = await http.post(
        tokens_url,
        json={"number": number, "exp_month": 12, "exp_year": 2040, "cvc": "123"},
    )
    assert tokenized.status_code == 201, tokenized.text
    saved = await http.post(
        "/api/v1/payments/methods",
        json={"provider": "sandbox", "token": tokenized.json()["token"]},
        headers=account.auth(),
    )
    assert saved.status_code == 201, saved.text
    method_id: str = saved.json()["id"]
    return method_id


async def make_buyer(app: FastAPI, number: str = VISA) -> Buyer:
    account = await sign_up(app)
    return Buyer(account, await card(account.http, account, number))


async def stocked(resources: Resources, quantity: int = 1, **fields: Any) -> uuid.UUID:
    seller = await make_seller(resources)
    return await make_listing(resources, seller, quantity=quantity, **fields)


async def listing_state(http: httpx.AsyncClient, product_id: uuid.UUID) -> dict[str, Any]:
    response = await http.get(f"/api/v1/products/{product_id}")
    body: dict[str, Any] = response.json()
    return {"status_code": response.status_code, **body}
