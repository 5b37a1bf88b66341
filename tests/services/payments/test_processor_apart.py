"""The sandbox processor in a server of its own, as a real processor runs: TechMarket does not
mount it, reaches it over HTTP at `sandbox_payments_url`, and gets its webhooks over HTTP too.
Both apps listen on real sockets."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager
from pydantic import ValidationError
from sqlalchemy import select

from techmarket.app import create_app
from techmarket.config import Settings
from techmarket.core.resources import Resources
from techmarket.services.payments.models import Payment
from techmarket.services.payments.sandbox_processor.app import (
    create_sandbox_app,
    create_standalone_app,
    processor_of,
)
from techmarket.services.payments.sandbox_processor.models import Event
from techmarket.services.payments.sandbox_processor.processor import SandboxProcessor
from tests.accounts import Account, strong_password
from tests.servers import free_port, serving
from tests.services.orders.shop import ADDRESS, card, stocked


@pytest.fixture
async def apart(settings: Settings) -> AsyncIterator[tuple[str, str, SandboxProcessor]]:
    """(TechMarket's URL, the processor's URL, the processor)."""
    main_port, processor_port = free_port(), free_port()
    processor_url = f"http://127.0.0.1:{processor_port}"
    configured = settings.model_copy(
        update={
            "base_url": f"http://127.0.0.1:{main_port}",
            "sandbox_payments_apart": True,
            "sandbox_payments_url": processor_url,
            "cache_warm_on_start": False,
        }
    )
    sandbox = create_sandbox_app(configured)
    async with (
        serving(sandbox, port=processor_port, lifespan="on"),
        serving(create_app(configured), port=main_port, lifespan="on") as base_url,
    ):
        yield base_url, processor_url, processor_of(sandbox)


async def test_a_checkout_pays_through_a_processor_apart(
    apart: tuple[str, str, SandboxProcessor], resources: Resources
) -> None:
    base_url, processor_url, processor = apart
    async with httpx.AsyncClient(base_url=base_url) as http:
        not_mounted = await http.post("/sandbox/payments/tokens", json={})
        assert not_mounted.status_code == 405  # only the web app's GET fallback answers there
        email, password = f"apart-{uuid.uuid4().hex[:10]}@example.com", strong_password()
        registered = await http.post(
            "/api/v1/auth/register",
            json={"email": email, "password": password, "display_name": "Robin Apart"},
        )
        assert registered.status_code == 201, registered.text
        buyer = Account(email, password, "Robin Apart", registered.json()["id"], http)
        await buyer.login()
        # The browser posts the card to the processor itself, never to TechMarket.
        method_id = await card(http, buyer, tokens_url=f"{processor_url}/tokens")
        product = await stocked(resources, price=7_500)
        added = await http.post(
            "/api/v1/cart/items", json={"product_id": str(product), "quantity": 1},
            headers=buyer.auth(),
        )  # fmt: skip
        assert added.status_code == 201, added.text
        placed = await http.post(
            "/api/v1/orders",
            json={"payment_method_id": method_id, "shipping_address": ADDRESS},
            headers={**buyer.auth(), "Idempotency-Key": str(uuid.uuid4())},
        )
        assert placed.status_code == 201, placed.text
        assert placed.json()["checkout"]["status"] == "paid"
        checkout_id = uuid.UUID(placed.json()["checkout"]["id"])
    async with resources.db.unit_of_work(write=False) as session:
        payment = await session.scalar(select(Payment).where(Payment.checkout_id == checkout_id))
    assert payment is not None and payment.status == "captured"
    # The processor's webhook about the capture reached TechMarket over HTTP and was taken.
    for _ in range(200):
        async with processor.transaction(write=False) as session:
            event = await session.scalar(
                select(Event).where(
                    Event.object_id == payment.provider_payment_id, Event.type == "payment.captured"
                )
            )
        if event is not None and event.delivered_at is not None:
            break
        await asyncio.sleep(0.05)
    assert event is not None and (event.delivered_at, event.last_status) != (None, None)
    assert event.last_status == 200


async def test_the_processor_alone_takes_its_settings_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `techmarket sandbox-payments` serves: its data and secrets in TECHMARKET_DATA_DIR."""
    monkeypatch.setenv("TECHMARKET_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("TECHMARKET_SANDBOX_PAYMENTS_DATABASE_URL", raising=False)
    app = create_standalone_app()
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://processor") as http:
            card = {"number": "4242424242424242", "exp_month": 12, "exp_year": 2040, "cvc": "123"}
            assert (await http.post("/tokens", json=card)).status_code == 201
    assert (tmp_path / "sandbox-payments.db").is_file()
    assert (tmp_path / "secrets" / "sandbox-payments-api.key").is_file()


def test_a_processor_apart_needs_its_address(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="sandbox_payments_apart needs sandbox_payments_url"):
        Settings(data_dir=tmp_path, sandbox_payments_apart=True)
