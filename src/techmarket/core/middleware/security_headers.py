"""Security headers on every response (DESIGN §5): HSTS, CSP, no sniffing, no framing."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The SPA loads only its own scripts; MUI (emotion) injects <style> tags, hence 'unsafe-inline'
# for styles only. Images may come from the page itself, data: and blob: URLs (previews).
SPA_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI starts itself with one inline script.
DOCS_POLICY = SPA_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, hsts_max_age: int, docs_prefix: str = "/api/docs") -> None:
        self.app = app
        self.docs_prefix = docs_prefix
        common = [
            (b"strict-transport-security", f"max-age={hsts_max_age}; includeSubDomains".encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"strict-origin-when-cross-origin"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(self)"),
            (b"cross-origin-opener-policy", b"same-origin"),
        ]
        self._spa_headers = [*common, (b"content-security-policy", SPA_POLICY.encode())]
        self._docs_headers = [*common, (b"content-security-policy", DOCS_POLICY.encode())]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = (
            self._docs_headers if scope["path"].startswith(self.docs_prefix) else self._spa_headers
        )

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *(header for header in extra if header[0] not in names),
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)
