"""Encrypted fields round-trip, refuse anything altered or moved, and survive a key rotation."""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, insert, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from techmarket.core.security import field_crypto
from techmarket.core.security.field_crypto import (
    EncryptedText,
    FieldCipher,
    FieldCipherNotInstalled,
    FieldDecryptionError,
    install_field_cipher,
    parse_key_ring,
)

K1 = bytes(range(32))
K2 = bytes(range(32, 64))
LINE1 = "field_crypto_test.line1"


@pytest.fixture
def cipher() -> FieldCipher:
    return FieldCipher({"k1": K1}, "k1")


def test_round_trip_in_the_documented_format(cipher: FieldCipher) -> None:
    token = cipher.encrypt("Rue de Rivoli 12, Paris", context=LINE1)
    version, key_id, payload = token.split(".")
    assert (version, key_id) == ("v1", "k1")
    assert len(base64.urlsafe_b64decode(payload + "==")) == 12 + len("Rue de Rivoli 12, Paris") + 16
    assert cipher.decrypt(token, context=LINE1) == "Rue de Rivoli 12, Paris"
    assert cipher.decrypt(cipher.encrypt("", context=LINE1), context=LINE1) == ""
    assert cipher.decrypt(cipher.encrypt("Zoë 東京", context=LINE1), context=LINE1) == "Zoë 東京"


def test_each_encryption_differs(cipher: FieldCipher) -> None:
    tokens = {cipher.encrypt("+33 6 12 34 56 78", context="user.phone") for _ in range(20)}
    assert len(tokens) == 20


def test_a_value_moved_to_another_column_does_not_decrypt(cipher: FieldCipher) -> None:
    token = cipher.encrypt("Rue de Rivoli 12", context="user_address.line1")
    with pytest.raises(FieldDecryptionError, match="moved from another column"):
        cipher.decrypt(token, context="user_address.line2")


def test_a_tampered_value_does_not_decrypt(cipher: FieldCipher) -> None:
    token = cipher.encrypt("Rue de Rivoli 12", context=LINE1)
    payload = bytearray(base64.urlsafe_b64decode(token.split(".")[2] + "=="))
    payload[-1] ^= 1
    tampered = "v1.k1." + base64.urlsafe_b64encode(bytes(payload)).rstrip(b"=").decode()
    for bad in (tampered, token[:-4], token + "x", token.replace("v1.", "v2."), "plain text"):
        with pytest.raises(FieldDecryptionError):
            cipher.decrypt(bad, context=LINE1)


def test_an_unknown_key_id_does_not_decrypt(cipher: FieldCipher) -> None:
    other = FieldCipher({"k9": K2}, "k9")
    with pytest.raises(FieldDecryptionError, match="'k9', which is not loaded"):
        cipher.decrypt(other.encrypt("secret", context=LINE1), context=LINE1)


def test_rotation_keeps_old_values_readable_and_flags_them() -> None:
    old = FieldCipher({"k1": K1}, "k1")
    rotated = FieldCipher({"k2": K2, "k1": K1}, "k2")
    old_token = old.encrypt("Rue de Rivoli 12", context=LINE1)
    new_token = rotated.encrypt("Rue de Rivoli 12", context=LINE1)
    assert rotated.decrypt(old_token, context=LINE1) == "Rue de Rivoli 12"
    assert rotated.needs_rotation(old_token)
    assert not rotated.needs_rotation(new_token)
    assert new_token.startswith("v1.k2.")


def test_blind_index_is_stable_normalised_and_per_context(cipher: FieldCipher) -> None:
    index = cipher.blind_index("jane.doe@example.com", context="user.email")
    assert index == cipher.blind_index("  Jane.Doe@EXAMPLE.com ", context="user.email")
    assert index == FieldCipher({"k1": K1}, "k1").blind_index(
        "JANE.DOE@example.com", context="user.email"
    )
    assert re.fullmatch("[0-9a-f]{64}", index)
    assert index != cipher.blind_index("jane.doe@example.org", context="user.email")
    assert index != cipher.blind_index("jane.doe@example.com", context="order.contact_email")
    assert index != FieldCipher({"k1": K2}, "k1").blind_index(
        "jane.doe@example.com", context="user.email"
    )


