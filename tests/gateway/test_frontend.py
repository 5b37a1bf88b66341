"""The gateway serves the built web app: SPA fallback, long-lived hashed assets, API kept apart."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager

from techmarket.app import create_app
from techmarket.config import Settings


@pytest.fixture(scope="module")
async def spa_client(
    settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[httpx.AsyncClient]:
    dist: Path = tmp_path_factory.mktemp("dist")
    (dist / "assets").mkdir()
    (dist / "index.html").write_text("<!doctype html><html><body>spa shell</body></html>")
    (dist / "assets" / "index-3f2a1b.js").write_text("console.log('app')")
    (dist / "favicon.svg").write_text("<svg/>")
    app = create_app(settings.model_copy(update={"frontend_dir": dist}))
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


async def test_client_side_routes_get_the_app_shell_uncached(spa_client: httpx.AsyncClient) -> None:
    for path in ("/", "/products/123", "/search?q=iphone"):
        response = await spa_client.get(path)
        assert response.status_code == 200
        assert "spa shell" in response.text
        assert response.headers["cache-control"] == "no-cache"


async def test_hashed_assets_are_cached_for_a_year(spa_client: httpx.AsyncClient) -> None:
    response = await spa_client.get("/assets/index-3f2a1b.js")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    other = await spa_client.get("/favicon.svg")
    assert other.headers["cache-control"] == "public, max-age=3600"


async def test_api_paths_never_fall_back_to_the_app(spa_client: httpx.AsyncClient) -> None:
    response = await spa_client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_non_get_on_the_app_is_405(spa_client: httpx.AsyncClient) -> None:
    response = await spa_client.post("/products/123")
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"


async def test_without_a_build_the_root_says_how_to_build(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 200
    assert "make frontend" in response.text
