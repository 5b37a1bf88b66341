"""Signing up and in through the real API, each test from an address of its own.

Brute-force limits count per client address, so every helper client gets a fresh one.
"""

from __future__ import annotations

import random
import re
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI

from techmarket.core.resources import Resources


def random_address() -> str:
    return f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


def client_from(app: FastAPI, address: str | None = None) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address or random_address(), 50_000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


def strong_password() -> str:
    return f"Quiet-{uuid.uuid4().hex[:10]}-Harbour-{random.randint(100, 999)}"


@dataclass
class Account:
    email: str
    password: str
    display_name: str
    user_id: str
    http: httpx.AsyncClient
    access_token: str = ""
    refresh_token: str = ""

    def auth(self, token: str | None = None) -> dict[str, str]:
        return {"authorization": f"Bearer {token or self.access_token}"}

    async def login(self) -> dict[str, Any]:
        response = await self.http.post(
            "/api/v1/auth/login", json={"email": self.email, "password": self.password}
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        if "access_token" in body:
            self.access_token, self.refresh_token = body["access_token"], body["refresh_token"]
        return body


async def sign_up(app: FastAPI, *, login: bool = True) -> Account:
    http = client_from(app)
    email = f"user-{uuid.uuid4().hex[:12]}@example.com"
    password = strong_password()
    response = await http.post(
        "/api/v1/auth/register",
        json={"email": email, "password": password, "display_name": "Robin Tester"},
    )
    assert response.status_code == 201, response.text
    account = Account(email, password, "Robin Tester", response.json()["id"], http)
    if login:
        await account.login()
    return account


def last_link(resources: Resources, to: str, path: str) -> str:
    """The token of the newest `path?token=…` link mailed to `to` (read from the outbox)."""
    for message in reversed(resources.mailer.messages()):  # type: ignore[attr-defined]
        if message["To"] == to:
            body = message.get_body(preferencelist=("plain",))
            text = body.get_content() if body else ""
            found = re.search(rf"{re.escape(path)}\?token=([A-Za-z0-9_\-]+)", text)
            if found:
                return found.group(1)
    raise AssertionError(f"no {path} link mailed to {to}")
