"""Settings from environment variables prefixed `TECHMARKET_` (see docs/operations.md)."""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
"""The checkout's root when TechMarket runs from source (`src/` layout)."""


class Settings(BaseSettings):
    """Everything TechMarket can be told; defaults give the embedded all-in-one deployment."""

    model_config = SettingsConfigDict(env_prefix="TECHMARKET_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    services: list[str] = Field(
        default_factory=list,
        description="Services this process serves; empty means all of them (all-in-one).",
    )
    data_dir: Path = Field(default=PROJECT_ROOT / "var")
    base_url: str = "http://localhost:8000"

    # Storage engines: unset means the embedded default (SQLite file, in-process cache).
    database_url: str | None = None
    database_pool_size: int = Field(default=10, ge=1, le=200)
    database_max_overflow: int = Field(default=10, ge=0, le=200)
    database_echo: bool = False
    redis_url: str | None = None
    redis_set_lfu_policy: bool = Field(
        default=True,
        description="At start-up, set Redis `maxmemory-policy allkeys-lfu` (needs CONFIG rights).",
    )

    # Cache-aside for hot reads (DESIGN §6).
    cache_ttl_seconds: int = Field(default=3600, ge=1)
    cache_max_bytes: int = Field(default=64 * 1024 * 1024, ge=1024)
    cache_warm_on_start: bool = True

    # Catalog search (docs/search.md).
    search_engine: Literal["embedded", "database"] = Field(
        default="embedded",
        description="embedded: a tantivy index in each process; database: the engine's full text.",
    )
    search_index_lag_seconds: float = Field(
        default=1.0,
        ge=0,
        le=300,
        description="How stale a process's search index may be before a search catches it up.",
    )

    # HTTP.
    max_body_bytes: int = Field(default=12 * 1024 * 1024, ge=1024)
    cors_origins: list[str] = Field(default_factory=list)
    hsts_max_age: int = 63_072_000
    frontend_dir: Path = Field(default=PROJECT_ROOT / "frontend" / "dist")
    log_level: str = "INFO"

    # Sign-in (DESIGN §5).
    jwt_issuer: str = "techmarket"
    jwt_audience: str = "techmarket-api"
    access_token_ttl_seconds: int = Field(default=600, ge=60, le=3600)
    session_idle_seconds: int = Field(default=1800, ge=60)
    session_lifetime_seconds: int = Field(default=43_200, ge=300)
    previous_signing_public_keys_pem: list[str] = Field(
        default_factory=list,
        description="Public keys (PEM) of retired signing keys, accepted while their tokens live.",
    )
    refresh_cookie_secure: bool | None = Field(
        default=None, description="Secure flag of the refresh cookie; default: on in production."
    )

    # Social sign-in (OAuth 2.0 / OpenID Connect); a provider is offered when its id is set.
    oauth_google_client_id: str | None = None
    oauth_google_client_secret: SecretStr | None = None
    oauth_github_client_id: str | None = None
    oauth_github_client_secret: SecretStr | None = None

    # Outgoing email: unset SMTP host means messages go to <data_dir>/outbox as .eml files.
    mail_sender: str = "TechMarket <no-reply@techmarket.localhost>"
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_security: Literal["none", "starttls", "tls"] = "starttls"

    # Notifications' email outbox (docs/operations.md): retries with exponential back-off.
    notifications_outbox_retry_base_seconds: float = Field(
        default=30,
        gt=0,
        description="Wait after the first failed send of an email; doubles with each further "
        "failure, at most one hour.",
    )
    orders_sweep_seconds: float = Field(
        default=30,
        gt=0,
        description="How often each process expires unpaid reservations and old offers, "
        "completes orders past their inspection window and forgets old idempotency keys.",
    )
    notifications_outbox_max_attempts: int = Field(
        default=8,
        ge=1,
        le=50,
        description="Failed sends after which an email is given up (status failed, logged).",
    )
    notifications_outbox_keep_days: int = Field(
        default=90,
        ge=1,
        description="Sent and given-up emails are deleted this many days after their last "
        "attempt (the in-app notification stays).",
    )
    notifications_outbox_sweep_seconds: float = Field(
        default=30,
        gt=0,
        description="How often each process looks for emails due (retries, rows written by "
        "other processes); new emails are sent at once after their commit.",
    )

    # Secrets: generated into the data folder on first start when not given (never hard-coded).
    signing_key_pem: SecretStr | None = None
    encryption_key: SecretStr | None = None
    password_pepper: SecretStr | None = None
    field_encryption_keys: SecretStr | None = Field(
        default=None,
        description='Key ring for personal data at rest, "k2:<base64 32 bytes>,k1:…", first is '
        "current; default: the generated encryption key.",
    )

    # Payments (docs/payments.md): the processor adapter, the built-in sandbox processor, Stripe.
    payments_provider: Literal["sandbox", "stripe"] = "sandbox"
    sandbox_payments_url: str | None = Field(
        default=None,
        description="Public URL of the sandbox processor (browser and server); default: "
        "<base_url>/sandbox/payments.",
    )
    sandbox_payments_api_key: SecretStr | None = Field(
        default=None, description="Secret key of the sandbox's server API; default: generated."
    )
    sandbox_payments_webhook_secret: SecretStr | None = Field(
        default=None,
        description="Signs the sandbox's webhooks; several comma-separated (newest first) during "
        "a rotation; default: generated.",
    )
    sandbox_payments_webhook_url: str | None = Field(
        default=None,
        description="Where the sandbox sends webhooks; default: "
        "http://127.0.0.1:<port of base_url>/api/v1/payments/webhooks/sandbox.",
    )
    sandbox_payments_apart: bool = Field(
        default=False,
        description="The sandbox processor runs in a process of its own (`techmarket "
        "sandbox-payments`) at sandbox_payments_url, as a real processor would; this app does "
        "not mount it.",
    )
    sandbox_payments_database_url: str | None = Field(
        default=None,
        description="The sandbox processor's own database; default: a SQLite file in the data "
        "folder, shared by all worker processes.",
    )
    stripe_api_key: SecretStr | None = None
    stripe_webhook_secret: SecretStr | None = None
    platform_fee_percent: Decimal = Field(default=Decimal("10"), ge=0, le=100)

    # Shipping (docs/operations.md): the carrier adapter, the built-in sandbox carrier, rates.
    shipping_carrier: Literal["sandbox"] = Field(
        default="sandbox",
        description="Carrier adapter that rates parcels, buys labels and tracks them; real "
        "carriers (EasyPost, Shippo) would be further adapters behind the same interface.",
    )
    shipping_insurance_threshold: int = Field(
        default=50_000,
        ge=0,
        description="Parcels worth more than this (minor units) travel insured; the insurance "
        "is part of the shipping price.",
    )
    shipping_tracking_poll_seconds: float = Field(
        default=300.0,
        gt=0,
        description="How often shipments with another carrier's tracking number are polled.",
    )
    sandbox_carrier_url: str | None = Field(
        default=None,
        description="URL of the sandbox carrier as the server reaches it; default: "
        "<base_url>/sandbox/carrier.",
    )
    sandbox_carrier_step_seconds: float = Field(
        default=20.0,
        gt=0,
        description="Time the sandbox carrier takes per tracking step (label created, picked up, "
        "in transit, out for delivery, delivered); a demo delivers in under two minutes.",
    )
    sandbox_carrier_api_key: SecretStr | None = Field(
        default=None, description="Secret key of the sandbox carrier's API; default: generated."
    )
    sandbox_carrier_webhook_secret: SecretStr | None = Field(
        default=None,
        description="Signs the sandbox carrier's webhooks; several comma-separated (newest "
        "first) during a rotation; default: generated.",
    )
    sandbox_carrier_webhook_url: str | None = Field(
        default=None,
        description="Where the sandbox carrier sends webhooks; default: "
        "http://127.0.0.1:<port of base_url>/api/v1/shipping/webhooks/sandbox.",
    )
    sandbox_carrier_database_url: str | None = Field(
        default=None,
        description="The sandbox carrier's own database; default: a SQLite file in the data "
        "folder.",
    )

    @field_validator("data_dir", "frontend_dir")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        return value.expanduser().resolve()

    @model_validator(mode="after")
    def _apart_sandbox_has_an_address(self) -> Settings:
        if self.sandbox_payments_apart and not self.sandbox_payments_url:
            raise ValueError(
                "sandbox_payments_apart needs sandbox_payments_url: where the sandbox processor "
                "runs (techmarket sandbox-payments --port 8100 → http://127.0.0.1:8100)"
            )
        return self

    @cached_property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{self.data_dir / 'techmarket.db'}"

    @property
    def cookie_secure(self) -> bool:
        if self.refresh_cookie_secure is not None:
            return self.refresh_cookie_secure
        return self.environment == "production"

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"

    def loopback_url(self, path: str) -> str:
        """`path` on this server through the loopback, at the port of `base_url`: where the
        built-in sandboxes send their webhooks."""
        parts = urlsplit(self.base_url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        return f"http://127.0.0.1:{port}{path}"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def secrets_dir(self) -> Path:
        return self.data_dir / "secrets"


def load_settings() -> Settings:
    return Settings()
