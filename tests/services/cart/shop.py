"""What the cart tests share: signed-in sellers, changing listings as their seller, lines."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from fastapi import FastAPI

from techmarket.core.resources import Resources
from techmarket.services.cart.models import CartItem, line_key
from tests.accounts import Account, client_from
from tests.factories import Seller

CART = "/api/v1/cart"
ITEMS = "/api/v1/cart/items"
MERGE = "/api/v1/cart/merge"


async def seller_account(app: FastAPI, seller: Seller) -> Account:
    """The factory seller, signed in over HTTP (the factory sets this password)."""
    account = Account(
        seller.email, "correct horse battery staple", "Test Seller", str(seller.user_id),
        client_from(app),
    )  # fmt: skip
    await account.login()
    return account


async def change_listing(seller: Account, product_id: uuid.UUID, **changes: Any) -> None:
    """Change a listing the way its seller does, through the catalog API."""
    response = await seller.http.patch(
        f"/api/v1/products/{product_id}", json=changes, headers=seller.auth()
    )
    assert response.status_code == 200, response.text


async def option_ids(http: httpx.AsyncClient, product_id: uuid.UUID) -> dict[str, str]:
    """A listing's option ids by option name, as its public page shows them."""
    response = await http.get(f"/api/v1/products/{product_id}")
    assert response.status_code == 200, response.text
    return {option["name"]: option["id"] for option in response.json()["options"]}


async def add(
    buyer: Account,
    product_id: uuid.UUID,
    quantity: int = 1,
    option_id: str | None = None,
) -> httpx.Response:
    body: dict[str, Any] = {"product_id": str(product_id), "quantity": quantity}
    if option_id is not None:
        body["option_id"] = option_id
    return await buyer.http.post(ITEMS, json=body, headers=buyer.auth())


async def added(
    buyer: Account, product_id: uuid.UUID, quantity: int = 1, option_id: str | None = None
) -> dict[str, Any]:
    response = await add(buyer, product_id, quantity, option_id)
    assert response.status_code == 201, response.text
    line: dict[str, Any] = response.json()
    return line


async def cart_of(buyer: Account) -> dict[str, Any]:
    response = await buyer.http.get(CART, headers=buyer.auth())
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def stuff_cart(resources: Resources, user_id: str, lines: int) -> None:
    """Fill a cart with lines of listings that do not exist (cheaper than making real ones;
    the line limit counts lines, whatever they are of)."""
    async with resources.db.unit_of_work(write=True) as session:
        for _ in range(lines):
            product_id = uuid.uuid4()
            session.add(
                CartItem(
                    user_id=uuid.UUID(user_id), product_id=product_id, option_id=None,
                    line_key=line_key(product_id, None), quantity=1,
                    price_when_added=100, currency="EUR",
                )
            )  # fmt: skip
