"""HTTP routes of notifications: the bell's list, read marks, preferences and the live stream."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query
from fastapi.sse import EventSourceResponse, ServerSentEvent

from techmarket.core.dependencies import CurrentPrincipal, ResourcesDep, SessionDep
from techmarket.core.pagination import DEFAULT_LIMIT, MAX_LIMIT
from techmarket.core.resources import Resources
from techmarket.services.notifications import preferences, runtime, service, shipment_hooks
from techmarket.services.notifications.schemas import (
    NotificationPage,
    NotificationRead,
    PreferenceChange,
    PreferenceList,
    ReadAll,
    UnreadCount,
)

router = APIRouter(prefix="/notifications", tags=["notifications"])
Cursor = Annotated[str | None, Query(max_length=512)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


@router.get("", operation_id="notifications-list")
async def list_notifications(
    principal: CurrentPrincipal,
    session: SessionDep,
    unread_only: bool = False,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> NotificationPage:
    """Newest first, with the unread count for the badge."""
    return await service.page(
        session, principal.user_id, unread_only=unread_only, cursor=cursor, limit=limit
    )


@router.get("/unread-count", operation_id="notifications-unread-count")
async def unread_count(principal: CurrentPrincipal, session: SessionDep) -> UnreadCount:
    return UnreadCount(unread=await service.unread_count(session, principal.user_id))


@router.post("/read-all", operation_id="notifications-read-all")
async def read_all(principal: CurrentPrincipal, session: SessionDep) -> ReadAll:
    return await service.mark_all_read(session, principal.user_id)


@router.post("/{notification_id}/read", operation_id="notifications-read")
async def mark_read(
    notification_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> NotificationRead:
    return await service.mark_read(session, principal.user_id, notification_id)


@router.get("/preferences", operation_id="notifications-preferences")
async def get_preferences(principal: CurrentPrincipal, session: SessionDep) -> PreferenceList:
    """Every kind and channel; security kinds are `locked` (always on)."""
    return PreferenceList(items=await preferences.list_preferences(session, principal.user_id))


@router.put(
    "/preferences",
    operation_id="notifications-update-preferences",
    responses={422: {"description": "A security kind cannot be turned off"}},
)
async def update_preferences(
    changes: Annotated[list[PreferenceChange], Body(max_length=100)],
    principal: CurrentPrincipal,
    session: SessionDep,
) -> PreferenceList:
    """Only the listed (kind, channel) pairs change; the answer is the whole table."""
    items = await preferences.update_preferences(session, principal.user_id, changes)
    return PreferenceList(items=items)


@router.get(
    "/stream",
    response_class=EventSourceResponse,
    operation_id="notifications-stream",
    responses={200: {"description": "`unread` first, then `notification` per new one"}},
)
async def stream(
    principal: CurrentPrincipal, resources: ResourcesDep
) -> AsyncIterator[ServerSentEvent]:
    """Server-sent events for the bell: first `event: unread` `{unread}`, then `event:
    notification` `{notification, unread}` for each new one (and `unread` again when some are
    read elsewhere). Subscribed before the count is read, so nothing falls in between."""

    async def unread() -> int:
        async with resources.db.unit_of_work(write=False) as session:
            return await service.unread_count(session, principal.user_id)

    async with resources.live.listen(service.user_channel(principal.user_id)) as messages:
        yield ServerSentEvent(event="unread", data={"unread": await unread()})
        async for message in messages:
            yield _event(message, await unread())


def _event(message: dict[str, Any], unread: int) -> ServerSentEvent:
    if message.get("type") == "notification":
        notification = message["notification"]
        return ServerSentEvent(
            event="notification",
            id=str(notification.get("id")),
            data={"notification": notification, "unread": unread},
        )
    return ServerSentEvent(event="unread", data={"unread": unread})


async def on_startup(resources: Resources) -> None:
    """Start the outbox sender (its sweep retries due emails) and listen to shipments."""
    runtime.start(resources)
    shipment_hooks.subscribe()


async def on_shutdown(resources: Resources) -> None:
    await runtime.stop(resources)
