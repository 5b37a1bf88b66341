"""Typed FastAPI dependencies every service uses: the request's session, the cache, settings."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.config import Settings
from techmarket.core.cache import Cache
from techmarket.core.errors import Forbidden, Unauthorized
from techmarket.core.resources import Resources
from techmarket.core.security.principal import Principal, revoked_session_key
from techmarket.core.security.tokens import InvalidToken
from techmarket.core.storage import FileStorage

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# Dependencies are `async def` even when they do not await: FastAPI runs plain `def`
# dependencies in a worker thread, which costs more than the work they do.


async def get_resources(request: Request) -> Resources:
    resources: Resources = request.app.state.resources
    return resources


ResourcesDep = Annotated[Resources, Depends(get_resources)]


async def get_session(request: Request, resources: ResourcesDep) -> AsyncIterator[AsyncSession]:
    """One unit of work per request: committed when the handler returns, else rolled back.

    Scoped to the handler (`scope="function"`), so the commit happens before the response is
    sent and a failed commit becomes an error response, not a silent loss.
    """
    write = request.method not in SAFE_METHODS
    async with resources.db.unit_of_work(write=write) as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_write_session(resources: ResourcesDep) -> AsyncIterator[AsyncSession]:
    """A write unit of work whatever the method: for the rare GET that changes data (an OAuth
    provider sends the browser back with a GET that signs in, or signs up)."""
    async with resources.db.unit_of_work(write=True) as session:
        yield session


WriteSessionDep = Annotated[AsyncSession, Depends(get_write_session, scope="function")]


async def get_cache(resources: ResourcesDep) -> Cache:
    return resources.cache


async def get_settings(resources: ResourcesDep) -> Settings:
    return resources.settings


async def get_storage(resources: ResourcesDep) -> FileStorage:
    return resources.storage


CacheDep = Annotated[Cache, Depends(get_cache)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
StorageDep = Annotated[FileStorage, Depends(get_storage)]


_BEARER_CHALLENGE = {"www-authenticate": "Bearer"}


async def get_principal(request: Request, resources: ResourcesDep) -> Principal:
    """The signed-in caller, from `Authorization: Bearer <access token>`; 401 otherwise."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("Sign in to do this.", headers=_BEARER_CHALLENGE)
    try:
        claims = resources.access_tokens.verify(token.strip())
    except InvalidToken as error:
        raise Unauthorized(
            "Your sign-in is not valid any more; sign in again.", headers=_BEARER_CHALLENGE
        ) from error
    if await resources.cache.get(revoked_session_key(claims.session_id)) is not None:
        raise Unauthorized("This session was signed out.", headers=_BEARER_CHALLENGE)
    return Principal(claims.user_id, claims.session_id, frozenset(claims.roles))


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require_role(*roles: str) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency that lets through only callers holding one of `roles`."""

    async def check(principal: CurrentPrincipal) -> Principal:
        if not principal.has_role(*roles):
            raise Forbidden(f"This needs one of the roles: {', '.join(roles)}.")
        return principal

    return check


async def get_optional_principal(request: Request, resources: ResourcesDep) -> Principal | None:
    """The caller if a valid bearer token came along, else None (for sign-out and the like)."""
    if not request.headers.get("authorization"):
        return None
    try:
        return await get_principal(request, resources)
    except Unauthorized:
        return None


OptionalPrincipal = Annotated[Principal | None, Depends(get_optional_principal)]
