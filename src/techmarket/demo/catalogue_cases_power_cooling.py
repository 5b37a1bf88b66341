"""Demo listings for power supplies, PC cases and cooling."""

from techmarket.demo.catalogue_records import DemoListing
from techmarket.demo.listing_builder import make_listing


def _power_supplies() -> list[DemoListing]:
    return [
        make_listing(
            "framerate",
            "power-supplies",
            "Corsair",
            "RM850x (2021)",
            "like_new",
            10900,
            about="A fully modular 850 W Gold unit that keeps its fan off at low loads.",
            specs={
                "wattage_w": 850,
                "efficiency": "80 Plus Gold",
                "modular": "full",
                "form_factor": "ATX",
                "pcie_5_connector": False,
            },
        ),
        make_listing(
            "framerate",
            "power-supplies",
            "Seasonic",
            "Focus GX-750",
            "good",
            7900,
            about="A quiet, fully modular Seasonic with a ten-year warranty.",
            specs={
                "wattage_w": 750,
                "efficiency": "80 Plus Gold",
                "modular": "full",
                "form_factor": "ATX",
                "pcie_5_connector": False,
            },
        ),
        make_listing(
            "framerate",
            "power-supplies",
            "be quiet!",
            "Dark Power 13",
            "new",
            about="An ATX 3.0 Titanium unit with a native 12VHPWR cable for RTX 40 cards.",
            specs={
                "pcie_5_connector": True,
                "efficiency": "80 Plus Titanium",
                "modular": "full",
                "form_factor": "ATX",
            },
            options=(("850 W", 19900, 3), ("1000 W", 23900, 2)),
        ),
        make_listing(
            "towerandcube",
            "power-supplies",
            "Corsair",
            "SF750 Platinum",
            "good",
            13900,
            about="A compact SFX power supply that makes small form factor builds possible.",
            specs={
                "wattage_w": 750,
                "efficiency": "80 Plus Platinum",
                "modular": "full",
                "form_factor": "SFX",
                "pcie_5_connector": False,
            },
        ),
        make_listing(
            "framerate",
            "power-supplies",
            "EVGA",
            "SuperNOVA 650 G5",
            "fair",
            4900,
            about="A 650 W Gold unit that is plenty for a mid-range gaming PC.",
            wear="Works perfectly, but one modular cable is missing and the housing is scratched.",
            specs={
                "wattage_w": 650,
                "efficiency": "80 Plus Gold",
                "modular": "full",
                "form_factor": "ATX",
                "pcie_5_connector": False,
            },
        ),
    ]


def _pc_cases() -> list[DemoListing]:
    return [
        make_listing(
            "towerandcube",
            "pc-cases",
            "Fractal Design",
            "North",
            "new",
            about="A mid-tower with real walnut or oak front slats and brass accents.",
            specs={
                "form_factor": "ATX mid-tower",
                "side_panel": "mesh or tempered glass",
                "included_fans": 2,
                "max_gpu_length_mm": 355,
            },
            options=(
                ("Charcoal Black · Mesh", 13900, 4),
                ("Chalk White · Tempered Glass", 14900, 2),
            ),
        ),
        make_listing(
            "framerate",
            "pc-cases",
            "Lian Li",
            "O11 Dynamic EVO",
            "good",
            12900,
            variant="White",
            about="A dual-chamber showcase case that fits three 360 mm radiators.",
            specs={
                "form_factor": "ATX mid-tower",
                "side_panel": "tempered glass",
                "included_fans": 0,
                "max_gpu_length_mm": 426,
                "colour": "White",
            },
        ),
        make_listing(
            "towerandcube",
            "pc-cases",
            "NZXT",
            "H5 Flow",
            "like_new",
            about="A compact airflow case with a perforated front and an angled bottom fan.",
            specs={
                "form_factor": "ATX mid-tower",
                "side_panel": "tempered glass",
                "included_fans": 2,
                "max_gpu_length_mm": 365,
            },
            options=(("Black", 7900, 2), ("White", 7900, 1)),
        ),
        make_listing(
            "framerate",
            "pc-cases",
            "Corsair",
            "4000D Airflow",
            "good",
            about="An easy case to build in, with good airflow and RapidRoute cable management.",
            specs={
                "form_factor": "ATX mid-tower",
                "side_panel": "tempered glass",
                "included_fans": 2,
                "max_gpu_length_mm": 360,
            },
            options=(("Black", 6900, 1), ("White", 7200, 1)),
        ),
        make_listing(
            "towerandcube",
            "pc-cases",
            "Cooler Master",
            "MasterBox NR200P",
            "good",
            7900,
            about="A small Mini-ITX case that still fits a full triple-slot graphics card.",
            specs={
                "form_factor": "Mini-ITX",
                "side_panel": "tempered glass or vented",
                "included_fans": 2,
                "max_gpu_length_mm": 330,
            },
        ),
    ]


