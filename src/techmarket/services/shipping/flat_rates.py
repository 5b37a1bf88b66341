"""Shipping prices until the carrier integration (issue 6) replaces them: a flat table.

One parcel per seller and order. The price depends on where it travels: within one country,
within the European Economic Area, or further; each extra item adds a little. Amounts are minor
units of the order's currency (every currency sold today has two decimals).
"""

from __future__ import annotations

from dataclasses import dataclass

EEA = frozenset(
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
        "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
    }
)  # fmt: skip
DOMESTIC, REGIONAL, INTERNATIONAL = 490, 990, 1990
PER_EXTRA_ITEM = 150


@dataclass(frozen=True)
class Rate:
    zone: str
    amount: int
    estimated_days: tuple[int, int]


def zone(from_country: str | None, to_country: str) -> str:
    if from_country is None or from_country == to_country:
        return "domestic"
    if from_country in EEA and to_country in EEA:
        return "regional"
    return "international"


def rate(from_country: str | None, to_country: str, items: int) -> Rate:
    where = zone(from_country, to_country)
    base, days = {
        "domestic": (DOMESTIC, (1, 3)),
        "regional": (REGIONAL, (2, 5)),
        "international": (INTERNATIONAL, (5, 12)),
    }[where]
    return Rate(zone=where, amount=base + PER_EXTRA_ITEM * max(0, items - 1), estimated_days=days)
