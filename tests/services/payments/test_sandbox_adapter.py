"""The sandbox adapter end to end against the sandbox TechMarket mounts at /sandbox/payments."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from fastapi import FastAPI
from starlette.routing import Mount

from techmarket.config import Settings
from techmarket.core.security.webhook_signature import (
    SIGNATURE_HEADER,
    signature_header,
)
from techmarket.services.payments.providers import create_payment_provider
from techmarket.services.payments.providers.base import (
    InvalidWebhookPayload,
    InvalidWebhookSignature,
    PaymentNotFound,
    PaymentProviderError,
    PaymentRefused,
    PaymentTokenNotFound,
    ProviderMisconfigured,
)
from techmarket.services.payments.providers.sandbox import SandboxPaymentProvider
from techmarket.services.payments.sandbox_processor.app import MOUNT_PATH, processor_of
from techmarket.services.payments.sandbox_processor.configuration import sandbox_webhook_secrets
from techmarket.services.payments.sandbox_processor.processor import SandboxProcessor
from tests.services.payments.conftest import (
    DECLINED,
    INSUFFICIENT_FUNDS,
    THREE_D_SECURE,
    VISA,
    CapturedWebhooks,
)


@dataclass
class Mounted:
    provider: SandboxPaymentProvider
    http: httpx.AsyncClient
    processor: SandboxProcessor
    webhooks: CapturedWebhooks
    secrets: tuple[str, ...]

    async def tokenize(self, number: str = VISA) -> str:
        """What the buyer's browser does: post the card to the processor itself."""
        response = await self.http.post(
            f"{MOUNT_PATH}/tokens",
            json={"number": number, "exp_month": 9, "exp_year": 2040, "cvc": "123"},
        )
        assert response.status_code == 201, response.text
        token: str = response.json()["token"]
        return token

    async def events(self) -> CapturedWebhooks:
        await self.processor.webhooks.drain()
        return self.webhooks


def mounted_sandbox(app: FastAPI) -> SandboxProcessor:
    for route in app.routes:
        if isinstance(route, Mount) and route.path == MOUNT_PATH:
            assert isinstance(route.app, FastAPI)
            return processor_of(route.app)
    raise AssertionError("the sandbox processor is not mounted")


@pytest.fixture
async def mounted(app: FastAPI, settings: Settings) -> AsyncIterator[Mounted]:
    processor = mounted_sandbox(app)
    await processor.webhooks.drain()
    sender, delays = processor.webhooks.sender, processor.webhooks.retry_delays
    webhooks = CapturedWebhooks()
    processor.webhooks.sender, processor.webhooks.retry_delays = webhooks, (0.0,)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        provider = create_payment_provider(settings, http=http)
        assert isinstance(provider, SandboxPaymentProvider)
        yield Mounted(provider, http, processor, webhooks, sandbox_webhook_secrets(settings))
        await provider.aclose()
    await processor.webhooks.drain()
    processor.webhooks.sender, processor.webhooks.retry_delays = sender, delays


def key() -> str:
    return str(uuid.uuid4())


async def test_card_to_payout_through_the_adapter(mounted: Mounted) -> None:
    provider = mounted.provider
    token = await mounted.tokenize()
    card = await provider.describe_token(token)
    assert (card.brand, card.last4, card.exp_month, card.exp_year) == ("visa", "4242", 9, 2040)
    assert len(card.fingerprint) == 32

    authorization = await provider.authorize(
        amount=12_000,
        currency="EUR",
        token=token,
        idempotency_key=key(),
        metadata={"order_id": "o-1"},
    )
    assert (authorization.status, authorization.amount, authorization.currency) == (
        "authorized",
        12_000,
        "EUR",
    )
    captured = await provider.capture(authorization.id, 10_000)
    assert (captured.status, captured.amount_captured) == ("captured", 10_000)
    refund = await provider.refund(authorization.id, 2_500, idempotency_key=key())
    assert (refund.charge_id, refund.amount, refund.status) == (
        authorization.id,
        2_500,
        "succeeded",
    )
    state = await provider.get_payment(authorization.id)
    assert (state.status, state.amount_captured, state.amount_refunded) == (
        "captured",
        10_000,
        2_500,
    )
    payout = await provider.transfer(
        amount=6_000, currency="EUR", destination_account="acct_seller", idempotency_key=key()
    )
    assert (payout.amount, payout.destination_account, payout.status) == (
        6_000,
        "acct_seller",
        "paid",
    )

    webhooks = await mounted.events()
    events = [
        await provider.parse_webhook(delivery.headers, delivery.body)
        for delivery in webhooks.deliveries
    ]
    assert [(e.type, e.amount) for e in events] == [
        ("payment.authorized", 12_000),
        ("payment.captured", 10_000),
        ("payment.refunded", 2_500),
        ("transfer.paid", 6_000),
    ]
    assert [e.object_id for e in events[:3]] == [authorization.id] * 3
    assert events[2].refund_id == refund.id
    assert events[3].object_id == payout.id
    assert len({e.id for e in events}) == 4
    assert all(e.currency == "EUR" and e.created.tzinfo is not None for e in events)


