"""The rate table: what a parcel costs to send, and when it arrives.

The price is a base per zone and service level plus a price per started half kilogram above the
first kilogram of billed weight. Billed weight is the greater of the actual weight and the
dimensional weight (L x W x H in cm / 5000, the divisor carriers use), so a light but bulky box
pays for the room it takes. Zones come from the two countries (domestic, regional inside the
European Economic Area, international); islands and overseas areas, told by their postal codes,
add a surcharge and two days. Parcels worth more than the insurance threshold travel insured
(1 % of their value, at least 2.00), and the insurance is part of the price.

Amounts are minor units of the order's currency (every currency sold today has two decimals).
It is the sandbox carrier's tariff too; a real carrier's adapter would ask its own.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from techmarket.services.shipping.carriers.base import (
    SERVICE_LEVELS,
    Parcel,
    Place,
    RateOption,
    ServiceLevel,
)

EEA = frozenset(
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
        "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
    }
)  # fmt: skip
REMOTE_POSTAL_AREAS: dict[str, str] = {
    # country: postal codes (regex, matched at the start) of islands and overseas areas
    "DE": r"(18565|2593[89]|259[4-9]\d|2646[5-9]|2647\d|2648[0-6]|27498)",  # North Sea islands
    "FR": r"(20|97|98)",  # Corsica, overseas departments and territories
    "ES": r"(07|35|38|51|52)",  # Balearic and Canary Islands, Ceuta, Melilla
    "IT": r"(07|08|09|98050|90010)",  # Sardinia, Aeolian Islands, Ustica
    "PT": r"(9)",  # Madeira, Azores
    "GR": r"(8[1-5])",  # Aegean islands
    "GB": r"(HS|ZE|KW1[5-7]|IV4[1-9]|IV5[1-6]|PA[67]\d|BT|JE|GY|IM)",
    "US": r"(99[5-9]|96[7-8]|006|007|009)",  # Alaska, Hawaii, Puerto Rico
}

DIMENSIONAL_DIVISOR = 5000
"""cm³ per billed kilogram."""
PACKAGING_GRAMS = 200
REMOTE_SURCHARGE = 500
REMOTE_EXTRA_DAYS = 2
INSURANCE_PERCENT = 1
INSURANCE_MINIMUM = 200

# zone: (base for the first kilogram, per further half kilogram, (days min, days max))
TARIFF: dict[ServiceLevel, dict[str, tuple[int, int, tuple[int, int]]]] = {
    "standard": {
        "domestic": (490, 50, (1, 3)),
        "regional": (990, 100, (2, 5)),
        "international": (1990, 250, (5, 12)),
    },
    "express": {
        "domestic": (990, 75, (1, 1)),
        "regional": (1990, 150, (1, 2)),
        "international": (3990, 400, (2, 4)),
    },
}


def zone(origin: Place, destination: Place) -> str:
    if origin.country == destination.country:
        return "domestic"
    if origin.country in EEA and destination.country in EEA:
        return "regional"
    return "international"


def is_remote(place: Place) -> bool:
    pattern = REMOTE_POSTAL_AREAS.get(place.country)
    if pattern is None or not place.postal_code:
        return False
    return re.match(pattern, place.postal_code.replace(" ", "").upper()) is not None


def dimensional_weight_grams(parcel: Parcel) -> int:
    cubic_cm = parcel.length_mm * parcel.width_mm * parcel.height_mm / 1000
    return math.ceil(cubic_cm / DIMENSIONAL_DIVISOR * 1000)


def billed_weight_grams(parcel: Parcel) -> int:
    """The greater of actual and dimensional weight, rounded up to the half kilogram."""
    heavier = max(parcel.weight_grams, dimensional_weight_grams(parcel))
    return max(500, math.ceil(heavier / 500) * 500)


def insurance(value: int, threshold: int) -> int:
    """What insuring a parcel of `value` costs, or 0 when it need not be insured."""
    if value <= threshold:
        return 0
    return max(INSURANCE_MINIMUM, math.ceil(value * INSURANCE_PERCENT / 100))


def add_business_days(start: dt.date, days: int) -> dt.date:
    current = start
    while days > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def rate(
    service: ServiceLevel,
    parcel: Parcel,
    origin: Place,
    destination: Place,
    *,
    insurance_threshold: int,
    today: dt.date,
) -> RateOption:
    where = zone(origin, destination)
    base, per_half_kg, (fastest, slowest) = TARIFF[service][where]
    billed = billed_weight_grams(parcel)
    amount = base + per_half_kg * max(0, billed - 1000) // 500
    if is_remote(destination) or is_remote(origin):
        amount += REMOTE_SURCHARGE
        fastest, slowest = fastest + REMOTE_EXTRA_DAYS, slowest + REMOTE_EXTRA_DAYS
    insured = insurance(parcel.value, insurance_threshold)
    return RateOption(
        service=service,
        amount=amount + insured,
        estimated_days=(fastest, slowest),
        estimated_delivery=add_business_days(today, slowest),
        insured=insured > 0,
        insurance_amount=insured,
        zone=where,
        billed_weight_grams=billed,
    )


def rates(
    parcel: Parcel,
    origin: Place,
    destination: Place,
    *,
    insurance_threshold: int,
    today: dt.date,
) -> list[RateOption]:
    """Every service level, cheapest first."""
    return [
        rate(
            service,
            parcel,
            origin,
            destination,
            insurance_threshold=insurance_threshold,
            today=today,
        )
        for service in SERVICE_LEVELS
    ]
