"""Search latency at 100,000 and 1,000,000 listings, on SQLite and MariaDB, through the whole app.

Fills a database of its own with generated listings (Core bulk inserts after the migrations),
then drives the real app in process over ASGI (httpx.ASGITransport) with typical searches and
prints p50/p95/p99 per search next to two references measured in the same run: a bare
Starlette endpoint answering the same bytes, and the uncached primary-key read of one listing.
It also counts the SQL statements of a listing page at limit=10 and limit=100 (they must be
equal), and for every search splits its database time by statement (page, images, facets).

    .venv/bin/python bench/search_scale.py --database sqlite --listings 100000
    .venv/bin/python bench/search_scale.py --database mariadb --listings 1000000 --keep
    .venv/bin/python bench/search_scale.py --database sqlite --listings 1000000 --keep \\
        --explain --try "CREATE INDEX ix_try ON product (category_id, price)"

SQLite files live in var/bench/ (git-ignored); MariaDB uses the database `techmarket_bench`
(never `test`, which the test suite owns). Both are removed at the end unless --keep, and
--keep reuses an already filled database of the same size.
"""

# The proposals below build SQL from constants of this file only, never from input.
# ruff: noqa: S608

from __future__ import annotations

import argparse
import asyncio
import bisect
import datetime as dt
import gc
import itertools
import json
import math
import os
import random
import re
import shutil
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
from asgi_lifespan import LifespanManager
from sqlalchemy import bindparam, event, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from techmarket.app import create_app
from techmarket.config import PROJECT_ROOT, Settings
from techmarket.core.db import create_engine
from techmarket.core.resources import Resources
from techmarket.migrations.runner import upgrade
from techmarket.services.catalog import cache_keys
from techmarket.services.catalog.models import Category, Product, brand_key
from techmarket.services.catalog.repository import FACET_SAMPLE, PRICE_BANDS
from techmarket.services.catalog.spec_schemas import (
    CategorySpecs,
    SpecField,
    SpecType,
    specs_for,
    validate_specs,
)

GOAL_P95_MS = 50.0
BENCH_DIR = PROJECT_ROOT / "var" / "bench"
DEFAULT_MARIADB_URL = "mysql+asyncmy://root@127.0.0.1:3306/techmarket_bench?charset=utf8mb4"
API = "/api/v1"
SEED = 20261125

