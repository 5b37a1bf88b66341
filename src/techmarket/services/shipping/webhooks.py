"""Tracking events pushed by the carrier: verified, handled once, in any order.

The signature is checked over the raw body (the adapter's `parse_webhook`: HMAC-SHA256 over the
timestamp and the body, 300 s tolerance, constant-time compare); a missing one is 401, a wrong
or old one 400, and nothing is written. The webhook id is stored with the change it caused, in
one transaction, so a second delivery changes nothing. An event for a shipment not recorded yet
(the label's first event can overtake the seller's commit) is refused with 409, and the carrier
delivers it again.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from techmarket.core.resources import Resources
from techmarket.services.shipping import service
from techmarket.services.shipping.carrier_link import carrier_for
from techmarket.services.shipping.errors import UnknownCarrier, UnknownShipment
from techmarket.services.shipping.models import CarrierWebhook
from techmarket.services.shipping.schemas import WebhookAck


async def receive(
    resources: Resources, carrier_name: str, headers: Mapping[str, str], raw_body: bytes
) -> WebhookAck:
    carrier = carrier_for(resources)
    if carrier_name != carrier.name:
        raise UnknownCarrier(f"Webhooks of {carrier_name!r} are not expected here.")
    event = carrier.parse_webhook(headers, raw_body)
    update = event.update
    try:
        async with resources.db.unit_of_work(write=True) as session:
            seen = await session.scalar(
                select(CarrierWebhook.id).where(
                    CarrierWebhook.carrier == carrier.name, CarrierWebhook.event_id == event.id
                )
            )
            if seen is not None:
                return WebhookAck(received=True, duplicate=True)
            shipment = await service.with_events(
                session, carrier=carrier.name, tracking_number=update.tracking_number
            )
            if shipment is None:
                raise UnknownShipment(
                    f"No shipment {update.tracking_number} is known yet; send it again later."
                )
            session.add(CarrierWebhook(carrier=carrier.name, event_id=event.id[:120]))
            await session.flush()
            new = await service.apply_update(session, resources, shipment, update)
    except IntegrityError:  # the same event, handled by a parallel delivery
        return WebhookAck(received=True, duplicate=True)
    return WebhookAck(received=True, duplicate=not new)
