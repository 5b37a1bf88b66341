"""Checkout quotes every service level per seller; the buyer's choice is charged and recorded."""

from __future__ import annotations

from fastapi import FastAPI

from techmarket.core.resources import Resources
from tests.factories import make_listing, make_seller
from tests.services.orders.shop import ADDRESS, make_buyer


async def test_the_quote_offers_both_levels_and_charges_the_chosen_one(
    app: FastAPI, resources: Resources
) -> None:
    store = await make_seller(resources)
    product = await make_listing(
        resources, store, price=80_000,
        shipping={"weight_grams": 900, "length_mm": 250, "width_mm": 180, "height_mm": 90},
    )  # fmt: skip
    buyer = await make_buyer(app)
    await buyer.add(product)
    plain = await buyer.http.post(
        "/api/v1/checkout/quote", json={"shipping_address": ADDRESS}, headers=buyer.auth()
    )
    assert plain.status_code == 200, plain.text
    seller = plain.json()["sellers"][0]
    options = {option["service"]: option for option in seller["shipping_options"]}
    assert set(options) == {"standard", "express"}
    # 0.9 kg + 0.2 kg packing (the box bills 0.81 kg): 1.5 kg billed, domestic;
    # worth 800.00 > 500.00, so insured at 1 %.
    assert options["standard"]["amount"] == 490 + 50 + 800
    assert options["express"]["amount"] == 990 + 75 + 800
    assert options["standard"]["insured"] and options["express"]["insured"]
    assert options["express"]["estimated_days"][1] < options["standard"]["estimated_days"][1]
    assert seller["shipping_service"] == "standard"
    assert seller["shipping"] == options["standard"]["amount"]

    choice = {"shipping_services": {seller["seller_id"]: "express"}}
    express = await buyer.http.post(
        "/api/v1/checkout/quote", json={"shipping_address": ADDRESS, **choice},
        headers=buyer.auth(),
    )  # fmt: skip
    assert express.status_code == 200, express.text
    chosen = express.json()["sellers"][0]
    assert chosen["shipping_service"] == "express"
    assert chosen["shipping"] == options["express"]["amount"]
    assert express.json()["total"] == 80_000 + options["express"]["amount"]

    wrong = await buyer.http.post(
        "/api/v1/checkout/quote",
        json={"shipping_address": ADDRESS, "shipping_services": {seller["seller_id"]: "teleport"}},
        headers=buyer.auth(),
    )
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"].startswith("shipping_services")

    placed = await buyer.order(**choice)
    assert placed.status_code == 201, placed.text
    order = placed.json()["orders"][0]
    assert order["shipping_service"] == "express"
    assert order["shipping_total"] == options["express"]["amount"]
    assert order["total"] == 80_000 + options["express"]["amount"]
