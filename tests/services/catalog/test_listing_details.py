"""What a listing says about the device: specs by category, condition checklist, serial, parcel."""

from __future__ import annotations

import uuid

from fastapi import FastAPI
from sqlalchemy import select

from techmarket.core.resources import Resources
from techmarket.services.catalog.models import Product
from tests.accounts import sign_up
from tests.factories import category_id
from tests.services.admin.test_roles import make_admin
from tests.services.catalog.test_selling import listing, make_seller_account

PRODUCTS = "/api/v1/products"
VALID_IMEI = "490154203237518"  # a well-formed IMEI (its Luhn check digit matches)


async def test_listing_form_gives_the_category_fields_and_checklist(app: FastAPI) -> None:
    visitor = await sign_up(app, login=False)
    form = (await visitor.http.get("/api/v1/categories/smartphones/listing-form")).json()
    fields = {field["name"]: field for field in form["fields"]}
    assert form["category"]["slug"] == "smartphones"
    assert fields["carrier_lock"]["type"] == "choice"
    assert "unlocked" in fields["carrier_lock"]["choices"]
    assert fields["battery_health_pct"]["unit"] == "%"
    assert fields["battery_health_pct"]["maximum"] == 100
    assert "powers_on" in {item["key"] for item in form["checklist"]}
    gpu = (await visitor.http.get("/api/v1/categories/gpus/listing-form")).json()
    assert {"chipset", "vram_gb"} <= {field["name"] for field in gpu["fields"]}
    assert "carrier_lock" not in {field["name"] for field in gpu["fields"]}
    unknown = await visitor.http.get("/api/v1/categories/toasters/listing-form")
    assert unknown.status_code == 404


async def test_specs_are_checked_against_the_category(app: FastAPI, resources: Resources) -> None:
    seller = await make_seller_account(app, resources)
    wrong = await seller.http.post(
        PRODUCTS,
        json=listing(
            specs={
                "storage_gb": "lots",
                "battery_health_pct": 140,
                "carrier_lock": "maybe",
                "warp_drive": True,
            }
        ),
        headers=seller.auth(),
    )
    assert wrong.status_code == 422, wrong.text
    fields = {error["field"] for error in wrong.json()["errors"]}
    assert fields == {
        "specs.storage_gb",
        "specs.battery_health_pct",
        "specs.carrier_lock",
        "specs.warp_drive",
    }
    missing = await seller.http.post(
        PRODUCTS, json=listing(specs={"storage_gb": 128}), headers=seller.auth()
    )
    assert missing.status_code == 422
    assert [e["field"] for e in missing.json()["errors"]] == ["specs.carrier_lock"]
    fine = await seller.http.post(
        PRODUCTS,
        json=listing(specs={"storage_gb": 128, "carrier_lock": "UNLOCKED", "5g": True}),
        headers=seller.auth(),
    )
    assert fine.status_code == 201, fine.text
    body = fine.json()
    assert body["specs"]["carrier_lock"] == "unlocked"  # the schema's spelling
    rows = {row["name"]: row for row in body["specifications"]}
    assert rows["storage_gb"]["label"] == "Storage" and rows["storage_gb"]["unit"] == "GB"
    # Moving the listing to a category whose schema does not fit its specs is refused.
    moved = await seller.http.patch(
        f"{PRODUCTS}/{body['id']}",
        json={"category_id": str(category_id("gpus"))},
        headers=seller.auth(),
    )
    assert moved.status_code == 422
    assert "specs.chipset" in {e["field"] for e in moved.json()["errors"]}


async def test_condition_checklist_and_notes_are_shown(app: FastAPI, resources: Resources) -> None:
    seller = await make_seller_account(app, resources)
    unknown_item = await seller.http.post(
        PRODUCTS, json=listing(checklist={"teleports": True}), headers=seller.auth()
    )
    assert unknown_item.status_code == 422
    assert unknown_item.json()["errors"][0]["field"] == "checklist.teleports"
    created = await seller.http.post(
        PRODUCTS,
        json=listing(
            checklist={"powers_on": True, "screen_ok": False},
            cosmetic_notes="Hairline scratch on the back glass.",
        ),
        headers=seller.auth(),
    )
    assert created.status_code == 201, created.text
    public = (await seller.http.get(f"{PRODUCTS}/{created.json()['id']}")).json()
    assert public["cosmetic_notes"] == "Hairline scratch on the back glass."
    answers = {item["key"]: item for item in public["checklist"]}
    assert answers["powers_on"]["passed"] is True
    assert answers["screen_ok"]["passed"] is False
    assert answers["powers_on"]["label"].startswith("Powers on")
    assert set(answers) == {"powers_on", "screen_ok"}


