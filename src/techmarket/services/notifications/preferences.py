"""Per-user choices per kind and channel. Without a stored choice a kind is on; security
kinds (`kinds.LOCKED`) are always on and refuse to be turned off."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.services.notifications.errors import PreferenceLocked
from techmarket.services.notifications.kinds import (
    LOCKED,
    LOCKED_REASON,
    Channel,
    NotificationKind,
)
from techmarket.services.notifications.models import NotificationPreference
from techmarket.services.notifications.schemas import PreferenceChange, PreferenceRead


async def _stored(session: AsyncSession, user_id: uuid.UUID) -> dict[tuple[str, str], bool]:
    rows = await session.execute(
        select(
            NotificationPreference.kind,
            NotificationPreference.channel,
            NotificationPreference.enabled,
        ).where(NotificationPreference.user_id == user_id)
    )
    return {(kind.value, channel.value): enabled for kind, channel, enabled in rows}


async def enabled_channels(
    session: AsyncSession, user_id: uuid.UUID, kind: NotificationKind
) -> set[Channel]:
    if kind in LOCKED:
        return set(Channel)
    stored = await _stored(session, user_id)
    return {channel for channel in Channel if stored.get((kind.value, channel.value), True)}


async def list_preferences(session: AsyncSession, user_id: uuid.UUID) -> list[PreferenceRead]:
    """Every kind and channel, in the order of the enums (the settings page's table)."""
    stored = await _stored(session, user_id)
    return [
        PreferenceRead(
            kind=kind,
            channel=channel,
            enabled=kind in LOCKED or stored.get((kind.value, channel.value), True),
            locked=kind in LOCKED,
            locked_reason=LOCKED_REASON if kind in LOCKED else None,
        )
        for kind in NotificationKind
        for channel in Channel
    ]


async def update_preferences(
    session: AsyncSession, user_id: uuid.UUID, changes: Sequence[PreferenceChange]
) -> list[PreferenceRead]:
    """Store the changes (all or none); turning off a locked kind is a 422 naming each one."""
    refused = [
        {
            "field": f"{index}.enabled",
            "in": "body",
            "message": f"{change.kind.value} cannot be turned off",
            "code": "locked",
        }
        for index, change in enumerate(changes)
        if change.kind in LOCKED and not change.enabled
    ]
    if refused:
        raise PreferenceLocked(LOCKED_REASON, errors=refused)
    existing = {
        (row.kind, row.channel): row
        for row in await session.scalars(
            select(NotificationPreference)
            .where(NotificationPreference.user_id == user_id)
            .with_for_update()
        )
    }
    now = utcnow()
    for change in changes:
        if change.kind in LOCKED:
            continue  # always on: nothing to store
        row = existing.get((change.kind, change.channel))
        if row is None:
            row = NotificationPreference(
                user_id=user_id, kind=change.kind, channel=change.channel, enabled=change.enabled
            )
            session.add(row)
            existing[(change.kind, change.channel)] = row
        row.enabled, row.updated_at = change.enabled, now
    await session.flush()
    return await list_preferences(session, user_id)
