"""The keys TechMarket signs and encrypts with: from settings, else generated once on disk.

Nothing secret is hard-coded. On first start without configured keys, a signing key (Ed25519,
for access tokens), an encryption key (AES-256-GCM, for personal data at rest) and a password
pepper are generated into `<data_dir>/secrets/` with mode 0600 and reused on later starts.
"""

from __future__ import annotations

import base64
import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import SecretStr

log = logging.getLogger(__name__)


@dataclass(frozen=True, repr=False)
class SecretKeys:
    signing_key_pem: bytes
    encryption_key: bytes
    password_pepper: bytes


def read_or_create(path: Path, make: Callable[[], bytes]) -> bytes:
    """The secret in `path`, made and written (mode 0600) the first time. The file is written
    under a temporary name and linked into place, so workers starting at once agree on one."""
    if path.exists():
        return path.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(make())
    try:
        os.link(temporary, path)  # fails if another process won the race: use its value
    except FileExistsError:
        pass
    else:
        log.warning("generated %s (mode 0600); configure it for production", path)
    finally:
        temporary.unlink()
    return path.read_bytes()


def configured_or_generated(value: SecretStr | None, path: Path, make: Callable[[], str]) -> str:
    """A secret from settings, else from (or generated into) `path`."""
    if value is not None:
        return value.get_secret_value()
    return read_or_create(path, lambda: make().encode()).decode().strip()


def secret_list(value: str) -> tuple[str, ...]:
    """Comma-separated secrets, newest first (a rotation signs with all, accepts any)."""
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _new_signing_key() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _new_random_key() -> bytes:
    return base64.urlsafe_b64encode(secrets.token_bytes(32))


def load_secret_keys(
    secrets_dir: Path,
    *,
    signing_key_pem: SecretStr | None,
    encryption_key: SecretStr | None,
    password_pepper: SecretStr | None,
) -> SecretKeys:
    def given(value: SecretStr | None) -> bytes | None:
        return value.get_secret_value().encode() if value else None

    return SecretKeys(
        signing_key_pem=given(signing_key_pem)
        or read_or_create(secrets_dir / "signing-key.pem", _new_signing_key),
        encryption_key=given(encryption_key)
        or read_or_create(secrets_dir / "encryption.key", _new_random_key),
        password_pepper=given(password_pepper)
        or read_or_create(secrets_dir / "password-pepper.key", _new_random_key),
    )
