"""Telling users what happened: the in-app notification and its email, written in the
caller's transaction, and what the bell reads.

`notify` is the one way in. It writes both rows in the transaction that decided the event, so
a change that rolls back tells nobody, and one that commits is never lost (the outbox). The
`event_key` is unique per user in both tables: the same event told twice adds nothing, and so
is never mailed twice. Once committed, a word goes out on the user's live channel
(`user:<id>`), where each open bell counts the unread itself, and the outbox sender is woken
to mail at once.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.config import load_settings
from techmarket.core.clock import utcnow
from techmarket.core.db import after_commit
from techmarket.core.pagination import cut_page, newest_first
from techmarket.services.notifications import preferences, rendering, runtime
from techmarket.services.notifications.errors import NotificationNotFound
from techmarket.services.notifications.kinds import Channel, NotificationKind
from techmarket.services.notifications.models import EmailOutbox, Notification, OutboxStatus
from techmarket.services.notifications.schemas import (
    NotificationPage,
    NotificationRead,
    ReadAll,
)
from techmarket.services.users import client as users

log = logging.getLogger(__name__)


def user_channel(user_id: uuid.UUID) -> str:
    return f"user:{user_id}"


def notification_read(row: Notification) -> NotificationRead:
    return NotificationRead(
        id=row.id,
        kind=row.kind,
        title=row.title,
        body=row.body,
        link=row.link,
        created_at=row.created_at,
        read_at=row.read_at,
        read=row.read_at is not None,
    )


async def notify(
    session: AsyncSession,
    *,
    user_id: uuid.UUID,
    kind: NotificationKind,
    event_key: str,
    context: Mapping[str, Any],
) -> NotificationRead | None:
    """Tell `user_id` about an event, on the channels their preferences allow.

    Returns the in-app notification, or None when nothing new was written: the event was told
    already, every channel is off, or the user no longer exists. `context` holds the facts the
    kind's templates use (see `client.py`).
    """
    channels = await preferences.enabled_channels(session, user_id, kind)
    if not channels:
        return None
    user = await users.get_user(session, user_id)
    if user is None:
        return None
    running = runtime.of_session(session)
    settings = running.resources.settings if running else load_settings()
    words = rendering.render(kind, context, name=user.display_name, base_url=settings.base_url)
    now = utcnow()
    notification: Notification | None = None
    try:
        # An event told before (or by a concurrent notify) hits the unique (user, event_key):
        # only this savepoint rolls back, and nothing is told twice.
        async with session.begin_nested():
            if Channel.IN_APP in channels:
                notification = Notification(
                    id=uuid.uuid4(), user_id=user_id, kind=kind, event_key=event_key,
                    title=words.title[:200], body=words.summary, link=words.link,
                    created_at=now, read_at=None,
                )  # fmt: skip
                session.add(notification)
            if Channel.EMAIL in channels:
                session.add(
                    EmailOutbox(
                        user_id=user_id, event_key=event_key, kind=kind,
                        notification_id=notification.id if notification else None,
                        to_address=user.email, subject=words.title[:300], text=words.text,
                        html=words.html, status=OutboxStatus.PENDING, attempts=0,
                        next_attempt_at=now, created_at=now,
                    )
                )  # fmt: skip
    except IntegrityError:
        return None
    told = notification_read(notification) if notification else None
    if running is not None:
        _tell_after_commit(session, running, user_id, told, mailed=Channel.EMAIL in channels)
    return told


def _tell_after_commit(
    session: AsyncSession,
    running: runtime.Running,
    user_id: uuid.UUID,
    told: NotificationRead | None,
    *,
    mailed: bool,
) -> None:
    async def tell() -> None:
        if mailed:
            running.sender.kick()
        if told is not None:
            await publish_unread(running, user_id, told)

    after_commit(session, tell)


async def publish_unread(
    running: runtime.Running, user_id: uuid.UUID, told: NotificationRead | None = None
) -> None:
    """Tell the user's open streams that their unread count changed (and about the new
    notification, if any). Each stream counts for itself (`api.stream`), so no count is read
    for a user who has no page open. After the commit; a failure loses a live update only."""
    message: dict[str, Any] = {"type": "unread"}
    if told is not None:
        message = {"type": "notification", "notification": told.model_dump(mode="json")}
    try:
        await running.resources.live.publish(user_channel(user_id), message)
    except Exception:
        log.exception("could not push the unread count of user %s", user_id)


# --- the bell ------------------------------------------------------------------------------


async def unread_count(session: AsyncSession, user_id: uuid.UUID) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
    )
    return int(count or 0)


async def page(
    session: AsyncSession,
    user_id: uuid.UUID,
    *,
    unread_only: bool,
    cursor: str | None,
    limit: int,
) -> NotificationPage:
    """The user's notifications, newest first, with the unread count for the badge."""
    query = select(Notification).where(Notification.user_id == user_id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    statement = newest_first(query, Notification.created_at, Notification.id, cursor, limit)
    rows = list(await session.scalars(statement))
    found, next_cursor = cut_page(rows, limit, lambda row: (row.created_at, row.id))
    return NotificationPage(
        items=[notification_read(row) for row in found],
        next_cursor=next_cursor,
        unread=await unread_count(session, user_id),
    )


def _publish_after_commit(session: AsyncSession, user_id: uuid.UUID) -> None:
    running = runtime.of_session(session)
    if running is None:
        return

    async def tell() -> None:
        await publish_unread(running, user_id)

    after_commit(session, tell)


async def mark_read(
    session: AsyncSession, user_id: uuid.UUID, notification_id: uuid.UUID
) -> NotificationRead:
    """Mark one of the user's notifications read (again is harmless); someone else's is 404."""
    row = await session.get(Notification, notification_id)
    if row is None or row.user_id != user_id:
        raise NotificationNotFound(f"You have no notification {notification_id}.")
    if row.read_at is None:
        row.read_at = utcnow()
        await session.flush()
        _publish_after_commit(session, user_id)
    return notification_read(row)


async def mark_all_read(session: AsyncSession, user_id: uuid.UUID) -> ReadAll:
    result = await session.execute(
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    marked = int(getattr(result, "rowcount", 0) or 0)
    if marked:
        _publish_after_commit(session, user_id)
    return ReadAll(marked=marked, unread=await unread_count(session, user_id))
