"""Shipping a sale: a label bought from the sandbox carrier (downloadable by the seller only),
or another carrier's number, checked for its format and then tracked by polling."""

from __future__ import annotations

import datetime as dt

from fastapi import FastAPI

from techmarket.core.clock import utcnow
from techmarket.core.resources import Resources
from techmarket.services.shipping import polling
from techmarket.services.shipping.sandbox_carrier.simulator import CarrierSimulator
from tests.accounts import sign_up
from tests.services.shipping.journey import eventually, paid_sale

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def test_the_seller_buys_a_label_and_only_they_download_it(
    app: FastAPI, resources: Resources
) -> None:
    sale = await paid_sale(app, resources)
    shipped = await sale.ship(service="express")
    assert shipped.status_code == 200, shipped.text
    body = shipped.json()
    assert body["status"] == "shipped"
    shipment = body["shipment"]
    assert shipment["carrier"] == "sandbox"
    assert shipment["service"] == "express"
    assert shipment["tracking_number"].startswith("TM")
    assert shipment["label_url"] == f"/api/v1/sales/{sale.id}/label"
    assert shipment["tracking_url"].endswith(
        f"/sandbox/carrier/track/{shipment['tracking_number']}"
    )
    assert shipment["status"] == "label_created"
    assert shipment["estimated_delivery"] is not None
    assert shipment["tracking_number"] in body["timeline"][-1]["note"]

    label = await sale.seller.http.get(shipment["label_url"], headers=sale.seller.auth())
    assert label.status_code == 200
    assert label.headers["content-type"] == "image/png"
    assert label.content.startswith(PNG_SIGNATURE)
    assert "attachment" in label.headers["content-disposition"]
    assert label.headers["cache-control"] == "private, no-store"
    buyer_try = await sale.buyer.http.get(shipment["label_url"], headers=sale.buyer.auth())
    assert buyer_try.status_code == 404
    stranger = await sign_up(app)
    assert (
        await stranger.http.get(shipment["label_url"], headers=stranger.auth())
    ).status_code == 404

    again = await sale.ship()
    assert again.status_code == 409
    sale_view = await sale.seller.http.get(f"/api/v1/sales/{sale.id}", headers=sale.seller.auth())
    assert sale_view.json()["shipment"]["tracking_number"] == shipment["tracking_number"]
    assert (await sale.order_now())["shipment"]["id"] == shipment["id"]


async def test_another_carriers_number_is_checked_then_polled(
    app: FastAPI, resources: Resources, fast_carrier: CarrierSimulator
) -> None:
    sale = await paid_sale(app, resources)
    wrong = await sale.ship(carrier="ups", tracking_number="12345")
    assert wrong.status_code == 422
    assert wrong.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in wrong.json()["errors"]] == ["tracking_number"]
    assert "1Z999AA10123456784" in wrong.json()["detail"]
    unknown = await sale.ship(carrier="pigeon", tracking_number="1Z999AA10123456784")
    assert unknown.status_code == 422
    assert [e["field"] for e in unknown.json()["errors"]] == ["carrier"]
    assert (await sale.order_now())["status"] == "paid"  # nothing happened

    shipped = await sale.ship(carrier="UPS", tracking_number="1z 999 aa1 0123456784")
    assert shipped.status_code == 200, shipped.text
    shipment = shipped.json()["shipment"]
    assert shipment["carrier"] == "ups"
    assert shipment["tracking_number"] == "1Z999AA10123456784"
    assert shipment["tracking_url"] == "https://www.ups.com/track?tracknum=1Z999AA10123456784"
    assert shipment["label_url"] is None
    no_label = await sale.seller.http.get(
        f"/api/v1/sales/{sale.id}/label", headers=sale.seller.auth()
    )
    assert no_label.status_code == 404

    await polling.drain()  # the first poll, right after the commit
    first = (await sale.tracking()).json()
    assert [event["status"] for event in first["events"]][:1] == ["label_created"]

    async def delivered() -> bool:
        await polling.sweep(resources, now=_later())
        return (await sale.order_now())["status"] == "delivered"

    await eventually(delivered, what="the polled parcel's delivery")
    tracking = (await sale.tracking()).json()
    assert tracking["status"] == "delivered"
    assert [event["status"] for event in tracking["events"]] == [
        "label_created", "picked_up", "in_transit", "out_for_delivery", "delivered",
    ]  # fmt: skip
    polled_again = await polling.sweep(resources, now=_later())
    assert polled_again == 0 or (await sale.tracking()).json()["events"] == tracking["events"]


def _later() -> dt.datetime:
    """A sweep's `now` past every poll interval, so each parcel on its way is due."""
    return utcnow() + dt.timedelta(hours=1)