# --- Generated listings -------------------------------------------------------------------
# Real brands per top-level category, most listed first; 300 brands in all once padded with
# made-up ones. Within a group a brand's share falls off as 1/rank^1.1 (Zipf-like).
BRAND_COUNT = 300
GROUP_BRANDS: dict[str, tuple[str, ...]] = {
    "phones": (
        "Apple", "Samsung", "Google", "Xiaomi", "OnePlus", "Motorola", "Sony", "Nokia",
        "Oppo", "Huawei", "Honor", "Nothing", "Fairphone", "Realme", "Asus",
    ),
    "laptops": (
        "Apple", "Lenovo", "Dell", "HP", "Asus", "Acer", "Microsoft", "MSI", "Razer",
        "Samsung", "Framework", "LG", "Huawei", "Gigabyte", "Toshiba",
    ),
    "tablets": (
        "Apple", "Samsung", "Lenovo", "Amazon", "Kobo", "reMarkable", "Microsoft", "Xiaomi",
        "Huawei", "PocketBook", "Onyx Boox",
    ),
    "desktops": (
        "Apple", "Dell", "HP", "Lenovo", "Asus", "MSI", "Corsair", "Minisforum", "Beelink",
        "Acer", "Intel", "Zotac",
    ),
    "components": (
        "AMD", "Nvidia", "Intel", "Asus", "MSI", "Gigabyte", "Corsair", "Samsung", "Kingston",
        "Crucial", "Western Digital", "Seagate", "Noctua", "be quiet!", "Fractal Design",
        "NZXT", "Seasonic", "EVGA", "Sapphire", "ASRock", "Cooler Master", "Lian Li",
        "G.Skill", "Zotac", "Thermaltake", "Arctic", "Sabrent", "SanDisk", "Phanteks",
    ),
    "peripherals": (
        "Logitech", "Dell", "LG", "Samsung", "Razer", "Keychron", "HP", "Brother", "Canon",
        "Epson", "BenQ", "Asus", "SteelSeries", "Corsair", "AOC", "Ducky", "Elgato",
        "Microsoft", "Prusa", "Bambu Lab",
    ),
    "audio": (
        "Sony", "Bose", "Apple", "Sennheiser", "JBL", "Beyerdynamic", "Audio-Technica",
        "Shure", "Jabra", "Marshall", "Sonos", "Rode", "Bang & Olufsen", "Shokz", "AKG",
        "Beats", "Anker", "Focal", "Samsung",
    ),
    "cameras": (
        "Canon", "Sony", "Nikon", "Fujifilm", "DJI", "GoPro", "Panasonic", "Olympus", "Sigma",
        "Tamron", "Leica", "Insta360", "Pentax", "Hasselblad", "Ricoh",
    ),
    "gaming": (
        "Sony", "Nintendo", "Microsoft", "Valve", "Meta", "8BitDo", "Asus", "Lenovo",
        "PowerA", "HTC", "Razer", "Nacon", "Pico",
    ),
    "networking": (
        "TP-Link", "Netgear", "Asus", "Ubiquiti", "AVM", "Synology", "QNAP", "Linksys", "Eero",
        "MikroTik", "Cisco", "D-Link", "Zyxel", "TerraMaster",
    ),
    "wearables": (
        "Apple", "Samsung", "Garmin", "Fitbit", "Google", "Huawei", "Xiaomi", "Amazfit",
        "Withings", "Polar", "Suunto", "Coros",
    ),
    "accessories": (
        "Anker", "Belkin", "Apple", "Samsung", "Ugreen", "Spigen", "Baseus", "CalDigit",
        "OtterBox", "Satechi", "Aukey", "Mophie", "Nomad", "Cable Matters", "Plugable",
        "Kensington",
    ),
}  # fmt: skip
GROUP_SERIES: dict[str, tuple[str, ...]] = {
    "phones": ("Edge", "Nova", "Note", "Neo", "Find", "Reno", "Mate", "Zen", "Flip", "One"),
    "laptops": ("Book", "Vivo", "Zen", "Swift", "Aspire", "Blade", "Stealth", "Gram", "Aero"),
    "tablets": ("Tab", "Pad", "Slate", "Note", "Clara", "Libra", "Era", "Go"),
    "desktops": ("Tower", "Mini", "Station", "Cube", "Box", "Core", "Vision"),
    "components": ("Pro", "Ultra", "Elite", "Fury", "Vengeance", "Trident", "Aorus", "Nitro"),
    "peripherals": ("MX", "Pro", "Ultra", "Vision", "Studio", "Prime", "Aurora", "Apex"),
    "audio": ("QuietComfort", "WH", "Momentum", "Studio", "Flip", "Charge", "Pro", "Air"),
    "cameras": ("Alpha", "EOS", "Z", "X-T", "Lumix", "Mavic", "Hero", "Art", "Contemporary"),
    "gaming": ("PlayStation", "Switch", "Xbox Series", "Steam Deck", "Quest", "Pro", "Elite"),
    "networking": ("Archer", "Deco", "Nighthawk", "UniFi", "Fritz!Box", "DiskStation", "Orbi"),
    "wearables": ("Watch", "Fenix", "Forerunner", "Charge", "Band", "Vantage", "Venu"),
    "accessories": ("PowerCore", "BoostCharge", "Nano", "Hub", "Dock", "MagGo", "Prime"),
}
BRAND_SERIES: dict[tuple[str, str], tuple[str, ...]] = {
    ("phones", "Apple"): ("iPhone",),
    ("phones", "Samsung"): ("Galaxy S", "Galaxy A", "Galaxy Z Flip", "Galaxy Z Fold"),
    ("phones", "Google"): ("Pixel",),
    ("laptops", "Apple"): ("MacBook Air", "MacBook Pro"),
    ("laptops", "Lenovo"): ("ThinkPad X1", "ThinkPad T", "IdeaPad", "Legion", "Yoga"),
    ("laptops", "Dell"): ("XPS", "Latitude", "Inspiron", "Precision", "Alienware m"),
    ("laptops", "HP"): ("EliteBook", "Spectre x360", "Pavilion", "Omen", "ProBook"),
    ("tablets", "Apple"): ("iPad", "iPad Air", "iPad Pro", "iPad mini"),
    ("tablets", "Samsung"): ("Galaxy Tab S", "Galaxy Tab A"),
    ("desktops", "Apple"): ("Mac mini", "iMac", "Mac Studio"),
    ("components", "Nvidia"): ("GeForce RTX",),
    ("components", "AMD"): ("Ryzen", "Radeon RX"),
    ("components", "Intel"): ("Core i5", "Core i7", "Core i9", "Arc A"),
    ("gaming", "Sony"): ("PlayStation", "DualSense"),
    ("gaming", "Nintendo"): ("Switch",),
    ("wearables", "Apple"): ("Watch Series", "Watch Ultra", "Watch SE"),
    ("audio", "Apple"): ("AirPods", "AirPods Pro", "AirPods Max"),
}
MODEL_SUFFIXES = ("", "", "", " Pro", " Plus", " Lite", " Ultra", " Max", " Mini", " S", " SE")
LEAF_WEIGHTS: dict[str, float] = {
    "smartphones": 14, "basic-phones": 1, "ultrabooks": 4, "gaming-laptops": 3,
    "business-laptops": 4, "chromebooks": 1.5, "ipads": 4, "android-tablets": 2,
    "e-readers": 1.5, "gaming-pcs": 2, "mini-pcs": 1, "all-in-ones": 1, "workstations": 0.5,
    "cpus": 2, "gpus": 3, "ram": 1.5, "ssds": 2, "hdds": 1, "external-drives": 1,
    "motherboards": 1.5, "power-supplies": 1, "pc-cases": 1, "cooling": 1, "monitors": 3,
    "keyboards": 2, "mice": 1.5, "webcams": 0.5, "printers": 1, "headphones": 3, "earbuds": 3,
    "speakers": 1.5, "microphones": 0.7, "mirrorless-cameras": 2, "dslr-cameras": 1.5,
    "action-cameras": 1, "lenses": 2, "drones": 1, "consoles": 3, "handheld-consoles": 1.5,
    "controllers": 1.5, "vr-headsets": 1, "routers": 1, "mesh-wifi": 0.7, "switches": 0.5,
    "nas": 0.5, "smartwatches": 2.5, "fitness-trackers": 1, "chargers": 1.5, "cables": 1,
    "cases": 1.5, "power-banks": 1, "docks": 0.8,
}  # fmt: skip
# Median asking price (EUR) per top-level category; prices are log-normal around it.
GROUP_MEDIAN_EUR: dict[str, float] = {
    "phones": 250, "laptops": 600, "tablets": 250, "desktops": 700, "components": 150,
    "peripherals": 80, "audio": 90, "cameras": 450, "gaming": 200, "networking": 90,
    "wearables": 150, "accessories": 25,
}  # fmt: skip
# condition, share of listings, price factor
CONDITIONS: tuple[tuple[str, float, float], ...] = (
    ("new", 0.10, 1.25),
    ("like_new", 0.25, 1.0),
    ("good", 0.35, 0.85),
    ("fair", 0.20, 0.65),
    ("for_parts", 0.10, 0.3),
)
# 95% public and active; the rest spread over what search must never show.
HIDDEN_STATES = (
    ("draft", "active"),
    ("unlisted", "active"),
    ("private", "active"),
    ("public", "reserved"),
    ("public", "sold_out"),
    ("public", "removed"),
)
# Description words, most used first (no InnoDB stop words: they would not be indexed).
COMMON_TEXT = """
condition original works used great box perfectly charger battery screen included cable
comes scratches light minor tested barely excellent clean fully reset factory wear signs
warranty receipt good pickup shipping fast protector case glass tempered spare upgrade
selling reason bought months still perfect home smoke free pet original packaging manual
adapter working order fine small scuff dent corner back front side edge bottom lens camera
sharp photos video sound loud clear speakers microphone ports usb hdmi headphone jack
keyboard backlit trackpad responsive display bright colours pixels dead none cracks chips
marks visible close inspection daily driver gaming streaming editing office school
student work travel lightweight compact powerful quiet cool fans thermal paste replaced
fresh install windows linux updated latest firmware software drivers genuine authentic
invoice serial matches sticker intact sealed unopened opened once twice tested hours
cycles count health capacity holds charge lasts day heavy use standby stored drawer
shelf cupboard garage loft unused gift duplicate upgraded replaced switched moved abroad
collection delivery courier tracked insured parcel bubble wrap double boxed securely
packed quickly dispatched same next business offers considered firm price negotiable
reasonable bundle deal extras accessories stand dock mount strap sleeve bag pouch cover
skin sticker removed residue adhesive mint immaculate pristine flawless near new-ish
dusty cleaned sanitised wiped disinfected polished buffed repaired refurbished
professionally serviced checked diagnostics benchmark stress temperatures stable
overclocked stock clocks undervolted silent coil whine noise rattle buzz hum click
"""
COMMON_WORDS = list(dict.fromkeys(COMMON_TEXT.split()))
RARE_WORD, RARE_EVERY = "zirconia", 20_000  # one description in 20,000 has it
CITIES = (
    "Berlin", "Hamburg", "Munich", "Cologne", "Paris", "Lyon", "Madrid", "Barcelona",
    "Milan", "Rome", "Amsterdam", "Rotterdam", "Brussels", "Vienna", "Zurich", "Lisbon",
    "Dublin", "Copenhagen", "Stockholm", "Warsaw", "Prague", "Budapest", "Helsinki", "Oslo",
)  # fmt: skip
COLOURS = (
    "Black", "White", "Silver", "Space Grey", "Blue", "Green", "Gold", "Red", "Graphite",
    "Midnight", "Starlight", "Purple", "Pink", "Titanium",
)  # fmt: skip
TEXT_VALUES: dict[str, tuple[str, ...]] = {
    "colour": COLOURS,
    "cpu": (
        "Intel Core i5-1135G7", "Intel Core i7-1165G7", "Intel Core i7-12700H",
        "Intel Core i9-13900H", "Intel Core Ultra 7 155H", "AMD Ryzen 5 5600U",
        "AMD Ryzen 7 7840HS", "AMD Ryzen 9 7945HX", "Apple M1", "Apple M2", "Apple M3 Pro",
    ),
    "gpu": (
        "Intel Iris Xe", "NVIDIA GeForce RTX 3060", "NVIDIA GeForce RTX 4070",
        "AMD Radeon 780M", "Apple 10-core GPU", "NVIDIA GeForce RTX 4090",
    ),
    "chipset": (
        "RTX 3060 Ti", "RTX 3080", "RTX 4070 Super", "RTX 4090", "RX 6800 XT", "RX 7900 XTX",
        "Arc A770",
    ),
    "chip": ("Apple M1", "Apple M2", "A14 Bionic", "Snapdragon 8 Gen 2", "Tensor G3"),
    "os": ("Windows 11 Pro", "Windows 11 Home", "macOS", "Ubuntu 24.04", "ChromeOS"),
    "carrier": ("Vodafone", "O2", "T-Mobile", "Orange", "EE"),
}  # fmt: skip
NICE_INTEGERS: dict[str, tuple[int, ...]] = {
    "storage_gb": (16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8000, 16000),
    "ram_gb": (2, 4, 6, 8, 12, 16, 24, 32, 64, 128),
    "capacity_gb": (128, 256, 500, 512, 1000, 2000, 4000, 8000, 16000),
    "vram_gb": (4, 6, 8, 10, 12, 16, 20, 24),
    "refresh_hz": (60, 75, 120, 144, 165, 240, 360),
    "release_year": tuple(range(2014, dt.date.today().year + 1)),
    "battery_health_pct": tuple(range(70, 101)),
    "drive_health_pct": tuple(range(60, 101)),
}


def _cumulative_zipf(count: int, exponent: float = 1.0) -> list[float]:
    return list(itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(count)))


SYLLABLES = "ka lo mi ren tor vel an dri sul ox ber nim quo fa zel tu gri pes mar col"


def _made_up_words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    syllables = SYLLABLES.split()
    found: list[str] = []
    while len(found) < count:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word not in taken:
            taken.add(word)
            found.append(word)
    return found


@dataclass
class Leaf:
    id: uuid.UUID
    slug: str
    group: str
    schema: CategorySpecs
    brands: list[str]
    brand_weights: list[float]
    models: dict[str, list[str]]


