"""Which service owns which path, as the split deployment's gateway will route them."""

from __future__ import annotations

import pytest

from techmarket.gateway.routing import service_for_path


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/products", "catalog"),
        ("/products/3f2b/related", "catalog"),
        ("/products/3f2b/offers", "cart"),
        ("/products/3f2b/offers/extra", "catalog"),
        ("/offers/9a", "cart"),
        ("/users/me", "users"),
        ("/users/me/watchlist/1", "catalog"),
        ("/users/meadow", "users"),
        ("/orders/1/disputes", "orders"),
        ("/admin/disputes/1/decide", "orders"),
        ("/admin/users/1/roles", "admin"),
        ("/payouts", "payments"),
        ("/checkout/quote", "orders"),
    ],
)
def test_each_path_has_one_owner(path: str, service: str) -> None:
    owner = service_for_path(path)
    assert owner is not None and owner.name == service


def test_unknown_paths_have_no_owner() -> None:
    assert service_for_path("/nowhere") is None
