"""The home page shows the demo marketplace, on a desktop and on a phone."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, expect

from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e


async def _get(url: str) -> Any:
    async with httpx.AsyncClient() as http:
        response = await http.get(url)
        response.raise_for_status()
        return response.json()


VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("device", list(VIEWPORTS))
async def test_home_page_shows_featured_demo_products(
    browser: Browser, server_url: str, device: str
) -> None:
    featured = (await _get(f"{server_url}/api/v1/products/featured"))["items"]
    assert len(featured) >= 8
    context = await browser.new_context(viewport=VIEWPORTS[device])  # type: ignore[arg-type]
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    await page.goto(server_url)

    await expect(page.get_by_role("heading", name="Featured")).to_be_visible()
    first_title = featured[0]["title"]
    await expect(page.get_by_text(first_title).first).to_be_visible()
    product_links = page.locator("main a[href^='/products/']")
    assert await product_links.count() >= 8
    await expect(page.get_by_role("img", name=first_title).first).to_be_visible()

    # Nothing sticks out sideways on a narrow screen.
    overflow = await page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    await page.screenshot(path=str(ARTIFACTS / f"home-{device}.png"), full_page=False)
    assert errors == []
    await context.close()


async def test_search_box_leads_to_results(browser: Browser, server_url: str) -> None:
    context = await browser.new_context(viewport=VIEWPORTS["desktop"])  # type: ignore[arg-type]
    page = await context.new_page()
    await page.goto(server_url)
    search = page.get_by_label("Search TechMarket")
    await search.fill("iPhone")
    await search.press("Enter")
    await expect(page).to_have_url(f"{server_url}/search?q=iPhone")
    await expect(page.get_by_role("heading", name="Results for “iPhone”")).to_be_visible()
    results = page.locator("main a[href^='/products/']")
    await expect(results.first).to_be_visible()
    titles = await results.all_inner_texts()
    assert len(titles) >= 5
    assert all("iphone" in title.lower() for title in titles), titles
    await page.screenshot(path=str(ARTIFACTS / "search-iphone.png"))
    await context.close()


async def test_product_page_shows_specs(browser: Browser, server_url: str) -> None:
    item = (await _get(f"{server_url}/api/v1/products/featured"))["items"][0]
    detail = await _get(f"{server_url}/api/v1/products/{item['id']}")
    context = await browser.new_context(viewport=VIEWPORTS["phone"])  # type: ignore[arg-type]
    page = await context.new_page()
    await page.goto(f"{server_url}/products/{item['id']}")
    await expect(page.get_by_role("heading", name=detail["title"])).to_be_visible()
    table = page.get_by_role("table")
    await expect(table).to_be_visible()
    first_spec_value = str(next(iter(detail["specs"].values())))
    await expect(table).to_contain_text(first_spec_value)
    await page.screenshot(path=str(ARTIFACTS / "product-phone.png"), full_page=True)
    await context.close()
