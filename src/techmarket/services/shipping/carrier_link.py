"""How this process reaches its carrier, and how the carrier reaches it back.

One adapter per running app (`carrier_for(resources)`). When the built-in sandbox carrier is
mounted in the same app (all-in-one), both directions stay in process over ASGI: the adapter
calls the sandbox's HTTP API through an ASGI transport and the sandbox posts its signed webhooks
to `/api/v1/shipping/webhooks/sandbox` the same way, so no port needs configuring. A split
deployment goes over the network by the URLs in settings.
"""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from techmarket.core.resources import Resources
from techmarket.core.webhook_delivery import InProcessWebhookSender, in_process_client
from techmarket.services.shipping.carriers import Carrier, create_carrier
from techmarket.services.shipping.sandbox_carrier.app import simulator_of
from techmarket.services.shipping.sandbox_carrier.configuration import WEBHOOK_PATH

# Keyed by the id of the running app's resources (one per app; tests may run several apps).
_carriers: dict[int, Carrier] = {}
_closers: dict[int, list[httpx.AsyncClient | InProcessWebhookSender]] = {}


def carrier_for(resources: Resources) -> Carrier:
    carrier = _carriers.get(id(resources))
    if carrier is None:
        carrier = _carriers[id(resources)] = create_carrier(resources.settings)
    return carrier


async def connect_in_process(app: FastAPI, sandbox: FastAPI, resources: Resources) -> None:
    """Wire TechMarket and its mounted sandbox carrier to each other through ASGI."""
    simulator = simulator_of(sandbox)
    sender = InProcessWebhookSender(app, WEBHOOK_PATH)
    simulator.webhooks.sender = sender
    await simulator.start()
    http = in_process_client(app)
    _carriers[id(resources)] = create_carrier(resources.settings, http=http)
    _closers[id(resources)] = [http, sender]


async def disconnect(resources: Resources) -> None:
    carrier = _carriers.pop(id(resources), None)
    if carrier is not None:
        await carrier.aclose()
    for closer in _closers.pop(id(resources), []):
        await closer.aclose()
