"""Guessing passwords: growing waits per account and per address, never a permanent lock."""

from __future__ import annotations

import datetime as dt

import time_machine
from fastapi import FastAPI

from tests.accounts import client_from, random_address, sign_up


async def test_one_address_guessing_one_account_is_made_to_wait(app: FastAPI) -> None:
    account = await sign_up(app, login=False)
    guesser = client_from(app)
    statuses = []
    for attempt in range(8):
        response = await guesser.post(
            "/api/v1/auth/login", json={"email": account.email, "password": f"guess {attempt}"}
        )
        statuses.append(response.status_code)
    assert statuses[:5] == [401] * 5
    assert statuses[5:] == [429] * 3
    assert 0 < int(response.headers["retry-after"]) <= 60
    assert response.json()["title"] == "Too many requests"
    # Even the right password waits: a locked account's password is not even checked ...
    right = await guesser.post(
        "/api/v1/auth/login", json={"email": account.email, "password": account.password}
    )
    assert right.status_code == 429
    # ... but the lock is temporary.
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=2), tick=True):
        later = await account.http.post(
            "/api/v1/auth/login", json={"email": account.email, "password": account.password}
        )
    assert later.status_code == 200


async def test_many_addresses_cannot_outrun_the_account_limit(app: FastAPI) -> None:
    """200 guesses from 100 addresses: the account's own tiers let only a handful through."""
    account = await sign_up(app, login=False)
    checked = throttled = 0
    for attempt in range(200):
        async with client_from(app, random_address()) as http:
            response = await http.post(
                "/api/v1/auth/login",
                json={"email": account.email, "password": f"distributed guess {attempt}"},
            )
        if response.status_code == 401:
            checked += 1
        else:
            assert response.status_code == 429
            throttled += 1
    assert checked <= 10  # at most 10 guesses per 15 minutes reach the password check
    assert checked + throttled == 200


async def test_one_address_cannot_spray_many_accounts(app: FastAPI) -> None:
    """One wrong guess each at 22 accounts: the address's own limit (20 a minute) stops it."""
    address = random_address()
    victims = [await sign_up(app, login=False) for _ in range(22)]
    statuses = []
    async with client_from(app, address) as sprayer:
        for attempt, victim in enumerate(victims):
            response = await sprayer.post(
                "/api/v1/auth/login", json={"email": victim.email, "password": f"spray {attempt}"}
            )
            statuses.append(response.status_code)
    assert statuses == [401] * 20 + [429] * 2
