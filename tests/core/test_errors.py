"""Every error is RFC 9457 problem+json, and none leaks a stack trace to the client."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from pydantic import BaseModel, Field

from techmarket.config import Settings
from techmarket.core.errors import PROBLEM_MEDIA_TYPE


class Echo(BaseModel):
    name: str = Field(min_length=2)
    quantity: int = Field(ge=1)


@pytest.fixture(scope="module")
async def probe_client(app: FastAPI, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The real app plus two probe routes, added once: one that echoes, one that crashes."""
    if not any(getattr(r, "path", "") == "/api/v1/_probe/echo" for r in app.router.routes):

        async def echo(body: Echo) -> Echo:
            return body

        async def crash() -> None:
            raise RuntimeError("secret internal detail")

        app.add_api_route("/api/v1/_probe/echo", echo, methods=["POST"])
        app.add_api_route("/api/v1/_probe/crash", crash, methods=["GET"])
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


def assert_problem(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    body = response.json()
    assert body["status"] == status
    assert isinstance(body["type"], str) and body["type"].startswith("https://")
    assert body["title"] and body["detail"]
    return body


async def test_malformed_json_is_a_400_problem(probe_client: httpx.AsyncClient) -> None:
    response = await probe_client.post(
        "/api/v1/_probe/echo",
        content=b'{"name": "ab", ',
        headers={"content-type": "application/json"},
    )
    body = assert_problem(response, 400)
    assert body["title"] == "Malformed JSON"


async def test_invalid_fields_are_named_with_the_reason(probe_client: httpx.AsyncClient) -> None:
    response = await probe_client.post("/api/v1/_probe/echo", json={"name": "a", "quantity": 0})
    body = assert_problem(response, 422)
    errors = {error["field"]: error for error in body["errors"]}  # type: ignore[union-attr]
    assert set(errors) == {"name", "quantity"}
    assert "at least 2" in errors["name"]["message"]
    assert "greater than or equal to 1" in errors["quantity"]["message"]


async def test_valid_body_passes_the_guards(probe_client: httpx.AsyncClient) -> None:
    response = await probe_client.post("/api/v1/_probe/echo", json={"name": "ab", "quantity": 2})
    assert response.status_code == 200
    assert response.json() == {"name": "ab", "quantity": 2}


async def test_wrong_content_type_is_a_415_problem(probe_client: httpx.AsyncClient) -> None:
    response = await probe_client.post(
        "/api/v1/_probe/echo", content=b"name=ab", headers={"content-type": "text/plain"}
    )
    body = assert_problem(response, 415)
    assert "text/plain" in str(body["detail"])


async def test_unknown_api_route_is_a_404_problem(client: httpx.AsyncClient) -> None:
    body = assert_problem(await client.get("/api/v1/no-such-thing"), 404)
    assert body["instance"] == "/api/v1/no-such-thing"


async def test_wrong_method_is_a_405_problem(client: httpx.AsyncClient) -> None:
    response = await client.delete("/api/v1/categories")
    assert_problem(response, 405)
    assert "GET" in response.headers["allow"]


async def test_declared_oversized_body_is_a_413_problem(
    probe_client: httpx.AsyncClient, settings: Settings
) -> None:
    big = b'{"name": "' + b"x" * settings.max_body_bytes + b'", "quantity": 1}'
    response = await probe_client.post(
        "/api/v1/_probe/echo", content=big, headers={"content-type": "application/json"}
    )
    assert_problem(response, 413)


async def test_streamed_oversized_body_is_a_413_problem(
    probe_client: httpx.AsyncClient, settings: Settings
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"name": "'
        for _ in range(settings.max_body_bytes // 1024 + 2):
            yield b"x" * 1024
        yield b'", "quantity": 1}'

    response = await probe_client.post(
        "/api/v1/_probe/echo", content=chunks(), headers={"content-type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    assert_problem(response, 413)


async def test_crash_is_a_500_problem_with_request_id_and_no_trace(
    probe_client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="techmarket.errors"):
        response = await probe_client.get("/api/v1/_probe/crash")
    body = assert_problem(response, 500)
    assert body["request_id"] == response.headers["x-request-id"]
    assert "secret internal detail" not in response.text
    assert "Traceback" not in response.text
    # The trace is kept server side, once, with the same request id.
    logged = [r for r in caplog.records if r.name == "techmarket.errors"]
    assert len(logged) == 1
    assert logged[0].exc_info is not None
    assert getattr(logged[0], "http.request.id") == body["request_id"]


async def test_client_errors_log_no_stack_trace(
    probe_client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        await probe_client.post(
            "/api/v1/_probe/echo", content=b"{", headers={"content-type": "application/json"}
        )
        await probe_client.post(
            "/api/v1/_probe/echo", content=b"x", headers={"content-type": "text/plain"}
        )
        await probe_client.get("/api/v1/nowhere")
        await probe_client.post(
            "/api/v1/_probe/echo",
            content=b"x" * 70_000,
            headers={"content-type": "application/json"},
        )
    assert [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR] == []
    access = [r for r in caplog.records if r.name == "techmarket.access"]
    statuses = [getattr(r, "http.response.status_code") for r in access]
    assert statuses == [400, 415, 404, 413]
