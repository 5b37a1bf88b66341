"""The routing table: which service answers which API paths.

All-in-one mounts every service's router in this process. In the split deployment
(`techmarket serve --service NAME`) a process mounts only its own; the gateway process will
proxy each path prefix to the service that owns it (the seam is `SERVICES` below).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import APIRouter

from techmarket.core.resources import Resources
from techmarket.services.admin import api as admin_api
from techmarket.services.auth import api as auth_api
from techmarket.services.cart import api as cart_api
from techmarket.services.catalog import api as catalog_api
from techmarket.services.catalog import routes as catalog_routes
from techmarket.services.notifications import api as notifications_api
from techmarket.services.orders import api as orders_api
from techmarket.services.payments import api as payments_api
from techmarket.services.shipping import api as shipping_api
from techmarket.services.users import api as users_api

StartupHook = Callable[[Resources], Awaitable[None]]
ShutdownHook = Callable[[Resources], Awaitable[None]]


@dataclass(frozen=True)
class ServiceRoutes:
    name: str
    router: APIRouter
    path_prefixes: tuple[str, ...]
    on_startup: StartupHook | None = None
    path_patterns: tuple[str, ...] = ()
    """Paths inside another service's prefix that this one answers (full-match regexes)."""
    on_shutdown: ShutdownHook | None = None
    """Stops what `on_startup` started (background loops), before the resources close."""


SERVICES: dict[str, ServiceRoutes] = {
    "auth": ServiceRoutes("auth", auth_api.router, ("/auth",)),
    "admin": ServiceRoutes("admin", admin_api.router, ("/admin",)),
    "users": ServiceRoutes("users", users_api.router, ("/users", "/dealers")),
    "cart": ServiceRoutes(
        "cart",
        cart_api.router,
        ("/cart", "/offers"),
        path_patterns=(r"/products/[^/]+/offers",),
    ),
    "catalog": ServiceRoutes(
        "catalog",
        catalog_routes.router,
        (
            "/categories",
            "/products",
            "/promotions",
            "/admin/promotions",
            "/users/me/watchlist",
            "/users/me/saved-searches",
            "/users/me/alerts",
            "/recommendations",
            "/admin/stolen-devices",
        ),
        on_startup=catalog_api.on_startup,
        on_shutdown=catalog_api.on_shutdown,
    ),
    "orders": ServiceRoutes(
        "orders",
        orders_api.router,
        ("/checkout", "/checkouts", "/orders", "/sales", "/disputes", "/admin/disputes"),
        on_startup=orders_api.on_startup,
    ),
    "payments": ServiceRoutes("payments", payments_api.router, ("/payments", "/payouts")),
    "shipping": ServiceRoutes(
        "shipping",
        shipping_api.router,
        ("/shipping",),
        on_startup=shipping_api.on_startup,
        path_patterns=(r"/orders/[^/]+/tracking(/stream)?", r"/sales/[^/]+/label"),
        on_shutdown=shipping_api.on_shutdown,
    ),
    "notifications": ServiceRoutes(
        "notifications",
        notifications_api.router,
        ("/notifications",),
        on_startup=notifications_api.on_startup,
        on_shutdown=notifications_api.on_shutdown,
    ),
}


def _under(path: str, prefix: str) -> bool:
    """`/users/me/alerts/read` is under `/users/me/alerts`; `/users/meadow` is not under
    `/users/me`."""
    return path == prefix or path.startswith(prefix.rstrip("/") + "/")


def service_for_path(path: str) -> ServiceRoutes | None:
    """The service owning an API path (without `/api/v1`): a pattern first (`POST
    /products/{id}/offers` is the cart's), else the longest matching prefix, so
    `/users/me/watchlist` goes to the catalog although `/users` belongs to the users service."""
    for service in SERVICES.values():
        if any(re.fullmatch(pattern, path) for pattern in service.path_patterns):
            return service
    owner: ServiceRoutes | None = None
    longest = -1
    for service in SERVICES.values():
        for prefix in service.path_prefixes:
            if len(prefix) > longest and _under(path, prefix):
                owner, longest = service, len(prefix)
    return owner


def select_services(names: list[str] | None) -> list[ServiceRoutes]:
    if not names:
        return list(SERVICES.values())
    unknown = sorted(set(names) - set(SERVICES))
    if unknown:
        raise ValueError(f"unknown services: {', '.join(unknown)}; known: {', '.join(SERVICES)}")
    return [SERVICES[name] for name in names]
