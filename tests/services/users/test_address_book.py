"""Addresses, contacts and social links: owner only, validated, and unreadable in the database."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI
from sqlalchemy import MetaData, select

from techmarket.config import Settings
from techmarket.core.resources import Resources
from tests.accounts import sign_up

HOME = {
    "name": "Ada Quillfeather",
    "line1": "Zwetschgenweg 17",
    "line2": "Hinterhaus, 3. OG",
    "city": "Kleinmachnow",
    "region": "Brandenburg",
    "postal_code": "14532",
    "country": "de",
    "phone": "+49 33203 123456",
}


async def test_address_book_belongs_to_its_owner(app: FastAPI) -> None:
    owner, stranger = await sign_up(app), await sign_up(app)
    created = await owner.http.post("/api/v1/users/me/addresses", json=HOME, headers=owner.auth())
    assert created.status_code == 201, created.text
    address = created.json()
    assert address["country"] == "DE"
    assert address["is_default"] is True  # the first address is the default
    second = await owner.http.post(
        "/api/v1/users/me/addresses",
        json={**HOME, "line1": "Apfelallee 2", "is_default": True},
        headers=owner.auth(),
    )
    listed = (await owner.http.get("/api/v1/users/me/addresses", headers=owner.auth())).json()
    assert [a["is_default"] for a in listed["items"]] == [True, False]
    assert listed["items"][0]["id"] == second.json()["id"]
    path = f"/api/v1/users/me/addresses/{address['id']}"
    assert (
        await stranger.http.patch(path, json={"city": "X"}, headers=stranger.auth())
    ).status_code == 404
    assert (await stranger.http.delete(path, headers=stranger.auth())).status_code == 404
    assert (await stranger.http.get("/api/v1/users/me/addresses", headers=stranger.auth())).json()[
        "items"
    ] == []
    changed = await owner.http.patch(path, json={"city": "Teltow"}, headers=owner.auth())
    assert changed.json()["city"] == "Teltow"
    assert (await owner.http.delete(path, headers=owner.auth())).status_code == 204


async def test_bad_addresses_name_the_field(app: FastAPI) -> None:
    owner = await sign_up(app)
    response = await owner.http.post(
        "/api/v1/users/me/addresses",
        json={**HOME, "country": "Germany", "phone": "call me"},
        headers=owner.auth(),
    )
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"country", "phone"}


async def test_required_fields_cannot_be_cleared(app: FastAPI) -> None:
    """Found by schemathesis: `{"country": null}` once reached the database as a 500."""
    owner = await sign_up(app)
    address = (
        await owner.http.post("/api/v1/users/me/addresses", json=HOME, headers=owner.auth())
    ).json()
    path = f"/api/v1/users/me/addresses/{address['id']}"
    refused = await owner.http.patch(
        path, json={"country": None, "city": None}, headers=owner.auth()
    )
    assert refused.status_code == 422
    assert {e["field"] for e in refused.json()["errors"]} == {"country", "city"}
    cleared = await owner.http.patch(path, json={"line2": None}, headers=owner.auth())
    assert cleared.status_code == 200
    assert cleared.json()["line2"] is None


async def test_contacts_and_social_links_are_validated(app: FastAPI) -> None:
    owner = await sign_up(app)
    ok = await owner.http.post(
        "/api/v1/users/me/contacts", json={"kind": "phone", "value": "+33 6 12 34 56 78"},
        headers=owner.auth(),
    )  # fmt: skip
    assert ok.status_code == 201
    bad = await owner.http.post(
        "/api/v1/users/me/contacts", json={"kind": "phone", "value": "not a number"},
        headers=owner.auth(),
    )  # fmt: skip
    assert bad.status_code == 422
    link = await owner.http.post(
        "/api/v1/users/me/social-links",
        json={"network": "github", "url": "https://github.com/ada"},
        headers=owner.auth(),
    )
    assert link.status_code == 201
    for wrong in (
        {"network": "github", "url": "https://evil.example/ada"},
        {"network": "github", "url": "http://github.com/ada"},
        {"network": "linkedin", "url": "https://www.linkedin.com/"},
        {"network": "mastodon", "url": "https://mastodon.social/about"},
    ):
        refused = await owner.http.post(
            "/api/v1/users/me/social-links", json=wrong, headers=owner.auth()
        )
        assert refused.status_code == 422, wrong
    duplicate = await owner.http.post(
        "/api/v1/users/me/social-links",
        json={"network": "github", "url": "https://github.com/ada2"},
        headers=owner.auth(),
    )
    assert duplicate.status_code == 409


async def test_raw_database_holds_no_personal_data_in_clear(
    app: FastAPI, resources: Resources, settings: Settings
) -> None:
    owner = await sign_up(app)
    await owner.http.post("/api/v1/users/me/addresses", json=HOME, headers=owner.auth())
    await owner.http.post(
        "/api/v1/users/me/contacts",
        json={"kind": "telegram", "value": "@quillfeather_ada"},
        headers=owner.auth(),
    )
    secrets = [v for k, v in HOME.items() if k != "country"] + ["quillfeather_ada", owner.email]
    dump: list[str] = []
    async with resources.db.engine.connect() as connection:
        metadata = MetaData()
        await connection.run_sync(metadata.reflect)
        for table in metadata.sorted_tables:
            for row in (await connection.execute(select(table))).all():
                dump.extend(str(value) for value in row)
    text = "\n".join(dump)
    assert "v1.k0." in text  # the encrypted values are there ...
    for secret in secrets:  # ... and none of them in clear
        assert not re.search(standalone(secret), text), secret
    if resources.db.is_sqlite:  # the database file itself, write-ahead log included
        folder = Path(str(resources.db.engine.url.database)).parent
        raw = b"".join(p.read_bytes() for p in folder.glob("test.db*"))
        for secret in secrets:
            assert not re.search(standalone(secret).encode(), raw), secret


def standalone(secret: str) -> str:
    """A secret as a whole token: a short postal code may occur inside a uuid or a timestamp."""
    return rf"(?<![0-9A-Za-z]){re.escape(secret)}(?![0-9A-Za-z])"