async def test_capture_at_once_takes_the_money_in_one_call(mounted: Mounted) -> None:
    """A checkout keeps its escrow in the ledger, so it asks for the capture with the
    authorization: one call, one `payment.captured` event and no `payment.authorized`."""
    authorization = await mounted.provider.authorize(
        amount=4_200, currency="EUR", token=await mounted.tokenize(), idempotency_key=key(),
        capture=True,
    )  # fmt: skip
    assert (authorization.status, authorization.amount) == ("captured", 4_200)
    state = await mounted.provider.get_payment(authorization.id)
    assert (state.status, state.amount_captured) == ("captured", 4_200)
    with pytest.raises(PaymentRefused):  # nothing is left to capture
        await mounted.provider.capture(authorization.id)
    assert (await mounted.events()).types() == ["payment.captured"]


async def test_capture_at_once_still_waits_for_a_challenge(mounted: Mounted) -> None:
    for number, status in ((THREE_D_SECURE, "requires_action"), (DECLINED, "declined")):
        authorization = await mounted.provider.authorize(
            amount=900, currency="EUR", token=await mounted.tokenize(number),
            idempotency_key=key(), capture=True,
        )  # fmt: skip
        assert authorization.status == status
        state = await mounted.provider.get_payment(authorization.id)
        assert (state.status, state.amount_captured) == (status, 0)


async def test_declines_come_back_as_declined_authorizations(mounted: Mounted) -> None:
    for number, reason in ((DECLINED, "card_declined"), (INSUFFICIENT_FUNDS, "insufficient_funds")):
        authorization = await mounted.provider.authorize(
            amount=500, currency="EUR", token=await mounted.tokenize(number), idempotency_key=key()
        )
        assert (authorization.status, authorization.decline_reason) == ("declined", reason)
    events = [
        await mounted.provider.parse_webhook(d.headers, d.body)
        for d in (await mounted.events()).deliveries
    ]
    assert [(e.type, e.decline_reason) for e in events] == [
        ("payment.failed", "card_declined"),
        ("payment.failed", "insufficient_funds"),
    ]


async def test_three_d_secure_through_the_adapter(mounted: Mounted, settings: Settings) -> None:
    return_url = f"{settings.base_url}/checkout/complete"
    authorization = await mounted.provider.authorize(
        amount=800,
        currency="EUR",
        token=await mounted.tokenize(THREE_D_SECURE),
        idempotency_key=key(),
        return_url=return_url,
    )
    assert authorization.status == "requires_action"
    assert authorization.action_url is not None
    assert authorization.action_url.startswith(f"{settings.base_url}{MOUNT_PATH}/challenge/")
    path = authorization.action_url.removeprefix(settings.base_url)
    page = await mounted.http.get(path)
    assert "Complete authentication" in page.text
    # The page's own policy (a nonce for its one stylesheet) survives TechMarket's headers.
    assert "style-src 'nonce-" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    done = await mounted.http.post(path, data={"outcome": "complete"})
    assert done.status_code == 303
    assert done.headers["location"].startswith(return_url + "?")
    assert (await mounted.provider.get_payment(authorization.id)).status == "authorized"
    (delivery,) = (await mounted.events()).deliveries
    event = await mounted.provider.parse_webhook(delivery.headers, delivery.body)
    assert (event.type, event.object_id) == ("payment.authorized", authorization.id)


async def test_retry_with_the_same_key_charges_once(mounted: Mounted) -> None:
    token, once = await mounted.tokenize(), key()
    first = await mounted.provider.authorize(
        amount=700, currency="EUR", token=token, idempotency_key=once
    )
    second = await mounted.provider.authorize(
        amount=700, currency="EUR", token=token, idempotency_key=once
    )
    assert first == second
    assert (await mounted.events()).types() == ["payment.authorized"]
    with pytest.raises(PaymentRefused) as refused:
        await mounted.provider.authorize(
            amount=701, currency="EUR", token=token, idempotency_key=once
        )
    assert refused.value.reason == "idempotency-key-reused"


async def test_refusals_are_typed(mounted: Mounted) -> None:
    provider = mounted.provider
    authorization = await provider.authorize(
        amount=1000, currency="EUR", token=await mounted.tokenize(), idempotency_key=key()
    )
    with pytest.raises(PaymentRefused) as too_much:
        await provider.capture(authorization.id, 1001)
    assert too_much.value.reason == "amount-exceeds-authorized"
    await provider.capture(authorization.id)
    with pytest.raises(PaymentRefused) as over_refund:
        await provider.refund(authorization.id, 1001, idempotency_key=key())
    assert over_refund.value.reason == "refund-exceeds-captured"
    with pytest.raises(PaymentRefused) as not_cancellable:
        await provider.cancel(authorization.id)
    assert not_cancellable.value.reason == "unexpected-state"
    with pytest.raises(PaymentTokenNotFound):
        await provider.describe_token("tok_unknown")
    with pytest.raises(PaymentTokenNotFound):
        await provider.authorize(amount=1, currency="EUR", token="tok_nope", idempotency_key=key())
    with pytest.raises(PaymentNotFound):
        await provider.get_payment("auth_unknown")


