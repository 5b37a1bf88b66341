"""Password hashing: argon2id with OWASP parameters and a server-side pepper.

The pepper is mixed in with HMAC-SHA256 before hashing, so a stolen database without the
pepper file cannot be attacked offline. bcrypt hashes (from an older system) still verify and
are replaced by argon2id on the next successful sign-in (`verify_and_update`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from pwdlib.hashers.bcrypt import BcryptHasher


class PasswordHasher:
    def __init__(self, pepper: bytes) -> None:
        self._pepper = pepper
        self._bcrypt = BcryptHasher()
        self._hash = PasswordHash(
            (Argon2Hasher(memory_cost=19_456, time_cost=2, parallelism=1), self._bcrypt)
        )

    def _peppered(self, password: str) -> str:
        # base64 keeps the input under bcrypt's 72-byte limit and free of NUL bytes.
        digest = hmac.new(self._pepper, password.encode(), hashlib.sha256).digest()
        return base64.b64encode(digest).decode()

    def hash(self, password: str) -> str:
        return self._hash.hash(self._peppered(password))

    def verify_and_update(self, password: str, stored_hash: str) -> tuple[bool, str | None]:
        """(valid, new hash to store or None) — a new hash when the stored one is outdated."""
        valid, new_hash = self._hash.verify_and_update(self._peppered(password), stored_hash)
        # bcrypt hashes imported from an older system know no pepper (and bcrypt reads 72 bytes
        # at most); a match is upgraded to peppered argon2id at once.
        legacy = not valid and self._bcrypt.identify(stored_hash)
        if legacy and self._bcrypt.verify(password.encode()[:72], stored_hash):
            return True, self.hash(password)
        return valid, new_hash
