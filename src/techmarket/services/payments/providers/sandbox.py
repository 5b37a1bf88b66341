"""The adapter for the built-in sandbox processor, spoken to over HTTP like any external one.

Requests carry the secret API key; those that move money carry the caller's idempotency key, so
a retry after a network error (done here, a few times with growing pauses) is safe. Webhooks
are verified with `webhook_signature` against the sandbox's secrets (all of them during a
rotation).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Self

import httpx
import orjson

from techmarket.config import Settings
from techmarket.core.security.webhook_signature import (
    DEFAULT_TOLERANCE_SECONDS,
    SIGNATURE_HEADER,
    SignatureError,
    verify_signature,
)
from techmarket.services.payments.providers.base import (
    AUTHORIZATION_STATUSES,
    PAYMENT_CAPTURED,
    PAYMENT_REFUNDED,
    PAYMENT_STATUSES,
    Authorization,
    CardDetails,
    InvalidWebhookPayload,
    InvalidWebhookSignature,
    PaymentNotFound,
    PaymentProvider,
    PaymentProviderError,
    PaymentRefused,
    PaymentState,
    PaymentTokenNotFound,
    ProviderEvent,
    ProviderMisconfigured,
    Refund,
    Transfer,
    header_value,
)
from techmarket.services.payments.sandbox_processor.configuration import (
    sandbox_api_key,
    sandbox_public_url,
    sandbox_webhook_secrets,
)

RETRY_PAUSES = (0.2, 1.0)
"""Pauses before the retries of a request that may be repeated safely."""
REFUSAL_CODES = frozenset(
    {
        "unexpected-state",
        "amount-exceeds-authorized",
        "refund-exceeds-captured",
        "balance-insufficient",
        "idempotency-key-reused",
        "idempotency-key-in-flight",
    }
)


class SandboxPaymentProvider(PaymentProvider):
    name = "sandbox"

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str,
        webhook_secrets: Sequence[str],
        http: httpx.AsyncClient | None = None,
        tolerance: int = DEFAULT_TOLERANCE_SECONDS,
    ) -> None:
        self._base_url = base_url.rstrip("/")
        self._api_key = api_key
        self._secrets = tuple(webhook_secrets)
        self._tolerance = tolerance
        self._own_http = http is None
        self._http = http or httpx.AsyncClient(timeout=10.0)

    @classmethod
    def from_settings(cls, settings: Settings, *, http: httpx.AsyncClient | None = None) -> Self:
        return cls(
            base_url=sandbox_public_url(settings),
            api_key=sandbox_api_key(settings),
            webhook_secrets=sandbox_webhook_secrets(settings),
            http=http,
        )

    async def aclose(self) -> None:
        if self._own_http:
            await self._http.aclose()

    async def describe_token(self, token: str) -> CardDetails:
        body = await self._call("GET", f"/tokens/{token}")
        return CardDetails(
            brand=body["brand"],
            last4=body["last4"],
            exp_month=body["exp_month"],
            exp_year=body["exp_year"],
            fingerprint=body["fingerprint"],
        )

    async def authorize(
        self,
        *,
        amount: int,
        currency: str,
        token: str,
        idempotency_key: str,
        metadata: Mapping[str, str] | None = None,
        return_url: str | None = None,
        capture: bool = False,
    ) -> Authorization:
        body = await self._call(
            "POST",
            "/authorizations",
            json={
                "amount": amount,
                "currency": currency,
                "token": token,
                "metadata": dict(metadata or {}),
                "return_url": return_url,
                "capture": capture,
            },
            idempotency_key=idempotency_key,
        )
        status = body["status"]
        if status not in AUTHORIZATION_STATUSES:
            raise PaymentProviderError(f"The sandbox answered an authorization {status}.")
        return Authorization(
            id=body["id"],
            status=status,
            amount=body["amount"],
            currency=body["currency"],
            action_url=body["action_url"],
            decline_reason=body["decline_reason"],
        )

    async def get_payment(self, authorization_id: str) -> PaymentState:
        return _payment_state(await self._call("GET", f"/authorizations/{authorization_id}"))

    async def capture(
        self,
        authorization_id: str,
        amount: int | None = None,
        *,
        idempotency_key: str | None = None,
    ) -> PaymentState:
        body = await self._call(
            "POST",
            f"/authorizations/{authorization_id}/capture",
            json={"amount": amount},
            idempotency_key=idempotency_key,
        )
        return _payment_state(body)

    async def cancel(
        self, authorization_id: str, *, idempotency_key: str | None = None
    ) -> PaymentState:
        body = await self._call(
            "POST", f"/authorizations/{authorization_id}/cancel", idempotency_key=idempotency_key
        )
        return _payment_state(body)

    async def refund(
        self,
        charge_id: str,
        amount: int,
        *,
        idempotency_key: str,
        metadata: Mapping[str, str] | None = None,
    ) -> Refund:
        body = await self._call(
            "POST",
            "/refunds",
            json={
                "authorization_id": charge_id,
                "amount": amount,
                "metadata": dict(metadata or {}),
            },
            idempotency_key=idempotency_key,
        )
        return Refund(
            id=body["id"],
            charge_id=body["authorization_id"],
            amount=body["amount"],
            currency=body["currency"],
            status="succeeded",
        )

    async def transfer(
        self,
        *,
        amount: int,
        currency: str,
        destination_account: str,
        idempotency_key: str,
        metadata: Mapping[str, str] | None = None,
    ) -> Transfer:
        body = await self._call(
            "POST",
            "/transfers",
            json={
                "amount": amount,
                "currency": currency,
                "destination": destination_account,
                "metadata": dict(metadata or {}),
            },
            idempotency_key=idempotency_key,
        )
        return Transfer(
            id=body["id"],
            amount=body["amount"],
            currency=body["currency"],
            destination_account=body["destination"],
            status="paid",
        )

    async def parse_webhook(self, headers: Mapping[str, str], raw_body: bytes) -> ProviderEvent:
        try:
            verify_signature(
                raw_body,
                header_value(headers, SIGNATURE_HEADER),
                self._secrets,
                tolerance=self._tolerance,
            )
        except SignatureError as error:
            raise InvalidWebhookSignature(f"Sandbox webhook refused: {error}.") from None
        try:
            return _event(orjson.loads(raw_body))
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise InvalidWebhookPayload(
                f"The sandbox webhook body is not an event: {error}"
            ) from None

    async def _call(
        self,
        method: str,
        path: str,
        *,
        json: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> dict[str, Any]:
        headers = {"authorization": f"Bearer {self._api_key}"}
        if idempotency_key is not None:
            headers["idempotency-key"] = idempotency_key
        repeatable = method == "GET" or idempotency_key is not None
        pauses = RETRY_PAUSES if repeatable else ()
        for pause in (*pauses, None):
            try:
                response = await self._http.request(
                    method, self._base_url + path, json=json, headers=headers
                )
            except httpx.TransportError as error:
                if pause is None:
                    raise PaymentProviderError(
                        f"The sandbox processor cannot be reached: {error!r}"
                    ) from error
            else:
                if pause is None or not _worth_retrying(response):
                    return _read(response)
            if pause is not None:
                await asyncio.sleep(pause)
        raise AssertionError("unreachable")  # pragma: no cover - the last round returns or raises


def _worth_retrying(response: httpx.Response) -> bool:
    return response.status_code >= 500 or _problem_code(response) == "idempotency-key-in-flight"


def _problem_code(response: httpx.Response) -> str:
    try:
        problem = response.json()
    except ValueError:
        return ""
    if not isinstance(problem, dict):
        return ""
    return str(problem.get("type", "")).rsplit("/", 1)[-1]


def _read(response: httpx.Response) -> dict[str, Any]:
    if response.is_success:
        body: dict[str, Any] = response.json()
        return body
    code = _problem_code(response)
    try:
        detail = str(response.json().get("detail", ""))
    except (ValueError, AttributeError):
        detail = response.text[:200]
    status = response.status_code
    if status == 401:
        raise ProviderMisconfigured(
            "The sandbox processor refused TechMarket's API key; check "
            "TECHMARKET_SANDBOX_PAYMENTS_API_KEY."
        )
    if code == "token-not-found":
        raise PaymentTokenNotFound(detail)
    if status == 404:
        raise PaymentNotFound(detail)
    if code in REFUSAL_CODES:
        raise PaymentRefused(detail, reason=code)
    raise PaymentProviderError(f"The sandbox processor answered {status}: {detail}")


def _payment_state(body: Mapping[str, Any]) -> PaymentState:
    status = body["status"]
    if status not in PAYMENT_STATUSES:
        raise PaymentProviderError(f"The sandbox answered a payment {status}.")
    return PaymentState(
        id=body["id"],
        status=status,
        amount=body["amount"],
        currency=body["currency"],
        amount_captured=body["amount_captured"],
        amount_refunded=body["amount_refunded"],
        decline_reason=body["decline_reason"],
    )


def _event(body: Mapping[str, Any]) -> ProviderEvent:
    event_type = str(body["type"])
    data: Mapping[str, Any] = body["data"]
    subject: Mapping[str, Any] = data["object"]
    refund: Mapping[str, Any] | None = data.get("refund")
    if event_type == PAYMENT_REFUNDED and refund is not None:
        amount = int(refund["amount"])
    elif event_type == PAYMENT_CAPTURED:
        amount = int(subject["amount_captured"])
    else:
        amount = int(subject["amount"])
    return ProviderEvent(
        id=str(body["id"]),
        type=event_type,
        created=dt.datetime.fromisoformat(body["created"]),
        object_id=str(subject["id"]),
        provider_type=event_type,
        amount=amount,
        currency=str(subject["currency"]),
        decline_reason=subject.get("decline_reason"),
        refund_id=str(refund["id"]) if refund is not None else None,
        data=data,
    )
