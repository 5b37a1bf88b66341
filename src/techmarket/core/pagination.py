"""Keyset pagination: lists answer `{items, next_cursor}` with an opaque cursor (DESIGN §4)."""

from __future__ import annotations

import base64
import binascii
from typing import Any, Generic, TypeVar

import orjson
from pydantic import BaseModel

from techmarket.core.errors import InvalidInput

MAX_LIMIT = 100
DEFAULT_LIMIT = 24


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


class InvalidCursor(InvalidInput):
    code, title = "invalid-cursor", "Invalid cursor"


def encode_cursor(position: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(position)).decode().rstrip("=")


def decode_cursor(cursor: str, *, expected_keys: frozenset[str]) -> dict[str, Any]:
    """The position a cursor stands for; anything not made by `encode_cursor` is a 422."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        position = orjson.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeEncodeError, orjson.JSONDecodeError):
        position = None
    if not isinstance(position, dict) or set(position) != expected_keys:
        raise InvalidCursor(
            "The cursor is not one this list gave out; start again without it.",
            errors=[{"field": "cursor", "in": "query", "message": "unknown cursor"}],
        )
    return position
