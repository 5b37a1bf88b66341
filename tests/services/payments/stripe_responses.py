"""Response bodies of Stripe's API, after the examples in Stripe's API reference (the
PaymentIntent, PaymentMethod, Refund, Transfer and Event objects and the error object), with the
fields a manual-capture card payment has set."""

from __future__ import annotations

import copy
from typing import Any

PAYMENT_INTENT_ID = "pi_3MtwBwLkdIwHu7ix28a3tqPa"

PAYMENT_METHOD: dict[str, Any] = {
    "id": "pm_1Q0PsIJvEtkwdCNYMSaVuRz6",
    "object": "payment_method",
    "allow_redisplay": "unspecified",
    "billing_details": {
        "address": {
            "city": None,
            "country": None,
            "line1": None,
            "line2": None,
            "postal_code": None,
            "state": None,
        },
        "email": None,
        "name": "John Doe",
        "phone": None,
    },
    "card": {
        "brand": "visa",
        "checks": {
            "address_line1_check": None,
            "address_postal_code_check": None,
            "cvc_check": "pass",
        },
        "country": "US",
        "display_brand": "visa",
        "exp_month": 8,
        "exp_year": 2026,
        "fingerprint": "Xt5EWLLDS7FJjR1c",
        "funding": "credit",
        "generated_from": None,
        "last4": "4242",
        "networks": {"available": ["visa"], "preferred": None},
        "three_d_secure_usage": {"supported": True},
        "wallet": None,
    },
    "created": 1726673582,
    "customer": None,
    "livemode": False,
    "metadata": {},
    "type": "card",
}

_PAYMENT_INTENT: dict[str, Any] = {
    "id": PAYMENT_INTENT_ID,
    "object": "payment_intent",
    "amount": 2000,
    "amount_capturable": 0,
    "amount_details": {"tip": {}},
    "amount_received": 0,
    "application": None,
    "application_fee_amount": None,
    "automatic_payment_methods": {"enabled": True},
    "canceled_at": None,
    "cancellation_reason": None,
    "capture_method": "manual",
    "client_secret": "pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH",
    "confirmation_method": "automatic",
    "created": 1680800504,
    "currency": "eur",
    "customer": None,
    "description": None,
    "last_payment_error": None,
    "latest_charge": None,
    "livemode": False,
    "metadata": {"order_id": "o-1"},
    "next_action": None,
    "on_behalf_of": None,
    "payment_method": "pm_1Q0PsIJvEtkwdCNYMSaVuRz6",
    "payment_method_options": {
        "card": {
            "installments": None,
            "mandate_options": None,
            "network": None,
            "request_three_d_secure": "automatic",
        }
    },
    "payment_method_types": ["card"],
    "processing": None,
    "receipt_email": None,
    "review": None,
    "setup_future_usage": None,
    "shipping": None,
    "source": None,
    "statement_descriptor": None,
    "statement_descriptor_suffix": None,
    "status": "requires_payment_method",
    "transfer_data": None,
    "transfer_group": None,
}

CHARGE: dict[str, Any] = {
    "id": "ch_3MtwBwLkdIwHu7ix28a3tqPa",
    "object": "charge",
    "amount": 2000,
    "amount_captured": 2000,
    "amount_refunded": 0,
    "captured": True,
    "currency": "eur",
    "paid": True,
    "payment_intent": PAYMENT_INTENT_ID,
    "refunded": False,
    "status": "succeeded",
}


def payment_intent(**changes: Any) -> dict[str, Any]:
    body = copy.deepcopy(_PAYMENT_INTENT)
    body.update(changes)
    return body


REQUIRES_CAPTURE = payment_intent(status="requires_capture", amount_capturable=2000)

REQUIRES_ACTION = payment_intent(
    status="requires_action",
    next_action={
        "type": "redirect_to_url",
        "redirect_to_url": {
            "return_url": "https://techmarket.example/checkout/complete",
            "url": "https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_1MTfjCQ9PRzxEwkZ"
            "&payment_intent=pi_3MtwBwLkdIwHu7ix28a3tqPa&payment_intent_client_secret="
            "pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH&publishable_key="
            "pk_test_TYooMQauvdEDq54NiTphI7jx&source=src_1MtwBxLkdIwHu7ixqf5fXkOt",
        },
    },
)

