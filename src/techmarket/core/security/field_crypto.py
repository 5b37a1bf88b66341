"""Personal data encrypted at rest (DESIGN §5): AES-256-GCM per value, with named keys that rotate.

A stored value reads `v1.<key id>.<base64url(nonce || ciphertext)>`. The column it belongs to
(its context, e.g. `user_address.line1`) is authenticated with it, so a value copied into another
column does not decrypt. Encrypted columns cannot be searched; a field that must be found by
equality (a user by email) gets a blind index column too: an HMAC of the normalised value under a
key of its own, derived like the encryption key from the configured one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Text, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.operators import OperatorType

FORMAT_VERSION = "v1"
KEY_BYTES = 32
_NONCE_BYTES = 12
_TAG_BYTES = 16
_KEY_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+")
_ENCRYPTION_INFO = b"techmarket field encryption v1"
_BLIND_INDEX_INFO = b"techmarket blind index v1"


class FieldDecryptionError(Exception):
    """A stored value does not decrypt: malformed, tampered with, moved, or its key is gone."""


class FieldCipherNotInstalled(RuntimeError):
    """An encrypted column was read or written before start-up installed the cipher."""


def _derive(key: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(key)


def _normalise(value: str) -> str:
    """One spelling per value: `" Jane.Doe@Example.COM "` and `"jane.doe@example.com"` match."""
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())


class FieldCipher:
    """AES-256-GCM with key ids, so keys can rotate.

    New values use the current key; every configured key still decrypts. `needs_rotation` tells
    which stored values to re-encrypt (and re-index) before an old key is dropped.
    """

    def __init__(self, keys: Mapping[str, bytes], current_key_id: str) -> None:
        if current_key_id not in keys:
            raise ValueError(f"the current key id {current_key_id!r} is not among the keys")
        for key_id, key in keys.items():
            if not _KEY_ID.fullmatch(key_id):
                raise ValueError(f"key id {key_id!r} must be 1-32 letters, digits, _ or -")
            if len(key) != KEY_BYTES:
                raise ValueError(f"key {key_id!r} is {len(key)} bytes; AES-256 needs {KEY_BYTES}")
        self.current_key_id = current_key_id
        self._aeads = {kid: AESGCM(_derive(key, _ENCRYPTION_INFO)) for kid, key in keys.items()}
        self._index_keys = {kid: _derive(key, _BLIND_INDEX_INFO) for kid, key in keys.items()}

    def encrypt(self, plaintext: str, *, context: str) -> str:
        nonce = os.urandom(_NONCE_BYTES)
        aead = self._aeads[self.current_key_id]
        sealed = aead.encrypt(nonce, plaintext.encode(), context.encode())
        payload = base64.urlsafe_b64encode(nonce + sealed).rstrip(b"=").decode()
        return f"{FORMAT_VERSION}.{self.current_key_id}.{payload}"

    def decrypt(self, token: str, *, context: str) -> str:
        key_id, payload = self._split(token)
        aead = self._aeads.get(key_id)
        if aead is None:
            raise FieldDecryptionError(f"value encrypted with key {key_id!r}, which is not loaded")
        try:
            data = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        except binascii.Error:
            raise FieldDecryptionError("value is not valid base64url") from None
        if len(data) < _NONCE_BYTES + _TAG_BYTES:
            raise FieldDecryptionError("value is too short to be an encrypted field")
        try:
            plaintext = aead.decrypt(data[:_NONCE_BYTES], data[_NONCE_BYTES:], context.encode())
        except InvalidTag:
            raise FieldDecryptionError(
                f"value does not decrypt as {context!r}: altered, or moved from another column"
            ) from None
        return plaintext.decode()

    def needs_rotation(self, token: str) -> bool:
        """True when the value was encrypted with a key other than the current one."""
        key_id, _ = self._split(token)
        return key_id != self.current_key_id

    def blind_index(self, value: str, *, context: str) -> str:
        """Keyed hash of the normalised value under the current key, for equality search."""
        return self._blind_index(self._index_keys[self.current_key_id], value, context)

    def blind_indexes(self, value: str, *, context: str) -> list[str]:
        """The value's index under every key, current first: rows indexed before a rotation are
        still found (`WHERE email_index IN (...)`) until they are re-indexed."""
        current = self._index_keys[self.current_key_id]
        others = [key for key_id, key in self._index_keys.items() if key_id != self.current_key_id]
        return [self._blind_index(key, value, context) for key in [current, *others]]

    @staticmethod
    def _blind_index(index_key: bytes, value: str, context: str) -> str:
        # A key per context: the same email in two columns gives two unrelated indexes.
        context_key = hmac.new(index_key, context.encode(), hashlib.sha256).digest()
        return hmac.new(context_key, _normalise(value).encode(), hashlib.sha256).hexdigest()

    @staticmethod
    def _split(token: str) -> tuple[str, str]:
        parts = token.split(".")
        if len(parts) != 3 or parts[0] != FORMAT_VERSION or not _BASE64URL.fullmatch(parts[2]):
            raise FieldDecryptionError(f"not a {FORMAT_VERSION} encrypted field")
        return parts[1], parts[2]


def parse_key_ring(text: str) -> tuple[dict[str, bytes], str]:
    """Read a setting like `"k2:<base64 32 bytes>,k1:<base64 32 bytes>"`; the first is current.

    Standard and URL-safe base64 are both accepted, with or without padding. Error messages name
    the key id, never the key.
    """
    keys: dict[str, bytes] = {}
    for entry in filter(None, (part.strip() for part in text.split(","))):
        key_id, separator, encoded = (part.strip() for part in entry.partition(":"))
        if not separator:
            raise ValueError("each key ring entry must read <key id>:<base64 key>")
        if not _KEY_ID.fullmatch(key_id):
            raise ValueError(f"key id {key_id!r} must be 1-32 letters, digits, _ or -")
        if key_id in keys:
            raise ValueError(f"key id {key_id!r} appears twice in the key ring")
        standard = encoded.replace("-", "+").replace("_", "/")
        try:
            key = base64.b64decode(standard + "=" * (-len(standard) % 4), validate=True)
        except binascii.Error:
            raise ValueError(f"key {key_id!r} is not valid base64") from None
        if len(key) != KEY_BYTES:
            raise ValueError(f"key {key_id!r} is {len(key)} bytes; AES-256 needs {KEY_BYTES}")
        keys[key_id] = key
    if not keys:
        raise ValueError("the key ring is empty")
    return keys, next(iter(keys))


_installed_cipher: FieldCipher | None = None


def install_field_cipher(cipher: FieldCipher) -> None:
    """Make `cipher` the one `EncryptedText` columns use; called once at start-up."""
    global _installed_cipher
    _installed_cipher = cipher


def installed_field_cipher() -> FieldCipher:
    if _installed_cipher is None:
        raise FieldCipherNotInstalled(
            "an encrypted column was used before install_field_cipher() was called at start-up"
        )
    return _installed_cipher


class _NullTestsOnly(TypeDecorator.Comparator[str]):
    """Each write encrypts with a fresh nonce, so `column == value` would quietly never match:
    refuse it (and IN, LIKE, ...) when the query is built; IS [NOT] NULL still works."""

    def operate(self, op: OperatorType, *other: Any, **kwargs: Any) -> ColumnElement[Any]:
        null_test = op in {operators.is_, operators.is_not} or (
            op in {operators.eq, operators.ne} and len(other) == 1 and other[0] is None
        )
        if not null_test:
            name = getattr(op, "__name__", repr(op))
            raise TypeError(f"an encrypted column cannot be searched ({name}); use its blind index")
        return super().operate(op, *other, **kwargs)


class EncryptedText(TypeDecorator[str]):
    """A text column stored encrypted under `context` (name it `<table>.<column>`).

    It cannot be searched: a field that must be found by value gets a blind-index column too.
    """

    impl = Text
    cache_ok = True
    comparator_factory = _NullTestsOnly

    def __init__(self, context: str, *, index_column: str | None = None) -> None:
        super().__init__()
        self.context = context
        self.index_column = index_column
        """The sibling column holding this value's blind index, re-computed on key rotation."""

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return installed_field_cipher().encrypt(value, context=self.context)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return installed_field_cipher().decrypt(value, context=self.context)
