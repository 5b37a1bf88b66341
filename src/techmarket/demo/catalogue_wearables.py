"""Demo listings for smartwatches and fitness trackers."""

from techmarket.demo.catalogue_records import DemoListing, SpecValue
from techmarket.demo.listing_builder import OptionRow, make_listing


def _wearable(
    seller_key: str,
    category_slug: str,
    brand: str,
    model: str,
    condition: str,
    price: int = 0,
    *,
    about: str,
    specs: dict[str, SpecValue],
    variant: str = "",
    options: tuple[OptionRow, ...] = (),
    quantity: int = 1,
    wear: str = "",
    fault: str = "",
    featured: bool = False,
) -> DemoListing:
    return make_listing(
        seller_key,
        category_slug,
        brand,
        model,
        condition,
        price,
        about=about,
        specs=specs,
        variant=variant,
        options=options,
        quantity=quantity,
        wear=wear,
        fault=fault,
        has_battery=True,
        featured=featured,
    )


def _smartwatches() -> list[DemoListing]:
    return [
        _wearable(
            "wristwise",
            "smartwatches",
            "Apple",
            "Watch Series 9",
            "new",
            about="The Series 9 adds the double-tap gesture and a brighter display.",
            specs={"connectivity": "GPS", "water_resistance": "WR50", "ecg": True},
            options=(
                ("41 mm · Midnight aluminium", 37900, 3),
                ("45 mm · Starlight aluminium", 40900, 3),
                ("45 mm · (PRODUCT)RED aluminium", 40900, 1),
            ),
        ),
        _wearable(
            "wristwise",
            "smartwatches",
            "Apple",
            "Watch Series 8",
            "good",
            19900,
            variant="41 mm GPS Silver",
            about="An Apple Watch Series 8 with temperature sensing and crash detection.",
            specs={
                "case_size_mm": 41,
                "connectivity": "GPS",
                "water_resistance": "WR50",
                "ecg": True,
            },
        ),
        _wearable(
            "wristwise",
            "smartwatches",
            "Apple",
            "Watch Ultra 2",
            "like_new",
            64900,
            variant="49 mm Titanium",
            featured=True,
            about="The Ultra 2 has a 3000-nit display, dual-frequency GPS and a 36-hour battery.",
            specs={
                "case_size_mm": 49,
                "connectivity": "GPS + Cellular",
                "water_resistance": "WR100",
                "ecg": True,
            },
        ),
        _wearable(
            "wristwise",
            "smartwatches",
            "Apple",
            "Watch SE (2nd generation)",
            "good",
            about="The affordable Apple Watch with fall detection and the same fast chip as "
            "the Series 8.",
            specs={
                "connectivity": "GPS",
                "water_resistance": "WR50",
                "ecg": False,
            },
            options=(("40 mm · Midnight", 14900, 2), ("44 mm · Starlight", 16900, 1)),
        ),
        _wearable(
            "wristwise",
            "smartwatches",
            "Apple",
            "Watch Series 7",
            "for_parts",
            4900,
            variant="45 mm (cracked screen)",
            about="A 45 mm Series 7 in green aluminium, not activation locked.",
            fault="The screen is cracked and touch works only at the edges.",
            specs={
                "case_size_mm": 45,
                "connectivity": "GPS",
                "water_resistance": "WR50",
                "ecg": True,
            },
        ),
        _wearable(
            "wristwise",
            "smartwatches",
            "Samsung",
            "Galaxy Watch6 Classic",
            "like_new",
            about="The Watch6 Classic brings back the rotating bezel with Wear OS.",
            specs={
                "connectivity": "Bluetooth",
                "water_resistance": "5ATM, IP68",
                "ecg": True,
            },
            options=(("43 mm · Silver", 22900, 1), ("47 mm · Black", 24900, 2)),
        ),
        _wearable(
            "wristwise",
            "smartwatches",
            "Samsung",
            "Galaxy Watch5 Pro",
            "good",
            17900,
            variant="45 mm Titanium",
            about="A titanium Wear OS watch with a sapphire crystal and a very long battery.",
            specs={
                "case_size_mm": 45,
                "connectivity": "Bluetooth",
                "water_resistance": "5ATM, IP68",
                "ecg": True,
            },
        ),
        _wearable(
            "wristwise",
            "smartwatches",
            "Google",
            "Pixel Watch 2",
            "good",
            17900,
            variant="41 mm Polished Silver",
            about="The Pixel Watch 2 has Fitbit health tracking and a domed glass design.",
            specs={
                "case_size_mm": 41,
                "connectivity": "Wi-Fi",
                "water_resistance": "5ATM",
                "ecg": True,
            },
        ),
        _wearable(
            "wristwise",
            "smartwatches",
            "Garmin",
            "fēnix 7 Pro Solar",
            "good",
            44900,
            variant="47 mm",
            about="A rugged multisport GPS watch with a flashlight and solar charging.",
            specs={
                "case_size_mm": 47,
                "connectivity": "multi-band GPS",
                "water_resistance": "10ATM",
                "ecg": False,
            },
        ),
        _wearable(
            "wristwise",
            "smartwatches",
            "Garmin",
            "Forerunner 265",
            "like_new",
            about="A running watch with an AMOLED display, training readiness and HRV status.",
            specs={
                "connectivity": "multi-band GPS",
                "water_resistance": "5ATM",
                "ecg": False,
            },
            options=(("42 mm (265S) · Light Pink", 28900, 1), ("46 mm · Black", 29900, 2)),
        ),
    ]


def _fitness_trackers() -> list[DemoListing]:
    return [
        _wearable(
            "wristwise",
            "fitness-trackers",
            "Fitbit",
            "Charge 6",
            "new",
            about="A slim tracker with built-in GPS, Google Maps and YouTube Music controls.",
            specs={"gps": True, "water_resistance": "5ATM", "battery_days": 7},
            options=(("Obsidian", 12900, 6), ("Porcelain", 12900, 3), ("Coral", 12900, 2)),
        ),
        _wearable(
            "wristwise",
            "fitness-trackers",
            "Fitbit",
            "Charge 5",
            "good",
            5900,
            about="A colour AMOLED tracker with EDA stress sensing and ECG.",
            specs={"gps": True, "water_resistance": "5ATM", "battery_days": 7},
        ),
        _wearable(
            "wristwise",
            "fitness-trackers",
            "Garmin",
            "vívosmart 5",
            "like_new",
            7900,
            about="A simple band that tracks sleep, Body Battery and stress for a week.",
            specs={"gps": False, "water_resistance": "5ATM", "battery_days": 7},
        ),
        _wearable(
            "wristwise",
            "fitness-trackers",
            "Xiaomi",
            "Smart Band 8",
            "new",
            about="A budget band with a 1.62-inch AMOLED and two weeks of battery life.",
            specs={"gps": False, "water_resistance": "5ATM", "battery_days": 16},
            options=(("Graphite Black", 3490, 10), ("Champagne Gold", 3490, 4)),
        ),
        _wearable(
            "wristwise",
            "fitness-trackers",
            "Oura",
            "Ring Gen3 Horizon",
            "good",
            about="A smart ring that tracks sleep, readiness and temperature without a screen.",
            specs={"gps": False, "water_resistance": "100 m", "battery_days": 6},
            options=(
                ("Size 8 · Silver", 17900, 1),
                ("Size 10 · Black", 17900, 1),
                ("Size 11 · Stealth", 18900, 1),
            ),
        ),
    ]


def wearable_listings() -> list[DemoListing]:
    """Smartwatches and fitness trackers."""
    return _smartwatches() + _fitness_trackers()