class ListingFactory:
    """Deterministic, realistic product rows for `insert(Product.__table__)`."""

    def __init__(self, categories: Sequence[Any], listings: int, seed: int = SEED) -> None:
        """`categories`: rows with id, slug and parent_id (the whole tree)."""
        self.rng = random.Random(seed)  # noqa: S311 - test data, not secrets
        rng = self.rng
        by_id = {c.id: c for c in categories}
        parents = {c.parent_id for c in categories}
        real = sorted({brand for brands in GROUP_BRANDS.values() for brand in brands})
        made_up = [w.capitalize() for w in _made_up_words(rng, BRAND_COUNT - len(real), set())]
        groups = sorted(GROUP_BRANDS)
        padding: dict[str, list[str]] = defaultdict(list)
        for index, brand in enumerate(made_up):
            padding[groups[index % len(groups)]].append(brand)
        self.leaves: list[Leaf] = []
        for category in categories:
            if category.id in parents:
                continue
            lineage = [category]
            while lineage[-1].parent_id is not None:
                lineage.append(by_id[lineage[-1].parent_id])
            group = lineage[-1].slug
            brands = [*GROUP_BRANDS.get(group, ()), *padding[group]] or made_up
            models = {brand: self._models(group, brand) for brand in brands}
            self.leaves.append(
                Leaf(
                    id=category.id,
                    slug=category.slug,
                    group=group,
                    schema=specs_for(category.slug, [c.slug for c in lineage[1:]]),
                    brands=brands,
                    brand_weights=_cumulative_zipf(len(brands), 1.1),
                    models=models,
                )
            )
        self.leaf_weights = list(
            itertools.accumulate(LEAF_WEIGHTS.get(leaf.slug, 1.0) for leaf in self.leaves)
        )
        vocabulary_set = set(COMMON_WORDS)
        self.vocabulary = [*COMMON_WORDS, *_made_up_words(rng, 3000, vocabulary_set)]
        self.word_weights = _cumulative_zipf(len(self.vocabulary))
        sellers = max(1000, listings // 50)
        self.sellers = [
            (uuid.UUID(int=rng.getrandbits(128), version=4), f"{name.capitalize()} Tech")
            for name in _made_up_words(rng, sellers, set(self.vocabulary))
        ]
        self.seller_weights = _cumulative_zipf(sellers, 0.8)
        self.condition_weights = list(itertools.accumulate(w for _, w, _ in CONDITIONS))
        self.checked = 0

    def _models(self, group: str, brand: str) -> list[str]:
        series = BRAND_SERIES.get((group, brand)) or GROUP_SERIES.get(group, ("Series",))
        rng = self.rng
        models: set[str] = set()
        while len(models) < 12:
            number = rng.choice((rng.randint(2, 16), rng.randint(100, 990), rng.randint(1, 9)))
            models.add(f"{rng.choice(series)} {number}{rng.choice(MODEL_SUFFIXES)}")
        return sorted(models)

    # --- specs that fit the category's schema ---

    def _value(self, spec: SpecField) -> object:
        rng = self.rng
        if spec.type is SpecType.BOOLEAN:
            return rng.random() < 0.5
        if spec.type is SpecType.CHOICE:
            return rng.choice(spec.choices)
        if spec.type is SpecType.TEXT:
            values = TEXT_VALUES.get(spec.name) or ("see photos", "standard", "original")
            return rng.choice(values)
        low = spec.minimum if spec.minimum is not None else 0.0
        high = spec.maximum if spec.maximum is not None else low + 1000
        if spec.type is SpecType.NUMBER:
            if spec.name == "megapixels":
                return rng.choice([v for v in (12.0, 20.1, 24.2, 33.0, 45.7) if low <= v <= high])
            return max(low, min(high, round(rng.uniform(low, high), 1)))
        nice = [v for v in NICE_INTEGERS.get(spec.name, ()) if low <= v <= high]
        if nice:
            return rng.choice(nice)
        if low <= 0:
            return rng.randint(math.ceil(low), math.floor(high))
        return min(math.floor(high), round(math.exp(rng.uniform(math.log(low), math.log(high)))))

    def _specs(self, schema: CategorySpecs) -> dict[str, object]:
        specs = {
            spec.name: self._value(spec)
            for spec in schema.fields
            if spec.required or self.rng.random() < 0.75
        }
        if self.checked < 2000 or self.rng.random() < 0.01:  # prove the generator, cheaply
            self.checked += 1
            _, problems = validate_specs(schema, specs)
            if problems:
                raise AssertionError(f"{schema.label}: generated specs refused: {problems}")
        return specs

    @staticmethod
    def _spec_words(specs: dict[str, object]) -> list[str]:
        words = []
        for name in ("storage_gb", "capacity_gb", "ram_gb", "vram_gb", "screen_inches"):
            value = specs.get(name)
            if value is None:
                continue
            if name == "screen_inches":
                words.append(f'{value}"')
            elif isinstance(value, int) and value >= 1000:
                words.append(f"{value // 1000}TB")
            else:
                words.append(f"{value}GB RAM" if name == "ram_gb" else f"{value}GB")
        if isinstance(specs.get("colour"), str):
            words.append(str(specs["colour"]))
        return words[:3]

    def _description(self, brand: str, model: str, condition: str) -> str:
        rng = self.rng
        opening = rng.choice(
            (
                f"Selling my {brand} {model}.",
                f"{brand} {model} in {condition.replace('_', ' ')} condition.",
                f"Up for sale: {brand} {model}.",
                "",
            )
        )
        count = rng.randint(20, 60) - len(opening.split())
        words = rng.choices(self.vocabulary, cum_weights=self.word_weights, k=max(count, 5))
        if rng.randrange(RARE_EVERY) == 0:
            words[rng.randrange(len(words))] = RARE_WORD
        body = " ".join(words)
        return f"{opening} {body[0].upper()}{body[1:]}.".strip()

    def rows(self, count: int, start: dt.datetime, span: dt.timedelta) -> Iterator[dict[str, Any]]:
        """`count` listings created from `start` over `span`, in the order they were made."""
        rng = self.rng
        step = span / count
        for index in range(count):
            leaf = self.leaves[
                bisect.bisect(self.leaf_weights, rng.random() * self.leaf_weights[-1])
            ]
            brand = rng.choices(leaf.brands, cum_weights=leaf.brand_weights)[0]
            model = rng.choice(leaf.models[brand])
            condition_at = bisect.bisect(
                self.condition_weights, rng.random() * self.condition_weights[-1]
            )
            condition, _, price_factor = CONDITIONS[condition_at]
            specs = self._specs(leaf.schema)
            title = " ".join([brand, model, *self._spec_words(specs)])[:200]
            median = GROUP_MEDIAN_EUR.get(leaf.group, 100) * price_factor
            price = max(1, round(median * rng.lognormvariate(0, 0.75))) * 100
            if rng.random() < 0.95:
                visibility, status = "public", "active"
            else:
                visibility, status = rng.choice(HIDDEN_STATES)
            seller_id, seller_name = rng.choices(self.sellers, cum_weights=self.seller_weights)[0]
            created = start + step * (index + rng.random())
            has_serial = leaf.group in {"phones", "laptops", "tablets"} and rng.random() < 0.3
            yield {
                "id": uuid.UUID(int=rng.getrandbits(128), version=4),
                "seller_id": seller_id,
                "seller_name": seller_name,
                "category_id": leaf.id,
                "title": title,
                "description": self._description(brand, model, condition),
                "brand": brand,
                "brand_key": brand_key(brand),
                "model": model,
                "condition": condition,
                "price": min(price, 100_000_000_00),
                "currency": "EUR",
                "quantity": 1 if rng.random() < 0.9 else rng.randint(2, 10),
                "location": rng.choice(CITIES) if rng.random() < 0.8 else None,
                "visibility": visibility,
                "status": status,
                "specs": specs,
                "cosmetic_notes": "" if condition == "new" else "Light marks, see photos.",
                "checklist": {
                    item.key: condition != "for_parts" or rng.random() < 0.5
                    for item in leaf.schema.checklist
                },
                "device_hash": f"{rng.getrandbits(256):064x}" if has_serial else None,
                "serial_last4": f"{rng.randrange(10_000):04d}" if has_serial else None,
                "weight_grams": rng.randint(50, 5000) if rng.random() < 0.6 else None,
                "length_mm": None,
                "width_mm": None,
                "height_mm": None,
                "featured": rng.random() < 0.005,
                "created_at": created,
                "updated_at": created,
            }


# --- Filling the database ------------------------------------------------------------------


def _is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    assert database
    return Path(database)


async def _server_execute(url: str, *statements: str) -> None:
    """Statements on the MariaDB server without a default database (create/drop ours)."""
    engine = create_engine(make_url(url).set(database="").render_as_string(hide_password=False))
    try:
        async with engine.connect() as connection:
            for statement in statements:
                await connection.exec_driver_sql(statement)
    finally:
        await engine.dispose()


async def _database_name(url: str) -> str:
    name = make_url(url).database or ""
    if not re.fullmatch(r"\w+", name) or name == "test":
        raise SystemExit(f"refusing database {name!r}: use a database of the benchmark's own")
    return name


async def _listing_count(url: str) -> int | None:
    """Listings in an already migrated database, or None when there is none to reuse."""
    if _is_sqlite(url):
        if not _sqlite_path(url).exists():
            return None
    else:
        name = await _database_name(url)
        engine = create_engine(make_url(url).set(database="").render_as_string(False))
        try:
            async with engine.connect() as connection:
                found = await connection.scalar(
                    text(
                        "SELECT COUNT(*) FROM information_schema.tables"
                        " WHERE table_schema = :name AND table_name = 'product'"
                    ),
                    {"name": name},
                )
        finally:
            await engine.dispose()
        if not found:
            return None
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return int(await connection.scalar(select(func.count()).select_from(Product)) or 0)
    except Exception:  # a half-made database is not worth reusing
        return None
    finally:
        await engine.dispose()


def _remove_sqlite_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


async def drop_database(url: str) -> None:
    if _is_sqlite(url):
        _remove_sqlite_files(_sqlite_path(url))
    else:
        await _server_execute(url, f"DROP DATABASE IF EXISTS `{await _database_name(url)}`")


async def create_database(url: str) -> None:
    if _is_sqlite(url):
        _sqlite_path(url).parent.mkdir(parents=True, exist_ok=True)
    else:
        name = await _database_name(url)
        await _server_execute(url, f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")


@dataclass
class SavedDdl:
    """Secondary structures of `product` taken away for the bulk load and put back after."""

    indexes: list[str] = field(default_factory=list)
    triggers: list[str] = field(default_factory=list)
    full_text: list[str] = field(default_factory=list)
    before: list[str] = field(default_factory=list)  # to check the schema came back whole


async def _sqlite_schema(connection: AsyncConnection) -> list[str]:
    rows = await connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE tbl_name IN ('product', 'product_fts') "
        "AND sql IS NOT NULL ORDER BY name"
    )
    return sorted(str(row[0]) for row in rows)


async def _mariadb_schema(connection: AsyncConnection) -> list[str]:
    ddl: Any = (await connection.exec_driver_sql("SHOW CREATE TABLE product")).one()
    ddl = ddl[1]
    return sorted(line.strip().rstrip(",") for line in str(ddl).splitlines())


async def _strip_for_load(connection: AsyncConnection) -> SavedDdl:
    saved = SavedDdl()
    if connection.dialect.name == "sqlite":
        saved.before = await _sqlite_schema(connection)
        rows = await connection.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'product' "
            "AND type IN ('index', 'trigger') AND sql IS NOT NULL"
        )
        structures: Sequence[Any] = rows.all()
        for kind, name, sql in structures:
            (saved.indexes if kind == "index" else saved.triggers).append(sql)
            await connection.exec_driver_sql(f"DROP {kind.upper()} {name}")
        return saved  # the FTS5 table is rebuilt in one pass once the rows are in
    saved.before = await _mariadb_schema(connection)
    # The index serving the category foreign key may go while the rows are loaded.
    await connection.exec_driver_sql("SET SESSION foreign_key_checks=0")
    drops = []
    for line in saved.before:
        found = re.match(r"(FULLTEXT )?KEY `(\w+)`", line)
        if found:
            (saved.full_text if found.group(1) else saved.indexes).append(line)
            drops.append(f"DROP INDEX `{found.group(2)}`")
    if drops:
        await connection.exec_driver_sql(f"ALTER TABLE product {', '.join(drops)}")
    return saved


