"""Paid sales ready to ship, a sandbox carrier that can be hurried, and signed carrier events."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import orjson
from fastapi import FastAPI
from starlette.routing import Mount

from techmarket.config import Settings
from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.core.security.webhook_signature import SIGNATURE_HEADER, signature_header
from techmarket.services.shipping.sandbox_carrier.app import simulator_of
from techmarket.services.shipping.sandbox_carrier.configuration import carrier_webhook_secrets
from techmarket.services.shipping.sandbox_carrier.simulator import CarrierSimulator
from tests.accounts import Account, client_from
from tests.factories import SELLER_PASSWORD, make_listing, make_seller
from tests.services.orders.shop import ADDRESS, Buyer, make_buyer

WEBHOOK = "/api/v1/shipping/webhooks/sandbox"


def simulator(app: FastAPI) -> CarrierSimulator:
    for route in app.routes:
        if isinstance(route, Mount) and route.name == "sandbox-carrier":
            return simulator_of(route.app)  # type: ignore[arg-type]
    raise AssertionError("the sandbox carrier is not mounted")


@dataclass
class Sale:
    buyer: Buyer
    seller: Account
    order: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.order["id"])

    async def ship(self, **body: Any) -> httpx.Response:
        return await self.seller.http.post(
            f"/api/v1/sales/{self.id}/ship", json=body, headers=self.seller.auth()
        )

    async def tracking(self, who: Account | Buyer | None = None) -> httpx.Response:
        who = who or self.buyer
        return await who.http.get(f"/api/v1/orders/{self.id}/tracking", headers=who.auth())

    async def order_now(self) -> dict[str, Any]:
        response = await self.buyer.http.get(f"/api/v1/orders/{self.id}", headers=self.buyer.auth())
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body


async def paid_sale(
    app: FastAPI,
    resources: Resources,
    *,
    price: int = 40_000,
    address: dict[str, str] | None = None,
    **order_fields: Any,
) -> Sale:
    store = await make_seller(resources)
    seller = Account(store.email, SELLER_PASSWORD, "Test Seller", str(store.user_id),
                     client_from(app))  # fmt: skip
    await seller.login()
    product = await make_listing(resources, store, quantity=1, price=price)
    buyer = await make_buyer(app)
    await buyer.add(product)
    placed = await buyer.order(shipping_address=address or ADDRESS, **order_fields)
    assert placed.status_code == 201, placed.text
    return Sale(buyer, seller, placed.json()["orders"][0])


async def eventually(
    check: Callable[[], Awaitable[bool]], *, within: float = 30.0, what: str = "condition"
) -> None:
    """Ask again every 50 ms until `check` holds (the carrier's clock runs on its own). The
    bound leaves room for a webhook's retry: the label's first event can reach TechMarket
    before the shipment commits, and is sent again a second later, then five."""
    deadline = asyncio.get_running_loop().time() + within
    while not await check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{what} not reached within {within} s")
        await asyncio.sleep(0.05)


async def label_event_arrived(sale: Sale) -> None:
    """The sandbox's own `label_created` webhook has been applied."""

    async def arrived() -> bool:
        response = await sale.tracking()
        return response.status_code == 200 and len(response.json()["events"]) >= 1

    await eventually(arrived, what="the label_created event")


def carrier_event(
    tracking_number: str,
    status: str,
    *,
    event_id: str | None = None,
    occurred_at: dt.datetime | None = None,
) -> dict[str, Any]:
    return {
        "id": event_id or f"evt_test_{uuid.uuid4().hex}",
        "type": "tracker.updated",
        "created": utcnow().isoformat(),
        "data": {
            "carrier": "sandbox",
            "tracking_number": tracking_number,
            "reference": None,
            "event": {
                "id": event_id or f"evt_test_{uuid.uuid4().hex}",
                "status": status,
                "description": status.replace("_", " ").capitalize(),
                "location": "Test hub",
                "occurred_at": (occurred_at or utcnow()).isoformat(),
            },
            "estimated_delivery": None,
        },
    }


def signed(
    settings: Settings,
    body: dict[str, Any],
    *,
    secret: str | None = None,
    timestamp: int | None = None,
) -> tuple[bytes, dict[str, str]]:
    raw = orjson.dumps(body)
    secrets = [secret] if secret else list(carrier_webhook_secrets(settings))
    header = signature_header(raw, secrets, timestamp=timestamp)
    return raw, {"content-type": "application/json", SIGNATURE_HEADER: header}
