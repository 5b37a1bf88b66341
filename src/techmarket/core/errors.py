"""RFC 9457 problem details: every error TechMarket answers is `application/problem+json`.

Services raise typed errors (subclasses of `AppError`, e.g. `ListingNotFound`); this module maps
them, and the framework's own errors, to one wire shape in one place.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from techmarket.core.request_context import current_request_id

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://techmarket.dev/problems/"


class AppError(Exception):
    """An error with a meaning for the client. Subclass it per case; never raise it bare."""

    status: int = 400
    code: str = "bad-request"
    title: str = "Bad request"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: Sequence[Mapping[str, Any]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.errors = list(errors) if errors else None
        self.headers = dict(headers) if headers else None


class NotFound(AppError):
    status, code, title = 404, "not-found", "Not found"


class Conflict(AppError):
    status, code, title = 409, "conflict", "Conflict"


class InvalidInput(AppError):
    """Input that is well-formed but breaks a rule the schema cannot express."""

    status, code, title = 422, "validation-error", "Your request has invalid fields"


class Unauthorized(AppError):
    status, code, title = 401, "unauthorized", "Sign-in required"


class Forbidden(AppError):
    status, code, title = 403, "forbidden", "Not allowed"


class TooManyRequests(AppError):
    status, code, title = 429, "too-many-requests", "Too many requests"


def problem_body(
    status: int,
    *,
    code: str | None = None,
    title: str | None = None,
    detail: str | None = None,
    instance: str | None = None,
    errors: Sequence[Mapping[str, Any]] | None = None,
) -> bytes:
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + (code or phrase.lower().replace(" ", "-")),
        "title": title or phrase,
        "status": status,
        "detail": detail or title or phrase,
    }
    if instance:
        body["instance"] = instance
    request_id = current_request_id()
    if request_id:
        body["request_id"] = request_id
    if errors:
        body["errors"] = list(errors)
    return orjson.dumps(body)


def problem_response(
    status: int, *, headers: Mapping[str, str] | None = None, **fields: Any
) -> Response:
    return Response(
        problem_body(status, **fields),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def _field_path(loc: Sequence[int | str]) -> str:
    """`("body", "address", "postal_code")` → `address.postal_code`; query/path keep their name."""
    parts = [str(part) for part in loc]
    if (parts and parts[0] == "body") or (
        parts and parts[0] in {"query", "path", "header", "cookie"}
    ):
        parts = parts[1:]
    return ".".join(parts) or "body"


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    raw = exc.errors()
    if any(error.get("type") == "json_invalid" for error in raw):
        return problem_response(
            400,
            code="malformed-json",
            title="Malformed JSON",
            detail="The request body is not valid JSON.",
            instance=request.url.path,
        )
    errors = [
        {
            "field": _field_path(error.get("loc", ())),
            "in": str(error.get("loc", ("body",))[0]),
            "message": error.get("msg", "invalid value"),
            "code": error.get("type", "invalid"),
        }
        for error in raw
    ]
    return problem_response(
        422,
        code="validation-error",
        title="Your request has invalid fields",
        detail="; ".join(f"{e['field']}: {e['message']}" for e in errors),
        instance=request.url.path,
        errors=errors,
    )


async def _on_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else None
    status = exc.status_code
    if status == 404 and detail == "Not Found":
        detail = f"Nothing is at {request.url.path}."
    elif status == 405:
        detail = f"{request.method} is not allowed on {request.url.path}."
    return problem_response(status, detail=detail, instance=request.url.path, headers=exc.headers)


async def _on_app_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AppError)
    return problem_response(
        exc.status,
        code=exc.code,
        title=exc.title,
        detail=exc.detail,
        instance=request.url.path,
        errors=exc.errors,
        headers=exc.headers,
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(AppError, _on_app_error)
