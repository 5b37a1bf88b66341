"""Card rules of the sandbox: Luhn, expiry, CVC, brand, fingerprint, and Stripe's test cards.

A card number lives only in the request that tokenizes it: what is kept is the brand, the last
four digits, the expiry, a fingerprint (HMAC-SHA256 of the number under the processor's key,
the same for every token of one card) and how the sandbox will answer for it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import Final

APPROVE: Final = "approve"
CHALLENGE: Final = "challenge"
"""Behaviour of a card that asks for 3-D Secure."""

TEST_CARDS: Final[dict[str, str]] = {
    # number: behaviour ("approve", "challenge" or the decline code), as Stripe's test cards
    "4242424242424242": APPROVE,
    "4000056655665556": APPROVE,  # Visa (debit)
    "5555555555554444": APPROVE,  # Mastercard
    "378282246310005": APPROVE,  # American Express
    "4000000000000002": "card_declined",
    "4000000000009995": "insufficient_funds",
    "4000000000009987": "lost_card",
    "4000000000009979": "stolen_card",
    "4000000000000069": "expired_card",
    "4000000000000127": "incorrect_cvc",
    "4000000000000119": "processing_error",
    "4000000000003220": CHALLENGE,
    "4000002760003184": CHALLENGE,
}
"""Any other number that passes the checks is approved."""

_DIGITS = re.compile(r"^[0-9]+$")
_SEPARATORS = re.compile(r"[ -]")


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str
    code: str


def normalise_number(number: str) -> str:
    """Digits only: people type spaces and dashes."""
    return _SEPARATORS.sub("", number)


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def brand_of(digits: str) -> str:
    two, four = int(digits[:2]), int(digits[:4])
    if digits.startswith("4"):
        return "visa"
    if 51 <= two <= 55 or 2221 <= four <= 2720:
        return "mastercard"
    if two in (34, 37):
        return "amex"
    if digits.startswith(("6011", "65")) or 644 <= int(digits[:3]) <= 649:
        return "discover"
    if 3528 <= four <= 3589:
        return "jcb"
    if two in (36, 38, 39) or 300 <= int(digits[:3]) <= 305:
        return "diners"
    if two == 62:
        return "unionpay"
    return "unknown"


def full_year(year: int) -> int:
    return 2000 + year if year < 100 else year


def card_problems(
    number: str, exp_month: int, exp_year: int, cvc: str, *, today: dt.date
) -> list[FieldProblem]:
    """Everything wrong with a card, each named by its field; messages never echo the number."""
    problems: list[FieldProblem] = []
    digits = normalise_number(number)
    if not _DIGITS.match(digits) or not 12 <= len(digits) <= 19:
        problems.append(
            FieldProblem("number", "A card number has 12 to 19 digits.", "invalid_number")
        )
    elif not luhn_valid(digits):
        problems.append(
            FieldProblem("number", "This card number is not valid; check it.", "invalid_number")
        )
    if not 1 <= exp_month <= 12:
        problems.append(
            FieldProblem("exp_month", "The month is a number from 1 to 12.", "invalid_expiry_month")
        )
    else:
        year = full_year(exp_year)
        if year > today.year + 50:
            problems.append(
                FieldProblem("exp_year", "This expiry year is too far away.", "invalid_expiry_year")
            )
        elif (year, exp_month) < (today.year, today.month):
            field = "exp_month" if year == today.year else "exp_year"
            problems.append(FieldProblem(field, "This card has expired.", "expired_card"))
    if not _DIGITS.match(cvc) or not 3 <= len(cvc) <= 4:
        problems.append(FieldProblem("cvc", "The security code has 3 or 4 digits.", "invalid_cvc"))
    elif not problems and brand_of(digits) == "amex" and len(cvc) != 4:
        problems.append(
            FieldProblem("cvc", "American Express security codes have 4 digits.", "invalid_cvc")
        )
    return problems


def fingerprint(digits: str, key: bytes) -> str:
    return hmac.new(key, digits.encode(), hashlib.sha256).hexdigest()[:32]


def behaviour_of(digits: str) -> str:
    return TEST_CARDS.get(digits, APPROVE)


def is_expired(exp_month: int, exp_year: int, *, today: dt.date) -> bool:
    return (exp_year, exp_month) < (today.year, today.month)
