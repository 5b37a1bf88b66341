"""Emails through a real SMTP listener (aiosmtpd): content, escaping, retry with back-off while
the server is down, and never one row sent twice by racing senders."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from fastapi import FastAPI
from sqlalchemy import update

from techmarket.core.clock import utcnow
from techmarket.core.mail import SmtpMailer
from techmarket.core.resources import Resources
from techmarket.services.notifications import outbox, shipment_hooks
from techmarket.services.notifications.models import EmailOutbox, OutboxStatus
from tests.accounts import sign_up
from tests.core.test_mail import Inbox, plain_body
from tests.servers import free_port
from tests.services.notifications.tell import (
    Kind,
    RecordingMailer,
    Shipped,
    emails_of,
    price_drop,
    settled,
    tell,
)

SENDER = "TechMarket <no-reply@techmarket.test>"


def html_body(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("html",))
    assert body is not None
    return str(body.get_content())


class SmtpServer:
    """An aiosmtpd listener on a port of its own that can be stopped and started again."""

    def __init__(self) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def received_by(self, address: str) -> list[EmailMessage]:
        """What reached `address`, but the sign-up's verification email (sent by auth)."""
        return [
            message
            for message in self.inbox.received()
            if message["To"] == address and not message["Subject"].startswith("Confirm your")
        ]


@pytest.fixture
def smtp(resources: Resources, monkeypatch: pytest.MonkeyPatch) -> Iterator[SmtpServer]:
    """A listener (started by the tests); `mail_through` points the app at it."""
    server = SmtpServer()
    try:
        yield server
    finally:
        server.stop()


