"""The Stripe adapter, on the official SDK with its async httpx client.

- A card token is a PaymentMethod id (`pm_…`) made by Stripe.js in the browser.
- `authorize` creates and confirms a PaymentIntent with `capture_method=manual`; 3-D Secure
  answers `requires_action` with the redirect URL when a `return_url` was given (without one,
  redirects are turned off and only Stripe.js can finish a challenge).
- `refund` refunds the PaymentIntent; `transfer` is a Connect transfer to the seller's account.
- Webhooks are checked by the SDK (`Stripe-Signature`, `Webhook.construct_event`, 300 s), and
  Stripe's event names are mapped to TechMarket's (`payment_intent.succeeded` →
  `payment.captured`, …).

Stripe's refusal codes are mapped to the sandbox's (`amount_too_large` on a capture →
`amount-exceeds-authorized`, …) so the payments service handles one vocabulary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Final

import orjson
import stripe

from techmarket.core.security.webhook_signature import DEFAULT_TOLERANCE_SECONDS
from techmarket.services.payments.providers.base import (
    PAYMENT_AUTHORIZED,
    PAYMENT_CANCELLED,
    PAYMENT_CAPTURED,
    PAYMENT_FAILED,
    PAYMENT_REFUNDED,
    TRANSFER_PAID,
    Authorization,
    CardDetails,
    InvalidWebhookPayload,
    InvalidWebhookSignature,
    PaymentNotFound,
    PaymentProvider,
    PaymentProviderError,
    PaymentRefused,
    PaymentState,
    PaymentStatus,
    PaymentTokenNotFound,
    ProviderEvent,
    ProviderMisconfigured,
    Refund,
    RefundStatus,
    Transfer,
    header_value,
)

SIGNATURE_HEADER: Final = "Stripe-Signature"

EVENT_TYPES: Final[dict[str, str]] = {
    "payment_intent.amount_capturable_updated": PAYMENT_AUTHORIZED,
    "payment_intent.payment_failed": PAYMENT_FAILED,
    "payment_intent.succeeded": PAYMENT_CAPTURED,
    "payment_intent.canceled": PAYMENT_CANCELLED,
    "refund.created": PAYMENT_REFUNDED,
    "transfer.created": TRANSFER_PAID,
}
"""Stripe's event → TechMarket's; others pass under Stripe's own name."""

_PAYMENT_STATUSES: Final[dict[str, PaymentStatus]] = {
    "requires_payment_method": "declined",
    "requires_confirmation": "requires_action",
    "requires_action": "requires_action",
    "processing": "requires_action",
    "requires_capture": "authorized",
    "succeeded": "captured",
    "canceled": "cancelled",
}
_REFUND_STATUSES: Final[dict[str, RefundStatus]] = {
    "succeeded": "succeeded",
    "pending": "pending",
    "requires_action": "pending",
    "failed": "failed",
    "canceled": "failed",
}


