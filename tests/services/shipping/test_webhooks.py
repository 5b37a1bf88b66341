"""Carrier webhooks: signed, handled once, and never moving a parcel backwards."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from fastapi import FastAPI

from techmarket.config import Settings
from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from tests.services.shipping.journey import (
    WEBHOOK,
    Sale,
    carrier_event,
    label_event_arrived,
    paid_sale,
    signed,
)


async def _shipped(app: FastAPI, resources: Resources) -> tuple[Sale, str]:
    sale = await paid_sale(app, resources)
    shipped = await sale.ship()
    assert shipped.status_code == 200, shipped.text
    await label_event_arrived(sale)
    return sale, shipped.json()["shipment"]["tracking_number"]


async def _post(sale: Sale, raw: bytes, headers: dict[str, str]) -> Any:
    return await sale.buyer.http.post(WEBHOOK, content=raw, headers=headers)


async def test_unsigned_wrongly_signed_or_old_events_change_nothing(
    app: FastAPI, resources: Resources, settings: Settings
) -> None:
    sale, number = await _shipped(app, resources)
    before = (await sale.tracking()).json()
    raw, headers = signed(settings, carrier_event(number, "delivered"))

    missing = await _post(sale, raw, {"content-type": "application/json"})
    assert missing.status_code == 401
    assert missing.headers["content-type"] == "application/problem+json"
    _, forged = signed(settings, carrier_event(number, "delivered"), secret="whsec_not_the_one")
    assert (await _post(sale, raw, forged)).status_code == 400
    tampered = raw.replace(b'"delivered"', b'"returned_to_sender"')
    assert (await _post(sale, tampered, headers)).status_code == 400
    _, old = signed(settings, carrier_event(number, "delivered"), timestamp=int(time.time()) - 3600)
    stale = await _post(sale, raw, old)
    assert stale.status_code == 400
    assert "old" in stale.json()["detail"]
    unknown = await sale.buyer.http.post(
        "/api/v1/shipping/webhooks/pigeon-post", content=raw, headers=headers
    )
    assert unknown.status_code == 404

    assert (await sale.tracking()).json() == before
    assert (await sale.order_now())["status"] == "shipped"


async def test_the_same_event_twice_enters_the_timeline_once(
    app: FastAPI, resources: Resources, settings: Settings
) -> None:
    sale, number = await _shipped(app, resources)
    event = carrier_event(number, "picked_up")
    first = await _post(sale, *signed(settings, event))
    assert first.status_code == 200, first.text
    assert first.json() == {"received": True, "duplicate": False}
    second = await _post(sale, *signed(settings, event))
    assert second.status_code == 200
    assert second.json() == {"received": True, "duplicate": True}
    tracking = (await sale.tracking()).json()
    assert [e["status"] for e in tracking["events"]] == ["label_created", "picked_up"]
    assert tracking["status"] == "picked_up"


async def test_a_late_event_is_kept_but_never_moves_the_status_back(
    app: FastAPI, resources: Resources, settings: Settings
) -> None:
    sale, number = await _shipped(app, resources)
    now = utcnow()
    # Sent after "delivered", though it happened before (the timeline is by time of event).
    delivered = carrier_event(number, "delivered", occurred_at=now + dt.timedelta(hours=5))
    late = carrier_event(number, "in_transit", occurred_at=now)
    assert (await _post(sale, *signed(settings, delivered))).status_code == 200
    order = await sale.order_now()
    assert order["status"] == "delivered"
    assert order["inspection_ends_at"] is not None
    assert (await _post(sale, *signed(settings, late))).status_code == 200
    tracking = (await sale.tracking()).json()
    assert tracking["status"] == "delivered"
    assert [e["status"] for e in tracking["events"]] == ["label_created", "in_transit", "delivered"]
    order_after = await sale.order_now()
    assert order_after["status"] == "delivered"
    assert order_after["inspection_ends_at"] == order["inspection_ends_at"]
    assert [e["status"] for e in order_after["timeline"]].count("delivered") == 1


async def test_an_event_for_a_parcel_not_known_yet_is_refused_for_a_retry(
    app: FastAPI, resources: Resources, settings: Settings
) -> None:
    sale, _ = await _shipped(app, resources)
    refused = await _post(sale, *signed(settings, carrier_event("TM999999999999", "picked_up")))
    assert refused.status_code == 409
