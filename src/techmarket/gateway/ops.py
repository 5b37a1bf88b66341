"""Operations endpoints outside the API: liveness, readiness and Prometheus metrics."""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from techmarket.core.errors import problem_response
from techmarket.core.resources import Resources

router = APIRouter(tags=["ops"])
log = logging.getLogger(__name__)


@router.get("/healthz", operation_id="ops-healthz")
async def healthz() -> dict[str, str]:
    """The process is up and serving."""
    return {"status": "ok"}


@router.get("/readyz", operation_id="ops-readyz", response_model=None)
async def readyz(request: Request) -> dict[str, object] | Response:
    """The database and the cache answer within two seconds each."""
    resources: Resources = request.app.state.resources
    checks: dict[str, str] = {}
    for name, ping in (("database", resources.db.ping), ("cache", resources.cache.ping)):
        try:
            await asyncio.wait_for(ping(), timeout=2)
            checks[name] = "ok"
        except Exception as error:  # any failure means not ready; the reason goes to the log
            log.warning("readiness check %s failed: %r", name, error)
            checks[name] = "unavailable"
    if all(value == "ok" for value in checks.values()):
        return {"status": "ready", "checks": checks}
    return problem_response(
        503,
        title="Not ready",
        detail="; ".join(f"{k}: {v}" for k, v in checks.items()),
    )


@router.get("/metrics", operation_id="ops-metrics", include_in_schema=False)
async def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
