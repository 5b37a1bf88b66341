"""The Stripe adapter against Stripe's HTTP API mocked with respx (bodies after Stripe's docs)."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import parse_qs

import httpx
import orjson
import pytest
import respx

from techmarket.services.payments.providers.base import (
    InvalidWebhookSignature,
    PaymentNotFound,
    PaymentProviderError,
    PaymentRefused,
    PaymentTokenNotFound,
    ProviderMisconfigured,
)
from techmarket.services.payments.providers.stripe_adapter import StripePaymentProvider
from tests.services.payments import stripe_responses as stripe_api

API_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
WEBHOOK_SECRET = "whsec_test_stripe"
PI = stripe_api.PAYMENT_INTENT_ID

# The SDK's httpx client posts its form as `data=` bytes, which httpx 0.28 frowns upon.
pytestmark = pytest.mark.filterwarnings("ignore:Use 'content=<...>':DeprecationWarning")


@pytest.fixture
def stripe_mock() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url="https://api.stripe.com", assert_all_called=False) as router:
        yield router


@pytest.fixture
async def provider() -> AsyncIterator[StripePaymentProvider]:
    adapter = StripePaymentProvider(
        api_key=API_KEY, webhook_secret=WEBHOOK_SECRET, max_network_retries=0
    )
    yield adapter
    await adapter.aclose()


def form(request: httpx.Request) -> dict[str, list[str]]:
    return parse_qs(request.content.decode())


async def test_describe_token_reads_the_payment_method(
    stripe_mock: respx.MockRouter, provider: StripePaymentProvider
) -> None:
    route = stripe_mock.get(f"/v1/payment_methods/{stripe_api.PAYMENT_METHOD['id']}").respond(
        200, json=stripe_api.PAYMENT_METHOD
    )
    card = await provider.describe_token(stripe_api.PAYMENT_METHOD["id"])
    assert (card.brand, card.last4, card.exp_month, card.exp_year, card.fingerprint) == (
        "visa",
        "4242",
        8,
        2026,
        "Xt5EWLLDS7FJjR1c",
    )
    assert route.calls.last.request.headers["authorization"] == f"Bearer {API_KEY}"


async def test_unknown_payment_method(
    stripe_mock: respx.MockRouter, provider: StripePaymentProvider
) -> None:
    stripe_mock.get("/v1/payment_methods/pm_nope").respond(
        404, json=stripe_api.NO_SUCH_PAYMENT_METHOD
    )
    with pytest.raises(PaymentTokenNotFound):
        await provider.describe_token("pm_nope")


async def test_authorize_confirms_a_manual_capture_payment_intent(
    stripe_mock: respx.MockRouter, provider: StripePaymentProvider
) -> None:
    route = stripe_mock.post("/v1/payment_intents").respond(200, json=stripe_api.REQUIRES_CAPTURE)
    authorization = await provider.authorize(
        amount=2000,
        currency="EUR",
        token="pm_1Q0PsIJvEtkwdCNYMSaVuRz6",
        idempotency_key="order-o-1",
        metadata={"order_id": "o-1"},
    )
    assert (authorization.id, authorization.status, authorization.amount) == (
        PI,
        "authorized",
        2000,
    )
    assert authorization.currency == "EUR"
    request = route.calls.last.request
    assert request.headers["idempotency-key"] == "order-o-1"
    sent = form(request)
    assert sent["amount"] == ["2000"]
    assert sent["currency"] == ["eur"]
    assert sent["capture_method"] == ["manual"]
    assert sent["confirm"] == ["true"]
    assert sent["payment_method"] == ["pm_1Q0PsIJvEtkwdCNYMSaVuRz6"]
    assert sent["metadata[order_id]"] == ["o-1"]
    assert sent["automatic_payment_methods[allow_redirects]"] == ["never"]


async def test_authorize_with_capture_asks_for_an_automatic_capture(
    stripe_mock: respx.MockRouter, provider: StripePaymentProvider
) -> None:
    route = stripe_mock.post("/v1/payment_intents").respond(200, json=stripe_api.SUCCEEDED)
    authorization = await provider.authorize(
        amount=2000, currency="EUR", token="pm_card_visa", idempotency_key="k", capture=True
    )
    assert (authorization.id, authorization.status, authorization.amount) == (PI, "captured", 2000)
    assert form(route.calls.last.request)["capture_method"] == ["automatic"]


async def test_three_d_secure_gives_the_redirect_url(
    stripe_mock: respx.MockRouter, provider: StripePaymentProvider
) -> None:
    route = stripe_mock.post("/v1/payment_intents").respond(200, json=stripe_api.REQUIRES_ACTION)
    authorization = await provider.authorize(
        amount=2000,
        currency="EUR",
        token="pm_card_threeDSecure2Required",
        idempotency_key="k",
        return_url="https://techmarket.example/checkout/complete",
    )
    assert authorization.status == "requires_action"
    assert authorization.action_url is not None
    assert authorization.action_url.startswith("https://hooks.stripe.com/3d_secure_2/hosted?")
    sent = form(route.calls.last.request)
    assert sent["return_url"] == ["https://techmarket.example/checkout/complete"]
    assert "automatic_payment_methods[allow_redirects]" not in sent


@pytest.mark.parametrize(
    ("body", "reason", "payment_intent_id"),
    [
        (stripe_api.CARD_DECLINED, "insufficient_funds", PI),
        (stripe_api.GENERIC_DECLINE, "card_declined", ""),
    ],
)
async def test_declined_card_is_a_declined_authorization(
    stripe_mock: respx.MockRouter,
    provider: StripePaymentProvider,
    body: dict[str, Any],
    reason: str,
    payment_intent_id: str,
) -> None:
    stripe_mock.post("/v1/payment_intents").respond(402, json=body)
    authorization = await provider.authorize(
        amount=2000, currency="EUR", token="pm_card_visa_chargeDeclined", idempotency_key="k"
    )
    assert (authorization.status, authorization.decline_reason) == ("declined", reason)
    assert authorization.id == payment_intent_id


async def test_capture_and_its_refusal(
    stripe_mock: respx.MockRouter, provider: StripePaymentProvider
) -> None:
    route = stripe_mock.post(f"/v1/payment_intents/{PI}/capture")
    route.side_effect = [
        httpx.Response(400, json=stripe_api.AMOUNT_TOO_LARGE),
        httpx.Response(200, json=stripe_api.SUCCEEDED),
    ]
    with pytest.raises(PaymentRefused) as refused:
        await provider.capture(PI, 2001)
    assert refused.value.reason == "amount-exceeds-authorized"
    state = await provider.capture(PI, 1500, idempotency_key="capture-o-1")
    assert (state.status, state.amount_captured, state.amount_refunded) == ("captured", 1500, 0)
    request = route.calls.last.request
    assert form(request)["amount_to_capture"] == ["1500"]
    assert request.headers["idempotency-key"] == "capture-o-1"


async def test_cancel_and_get_payment(
    stripe_mock: respx.MockRouter, provider: StripePaymentProvider
) -> None:
    stripe_mock.post(f"/v1/payment_intents/{PI}/cancel").respond(
        200,
        json=stripe_api.payment_intent(
            status="canceled", cancellation_reason="requested_by_customer"
        ),
    )
    assert (await provider.cancel(PI)).status == "cancelled"
    refunded_charge = {**stripe_api.CHARGE, "amount_refunded": 1500, "refunded": True}
    stripe_mock.get(f"/v1/payment_intents/{PI}").respond(
        200,
        json=stripe_api.payment_intent(
            **{**stripe_api.SUCCEEDED, "latest_charge": refunded_charge}
        ),
    )
    state = await provider.get_payment(PI)
    assert (state.status, state.amount_refunded) == ("refunded", 1500)
    stripe_mock.get("/v1/payment_intents/pi_nope").respond(
        404,
        json={
            "error": {
                "code": "resource_missing",
                "message": "No such payment_intent: 'pi_nope'",
                "param": "intent",
                "type": "invalid_request_error",
            }
        },
    )
    with pytest.raises(PaymentNotFound):
        await provider.get_payment("pi_nope")


async def test_refund(stripe_mock: respx.MockRouter, provider: StripePaymentProvider) -> None:
    route = stripe_mock.post("/v1/refunds").respond(200, json=stripe_api.REFUND)
    refund = await provider.refund(PI, 1000, idempotency_key="refund-o-1")
    assert (refund.id, refund.charge_id, refund.amount, refund.currency, refund.status) == (
        "re_1Nispe2eZvKYlo2Cd31jOCgZ",
        PI,
        1000,
        "EUR",
        "succeeded",
    )
    request = route.calls.last.request
    assert form(request)["payment_intent"] == [PI]
    assert form(request)["amount"] == ["1000"]
    assert request.headers["idempotency-key"] == "refund-o-1"


async def test_refund_more_than_captured_is_refused(
    stripe_mock: respx.MockRouter, provider: StripePaymentProvider
) -> None:
    stripe_mock.post("/v1/refunds").respond(
        400,
        json={
            "error": {
                "code": "amount_too_large",
                "message": "Refund amount (€30.00) is greater than unrefunded amount on charge "
                "(€20.00)",
                "param": "amount",
                "type": "invalid_request_error",
            }
        },
    )
    with pytest.raises(PaymentRefused) as refused:
        await provider.refund(PI, 3000, idempotency_key="k")
    assert refused.value.reason == "refund-exceeds-captured"


async def test_transfer_to_a_connected_account(
    stripe_mock: respx.MockRouter, provider: StripePaymentProvider
) -> None:
    route = stripe_mock.post("/v1/transfers").respond(200, json=stripe_api.TRANSFER)
    transfer = await provider.transfer(
        amount=400,
        currency="EUR",
        destination_account="acct_1MTfjCQ9PRzxEwkZ",
        idempotency_key="payout-1",
        metadata={"payout_id": "p-1"},
    )
    assert (transfer.id, transfer.amount, transfer.currency, transfer.status) == (
        "tr_1MiN3gLkdIwHu7ixNCZvFdgA",
        400,
        "EUR",
        "paid",
    )
    assert transfer.destination_account == "acct_1MTfjCQ9PRzxEwkZ"
    sent = form(route.calls.last.request)
    assert sent["destination"] == ["acct_1MTfjCQ9PRzxEwkZ"]
    assert sent["currency"] == ["eur"]
    assert route.calls.last.request.headers["idempotency-key"] == "payout-1"


async def test_bad_api_key_and_outage(
    stripe_mock: respx.MockRouter, provider: StripePaymentProvider
) -> None:
    stripe_mock.get(f"/v1/payment_intents/{PI}").respond(
        401,
        json={
            "error": {
                "message": "Invalid API Key provided: sk_test_****",
                "type": "invalid_request_error",
            }
        },
    )
    with pytest.raises(ProviderMisconfigured):
        await provider.get_payment(PI)
    stripe_mock.post("/v1/refunds").mock(side_effect=httpx.ConnectError("down"))
    with pytest.raises(PaymentProviderError):
        await provider.refund(PI, 1, idempotency_key="k")


# Webhooks.


def stripe_signature(payload: bytes, *, timestamp: int | None = None) -> str:
    """What Stripe sends: HMAC-SHA256 of "{t}.{payload}" with the endpoint's secret."""
    stamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{stamp}.".encode() + payload
    digest = hmac.new(WEBHOOK_SECRET.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={stamp},v1={digest}"


@pytest.mark.parametrize(
    ("stripe_type", "subject", "expected"),
    [
        (
            "payment_intent.amount_capturable_updated",
            stripe_api.REQUIRES_CAPTURE,
            ("payment.authorized", PI, 2000, None),
        ),
        ("payment_intent.succeeded", stripe_api.SUCCEEDED, ("payment.captured", PI, 1500, None)),
        (
            "payment_intent.payment_failed",
            stripe_api.CARD_DECLINED["error"]["payment_intent"],
            ("payment.failed", PI, 2000, None),
        ),
        (
            "refund.created",
            stripe_api.REFUND,
            ("payment.refunded", PI, 1000, "re_1Nispe2eZvKYlo2Cd31jOCgZ"),
        ),
        (
            "transfer.created",
            stripe_api.TRANSFER,
            ("transfer.paid", "tr_1MiN3gLkdIwHu7ixNCZvFdgA", 400, None),
        ),
    ],
)
async def test_webhook_events_are_normalised(
    provider: StripePaymentProvider,
    stripe_type: str,
    subject: dict[str, Any],
    expected: tuple[str, str, int, str | None],
) -> None:
    payload = orjson.dumps(stripe_api.event(stripe_type, subject))
    event = await provider.parse_webhook({"Stripe-Signature": stripe_signature(payload)}, payload)
    assert (event.type, event.object_id, event.amount, event.refund_id) == expected
    assert (event.id, event.provider_type, event.currency) == (
        "evt_1NG8Du2eZvKYlo2CUI79vXWy",
        stripe_type,
        "EUR",
    )
    assert event.created.timestamp() == 1686089970
    if stripe_type == "payment_intent.payment_failed":
        assert event.decline_reason == "insufficient_funds"


async def test_other_stripe_events_keep_their_name(provider: StripePaymentProvider) -> None:
    payload = orjson.dumps(
        stripe_api.event("customer.created", {"id": "cus_1", "object": "customer"})
    )
    event = await provider.parse_webhook({"stripe-signature": stripe_signature(payload)}, payload)
    assert (event.type, event.object_id, event.amount) == ("customer.created", "cus_1", None)


async def test_tampered_old_or_unsigned_webhooks_are_refused(
    provider: StripePaymentProvider,
) -> None:
    payload = orjson.dumps(stripe_api.event("payment_intent.succeeded", stripe_api.SUCCEEDED))
    tampered = payload.replace(b"1500", b"9999")
    with pytest.raises(InvalidWebhookSignature):
        await provider.parse_webhook({"Stripe-Signature": stripe_signature(payload)}, tampered)
    old = stripe_signature(payload, timestamp=int(time.time()) - 301)
    with pytest.raises(InvalidWebhookSignature):
        await provider.parse_webhook({"Stripe-Signature": old}, payload)
    with pytest.raises(InvalidWebhookSignature):
        await provider.parse_webhook({}, payload)
