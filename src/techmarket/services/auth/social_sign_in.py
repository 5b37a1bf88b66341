"""Sign-in with Google or GitHub: the OAuth 2.0 code flow with PKCE (S256) and a state that is
bound to the browser (cookie) and good once (cache).

A provider's identity is linked to a TechMarket account by the provider's subject id; the first
time, by the verified email address, or a new account is made. MFA still applies: an account
with TOTP on gets the code step after the provider answers.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import orjson
from authlib.common.errors import AuthlibBaseError
from authlib.common.security import generate_token
from httpx import HTTPError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.errors import NotFound
from techmarket.core.resources import Resources
from techmarket.services.auth import one_time_tokens, service, sessions
from techmarket.services.auth.client_info import ClientInfo
from techmarket.services.auth.models import Credential, OAuthIdentity, TokenPurpose
from techmarket.services.auth.oauth_providers import (
    IdentityNotUsable,
    OAuthProvider,
    VerifiedIdentity,
    configured_providers,
)
from techmarket.services.auth.schemas import TokenPair
from techmarket.services.auth.secrets_at_rest import new_token
from techmarket.services.users import client as users

STATE_TTL_SECONDS = 600


class UnknownProvider(NotFound):
    code, title = "unknown-provider", "Unknown sign-in provider"


class SocialSignInFailed(Exception):
    """Shown to the person on the sign-in page; never a stack trace."""


@dataclass(frozen=True)
class SocialOutcome:
    next_path: str
    tokens: TokenPair | None = None
    mfa_token: str | None = None


def safe_next(path: str | None) -> str:
    """Only a path on this site: never `//evil.example` or `https://…` (open redirect)."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    return path


def provider(resources: Resources, name: str) -> OAuthProvider:
    found = configured_providers(resources.settings).get(name)
    if found is None:
        raise UnknownProvider(f"Signing in with {name!r} is not offered here.")
    return found


def callback_url(resources: Resources, name: str) -> str:
    return f"{resources.settings.base_url}/api/v1/auth/oauth/{name}/callback"


def _state_key(state: str) -> str:
    return f"auth:oauth-state:{state}"


async def begin(resources: Resources, name: str, next_path: str | None) -> tuple[str, str]:
    """The provider's authorization URL and the state to bind to the browser."""
    chosen = provider(resources, name)
    verifier = generate_token(64)
    async with chosen.client(callback_url(resources, name)) as client:
        url, state = client.create_authorization_url(chosen.authorize_url, code_verifier=verifier)
    pending = {"provider": name, "verifier": verifier, "next": safe_next(next_path)}
    await resources.cache.set(_state_key(state), orjson.dumps(pending), ttl=STATE_TTL_SECONDS)
    return url, state


async def finish(
    session: AsyncSession,
    resources: Resources,
    name: str,
    *,
    code: str | None,
    state: str | None,
    browser_state: str | None,
    client_info: ClientInfo,
) -> SocialOutcome:
    if not state or not browser_state or state != browser_state:
        raise SocialSignInFailed("The sign-in did not start in this browser; try again.")
    raw = await resources.cache.get(_state_key(state))
    await resources.cache.delete(_state_key(state))  # a state is good once
    if raw is None:
        raise SocialSignInFailed("The sign-in took too long or was used already; try again.")
    pending = orjson.loads(raw)
    if pending["provider"] != name or not code:
        raise SocialSignInFailed("The provider's answer does not match; try again.")
    chosen = provider(resources, name)
    try:
        async with chosen.client(callback_url(resources, name)) as client:
            await client.fetch_token(chosen.token_url, code=code, code_verifier=pending["verifier"])
            identity = await chosen.identity(client)
    except IdentityNotUsable as error:
        raise SocialSignInFailed(str(error)) from error
    except (AuthlibBaseError, HTTPError, ValueError, KeyError) as error:
        raise SocialSignInFailed(
            f"{chosen.label} did not confirm the sign-in; try again."
        ) from error

    user_id = await _account_for(session, resources, name, identity)
    credential = await session.get(Credential, user_id)
    if credential is not None and credential.totp_enabled_at is not None:
        token = await one_time_tokens.issue(
            session, user_id, TokenPurpose.MFA_CHALLENGE, client_info
        )
        return SocialOutcome(next_path=pending["next"], mfa_token=token)
    tokens = await sessions.start(session, resources, user_id, client_info)
    return SocialOutcome(next_path=pending["next"], tokens=tokens)


async def _account_for(
    session: AsyncSession, resources: Resources, name: str, identity: VerifiedIdentity
) -> uuid.UUID:
    linked = await session.scalar(
        select(OAuthIdentity).where(
            OAuthIdentity.provider == name, OAuthIdentity.subject == identity.subject
        )
    )
    if linked is not None:
        return linked.user_id
    user = await users.get_user_by_email(session, users.normalize_email(identity.email))
    if user is None:
        user = await users.create_user(
            session,
            email=identity.email,
            display_name=identity.display_name[:80],
            email_verified=True,
        )
        # No password yet: an unguessable one keeps the credential row (MFA lives there);
        # "forgot password" sets a real one.
        await service.set_password(session, resources.passwords, user.id, new_token())
    else:
        await users.mark_email_verified(session, user.id)
    session.add(OAuthIdentity(user_id=user.id, provider=name, subject=identity.subject))
    await session.flush()
    return user.id