def _cooling() -> list[DemoListing]:
    return [
        make_listing(
            "chipandboard",
            "cooling",
            "Noctua",
            "NH-D15 chromax.black",
            "good",
            8900,
            about="The legendary dual-tower air cooler, rivalling 280 mm AIOs in near silence.",
            specs={
                "type": "air",
                "fan_size_mm": 140,
                "height_mm": 165,
                "sockets": "AM4, AM5, LGA1700",
            },
            wear="Cleaned and supplied with a fresh tube of NT-H1 paste and the AM5 mounting kit.",
        ),
        make_listing(
            "towerandcube",
            "cooling",
            "Arctic",
            "Liquid Freezer II",
            "like_new",
            about="A thick-radiator AIO with a VRM fan, one of the best value liquid coolers.",
            specs={
                "type": "liquid AIO",
                "fan_size_mm": 120,
                "sockets": "AM4, AM5, LGA1700",
            },
            options=(("240 mm", 6900, 1), ("280 mm", 7900, 1), ("360 mm", 8900, 2)),
        ),
        make_listing(
            "chipandboard",
            "cooling",
            "be quiet!",
            "Dark Rock Pro 4",
            "good",
            5900,
            about="A quiet, black dual-tower cooler rated for up to 250 W.",
            specs={"type": "air", "fan_size_mm": 135, "height_mm": 163, "sockets": "AM4, LGA1700"},
        ),
        make_listing(
            "chipandboard",
            "cooling",
            "Thermalright",
            "Peerless Assassin 120 SE",
            "new",
            about="A budget twin-tower cooler that performs far above its price.",
            specs={
                "type": "air",
                "fan_size_mm": 120,
                "height_mm": 155,
                "sockets": "AM4, AM5, LGA1700",
            },
            options=(("Black", 3900, 8), ("White ARGB", 4490, 4)),
        ),
        make_listing(
            "framerate",
            "cooling",
            "NZXT",
            "Kraken Elite 360",
            "like_new",
            22900,
            about="A 360 mm AIO with a 2.36-inch LCD on the pump that can show GIFs or temps.",
            specs={
                "type": "liquid AIO",
                "radiator_mm": 360,
                "fan_size_mm": 120,
                "sockets": "AM4, AM5, LGA1700",
            },
        ),
        make_listing(
            "towerandcube",
            "cooling",
            "Noctua",
            "NF-A12x25 PWM",
            "new",
            about="Noctua's best 120 mm fan, quiet and strong on radiators and heatsinks.",
            specs={"type": "case fan", "fan_size_mm": 120, "max_rpm": 2000},
            options=(("Single fan", 2990, 20), ("Three-pack", 8490, 6)),
        ),
    ]


def cases_power_cooling_listings() -> list[DemoListing]:
    """Power supplies, PC cases and cooling."""
    return _power_supplies() + _pc_cases() + _cooling()
