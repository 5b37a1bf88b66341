"""A buyer puts two listings of two sellers in the cart, pays with 4242…, and sees two orders;
another buyer's card 4000…0002 is declined with a clear message (issue 5)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, Page, expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_catalog_journey import demo_account, field, sign_in

pytestmark = pytest.mark.e2e


async def _two_listings_of_two_sellers(base: str) -> list[dict[str, Any]]:
    """Cheap EUR listings without options, from two different stores."""
    async with httpx.AsyncClient() as http:
        found = (
            await http.get(f"{base}/api/v1/products", params={"sort": "price_asc", "limit": 100})
        ).json()["items"]
        chosen: dict[str, dict[str, Any]] = {}
        for item in found:
            if item["currency"] != "EUR" or item["seller"]["id"] in chosen:
                continue
            detail = (await http.get(f"{base}/api/v1/products/{item['id']}")).json()
            if not detail["options"] and detail["quantity"] >= 1:
                chosen[item["seller"]["id"]] = detail
            if len(chosen) == 2:
                return list(chosen.values())
    raise AssertionError("the demo data has no two cheap EUR listings from two stores")


async def _another_listing(http: httpx.AsyncClient, base: str, taken: set[str]) -> dict[str, Any]:
    listed = (await http.get(f"{base}/api/v1/products", params={"limit": 50})).json()["items"]
    for item in listed:
        if item["currency"] != "EUR" or item["id"] in taken:
            continue
        detail: dict[str, Any] = (await http.get(f"{base}/api/v1/products/{item['id']}")).json()
        if not detail["options"]:
            return detail
    raise AssertionError("no EUR listing without options left")


async def _add_to_cart(page: Page, base: str, listing: dict[str, Any]) -> None:
    await page.goto(f"{base}/products/{listing['id']}")
    await expect(page.get_by_role("heading", name=listing["title"])).to_be_visible()
    await page.get_by_role("button", name="Add to cart").click()
    await expect(page.get_by_role("link", name=re.compile(r"^Cart, [1-9]"))).to_be_visible()


async def _pay(page: Page, base: str, card: str, express_from: str | None = None) -> None:
    await page.goto(f"{base}/cart")
    await page.get_by_role("link", name="Check out").click()
    await field(page, "Full name").fill("Grace Hopper")
    await field(page, "Address line 1").fill("Hauptstraße 5")
    await field(page, "Postal code").fill("10115")
    await field(page, "City").fill("Berlin")
    country = page.get_by_role("combobox", name=re.compile("^Country"))
    await country.fill("Germany")
    await page.get_by_role("option", name=re.compile("Germany")).first.click()
    await page.get_by_role("button", name="Use this address").click()
    if express_from is not None:  # the parcel of this store goes express
        group = page.get_by_role("group", name=f"Shipping from {express_from}")
        await group.get_by_role("radio", name=re.compile("^Express")).check()
        await expect(group.get_by_role("radio", name=re.compile("^Express"))).to_be_checked()
        await page.screenshot(path=str(ARTIFACTS / "checkout-shipping-choice.png"))
    await field(page, "Card number").fill(card)
    await field(page, "Expiry month").fill("12")
    await field(page, "Expiry year").fill("2040")
    await field(page, re.escape("Security code (CVC)")).fill("123")
    await page.get_by_role("button", name=re.compile(r"^Pay ")).click()


async def test_two_sellers_pay_once_and_a_declined_card_is_explained(
    browser: Browser, server_url: str, demo_data_dir: Path
) -> None:
    first, second = await _two_listings_of_two_sellers(server_url)
    context = await browser.new_context(viewport={"width": 1366, "height": 900})
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    card_requests: list[str] = []
    page.on(
        "request",
        lambda request: (
            card_requests.append(request.url)
            if request.post_data and "4242424242424242" in request.post_data.replace(" ", "")
            else None
        ),
    )
    await sign_in(page, server_url, demo_account(demo_data_dir, "buyer"))
    await _add_to_cart(page, server_url, first)
    await _add_to_cart(page, server_url, second)
    await _pay(page, server_url, "4242 4242 4242 4242", express_from=first["seller"]["store_name"])
    await expect(
        page.get_by_role("heading", name=re.compile("your order is placed"))
    ).to_be_visible(timeout=20_000)
    orders = page.get_by_role("list", name="Your new orders").get_by_role("listitem")
    await expect(orders.filter(has_text=first["seller"]["store_name"])).to_have_count(1)
    await expect(orders.filter(has_text=second["seller"]["store_name"])).to_have_count(1)
    await page.screenshot(path=str(ARTIFACTS / "checkout-paid.png"))
    assert card_requests and all("/sandbox/payments/tokens" in url for url in card_requests)
    await page.goto(f"{server_url}/account/orders")
    await expect(page.get_by_text(first["title"]).first).to_be_visible()
    await expect(page.get_by_text(second["title"]).first).to_be_visible()
    buyer = demo_account(demo_data_dir, "buyer")
    async with httpx.AsyncClient(base_url=server_url) as http:
        signed_in = await http.post(
            "/api/v1/auth/login", json={"email": buyer["email"], "password": buyer["password"]}
        )
        token = {"authorization": f"Bearer {signed_in.json()['access_token']}"}
        orders = (await http.get("/api/v1/orders", headers=token)).json()["items"]
    placed = [order for order in orders if order["checkout_id"] == orders[0]["checkout_id"]]
    speeds = {order["seller"]["store_name"]: order["shipping_service"] for order in placed}
    assert speeds == {
        first["seller"]["store_name"]: "express",
        second["seller"]["store_name"]: "standard",
    }
    await context.close()

    email = f"declined-{uuid.uuid4().hex[:8]}@example.com"
    password = f"Quartz-{uuid.uuid4().hex[:8]}-Meadow-77"
    async with httpx.AsyncClient() as http:
        registered = await http.post(
            f"{server_url}/api/v1/auth/register",
            json={"email": email, "password": password, "display_name": "Dev Clined"},
        )
        assert registered.status_code == 201, registered.text
        third = await _another_listing(http, server_url, {first["id"], second["id"]})
    phone = await browser.new_context(viewport={"width": 390, "height": 844})
    page = await phone.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    await sign_in(page, server_url, {"email": email, "password": password})
    await _add_to_cart(page, server_url, third)
    await _pay(page, server_url, "4000 0000 0000 0002")
    await expect(page.get_by_text(re.compile("declined"))).to_be_visible(timeout=20_000)
    await page.screenshot(path=str(ARTIFACTS / "checkout-declined-phone.png"))
    async with httpx.AsyncClient() as http:
        still = (await http.get(f"{server_url}/api/v1/products/{third['id']}")).json()
    assert still["status"] == "active" and still["quantity"] == third["quantity"]
    await phone.close()
    assert errors == []
