"""Single-use, expiring tokens: email links and the MFA step of a sign-in."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.services.auth.client_info import ClientInfo
from techmarket.services.auth.models import OneTimeToken, TokenPurpose
from techmarket.services.auth.secrets_at_rest import digest, new_token

LIFETIMES = {
    TokenPurpose.VERIFY_EMAIL: dt.timedelta(hours=24),
    TokenPurpose.RESET_PASSWORD: dt.timedelta(minutes=30),
    TokenPurpose.MFA_CHALLENGE: dt.timedelta(minutes=5),
}
MAX_FAILED_ATTEMPTS = 5


async def issue(
    session: AsyncSession, user_id: uuid.UUID, purpose: TokenPurpose, client: ClientInfo | None
) -> str:
    token = new_token()
    now = utcnow()
    session.add(
        OneTimeToken(
            user_id=user_id,
            purpose=purpose,
            token_hash=digest(token),
            created_at=now,
            expires_at=now + LIFETIMES[purpose],
            ip_address=client.ip_address if client else None,
            user_agent=client.user_agent if client else None,
        )
    )
    await session.flush()
    return token


async def find_usable(
    session: AsyncSession, token: str, purpose: TokenPurpose
) -> OneTimeToken | None:
    """The token if it is of this purpose, unused, unexpired and not locked by wrong codes."""
    found = await session.scalar(
        select(OneTimeToken).where(
            OneTimeToken.token_hash == digest(token), OneTimeToken.purpose == purpose
        )
    )
    if (
        found is None
        or found.used_at is not None
        or found.expires_at <= utcnow()
        or found.failed_attempts >= MAX_FAILED_ATTEMPTS
    ):
        return None
    return found


def use(token: OneTimeToken) -> None:
    token.used_at = utcnow()
