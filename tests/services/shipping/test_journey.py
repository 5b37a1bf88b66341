"""The sandbox carrier on its own clock: a parcel travels to the buyer (the order becomes
delivered and its inspection window starts), or fails at the door and goes back."""

from __future__ import annotations

import datetime as dt

from fastapi import FastAPI

from techmarket.core.resources import Resources
from techmarket.services.orders import service as orders
from techmarket.services.shipping.sandbox_carrier.simulator import CarrierSimulator
from tests.accounts import sign_up
from tests.services.orders.shop import ADDRESS
from tests.services.shipping.journey import eventually, paid_sale


async def test_the_parcel_travels_and_the_order_is_delivered(
    app: FastAPI, resources: Resources, fast_carrier: CarrierSimulator
) -> None:
    sale = await paid_sale(app, resources)
    shipped = await sale.ship()
    assert shipped.status_code == 200, shipped.text
    assert shipped.json()["shipment"]["service"] == "standard"  # what the buyer paid for

    async def delivered() -> bool:
        # Each step's webhook travels on its own, so the last may overtake the others.
        every_step = len((await sale.tracking()).json()["events"]) == 5
        return every_step and (await sale.order_now())["status"] == "delivered"

    await eventually(delivered, what="delivery")
    order = await sale.order_now()
    tracking = (await sale.tracking()).json()
    assert tracking["status"] == "delivered"
    assert [e["status"] for e in tracking["events"]] == [
        "label_created", "picked_up", "in_transit", "out_for_delivery", "delivered",
    ]  # fmt: skip
    assert tracking["events"][-1]["location"] == ADDRESS["city"]
    delivered_at = dt.datetime.fromisoformat(order["delivered_at"])
    ends = dt.datetime.fromisoformat(order["inspection_ends_at"])
    assert ends - delivered_at == orders.INSPECTION_WINDOW
    assert dt.datetime.fromisoformat(tracking["events"][-1]["occurred_at"]) == delivered_at
    assert order["shipment"]["status"] == "delivered"
    seller_view = await sale.tracking(sale.seller)
    assert seller_view.status_code == 200
    assert seller_view.json() == tracking


async def test_a_failed_delivery_goes_back_to_the_sender(
    app: FastAPI, resources: Resources, fast_carrier: CarrierSimulator
) -> None:
    sale = await paid_sale(app, resources, address={**ADDRESS, "postal_code": "99999"})
    shipped = await sale.ship()
    assert shipped.status_code == 200, shipped.text
    assert shipped.json()["shipment"]["tracking_number"].endswith("EXC")

    async def returned() -> bool:
        tracking = (await sale.tracking()).json()
        return tracking["status"] == "returned_to_sender" and len(tracking["events"]) == 6

    await eventually(returned, what="the return to the sender")
    tracking = (await sale.tracking()).json()
    assert [e["status"] for e in tracking["events"]] == [
        "label_created", "picked_up", "in_transit", "out_for_delivery", "delivery_exception",
        "returned_to_sender",
    ]  # fmt: skip
    order = await sale.order_now()
    assert order["status"] == "shipped"  # not delivered: the buyer may open a dispute
    assert order["inspection_ends_at"] is None


async def test_tracking_is_for_the_buyer_and_the_seller_only(
    app: FastAPI, resources: Resources
) -> None:
    sale = await paid_sale(app, resources)
    not_yet = await sale.tracking()
    assert not_yet.status_code == 404
    assert not_yet.headers["content-type"] == "application/problem+json"
    assert (await sale.ship()).status_code == 200
    assert (await sale.tracking()).status_code == 200
    assert (await sale.tracking(sale.seller)).status_code == 200
    stranger = await sign_up(app)
    assert (await sale.tracking(stranger)).status_code == 404  # type: ignore[arg-type]
    stream = await stranger.http.get(
        f"/api/v1/orders/{sale.id}/tracking/stream", headers=stranger.auth()
    )
    assert stream.status_code == 404
    anonymous = await stranger.http.get(f"/api/v1/orders/{sale.id}/tracking")
    assert anonymous.status_code == 401
