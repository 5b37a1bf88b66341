"""Idempotent requests, as Stripe does them.

The first request with a key runs and its answer (status and body, refusals included) is kept
24 hours; a retry with the same key and the same parameters gets that answer again and changes
nothing; the same key with other parameters (or on another path) is refused with 422. On SQLite
the whole exchange runs under the write lock, so a concurrent retry waits and then replays; on a
server database the key's row is inserted first and a concurrent retry that collides with it
gets 409.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import orjson
from pydantic import BaseModel
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.errors import AppError, problem_body
from techmarket.services.payments.sandbox_processor import errors, models, service

RETENTION = dt.timedelta(hours=24)

Operation = Callable[[AsyncSession], Awaitable[BaseModel]]


@dataclass(frozen=True)
class StoredResponse:
    status: int
    body: bytes

    @property
    def is_error(self) -> bool:
        return self.status >= 400


def request_hash(method: str, path: str, payload: BaseModel | None) -> str:
    canonical = orjson.dumps(
        {
            "method": method,
            "path": path,
            "body": payload.model_dump(mode="json") if payload is not None else None,
        },
        option=orjson.OPT_SORT_KEYS,
    )
    return hashlib.sha256(canonical).hexdigest()


async def run_once(
    session: AsyncSession,
    *,
    key: str | None,
    fingerprint: str,
    operation: Operation,
    success_status: int,
    now: dt.datetime,
) -> StoredResponse:
    """Run `operation` once per key; refusals (`AppError`) become the stored answer too."""
    if key is None:
        return StoredResponse(success_status, _json(await operation(session)))
    await session.execute(
        delete(models.IdempotencyRecord).where(
            models.IdempotencyRecord.created_at < now - RETENTION
        )
    )
    record = await session.get(models.IdempotencyRecord, key, with_for_update=True)
    if record is not None:
        if record.request_hash != fingerprint:
            raise errors.IdempotencyKeyReused(
                "This Idempotency-Key was first used with other parameters; use a new key for a "
                "new request."
            )
        if record.response_status is None or record.response_body is None:
            raise errors.IdempotencyKeyInFlight(
                "A request with this Idempotency-Key is still running; retry in a moment.",
                headers={"retry-after": "1"},
            )
        return StoredResponse(record.response_status, record.response_body.encode())
    record = models.IdempotencyRecord(key=key, request_hash=fingerprint, created_at=now)
    session.add(record)
    try:
        await session.flush()
    except IntegrityError:
        raise errors.IdempotencyKeyInFlight(
            "A request with this Idempotency-Key is still running; retry in a moment.",
            headers={"retry-after": "1"},
        ) from None
    events = session.info.setdefault(service.EVENTS_RECORDED, [])
    events_before = len(events)
    try:
        async with session.begin_nested():
            response = StoredResponse(success_status, _json(await operation(session)))
    except AppError as error:
        del events[events_before:]  # rolled back with the savepoint: nothing to send
        response = StoredResponse(
            error.status,
            problem_body(
                error.status,
                code=error.code,
                title=error.title,
                detail=error.detail,
                errors=error.errors,
            ),
        )
    record.response_status = response.status
    record.response_body = response.body.decode()
    return response


def _json(model: BaseModel) -> bytes:
    return orjson.dumps(model.model_dump(mode="json"))
