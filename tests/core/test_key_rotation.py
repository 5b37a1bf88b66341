"""`techmarket rotate-keys`: values move to the current key and still read the same."""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from sqlalchemy import text

from techmarket.core.db import Base
from techmarket.core.resources import Resources
from techmarket.core.security.field_crypto import (
    FieldCipher,
    install_field_cipher,
    installed_field_cipher,
    parse_key_ring,
)
from techmarket.core.security.key_rotation import reencrypt
from tests.accounts import sign_up
from tests.services.users.test_address_book import HOME


@pytest.fixture
def original_cipher() -> Iterator[FieldCipher]:
    cipher = installed_field_cipher()
    yield cipher
    install_field_cipher(cipher)


async def _stored_key_ids(resources: Resources) -> set[str]:
    async with resources.db.engine.connect() as connection:
        rows = (await connection.execute(text("SELECT line1 FROM address"))).all()
    return {row[0].split(".")[1] for row in rows}


async def test_rotation_moves_every_value_to_the_new_key(
    app: FastAPI, resources: Resources, original_cipher: FieldCipher
) -> None:
    owner = await sign_up(app)
    await owner.http.post("/api/v1/users/me/addresses", json=HOME, headers=owner.auth())
    old_id = original_cipher.current_key_id
    assert await _stored_key_ids(resources) == {old_id}

    new_key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    old_key = resources.keys.encryption_key.decode()  # the generated key is the default ring
    rotated = FieldCipher(*parse_key_ring(f"knew:{new_key},{old_id}:{old_key}"))
    install_field_cipher(rotated)
    report = await reencrypt(resources.db, Base.metadata, rotated)
    assert report.rewritten >= 6  # at least the address's encrypted fields
    assert await _stored_key_ids(resources) == {"knew"}
    listed = await owner.http.get("/api/v1/users/me/addresses", headers=owner.auth())
    assert listed.json()["items"][0]["line1"] == HOME["line1"]
    again = await reencrypt(resources.db, Base.metadata, rotated)
    assert again.rewritten == 0
    # With the old key gone, the owner is still found by email: the blind index moved too.
    install_field_cipher(FieldCipher(*parse_key_ring(f"knew:{new_key}")))
    assert (await owner.login())["access_token"]

    # Rotate back so the rest of the run keeps using the session's key.
    back = FieldCipher(*parse_key_ring(f"{old_id}:{old_key},knew:{new_key}"))
    install_field_cipher(back)
    await reencrypt(resources.db, Base.metadata, back)
    assert await _stored_key_ids(resources) == {old_id}
