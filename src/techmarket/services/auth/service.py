"""Rules of the auth service."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.core.security.passwords import PasswordHasher
from techmarket.services.auth.models import Credential


async def set_password(
    session: AsyncSession, hasher: PasswordHasher, user_id: uuid.UUID, password: str
) -> None:
    credential = await session.get(Credential, user_id)
    password_hash = hasher.hash(password)
    if credential is None:
        session.add(Credential(user_id=user_id, password_hash=password_hash))
    else:
        credential.password_hash = password_hash
        credential.updated_at = utcnow()
    await session.flush()


async def check_password(
    session: AsyncSession, hasher: PasswordHasher, user_id: uuid.UUID, password: str
) -> bool:
    """True when `password` is the user's; an outdated hash is upgraded on the way."""
    credential = await session.get(Credential, user_id)
    if credential is None:
        return False
    valid, new_hash = hasher.verify_and_update(password, credential.password_hash)
    if valid and new_hash:
        credential.password_hash = new_hash
        await session.flush()
    return valid
