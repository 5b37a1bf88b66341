"""HTTP routes of the payments service."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.dependencies import CurrentPrincipal, ResourcesDep, SessionDep
from techmarket.core.errors import Forbidden
from techmarket.core.security.principal import Principal
from techmarket.services.orders import client as orders
from techmarket.services.payments import methods, payouts, webhooks
from techmarket.services.payments.processor_link import provider_for
from techmarket.services.payments.schemas import (
    PaymentMethodCreate,
    PaymentMethodList,
    PaymentMethodRead,
    PayoutAccountRead,
    PayoutAccountWrite,
    PayoutCreate,
    PayoutRead,
    PayoutSummary,
    WebhookAck,
)
from techmarket.services.users import client as users

router = APIRouter(tags=["payments"])


class NotASeller(Forbidden):
    code, title = "not-a-seller", "Open a store first"


@router.post(
    "/payments/methods",
    status_code=status.HTTP_201_CREATED,
    operation_id="payments-save-method",
)
async def save_method(
    body: PaymentMethodCreate,
    principal: CurrentPrincipal,
    session: SessionDep,
    resources: ResourcesDep,
) -> PaymentMethodRead:
    method = await methods.save(session, provider_for(resources), principal.user_id, body)
    return PaymentMethodRead.model_validate(method)


@router.get("/payments/methods", operation_id="payments-list-methods")
async def list_methods(principal: CurrentPrincipal, session: SessionDep) -> PaymentMethodList:
    found = await methods.list_for(session, principal.user_id)
    return PaymentMethodList(items=[PaymentMethodRead.model_validate(m) for m in found])


@router.delete(
    "/payments/methods/{method_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="payments-remove-method",
)
async def remove_method(
    method_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> None:
    await methods.remove(session, principal.user_id, method_id)


@router.post("/payments/webhooks/{provider}", operation_id="payments-webhook")
async def webhook(provider: str, request: Request, resources: ResourcesDep) -> WebhookAck:
    """Signed by the processor; the raw body is what the signature covers."""
    raw_body = await request.body()
    return await webhooks.receive(resources, provider, request.headers, raw_body)


async def _store(session: AsyncSession, principal: Principal) -> uuid.UUID:
    dealer = await users.get_dealer_of_user(session, principal.user_id)
    if dealer is None:
        raise NotASeller("Payouts are for sellers: open a store first.")
    return dealer.id


@router.get("/payouts", operation_id="payments-payouts")
async def get_payouts(principal: CurrentPrincipal, session: SessionDep) -> PayoutSummary:
    store = await _store(session, principal)
    return await payouts.summary(session, store, await orders.seller_pending(session, store))


@router.put("/payouts/account", operation_id="payments-set-payout-account")
async def set_payout_account(
    body: PayoutAccountWrite,
    principal: CurrentPrincipal,
    session: SessionDep,
    resources: ResourcesDep,
) -> PayoutAccountRead:
    store = await _store(session, principal)
    return await payouts.set_account(session, resources, store, body.account_ref)


@router.post(
    "/payouts", status_code=status.HTTP_201_CREATED, operation_id="payments-request-payout"
)
async def request_payout(
    body: PayoutCreate, principal: CurrentPrincipal, resources: ResourcesDep
) -> PayoutRead:
    async with resources.db.unit_of_work(write=False) as session:
        store = await _store(session, principal)
    return await payouts.pay_out(resources, store, body.currency)
