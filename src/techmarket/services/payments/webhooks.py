"""Events from the processor: verified, handled once, in any order.

The signature is checked over the raw body (the adapter's `parse_webhook`: HMAC-SHA256 over the
timestamp and the body, 300 s tolerance, constant-time compare). The event is not trusted for
the payment's state: the processor is asked for it (`get_payment`), so a late or replayed event
cannot move a payment backwards. The event id is stored with the changes it caused, in one
transaction, so a second delivery changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from techmarket.core.errors import Conflict
from techmarket.core.resources import Resources
from techmarket.services.payments.charges import (
    SETTLED,
    capture_if_authorized,
    payment_of,
    reconcile,
)
from techmarket.services.payments.models import WebhookEvent
from techmarket.services.payments.processor_link import provider_for
from techmarket.services.payments.providers.base import ProviderEvent
from techmarket.services.payments.schemas import WebhookAck

PAYMENT_EVENTS = ("payment.",)


class UnknownPayment(Conflict):
    """Answered with a non-2xx status so that the processor delivers the event again later."""

    code, title = "unknown-payment", "This payment is not known yet"


async def _needs_work(resources: Resources, provider: str, event: ProviderEvent) -> bool:
    """False when the event was seen, or is about a payment already settled (the checkout's
    own answer usually settles a payment before its events arrive): nothing to write then.
    A payment not recorded yet is refused, so the processor delivers the event again later."""
    async with resources.db.unit_of_work(write=False) as session:
        seen = await session.scalar(
            select(WebhookEvent.id).where(
                WebhookEvent.provider == provider, WebhookEvent.event_id == event.id
            )
        )
        if seen is not None:
            return False
        if not event.type.startswith(PAYMENT_EVENTS):
            return True
        payment = await payment_of(session, provider, event.object_id)
    if payment is None:
        raise UnknownPayment(f"No payment {event.object_id} is known yet; send it again later.")
    return payment.status not in SETTLED


async def receive(
    resources: Resources, provider_name: str, headers: Mapping[str, str], raw_body: bytes
) -> WebhookAck:
    provider = provider_for(resources)
    if provider_name != provider.name:
        raise UnknownPayment(f"Webhooks of {provider_name!r} are not expected here.")
    event = await provider.parse_webhook(headers, raw_body)
    if not await _needs_work(resources, provider.name, event):
        return WebhookAck(received=True, duplicate=True)
    state = None
    if event.type.startswith(PAYMENT_EVENTS):
        state = await capture_if_authorized(resources, await provider.get_payment(event.object_id))
    try:
        async with resources.db.unit_of_work(write=True) as session:
            session.add(_record(provider.name, event))
            await session.flush()
            if state is not None:
                payment = await payment_of(session, provider.name, event.object_id)
                if payment is None:
                    raise UnknownPayment(f"No payment {event.object_id} is known yet.")
                await reconcile(session, payment, state)
    except IntegrityError:  # the same event, handled by a parallel delivery
        return WebhookAck(received=True, duplicate=True)
    return WebhookAck(received=True, duplicate=False)


def _record(provider: str, event: ProviderEvent) -> WebhookEvent:
    return WebhookEvent(
        provider=provider, event_id=event.id, type=event.type[:60], created=event.created
    )
