"""Serial numbers and IMEIs: one spelling, a checked IMEI, a keyed hash, a masked display.

The number itself is never stored: a keyed hash (the field cipher's blind index) finds the same
device again, and its last four characters let its owner recognise it.
"""

from __future__ import annotations

import re

from techmarket.core.security.field_crypto import installed_field_cipher

CONTEXT = "device-serial"
_SERIAL = re.compile(r"[A-Z0-9-]{5,30}")
_IMEI = re.compile(r"\d{15}")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = int(char)
        if position % 2 == 1:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def normalise_serial(value: str) -> str:
    """Upper case without spaces; an all-digit 15-character value is an IMEI and must check."""
    serial = "".join(value.split()).upper()
    if _IMEI.fullmatch(serial):
        if not _luhn_ok(serial):
            raise ValueError("is not a valid IMEI: its check digit does not match")
        return serial
    if not _SERIAL.fullmatch(serial):
        raise ValueError("must be an IMEI (15 digits) or a serial of 5 to 30 letters, digits or -")
    return serial


def device_hash(serial: str) -> str:
    return installed_field_cipher().blind_index(serial, context=CONTEXT)


def device_hashes(serial: str) -> list[str]:
    """The serial's hash under every loaded key, so devices hashed before a rotation match."""
    return installed_field_cipher().blind_indexes(serial, context=CONTEXT)


def mask(last4: str) -> str:
    return "•" * 8 + last4
