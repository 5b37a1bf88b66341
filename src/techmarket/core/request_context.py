"""The id of the request being served, for logs and error bodies."""

from contextvars import ContextVar

_request_id: ContextVar[str | None] = ContextVar("techmarket_request_id", default=None)


def current_request_id() -> str | None:
    return _request_id.get()


def set_request_id(request_id: str | None) -> object:
    return _request_id.set(request_id)


def reset_request_id(token: object) -> None:
    _request_id.reset(token)  # type: ignore[arg-type]
