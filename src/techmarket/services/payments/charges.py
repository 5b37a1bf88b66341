"""Charging a checkout, and following the payment to its end, whichever way news arrives.

A charge authorizes the whole checkout on the buyer's card and captures it at once: the money
then sits in TechMarket's escrow account (the ledger) until each order is released to its
seller. Calls to the processor happen outside database transactions; what they answer is
recorded afterwards, together with what follows from it (the ledger posting, the orders'
status through `events.publish`). Every processor call carries an idempotency key derived from
the buyer's own key, so a retried checkout reaches the same authorization and never charges
twice. The processor's webhooks and the checkout's own answer go through the same
`reconcile`, so the order in which they arrive does not matter.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from techmarket.core.resources import Resources
from techmarket.services.payments import events, ledger
from techmarket.services.payments.events import PaymentSettled, Settlement
from techmarket.services.payments.models import Payment, PaymentStatus
from techmarket.services.payments.processor_link import provider_for
from techmarket.services.payments.providers.base import PaymentState

SETTLED = {
    PaymentStatus.CAPTURED,
    PaymentStatus.DECLINED,
    PaymentStatus.CANCELLED,
    PaymentStatus.REFUNDED,
    PaymentStatus.PARTIALLY_REFUNDED,
}
_FROM_PROCESSOR: dict[str, PaymentStatus] = {
    "requires_action": PaymentStatus.REQUIRES_ACTION,
    "authorized": PaymentStatus.AUTHORIZED,
    "declined": PaymentStatus.DECLINED,
    "captured": PaymentStatus.CAPTURED,
    "cancelled": PaymentStatus.CANCELLED,
    "refunded": PaymentStatus.REFUNDED,
}


@dataclass(frozen=True)
class ChargeOutcome:
    payment_id: uuid.UUID
    status: Literal["paid", "requires_action", "declined"]
    action_url: str | None = None
    decline_reason: str | None = None


async def charge(
    resources: Resources,
    *,
    checkout_id: uuid.UUID,
    buyer_id: uuid.UUID,
    method_id: uuid.UUID,
    token: str,
    amount: int,
    currency: str,
    idempotency_key: str,
    return_url: str | None,
) -> ChargeOutcome:
    """`token` is the saved method's (the caller checked that the method is the buyer's)."""
    provider = provider_for(resources)
    authorization = await provider.authorize(
        amount=amount,
        currency=currency,
        token=token,
        idempotency_key=f"authorize:{idempotency_key}",
        metadata={"checkout_id": str(checkout_id)},
        return_url=return_url,
        capture=True,  # the escrow is kept in the ledger, not as a hold on the card
    )
    captured = authorization.amount if authorization.status == "captured" else 0
    state = PaymentState(
        id=authorization.id,
        status=authorization.status,
        amount=authorization.amount,
        currency=authorization.currency,
        amount_captured=captured,
        decline_reason=authorization.decline_reason,
    )
    if authorization.status == "authorized":  # a processor that would not capture at once
        state = await provider.capture(
            authorization.id, idempotency_key=f"capture:{authorization.id}"
        )
    async with resources.db.unit_of_work(write=True) as session:
        payment = await payment_of(session, provider.name, authorization.id)
        if payment is None:
            payment = Payment(
                id=uuid.uuid4(),
                checkout_id=checkout_id,
                buyer_id=buyer_id,
                method_id=method_id,
                provider=provider.name,
                provider_payment_id=authorization.id,
                status=PaymentStatus.REQUIRES_ACTION,
                amount=amount,
                currency=currency,
                action_url=authorization.action_url,
            )
            session.add(payment)
            await session.flush()
        await reconcile(session, payment, state)
        payment_id, status = payment.id, payment.status
        action_url, reason = payment.action_url, payment.decline_reason
    if status == PaymentStatus.CAPTURED:
        return ChargeOutcome(payment_id, "paid")
    if status == PaymentStatus.REQUIRES_ACTION:
        return ChargeOutcome(payment_id, "requires_action", action_url=action_url)
    return ChargeOutcome(payment_id, "declined", decline_reason=reason or "declined")


async def payment_of(session: AsyncSession, provider: str, provider_id: str) -> Payment | None:
    return await session.scalar(
        select(Payment).where(
            Payment.provider == provider, Payment.provider_payment_id == provider_id
        )
    )


async def reconcile(session: AsyncSession, payment: Payment, state: PaymentState) -> None:
    """Bring the payment to the processor's state, once: post the capture to the ledger and
    tell the orders. A final state is never left (a late, older event changes nothing)."""
    if payment.status in SETTLED:
        return
    new = _FROM_PROCESSOR.get(state.status)
    if new is None or new == payment.status:
        return
    payment.status = new
    if new == PaymentStatus.CAPTURED:
        payment.amount_captured = state.amount_captured or state.amount
        await ledger.record_capture(session, payment.id, payment.amount_captured, payment.currency)
        await events.publish(
            session, PaymentSettled(payment.checkout_id, payment.id, Settlement.PAID)
        )
    elif new == PaymentStatus.DECLINED:
        payment.decline_reason = state.decline_reason or "declined"
        await events.publish(
            session,
            PaymentSettled(
                payment.checkout_id, payment.id, Settlement.FAILED, payment.decline_reason
            ),
        )
    elif new == PaymentStatus.CANCELLED:
        await events.publish(
            session, PaymentSettled(payment.checkout_id, payment.id, Settlement.CANCELLED)
        )
    await session.flush()


async def capture_if_authorized(resources: Resources, state: PaymentState) -> PaymentState:
    """After a 3-D Secure challenge the authorization waits for TechMarket to take the money."""
    if state.status != "authorized":
        return state
    return await provider_for(resources).capture(state.id, idempotency_key=f"capture:{state.id}")


async def void(resources: Resources, payment_id: uuid.UUID) -> None:
    """Release an authorization nobody will pay (an expired reservation)."""
    async with resources.db.unit_of_work(write=False) as session:
        payment = await session.get(Payment, payment_id)
        if payment is None or payment.status in SETTLED:
            return
        provider_id = payment.provider_payment_id
    state = await provider_for(resources).cancel(
        provider_id, idempotency_key=f"cancel:{provider_id}"
    )
    async with resources.db.unit_of_work(write=True) as session:
        payment = await session.get(Payment, payment_id)
        if payment is not None:
            await reconcile(session, payment, state)


async def refund(
    resources: Resources,
    *,
    payment_id: uuid.UUID,
    amount: int,
    reference: str,
    released_to: uuid.UUID | None = None,
    fee_share: int = 0,
) -> None:
    """Give `amount` back to the buyer's card; `reference` (e.g. `cancel:<order id>`) makes a
    retry refund nothing twice, at the processor and in the ledger."""
    async with resources.db.unit_of_work(write=False) as session:
        payment = await session.get(Payment, payment_id)
        assert payment is not None
        provider_id, currency = payment.provider_payment_id, payment.currency
    await provider_for(resources).refund(provider_id, amount, idempotency_key=f"refund:{reference}")
    async with resources.db.unit_of_work(write=True) as session:
        payment = await session.get(Payment, payment_id)
        assert payment is not None
        already = await ledger.has_posting(session, "refund", reference)
        if not already:
            payment.amount_refunded += amount
            payment.status = (
                PaymentStatus.REFUNDED
                if payment.amount_refunded >= payment.amount_captured
                else PaymentStatus.PARTIALLY_REFUNDED
            )
            await ledger.record_refund(
                session, reference, amount, currency, released_to=released_to, fee_share=fee_share
            )
