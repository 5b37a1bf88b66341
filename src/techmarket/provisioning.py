"""Creating accounts from the command line and the demo seeder, across users and auth."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.config import Settings
from techmarket.core.resources import Resources, open_resources
from techmarket.services.auth import client as auth
from techmarket.services.users import client as users


async def create_account(
    session: AsyncSession,
    resources: Resources,
    *,
    email: str,
    display_name: str,
    password: str,
    roles: frozenset[users.Role] = frozenset(),
) -> uuid.UUID:
    user = await users.create_user(
        session, email=email, display_name=display_name, roles=roles, email_verified=True
    )
    await auth.set_password(session, resources.passwords, user.id, password)
    return user.id


async def create_admin_account(
    settings: Settings, email: str, display_name: str, password: str
) -> uuid.UUID:
    resources = await open_resources(settings)
    try:
        async with resources.db.unit_of_work(write=True) as session:
            return await create_account(
                session,
                resources,
                email=email,
                display_name=display_name,
                password=password,
                roles=frozenset({users.Role.ADMIN}),
            )
    finally:
        await resources.close()
