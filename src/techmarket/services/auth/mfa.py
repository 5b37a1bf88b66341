"""TOTP second factor (RFC 6238 via pyotp) with single-use codes and recovery codes."""

from __future__ import annotations

import datetime as dt
import uuid

import pyotp
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.services.auth.errors import MfaAlreadyEnabled, MfaNotSetUp
from techmarket.services.auth.models import Credential, RecoveryCode
from techmarket.services.auth.schemas import TotpSetup
from techmarket.services.auth.secrets_at_rest import (
    digest,
    new_recovery_code,
    normalize_recovery_code,
)

ISSUER = "TechMarket"
RECOVERY_CODES = 10
STEP_SECONDS = 30
VALID_WINDOW = 1  # one step either side absorbs clock drift of phones


def begin_setup(credential: Credential, email: str) -> TotpSetup:
    if credential.totp_enabled_at is not None:
        raise MfaAlreadyEnabled("Turn two-step sign-in off before setting it up again.")
    secret = pyotp.random_base32()
    credential.totp_secret = secret
    credential.totp_last_step = None
    uri = pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)
    return TotpSetup(secret=secret, otpauth_uri=uri)


def accept_totp(credential: Credential, code: str, now: dt.datetime | None = None) -> bool:
    """True for a correct code not used before; the step it matched can never be used again."""
    if credential.totp_secret is None or not code.isdigit() or len(code) != 6:
        return False
    totp = pyotp.TOTP(credential.totp_secret)
    moment = now or utcnow()
    current = int(moment.timestamp()) // STEP_SECONDS
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if totp.at(step * STEP_SECONDS) == code:
            if credential.totp_last_step is not None and step <= credential.totp_last_step:
                return False  # a replay of this code or an older one
            credential.totp_last_step = step
            return True
    return False


async def confirm(session: AsyncSession, credential: Credential, code: str) -> list[str] | None:
    """Turn TOTP on when the code proves the app has the secret; returns the recovery codes."""
    if credential.totp_secret is None:
        raise MfaNotSetUp("Start the set-up first.")
    if credential.totp_enabled_at is not None:
        raise MfaAlreadyEnabled("Two-step sign-in is on already.")
    if not accept_totp(credential, code):
        return None
    credential.totp_enabled_at = utcnow()
    return await replace_recovery_codes(session, credential.user_id)


async def replace_recovery_codes(session: AsyncSession, user_id: uuid.UUID) -> list[str]:
    await session.execute(
        update(RecoveryCode)
        .where(RecoveryCode.user_id == user_id, RecoveryCode.used_at.is_(None))
        .values(used_at=utcnow())
    )
    codes = [new_recovery_code() for _ in range(RECOVERY_CODES)]
    session.add_all(RecoveryCode(user_id=user_id, code_hash=digest(code)) for code in codes)
    await session.flush()
    return codes


async def accept_recovery_code(session: AsyncSession, user_id: uuid.UUID, code: str) -> bool:
    found = await session.scalar(
        select(RecoveryCode).where(
            RecoveryCode.user_id == user_id,
            RecoveryCode.code_hash == digest(normalize_recovery_code(code)),
            RecoveryCode.used_at.is_(None),
        )
    )
    if found is None:
        return False
    found.used_at = utcnow()
    return True


async def accept_any(session: AsyncSession, credential: Credential, code: str) -> bool:
    """A TOTP code, or else a recovery code."""
    if accept_totp(credential, code):
        return True
    return await accept_recovery_code(session, credential.user_id, code)


async def disable(session: AsyncSession, credential: Credential) -> None:
    credential.totp_secret = None
    credential.totp_enabled_at = None
    credential.totp_last_step = None
    await session.execute(
        update(RecoveryCode)
        .where(RecoveryCode.user_id == credential.user_id, RecoveryCode.used_at.is_(None))
        .values(used_at=utcnow())
    )
    await session.flush()
