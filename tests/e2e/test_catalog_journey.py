"""A seller lists a laptop with two pictures; a buyer finds it by a word of its title, filters
by price, opens it and compares it with another laptop (issue 4)."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest
from playwright.async_api import Browser, Locator, Page, expect

from tests.e2e.conftest import ARTIFACTS
from tests.images import jpeg_with_gps

pytestmark = pytest.mark.e2e


def demo_account(data_dir: Path, role: str) -> dict[str, str]:
    accounts: list[dict[str, str]] = json.loads((data_dir / "demo-accounts.json").read_text())
    return next(account for account in accounts if account["role"] == role)


async def sign_in(page: Page, base: str, account: dict[str, str]) -> None:
    await page.goto(f"{base}/sign-in")
    await page.get_by_label("Email").fill(account["email"])
    await page.get_by_label(re.compile(r"^Password")).fill(account["password"])
    await page.get_by_role("button", name="Sign in", exact=True).click()
    await expect(page.get_by_role("button", name=re.compile("Account"))).to_be_visible()


def field(page: Page, label: str) -> Locator:
    """A text field by its label ("Title *" when required), not a section of the same name."""
    return page.get_by_role("textbox", name=re.compile(rf"^{label}( \*)?$"))


async def test_seller_lists_a_laptop_and_a_buyer_finds_and_compares_it(
    browser: Browser, server_url: str, demo_data_dir: Path, tmp_path: Path
) -> None:
    word = "Zephyr" + uuid.uuid4().hex[:6]
    title = f"{word} Aero 14 ultrabook, 16 GB"
    seller_context = await browser.new_context(viewport={"width": 1366, "height": 900})
    page = await seller_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    await sign_in(page, server_url, demo_account(demo_data_dir, "seller"))

    await page.goto(f"{server_url}/selling/new")
    await page.get_by_role("combobox", name=re.compile("^Category")).select_option(
        label="Ultrabooks"
    )
    await field(page, "Processor").fill("Intel Core Ultra 7 155H")
    await field(page, "Title").fill(title)
    await field(page, "Brand").fill("Zephyr")
    await field(page, "Model").fill("Aero 14")
    await field(page, "Description").fill("Light, quiet, with its charger and box.")
    await page.get_by_role("radio", name="Like new").check()
    await field(page, "Price").first.fill("1234")
    await page.get_by_role("button", name="Create listing").click()
    await expect(page.get_by_text("Your listing is created")).to_be_visible()

    pictures = []
    for index in (1, 2):
        path = tmp_path / f"laptop-{index}.jpg"
        path.write_bytes(jpeg_with_gps())
        pictures.append(str(path))
    await page.get_by_label("Choose photos").set_input_files(pictures)
    await page.get_by_role("button", name="Upload 2 photos").click()
    await expect(page.get_by_label("Photo 2 of 2")).to_be_visible()
    await page.screenshot(path=str(ARTIFACTS / "catalog-seller-listing.png"))
    await seller_context.close()

    buyer_context = await browser.new_context(viewport={"width": 390, "height": 844})
    buyer = await buyer_context.new_page()
    buyer.on("pageerror", lambda error: errors.append(str(error)))
    await buyer.goto(f"{server_url}/search?q={word.lower()}")
    await expect(buyer.get_by_role("link", name=re.compile(word)).first).to_be_visible()
    await buyer.goto(f"{server_url}/search?q={word.lower()}&min_price=100000&max_price=150000")
    result = buyer.get_by_role("link", name=re.compile(word)).first
    await expect(result).to_be_visible()
    await buyer.goto(f"{server_url}/search?q={word.lower()}&min_price=200000")
    await expect(buyer.get_by_role("link", name=re.compile(word))).to_have_count(0)

    await buyer.goto(f"{server_url}/search?q={word.lower()}&max_price=150000")
    await buyer.get_by_role("link", name=re.compile(word)).first.click()
    await expect(buyer.get_by_role("heading", name=title)).to_be_visible()
    await expect(buyer.get_by_role("img", name=re.compile(word)).first).to_be_visible()
    await buyer.get_by_role("button", name="Add to compare").click()

    await buyer.goto(f"{server_url}/categories/ultrabooks")
    other = buyer.locator("main a[href^='/products/']").filter(has_not_text=word).first
    other_title = (await other.inner_text()).split("\n")[0]
    await other.click()
    await buyer.get_by_role("button", name="Add to compare").click()
    await buyer.get_by_role("link", name="Compare 2 listings").click()
    table = buyer.get_by_role("table")
    await expect(table).to_be_visible()
    await expect(table.get_by_text(title)).to_be_visible()
    await expect(table.get_by_text(other_title).first).to_be_visible()
    await expect(table.get_by_text("Processor")).to_be_visible()
    await buyer.screenshot(path=str(ARTIFACTS / "catalog-compare-phone.png"))
    await buyer_context.close()
    assert errors == []