def mail_through(server: SmtpServer, resources: Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on the app mails through SMTP to `server` (after signing up: the verification
    email of sign-up is sent by auth directly, not through the outbox)."""
    mailer = SmtpMailer(
        host="127.0.0.1", port=server.port, sender=SENDER, security="none", timeout=5
    )
    monkeypatch.setattr(resources, "mailer", mailer)


async def test_order_shipped_arrives_with_its_tracking_link(
    app: FastAPI, resources: Resources, smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    buyer = await sign_up(app)
    smtp.start()
    mail_through(smtp, resources, monkeypatch)
    order_id = uuid.uuid4()
    event = Shipped(
        order_id=order_id, shipment_id=uuid.uuid4(), buyer_id=uuid.UUID(buyer.user_id),
        seller_id=uuid.uuid4(), status="label_created", previous_status=None,
        tracking_number="SBX123456789", tracking_url="https://carrier.example/t/SBX123456789",
        occurred_at=utcnow(),
    )  # fmt: skip
    async with resources.db.unit_of_work(write=True) as session:
        await shipment_hooks.on_shipment_updated(session, event)
    async with resources.db.unit_of_work(write=True) as session:  # picked up: told already
        picked_up = dataclasses.replace(event, status="picked_up")
        await shipment_hooks.on_shipment_updated(session, picked_up)
    await outbox.send_due(resources)
    [row] = await settled(resources, buyer.user_id)
    assert row.status == OutboxStatus.SENT, row.last_error
    [message] = smtp.received_by(buyer.email)
    assert message["Subject"] == f"Your order {str(order_id)[:8]} is on its way"
    assert message["From"] == SENDER
    text = plain_body(message)
    tracking_page = f"http://localhost:8000/orders/{order_id}/tracking"
    assert "Tracking number: SBX123456789" in text
    assert f"Follow your parcel live: {tracking_page}" in text
    assert "On the carrier's site: https://carrier.example/t/SBX123456789" in text
    html = html_body(message)
    assert f'href="{tracking_page}"' in html
    assert "SBX123456789" in html


async def test_the_html_part_escapes_what_users_wrote(
    app: FastAPI, resources: Resources, smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(app)
    smtp.start()
    mail_through(smtp, resources, monkeypatch)
    title = '<script>alert("x")</script> Phone'
    await tell(resources, account.user_id, Kind.PRICE_DROP, context=price_drop(title))
    await outbox.send_due(resources)
    await settled(resources, account.user_id)
    [message] = smtp.received_by(account.email)
    html = html_body(message)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Phone" in html
    assert f"{title}: 450.00 EUR" in plain_body(message)


async def test_a_message_waits_while_the_server_is_down_and_goes_once_it_is_up(
    app: FastAPI, resources: Resources, smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(app)
    mail_through(smtp, resources, monkeypatch)  # nothing listens there yet
    before = utcnow()
    await tell(resources, account.user_id)  # the commit wakes the app's sender, or we send
    assert await outbox.send_due(resources) == 0
    [row] = await settled(resources, account.user_id)
    assert (row.status, row.attempts) == (OutboxStatus.PENDING, 1)
    assert row.last_error and "did not take the message" in row.last_error
    base = resources.settings.notifications_outbox_retry_base_seconds
    assert row.next_attempt_at >= before + dt.timedelta(seconds=base)
    assert await outbox.send_due(resources) == 0  # not due yet: no second attempt
    assert (await emails_of(resources, account.user_id))[0].attempts == 1

    smtp.start()
    assert await outbox.send_due(resources, now=row.next_attempt_at) >= 1
    [row] = await emails_of(resources, account.user_id)
    assert (row.status, row.attempts) == (OutboxStatus.SENT, 1)
    await outbox.send_due(resources, now=row.next_attempt_at + dt.timedelta(hours=2))
    assert len(smtp.received_by(account.email)) == 1


async def test_a_message_is_given_up_after_the_last_attempt(
    app: FastAPI, resources: Resources, smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(app)
    mail_through(smtp, resources, monkeypatch)  # never started
    await tell(resources, account.user_id)
    now = utcnow()
    for _ in range(resources.settings.notifications_outbox_max_attempts):
        now += dt.timedelta(hours=1, seconds=1)  # the longest back-off
        await outbox.send_due(resources, now=now)
    [row] = await emails_of(resources, account.user_id)
    assert row.status == OutboxStatus.FAILED
    assert row.attempts == resources.settings.notifications_outbox_max_attempts


def test_back_off_doubles_up_to_an_hour() -> None:
    waits = [outbox.backoff(attempt, 30).total_seconds() for attempt in range(1, 10)]
    assert waits == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]


async def test_racing_senders_never_send_a_row_twice(
    app: FastAPI, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    mailer = RecordingMailer(pause=0.005)
    monkeypatch.setattr(resources, "mailer", mailer)
    account = await sign_up(app)
    for n in range(12):
        await tell(resources, account.user_id, context=price_drop(f"Listing {n}"))
    counts = await asyncio.gather(*(outbox.send_due(resources) for _ in range(3)))
    rows = await settled(resources, account.user_id)
    assert {row.status for row in rows} == {OutboxStatus.SENT}
    subjects = [message.subject for message in mailer.to(account.email)]
    assert sorted(subjects) == sorted(f"Price drop: Listing {n}" for n in range(12))
    assert sum(counts) <= 12


async def test_old_sent_and_given_up_emails_are_purged(app: FastAPI, resources: Resources) -> None:
    account = await sign_up(app)
    for n in range(4):
        await tell(resources, account.user_id, context=price_drop(f"Listing {n}"))
    old, sent, failed, waiting = await settled(resources, account.user_id)
    now = utcnow()
    keep = dt.timedelta(days=resources.settings.notifications_outbox_keep_days)
    ages = {
        old.id: (OutboxStatus.SENT, now - keep - dt.timedelta(hours=1)),
        failed.id: (OutboxStatus.FAILED, now - keep - dt.timedelta(hours=1)),
        sent.id: (OutboxStatus.SENT, now - keep + dt.timedelta(hours=1)),  # not old enough
        waiting.id: (OutboxStatus.PENDING, now - keep - dt.timedelta(hours=1)),  # still to send
    }
    async with resources.db.unit_of_work(write=True) as session:
        for row_id, (status, last_attempt) in ages.items():
            await session.execute(
                update(EmailOutbox)
                .where(EmailOutbox.id == row_id)
                .values(status=status, next_attempt_at=last_attempt)
            )
    # The pending row is due: a sweep would send it. Purge before any sender looks.
    assert await outbox.purge_old(resources, now=now) >= 2
    left = {row.id for row in await emails_of(resources, account.user_id)}
    assert left == {sent.id, waiting.id}
    assert await outbox.purge_old(resources, now=now) == 0
