"""Pure ASGI middleware (no `BaseHTTPMiddleware`): each wraps the app without buffering bodies."""
