"""A buyer watches their parcel move on the tracking page: "in transit", then "delivered",
pushed live while the sandbox carrier advances it, without reloading the page (issue 6)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_catalog_journey import demo_account, sign_in

pytestmark = pytest.mark.e2e

ADDRESS = {
    "name": "Ada Lovelace",
    "line1": "Unter den Linden 1",
    "city": "Berlin",
    "postal_code": "10117",
    "country": "DE",
}


async def _token(http: httpx.AsyncClient, account: dict[str, str]) -> dict[str, str]:
    signed_in = await http.post(
        "/api/v1/auth/login", json={"email": account["email"], "password": account["password"]}
    )
    assert signed_in.status_code == 200, signed_in.text
    return {"authorization": f"Bearer {signed_in.json()['access_token']}"}


async def _sellers_listing(http: httpx.AsyncClient, seller: dict[str, str]) -> dict[str, Any]:
    mine = await http.get("/api/v1/products/mine", headers=seller, params={"limit": 100})
    assert mine.status_code == 200, mine.text
    for item in mine.json()["items"]:
        detail: dict[str, Any] = (await http.get(f"/api/v1/products/{item['id']}")).json()
        if detail["status"] == "active" and detail["quantity"] >= 1 and not detail["options"]:
            return detail
    raise AssertionError("the demo seller has no listing to sell")


async def _paid_order(http: httpx.AsyncClient, buyer: dict[str, str], product_id: str) -> str:
    added = await http.post(
        "/api/v1/cart/items", json={"product_id": product_id, "quantity": 1}, headers=buyer
    )
    assert added.status_code == 201, added.text
    card = {"number": "4242424242424242", "exp_month": 12, "exp_year": 2040, "cvc": "123"}
    token = (await http.post("/sandbox/payments/tokens", json=card)).json()["token"]
    method = await http.post(
        "/api/v1/payments/methods", json={"provider": "sandbox", "token": token}, headers=buyer
    )
    assert method.status_code == 201, method.text
    placed = await http.post(
        "/api/v1/orders",
        json={"payment_method_id": method.json()["id"], "shipping_address": ADDRESS},
        headers={**buyer, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert placed.status_code in {200, 201, 202}, placed.text
    for _ in range(100):  # the sandbox's webhook settles the payment within a second or two
        orders = (await http.get("/api/v1/orders", headers=buyer)).json()["items"]
        paid = [o for o in orders if o["status"] == "paid"]
        if paid:
            order_id: str = paid[0]["id"]
            return order_id
        await http.get("/healthz")
    raise AssertionError("the order was not paid")


async def test_the_tracking_page_shows_the_parcel_moving_live(
    browser: Browser, server_url: str, demo_data_dir: Path
) -> None:
    email = f"tracker-{uuid.uuid4().hex[:8]}@example.com"
    password = f"Harbour-{uuid.uuid4().hex[:8]}-Lantern-42"
    async with httpx.AsyncClient(base_url=server_url, timeout=20) as http:
        registered = await http.post(
            "/api/v1/auth/register",
            json={"email": email, "password": password, "display_name": "Tracy Parcel"},
        )
        assert registered.status_code == 201, registered.text
        buyer = await _token(http, {"email": email, "password": password})
        seller = await _token(http, demo_account(demo_data_dir, "seller"))
        listing = await _sellers_listing(http, seller)
        order_id = await _paid_order(http, buyer, listing["id"])

        phone = await browser.new_context(viewport={"width": 390, "height": 844})
        page = await phone.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        await sign_in(page, server_url, {"email": email, "password": password})
        shipped = await http.post(f"/api/v1/sales/{order_id}/ship", json={}, headers=seller)
        assert shipped.status_code == 200, shipped.text
        await page.goto(f"{server_url}/orders/{order_id}/tracking")
        await expect(page.get_by_role("heading", name="Track your parcel")).to_be_visible()
        await page.evaluate("window.__sameDocument = true")

    status = page.locator("p").filter(has_text=re.compile(r"^Status: "))
    # The sandbox carrier moves a parcel every 3 s in this server (conftest): in transit
    # comes after about 6 s, delivered after about 12 s, each pushed by the stream.
    await expect(status).to_have_text(re.compile("In transit"), timeout=20_000)
    await page.screenshot(path=str(ARTIFACTS / "tracking-in-transit-phone.png"))
    await expect(status).to_have_text(re.compile("Delivered"), timeout=30_000)
    assert await page.evaluate("window.__sameDocument === true"), "the page was reloaded"
    timeline = page.get_by_role("list", name="Tracking history")
    await expect(timeline.get_by_text("Delivered").first).to_be_visible()
    await page.screenshot(path=str(ARTIFACTS / "tracking-delivered-phone.png"))
    await phone.close()
    assert errors == []
