"""The sandbox processor over HTTP: tokens, the test cards, 3-D Secure, idempotency, the money
rules, and its webhooks."""

from __future__ import annotations

import datetime as dt
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest

from techmarket.core.security.webhook_signature import (
    SIGNATURE_HEADER,
    verify_signature,
)
from tests.services.payments.conftest import (
    API_KEY,
    BASE_URL,
    DECLINED,
    INSUFFICIENT_FUNDS,
    THREE_D_SECURE,
    VISA,
    WEBHOOK_SECRET,
    Sandbox,
)


def key() -> str:
    return f"test-{uuid.uuid4()}"


# Tokens.


async def test_tokenize_a_card_answers_a_token_and_never_the_number(sandbox: Sandbox) -> None:
    response = await sandbox.http.post(
        "/tokens",
        json={"number": "4242 4242 4242 4242", "exp_month": 12, "exp_year": 2040, "cvc": "123"},
    )
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"token", "brand", "last4", "exp_month", "exp_year"}
    assert body["token"].startswith("tok_")
    assert (body["brand"], body["last4"], body["exp_month"], body["exp_year"]) == (
        "visa",
        "4242",
        12,
        2040,
    )
    assert VISA not in response.text


async def test_server_sees_the_fingerprint_the_same_for_one_card(sandbox: Sandbox) -> None:
    first, second = await sandbox.tokenize(), await sandbox.tokenize()
    other = await sandbox.tokenize("5555555555554444")
    details = [
        (await sandbox.http.get(f"/tokens/{token}", headers=sandbox.server)).json()
        for token in (first, second, other)
    ]
    assert details[0]["fingerprint"] == details[1]["fingerprint"] != details[2]["fingerprint"]
    assert details[2]["brand"] == "mastercard"
    assert details[0]["token"] == first


@pytest.mark.parametrize(
    ("card", "field", "code"),
    [
        ({"number": "4242424242424241"}, "number", "invalid_number"),
        ({"number": "4242"}, "number", "invalid_number"),
        ({"number": "4242-4242-abcd-4242"}, "number", "invalid_number"),
        ({"exp_month": 13}, "exp_month", "invalid_expiry_month"),
        ({"exp_year": 2001}, "exp_year", "expired_card"),
        ({"cvc": "12"}, "cvc", "invalid_cvc"),
        ({"cvc": "12345"}, "cvc", "invalid_cvc"),
        ({"cvc": "1a3"}, "cvc", "invalid_cvc"),
    ],
)
async def test_invalid_card_is_422_naming_the_field(
    sandbox: Sandbox, card: dict[str, object], field: str, code: str
) -> None:
    body = {"number": VISA, "exp_month": 12, "exp_year": 2040, "cvc": "123", **card}
    response = await sandbox.http.post("/tokens", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [(field, code)]
    assert str(body["number"]) not in response.text


async def test_card_expiring_earlier_this_year_names_the_month(sandbox: Sandbox) -> None:
    today = dt.datetime.now(dt.UTC).date()
    if today.month == 1:
        pytest.skip("no earlier month this year")
    body = {"number": VISA, "exp_month": today.month - 1, "exp_year": today.year, "cvc": "123"}
    response = await sandbox.http.post("/tokens", json=body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "exp_month"


async def test_missing_field_is_422_problem(sandbox: Sandbox) -> None:
    response = await sandbox.http.post("/tokens", json={"number": VISA, "exp_month": 12})
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"exp_year", "cvc"}


async def test_browser_on_techmarket_may_post_cards_cross_origin(sandbox: Sandbox) -> None:
    preflight = {
        "origin": BASE_URL,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
    }
    allowed = await sandbox.http.options("/tokens", headers=preflight)
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == BASE_URL
    other = await sandbox.http.options(
        "/tokens", headers={**preflight, "origin": "https://evil.example"}
    )
    assert "access-control-allow-origin" not in other.headers
    # The secret-key routes stay out of reach of a browser: the header is not allowed.
    with_key = await sandbox.http.options(
        "/authorizations",
        headers={**preflight, "access-control-request-headers": "authorization"},
    )
    assert with_key.status_code == 400


async def test_server_routes_need_the_secret_key(sandbox: Sandbox) -> None:
    token = await sandbox.tokenize()
    for headers in ({}, {"authorization": "Bearer sk_wrong"}, {"authorization": API_KEY}):
        response = await sandbox.http.get(f"/tokens/{token}", headers=headers)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
    response = await sandbox.http.post(
        "/authorizations",
        json={"amount": 100, "currency": "EUR", "token": token},
        headers={"idempotency-key": key()},
    )
    assert response.status_code == 401


# The test cards.


@pytest.mark.parametrize(
    ("number", "status", "reason", "event"),
    [
        (VISA, "authorized", None, "payment.authorized"),
        ("5555555555554444", "authorized", None, "payment.authorized"),
        (DECLINED, "declined", "card_declined", "payment.failed"),
        (INSUFFICIENT_FUNDS, "declined", "insufficient_funds", "payment.failed"),
        ("4000000000009987", "declined", "lost_card", "payment.failed"),
    ],
)
async def test_each_test_card_answers_as_stripe_s(
    sandbox: Sandbox, number: str, status: str, reason: str | None, event: str
) -> None:
    response = await sandbox.authorize(await sandbox.tokenize(number), amount=1999, key=key())
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["decline_reason"], body["action_url"]) == (status, reason, None)
    assert (body["amount"], body["currency"], body["amount_captured"]) == (1999, "EUR", 0)
    webhooks = await sandbox.settled_webhooks()
    assert webhooks.types() == [event]
    assert webhooks.events()[0]["data"]["object"]["id"] == body["id"]


