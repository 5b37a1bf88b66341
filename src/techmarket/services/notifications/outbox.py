"""The email outbox sender: sends the rows `notify` wrote, after their transaction committed.

A run claims due rows in one short write transaction (`pending` and due, or `sending` whose
lease ran out because a sender died), marking them `sending` under its own claim token with a
lease; a second run, in this process or another, finds nothing left to claim, so no row is
sent twice by two senders. Each claimed message then goes to `resources.mailer` outside any
transaction and its row is marked `sent`. When the mail server is down (`MailDeliveryError`)
the row goes back to `pending` with an exponential back-off (base * 2^(attempts - 1), at most
an hour) and is given up (`failed`, logged) after `notifications_outbox_max_attempts`.

Delivery is at least once: a process that dies between the server's "250 OK" and marking the
row sent leaves a row whose lease runs out and is sent again. Everything else is exactly once.

Once an hour the sweep also deletes rows sent or given up more than
`notifications_outbox_keep_days` ago (`purge_old`), so the table does not grow for ever.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import secrets
import time
import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, delete, select, update

from techmarket.core.clock import utcnow
from techmarket.core.mail import MailDeliveryError, Mailer, OutgoingEmail
from techmarket.core.resources import Resources
from techmarket.services.notifications.models import EmailOutbox, OutboxStatus

log = logging.getLogger(__name__)

LEASE = dt.timedelta(minutes=5)
"""How long a claimed row is held; past it another sender may take it over."""
BATCH = 50
PURGE_EVERY_SECONDS = 3600.0
MAX_BACKOFF = dt.timedelta(hours=1)


@dataclass(frozen=True)
class Claimed:
    id: uuid.UUID
    claim: str
    attempts: int
    message: OutgoingEmail


def backoff(attempts: int, base_seconds: float) -> dt.timedelta:
    """The wait after failed attempt number `attempts`: base, 2 * base, 4 * base, ... <= 1 h."""
    return min(dt.timedelta(seconds=base_seconds * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def _due(now: dt.datetime) -> ColumnElement[bool]:
    return and_(
        EmailOutbox.status.in_([OutboxStatus.PENDING, OutboxStatus.SENDING]),
        EmailOutbox.next_attempt_at <= now,
    )


async def claim(resources: Resources, now: dt.datetime, limit: int = BATCH) -> list[Claimed]:
    """Take up to `limit` due rows for this run. The UPDATE re-checks that each row is still
    due, so of two runs racing for a row only the first to lock it gets it. A read looks
    first: most sweeps find nothing, and need not queue for SQLite's write lock to learn it."""
    async with resources.db.unit_of_work(write=False) as session:
        if await session.scalar(select(EmailOutbox.id).where(_due(now)).limit(1)) is None:
            return []
    token = secrets.token_hex(16)
    async with resources.db.unit_of_work(write=True) as session:
        ids = list(
            await session.scalars(
                select(EmailOutbox.id)
                .where(_due(now))
                .order_by(EmailOutbox.next_attempt_at)
                .limit(limit)
            )
        )
        if not ids:
            return []
        await session.execute(
            update(EmailOutbox)
            .where(EmailOutbox.id.in_(ids), _due(now))
            .values(status=OutboxStatus.SENDING, claim=token, next_attempt_at=now + LEASE)
            .execution_options(synchronize_session=False)
        )
        rows = await session.scalars(select(EmailOutbox).where(EmailOutbox.claim == token))
        return [
            Claimed(
                row.id,
                token,
                row.attempts,
                OutgoingEmail(to=row.to_address, subject=row.subject, text=row.text, html=row.html),
            )
            for row in rows
        ]


async def _settle(
    resources: Resources, claimed: Claimed, error: Exception | None, now: dt.datetime
) -> None:
    settings = resources.settings
    values: dict[str, object]
    if error is None:
        values = {"status": OutboxStatus.SENT, "sent_at": utcnow(), "claim": None}
    else:
        attempts = claimed.attempts + 1
        given_up = (
            not isinstance(error, MailDeliveryError)
            or attempts >= settings.notifications_outbox_max_attempts
        )
        values = {
            "attempts": attempts,
            "last_error": str(error)[:2000],
            "claim": None,
            "status": OutboxStatus.FAILED if given_up else OutboxStatus.PENDING,
            "next_attempt_at": now
            + backoff(attempts, settings.notifications_outbox_retry_base_seconds),
        }
        if given_up:
            log.error(
                "gave up email %s to %s after %d attempt(s): %s",
                claimed.id, claimed.message.to, attempts, error,
            )  # fmt: skip
        else:
            log.warning(
                "email %s not sent (attempt %d), retry at %s: %s",
                claimed.id, attempts, values["next_attempt_at"], error,
            )  # fmt: skip
    async with resources.db.unit_of_work(write=True) as session:
        await session.execute(
            update(EmailOutbox)
            .where(EmailOutbox.id == claimed.id, EmailOutbox.claim == claimed.claim)
            .values(**values)
            .execution_options(synchronize_session=False)
        )


async def send_due(
    resources: Resources, *, now: dt.datetime | None = None, mailer: Mailer | None = None
) -> int:
    """Send every due row, batch after batch; how many were sent. `now` moves the clock for
    tests of the back-off."""
    mailer = mailer or resources.mailer
    sent = 0
    while True:
        at = now or utcnow()
        batch = await claim(resources, at)
        if not batch:
            return sent
        for claimed in batch:
            error: Exception | None = None
            try:
                await mailer.send(claimed.message)
            except Exception as failure:  # every failure is recorded on the row
                error = failure
            await _settle(resources, claimed, error, at)
            sent += error is None


async def purge_old(resources: Resources, *, now: dt.datetime | None = None) -> int:
    """Delete the emails sent or given up more than `notifications_outbox_keep_days` ago (by
    their last attempt, the outbox index's order); how many. Until then a row also keeps its
    event from being mailed twice, so an event told again after that time would be mailed
    again, but only if the user also turned the in-app notification off, which keeps the key."""
    cutoff = (now or utcnow()) - dt.timedelta(
        days=resources.settings.notifications_outbox_keep_days
    )
    old = and_(
        EmailOutbox.status.in_([OutboxStatus.SENT, OutboxStatus.FAILED]),
        EmailOutbox.next_attempt_at < cutoff,
    )
    async with resources.db.unit_of_work(write=False) as session:
        if await session.scalar(select(EmailOutbox.id).where(old).limit(1)) is None:
            return 0
    async with resources.db.unit_of_work(write=True) as session:
        result = await session.execute(
            delete(EmailOutbox).where(old).execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)


class OutboxSender:
    """The loop of one running app: sends when kicked (after a commit wrote emails) and every
    `notifications_outbox_sweep_seconds` (retries that came due, rows of other processes)."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._next_purge = 0.0  # the first sweep purges

    def kick(self) -> None:
        self._wake.set()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="notifications outbox")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        interval = self.resources.settings.notifications_outbox_sweep_seconds
        while True:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(interval):
                    await self._wake.wait()
            self._wake.clear()
            try:
                await send_due(self.resources)
                if time.monotonic() >= self._next_purge:
                    self._next_purge = time.monotonic() + PURGE_EVERY_SECONDS
                    await purge_old(self.resources)
            except Exception:
                log.exception("the email outbox sweep failed; trying again later")