async def _restore_after_load(connection: AsyncConnection, saved: SavedDdl) -> dict[str, float]:
    phases: dict[str, float] = {}
    started = time.perf_counter()
    if connection.dialect.name == "sqlite":
        for sql in saved.indexes:
            await connection.exec_driver_sql(sql)
        phases["indexes"] = time.perf_counter() - started
        started = time.perf_counter()
        for sql in saved.triggers:
            await connection.exec_driver_sql(sql)
        await connection.exec_driver_sql("INSERT INTO product_fts(product_fts) VALUES ('rebuild')")
        phases["full-text (FTS5 rebuild)"] = time.perf_counter() - started
        after = await _sqlite_schema(connection)
    else:
        if saved.indexes:
            adds = ", ".join(f"ADD {line}" for line in saved.indexes)
            await connection.exec_driver_sql(f"ALTER TABLE product {adds}")
        phases["indexes"] = time.perf_counter() - started
        started = time.perf_counter()
        for line in saved.full_text:  # InnoDB builds one FULLTEXT index per statement
            await connection.exec_driver_sql(f"ALTER TABLE product ADD {line}")
        phases["full-text (FULLTEXT index)"] = time.perf_counter() - started
        started = time.perf_counter()
        await connection.exec_driver_sql("ANALYZE TABLE product")
        phases["ANALYZE TABLE"] = time.perf_counter() - started
        after = await _mariadb_schema(connection)
    if after != saved.before:
        raise AssertionError(f"schema differs after the load:\n{saved.before}\n{after}")
    return phases


