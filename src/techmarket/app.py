"""`create_app()`: the ASGI application, all-in-one or one service at a time."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources as package_files

from fastapi import FastAPI, Request
from fastapi.middleware import Middleware
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

from techmarket import __version__
from techmarket.config import Settings, load_settings
from techmarket.core.errors import install_error_handlers
from techmarket.core.middleware.request_guard import RequestGuardMiddleware
from techmarket.core.middleware.request_log import RequestLogMiddleware
from techmarket.core.middleware.security_headers import SecurityHeadersMiddleware
from techmarket.core.resources import open_resources
from techmarket.gateway import ops
from techmarket.gateway.frontend import ImmutableStaticFiles, SinglePageApp
from techmarket.gateway.routing import select_services
from techmarket.services.payments import client as payments
from techmarket.services.payments.sandbox_processor.app import MOUNT_PATH as SANDBOX_PAYMENTS_PATH
from techmarket.services.payments.sandbox_processor.app import create_sandbox_app, processor_of
from techmarket.services.shipping import client as shipping
from techmarket.services.shipping.sandbox_carrier.app import MOUNT_PATH as SANDBOX_CARRIER_PATH
from techmarket.services.shipping.sandbox_carrier.app import (
    create_sandbox_carrier_app,
    simulator_of,
)

API_PREFIX = "/api/v1"
DOCS_URL = "/api/docs"
log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, services: list[str] | None = None) -> FastAPI:
    settings = settings or load_settings()
    services = services if services is not None else (settings.services or None)
    mounted = select_services(services)
    all_in_one = services is None
    # The built-in sandbox payment processor: its own app, playing an external processor.
    sandbox_payments = (
        create_sandbox_app(settings)
        if settings.payments_provider == "sandbox"
        and not settings.sandbox_payments_apart
        and (services is None or "payments" in services)
        else None
    )
    # The built-in sandbox carrier, likewise: labels, tracking and webhooks of its own.
    sandbox_carrier = (
        create_sandbox_carrier_app(settings)
        if settings.shipping_carrier == "sandbox" and (services is None or "shipping" in services)
        else None
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        resources = await open_resources(settings)
        app.state.resources = resources
        await resources.db.refresh_statistics()
        if sandbox_payments is not None:
            await payments.connect_in_process(app, sandbox_payments, resources)
        if sandbox_carrier is not None:
            await shipping.connect_in_process(app, sandbox_carrier, resources)
        try:
            for service in mounted:
                if service.on_startup is not None:
                    await service.on_startup(resources)
            # What start-up made lives as long as the process: out of the garbage collector's
            # sight, a full collection takes a few ms instead of 130 (docs/benchmarks.md).
            gc.freeze()
            log.info(
                "TechMarket %s serving %s on %s, cache %s",
                __version__,
                ", ".join(s.name for s in mounted),
                resources.db.engine.url.render_as_string(hide_password=True),
                resources.cache.name,
            )
            yield
        finally:
            for service in mounted:
                if service.on_shutdown is not None:
                    await service.on_shutdown(resources)
            await payments.disconnect(resources)
            if sandbox_payments is not None:
                await processor_of(sandbox_payments).close()
            if sandbox_carrier is not None:
                await simulator_of(sandbox_carrier).close()
            await shipping.disconnect(resources)
            await resources.close()

    middleware = [
        Middleware(RequestLogMiddleware),
        Middleware(SecurityHeadersMiddleware, hsts_max_age=settings.hsts_max_age),
    ]
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "POST", "PATCH", "PUT", "DELETE"],
                allow_headers=["authorization", "content-type", "idempotency-key"],
            )
        )
    middleware.append(Middleware(RequestGuardMiddleware, max_body_bytes=settings.max_body_bytes))

    app = FastAPI(
        title="TechMarket API",
        version=__version__,
        summary="A peer-to-peer marketplace for technology.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        middleware=middleware,
    )
    install_error_handlers(app)
    app.include_router(ops.router)
    for service in mounted:
        app.include_router(service.router, prefix=API_PREFIX)
    _mount_docs(app)
    if sandbox_payments is not None:
        app.mount(SANDBOX_PAYMENTS_PATH, sandbox_payments, name="sandbox-payments")
    if sandbox_carrier is not None:
        app.mount(SANDBOX_CARRIER_PATH, sandbox_carrier, name="sandbox-carrier")
    if all_in_one:
        settings.media_dir.mkdir(parents=True, exist_ok=True)
        app.mount("/media", ImmutableStaticFiles(directory=settings.media_dir), name="media")
        # The web app answers whatever no route matches, so a wrong method on an API path
        # still gets its 405 from the router before falling through here.
        app.router.default = SinglePageApp(settings.frontend_dir)
    return app


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI from files shipped in a Python package: no CDN, works offline."""
    assets = package_files.files("fastapi_swagger") / "resources"
    app.mount(f"{DOCS_URL}/assets", StaticFiles(directory=str(assets)), name="docs-assets")

    @app.get(DOCS_URL, include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "",
            title="TechMarket API",
            swagger_js_url=f"{DOCS_URL}/assets/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_URL}/assets/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_URL}/assets/favicon-32x32.png",
        )
