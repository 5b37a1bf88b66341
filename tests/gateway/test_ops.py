"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

import httpx

from techmarket.core.resources import Resources


async def test_healthz(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_checks_database_and_cache(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": {"database": "ok", "cache": "ok"}}


async def test_readyz_says_503_when_the_database_is_gone(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    healthy_ping = resources.db.ping

    async def broken_ping() -> None:
        raise ConnectionError("database down")

    resources.db.ping = broken_ping  # type: ignore[method-assign]
    try:
        response = await client.get("/readyz")
    finally:
        resources.db.ping = healthy_ping  # type: ignore[method-assign]
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert "database: unavailable" in response.json()["detail"]


def _sample(text: str, name: str, **labels: str) -> float:
    for line in text.splitlines():
        if line.startswith(name + "{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


async def test_metrics_count_requests_by_route_template_and_cache_results(
    client: httpx.AsyncClient,
) -> None:
    before = (await client.get("/metrics")).text
    await client.get("/api/v1/products/00000000-0000-0000-0000-000000000000")
    for _ in range(3):  # a miss at most, then hits
        await client.get("/api/v1/categories")
    after = (await client.get("/metrics")).text
    route = "/api/v1/products/{product_id}"
    name = "techmarket_http_requests_total"
    assert (
        _sample(after, name, route=route, status="404")
        == _sample(before, name, route=route, status="404") + 1
    )
    hits = "techmarket_cache_requests_total"
    assert _sample(after, hits, result="hit") >= _sample(before, hits, result="hit") + 2
    assert "techmarket_http_request_duration_seconds_bucket" in after
