"""HTTP routes of the payments service."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status

from techmarket.core.dependencies import CurrentPrincipal, ResourcesDep, SessionDep
from techmarket.services.payments import methods, webhooks
from techmarket.services.payments.processor_link import provider_for
from techmarket.services.payments.schemas import (
    PaymentMethodCreate,
    PaymentMethodList,
    PaymentMethodRead,
    WebhookAck,
)

router = APIRouter(tags=["payments"])


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
