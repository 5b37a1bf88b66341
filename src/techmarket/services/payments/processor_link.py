"""How this process reaches its payment processor, and how the processor reaches it back.

One adapter per running app (`provider_for(resources)`). When the built-in sandbox processor
is mounted in the same app (all-in-one), both directions stay in process over ASGI: the adapter
calls the sandbox's HTTP API through an ASGI transport and the sandbox posts its signed
webhooks to `/api/v1/payments/webhooks/sandbox` the same way, so no port needs configuring.
A split deployment or Stripe goes over the network by the URLs in settings.
"""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from techmarket.core.resources import Resources
from techmarket.core.webhook_delivery import InProcessWebhookSender, in_process_client
from techmarket.services.payments.providers import PaymentProvider, create_payment_provider
from techmarket.services.payments.sandbox_processor.app import processor_of
from techmarket.services.payments.sandbox_processor.configuration import WEBHOOK_PATH

# Keyed by the id of the running app's resources (one per app; tests run several apps).
_providers: dict[int, PaymentProvider] = {}
_closers: dict[int, list[httpx.AsyncClient | InProcessWebhookSender]] = {}


def provider_for(resources: Resources) -> PaymentProvider:
    provider = _providers.get(id(resources))
    if provider is None:
        provider = _providers[id(resources)] = create_payment_provider(resources.settings)
    return provider


def use_provider(resources: Resources, provider: PaymentProvider) -> None:
    _providers[id(resources)] = provider


async def connect_in_process(app: FastAPI, sandbox: FastAPI, resources: Resources) -> None:
    """Wire TechMarket and its mounted sandbox processor to each other through ASGI."""
    processor = processor_of(sandbox)
    await processor.start()
    sender = processor.webhooks.sender = InProcessWebhookSender(app, WEBHOOK_PATH)
    http = in_process_client(app)
    use_provider(resources, create_payment_provider(resources.settings, http=http))
    _closers[id(resources)] = [http, sender]


async def disconnect(resources: Resources) -> None:
    provider = _providers.pop(id(resources), None)
    if provider is not None:
        await provider.aclose()
    for closer in _closers.pop(id(resources), []):
        await closer.aclose()
