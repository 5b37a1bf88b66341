"""TechMarket's webhook endpoint: signed, de-duplicated, and tamper-proof; no card number kept."""

from __future__ import annotations

import logging
import time

import httpx
import orjson
import pytest
from fastapi import FastAPI
from sqlalchemy import MetaData, select

from techmarket.config import Settings
from techmarket.core.resources import Resources
from techmarket.core.security.webhook_signature import (
    SIGNATURE_HEADER,
    signature_header,
)
from techmarket.services.payments.sandbox_processor.configuration import sandbox_webhook_secrets
from techmarket.services.payments.sandbox_processor.webhooks import WebhookDelivery
from tests.services.orders.shop import VISA, make_buyer, sandbox, stocked

WEBHOOK = "/api/v1/payments/webhooks/sandbox"


async def _deliveries_of_a_checkout(app: FastAPI, resources: Resources) -> list[WebhookDelivery]:
    processor = sandbox(app)
    forward = processor.webhooks.sender
    seen: list[WebhookDelivery] = []

    async def record(delivery: WebhookDelivery) -> int:
        seen.append(delivery)
        return await forward(delivery)

    processor.webhooks.sender = record
    try:
        buyer = await make_buyer(app)
        await buyer.add(await stocked(resources, 1))
        assert (await buyer.order()).status_code == 201
        await processor.webhooks.drain()
    finally:
        processor.webhooks.sender = forward
    return seen


async def test_a_delivered_event_again_is_a_duplicate(
    app: FastAPI, resources: Resources, client: httpx.AsyncClient
) -> None:
    deliveries = await _deliveries_of_a_checkout(app, resources)
    assert deliveries, "the sandbox sent no webhook"
    delivery = deliveries[-1]
    again = await client.post(WEBHOOK, content=delivery.body, headers=delivery.headers)
    assert again.status_code == 200, again.text
    assert again.json() == {"received": True, "duplicate": True}


async def test_tampered_or_stale_events_change_nothing(
    app: FastAPI, resources: Resources, settings: Settings, client: httpx.AsyncClient
) -> None:
    delivery = (await _deliveries_of_a_checkout(app, resources))[-1]
    event = orjson.loads(delivery.body)
    event["id"] = event["id"] + "-forged"
    tampered = orjson.dumps(event)
    forged = await client.post(WEBHOOK, content=tampered, headers=delivery.headers)
    assert forged.status_code == 400
    assert forged.json()["type"].endswith("/invalid-webhook-signature")
    secret = sandbox_webhook_secrets(settings)[:1]
    stale = signature_header(tampered, secret, timestamp=int(time.time()) - 3600)
    old = await client.post(WEBHOOK, content=tampered, headers=_json(SIGNATURE_HEADER, stale))
    assert old.status_code == 400
    unsigned = await client.post(WEBHOOK, content=tampered, headers=_json())
    assert unsigned.status_code == 400
    fresh = signature_header(tampered, secret, timestamp=int(time.time()))
    signed = await client.post(WEBHOOK, content=tampered, headers=_json(SIGNATURE_HEADER, fresh))
    assert signed.status_code == 200  # a genuine event: taken, and it changes nothing settled


async def test_no_card_number_reaches_the_database_or_the_log(
    app: FastAPI, resources: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        await _deliveries_of_a_checkout(app, resources)
    assert VISA not in caplog.text
    dump: list[str] = []
    async with resources.db.engine.connect() as connection:
        metadata = MetaData()
        await connection.run_sync(metadata.reflect)
        for table in metadata.sorted_tables:
            for row in (await connection.execute(select(table))).all():
                dump.extend(str(value) for value in row)
    text = "".join(dump)
    assert "payment_method" in {t.name for t in metadata.sorted_tables}
    assert VISA not in text and "4242 4242" not in text


def _json(*header: str) -> dict[str, str]:
    headers = {"content-type": "application/json"}
    if header:
        headers[header[0]] = header[1]
    return headers