def _fast_sqlite_writes(dbapi_connection: Any, _record: Any) -> None:
    """The loader's own connections only (after the app's set-up): no fsync, a big cache."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.execute("PRAGMA cache_size=-262144")
    cursor.close()


async def fill(url: str, listings: int, batch: int) -> dict[str, float]:
    """Migrate an empty database and bulk insert `listings` generated listings; phase times."""
    phases: dict[str, float] = {}
    started = time.perf_counter()
    upgrade(url)
    phases["migrate"] = time.perf_counter() - started
    engine = create_engine(url)
    if _is_sqlite(url):
        event.listen(engine.sync_engine, "connect", _fast_sqlite_writes)
    try:
        async with engine.connect() as connection:
            columns = Category.__table__.c
            categories = await connection.execute(
                select(columns.id, columns.slug, columns.parent_id)
            )
            factory = ListingFactory(categories.all(), listings)
        async with engine.begin() as connection:
            saved = await _strip_for_load(connection)
        started = time.perf_counter()
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        rows = factory.rows(listings, now - dt.timedelta(days=730), dt.timedelta(days=730))
        table = Product.__table__
        done = 0
        async with engine.connect() as connection:
            if connection.dialect.name != "sqlite":  # SQLite: see _fast_sqlite_writes
                await connection.exec_driver_sql("SET SESSION unique_checks=0")
                await connection.exec_driver_sql("SET SESSION foreign_key_checks=0")
            await connection.commit()
            while chunk := list(itertools.islice(rows, batch)):
                async with connection.begin():
                    await connection.execute(insert(table), chunk)  # type: ignore[arg-type]
                done += len(chunk)
                if done % (batch * 10) == 0 or done == listings:
                    elapsed = time.perf_counter() - started
                    print(f"  {done:>9,} rows  {elapsed:7.1f} s  {done / elapsed:8,.0f} rows/s")
            phases["insert rows"] = time.perf_counter() - started
            async with connection.begin():
                phases.update(await _restore_after_load(connection, saved))
    finally:
        await engine.dispose()
    return phases


async def prepare(url: str, listings: int, keep: bool, batch: int) -> dict[str, float] | None:
    """A database holding `listings` listings: reused with --keep, else filled; load times."""
    if keep and await _listing_count(url) == listings:
        print(f"reusing the filled database ({listings:,} listings)")
        await asyncio.to_thread(upgrade, url)  # migrations added since it was filled
        return None
    await drop_database(url)
    await create_database(url)
    print(f"filling {listings:,} listings in batches of {batch:,}")
    return await fill(url, listings, batch)


# --- Measuring -----------------------------------------------------------------------------


@dataclass
class Statements:
    """The SQL statements the app sends, while `active`, with their durations."""

    active: bool = False
    seen: list[tuple[str, Any, float]] = field(default_factory=list)
    _started: float = 0.0

    def attach(self, engine: AsyncEngine) -> None:
        sync_engine = engine.sync_engine

        @event.listens_for(sync_engine, "before_cursor_execute")
        def _before(*args: Any) -> None:
            self._started = time.perf_counter()

        @event.listens_for(sync_engine, "after_cursor_execute")
        def _after(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
            if self.active:
                self.seen.append((statement, parameters, time.perf_counter() - self._started))

    def start(self) -> None:
        self.seen.clear()
        self.active = True

    def stop(self) -> list[tuple[str, Any, float]]:
        self.active = False
        return list(self.seen)


OTHER = "other"


def statement_kind(statement: str) -> str:
    """A short name for a statement of a search request."""
    sql = " ".join(statement.lower().split())
    if sql.startswith("begin"):
        return "begin"
    if "from category " in sql and "from product " not in sql:
        return "categories"
    if "from product_image " in sql:
        return "images"
    if not sql.startswith("select") or "from product " not in sql:
        return OTHER  # not the search's: a background task of the app (e.g. the orders sweep)
    if "group by" not in sql:
        return "page"
    grouped = sql.rsplit("group by", 1)[1]
    if "json" in grouped or "specs" in grouped:
        return "facet spec"
    if "case" in grouped or "band" in grouped:
        return "facet price bands"
    for column in ("brand", "condition", "category_id"):
        if f"product.{column}" in grouped or f"`{column}`" in grouped:
            return f"facet {column}"
    return "facet other"


def search_statements(seen: list[tuple[str, Any, float]]) -> list[tuple[str, Any, float]]:
    return [entry for entry in seen if statement_kind(entry[0]) != OTHER]


@dataclass
class Case:
    name: str
    path: str
    cached: bool = False
    follow_cursors: int = 0  # time the page reached after this many next_cursor hops
    before_each: Callable[[], Awaitable[None]] | None = None
    warm: bool = False  # measure again with the facets left in the cache


@dataclass
class Result:
    name: str
    path: str
    runs: int
    p50: float
    p95: float
    p99: float
    matches: str
    breakdown: dict[str, float]
    statements: int
    seen: list[tuple[str, Any, float]] = field(default_factory=list, repr=False)
    warm_p50: float | None = None  # facets from the cache (the same filters within a minute)
    warm_p95: float | None = None

    def figures(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "seen"}


def percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def _with(path: str, **changes: str) -> str:
    parts = urlsplit(path)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in changes]
    query.extend(changes.items())
    return f"{parts.path}?{urlencode(query)}"


def _matches(body: dict[str, Any]) -> str:
    """Listings found, from the condition facet ("5,000+" when the facets count a sample)."""
    facets = body.get("facets")
    if not isinstance(facets, dict) or not facets.get("condition"):
        return ""
    found = sum(int(value["count"]) for value in facets["condition"])
    return f"{found:,}+" if facets.get("approximate") else f"{found:,}"


async def _resolve(client: httpx.AsyncClient, case: Case) -> str:
    """The path of the page after `follow_cursors` pages, reached in big steps: a cursor is a
    position (sort value, id), so pages of 98 skip the same rows as pages of 24, faster."""
    skip = case.follow_cursors * int(dict(parse_qsl(urlsplit(case.path).query)).get("limit", 24))
    step = max(d for d in range(1, 101) if skip % d == 0) if skip else 0
    path = case.path
    for _ in range(skip // step if step else 0):
        response = await client.get(_with(path, limit=str(step)))
        assert response.status_code == 200, response.text
        cursor = response.json()["next_cursor"]
        assert cursor, f"{case.name}: fewer pages than asked"
        path = _with(case.path, cursor=cursor)
    return path


async def measure(
    client: httpx.AsyncClient,
    statements: Statements,
    case: Case,
    runs: int,
    max_seconds: float,
    min_runs: int = 10,
) -> Result:
    """p50/p95/p99 of `case`, and where its database time goes (statements of the timed runs)."""
    path = await _resolve(client, case)
    started = time.perf_counter()
    first = await client.get(path)
    slow = time.perf_counter() - started > 1.0  # at 1M listings: no more warm-up than this
    assert first.status_code == 200, f"{case.name}: {first.status_code} {first.text[:300]}"
    body = first.json()
    for _ in range(0 if slow else 2):  # warm-up
        if case.before_each:
            await case.before_each()
        await client.get(path)
    samples: list[float] = []
    per_kind: dict[str, list[float]] = defaultdict(list)
    seen: list[tuple[str, Any, float]] = []
    deadline = time.perf_counter() + max_seconds
    while len(samples) < runs and (len(samples) < min_runs or time.perf_counter() < deadline):
        if case.before_each:
            await case.before_each()
        statements.start()
        started = time.perf_counter()
        response = await client.get(path)
        samples.append(time.perf_counter() - started)
        seen = search_statements(statements.stop())
        assert response.status_code == 200
        totals: dict[str, float] = defaultdict(float)
        for statement, _, seconds in seen:
            totals[statement_kind(statement)] += seconds
        for kind, seconds in totals.items():
            per_kind[kind].append(seconds)
    return Result(
        name=case.name,
        path=path,
        runs=len(samples),
        p50=percentile(samples, 50) * 1000,
        p95=percentile(samples, 95) * 1000,
        p99=percentile(samples, 99) * 1000,
        matches=_matches(body) if isinstance(body, dict) else "",
        breakdown={kind: sorted(v)[len(v) // 2] * 1000 for kind, v in per_kind.items()},
        statements=len(seen),
        seen=seen,
    )


async def count_statements(
    client: httpx.AsyncClient,
    statements: Statements,
    path: str,
    clear: Callable[[], Awaitable[None]],
) -> tuple[int, int, list[str]]:
    """Statements of one page at limit=10 and at limit=100 (cache emptied: facets counted),
    and the kinds at limit=100."""
    counts = []
    kinds: list[str] = []
    for limit in ("10", "100"):
        await clear()
        statements.start()
        response = await client.get(_with(path, limit=limit))
        seen = search_statements(statements.stop())
        assert response.status_code == 200, response.text
        assert len(response.json()["items"]) == int(limit), f"{path}: short page"
        counts.append(len(seen))
        kinds = [statement_kind(statement) for statement, _, _ in seen]
    return counts[0], counts[1], kinds


async def explain(
    engine: AsyncEngine, seen: list[tuple[str, Any, float]], show_sql: bool = False
) -> list[str]:
    """The plan of every product statement of one request, as the database prints it."""
    lines: list[str] = []
    async with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        for statement, parameters, seconds in seen:
            kind = statement_kind(statement)
            if kind in {"begin", "categories", "images", "commit", "rollback"}:
                continue
            prefix = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN "
            rows = (await connection.exec_driver_sql(prefix + statement, parameters)).all()
            lines.append(f"  -- {kind}: {seconds * 1000:.1f} ms")
            if show_sql:
                lines.append(f"     SQL: {' '.join(statement.split())}  PARAMS: {parameters}")
            if sqlite:
                lines.extend(f"     {row._mapping['detail']}" for row in rows)
            else:
                for row in rows:
                    mapping = row._mapping
                    lines.append(
                        "     " + " | ".join(
                            f"{key}={mapping[key]}"
                            for key in ("table", "type", "key", "rows", "Extra")
                            if mapping.get(key) is not None
                        )
                    )  # fmt: skip
    return lines


def cases(
    product_id: uuid.UUID,
    forget: Callable[[], Awaitable[None]],
    clear: Callable[[], Awaitable[None]],
) -> list[Case]:
    """The searches; all but the first two are timed with the cache emptied before each
    request (the first visitor of a set of filters: facets counted), then again warm."""
    products = f"{API}/products"
    return [
        Case("listing by id, uncached (PK lookup)", f"{products}/{product_id}", before_each=forget),
        Case("newest, everything (cache hit)", f"{products}?sort=newest&limit=24", cached=True),
        *(
            replace(case, before_each=clear, warm=not case.follow_cursors)
            for case in _searches(products)
        ),
        # The search box asks as the buyer types; suggestions are not cached.
        Case("suggestions: two letters", f"{products}/suggest?q=sa"),
        Case("suggestions: words being typed", f"{products}/suggest?q=thinkpad+x1+car"),
    ]


def _searches(products: str) -> list[Case]:
    return [
        Case("newest, everything (cache miss)", f"{products}?sort=newest&limit=20"),
        Case(
            "category + condition",
            f"{products}?category=laptops&condition=like_new&condition=good&sort=newest",
        ),
        Case(
            "category + price range",
            f"{products}?category=phones&min_price=20000&max_price=50000&sort=newest",
        ),
        Case("brand", f"{products}?brand=Samsung&sort=newest"),
        Case("text: common word", f"{products}?q=charger"),
        Case("text: two words", f"{products}?q=original+box"),
        Case("text: rare word", f"{products}?q={RARE_WORD}"),
        Case(
            "text + category + price",
            f"{products}?q=thinkpad&category=laptops&min_price=30000&max_price=150000",
        ),
        Case("spec filter", f"{products}?category=phones&spec=storage_gb:128..512&sort=newest"),
        Case(
            "price asc, page 50 (cursor)",
            f"{products}?category=laptops&sort=price_asc",
            follow_cursors=49,
        ),
        Case("relevance, page 2 (cursor)", f"{products}?q=charger", follow_cursors=1),
    ]


async def _time_bare(body: bytes, runs: int) -> float:
    async def bare(_: Request) -> Response:
        return Response(body, media_type="application/json")

    transport = httpx.ASGITransport(app=Starlette(routes=[Route("/bare", bare)]))
    async with httpx.AsyncClient(transport=transport, base_url="http://bare") as client:
        for _ in range(50):
            await client.get("/bare")
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            await client.get("/bare")
            samples.append(time.perf_counter() - started)
    return percentile(samples, 50) * 1000


@dataclass
class FullCollections:
    """The pauses of Python's full garbage collections: a tail latency the searches cannot
    explain themselves."""

    durations: list[float] = field(default_factory=list)
    _started: float = 0.0

    def observe(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.durations.append(round((time.perf_counter() - self._started) * 1000, 1))


def _resident_mb() -> float:
    """This process's resident memory now (Linux), in MB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


