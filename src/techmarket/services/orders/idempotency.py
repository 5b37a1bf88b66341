"""`Idempotency-Key` as Stripe does it: a retry gets the first answer and nothing runs twice.

The key is claimed in a transaction of its own and committed at once, so a concurrent request
with the same key sees it in flight (409). The answer is stored with the work it answers, in
the work's own transaction; an answered refusal (a declined card, no stock) is stored too,
while an unexpected failure releases the key so the client may retry. Keys last 24 hours; the
same key with other parameters is a 422.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass

import orjson
from sqlalchemy import ColumnElement, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.clock import utcnow
from techmarket.core.db import Database
from techmarket.core.errors import Conflict, InvalidInput
from techmarket.services.orders.models import IdempotencyRecord, IdempotencyState

KEEP = dt.timedelta(hours=24)
MAX_KEY_LENGTH = 255


class KeyInFlight(Conflict):
    code, title = "idempotency-key-in-flight", "A request with this key is still running"


class KeyReused(InvalidInput):
    code, title = "idempotency-key-reused", "This key was used with other parameters"


class MissingKey(InvalidInput):
    code, title = "idempotency-key-required", "An Idempotency-Key header is required"


@dataclass(frozen=True)
class Claim:
    scope: str
    user_id: uuid.UUID
    key: str
    request_hash: str


@dataclass(frozen=True)
class Replay:
    status_code: int
    body: bytes


def request_hash(payload: object) -> str:
    return hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()


def checked_key(key: str | None) -> str:
    if key is None or not key.strip():
        raise MissingKey(
            "Send an Idempotency-Key header (a random UUID per checkout) so that a retry "
            "never charges twice.",
            errors=[{"field": "Idempotency-Key", "in": "header", "message": "required"}],
        )
    if len(key) > MAX_KEY_LENGTH:
        raise InvalidInput(
            f"The Idempotency-Key may be at most {MAX_KEY_LENGTH} characters.",
            errors=[{"field": "Idempotency-Key", "in": "header", "message": "too long"}],
        )
    return key.strip()


def _where(claim: Claim) -> tuple[ColumnElement[bool], ...]:
    return (
        IdempotencyRecord.scope == claim.scope,
        IdempotencyRecord.user_id == claim.user_id,
        IdempotencyRecord.key == claim.key,
    )


async def begin(db: Database, claim: Claim) -> Replay | None:
    """Claim the key, or return the first answer to replay (or refuse: in flight, reused)."""
    now = utcnow()
    async with db.unit_of_work(write=True) as session:
        record = await session.scalar(select(IdempotencyRecord).where(*_where(claim)))
        if record is not None and record.expires_at <= now:
            await session.delete(record)
            await session.flush()
            record = None
        if record is None:
            session.add(
                IdempotencyRecord(
                    scope=claim.scope, user_id=claim.user_id, key=claim.key,
                    request_hash=claim.request_hash, state=IdempotencyState.IN_FLIGHT,
                    created_at=now, expires_at=now + KEEP,
                )
            )  # fmt: skip
            try:
                await session.flush()
            except IntegrityError as error:  # claimed by a concurrent request just now
                raise KeyInFlight(_in_flight_message) from error
            return None
        if record.request_hash != claim.request_hash:
            raise KeyReused(
                "This Idempotency-Key was first used with other parameters; use a new key for "
                "a new request.",
                errors=[{"field": "Idempotency-Key", "in": "header", "message": "reused"}],
            )
        if record.state == IdempotencyState.IN_FLIGHT:
            raise KeyInFlight(_in_flight_message)
        return Replay(status_code=record.status_code or 200, body=(record.body or "").encode())


_in_flight_message = "A request with this Idempotency-Key is still running; retry in a moment."


async def finish(session: AsyncSession, claim: Claim, status_code: int, body: bytes) -> None:
    """Store the answer in the transaction of the work it answers."""
    await session.execute(
        update(IdempotencyRecord)
        .where(*_where(claim))
        .values(state=IdempotencyState.DONE, status_code=status_code, body=body.decode())
        .execution_options(synchronize_session=False)
    )


async def finish_apart(db: Database, claim: Claim, status_code: int, body: bytes) -> None:
    """Store an answered refusal, after its work rolled back."""
    async with db.unit_of_work(write=True) as session:
        await finish(session, claim, status_code, body)


async def release(db: Database, claim: Claim) -> None:
    """Forget the claim after an unexpected failure, so a retry runs the request again."""
    async with db.unit_of_work(write=True) as session:
        await session.execute(delete(IdempotencyRecord).where(*_where(claim)))


async def purge_expired(session: AsyncSession) -> int:
    result = await session.execute(
        delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= utcnow())
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
