"""Public profiles and seller pages show what anyone may see, and nothing private."""

from __future__ import annotations

import uuid

import httpx

from techmarket.core.resources import Resources
from tests.factories import make_seller


async def test_public_profile_has_no_email(client: httpx.AsyncClient, resources: Resources) -> None:
    seller = await make_seller(resources)
    response = await client.get(f"/api/v1/users/{seller.user_id}")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == str(seller.user_id)
    assert body["dealer_id"] == str(seller.dealer_id)
    assert seller.email not in response.text
    assert "email" not in body


async def test_dealer_page(client: httpx.AsyncClient, resources: Resources) -> None:
    seller = await make_seller(resources)
    response = await client.get(f"/api/v1/dealers/{seller.dealer_id}")
    assert response.status_code == 200
    assert response.json()["store_name"] == seller.store_name


async def test_unknown_user_and_dealer_are_404(client: httpx.AsyncClient) -> None:
    for path in (f"/api/v1/users/{uuid.uuid4()}", f"/api/v1/dealers/{uuid.uuid4()}"):
        response = await client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