async def test_three_d_secure_card_requires_action_and_sends_nothing_yet(sandbox: Sandbox) -> None:
    response = await sandbox.authorize(await sandbox.tokenize(THREE_D_SECURE), key=key())
    body = response.json()
    assert body["status"] == "requires_action"
    assert body["action_url"].startswith(f"{BASE_URL}/sandbox/payments/challenge/chl_")
    assert (await sandbox.settled_webhooks()).deliveries == []


async def test_three_d_secure_complete_authorizes_and_returns_to_techmarket(
    sandbox: Sandbox,
) -> None:
    return_url = f"{BASE_URL}/checkout/return?order=42"
    token = await sandbox.tokenize(THREE_D_SECURE)
    body = (await sandbox.authorize(token, key=key(), return_url=return_url)).json()

    page = await sandbox.http.get(body["action_url"])
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    html = page.text
    assert '<html lang="en">' in html
    assert 'name="viewport"' in html
    assert '<button class="complete" type="submit" name="outcome" value="complete">' in html
    assert ">Complete authentication</button>" in html
    assert ">Fail authentication</button>" in html
    assert 'aria-labelledby="title"' in html
    assert "50.00 EUR" in html
    assert "Visa ending in 3220" in html
    csp = page.headers["content-security-policy"]
    assert "script-src" not in csp  # no script at all (default-src 'none')
    assert f"form-action 'self' {BASE_URL}" in csp

    done = await sandbox.http.post(body["action_url"], data={"outcome": "complete"})
    assert done.status_code == 303
    target = urlsplit(done.headers["location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == f"{BASE_URL}/checkout/return"
    assert parse_qs(target.query) == {
        "order": ["42"],
        "authorization_id": [body["id"]],
        "status": ["authorized"],
    }
    state = await sandbox.http.get(f"/authorizations/{body['id']}", headers=sandbox.server)
    assert (state.json()["status"], state.json()["action_url"]) == ("authorized", None)
    assert (await sandbox.settled_webhooks()).types() == ["payment.authorized"]

    # A second submit (double click, back button) changes nothing and sends nothing.
    again = await sandbox.http.post(body["action_url"], data={"outcome": "fail"})
    assert again.status_code == 303
    assert "status=authorized" in again.headers["location"]
    assert (await sandbox.settled_webhooks()).types() == ["payment.authorized"]


async def test_three_d_secure_fail_declines(sandbox: Sandbox) -> None:
    body = (await sandbox.authorize(await sandbox.tokenize(THREE_D_SECURE), key=key())).json()
    done = await sandbox.http.post(body["action_url"], data={"outcome": "fail"})
    assert done.status_code == 200  # no return_url: the processor's own result page
    assert "Payment not confirmed" in done.text
    state = (await sandbox.http.get(f"/authorizations/{body['id']}", headers=sandbox.server)).json()
    assert (state["status"], state["decline_reason"]) == ("declined", "authentication_failed")
    assert (await sandbox.settled_webhooks()).types() == ["payment.failed"]
    finished = await sandbox.http.get(body["action_url"])
    assert "Complete authentication" not in finished.text


async def test_unknown_challenge_and_bad_outcome(sandbox: Sandbox) -> None:
    assert (await sandbox.http.get("/challenge/chl_nope")).status_code == 404
    body = (await sandbox.authorize(await sandbox.tokenize(THREE_D_SECURE), key=key())).json()
    response = await sandbox.http.post(body["action_url"], data={"outcome": "maybe"})
    assert response.status_code == 422


# Idempotency.


async def test_authorize_twice_with_one_key_authorizes_once(sandbox: Sandbox) -> None:
    token, once = await sandbox.tokenize(), key()
    first = await sandbox.authorize(token, key=once)
    second = await sandbox.authorize(token, key=once)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert (await sandbox.settled_webhooks()).types() == ["payment.authorized"]


async def test_one_key_with_other_parameters_is_refused(sandbox: Sandbox) -> None:
    token, once = await sandbox.tokenize(), key()
    await sandbox.authorize(token, key=once, amount=100)
    response = await sandbox.authorize(token, key=once, amount=200)
    assert response.status_code == 422
    assert response.json()["type"].endswith("/idempotency-key-reused")


async def test_money_moving_routes_need_a_key(sandbox: Sandbox) -> None:
    token = await sandbox.tokenize()
    response = await sandbox.http.post(
        "/authorizations",
        json={"amount": 100, "currency": "EUR", "token": token},
        headers=sandbox.server,
    )
    assert response.status_code == 400
    assert response.json()["type"].endswith("/idempotency-key-required")


async def test_refund_twice_with_one_key_refunds_once(sandbox: Sandbox) -> None:
    authorization_id, once = await sandbox.captured(amount=3000, key=key()), key()
    refunds = [
        await sandbox.http.post(
            "/refunds",
            json={"authorization_id": authorization_id, "amount": 1000},
            headers={**sandbox.server, "idempotency-key": once},
        )
        for _ in range(2)
    ]
    assert refunds[0].status_code == refunds[1].status_code == 201
    assert refunds[0].json() == refunds[1].json()
    state = await sandbox.http.get(f"/authorizations/{authorization_id}", headers=sandbox.server)
    assert (state.json()["amount_refunded"], state.json()["status"]) == (1000, "captured")
    assert (await sandbox.settled_webhooks()).types().count("payment.refunded") == 1


async def test_a_refusal_is_replayed_for_the_same_key(sandbox: Sandbox) -> None:
    authorization_id, once = await sandbox.authorized(key=key()), key()
    refund = {"authorization_id": authorization_id, "amount": 10}
    headers = {**sandbox.server, "idempotency-key": once}
    first = await sandbox.http.post("/refunds", json=refund, headers=headers)
    await sandbox.http.post(f"/authorizations/{authorization_id}/capture", headers=sandbox.server)
    second = await sandbox.http.post("/refunds", json=refund, headers=headers)
    assert first.status_code == second.status_code == 409
    assert first.json()["detail"] == second.json()["detail"]
    assert second.headers["content-type"] == "application/problem+json"


# Capture, cancel, refund and transfer rules.


async def test_capture_more_than_authorized_is_refused(sandbox: Sandbox) -> None:
    authorization_id = await sandbox.authorized(amount=5000, key=key())
    capture = f"/authorizations/{authorization_id}/capture"
    too_much = await sandbox.http.post(capture, json={"amount": 5001}, headers=sandbox.server)
    assert too_much.status_code == 422
    assert too_much.json()["type"].endswith("/amount-exceeds-authorized")
    assert too_much.json()["errors"][0]["field"] == "amount"

    partial = await sandbox.http.post(capture, json={"amount": 4000}, headers=sandbox.server)
    assert partial.status_code == 200
    assert (partial.json()["status"], partial.json()["amount_captured"]) == ("captured", 4000)
    twice = await sandbox.http.post(capture, json={"amount": 1000}, headers=sandbox.server)
    assert twice.status_code == 409
    assert twice.json()["type"].endswith("/unexpected-state")
    assert (await sandbox.settled_webhooks()).types() == ["payment.authorized", "payment.captured"]


async def test_declined_payment_cannot_be_captured(sandbox: Sandbox) -> None:
    response = await sandbox.authorize(await sandbox.tokenize(DECLINED), key=key())
    capture = await sandbox.http.post(
        f"/authorizations/{response.json()['id']}/capture", headers=sandbox.server
    )
    assert capture.status_code == 409


async def test_cancel_voids_an_authorization(sandbox: Sandbox) -> None:
    authorization_id = await sandbox.authorized(key=key())
    cancel = await sandbox.http.post(
        f"/authorizations/{authorization_id}/cancel", headers=sandbox.server
    )
    assert cancel.json()["status"] == "cancelled"
    capture = await sandbox.http.post(
        f"/authorizations/{authorization_id}/capture", headers=sandbox.server
    )
    assert capture.status_code == 409
    assert (await sandbox.settled_webhooks()).types() == ["payment.authorized", "payment.cancelled"]


async def test_refund_more_than_captured_is_refused(sandbox: Sandbox) -> None:
    authorization_id = await sandbox.captured(amount=3000, key=key())

    async def refund(amount: int | None) -> dict[str, object]:
        response = await sandbox.http.post(
            "/refunds",
            json={"authorization_id": authorization_id, "amount": amount},
            headers={**sandbox.server, "idempotency-key": key()},
        )
        body: dict[str, object] = {"status_code": response.status_code, **response.json()}
        return body

    too_much = await refund(3001)
    assert too_much["status_code"] == 422
    assert str(too_much["type"]).endswith("/refund-exceeds-captured")
    assert (await refund(1000))["amount"] == 1000
    assert (await refund(2001))["status_code"] == 422
    rest = await refund(None)  # the rest
    assert (rest["status_code"], rest["amount"]) == (201, 2000)
    assert (await refund(1))["status_code"] == 422
    state = await sandbox.http.get(f"/authorizations/{authorization_id}", headers=sandbox.server)
    assert (state.json()["status"], state.json()["amount_refunded"]) == ("refunded", 3000)
    events = (await sandbox.settled_webhooks()).events()
    refunded = [event for event in events if event["type"] == "payment.refunded"]
    assert [event["data"]["refund"]["amount"] for event in refunded] == [1000, 2000]
    assert refunded[-1]["data"]["object"]["amount_refunded"] == 3000


async def test_refund_of_an_uncaptured_payment_is_refused(sandbox: Sandbox) -> None:
    authorization_id = await sandbox.authorized(key=key())
    response = await sandbox.http.post(
        "/refunds",
        json={"authorization_id": authorization_id},
        headers={**sandbox.server, "idempotency-key": key()},
    )
    assert response.status_code == 409


async def test_transfer_pays_out_of_captured_money_only(sandbox: Sandbox) -> None:
    def transfer(amount: int) -> dict[str, object]:
        return {"amount": amount, "currency": "EUR", "destination": "acct_seller_1"}

    headers = {**sandbox.server, "idempotency-key": key()}
    too_early = await sandbox.http.post("/transfers", json=transfer(100), headers=headers)
    assert too_early.status_code == 409
    assert too_early.json()["type"].endswith("/balance-insufficient")

    await sandbox.captured(amount=10_000, key=key())
    headers = {**sandbox.server, "idempotency-key": key()}
    paid = await sandbox.http.post("/transfers", json=transfer(9000), headers=headers)
    assert paid.status_code == 201
    assert (paid.json()["status"], paid.json()["destination"]) == ("paid", "acct_seller_1")
    replay = await sandbox.http.post("/transfers", json=transfer(9000), headers=headers)
    assert replay.json()["id"] == paid.json()["id"]
    more = await sandbox.http.post(
        "/transfers", json=transfer(1001), headers={**sandbox.server, "idempotency-key": key()}
    )
    assert more.status_code == 409
    fetched = await sandbox.http.get(f"/transfers/{paid.json()['id']}", headers=sandbox.server)
    assert fetched.json() == paid.json()
    assert (await sandbox.settled_webhooks()).types()[-1] == "transfer.paid"


async def test_unknown_objects_are_404(sandbox: Sandbox) -> None:
    for path in ("/authorizations/auth_nope", "/refunds/re_nope", "/transfers/tr_nope"):
        response = await sandbox.http.get(path, headers=sandbox.server)
        assert response.status_code == 404
    response = await sandbox.authorize("tok_nope", key=key())
    assert response.status_code == 404
    assert response.json()["type"].endswith("/token-not-found")


# Webhooks.


async def test_webhooks_are_signed_unique_and_timed(sandbox: Sandbox) -> None:
    authorization_id = await sandbox.captured(key=key())
    webhooks = await sandbox.settled_webhooks()
    assert len(webhooks.deliveries) == 2
    for delivery in webhooks.deliveries:
        assert delivery.url == "http://127.0.0.1:80/api/v1/payments/webhooks/sandbox"
        verify_signature(delivery.body, delivery.headers[SIGNATURE_HEADER], [WEBHOOK_SECRET])
    events = webhooks.events()
    assert len({event["id"] for event in events}) == 2
    assert all(event["data"]["object"]["id"] == authorization_id for event in events)
    assert all(dt.datetime.fromisoformat(event["created"]).tzinfo for event in events)


async def test_failed_delivery_is_retried_with_the_same_event_id(sandbox: Sandbox) -> None:
    sandbox.webhooks.statuses = [500, 503]
    await sandbox.authorized(key=key())
    webhooks = await sandbox.settled_webhooks()
    assert len(webhooks.deliveries) == 3
    assert len({event["id"] for event in webhooks.events()}) == 1
    for delivery in webhooks.deliveries:  # each attempt signed afresh, all valid
        verify_signature(delivery.body, delivery.headers[SIGNATURE_HEADER], [WEBHOOK_SECRET])


async def test_receiver_down_gives_up_after_the_retries(sandbox: Sandbox) -> None:
    sandbox.webhooks.statuses = [500, 500, 500, 500]
    await sandbox.authorized(key=key())
    assert len((await sandbox.settled_webhooks()).deliveries) == 3  # 1 + 2 retries
