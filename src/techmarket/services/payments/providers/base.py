"""The seam between TechMarket and a payment processor: one abstract base, plain result types.

Every adapter speaks integer minor units and upper-case ISO 4217 currencies, whatever its
processor uses on the wire, and normalises the processor's statuses and event names to the few
below, so the payments service holds no processor-specific rule.

Errors are typed (`PaymentRefused`, `InvalidWebhookSignature`, …) and map to problem+json like
every other `AppError`; a declined card is not an error but an `Authorization` whose status is
`declined`, since the processor did its job.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal, get_args

from techmarket.core.errors import AppError, Conflict, InvalidInput, NotFound

AuthorizationStatus = Literal["authorized", "captured", "requires_action", "declined"]
PaymentStatus = Literal[
    "requires_action", "authorized", "declined", "captured", "refunded", "cancelled"
]
RefundStatus = Literal["succeeded", "pending", "failed"]
TransferStatus = Literal["paid", "pending", "failed"]
AUTHORIZATION_STATUSES: Final = frozenset(get_args(AuthorizationStatus))
PAYMENT_STATUSES: Final = frozenset(get_args(PaymentStatus))

PAYMENT_AUTHORIZED: Final = "payment.authorized"
PAYMENT_FAILED: Final = "payment.failed"
PAYMENT_CAPTURED: Final = "payment.captured"
PAYMENT_REFUNDED: Final = "payment.refunded"
PAYMENT_CANCELLED: Final = "payment.cancelled"
TRANSFER_PAID: Final = "transfer.paid"
EVENT_TYPES: Final = frozenset(
    {
        PAYMENT_AUTHORIZED,
        PAYMENT_FAILED,
        PAYMENT_CAPTURED,
        PAYMENT_REFUNDED,
        PAYMENT_CANCELLED,
        TRANSFER_PAID,
    }
)
"""The normalised event names; an adapter passes other events on under the processor's name."""


@dataclass(frozen=True)
class CardDetails:
    """What may be kept of a card: never its number."""

    brand: str
    last4: str
    exp_month: int
    exp_year: int
    fingerprint: str
    """The same for every token of one card number (keyed hash by the processor)."""


@dataclass(frozen=True)
class Authorization:
    """The answer to `authorize`: money held on the card (or taken, when captured at once), a
    challenge to pass, or a decline."""

    id: str
    status: AuthorizationStatus
    amount: int
    currency: str
    action_url: str | None = None
    """Where the buyer completes 3-D Secure when the status is `requires_action`."""
    decline_reason: str | None = None
    """Processor code such as `card_declined`, `insufficient_funds`, `authentication_failed`."""


@dataclass(frozen=True)
class PaymentState:
    """A payment as the processor sees it now (after capture, cancel, or when fetched)."""

    id: str
    status: PaymentStatus
    amount: int
    currency: str
    amount_captured: int = 0
    amount_refunded: int = 0
    decline_reason: str | None = None


@dataclass(frozen=True)
class Refund:
    id: str
    charge_id: str
    amount: int
    currency: str
    status: RefundStatus


@dataclass(frozen=True)
class Transfer:
    """Money sent from the platform's balance to a seller's processor account."""

    id: str
    amount: int
    currency: str
    destination_account: str
    status: TransferStatus


@dataclass(frozen=True)
class ProviderEvent:
    """A verified webhook event, normalised.

    `object_id` is the payment (authorization) id for `payment.*` events and the transfer id for
    `transfer.*`. The same event may arrive more than once and out of order: de-duplicate by `id`
    and let `created` (or a fresh `get_payment`) decide which state is newer.
    """

    id: str
    type: str
    created: dt.datetime
    object_id: str
    provider_type: str
    amount: int | None = None
    """Held for `payment.authorized`, captured for `payment.captured`, this refund's amount for
    `payment.refunded`, sent for `transfer.paid`."""
    currency: str | None = None
    decline_reason: str | None = None
    refund_id: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    """The processor's own payload, for what the fields above leave out."""


class PaymentProvider(ABC):
    """A payment processor. Implementations: `SandboxPaymentProvider`, `StripePaymentProvider`.

    Methods that move money take an idempotency key: a retry with the same key (after a time-out,
    say) returns the first result and moves nothing twice.
    """

    name: str

    @abstractmethod
    async def describe_token(self, token: str) -> CardDetails:
        """Brand, last 4, expiry and fingerprint of a tokenized card (`PaymentTokenNotFound`)."""

    @abstractmethod
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
        """Hold `amount` on the card, to capture later; with `capture`, take it at once when no
        challenge stands in the way (status `captured`: one call instead of two). `return_url`
        is where the buyer lands after a 3-D Secure challenge."""

    @abstractmethod
    async def get_payment(self, authorization_id: str) -> PaymentState:
        """The payment's current state (`PaymentNotFound`)."""

    @abstractmethod
    async def capture(
        self,
        authorization_id: str,
        amount: int | None = None,
        *,
        idempotency_key: str | None = None,
    ) -> PaymentState:
        """Take `amount` (default: all) of an authorized payment; the rest is released.
        More than authorized, or a payment not authorized, raises `PaymentRefused`."""

    @abstractmethod
    async def cancel(
        self, authorization_id: str, *, idempotency_key: str | None = None
    ) -> PaymentState:
        """Void an authorization that was not captured."""

    @abstractmethod
    async def refund(
        self,
        charge_id: str,
        amount: int,
        *,
        idempotency_key: str,
        metadata: Mapping[str, str] | None = None,
    ) -> Refund:
        """Give back `amount` of a captured payment (`charge_id` is the authorization id).
        More than captured and not yet refunded raises `PaymentRefused`."""

    @abstractmethod
    async def transfer(
        self,
        *,
        amount: int,
        currency: str,
        destination_account: str,
        idempotency_key: str,
        metadata: Mapping[str, str] | None = None,
    ) -> Transfer:
        """Pay a seller out of the platform's balance (Connect transfer for Stripe)."""

    @abstractmethod
    async def parse_webhook(self, headers: Mapping[str, str], raw_body: bytes) -> ProviderEvent:
        """Verify the signature over the raw body and read the event.

        Raises `InvalidWebhookSignature` when the signature is missing, wrong, or too old.
        """

    async def aclose(self) -> None:  # noqa: B027 - adapters without connections need nothing
        """Release connections."""


def header_value(headers: Mapping[str, str], name: str) -> str | None:
    """A header from any mapping (a plain dict or Starlette's case-insensitive headers)."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None


class PaymentProviderError(AppError):
    """The processor could not be reached or answered something unexpected."""

    status, code, title = 502, "payment-processor-error", "The payment processor failed"


class ProviderMisconfigured(PaymentProviderError):
    code, title = "payment-processor-misconfigured", "The payment processor is not configured"


class PaymentTokenNotFound(InvalidInput):
    code, title = "payment-token-not-found", "The processor does not know this card token"


class PaymentNotFound(NotFound):
    code, title = "payment-not-found", "The processor does not know this payment"


class PaymentRefused(Conflict):
    """The processor refused an operation (capture too much, refund more than captured, …).

    `reason` is the processor's code, e.g. `amount-exceeds-authorized`.
    """

    code, title = "payment-refused", "The payment processor refused the operation"

    def __init__(self, detail: str | None = None, *, reason: str = "refused") -> None:
        super().__init__(detail)
        self.reason = reason


class InvalidWebhookSignature(AppError):
    status, code, title = 400, "invalid-webhook-signature", "The webhook signature is not valid"


class InvalidWebhookPayload(AppError):
    status, code, title = 400, "invalid-webhook-payload", "The webhook body is not a valid event"