SUCCEEDED = payment_intent(
    status="succeeded", amount_received=1500, amount_capturable=0, latest_charge=CHARGE
)

_DECLINE_ERROR = {
    "charge": "ch_3MtwBwLkdIwHu7ix0snN0B15",
    "code": "card_declined",
    "decline_code": "insufficient_funds",
    "doc_url": "https://stripe.com/docs/error-codes/card-declined",
    "message": "Your card has insufficient funds.",
    "type": "card_error",
}

CARD_DECLINED: dict[str, Any] = {
    "error": {
        **_DECLINE_ERROR,
        "payment_intent": payment_intent(last_payment_error=_DECLINE_ERROR),
        "payment_method": PAYMENT_METHOD,
        "request_log_url": "https://dashboard.stripe.com/test/logs/req_xyz?t=1680800504",
    }
}

GENERIC_DECLINE: dict[str, Any] = {
    "error": {
        "code": "card_declined",
        "decline_code": "generic_decline",
        "doc_url": "https://stripe.com/docs/error-codes/card-declined",
        "message": "Your card was declined.",
        "type": "card_error",
        "request_log_url": "https://dashboard.stripe.com/test/logs/req_abc?t=1680800504",
    }
}

AMOUNT_TOO_LARGE: dict[str, Any] = {
    "error": {
        "code": "amount_too_large",
        "doc_url": "https://stripe.com/docs/error-codes/amount-too-large",
        "message": "The amount to capture must be less than or equal to the amount capturable.",
        "param": "amount_to_capture",
        "type": "invalid_request_error",
    }
}

NO_SUCH_PAYMENT_METHOD: dict[str, Any] = {
    "error": {
        "code": "resource_missing",
        "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
        "message": "No such PaymentMethod: 'pm_nope'",
        "param": "payment_method",
        "type": "invalid_request_error",
    }
}

REFUND: dict[str, Any] = {
    "id": "re_1Nispe2eZvKYlo2Cd31jOCgZ",
    "object": "refund",
    "amount": 1000,
    "balance_transaction": "txn_1Nispe2eZvKYlo2CYezqFhEx",
    "charge": "ch_1NirD82eZvKYlo2CIvbtLWuY",
    "created": 1692942318,
    "currency": "eur",
    "destination_details": {
        "card": {
            "reference": "123456789012",
            "reference_status": "available",
            "reference_type": "acquirer_reference_number",
            "type": "refund",
        },
        "type": "card",
    },
    "metadata": {},
    "payment_intent": PAYMENT_INTENT_ID,
    "reason": None,
    "receipt_number": None,
    "source_transfer_reversal": None,
    "status": "succeeded",
    "transfer_reversal": None,
}

TRANSFER: dict[str, Any] = {
    "id": "tr_1MiN3gLkdIwHu7ixNCZvFdgA",
    "object": "transfer",
    "amount": 400,
    "amount_reversed": 0,
    "balance_transaction": "txn_1MiN3gLkdIwHu7ixxapQrznl",
    "created": 1678043844,
    "currency": "eur",
    "description": None,
    "destination": "acct_1MTfjCQ9PRzxEwkZ",
    "destination_payment": "py_1MiN3gQ9PRzxEwkZWTPGNq9o",
    "livemode": False,
    "metadata": {},
    "reversals": {
        "object": "list",
        "data": [],
        "has_more": False,
        "total_count": 0,
        "url": "/v1/transfers/tr_1MiN3gLkdIwHu7ixNCZvFdgA/reversals",
    },
    "reversed": False,
    "source_transaction": None,
    "source_type": "card",
    "transfer_group": "ORDER_95",
}


def event(event_type: str, subject: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "evt_1NG8Du2eZvKYlo2CUI79vXWy",
        "object": "event",
        "api_version": "2026-10-28.endive",
        "created": 1686089970,
        "data": {"object": subject},
        "livemode": False,
        "pending_webhooks": 0,
        "request": {"id": None, "idempotency_key": None},
        "type": event_type,
    }
