"""`notify`: the in-app row and the email in the caller's transaction, once per event, as the
user's preferences say."""

from __future__ import annotations

import uuid

import pytest
from fastapi import FastAPI

from techmarket.core.resources import Resources
from techmarket.services.notifications import client as notifications
from techmarket.services.notifications import outbox
from techmarket.services.notifications.models import OutboxStatus
from tests.accounts import sign_up
from tests.services.notifications.tell import (
    Kind,
    RecordingMailer,
    emails_of,
    notifications_of,
    price_drop,
    settled,
    tell,
)


@pytest.fixture
def mailer(resources: Resources, monkeypatch: pytest.MonkeyPatch) -> RecordingMailer:
    recorder = RecordingMailer()
    monkeypatch.setattr(resources, "mailer", recorder)
    return recorder


async def test_notify_writes_the_in_app_row_and_mails_it(
    app: FastAPI, resources: Resources, mailer: RecordingMailer
) -> None:
    account = await sign_up(app)
    told = await tell(resources, account.user_id, context=price_drop("Pixel 9 Pro", 45_000))
    assert told is not None
    assert told.kind == Kind.PRICE_DROP
    assert told.title == "Price drop: Pixel 9 Pro"
    assert told.body == "Now 450.00 EUR (was 500.00 EUR)."
    assert told.link is not None and told.link.startswith("/products/")
    assert told.read is False
    await outbox.send_due(resources)
    [row] = await settled(resources, account.user_id)
    assert row.status == OutboxStatus.SENT
    assert row.notification_id == told.id
    assert row.sent_at is not None
    [message] = mailer.to(account.email)
    assert message.subject == "Price drop: Pixel 9 Pro"
    assert "Hello Robin Tester," in message.text
    assert f"http://localhost:8000{told.link}" in message.text
    assert message.html is not None and f'href="http://localhost:8000{told.link}"' in message.html


async def test_the_same_event_twice_tells_and_mails_once(
    app: FastAPI, resources: Resources, mailer: RecordingMailer
) -> None:
    account = await sign_up(app)
    key = f"order:{uuid.uuid4()}:shipped"
    first = await tell(resources, account.user_id, key=key)
    again = await tell(resources, account.user_id, key=key)
    assert first is not None and again is None
    await outbox.send_due(resources)
    await settled(resources, account.user_id)
    await outbox.send_due(resources)
    assert len(await notifications_of(resources, account.user_id)) == 1
    assert len(await emails_of(resources, account.user_id)) == 1
    assert len(mailer.to(account.email)) == 1


async def test_a_change_that_rolls_back_tells_nobody(app: FastAPI, resources: Resources) -> None:
    account = await sign_up(app)

    async def notify_then_fail() -> None:
        async with resources.db.unit_of_work(write=True) as session:
            await notifications.notify(
                session, user_id=uuid.UUID(account.user_id), kind=Kind.PRICE_DROP,
                event_key="rolled:back", context=price_drop(),
            )  # fmt: skip
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError, match="the change failed"):
        await notify_then_fail()
    assert await notifications_of(resources, account.user_id) == []
    assert await emails_of(resources, account.user_id) == []


async def test_email_off_keeps_the_bell_and_in_app_off_keeps_the_email(
    app: FastAPI, resources: Resources, mailer: RecordingMailer
) -> None:
    account = await sign_up(app)
    changed = await account.http.put(
        "/api/v1/notifications/preferences",
        json=[
            {"kind": "price_drop", "channel": "email", "enabled": False},
            {"kind": "order_shipped", "channel": "in_app", "enabled": False},
        ],
        headers=account.auth(),
    )
    assert changed.status_code == 200, changed.text
    assert await tell(resources, account.user_id, Kind.PRICE_DROP) is not None
    shipped = {
        "order_id": str(uuid.uuid4()),
        "tracking_number": "1Z999AA10123456784",
        "tracking_url": None,
        "carrier": "ups",
    }
    assert await tell(resources, account.user_id, Kind.ORDER_SHIPPED, context=shipped) is None
    [in_app] = await notifications_of(resources, account.user_id)
    assert in_app.kind == Kind.PRICE_DROP
    [email] = await settled(resources, account.user_id)
    assert email.kind == Kind.ORDER_SHIPPED and email.notification_id is None
    assert [m.subject for m in mailer.to(account.email)] == [
        f"Your order {shipped['order_id'][:8]} is on its way"
    ]


async def test_both_channels_off_tells_nothing(app: FastAPI, resources: Resources) -> None:
    account = await sign_up(app)
    await account.http.put(
        "/api/v1/notifications/preferences",
        json=[
            {"kind": "price_drop", "channel": "email", "enabled": False},
            {"kind": "price_drop", "channel": "in_app", "enabled": False},
        ],
        headers=account.auth(),
    )
    assert await tell(resources, account.user_id) is None
    assert await notifications_of(resources, account.user_id) == []
    assert await emails_of(resources, account.user_id) == []


async def test_a_user_who_is_gone_is_told_nothing(resources: Resources) -> None:
    assert await tell(resources, uuid.uuid4()) is None
