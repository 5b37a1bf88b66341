"""The current time, always UTC-aware; one place to read it."""

import datetime as dt


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
