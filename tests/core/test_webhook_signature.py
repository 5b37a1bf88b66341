"""The sandbox's webhook signature: HMAC-SHA256 over timestamp and raw body, 300 s tolerance,
several signatures during a secret rotation."""

from __future__ import annotations

import time

import pytest

from techmarket.core.security.webhook_signature import (
    SignatureError,
    compute_signature,
    signature_header,
    verify_signature,
)

BODY = b'{"id":"evt_1","type":"payment.captured"}'
SECRET = "whsec_current"
NOW = 1_800_000_000


def test_valid_signature_is_accepted_and_gives_its_timestamp() -> None:
    header = signature_header(BODY, [SECRET], timestamp=NOW)
    assert header == f"t={NOW},v1={compute_signature(BODY, SECRET, NOW)}"
    assert verify_signature(BODY, header, [SECRET], now=NOW + 299) == NOW


def test_signature_is_hmac_sha256_of_timestamp_dot_body() -> None:
    import hashlib
    import hmac

    expected = hmac.new(SECRET.encode(), f"{NOW}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert compute_signature(BODY, SECRET, NOW) == expected


@pytest.mark.parametrize(
    "tampered",
    [BODY.replace(b"captured", b"refunded"), BODY + b" ", b""],
)
def test_tampered_body_is_refused(tampered: bytes) -> None:
    header = signature_header(BODY, [SECRET], timestamp=NOW)
    with pytest.raises(SignatureError, match="no signature matches"):
        verify_signature(tampered, header, [SECRET], now=NOW)


def test_moved_timestamp_is_refused() -> None:
    signature = compute_signature(BODY, SECRET, NOW)
    with pytest.raises(SignatureError, match="no signature matches"):
        verify_signature(BODY, f"t={NOW + 10},v1={signature}", [SECRET], now=NOW + 10)


@pytest.mark.parametrize("age", [301, 3600, -301])
def test_too_old_or_future_signature_is_refused(age: int) -> None:
    header = signature_header(BODY, [SECRET], timestamp=NOW)
    with pytest.raises(SignatureError, match="at most 300 s"):
        verify_signature(BODY, header, [SECRET], now=NOW + age)


def test_replayed_delivery_outlives_the_tolerance_only_within_it() -> None:
    """A captured delivery replayed as is: accepted within 300 s (the receiver de-duplicates by
    event id), refused after."""
    header = signature_header(BODY, [SECRET], timestamp=NOW)
    assert verify_signature(BODY, header, [SECRET], now=NOW + 120) == NOW
    with pytest.raises(SignatureError):
        verify_signature(BODY, header, [SECRET], now=NOW + 301)


def test_wrong_secret_is_refused() -> None:
    header = signature_header(BODY, ["whsec_other"], timestamp=NOW)
    with pytest.raises(SignatureError):
        verify_signature(BODY, header, [SECRET], now=NOW)


def test_rotation_any_v1_with_any_known_secret() -> None:
    header = signature_header(BODY, ["whsec_new", "whsec_old"], timestamp=NOW)
    assert header.count("v1=") == 2
    assert verify_signature(BODY, header, ["whsec_old"], now=NOW) == NOW  # receiver not yet moved
    assert verify_signature(BODY, header, ["whsec_new"], now=NOW) == NOW  # receiver moved first
    only_old = signature_header(BODY, ["whsec_old"], timestamp=NOW)
    assert verify_signature(BODY, only_old, ["whsec_new", "whsec_old"], now=NOW) == NOW


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (None, "missing"),
        ("", "missing"),
        ("v1=abc", "no timestamp"),
        (f"t={NOW}", "no v1"),
        ("t=yesterday,v1=abc", "not a number"),
        (f"t={NOW},v0=abc", "no v1"),
    ],
)
def test_malformed_header_is_refused(header: str | None, message: str) -> None:
    with pytest.raises(SignatureError, match=message):
        verify_signature(BODY, header, [SECRET], now=NOW)


def test_default_clock_is_now() -> None:
    header = signature_header(BODY, [SECRET])
    assert abs(verify_signature(BODY, header, [SECRET]) - int(time.time())) <= 1
