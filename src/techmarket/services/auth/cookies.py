"""The refresh cookie: where the web app's refresh token lives, out of reach of scripts."""

from __future__ import annotations

from starlette.responses import Response

REFRESH_COOKIE = "tm_refresh"
COOKIE_PATH = "/api/v1/auth"


def clear_refresh_cookie(response: Response) -> None:
    response.delete_cookie(REFRESH_COOKIE, path=COOKIE_PATH, httponly=True, samesite="strict")
