"""Password hashes: argon2id with pepper; legacy bcrypt verifies once, then is upgraded."""

from __future__ import annotations

import bcrypt

from techmarket.core.security.passwords import PasswordHasher

PEPPER = b"test-pepper-0123456789abcdef"


def test_argon2id_with_owasp_parameters_and_pepper() -> None:
    hasher = PasswordHasher(PEPPER)
    stored = hasher.hash("correct horse battery staple")
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert hasher.verify_and_update("correct horse battery staple", stored) == (True, None)
    assert hasher.verify_and_update("wrong horse", stored)[0] is False
    # Without the pepper the hash is useless: another pepper verifies nothing.
    assert (
        PasswordHasher(b"other").verify_and_update("correct horse battery staple", stored)[0]
        is False
    )


def test_legacy_bcrypt_hash_verifies_and_is_upgraded() -> None:
    hasher = PasswordHasher(PEPPER)
    legacy = bcrypt.hashpw(b"an old password from 2019", bcrypt.gensalt(rounds=4)).decode()
    valid, upgraded = hasher.verify_and_update("an old password from 2019", legacy)
    assert valid is True
    assert upgraded is not None
    assert upgraded.startswith("$argon2id$")
    assert hasher.verify_and_update("an old password from 2019", upgraded) == (True, None)
    assert hasher.verify_and_update("not the old password", legacy) == (False, None)
