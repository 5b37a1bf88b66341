"""Signed webhooks: HMAC-SHA256 over `"{timestamp}.{raw body}"`, as Stripe signs them.

The header reads `TechMarket-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, the scheme
Stripe uses. The timestamp is signed with the body, so an old delivery cannot be replayed with a
new time; one outside the tolerance (300 s either way) is refused. During a secret rotation the
sender signs with every active secret (one `v1` each) and the receiver accepts any match, so
neither side has to switch at the same moment. Comparison is constant-time.

The sandbox processor and the sandbox carrier sign with it; their adapters verify with it.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Sequence

SIGNATURE_HEADER = "TechMarket-Signature"
SCHEME = "v1"
DEFAULT_TOLERANCE_SECONDS = 300


class SignatureError(ValueError):
    """The signature is missing, malformed, wrong or outside the tolerance; says which."""


def compute_signature(raw_body: bytes, secret: str, timestamp: int) -> str:
    signed = str(timestamp).encode() + b"." + raw_body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(
    raw_body: bytes, secrets: Sequence[str], *, timestamp: int | None = None
) -> str:
    """The header value for `raw_body`, one `v1` per secret (newest first)."""
    if not secrets:
        raise ValueError("at least one webhook secret is needed to sign")
    stamp = int(time.time()) if timestamp is None else timestamp
    signatures = ",".join(
        f"{SCHEME}={compute_signature(raw_body, secret, stamp)}" for secret in secrets
    )
    return f"t={stamp},{signatures}"


def parse_header(header: str) -> tuple[int, list[str]]:
    timestamp: int | None = None
    signatures: list[str] = []
    for part in header.split(","):
        key, separator, value = part.strip().partition("=")
        if not separator:
            continue
        if key == "t":
            try:
                timestamp = int(value)
            except ValueError:
                raise SignatureError("the signature's timestamp is not a number") from None
        elif key == SCHEME:
            signatures.append(value)
    if timestamp is None:
        raise SignatureError("the signature header has no timestamp (t=)")
    if not signatures:
        raise SignatureError(f"the signature header has no {SCHEME} signature")
    return timestamp, signatures


def verify_signature(
    raw_body: bytes,
    header: str | None,
    secrets: Sequence[str],
    *,
    tolerance: int = DEFAULT_TOLERANCE_SECONDS,
    now: int | None = None,
) -> int:
    """Check `header` against `raw_body`; return the signed timestamp or raise `SignatureError`."""
    if not header:
        raise SignatureError(f"the {SIGNATURE_HEADER} header is missing")
    timestamp, signatures = parse_header(header)
    current = int(time.time()) if now is None else now
    if abs(current - timestamp) > tolerance:
        raise SignatureError(
            f"the signature is {current - timestamp} s old; at most {tolerance} s are accepted"
        )
    expected = [compute_signature(raw_body, secret, timestamp) for secret in secrets]
    # Every pair is compared, so the time taken says nothing about which one matched.
    matched = False
    for candidate in signatures:
        for wanted in expected:
            matched |= hmac.compare_digest(candidate.encode(), wanted.encode())
    if not matched:
        raise SignatureError("no signature matches the body with a known secret")
    return timestamp
