"""Security headers go on every response, errors included; CORS stays closed by default."""

from __future__ import annotations

import httpx
import pytest


@pytest.mark.parametrize("path", ["/api/v1/categories", "/api/v1/missing", "/healthz", "/"])
async def test_every_response_carries_security_headers(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.get(path)
    assert response.headers["strict-transport-security"].startswith("max-age=")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self';" in csp  # no inline scripts outside the API docs


async def test_api_docs_page_allows_its_own_inline_script(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/docs")
    assert response.status_code == 200
    assert "/api/docs/assets/swagger-ui-bundle.js" in response.text
    assert "script-src 'self' 'unsafe-inline'" in response.headers["content-security-policy"]
    assert (await client.get("/api/docs/assets/swagger-ui-bundle.js")).status_code == 200


async def test_cors_is_closed_unless_configured(client: httpx.AsyncClient) -> None:
    response = await client.options(
        "/api/v1/categories",
        headers={"origin": "https://evil.example", "access-control-request-method": "GET"},
    )
    assert "access-control-allow-origin" not in response.headers


async def test_request_id_is_echoed_or_made(client: httpx.AsyncClient) -> None:
    given = await client.get("/healthz", headers={"x-request-id": "abcdef123456"})
    assert given.headers["x-request-id"] == "abcdef123456"
    forged = await client.get("/healthz", headers={"x-request-id": "<script>"})
    assert forged.headers["x-request-id"] != "<script>"
    assert len(forged.headers["x-request-id"]) == 32
