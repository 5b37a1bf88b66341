"""The sandbox processor as its own small FastAPI app, mounted by TechMarket at /sandbox/payments.

    sandbox = create_sandbox_app(settings)
    app.mount(MOUNT_PATH, sandbox)
    ...
    await processor_of(sandbox).close()   # at shutdown

Run alone, its own lifespan starts and closes it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from techmarket import __version__
from techmarket.config import Settings, load_settings
from techmarket.core.errors import install_error_handlers
from techmarket.services.payments.sandbox_processor import api, challenge_page
from techmarket.services.payments.sandbox_processor.configuration import MOUNT_PATH
from techmarket.services.payments.sandbox_processor.processor import SandboxProcessor
from techmarket.services.payments.sandbox_processor.webhooks import (
    DEFAULT_RETRY_DELAYS,
    WebhookSender,
)

__all__ = ["MOUNT_PATH", "create_sandbox_app", "create_standalone_app", "processor_of"]


def create_sandbox_app(
    settings: Settings,
    *,
    webhook_sender: WebhookSender | None = None,
    retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
) -> FastAPI:
    processor = SandboxProcessor(settings, webhook_sender=webhook_sender, retry_delays=retry_delays)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await processor.start()
        try:
            yield
        finally:
            await processor.close()

    app = FastAPI(
        title="TechMarket sandbox payment processor",
        version=__version__,
        summary="A stand-in for an external card processor: tokens, authorizations, captures, "
        "refunds, transfers, 3-D Secure and signed webhooks.",
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.processor = processor
    install_error_handlers(app)
    # The browser posts the card straight here from TechMarket's pages; server routes need the
    # secret key in `Authorization`, a header no browser may send cross-origin (not allowed here).
    app.add_middleware(
        CORSMiddleware,
        allow_origins=[_origin(settings.base_url), *settings.cors_origins],
        allow_methods=["POST"],
        allow_headers=["content-type"],
        max_age=600,
    )
    app.include_router(api.router)
    app.include_router(challenge_page.router)
    return app


def create_standalone_app() -> FastAPI:
    """The processor alone (`techmarket sandbox-payments`), configured from the environment
    like TechMarket itself: the same data folder gives both the same generated secrets."""
    return create_sandbox_app(load_settings())


def processor_of(app: FastAPI) -> SandboxProcessor:
    processor: SandboxProcessor = app.state.processor
    return processor


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
