"""Refuse bodies that are too large (413) or of a type the API does not read (415).

Both are decided before the app reads the body: from `Content-Length` when the client sends
one, and by counting streamed bytes otherwise.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from techmarket.core.errors import problem_response

BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ACCEPTED_MEDIA_TYPES = frozenset({"application/json", "multipart/form-data"})


class BodyTooLarge(HTTPException):
    """Raised into the app when a streamed body passes the limit.

    An HTTPException, so that frameworks that wrap body-parsing errors let it through as 413.
    """

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The body may be at most {limit} bytes.")


class RequestGuardMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int,
        guarded_prefix: str = "/api/",
        media_types: frozenset[str] = ACCEPTED_MEDIA_TYPES,
        unguarded_prefixes: tuple[str, ...] = (),
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.guarded_prefix = guarded_prefix
        self.media_types = media_types
        self.unguarded_prefixes = unguarded_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        length_header = headers.get(b"content-length")
        has_body = bool(headers.get(b"transfer-encoding")) or (
            length_header is not None and length_header != b"0"
        )
        if length_header is not None:
            try:
                length = int(length_header)
            except ValueError:
                await problem_response(400, detail="Content-Length is not a number.")(
                    scope, receive, send
                )
                return
            if length > self.max_body_bytes:
                await self._too_large(scope, receive, send)
                return
        path: str = scope["path"]
        guarded = path.startswith(self.guarded_prefix) and not path.startswith(
            self.unguarded_prefixes
        )
        if has_body and guarded:
            content_type = headers.get(b"content-type", b"").decode("latin-1")
            media_type = content_type.split(";", 1)[0].strip().lower()
            if media_type not in self.media_types:
                accepted = ", ".join(sorted(self.media_types))
                await problem_response(
                    415,
                    code="unsupported-media-type",
                    title="Unsupported media type",
                    detail=f"Content-Type {media_type or '(none)'} is not accepted here; "
                    f"send one of: {accepted}.",
                    instance=path,
                )(scope, receive, send)
                return

        received = 0
        response_started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLarge(self.max_body_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not response_started:
                await self._too_large(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        await problem_response(
            413,
            code="payload-too-large",
            title="Request body too large",
            detail=f"The body may be at most {self.max_body_bytes} bytes.",
            instance=scope["path"],
            headers={"connection": "close"},
        )(scope, receive, send)
