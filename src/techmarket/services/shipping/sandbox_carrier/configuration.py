"""What the sandbox carrier and its adapter read from settings, defaults filled in.

Secrets not given in settings are generated once into `<data_dir>/secrets/` (mode 0600) and read
back on later starts and by every worker process: `sandbox-carrier-api.key` (the secret API key)
and `sandbox-carrier-webhook.key` (the webhook signing secret). A file is written under a
temporary name and linked into place, so two workers starting at once agree on one value.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from techmarket.config import Settings
from techmarket.core.secret_keys import configured_or_generated, secret_list

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
            webhook_url=settings.sandbox_carrier_webhook_url or settings.loopback_url(WEBHOOK_PATH),
            database_url=settings.sandbox_carrier_database_url
            or f"sqlite+aiosqlite:///{settings.data_dir / DATABASE_FILE}",
            step_seconds=settings.sandbox_carrier_step_seconds,
        )


def carrier_public_url(settings: Settings) -> str:
    return (settings.sandbox_carrier_url or settings.base_url.rstrip("/") + MOUNT_PATH).rstrip("/")


def carrier_api_key(settings: Settings) -> str:
    return configured_or_generated(
        settings.sandbox_carrier_api_key,
        settings.secrets_dir / "sandbox-carrier-api.key",
        lambda: "sk_carrier_" + secrets.token_urlsafe(32),
    )


def carrier_webhook_secrets(settings: Settings) -> tuple[str, ...]:
    value = configured_or_generated(
        settings.sandbox_carrier_webhook_secret,
        settings.secrets_dir / "sandbox-carrier-webhook.key",
        lambda: "whsec_" + secrets.token_urlsafe(32),
    )
    return secret_list(value)
