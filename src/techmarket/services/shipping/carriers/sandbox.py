"""The adapter for the built-in sandbox carrier, spoken to over HTTP like any external one.

Rates come from TechMarket's rate table (`rates.py`), which is the sandbox's tariff, so a quote
costs no request. Labels and tracking go over HTTP with the secret API key; webhooks are
verified with `webhook_signature` against the sandbox's secrets (all of them during a rotation).
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Self

import httpx
import orjson
from pydantic import ValidationError

from techmarket.config import Settings
from techmarket.core.clock import utcnow
from techmarket.core.security.webhook_signature import (
    DEFAULT_TOLERANCE_SECONDS,
    SIGNATURE_HEADER,
    SignatureError,
    verify_signature,
)
from techmarket.services.shipping import rates
from techmarket.services.shipping.carriers.base import (
    Address,
    CarrierError,
    InvalidWebhookPayload,
    InvalidWebhookSignature,
    Label,
    LabelRequest,
    MissingWebhookSignature,
    Parcel,
    Place,
    RateOption,
    TrackingUpdate,
    WebhookEvent,
)
from techmarket.services.shipping.models import ShipmentStatus
from techmarket.services.shipping.sandbox_carrier.configuration import (
    carrier_api_key,
    carrier_public_url,
    carrier_webhook_secrets,
)
from techmarket.services.shipping.sandbox_carrier.schemas import EventRead, WebhookBody


class SandboxCarrierAdapter:
    name = "sandbox"

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str,
        webhook_secrets: Sequence[str],
        insurance_threshold: int,
        http: httpx.AsyncClient | None = None,
        tolerance: int = DEFAULT_TOLERANCE_SECONDS,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key
        self._secrets = tuple(webhook_secrets)
        self._threshold = insurance_threshold
        self._tolerance = tolerance
        self._own_http = http is None
        self._http = http or httpx.AsyncClient(timeout=10.0)

    @classmethod
    def from_settings(cls, settings: Settings, *, http: httpx.AsyncClient | None = None) -> Self:
        return cls(
            base_url=carrier_public_url(settings),
            api_key=carrier_api_key(settings),
            webhook_secrets=carrier_webhook_secrets(settings),
            insurance_threshold=settings.shipping_insurance_threshold,
            http=http,
        )

    async def aclose(self) -> None:
        if self._own_http:
            await self._http.aclose()

    def rates(self, parcel: Parcel, origin: Place, destination: Place) -> list[RateOption]:
        return rates.rates(
            parcel, origin, destination, insurance_threshold=self._threshold, today=utcnow().date()
        )

    async def buy_label(self, request: LabelRequest) -> Label:
        body = await self._call(
            "POST",
            "/labels",
            json={
                "reference": request.reference,
                "service": request.service,
                "parcel": {
                    "weight_grams": request.parcel.weight_grams,
                    "length_mm": request.parcel.length_mm,
                    "width_mm": request.parcel.width_mm,
                    "height_mm": request.parcel.height_mm,
                    "value": request.parcel.value,
                },
                "sender": _address(request.origin),
                "recipient": _address(request.destination),
                "currency": request.currency,
            },
        )
        estimate = body.get("estimated_delivery")
        return Label(
            tracking_number=body["tracking_number"],
            content=base64.b64decode(body["label"]),
            media_type=body["label_media_type"],
            estimated_delivery=dt.date.fromisoformat(estimate) if estimate else None,
        )

    async def track(self, carrier: str, tracking_number: str) -> list[TrackingUpdate]:
        body = await self._call("GET", f"/trackers/{carrier}/{tracking_number}")
        estimate = body.get("estimated_delivery")
        return [
            _update(
                tracking_number,
                EventRead.model_validate(event),
                dt.date.fromisoformat(estimate) if estimate else None,
            )
            for event in body["events"]
        ]

    def parse_webhook(self, headers: Mapping[str, str], raw_body: bytes) -> WebhookEvent:
        header = next(
            (v for k, v in headers.items() if k.lower() == SIGNATURE_HEADER.lower()), None
        )
        if not header:
            raise MissingWebhookSignature(f"The {SIGNATURE_HEADER} header is missing.")
        try:
            verify_signature(raw_body, header, self._secrets, tolerance=self._tolerance)
        except SignatureError as error:
            raise InvalidWebhookSignature(str(error)) from None
        try:
            body = WebhookBody.model_validate_json(raw_body)
        except ValidationError:
            raise InvalidWebhookPayload("The body is not a sandbox carrier event.") from None
        data = body.data
        return WebhookEvent(
            id=body.id, update=_update(data.tracking_number, data.event, data.estimated_delivery)
        )

    async def _call(self, method: str, path: str, *, json: Any = None) -> dict[str, Any]:
        try:
            response = await self._http.request(
                method,
                self.base_url + path,
                json=json,
                headers={"authorization": f"Bearer {self._api_key}"},
            )
        except httpx.HTTPError as error:
            raise CarrierError(f"The sandbox carrier could not be reached: {error}.") from None
        if response.status_code >= 400:
            raise CarrierError(
                f"The sandbox carrier answered {response.status_code} to {method} {path}."
            )
        body: dict[str, Any] = orjson.loads(response.content)
        return body


def _address(address: Address) -> dict[str, str | None]:
    return {
        "name": address.name,
        "line1": address.line1,
        "line2": address.line2,
        "city": address.city,
        "region": address.region,
        "postal_code": address.postal_code,
        "country": address.country,
    }


def _update(number: str, event: EventRead, estimate: dt.date | None) -> TrackingUpdate:
    try:
        status = ShipmentStatus(event.status)
    except ValueError:
        raise InvalidWebhookPayload(f"Unknown tracking status {event.status!r}.") from None
    return TrackingUpdate(
        event_id=event.id,
        tracking_number=number,
        status=status,
        description=event.description,
        location=event.location,
        occurred_at=event.occurred_at,
        estimated_delivery=estimate,
    )
