"""HTTP routes of the shipping service: tracking (plain and live), the seller's label, and the
carriers' webhooks."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.sse import EventSourceResponse, ServerSentEvent

from techmarket.core.dependencies import CurrentPrincipal, ResourcesDep, SessionDep
from techmarket.core.resources import Resources
from techmarket.services.shipping import polling, service, webhooks
from techmarket.services.shipping.label_files import EXTENSIONS
from techmarket.services.shipping.schemas import TrackingRead, WebhookAck

router = APIRouter(tags=["shipping"])


@router.get("/orders/{order_id}/tracking", operation_id="shipping-tracking")
async def tracking(
    order_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep, resources: ResourcesDep
) -> TrackingRead:
    """Where the parcel is, with the carrier's events oldest first (buyer or seller only)."""
    return await service.tracking_for(session, resources, principal, order_id)


async def _readable_tracking(
    order_id: uuid.UUID, principal: CurrentPrincipal, resources: ResourcesDep
) -> uuid.UUID:
    """Authorizes the stream before it starts, so a stranger gets a plain 404."""
    async with resources.db.unit_of_work(write=False) as session:
        await service.tracking_for(session, resources, principal, order_id)
    return order_id


@router.get(
    "/orders/{order_id}/tracking/stream",
    response_class=EventSourceResponse,
    operation_id="shipping-tracking-stream",
    summary="Live tracking (server-sent events)",
)
async def tracking_stream(
    order_id: Annotated[uuid.UUID, Depends(_readable_tracking)],
    principal: CurrentPrincipal,
    resources: ResourcesDep,
) -> AsyncIterator[ServerSentEvent]:
    """First `event: tracking` with the whole tracking body, then one per new carrier event
    with the whole updated body: the client replaces its state each time."""
    async with resources.live.listen(service.channel(order_id)) as messages:
        # Subscribed first, then the current state: nothing can fall between the two.
        yield ServerSentEvent(data=await _current(resources, principal, order_id), event="tracking")
        async for message in messages:
            if message.get("type") == "tracking":
                yield ServerSentEvent(data=message["tracking"], event="tracking")


async def _current(
    resources: Resources, principal: CurrentPrincipal, order_id: uuid.UUID
) -> object:
    async with resources.db.unit_of_work(write=False) as session:
        found = await service.tracking_for(session, resources, principal, order_id)
    return found.model_dump(mode="json")


@router.get(
    "/sales/{order_id}/label",
    operation_id="shipping-label",
    response_class=Response,
    responses={200: {"content": {"image/png": {}, "application/pdf": {}}}},
)
async def label(
    order_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep, resources: ResourcesDep
) -> Response:
    """The printable label of a sale shipped with a label bought here (its seller only)."""
    content, media_type = await service.label_for_seller(session, resources, principal, order_id)
    name = f"techmarket-label-{order_id}.{EXTENSIONS.get(media_type, 'bin')}"
    return Response(
        content,
        media_type=media_type,
        headers={
            "content-disposition": f'attachment; filename="{name}"',
            "cache-control": "private, no-store",
        },
    )


@router.post("/shipping/webhooks/{carrier}", operation_id="shipping-webhook")
async def webhook(carrier: str, request: Request, resources: ResourcesDep) -> WebhookAck:
    """Signed by the carrier; the raw body is what the signature covers."""
    return await webhooks.receive(resources, carrier, request.headers, await request.body())


async def on_startup(resources: Resources) -> None:
    """Poll the shipments that have another carrier's number."""
    polling.start(resources)


async def on_shutdown(resources: Resources) -> None:
    await polling.stop()