async def test_serial_is_hashed_masked_and_counted(app: FastAPI, resources: Resources) -> None:
    first, second = (
        await make_seller_account(app, resources),
        await make_seller_account(app, resources),
    )
    bad = await first.http.post(
        PRODUCTS, json=listing(serial_number="490154203237519"), headers=first.auth()
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "serial_number"
    earlier = await first.http.post(
        PRODUCTS, json=listing(serial_number=VALID_IMEI), headers=first.auth()
    )
    assert earlier.status_code == 201, earlier.text
    assert earlier.json()["device"] == {"serial_masked": "••••••••7518", "history_count": 0}
    again = await second.http.post(
        PRODUCTS, json=listing(serial_number="4901 5420 3237 518"), headers=second.auth()
    )
    assert again.json()["device"]["history_count"] == 1  # the same device, spaced differently
    async with resources.db.unit_of_work(write=False) as session:
        stored = await session.scalar(
            select(Product).where(Product.id == uuid.UUID(again.json()["id"]))
        )
        assert stored is not None and stored.device_hash is not None
        assert VALID_IMEI not in stored.device_hash and stored.serial_last4 == "7518"
    cleared = await second.http.patch(
        f"{PRODUCTS}/{again.json()['id']}", json={"serial_number": None}, headers=second.auth()
    )
    assert cleared.json()["device"] is None


async def test_stolen_devices_cannot_be_listed(app: FastAPI, resources: Resources) -> None:
    admin, seller, member = (
        await make_admin(app, resources),
        await make_seller_account(app, resources),
        await sign_up(app),
    )
    serial = f"SN-{uuid.uuid4().hex[:12].upper()}"
    body = {"serial_number": serial.lower(), "note": "Reported by police case 12/345"}
    forbidden = await member.http.post(
        "/api/v1/admin/stolen-devices", json=body, headers=member.auth()
    )
    assert forbidden.status_code == 403
    reported = await admin.http.post(
        "/api/v1/admin/stolen-devices", json=body, headers=admin.auth()
    )
    assert reported.status_code == 201, reported.text
    assert reported.json()["serial_masked"].endswith(serial[-4:])
    twice = await admin.http.post("/api/v1/admin/stolen-devices", json=body, headers=admin.auth())
    assert twice.status_code == 422
    refused = await seller.http.post(
        PRODUCTS, json=listing(serial_number=serial), headers=seller.auth()
    )
    assert refused.status_code == 422
    assert refused.json()["type"].endswith("stolen-device")
    assert refused.json()["errors"][0]["field"] == "serial_number"
    # An existing listing cannot be switched to the stolen serial either.
    created = await seller.http.post(PRODUCTS, json=listing(), headers=seller.auth())
    switched = await seller.http.patch(
        f"{PRODUCTS}/{created.json()['id']}", json={"serial_number": serial}, headers=seller.auth()
    )
    assert switched.status_code == 422
    listed = await admin.http.get("/api/v1/admin/stolen-devices", headers=admin.auth())
    ids = [item["id"] for item in listed.json()["items"]]
    assert reported.json()["id"] in ids
    removed = await admin.http.delete(
        f"/api/v1/admin/stolen-devices/{reported.json()['id']}", headers=admin.auth()
    )
    assert removed.status_code == 204
    allowed = await seller.http.post(
        PRODUCTS, json=listing(serial_number=serial), headers=seller.auth()
    )
    assert allowed.status_code == 201


async def test_parcel_size_is_kept_and_validated(app: FastAPI, resources: Resources) -> None:
    seller = await make_seller_account(app, resources)
    parcel = {"weight_grams": 420, "length_mm": 200, "width_mm": 120, "height_mm": 60}
    created = await seller.http.post(PRODUCTS, json=listing(shipping=parcel), headers=seller.auth())
    assert created.status_code == 201, created.text
    assert created.json()["shipping"] == parcel
    wrong = await seller.http.post(
        PRODUCTS, json=listing(shipping={**parcel, "weight_grams": 0}), headers=seller.auth()
    )
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "shipping.weight_grams"
    cleared = await seller.http.patch(
        f"{PRODUCTS}/{created.json()['id']}", json={"shipping": None}, headers=seller.auth()
    )
    assert cleared.json()["shipping"] is None
