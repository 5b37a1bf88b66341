"""Serves the built React app: hashed assets cached for a year, every other path gets index.html.

Client-side routes (`/products/…`, `/search?…`) must load the app, so unknown non-API paths fall
back to `index.html`, which itself is never cached so a new deploy is picked up at once.
"""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TechMarket</title>
</head><body><main><h1>TechMarket</h1><p>The API is running at <a href="/api/docs">/api/docs</a>;
the web app has not been built. Run <code>make frontend</code> (or <code>make run</code>).</p>
</main></body></html>"""


class ImmutableStaticFiles(StaticFiles):
    """Static files whose names carry a content hash (or are content-addressed): cache forever."""

    def file_response(self, *args: object, **kwargs: object) -> Response:
        response = super().file_response(*args, **kwargs)  # type: ignore[arg-type]
        response.headers["cache-control"] = IMMUTABLE
        return response


class SinglePageApp:
    def __init__(self, dist: Path, *, reserved_prefixes: tuple[str, ...] = ("/api/",)) -> None:
        self.dist = dist
        self.reserved_prefixes = reserved_prefixes
        self.index = dist / "index.html"
        self.files = StaticFiles(directory=dist, check_dir=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope["path"]
        if path.startswith(self.reserved_prefixes):
            raise HTTPException(404)  # an unknown API path is an API 404, not the web app
        if scope["method"] not in ("GET", "HEAD"):
            raise HTTPException(405, headers={"allow": "GET, HEAD"})
        if not self.index.is_file():
            await HTMLResponse(NOT_BUILT, headers={"cache-control": REVALIDATE})(
                scope, receive, send
            )
            return
        if path not in ("", "/") and not path.endswith(".html"):
            try:
                response = await self.files.get_response(path.lstrip("/"), scope)
            except HTTPException:
                response = None
            if response is not None and response.status_code == 200:
                cache = IMMUTABLE if path.startswith("/assets/") else "public, max-age=3600"
                response.headers["cache-control"] = cache
                await response(scope, receive, send)
                return
        await FileResponse(self.index, headers={"cache-control": REVALIDATE})(scope, receive, send)
