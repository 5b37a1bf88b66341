"""TOTP: set-up, the two-step sign-in, single-use codes, recovery codes, locking, step-up."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyotp
import pytest
import time_machine
from fastapi import FastAPI

from techmarket.core.resources import Resources
from tests.accounts import Account, sign_up


async def enable_totp(account: Account) -> tuple[pyotp.TOTP, list[str]]:
    setup = await account.http.post("/api/v1/auth/mfa/totp/setup", headers=account.auth())
    assert setup.status_code == 200
    body = setup.json()
    assert body["otpauth_uri"].startswith("otpauth://totp/TechMarket:")
    totp = pyotp.TOTP(body["secret"])
    confirmed = await account.http.post(
        "/api/v1/auth/mfa/totp/confirm", json={"code": totp.now()}, headers=account.auth()
    )
    assert confirmed.status_code == 200, confirmed.text
    return totp, confirmed.json()["recovery_codes"]


async def challenge(account: Account) -> str:
    body = await account.login()
    assert body == {"mfa_required": True, "mfa_token": body["mfa_token"]}
    return str(body["mfa_token"])


async def finish(account: Account, token: str, code: str) -> Any:
    return await account.http.post(
        "/api/v1/auth/login/mfa", json={"mfa_token": token, "code": code}
    )


@pytest.fixture
async def mfa_account(app: FastAPI) -> tuple[Account, pyotp.TOTP, list[str]]:
    account = await sign_up(app)
    totp, codes = await enable_totp(account)
    return account, totp, codes


async def test_confirm_needs_the_right_code(app: FastAPI) -> None:
    account = await sign_up(app)
    await account.http.post("/api/v1/auth/mfa/totp/setup", headers=account.auth())
    wrong = await account.http.post(
        "/api/v1/auth/mfa/totp/confirm", json={"code": "000000"}, headers=account.auth()
    )
    assert wrong.status_code == 422  # a wrong code is not a bad token: never 401 here
    assert wrong.json()["errors"][0]["field"] == "code"
    me = await account.http.get("/api/v1/users/me", headers=account.auth())
    assert me.json()["mfa_enabled"] is False


async def test_sign_in_takes_two_steps(mfa_account: tuple[Account, pyotp.TOTP, list[str]]) -> None:
    account, totp, codes = mfa_account
    assert len(codes) == 10
    assert len(set(codes)) == 10
    token = await challenge(account)
    # Next time step: the code used to confirm the set-up cannot be replayed.
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=30), tick=True):
        response = await finish(account, token, totp.now())
    assert response.status_code == 200, response.text
    assert response.json()["expires_in"] == 600


async def test_a_code_works_once(mfa_account: tuple[Account, pyotp.TOTP, list[str]]) -> None:
    account, totp, _ = mfa_account
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=60)
    with time_machine.travel(later, tick=False):
        code = totp.now()
        first = await finish(account, await challenge(account), code)
        replay = await finish(account, await challenge(account), code)
    assert first.status_code == 200
    assert replay.status_code == 401


async def test_recovery_code_works_once(mfa_account: tuple[Account, pyotp.TOTP, list[str]]) -> None:
    account, _, codes = mfa_account
    first = await finish(account, await challenge(account), codes[0].upper())
    assert first.status_code == 200
    again = await finish(account, await challenge(account), codes[0])
    assert again.status_code == 401


async def test_five_wrong_codes_lock_the_challenge(
    mfa_account: tuple[Account, pyotp.TOTP, list[str]],
) -> None:
    account, totp, _ = mfa_account
    token = await challenge(account)
    statuses = [(await finish(account, token, "123456")).status_code for _ in range(5)]
    assert statuses == [401] * 5
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=90), tick=True):
        locked = await finish(account, token, totp.now())
    assert locked.status_code == 422
    assert "start again" in locked.json()["detail"]


async def test_turning_mfa_off_needs_a_code(
    mfa_account: tuple[Account, pyotp.TOTP, list[str]],
) -> None:
    account, _, codes = mfa_account
    refused = await account.http.post(
        "/api/v1/auth/mfa/totp/disable", json={"password": account.password}, headers=account.auth()
    )
    assert refused.status_code == 403
    assert refused.json()["title"] == "Confirm it is you"
    done = await account.http.post(
        "/api/v1/auth/mfa/totp/disable", json={"code": codes[1]}, headers=account.auth()
    )
    assert done.status_code == 204
    assert (await account.login()).get("access_token")


async def test_password_change_needs_step_up_with_mfa(
    mfa_account: tuple[Account, pyotp.TOTP, list[str]],
) -> None:
    account, _, codes = mfa_account
    new_password = account.password + "-and-more"
    body = {"current_password": account.password, "new_password": new_password}
    refused = await account.http.post(
        "/api/v1/auth/password/change", json=body, headers=account.auth()
    )
    assert refused.status_code == 403
    done = await account.http.post(
        "/api/v1/auth/password/change", json={**body, "code": codes[2]}, headers=account.auth()
    )
    assert done.status_code == 204
    account.password = new_password
    assert (await account.login())["mfa_required"] is True


async def test_totp_secret_is_encrypted_at_rest(app: FastAPI, resources: Resources) -> None:
    account = await sign_up(app)
    setup = await account.http.post("/api/v1/auth/mfa/totp/setup", headers=account.auth())
    secret = setup.json()["secret"]
    async with resources.db.engine.connect() as connection:
        rows = (await connection.exec_driver_sql("SELECT totp_secret FROM credential")).all()
    stored = [row[0] for row in rows if row[0]]
    assert stored
    assert all(secret not in value for value in stored)
    assert all(value.startswith("v1.") for value in stored)
