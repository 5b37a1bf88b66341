"""Payment processor adapters behind one abstract base (`base.PaymentProvider`).

`create_payment_provider(settings)` picks the adapter named by `payments_provider`.
"""

from __future__ import annotations

import httpx

from techmarket.config import Settings
from techmarket.services.payments.providers.base import PaymentProvider, ProviderMisconfigured


def create_payment_provider(
    settings: Settings, *, http: httpx.AsyncClient | None = None
) -> PaymentProvider:
    """The adapter for `settings.payments_provider`; `http` reaches the sandbox (tests pass an
    ASGI transport), the Stripe adapter brings its own client."""
    if settings.payments_provider == "stripe":
        from techmarket.services.payments.providers.stripe_adapter import StripePaymentProvider

        if settings.stripe_api_key is None or settings.stripe_webhook_secret is None:
            raise ProviderMisconfigured(
                "payments_provider is stripe: set TECHMARKET_STRIPE_API_KEY and "
                "TECHMARKET_STRIPE_WEBHOOK_SECRET."
            )
        return StripePaymentProvider(
            api_key=settings.stripe_api_key.get_secret_value(),
            webhook_secret=settings.stripe_webhook_secret.get_secret_value(),
        )
    from techmarket.services.payments.providers.sandbox import SandboxPaymentProvider

    return SandboxPaymentProvider.from_settings(settings, http=http)


__all__ = ["PaymentProvider", "create_payment_provider"]
