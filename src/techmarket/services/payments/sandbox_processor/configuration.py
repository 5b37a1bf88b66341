"""What the sandbox processor and the sandbox adapter read from settings, defaults filled in.

Secrets not given in settings are generated once into `<data_dir>/secrets/` (mode 0600), like
TechMarket's own keys, and read back on later starts and by every worker process:

- `sandbox-payments-api.key`: the secret API key (`Authorization: Bearer …`);
- `sandbox-payments-webhook.key`: the webhook signing secret;
- `sandbox-payments-fingerprint.key`: the processor's key for card fingerprints (HMAC of the
  number); never leaves the processor.

A file is written under a temporary name and linked into place, so two workers starting at once
agree on one value (`core.secret_keys.read_or_create`).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from techmarket.config import Settings
from techmarket.core.secret_keys import configured_or_generated, secret_list

MOUNT_PATH = "/sandbox/payments"
"""Where TechMarket mounts the sandbox app (outside /api/v1)."""
WEBHOOK_PATH = "/api/v1/payments/webhooks/sandbox"
DATABASE_FILE = "sandbox-payments.db"


@dataclass(frozen=True, repr=False)
class SandboxConfig:
    public_url: str
    """Base URL of the sandbox as browsers and TechMarket's server reach it."""
    api_key: str
    webhook_secrets: tuple[str, ...]
    """Newest first; the processor signs with all, a receiver accepts any."""
    webhook_url: str
    database_url: str
    fingerprint_key: bytes

    @classmethod
    def from_settings(cls, settings: Settings) -> SandboxConfig:
        secrets_dir = settings.secrets_dir
        return cls(
            public_url=sandbox_public_url(settings),
            api_key=sandbox_api_key(settings),
            webhook_secrets=sandbox_webhook_secrets(settings),
            webhook_url=(
                settings.sandbox_payments_webhook_url or settings.loopback_url(WEBHOOK_PATH)
            ),
            database_url=settings.sandbox_payments_database_url
            or f"sqlite+aiosqlite:///{settings.data_dir / DATABASE_FILE}",
            fingerprint_key=configured_or_generated(
                None,
                secrets_dir / "sandbox-payments-fingerprint.key",
                lambda: secrets.token_urlsafe(32),
            ).encode(),
        )


def sandbox_public_url(settings: Settings) -> str:
    return (settings.sandbox_payments_url or settings.base_url.rstrip("/") + MOUNT_PATH).rstrip("/")


def sandbox_api_key(settings: Settings) -> str:
    return configured_or_generated(
        settings.sandbox_payments_api_key,
        settings.secrets_dir / "sandbox-payments-api.key",
        lambda: "sk_sandbox_" + secrets.token_urlsafe(32),
    )


def sandbox_webhook_secrets(settings: Settings) -> tuple[str, ...]:
    value = configured_or_generated(
        settings.sandbox_payments_webhook_secret,
        settings.secrets_dir / "sandbox-payments-webhook.key",
        lambda: "whsec_" + secrets.token_urlsafe(32),
    )
    return secret_list(value)
