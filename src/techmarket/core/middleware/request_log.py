"""Request id, one access-log line, Prometheus metrics and the last-resort 500 for each request."""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from techmarket.core import metrics
from techmarket.core.errors import problem_response
from techmarket.core.request_context import reset_request_id, set_request_id

log = logging.getLogger("techmarket.access")
error_log = logging.getLogger("techmarket.errors")

_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def _route_template(scope: Scope, api_prefix: str) -> str:
    """The matched route's template, e.g. `/api/v1/products/{product_id}` (low cardinality)."""
    route = scope.get("route")
    path = getattr(route, "path_format", None) or getattr(route, "path", None)
    if not path:
        return "unmatched"
    # FastAPI hands over the route as its router declared it, without the include prefix.
    if scope["path"].startswith(api_prefix) and not str(path).startswith(api_prefix):
        return api_prefix + str(path)
    return str(path)


class RequestLogMiddleware:
    """Outermost middleware: everything inside it runs with a request id in context.

    An exception that escapes the app is logged here once, with its stack trace, server side;
    the client gets a problem+json 500 that carries only the request id.
    """

    def __init__(self, app: ASGIApp, *, api_prefix: str = "/api/v1") -> None:
        self.app = app
        self.api_prefix = api_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = set_request_id(request_id)
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", request_id.encode()),
                ]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            error_log.exception(
                "unhandled error", extra={"http.request.id": request_id, "url.path": scope["path"]}
            )
            if not response_started:
                response = problem_response(
                    500,
                    title="Internal server error",
                    detail=f"Something went wrong on our side. Quote request id {request_id} "
                    "if you contact support.",
                )
                await response(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            route = _route_template(scope, self.api_prefix)
            method = scope["method"]
            metrics.HTTP_REQUESTS.labels(method, route, str(status)).inc()
            metrics.HTTP_LATENCY.labels(method, route).observe(elapsed)
            log.info(
                "%s %s %s",
                method,
                scope["path"],
                status,
                extra={
                    "http.request.id": request_id,
                    "http.request.method": method,
                    "url.path": scope["path"],
                    "http.route": route,
                    "http.response.status_code": status,
                    "event.duration": int(elapsed * 1e9),
                },
            )
            reset_request_id(token)