async def test_cancel_through_the_adapter(mounted: Mounted) -> None:
    authorization = await mounted.provider.authorize(
        amount=300, currency="EUR", token=await mounted.tokenize(), idempotency_key=key()
    )
    assert (await mounted.provider.cancel(authorization.id)).status == "cancelled"


async def test_wrong_api_key_is_a_configuration_error(mounted: Mounted) -> None:
    provider = SandboxPaymentProvider(
        base_url=f"http://testserver{MOUNT_PATH}",
        api_key="sk_wrong",
        webhook_secrets=mounted.secrets,
        http=mounted.http,
    )
    with pytest.raises(ProviderMisconfigured):
        await provider.get_payment("auth_x")


async def test_unreachable_sandbox_is_a_provider_error() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as http:
        provider = SandboxPaymentProvider(
            base_url="http://127.0.0.1:9/sandbox/payments",
            api_key="k",
            webhook_secrets=["s"],
            http=http,
        )
        with pytest.raises(PaymentProviderError, match="cannot be reached"):
            await provider.get_payment("auth_x")


# Webhook verification by the adapter.


async def _one_delivery(mounted: Mounted) -> tuple[dict[str, str], bytes]:
    await mounted.provider.authorize(
        amount=100, currency="EUR", token=await mounted.tokenize(), idempotency_key=key()
    )
    (delivery,) = (await mounted.events()).deliveries
    return delivery.headers, delivery.body


async def test_valid_webhook_is_read(mounted: Mounted) -> None:
    headers, body = await _one_delivery(mounted)
    event = await mounted.provider.parse_webhook(headers, body)
    assert event.type == event.provider_type == "payment.authorized"
    upper = {name.upper(): value for name, value in headers.items()}  # header names: any case
    assert (await mounted.provider.parse_webhook(upper, body)).id == event.id


async def test_tampered_webhook_is_refused(mounted: Mounted) -> None:
    headers, body = await _one_delivery(mounted)
    with pytest.raises(InvalidWebhookSignature, match="no signature matches"):
        await mounted.provider.parse_webhook(headers, body.replace(b"authorized", b"captured"))
    with pytest.raises(InvalidWebhookSignature, match="missing"):
        await mounted.provider.parse_webhook({}, body)


async def test_too_old_webhook_is_refused(mounted: Mounted) -> None:
    _, body = await _one_delivery(mounted)
    old = signature_header(body, mounted.secrets, timestamp=int(time.time()) - 301)
    with pytest.raises(InvalidWebhookSignature, match="at most 300 s"):
        await mounted.provider.parse_webhook({SIGNATURE_HEADER: old}, body)


async def test_replayed_event_keeps_its_id(mounted: Mounted) -> None:
    """A redelivery (retry) and a replay both carry the first event's id: the receiver
    de-duplicates by it. The same bytes re-signed with a fresh time still verify, so the id is
    what tells them apart, not the signature."""
    mounted.webhooks.statuses = [500]
    headers, body = await _one_delivery_after_retry(mounted)
    first = await mounted.provider.parse_webhook(headers[0], body[0])
    second = await mounted.provider.parse_webhook(headers[1], body[1])
    assert first.id == second.id
    assert body[0] == body[1]


async def _one_delivery_after_retry(
    mounted: Mounted,
) -> tuple[list[dict[str, str]], list[bytes]]:
    await mounted.provider.authorize(
        amount=100, currency="EUR", token=await mounted.tokenize(), idempotency_key=key()
    )
    deliveries = (await mounted.events()).deliveries
    assert len(deliveries) == 2
    return [d.headers for d in deliveries], [d.body for d in deliveries]


async def test_signed_garbage_is_an_invalid_payload(mounted: Mounted) -> None:
    body = b'{"not": "an event"}'
    headers = {SIGNATURE_HEADER: signature_header(body, mounted.secrets)}
    with pytest.raises(InvalidWebhookPayload):
        await mounted.provider.parse_webhook(headers, body)


def test_stripe_provider_needs_its_keys(settings: Settings) -> None:
    stripe_settings = settings.model_copy(update={"payments_provider": "stripe"})
    with pytest.raises(ProviderMisconfigured):
        create_payment_provider(stripe_settings)


async def test_the_sandbox_documents_itself_apart_from_the_api(mounted: Mounted) -> None:
    own = (await mounted.http.get(f"{MOUNT_PATH}/openapi.json")).json()
    assert {"/tokens", "/authorizations", "/refunds", "/transfers"} <= set(own["paths"])
    api = (await mounted.http.get("/api/v1/openapi.json")).json()
    assert not any("sandbox" in path or path == "/tokens" for path in api["paths"])