async def run_searches(url: str, args: argparse.Namespace) -> dict[str, Any]:
    data_dir = Path(tempfile.mkdtemp(prefix="techmarket-search-bench-"))
    settings = Settings(
        environment="test",
        data_dir=data_dir,
        database_url=url,
        redis_url=None,
        cache_warm_on_start=False,
        frontend_dir=data_dir / "no-frontend",
        search_engine=args.engine,
    )
    app = create_app(settings)
    report: dict[str, Any] = {"engine": args.engine}
    try:
        started, before = time.perf_counter(), _resident_mb()
        async with LifespanManager(app, startup_timeout=1800):
            report["start_seconds"] = time.perf_counter() - started
            report["start_memory_mb"] = _resident_mb() - before
            print(
                f"search engine: {args.engine}; app started in {report['start_seconds']:.1f} s,"
                f" holding {report['start_memory_mb']:,.0f} MB more memory than before"
            )
            resources: Resources = app.state.resources
            engine = resources.db.engine
            pauses = FullCollections()
            gc.callbacks.append(pauses.observe)
            statements = Statements()
            statements.attach(engine)
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
                newest = await client.get(f"{API}/products?category=laptops&sort=newest")
                assert newest.status_code == 200, newest.text
                product_id = uuid.UUID(newest.json()["items"][0]["id"])

                async def forget() -> None:
                    await resources.cache.delete(cache_keys.product(product_id))

                bare = await _time_bare(newest.content, max(args.queries, 500))
                report["bare_p50_ms"] = bare
                print(
                    f"\nbare Starlette, same bytes ({len(newest.content):,} B): p50 {bare:.3f} ms"
                )
                results: list[Result] = []
                header = f"{'search':38} {'runs':>4} {'matches':>9} {'p50':>8} {'p95':>8} "
                header += f"{'p99':>8} {'x bare':>7} {'x PK':>6} {'SQL':>4}"
                print(header + f" | {'warm p50':>8} {'warm p95':>8}")
                for case in cases(product_id, forget, resources.cache.clear):
                    if args.only and not any(o.lower() in case.name.lower() for o in args.only):
                        continue
                    result = await measure(
                        client, statements, case, args.queries, args.max_seconds, args.min_runs
                    )
                    results.append(result)
                    warm = ""
                    if case.warm:
                        again = await measure(
                            client,
                            statements,
                            replace(case, before_each=None),
                            args.queries,
                            args.max_seconds / 2,
                            args.min_runs,
                        )
                        result.warm_p50, result.warm_p95 = again.p50, again.p95
                        warm = f" | {again.p50:8.1f} {again.p95:8.1f}"
                    pk = results[0].p50 if results[0].name.startswith("listing") else result.p50
                    flag = " *" if result.p95 > GOAL_P95_MS and not case.cached else "  "
                    print(
                        f"{case.name:38} {result.runs:>4} {result.matches:>9} {result.p50:8.1f} "
                        f"{result.p95:8.1f} {result.p99:8.1f} {result.p50 / bare:7.0f} "
                        f"{result.p50 / pk:6.1f} {result.statements:>4}{flag}{warm}"
                    )
                report["results"] = [r.figures() for r in results]
                report["gc_pauses_ms"] = sorted(pauses.durations, reverse=True)[:5]
                print(
                    f"\nPython's full (generation 2) garbage collections while measuring:"
                    f" {len(pauses.durations)}, longest {report['gc_pauses_ms'][:3]} ms"
                )
                print(
                    f"\n* p95 above the {GOAL_P95_MS:.0f} ms goal (cold: the cache emptied first)"
                )
                print("\nwhere the database time goes (median ms per request, by statement):")
                for result in results:
                    parts = sorted(result.breakdown.items(), key=lambda kv: -kv[1])
                    shown = ", ".join(f"{kind} {ms:.1f}" for kind, ms in parts if ms >= 0.05)
                    print(f"  {result.name:38} {shown}")

                print("\nSQL statements per listing page (must not grow with the page size):")
                counts = {}
                for path in (
                    f"{API}/products?category=laptops&condition=good&sort=newest",
                    f"{API}/products?q=charger",
                    f"{API}/products?category=phones&spec=storage_gb:128..512&sort=price_asc",
                ):
                    for _ in range(3):  # again if a background task's statement slipped in
                        small, large, kinds = await count_statements(
                            client, statements, path, resources.cache.clear
                        )
                        if small == large:
                            break
                    counts[path] = {"limit=10": small, "limit=100": large}
                    print(f"  {path:70} limit=10: {small:>2}  limit=100: {large:>2}")
                    print(f"    {', '.join(kinds)}")
                    assert small == large, f"{path}: {small} statements at 10, {large} at 100"
                report["statement_counts"] = counts

                if args.explain:
                    slow = [r for r in results if r.p95 > GOAL_P95_MS]
                    for result in slow if args.explain == "slow" else results:
                        print(f"\nplan of {result.name}: {result.path}")
                        plan = await explain(engine, result.seen, args.sql)
                        for line in plan:
                            print(line)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    return report


async def apply_tries(url: str, tries: Sequence[str]) -> list[str]:
    """Run the --try statements before the app connects; the statements that undo them."""
    undo: list[str] = []
    if not tries:
        return undo
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            sqlite = connection.dialect.name == "sqlite"
            for sql in tries:
                print(f"trying: {sql}")
                started = time.perf_counter()
                await connection.exec_driver_sql(sql)
                print(f"  done in {time.perf_counter() - started:.1f} s")
                name = re.search(r"INDEX\s+(?:IF NOT EXISTS\s+)?`?(\w+)", sql, re.IGNORECASE)
                if name:
                    undo.append(f"DROP INDEX {name.group(1)}" + ("" if sqlite else " ON product"))
                elif sqlite and sql.strip().upper().startswith("ANALYZE"):
                    undo.append("DROP TABLE IF EXISTS sqlite_stat1")
                    undo.append("DROP TABLE IF EXISTS sqlite_stat4")
    finally:
        await engine.dispose()
    return undo


async def undo_tries(url: str, undo: Sequence[str]) -> None:
    if not undo:
        return
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            for sql in undo:
                await connection.exec_driver_sql(sql)
    finally:
        await engine.dispose()