def test_values_stored_by_earlier_releases_still_decrypt_and_match(cipher: FieldCipher) -> None:
    """Pinned outputs: a change to the derivation or format would orphan every stored value."""
    stored = "v1.k1.jGmDWfN8yrhxd80fC7QxjRimamYDTFvrcQJMjW1JGpBe8L2z5VcnlFFE8QA"
    assert cipher.decrypt(stored, context="user_address.line1") == "Rue de Rivoli 12"
    assert cipher.blind_index("jane.doe@example.com", context="user.email") == (
        "55f163293ab3ab2a7b7bf351e5abf12fcc784167e74c976aa1b3f5f7105db930"
    )


def test_blind_indexes_cover_every_key_current_first() -> None:
    before = FieldCipher({"k1": K1}, "k1").blind_index("jane@example.com", context="user.email")
    rotated = FieldCipher({"k2": K2, "k1": K1}, "k2")
    indexes = rotated.blind_indexes("jane@example.com", context="user.email")
    assert indexes == [rotated.blind_index("jane@example.com", context="user.email"), before]


def test_keys_must_be_32_bytes_and_the_current_one_present() -> None:
    with pytest.raises(ValueError, match="needs 32"):
        FieldCipher({"k1": b"short"}, "k1")
    with pytest.raises(ValueError, match="not among the keys"):
        FieldCipher({"k1": K1}, "k2")
    with pytest.raises(ValueError, match="letters, digits"):
        FieldCipher({"k.1": K1}, "k.1")


def test_parse_key_ring_reads_ids_and_keys_first_is_current() -> None:
    b64_k2 = base64.b64encode(K2).decode()
    url_k1 = base64.urlsafe_b64encode(K1).rstrip(b"=").decode()
    keys, current = parse_key_ring(f" k2:{b64_k2} , k1:{url_k1},")
    assert keys == {"k2": K2, "k1": K1}
    assert current == "k2"


@pytest.mark.parametrize(
    ("ring", "message"),
    [
        ("", "empty"),
        ("k1", "<key id>:<base64 key>"),
        (f"k1:{base64.b64encode(b'x' * 16).decode()}", "16 bytes"),
        ("k1:not*base64", "not valid base64"),
        (f"k1:{base64.b64encode(K1).decode()},k1:{base64.b64encode(K2).decode()}", "twice"),
        (f"bad id:{base64.b64encode(K1).decode()}", "letters, digits"),
    ],
)
def test_parse_key_ring_refuses_bad_settings(ring: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_key_ring(ring)


def test_encrypted_text_needs_an_installed_cipher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(field_crypto, "_installed_cipher", None)
    with pytest.raises(FieldCipherNotInstalled, match="install_field_cipher"):
        EncryptedText(LINE1).process_bind_param("x", dialect=None)  # type: ignore[arg-type]


async def test_encrypted_text_stores_ciphertext_in_a_real_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(field_crypto, "_installed_cipher", None)
    install_field_cipher(FieldCipher({"k1": K1}, "k1"))
    metadata = MetaData()
    address = Table(
        "address",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("line1", EncryptedText(LINE1)),
        Column("line2", EncryptedText("field_crypto_test.line2"), nullable=True),
    )
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'crypto.db'}")
    try:
        async with engine.begin() as connection:
            await connection.run_sync(metadata.create_all)
            await connection.execute(insert(address).values(id=1, line1="Rue de Rivoli 12"))
        async with engine.connect() as connection:
            row = (await connection.execute(select(address))).one()
            raw = (await connection.execute(text("SELECT line1, line2 FROM address"))).one()
        assert (row.line1, row.line2) == ("Rue de Rivoli 12", None)
        assert raw.line1.startswith("v1.k1.")
        assert "Rivoli" not in raw.line1
        assert raw.line2 is None
        async with engine.connect() as connection:
            empty = select(address.c.id).where(address.c.line2.is_(None))
            assert (await connection.execute(empty)).scalars().all() == [1]
        for search in (
            lambda: address.c.line1 == "Rue de Rivoli 12",
            lambda: address.c.line1 == address.c.line2,
            lambda: address.c.line1.in_(["Rue de Rivoli 12"]),
        ):
            with pytest.raises(TypeError, match="use its blind index"):
                search()
    finally:
        await engine.dispose()


def test_random_keys_from_the_ring_work_end_to_end() -> None:
    ring = ",".join(f"{kid}:{base64.b64encode(os.urandom(32)).decode()}" for kid in ("b", "a"))
    cipher = FieldCipher(*parse_key_ring(ring))
    assert cipher.current_key_id == "b"
    assert cipher.decrypt(cipher.encrypt("x", context=LINE1), context=LINE1) == "x"
