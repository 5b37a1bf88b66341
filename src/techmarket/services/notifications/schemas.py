"""Wire format of the notifications service."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, ConfigDict, Field

from techmarket.core.pagination import Page
from techmarket.services.notifications.kinds import Channel, NotificationKind


class NotificationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: NotificationKind
    title: str
    body: str
    link: str | None = Field(description="A path of the web app, e.g. /orders/{id}/tracking.")
    created_at: dt.datetime
    read_at: dt.datetime | None
    read: bool


class NotificationPage(Page[NotificationRead]):
    unread: int = Field(description="How many of the caller's notifications are unread.")


class UnreadCount(BaseModel):
    unread: int


class ReadAll(BaseModel):
    marked: int = Field(description="How many notifications were unread and are read now.")
    unread: int


class PreferenceRead(BaseModel):
    kind: NotificationKind
    channel: Channel
    enabled: bool
    locked: bool = Field(description="Security messages: always on, cannot be changed.")
    locked_reason: str | None = None


class PreferenceChange(BaseModel):
    kind: NotificationKind
    channel: Channel
    enabled: bool


class PreferenceList(BaseModel):
    items: list[PreferenceRead]


class LiveNotification(BaseModel):
    """What the stream sends as `event: notification`."""

    notification: NotificationRead
    unread: int
