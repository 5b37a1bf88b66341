"""The rate table: zones, billed weight, service levels, remote areas, insurance."""

from __future__ import annotations

import datetime as dt

from techmarket.services.shipping import rates
from techmarket.services.shipping.carriers.base import Parcel, Place
from techmarket.services.shipping.parcels import Item, parcel_of

MONDAY = dt.date(2026, 11, 23)
PHONE = Parcel(weight_grams=400, length_mm=200, width_mm=120, height_mm=60, value=30_000)
BERLIN, MUNICH = Place("DE", "10115"), Place("DE", "80331")


def _rate(service: str, parcel: Parcel, origin: Place, destination: Place, threshold: int = 50_000):  # type: ignore[no-untyped-def]
    return rates.rate(
        service,  # type: ignore[arg-type]
        parcel, origin, destination, insurance_threshold=threshold, today=MONDAY,
    )  # fmt: skip


def test_zones_follow_the_two_countries() -> None:
    assert rates.zone(BERLIN, MUNICH) == "domestic"
    assert rates.zone(BERLIN, Place("FR", "75001")) == "regional"
    assert rates.zone(BERLIN, Place("NO", "0150")) == "regional"  # EEA, not EU
    assert rates.zone(BERLIN, Place("US", "10001")) == "international"
    amounts = [
        _rate("standard", PHONE, BERLIN, where).amount
        for where in (MUNICH, Place("FR", "75001"), Place("US", "10001"))
    ]
    assert amounts == [490, 990, 1990]


def test_remote_postal_areas_cost_more_and_take_longer() -> None:
    mainland = _rate("standard", PHONE, BERLIN, Place("FR", "75001"))
    corsica = _rate("standard", PHONE, BERLIN, Place("FR", "20000"))
    sylt = _rate("standard", PHONE, MUNICH, Place("DE", "25980"))
    assert corsica.amount == mainland.amount + rates.REMOTE_SURCHARGE
    assert corsica.estimated_days == (
        mainland.estimated_days[0] + 2,
        mainland.estimated_days[1] + 2,
    )
    assert rates.is_remote(Place("DE", "25980")) and not rates.is_remote(MUNICH)
    assert sylt.amount == 490 + rates.REMOTE_SURCHARGE


def test_a_bulky_light_parcel_pays_for_its_dimensional_weight() -> None:
    heavy_small = Parcel(weight_grams=4_000, length_mm=300, width_mm=200, height_mm=100)
    light_bulky = Parcel(weight_grams=500, length_mm=600, width_mm=400, height_mm=400)
    # 60 x 40 x 40 cm / 5000 = 19.2 kg dimensional, billed at 19.5 kg
    assert rates.dimensional_weight_grams(light_bulky) == 19_200
    assert rates.billed_weight_grams(light_bulky) == 19_500
    assert rates.billed_weight_grams(heavy_small) == 4_000  # actual weight wins here
    assert _rate("standard", heavy_small, BERLIN, MUNICH).amount == 490 + 6 * 50
    assert _rate("standard", light_bulky, BERLIN, MUNICH).amount == 490 + 37 * 50


def test_express_is_dearer_and_faster_everywhere() -> None:
    for destination in (MUNICH, Place("FR", "75001"), Place("US", "10001")):
        standard, express = rates.rates(
            PHONE, BERLIN, destination, insurance_threshold=50_000, today=MONDAY
        )
        assert (standard.service, express.service) == ("standard", "express")
        assert express.amount > standard.amount
        assert express.estimated_days[1] < standard.estimated_days[1]
        assert express.estimated_delivery < standard.estimated_delivery


def test_estimates_count_business_days() -> None:
    friday = dt.date(2026, 11, 27)
    assert rates.add_business_days(friday, 1) == dt.date(2026, 11, 30)  # Monday
    standard = _rate("standard", PHONE, BERLIN, MUNICH)
    assert standard.estimated_delivery == dt.date(2026, 11, 26)  # Monday + 3 working days


def test_insurance_is_added_above_the_threshold_only() -> None:
    cheap = Parcel(400, 200, 120, 60, value=50_000)
    dear = Parcel(400, 200, 120, 60, value=120_000)
    at_threshold = _rate("standard", cheap, BERLIN, MUNICH)
    above = _rate("standard", dear, BERLIN, MUNICH)
    assert not at_threshold.insured and at_threshold.insurance_amount == 0
    assert above.insured and above.insurance_amount == 1_200  # 1 % of the value
    assert above.amount == at_threshold.amount + 1_200
    assert _rate("standard", dear, BERLIN, MUNICH, threshold=200_000).insured is False
    small_excess = _rate("standard", Parcel(400, 200, 120, 60, value=10_000), BERLIN, MUNICH, 5_000)
    assert small_excess.insurance_amount == rates.INSURANCE_MINIMUM


def test_a_parcel_stacks_its_items_and_guesses_missing_sizes() -> None:
    parcel = parcel_of(
        [
            Item(quantity=2, weight_grams=300, length_mm=150, width_mm=80, height_mm=20),
            Item(quantity=1, weight_grams=None),
        ],
        value=10_000,
    )
    assert parcel.weight_grams == 200 + 2 * 300 + 1_000
    assert (parcel.length_mm, parcel.width_mm, parcel.height_mm) == (300, 200, 2 * 20 + 100)
    assert parcel.value == 10_000
