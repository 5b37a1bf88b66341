"""Errors of the notifications service, one class per rule."""

from techmarket.core.errors import InvalidInput, NotFound


class NotificationNotFound(NotFound):
    code, title = "notification-not-found", "Notification not found"


class PreferenceLocked(InvalidInput):
    code, title = "preference-locked", "This notification cannot be turned off"
