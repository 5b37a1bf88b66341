"""What the sandbox carrier and its adapter read from settings, defaults filled in.

Secrets not given in settings are generated once into `<data_dir>/secrets/` (mode 0600) and read
back on later starts and by every worker process: `sandbox-carrier-api.key` (the secret API key)
and `sandbox-carrier-webhook.key` (the webhook signing secret). A file is written under a
temporary name and linked into place, so two workers starting at once agree on one value.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import SecretStr

from techmarket.config import Settings

log = logging.getLogger(__name__)

MOUNT_PATH = "/sandbox/carrier"
"""Where TechMarket mounts the sandbox carrier (outside /api/v1)."""
WEBHOOK_PATH = "/api/v1/shipping/webhooks/sandbox"
DATABASE_FILE = "sandbox-carrier.db"


@dataclass(frozen=True, repr=False)
class CarrierConfig:
    public_url: str
    api_key: str
    webhook_secrets: tuple[str, ...]
    """Newest first; the carrier signs with all, a receiver accepts any."""
    webhook_url: str
    database_url: str
    step_seconds: float

    @classmethod
    def from_settings(cls, settings: Settings) -> CarrierConfig:
        return cls(
            public_url=carrier_public_url(settings),
            api_key=carrier_api_key(settings),
            webhook_secrets=carrier_webhook_secrets(settings),
            webhook_url=settings.sandbox_carrier_webhook_url or default_webhook_url(settings),
            database_url=settings.sandbox_carrier_database_url
            or f"sqlite+aiosqlite:///{settings.data_dir / DATABASE_FILE}",
            step_seconds=settings.sandbox_carrier_step_seconds,
        )


def carrier_public_url(settings: Settings) -> str:
    return (settings.sandbox_carrier_url or settings.base_url.rstrip("/") + MOUNT_PATH).rstrip("/")


def carrier_api_key(settings: Settings) -> str:
    return _given(settings.sandbox_carrier_api_key) or _read_or_create(
        settings.secrets_dir / "sandbox-carrier-api.key",
        lambda: "sk_carrier_" + secrets.token_urlsafe(32),
    )


def carrier_webhook_secrets(settings: Settings) -> tuple[str, ...]:
    value = _given(settings.sandbox_carrier_webhook_secret) or _read_or_create(
        settings.secrets_dir / "sandbox-carrier-webhook.key",
        lambda: "whsec_" + secrets.token_urlsafe(32),
    )
    return tuple(part.strip() for part in value.split(",") if part.strip())


def default_webhook_url(settings: Settings) -> str:
    """TechMarket's own webhook endpoint on the loopback, at the port of `base_url`."""
    parts = urlsplit(settings.base_url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"http://127.0.0.1:{port}{WEBHOOK_PATH}"


def _given(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value else None


def _read_or_create(path: Path, make: Callable[[], str]) -> str:
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(make())
    try:
        os.link(temporary, path)  # fails if another process won the race: use its value
    except FileExistsError:
        pass
    else:
        log.warning("generated %s (mode 0600); configure it for production", path)
    finally:
        temporary.unlink()
    return path.read_text().strip()