class StripePaymentProvider(PaymentProvider):
    name = "stripe"

    def __init__(
        self,
        *,
        api_key: str,
        webhook_secret: str,
        http_client: stripe.HTTPXClient | None = None,
        max_network_retries: int = 2,
        tolerance: int = DEFAULT_TOLERANCE_SECONDS,
    ) -> None:
        self._http_client = http_client or stripe.HTTPXClient()
        self._client = stripe.StripeClient(
            api_key, http_client=self._http_client, max_network_retries=max_network_retries
        )
        self._webhook_secret = webhook_secret
        self._tolerance = tolerance

    async def aclose(self) -> None:
        await self._http_client.close_async()  # type: ignore[no-untyped-call] # SDK unannotated

    async def describe_token(self, token: str) -> CardDetails:
        try:
            method = await self._client.v1.payment_methods.retrieve_async(token)
        except stripe.InvalidRequestError as error:
            if error.code == "resource_missing":
                raise PaymentTokenNotFound(f"Stripe knows no payment method {token}.") from None
            raise _refusal(error, "describe") from None
        except stripe.StripeError as error:
            raise _failure(error) from None
        card = method.card
        if card is None:
            raise PaymentTokenNotFound(f"Payment method {token} is not a card.")
        return CardDetails(
            brand=card.brand,
            last4=card.last4,
            exp_month=card.exp_month,
            exp_year=card.exp_year,
            fingerprint=card.fingerprint or "",
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
        params: stripe.params.PaymentIntentCreateParams = {
            "amount": amount,
            "currency": currency.lower(),
            "payment_method": token,
            "capture_method": "automatic" if capture else "manual",
            "confirm": True,
            "metadata": dict(metadata or {}),
        }
        if return_url is not None:
            params["return_url"] = return_url
        else:  # confirming without a return URL: 3-D Secure only through Stripe.js, no redirect
            params["automatic_payment_methods"] = {"enabled": True, "allow_redirects": "never"}
        try:
            intent = await self._client.v1.payment_intents.create_async(
                params, {"idempotency_key": idempotency_key}
            )
        except stripe.CardError as error:
            declined = error.error.payment_intent if error.error is not None else None
            return Authorization(
                id=declined.id if declined is not None else "",
                status="declined",
                amount=amount,
                currency=currency.upper(),
                decline_reason=_decline_reason(error.error),
            )
        except stripe.InvalidRequestError as error:
            if error.code == "resource_missing" and error.param == "payment_method":
                raise PaymentTokenNotFound(f"Stripe knows no payment method {token}.") from None
            raise _refusal(error, "authorize") from None
        except stripe.StripeError as error:
            raise _failure(error) from None
        status = intent.status
        if status == "requires_capture":
            return Authorization(intent.id, "authorized", intent.amount, intent.currency.upper())
        if status == "succeeded":  # captured at once
            return Authorization(intent.id, "captured", intent.amount, intent.currency.upper())
        if status == "requires_action":
            action = intent.next_action
            redirect = action.redirect_to_url if action is not None else None
            return Authorization(
                intent.id,
                "requires_action",
                intent.amount,
                intent.currency.upper(),
                action_url=redirect.url if redirect is not None else None,
            )
        if status == "requires_payment_method":
            return Authorization(
                intent.id,
                "declined",
                intent.amount,
                intent.currency.upper(),
                decline_reason=_decline_reason(intent.last_payment_error),
            )
        raise PaymentProviderError(f"Stripe answered a PaymentIntent {status} to a confirmation.")

    async def get_payment(self, authorization_id: str) -> PaymentState:
        try:
            intent = await self._client.v1.payment_intents.retrieve_async(
                authorization_id, {"expand": ["latest_charge"]}
            )
        except stripe.StripeError as error:
            raise _failure(error, missing=PaymentNotFound) from None
        return _payment_state(intent)

    async def capture(
        self,
        authorization_id: str,
        amount: int | None = None,
        *,
        idempotency_key: str | None = None,
    ) -> PaymentState:
        params: stripe.params.PaymentIntentCaptureParams = {"expand": ["latest_charge"]}
        if amount is not None:
            params["amount_to_capture"] = amount
        try:
            intent = await self._client.v1.payment_intents.capture_async(
                authorization_id, params, _options(idempotency_key)
            )
        except stripe.InvalidRequestError as error:
            raise _refusal(error, "capture") from None
        except stripe.StripeError as error:
            raise _failure(error) from None
        return _payment_state(intent)

    async def cancel(
        self, authorization_id: str, *, idempotency_key: str | None = None
    ) -> PaymentState:
        try:
            intent = await self._client.v1.payment_intents.cancel_async(
                authorization_id, {"expand": ["latest_charge"]}, _options(idempotency_key)
            )
        except stripe.InvalidRequestError as error:
            raise _refusal(error, "cancel") from None
        except stripe.StripeError as error:
            raise _failure(error) from None
        return _payment_state(intent)

    async def refund(
        self,
        charge_id: str,
        amount: int,
        *,
        idempotency_key: str,
        metadata: Mapping[str, str] | None = None,
    ) -> Refund:
        try:
            refund = await self._client.v1.refunds.create_async(
                {"payment_intent": charge_id, "amount": amount, "metadata": dict(metadata or {})},
                {"idempotency_key": idempotency_key},
            )
        except stripe.InvalidRequestError as error:
            raise _refusal(error, "refund") from None
        except stripe.StripeError as error:
            raise _failure(error) from None
        return Refund(
            id=refund.id,
            charge_id=_id_of(refund.payment_intent) or charge_id,
            amount=refund.amount,
            currency=refund.currency.upper(),
            status=_REFUND_STATUSES.get(refund.status or "", "pending"),
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
        try:
            transfer = await self._client.v1.transfers.create_async(
                {
                    "amount": amount,
                    "currency": currency.lower(),
                    "destination": destination_account,
                    "metadata": dict(metadata or {}),
                },
                {"idempotency_key": idempotency_key},
            )
        except stripe.InvalidRequestError as error:
            raise _refusal(error, "transfer") from None
        except stripe.StripeError as error:
            raise _failure(error) from None
        return Transfer(
            id=transfer.id,
            amount=transfer.amount,
            currency=transfer.currency.upper(),
            destination_account=_id_of(transfer.destination) or destination_account,
            status="paid",  # a Connect transfer lands in the connected account's balance at once
        )

    async def parse_webhook(self, headers: Mapping[str, str], raw_body: bytes) -> ProviderEvent:
        try:
            event = self._client.construct_event(
                raw_body,
                header_value(headers, SIGNATURE_HEADER),
                self._webhook_secret,
                tolerance=self._tolerance,
            )
        except stripe.SignatureVerificationError as error:
            raise InvalidWebhookSignature(f"Stripe webhook refused: {error}") from None
        except ValueError as error:
            raise InvalidWebhookPayload(f"The Stripe webhook body is not JSON: {error}") from None
        data: dict[str, Any] = orjson.loads(raw_body)["data"]
        return _event(event.id, event.type, event.created, data)


def _options(idempotency_key: str | None) -> stripe.RequestOptions:
    return {"idempotency_key": idempotency_key} if idempotency_key is not None else {}


def _id_of(value: Any) -> str | None:
    """An expandable field: an id, or the expanded object."""
    if value is None or isinstance(value, str):
        return value
    return str(value.id)


def _decline_reason(error: Any) -> str:
    """`insufficient_funds`, `lost_card`…; Stripe's `generic_decline` reads as `card_declined`."""
    if error is None:
        return "card_declined"
    decline_code = getattr(error, "decline_code", None)
    if decline_code and decline_code != "generic_decline":
        return str(decline_code)
    return str(getattr(error, "code", None) or "card_declined")


def _payment_state(intent: stripe.PaymentIntent) -> PaymentState:
    status = _PAYMENT_STATUSES.get(intent.status)
    if status is None:
        raise PaymentProviderError(f"Stripe answered a PaymentIntent {intent.status}.")
    charge = intent.latest_charge
    refunded = charge.amount_refunded if isinstance(charge, stripe.Charge) else 0
    if status == "captured" and refunded and refunded >= intent.amount_received:
        status = "refunded"
    return PaymentState(
        id=intent.id,
        status=status,
        amount=intent.amount,
        currency=intent.currency.upper(),
        amount_captured=intent.amount_received,
        amount_refunded=refunded,
        decline_reason=(
            _decline_reason(intent.last_payment_error) if status == "declined" else None
        ),
    )


_REFUSALS: Final[dict[tuple[str, str], str]] = {
    ("capture", "amount_too_large"): "amount-exceeds-authorized",
    ("refund", "amount_too_large"): "refund-exceeds-captured",
    ("refund", "charge_already_refunded"): "refund-exceeds-captured",
    ("transfer", "balance_insufficient"): "balance-insufficient",
}


def _refusal(
    error: stripe.InvalidRequestError, operation: str
) -> PaymentProviderError | PaymentRefused | PaymentNotFound:
    code = error.code or ""
    if code == "resource_missing":
        return PaymentNotFound(error.user_message or str(error))
    if code == "payment_intent_unexpected_state":
        reason = "unexpected-state"
    else:
        reason = _REFUSALS.get((operation, code), code or "refused")
    return PaymentRefused(error.user_message or str(error), reason=reason)


def _failure(
    error: stripe.StripeError, *, missing: type[PaymentNotFound] | None = None
) -> PaymentProviderError | PaymentNotFound | PaymentRefused:
    if isinstance(error, stripe.AuthenticationError | stripe.PermissionError):
        return ProviderMisconfigured("Stripe refused TechMarket's API key.")
    if isinstance(error, stripe.IdempotencyError):
        return PaymentRefused(str(error), reason="idempotency-key-reused")
    if missing is not None and error.code == "resource_missing":
        return missing(str(error))
    return PaymentProviderError(f"Stripe failed: {error.user_message or error}")


def _event(event_id: str, stripe_type: str, created: int, data: dict[str, Any]) -> ProviderEvent:
    subject: dict[str, Any] = data.get("object") or {}
    event_type = EVENT_TYPES.get(stripe_type, stripe_type)
    amount: Any = subject.get("amount")
    object_id = str(subject.get("id", ""))
    refund_id = None
    decline_reason = None
    if stripe_type == "payment_intent.amount_capturable_updated":
        amount = subject.get("amount_capturable")
    elif stripe_type == "payment_intent.succeeded":
        amount = subject.get("amount_received")
    elif stripe_type == "payment_intent.payment_failed":
        error = subject.get("last_payment_error") or {}
        decline_code = error.get("decline_code")
        decline_reason = (
            decline_code
            if decline_code and decline_code != "generic_decline"
            else error.get("code") or "card_declined"
        )
    elif stripe_type == "refund.created":
        refund_id = object_id
        object_id = str(_id_of(subject.get("payment_intent")) or "")
    currency = subject.get("currency")
    return ProviderEvent(
        id=event_id,
        type=event_type,
        created=dt.datetime.fromtimestamp(created, dt.UTC),
        object_id=object_id,
        provider_type=stripe_type,
        amount=int(amount) if isinstance(amount, int) else None,
        currency=str(currency).upper() if currency else None,
        decline_reason=decline_reason,
        refund_id=refund_id,
        data=data,
    )
