"""Tracking numbers of the carriers a seller may ship with on their own: formats and links.

Formats are the carriers' published ones (digits, letters, check digits left to the carrier):
a typo that cannot be any number of that carrier is caught here, with a message that says what
one looks like. `other` takes any plausible number and cannot be linked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote

OtherCarrier = Literal["ups", "usps", "fedex", "dhl", "royal_mail", "other"]
SANDBOX = "sandbox"


@dataclass(frozen=True)
class TrackingFormat:
    patterns: tuple[str, ...]
    example: str
    url: str | None
    """Public tracking page; `{number}` is replaced."""


FORMATS: dict[str, TrackingFormat] = {
    "ups": TrackingFormat(
        (r"1Z[0-9A-Z]{16}", r"T\d{10}", r"\d{9}", r"\d{26}"),
        "1Z999AA10123456784",
        "https://www.ups.com/track?tracknum={number}",
    ),
    "usps": TrackingFormat(
        (r"(94|93|92|95)\d{20}", r"\d{20}", r"\d{22}", r"[A-Z]{2}\d{9}US"),
        "9400111899223817512345",
        "https://tools.usps.com/go/TrackConfirmAction?tLabels={number}",
    ),
    "fedex": TrackingFormat(
        (r"\d{12}", r"\d{15}", r"\d{20}", r"\d{22}"),
        "123456789012",
        "https://www.fedex.com/fedextrack/?trknbr={number}",
    ),
    "dhl": TrackingFormat(
        (
            r"\d{10,11}",
            r"JJD\d{10,20}",
            r"JVGL\d{6,20}",
            r"GM\d{16,18}",
            r"\d{12,20}",
            r"[A-Z]{2}\d{9}DE",
            r"3S[A-Z0-9]{8,20}",
        ),
        "JJD000390007882451",
        "https://www.dhl.com/global-en/home/tracking.html?tracking-id={number}",
    ),
    "royal_mail": TrackingFormat(
        (r"[A-Z]{2}\d{9}GB", r"[A-Z0-9]{16}"),
        "AB123456789GB",
        "https://www.royalmail.com/track-your-item#/tracking-results/{number}",
    ),
    "other": TrackingFormat((r"[A-Z0-9-]{6,40}",), "ABC-123456", None),
    SANDBOX: TrackingFormat((r"TM\d{12}(EXC)?",), "TM000000000001", None),
}


def normalise(number: str) -> str:
    """Upper case, without the spaces people copy from receipts."""
    return re.sub(r"\s+", "", number).upper()


def is_valid(carrier: str, number: str) -> bool:
    found = FORMATS.get(carrier)
    return found is not None and any(re.fullmatch(p, number) for p in found.patterns)


def example(carrier: str) -> str:
    return FORMATS[carrier].example


def tracking_url(carrier: str, number: str, *, sandbox_url: str) -> str | None:
    """Where anyone can follow the parcel; the sandbox carrier has its own page."""
    if carrier == SANDBOX:
        return f"{sandbox_url}/track/{quote(number)}"
    found = FORMATS.get(carrier)
    if found is None or found.url is None:
        return None
    return found.url.format(number=quote(number))
