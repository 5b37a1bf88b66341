"""The sandbox carrier as its own small FastAPI app, mounted by TechMarket at /sandbox/carrier.

    sandbox = create_sandbox_carrier_app(settings)
    app.mount(MOUNT_PATH, sandbox)
    ...
    await simulator_of(sandbox).close()   # at shutdown

Run alone, its own lifespan starts and closes it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from fastapi import FastAPI

from techmarket import __version__
from techmarket.config import Settings
from techmarket.core.errors import install_error_handlers
from techmarket.services.shipping.sandbox_carrier import api
from techmarket.services.shipping.sandbox_carrier.configuration import MOUNT_PATH
from techmarket.services.shipping.sandbox_carrier.simulator import CarrierSimulator
from techmarket.services.shipping.sandbox_carrier.webhooks import (
    DEFAULT_RETRY_DELAYS,
    WebhookSender,
)

__all__ = ["MOUNT_PATH", "create_sandbox_carrier_app", "simulator_of"]


def create_sandbox_carrier_app(
    settings: Settings,
    *,
    webhook_sender: WebhookSender | None = None,
    retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
) -> FastAPI:
    simulator = CarrierSimulator(settings, webhook_sender=webhook_sender, retry_delays=retry_delays)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await simulator.start()
        try:
            yield
        finally:
            await simulator.close()

    app = FastAPI(
        title="TechMarket sandbox carrier",
        version=__version__,
        summary="A stand-in for an external carrier: labels, a tracking service, parcels that "
        "move on their own clock and signed webhooks.",
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.simulator = simulator
    install_error_handlers(app)
    app.include_router(api.router)
    return app


def simulator_of(app: FastAPI) -> CarrierSimulator:
    simulator: CarrierSimulator = app.state.simulator
    return simulator
