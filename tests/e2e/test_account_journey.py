"""A person's first day: sign up, verify the email from the outbox, sign in, turn on two-step
sign-in, sign out, and sign in again with a code from the authenticator app."""

from __future__ import annotations

import asyncio
import email
import re
import time
import uuid
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pyotp
import pytest
from playwright.async_api import Browser, Page, expect

from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e

PASSWORD_LABEL = re.compile(r"^Password")  # "Password *" when required; not "Show password"
PASSWORD = f"Lantern-{uuid.uuid4().hex[:8]}-Orchard-42"


def _mailed_link(outbox: Path, to: str, path: str) -> str:
    for file in sorted(outbox.glob("*.eml"), reverse=True):
        message = email.message_from_bytes(file.read_bytes(), policy=default)
        assert isinstance(message, EmailMessage)
        if message["To"] == to:
            body = message.get_body(preferencelist=("plain",))
            found = re.search(
                rf"https?://[^\s]+{re.escape(path)}\?token=[\w\-]+",
                body.get_content() if body else "",
            )
            if found:
                return found.group(0)
    raise AssertionError(f"no {path} link mailed to {to}")


async def _sign_in(page: Page, base: str, address: str) -> None:
    await page.goto(f"{base}/sign-in")
    await page.get_by_label("Email").fill(address)
    await page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    await page.get_by_role("button", name="Sign in", exact=True).click()


async def _fresh_totp(totp: pyotp.TOTP, used: set[str]) -> str:
    """A code from a time step not used yet: TechMarket accepts each code once."""
    while (code := totp.now()) in used:  # noqa: ASYNC110 - waiting for the clock, not an event
        await asyncio.sleep(30 - time.time() % 30 + 0.5)
    used.add(code)
    return code


async def test_sign_up_verify_enable_mfa_and_sign_in_with_a_code(
    browser: Browser, server_url: str, demo_data_dir: Path
) -> None:
    address = f"journey-{uuid.uuid4().hex[:8]}@example.com"
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    page = await context.new_page()

    await page.goto(f"{server_url}/sign-up")
    await page.get_by_label("Email").fill(address)
    await page.get_by_label("Display name").fill("Morgan Journey")
    await page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    await page.get_by_role("button", name="Create account").click()
    await expect(
        page.get_by_role("heading", name="Check your email to verify your address")
    ).to_be_visible()

    link = _mailed_link(demo_data_dir / "outbox", address, "/verify-email")
    assert link.startswith(server_url)
    await page.goto(link)
    await expect(page.get_by_role("heading", name="Your email address is verified")).to_be_visible()

    await _sign_in(page, server_url, address)
    account_button = page.get_by_role("button", name="Account: Morgan Journey")
    await expect(account_button).to_be_visible()

    await page.goto(f"{server_url}/account?tab=security")
    await page.get_by_role("button", name="Set up two-step sign-in").click()
    await expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    secret = re.sub(r"\s+", "", await page.get_by_label("Setup key").inner_text())
    totp, used = pyotp.TOTP(secret), set[str]()
    await page.get_by_label("Code from the app").fill(await _fresh_totp(totp, used))
    await page.get_by_role("button", name="Turn on").click()
    codes = page.get_by_label("Recovery codes")
    await expect(codes).to_be_visible()
    assert len(re.findall(r"[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}", await codes.inner_text())) == 10
    await page.screenshot(path=str(ARTIFACTS / "account-recovery-codes-phone.png"), full_page=True)
    await page.get_by_role("button", name="I have saved my codes").click()

    await account_button.click()
    await page.get_by_role("menuitem", name="Sign out").click()
    await expect(
        page.get_by_role("link", name="Sign in")
        .or_(page.get_by_role("button", name="Sign in"))
        .first
    ).to_be_visible()

    await _sign_in(page, server_url, address)
    await page.get_by_label("6-digit code").fill(await _fresh_totp(totp, used))
    await page.get_by_role("button", name="Verify").click()
    await expect(page.get_by_role("button", name="Account: Morgan Journey")).to_be_visible()
    await page.screenshot(path=str(ARTIFACTS / "signed-in-after-mfa-phone.png"))
    await context.close()
