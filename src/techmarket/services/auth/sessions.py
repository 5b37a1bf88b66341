"""Sessions and refresh-token rotation: each refresh token works once; a reused one is theft.

A session ends when idle longer than `session_idle_seconds`, when older than
`session_lifetime_seconds`, on logout, on revocation, on a password reset, and when one of its
refresh tokens is presented a second time (the whole family goes).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.core.db import after_commit
from techmarket.core.mail import send_after_commit
from techmarket.core.resources import Resources
from techmarket.core.security.principal import revoked_session_key
from techmarket.services.auth import activity, emails
from techmarket.services.auth.client_info import ClientInfo
from techmarket.services.auth.errors import SessionEnded
from techmarket.services.auth.models import ActivityKind, AuthSession, RefreshToken
from techmarket.services.auth.schemas import TokenPair
from techmarket.services.auth.secrets_at_rest import digest, new_token
from techmarket.services.users import client as users

REUSE_GRACE = dt.timedelta(seconds=10)
"""Two tabs may refresh with the same cookie at once; within this grace the loser gets fresh
tokens instead of ending the session. Later reuse is treated as theft."""


class RefreshReused(SessionEnded):
    """Kept: the family's revocation must be committed though the request is refused."""

    commit_before_raising = True


class SessionExpired(SessionEnded):
    commit_before_raising = True


async def _token_pair(
    session: AsyncSession, resources: Resources, auth_session: AuthSession, now: dt.datetime
) -> TokenPair:
    refresh = new_token()
    session.add(
        RefreshToken(session_id=auth_session.id, token_hash=digest(refresh), created_at=now)
    )
    user = await users.user_with_roles(session, auth_session.user_id)
    access = resources.access_tokens.issue(
        user_id=user.id, session_id=auth_session.id, roles=users.role_names(user), now=now
    )
    await session.flush()
    return TokenPair(
        access_token=access,
        refresh_token=refresh,
        expires_in=resources.access_tokens.ttl_seconds,
    )


async def start(
    session: AsyncSession, resources: Resources, user_id: uuid.UUID, client: ClientInfo
) -> TokenPair:
    now = utcnow()
    known_device = await session.scalar(
        select(AuthSession.id)
        .where(AuthSession.user_id == user_id, AuthSession.user_agent == client.user_agent)
        .limit(1)
    )
    signed_in_before = await session.scalar(
        select(AuthSession.id).where(AuthSession.user_id == user_id).limit(1)
    )
    auth_session = AuthSession(
        id=uuid.uuid4(),
        user_id=user_id,
        created_at=now,
        last_seen_at=now,
        expires_at=now + dt.timedelta(seconds=resources.settings.session_lifetime_seconds),
        user_agent=client.user_agent,
        ip_address=client.ip_address,
    )
    session.add(auth_session)
    activity.record(session, user_id, ActivityKind.SIGNED_IN, client)
    if known_device is None:
        activity.record(session, user_id, ActivityKind.NEW_DEVICE, client)
        if signed_in_before is not None:  # the first sign-in after sign-up is no news
            await _tell_of_new_device(session, resources, user_id, client, now)
    return await _token_pair(session, resources, auth_session, now)


async def _tell_of_new_device(
    session: AsyncSession,
    resources: Resources,
    user_id: uuid.UUID,
    client: ClientInfo,
    now: dt.datetime,
) -> None:
    user = await users.get_user(session, user_id)
    if user is None:
        return
    message = emails.new_sign_in_notice(
        user.email,
        user.display_name,
        when=f"{now:%d %B %Y, %H:%M} UTC",
        device=client.user_agent or "unknown",
        ip_address=client.ip_address or "unknown",
        reset_link=f"{resources.settings.base_url}/forgot-password",
    )
    send_after_commit(session, resources.mailer, message)


def _end(
    session: AsyncSession, resources: Resources, auth_session: AuthSession, reason: str
) -> None:
    if auth_session.revoked_at is None:
        auth_session.revoked_at = utcnow()
        auth_session.revoked_reason = reason
    ttl = resources.access_tokens.ttl_seconds

    async def forget_access_tokens() -> None:
        await resources.cache.set(revoked_session_key(auth_session.id), b"1", ttl=ttl)

    after_commit(session, forget_access_tokens)


async def rotate(
    session: AsyncSession, resources: Resources, refresh_token: str, client: ClientInfo
) -> TokenPair:
    now = utcnow()
    token = await session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == digest(refresh_token))
    )
    if token is None:
        raise SessionEnded("Sign in again.")
    auth_session = await session.get(AuthSession, token.session_id)
    assert auth_session is not None
    if auth_session.revoked_at is not None:
        raise SessionEnded("This session was signed out; sign in again.")
    idle_limit = dt.timedelta(seconds=resources.settings.session_idle_seconds)
    if now >= auth_session.expires_at:
        _end(session, resources, auth_session, "lifetime")
        raise SessionExpired("Your session reached its maximum length; sign in again.")
    if now - auth_session.last_seen_at >= idle_limit:
        _end(session, resources, auth_session, "idle")
        raise SessionExpired("You were signed out after a time without activity.")
    # Only one caller may use a token: the conditional update settles concurrent refreshes.
    used = await session.execute(
        update(RefreshToken)
        .where(RefreshToken.id == token.id, RefreshToken.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    if getattr(used, "rowcount", 0) != 1:
        await session.refresh(token)
        if token.used_at is not None and now - token.used_at <= REUSE_GRACE:
            auth_session.last_seen_at = now
            return await _token_pair(session, resources, auth_session, now)
        _end(session, resources, auth_session, "refresh-reused")
        activity.record(session, auth_session.user_id, ActivityKind.REFRESH_REUSED, client)
        raise RefreshReused("This sign-in link was used twice; every device in it is signed out.")
    auth_session.last_seen_at = now
    return await _token_pair(session, resources, auth_session, now)


async def find_by_refresh_token(session: AsyncSession, refresh_token: str) -> AuthSession | None:
    token = await session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == digest(refresh_token))
    )
    return await session.get(AuthSession, token.session_id) if token else None


async def revoke(
    session: AsyncSession, resources: Resources, auth_session: AuthSession, reason: str
) -> None:
    _end(session, resources, auth_session, reason)
    await session.flush()


async def revoke_all(
    session: AsyncSession,
    resources: Resources,
    user_id: uuid.UUID,
    reason: str,
    *,
    keep: uuid.UUID | None = None,
) -> None:
    for auth_session in await active_sessions(session, user_id):
        if auth_session.id != keep:
            _end(session, resources, auth_session, reason)
    await session.flush()


async def active_sessions(session: AsyncSession, user_id: uuid.UUID) -> Sequence[AuthSession]:
    result = await session.scalars(
        select(AuthSession)
        .where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
        .order_by(AuthSession.last_seen_at.desc())
    )
    return [s for s in result.all() if s.expires_at > utcnow()]
