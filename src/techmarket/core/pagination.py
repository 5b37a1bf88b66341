"""Keyset pagination: lists answer `{items, next_cursor}` with an opaque cursor (DESIGN §4)."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import orjson
from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, and_, or_
from sqlalchemy.orm import InstrumentedAttribute

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


@dataclass(frozen=True)
class NewestFirst:
    """Where a newest-first page ended: the (time, id) of its last row, as an opaque cursor."""

    at: dt.datetime
    id: uuid.UUID

    def encode(self) -> str:
        return encode_cursor({"at": self.at.isoformat(), "id": str(self.id)})

    @classmethod
    def decode(cls, cursor: str) -> NewestFirst:
        position = decode_cursor(cursor, expected_keys=frozenset({"at", "id"}))
        try:
            at = dt.datetime.fromisoformat(str(position["at"]))
            if at.tzinfo is None:
                raise ValueError("the time has no zone")
            return cls(at, uuid.UUID(str(position["id"])))
        except (ValueError, TypeError) as error:
            raise InvalidCursor(
                "The cursor is not one this list gave out; start again without it.",
                errors=[{"field": "cursor", "in": "query", "message": str(error)}],
            ) from error


S = TypeVar("S", bound=Select[*tuple[Any, ...]])


def newest_first(
    statement: S,
    at: ColumnElement[dt.datetime] | InstrumentedAttribute[dt.datetime],
    id_: ColumnElement[uuid.UUID] | InstrumentedAttribute[uuid.UUID],
    cursor: str | None,
    limit: int,
) -> S:
    """Newest first, after the cursor's row, one row more than a page (to tell if more follow).
    Keyset on (time, id): stable while rows are added, and an index serves it at any depth."""
    if cursor:
        after = NewestFirst.decode(cursor)
        statement = statement.where(or_(at < after.at, and_(at == after.at, id_ < after.id)))
    return statement.order_by(at.desc(), id_.desc()).limit(limit + 1)


R = TypeVar("R")


def cut_page(
    rows: Sequence[R], limit: int, position: Callable[[R], tuple[dt.datetime, uuid.UUID]]
) -> tuple[list[R], str | None]:
    """The page of `newest_first`'s rows and the cursor of the next one (None at the end)."""
    page = list(rows[:limit])
    if len(rows) > limit and page:
        return page, NewestFirst(*position(page[-1])).encode()
    return page, None