# --- Proposals: the same work written differently, timed on the same database ---------------
# Hand-written SQL doing what repository.py sends, next to a proposed rewrite, index or ANALYZE,
# so that a proposal comes with its measured effect. What a variant sets up is undone after it.

PUBLIC = "product.status = 'active' AND product.visibility = 'public'"
PUBLIC_PLUS = "+product.status = 'active' AND +product.visibility = 'public'"  # SQLite
FACET_COLUMNS = ("brand", "`condition`", "category_id")
FACET_INDEX = (
    "CREATE INDEX ix_bench_facets ON product (status, visibility, category_id, brand, `condition`,"
    " price)"
)
FACET_CAP = FACET_SAMPLE  # the app's sample (repository.FACET_SAMPLE)


def _band(price: str) -> str:
    whens = " ".join(
        f"WHEN {price} < {high} THEN {index}"
        for index, (_, high) in enumerate(PRICE_BANDS)
        if high is not None
    )
    return f"CASE {whens} ELSE {len(PRICE_BANDS) - 1} END"


def _facets_every_match(where: str) -> list[str]:
    """The four facet statements as the app sent them before 45be20b: over every match."""
    grouped = [
        f"SELECT product.{column}, count(product.id) AS n FROM product WHERE {where}"
        f" GROUP BY product.{column} ORDER BY n DESC LIMIT 20"
        for column in FACET_COLUMNS
    ]
    bands = f"SELECT {_band('product.price')} AS band, count(product.id) FROM product"
    return [*grouped, f"{bands} WHERE {where} GROUP BY band"]


def _facets_sampled(where: str) -> list[str]:
    """The four facet statements as the app sends them now (repository._facet_base): each
    takes a sample of ids and joins it back to product."""
    joined = (
        f"FROM product JOIN (SELECT product.id AS id FROM product WHERE {where}"
        f" LIMIT {FACET_CAP}) AS facet_sample ON facet_sample.id = product.id"
    )
    grouped = [
        f"SELECT product.{column}, count(product.id) AS n {joined}"
        f" GROUP BY product.{column} ORDER BY n DESC LIMIT 20"
        for column in FACET_COLUMNS
    ]
    bands = f"SELECT {_band('product.price')} AS band, count(product.id) {joined} GROUP BY band"
    return [*grouped, bands]


def _facets_one_pass(where: str) -> str:
    """The four facets from one scan of the sample: counts per combination, summed in Python."""
    return (
        f"SELECT t.brand, t.`condition`, t.category_id, {_band('t.price')} AS band, count(*)"
        " FROM (SELECT product.brand, product.`condition`, product.category_id, product.price"
        f" FROM product WHERE {where} LIMIT {FACET_CAP}) AS t"
        " GROUP BY t.brand, t.`condition`, t.category_id, band"
    )


@dataclass
class Variant:
    label: str
    statements: list[str]  # run one after the other; the time is their sum
    setup: list[str] = field(default_factory=list)  # made before the timing…
    teardown: list[str] = field(default_factory=list)  # …and undone after it
    heavy: bool = False  # minutes on a big MariaDB: left out with --skip-heavy


def _with_index(label: str, statements: list[str], ddl: str, dialect: str) -> Variant:
    name = ddl.split()[2]
    drop = f"DROP INDEX {name}" + ("" if dialect == "sqlite" else " ON product")
    return Variant(label, statements, [ddl], [drop])


def _facet_variants(where: str, dialect: str, fast_where: str | None = None) -> list[Variant]:
    found = [
        Variant("before 45be20b: 4 statements over every match", _facets_every_match(where)),
        Variant(f"now: 4 statements, each over a {FACET_CAP:,} sample", _facets_sampled(where)),
        Variant("proposed: 1 statement over the sample", [_facets_one_pass(where)]),
        _with_index(
            "proposed: 1 statement over the sample + covering index",
            [_facets_one_pass(where)],
            FACET_INDEX,
            dialect,
        ),
    ]
    found[0].heavy = True
    if fast_where:
        found.append(
            Variant("proposed: 1 statement, FTS rowids drive", [_facets_one_pass(fast_where)])
        )
    return found


def proposals(dialect: str) -> list[tuple[str, list[Variant]]]:
    sqlite = dialect == "sqlite"

    def match(parameter: str) -> str:
        if sqlite:
            inner = f"SELECT rowid FROM product_fts WHERE product_fts MATCH {parameter}"
            return f"product.rowid IN ({inner})"
        columns = "product.title, product.brand, product.model, product.description"
        return f"MATCH ({columns}) AGAINST ({parameter} IN BOOLEAN MODE) > 0"

    deep = (
        f"SELECT product.* FROM product WHERE {PUBLIC} AND product.category_id IN :laptops"
        " AND {keyset} ORDER BY product.price, product.id LIMIT 25"
    )
    laptops = f"{PUBLIC} AND product.category_id IN :laptops AND product.`condition` IN :conditions"
    common = f"{PUBLIC} AND {match(':common')}"
    rare = f"{PUBLIC} AND {match(':rare')}"
    found: list[tuple[str, list[Variant]]] = [
        (
            "price_asc page 50 in laptops: the keyset predicate",
            [
                Variant(
                    "now: price > v OR (price = v AND id > i)",
                    [
                        deep.format(
                            keyset="(product.price > :v OR product.price = :v AND product.id > :i)"
                        )
                    ],
                ),
                Variant(
                    "proposed: price >= v AND (price > v OR id > i)",
                    [
                        deep.format(
                            keyset="product.price >= :v AND (product.price > :v OR product.id > :i)"
                        )
                    ],
                ),
            ],
        ),
        ("facets: everything (the landing page on a cache miss)", _facet_variants(PUBLIC, dialect)),
        ("facets: laptops, condition like_new or good", _facet_variants(laptops, dialect)),
        (
            "facets: full text, common word",
            _facet_variants(
                common,
                dialect,
                f"{PUBLIC_PLUS} AND {match(':common')}" if sqlite else None,
            ),
        ),
        (
            "facets: full text, rare word",
            [
                Variant(
                    f"now: 4 statements, each over a {FACET_CAP:,} sample", _facets_sampled(rare)
                ),
                Variant("proposed: 1 statement over the sample", [_facets_one_pass(rare)]),
            ],
        ),
    ]
    brand_now = f"{PUBLIC} AND lower(product.brand) IN :brands"
    brand_variants = [
        Variant(f"now: 4 statements, each over a {FACET_CAP:,} sample", _facets_sampled(brand_now)),
        Variant("proposed: 1 statement over the sample", [_facets_one_pass(brand_now)]),
    ]
    if sqlite:
        found[-1][1].append(
            Variant(
                "proposed: 1 statement, +status/+visibility (FTS rowids drive)",
                [_facets_one_pass(f"{PUBLIC_PLUS} AND {match(':rare')}")],
            )
        )
        brand_variants.append(
            _with_index(
                "proposed: 1 statement + index on lower(brand)",
                [_facets_one_pass(brand_now)],
                "CREATE INDEX ix_bench_brand ON product (lower(brand), status, visibility)",
                dialect,
            )
        )
    else:
        brand_variants.append(
            Variant(
                "proposed: 1 statement, brand IN (the collation ignores case)",
                [_facets_one_pass(f"{PUBLIC} AND product.brand IN :brands")],
            )
        )
    found.append(("facets: brand Samsung", brand_variants))
    phones_page = (
        "SELECT product.* FROM product WHERE {public} AND product.category_id IN :phones"
        " AND {price} >= 20000 AND {price} <= 50000"
        " ORDER BY product.created_at DESC, product.id DESC LIMIT 25"
    )
    if sqlite:
        found.append(
            (
                "page: phones, price 200 to 500, newest first",
                [
                    Variant("now", [phones_page.format(public=PUBLIC, price="product.price")]),
                    Variant(
                        "tried: ANALYZE (statistics for the planner)",
                        [phones_page.format(public=PUBLIC, price="product.price")],
                        ["ANALYZE"],
                        ["DROP TABLE IF EXISTS sqlite_stat1", "DROP TABLE IF EXISTS sqlite_stat4"],
                    ),
                    Variant(
                        "proposed: +price (the newest-first index drives)",
                        [phones_page.format(public=PUBLIC, price="+product.price")],
                    ),
                ],
            )
        )
        ranked_now = (
            "SELECT product.id, CAST(product_fts.rank AS REAL) AS r FROM product"
            f" JOIN product_fts ON product_fts.rowid = product.rowid WHERE {common}"
            " AND product_fts MATCH :common ORDER BY r, product.id LIMIT 25"
        )
        ranked_recent = (
            "SELECT product.id, recent.rank FROM (SELECT rowid, rank FROM product_fts"
            f" WHERE product_fts MATCH :common ORDER BY rowid DESC LIMIT {FACET_CAP}) AS recent"
            f" JOIN product ON product.rowid = recent.rowid WHERE {PUBLIC}"
            " ORDER BY recent.rank, product.id LIMIT 25"
        )
        found.append(
            (
                "relevance page 1, common word",
                [
                    Variant("now: rank every match", [ranked_now]),
                    Variant(f"proposed: rank the newest {FACET_CAP:,} matches", [ranked_recent]),
                ],
            )
        )
    else:
        score = (
            "MATCH (product.title, product.brand, product.model, product.description)"
            " AGAINST (:common IN BOOLEAN MODE)"
        )
        ranked_now = (
            f"SELECT product.id, {score} AS r FROM product WHERE {common}"
            " ORDER BY r DESC, product.id DESC LIMIT 25"
        )
        found.append(
            (
                "relevance page 1, common word",
                [
                    Variant("now: rank every match", [ranked_now]),
                    Variant(
                        "floor: the FULLTEXT lookup alone (count)",
                        [f"SELECT count(*) FROM product WHERE {score}"],
                    ),
                ],
            )
        )
    return found


