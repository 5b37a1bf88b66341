"""HTTP routes of the cart service: signed-in buyers, their own cart only."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from techmarket.core.dependencies import CurrentPrincipal, SessionDep, StorageDep
from techmarket.services.cart import api_offers, service
from techmarket.services.cart.schemas import (
    Cart,
    CartItemCreate,
    CartItemUpdate,
    CartLine,
    CartMerge,
    MergeResult,
)

router = APIRouter(tags=["cart"])


@router.get("/cart", operation_id="cart-get")
async def get_cart(principal: CurrentPrincipal, session: SessionDep, storage: StorageDep) -> Cart:
    return await service.view(session, storage, principal.user_id)


@router.post("/cart/items", status_code=status.HTTP_201_CREATED, operation_id="cart-add-item")
async def add_item(
    body: CartItemCreate, principal: CurrentPrincipal, session: SessionDep, storage: StorageDep
) -> CartLine:
    return await service.add(session, storage, principal.user_id, body)


@router.patch("/cart/items/{line_id}", operation_id="cart-update-item")
async def update_item(
    line_id: uuid.UUID,
    body: CartItemUpdate,
    principal: CurrentPrincipal,
    session: SessionDep,
    storage: StorageDep,
) -> CartLine:
    return await service.change_quantity(
        session, storage, principal.user_id, line_id, body.quantity
    )


@router.post("/cart/items/{line_id}/accept-price", operation_id="cart-accept-price")
async def accept_price(
    line_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep, storage: StorageDep
) -> CartLine:
    return await service.accept_price(session, storage, principal.user_id, line_id)


@router.delete(
    "/cart/items/{line_id}", status_code=status.HTTP_204_NO_CONTENT, operation_id="cart-remove-item"
)
async def remove_item(line_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep) -> None:
    await service.remove(session, principal.user_id, line_id)


@router.post("/cart/merge", operation_id="cart-merge")
async def merge_cart(
    body: CartMerge, principal: CurrentPrincipal, session: SessionDep, storage: StorageDep
) -> MergeResult:
    return await service.merge(session, storage, principal.user_id, body)


# Offers have their own module; the cart service serves them (see docs/api.md, Offers).
router.include_router(api_offers.router)
