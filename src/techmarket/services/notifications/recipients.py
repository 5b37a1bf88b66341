"""Who is told: other services speak of stores (dealer ids) and of roles, notifications of
users."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.services.notifications.kinds import NotificationKind
from techmarket.services.notifications.schemas import NotificationRead
from techmarket.services.notifications.service import notify
from techmarket.services.users import client as users

SUPPORT_ROLES = (users.Role.SUPPORT_AGENT, users.Role.ADMIN)


async def store_owner(session: AsyncSession, store_id: uuid.UUID) -> uuid.UUID | None:
    dealer = await users.get_dealer(session, store_id)
    return dealer.user_id if dealer else None


async def notify_store(
    session: AsyncSession,
    *,
    store_id: uuid.UUID,
    kind: NotificationKind,
    event_key: str,
    context: Mapping[str, Any],
) -> NotificationRead | None:
    """`notify` the user who owns the store (orders, offers and payouts name sellers by store)."""
    owner = await store_owner(session, store_id)
    if owner is None:
        return None
    return await notify(session, user_id=owner, kind=kind, event_key=event_key, context=context)


async def notify_support(
    session: AsyncSession,
    *,
    kind: NotificationKind,
    event_key: str,
    context: Mapping[str, Any],
    skip: frozenset[uuid.UUID] = frozenset(),
) -> int:
    """`notify` every support agent and admin (but those in `skip`); how many were told."""
    told = 0
    for user_id in await users.user_ids_with_roles(session, SUPPORT_ROLES):
        if user_id not in skip:
            told += (
                await notify(
                    session, user_id=user_id, kind=kind, event_key=event_key, context=context
                )
                is not None
            )
    return told
