"""The bell's API: cursor pages newest first, the unread count, read marks, preferences; a
notification of someone else answers 404."""

from __future__ import annotations

import uuid

from fastapi import FastAPI

from techmarket.core.resources import Resources
from tests.accounts import sign_up
from tests.services.notifications.tell import price_drop, tell

LIST = "/api/v1/notifications"


async def test_pages_newest_first_with_cursors_and_unread_only(
    app: FastAPI, resources: Resources
) -> None:
    account = await sign_up(app)
    titles = [f"Listing {n}" for n in range(5)]
    for title in titles:
        await tell(resources, account.user_id, context=price_drop(title))
    seen: list[str] = []
    cursor: str | None = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = await account.http.get(LIST, params=params, headers=account.auth())
        assert page.status_code == 200, page.text
        body = page.json()
        assert body["unread"] == 5
        seen += [item["title"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"Price drop: {title}" for title in reversed(titles)]
    newest = (await account.http.get(LIST, headers=account.auth())).json()["items"][0]
    assert set(newest) == {"id", "kind", "title", "body", "link", "created_at", "read_at", "read"}
    assert newest["kind"] == "price_drop" and newest["read"] is False

    read = await account.http.post(f"{LIST}/{newest['id']}/read", headers=account.auth())
    assert read.status_code == 200, read.text
    assert read.json()["read"] is True and read.json()["read_at"] is not None
    again = await account.http.post(f"{LIST}/{newest['id']}/read", headers=account.auth())
    assert again.json()["read_at"] == read.json()["read_at"]
    count = await account.http.get(f"{LIST}/unread-count", headers=account.auth())
    assert count.json() == {"unread": 4}
    unread = await account.http.get(LIST, params={"unread_only": "true"}, headers=account.auth())
    assert [item["title"] for item in unread.json()["items"]] == [
        f"Price drop: {title}" for title in reversed(titles[:4])
    ]

    all_read = await account.http.post(f"{LIST}/read-all", headers=account.auth())
    assert all_read.json() == {"marked": 4, "unread": 0}
    count = await account.http.get(f"{LIST}/unread-count", headers=account.auth())
    assert count.json() == {"unread": 0}


async def test_someone_elses_notification_is_404(app: FastAPI, resources: Resources) -> None:
    owner, other = await sign_up(app), await sign_up(app)
    told = await tell(resources, owner.user_id)
    assert told is not None
    response = await other.http.post(f"{LIST}/{told.id}/read", headers=other.auth())
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["type"].endswith("/notification-not-found")
    missing = await owner.http.post(f"{LIST}/{uuid.uuid4()}/read", headers=owner.auth())
    assert missing.status_code == 404
    assert (await other.http.get(LIST, headers=other.auth())).json()["items"] == []


async def test_a_bad_cursor_is_422_and_signing_in_is_required(app: FastAPI) -> None:
    account = await sign_up(app)
    bad = await account.http.get(LIST, params={"cursor": "nonsense"}, headers=account.auth())
    assert bad.status_code == 422
    assert (await account.http.get(LIST)).status_code == 401
    assert (await account.http.get(f"{LIST}/stream")).status_code == 401


async def test_preferences_list_every_kind_and_channel_and_keep_changes(app: FastAPI) -> None:
    account = await sign_up(app)
    listed = await account.http.get(f"{LIST}/preferences", headers=account.auth())
    assert listed.status_code == 200
    items = listed.json()["items"]
    assert len(items) == 16 * 2
    assert all(item["enabled"] for item in items)
    locked = {item["kind"] for item in items if item["locked"]}
    assert locked == {"password_reset", "new_sign_in"}
    changed = await account.http.put(
        f"{LIST}/preferences",
        json=[{"kind": "offer_received", "channel": "email", "enabled": False}],
        headers=account.auth(),
    )
    assert changed.status_code == 200, changed.text
    state = {(i["kind"], i["channel"]): i["enabled"] for i in changed.json()["items"]}
    assert state[("offer_received", "email")] is False
    assert state[("offer_received", "in_app")] is True
    back_on = await account.http.put(
        f"{LIST}/preferences",
        json=[{"kind": "offer_received", "channel": "email", "enabled": True}],
        headers=account.auth(),
    )
    state = {(i["kind"], i["channel"]): i["enabled"] for i in back_on.json()["items"]}
    assert state[("offer_received", "email")] is True


async def test_security_kinds_cannot_be_turned_off(app: FastAPI) -> None:
    account = await sign_up(app)
    refused = await account.http.put(
        f"{LIST}/preferences",
        json=[
            {"kind": "price_drop", "channel": "email", "enabled": False},
            {"kind": "password_reset", "channel": "email", "enabled": False},
        ],
        headers=account.auth(),
    )
    assert refused.status_code == 422
    assert refused.headers["content-type"].startswith("application/problem+json")
    body = refused.json()
    assert body["type"].endswith("/preference-locked")
    assert [error["field"] for error in body["errors"]] == ["1.enabled"]
    listed = await account.http.get(f"{LIST}/preferences", headers=account.auth())
    state = {(i["kind"], i["channel"]): i["enabled"] for i in listed.json()["items"]}
    assert state[("price_drop", "email")] is True  # all or nothing
    assert state[("password_reset", "email")] is True
    unknown = await account.http.put(
        f"{LIST}/preferences",
        json=[{"kind": "weather", "channel": "email", "enabled": False}],
        headers=account.auth(),
    )
    assert unknown.status_code == 422