def _descendants(rows: Sequence[Any], slug: str) -> list[Any]:
    children: dict[Any, list[Any]] = defaultdict(list)
    for category_id, parent_id, _ in rows:
        children[parent_id].append(category_id)
    stack = [next(category_id for category_id, _, found in rows if found == slug)]
    ids = []
    while stack:
        ids.append(stack.pop())
        stack.extend(children[ids[-1]])
    return ids


async def _proposal_parameters(connection: AsyncConnection) -> dict[str, Any]:
    rows: Sequence[Any] = (
        await connection.exec_driver_sql("SELECT id, parent_id, slug FROM category")
    ).all()
    sqlite = connection.dialect.name == "sqlite"
    laptops = _descendants(rows, "laptops")
    parameters: dict[str, Any] = {
        "laptops": laptops,
        "phones": _descendants(rows, "phones"),
        "conditions": ["like_new", "good"],
        "brands": ["samsung"],
        "common": '"charger"*' if sqlite else "+charger*",
        "rare": f'"{RARE_WORD}"*' if sqlite else f"+{RARE_WORD}*",
    }
    position = await connection.execute(
        text(
            f"SELECT product.price, product.id FROM product WHERE {PUBLIC}"
            " AND product.category_id IN :laptops ORDER BY product.price, product.id"
            " LIMIT 1 OFFSET 1175"
        ).bindparams(bindparam("laptops", expanding=True)),
        {"laptops": laptops},
    )
    parameters["v"], parameters["i"] = position.one()
    return parameters


EXPANDING = ("laptops", "phones", "conditions", "brands")


async def _time_variant(
    connection: AsyncConnection, variant: Variant, parameters: dict[str, Any]
) -> float:
    async def once() -> float:
        started = time.perf_counter()
        for sql in variant.statements:
            names = set(re.findall(r":(\w+)", sql))
            statement = text(sql).bindparams(
                *(bindparam(name, expanding=True) for name in EXPANDING if name in names)
            )
            await connection.execute(statement, {k: v for k, v in parameters.items() if k in names})
        return time.perf_counter() - started

    first = await once()  # also the warm-up
    runs = [await once() for _ in range(0 if first > 10 else 5)]
    return (sorted(runs)[len(runs) // 2] if runs else first) * 1000


async def run_proposals(url: str, skip_heavy: bool = False) -> list[dict[str, Any]]:
    engine = create_engine(url)
    measured: list[dict[str, Any]] = []
    try:
        async with engine.connect() as connection:
            parameters = await _proposal_parameters(connection)
            await connection.rollback()
            print(f"\nproposals, timed on this database (median of 5, ms; sample {FACET_CAP:,}):")
            for title, variants in proposals(connection.dialect.name):
                print(f"  {title}")
                now = None
                for variant in variants:
                    if variant.heavy and skip_heavy:
                        print(f"    {variant.label:62} skipped (--skip-heavy)")
                        continue
                    built = ""
                    started = time.perf_counter()
                    for sql in variant.setup:
                        await connection.exec_driver_sql(sql)
                    await connection.commit()
                    if variant.setup:
                        what = variant.setup[0].split(" (")[0]
                        built = f" ({what}: {time.perf_counter() - started:.1f} s)"
                    try:
                        ms = await _time_variant(connection, variant, parameters)
                    finally:
                        await connection.rollback()
                        for sql in variant.teardown:
                            await connection.exec_driver_sql(sql)
                        await connection.commit()
                    now = ms if now is None else now
                    print(f"    {variant.label:62} {ms:9.1f} ms  x{now / ms:6.1f}{built}")
                    measured.append({"proposal": title, "variant": variant.label, "ms": ms})
                await connection.rollback()
    finally:
        await engine.dispose()
    return measured


async def main(args: argparse.Namespace) -> dict[str, Any]:
    if args.database == "sqlite":
        path = BENCH_DIR / f"search_scale_{args.listings}.db"
        url = f"sqlite+aiosqlite:///{path}"
    else:
        url = args.mariadb_url
        await _database_name(url)
    print(f"{args.database}, {args.listings:,} listings; {os.cpu_count()} CPUs")
    started = time.perf_counter()
    phases = await prepare(url, args.listings, args.keep, args.batch)
    report: dict[str, Any] = {"database": args.database, "listings": args.listings}
    if phases is not None:
        total = time.perf_counter() - started
        report["load_seconds"] = {**phases, "total": total}
        print("load: " + ", ".join(f"{k} {v:.1f} s" for k, v in phases.items()))
        print(f"load total: {total:.1f} s ({args.listings / total:,.0f} listings/s)")
    try:
        if not args.skip_searches:
            undo = await apply_tries(url, args.try_index)
            try:
                report.update(await run_searches(url, args))
            finally:
                await undo_tries(url, undo)
        if args.proposals:
            report["proposals"] = await run_proposals(url, args.skip_heavy)
    finally:
        if not args.keep:
            await drop_database(url)
            print("benchmark database dropped")
    return report


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", choices=("sqlite", "mariadb"), default="sqlite")
    parser.add_argument(
        "--engine", choices=("embedded", "database"), default="embedded", help="search engine"
    )
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200, help="timed requests per search")
    parser.add_argument(
        "--max-seconds", type=float, default=30.0, help="time budget per search (≥ 10 runs)"
    )
    parser.add_argument("--min-runs", type=int, default=10, help="even past the time budget")
    parser.add_argument("--keep", action="store_true", help="keep the database; reuse if filled")
    parser.add_argument("--batch", type=int, default=10_000, help="rows per insert transaction")
    parser.add_argument("--mariadb-url", default=DEFAULT_MARIADB_URL)
    parser.add_argument("--only", action="append", default=[], help="searches whose name has…")
    parser.add_argument(
        "--explain",
        nargs="?",
        const="slow",
        choices=("slow", "all"),
        help="print query plans (of the searches above the goal, or of all)",
    )
    parser.add_argument("--sql", action="store_true", help="with --explain: print the SQL")
    parser.add_argument(
        "--try",
        dest="try_index",
        action="append",
        default=[],
        metavar="SQL",
        help="CREATE INDEX (or ANALYZE on SQLite) to run before measuring, undone after",
    )
    parser.add_argument(
        "--proposals", action="store_true", help="also time the proposed rewrites and indexes"
    )
    parser.add_argument("--skip-searches", action="store_true", help="with --proposals: only them")
    parser.add_argument(
        "--skip-heavy", action="store_true", help="leave out the proposals' slowest baselines"
    )
    parser.add_argument(
        "--facet-cap", type=int, default=FACET_CAP, help="matches a bounded proposal looks at"
    )
    parser.add_argument("--json", help="also write the figures to this JSON file")
    arguments = parser.parse_args()
    FACET_CAP = arguments.facet_cap
    figures = asyncio.run(main(arguments))
    if arguments.json:
        Path(arguments.json).write_text(json.dumps(figures, indent=2, default=str))
