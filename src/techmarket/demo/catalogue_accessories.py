"""Demo listings for chargers, cables, cases, power banks and docks."""

from techmarket.demo.catalogue_records import DemoListing
from techmarket.demo.listing_builder import make_listing


def _chargers() -> list[DemoListing]:
    return [
        make_listing(
            "plugandcharge",
            "chargers",
            "Apple",
            "20W USB-C Power Adapter",
            "new",
            1990,
            quantity=25,
            about="Apple's compact fast charger for iPhone and iPad, with an EU plug.",
            specs={"output_w": 20, "ports": "1 x USB-C", "gan": False, "plug": "EU"},
        ),
        make_listing(
            "plugandcharge",
            "chargers",
            "Anker",
            "735 Charger (Nano II 65W)",
            "new",
            4490,
            quantity=12,
            about="A small GaN charger that powers a laptop and a phone at the same time.",
            specs={"output_w": 65, "ports": "2 x USB-C, 1 x USB-A", "gan": True, "plug": "EU"},
        ),
        make_listing(
            "plugandcharge",
            "chargers",
            "UGREEN",
            "Nexode GaN Charger",
            "new",
            about="Multi-port GaN chargers that replace a laptop brick and a phone charger.",
            specs={"ports": "3 x USB-C, 1 x USB-A", "gan": True, "plug": "EU"},
            options=(("65 W", 3990, 10), ("100 W", 5990, 8), ("140 W", 8990, 4)),
        ),
        make_listing(
            "pixelperfect",
            "chargers",
            "Belkin",
            "BoostCharge Pro 3-in-1 with MagSafe",
            "like_new",
            9900,
            about="A stand that charges an iPhone, an Apple Watch and AirPods at 15 W MagSafe.",
            specs={
                "output_w": 15,
                "ports": "MagSafe, Apple Watch, Qi pad",
                "gan": False,
                "plug": "EU",
            },
        ),
        make_listing(
            "pixelperfect",
            "chargers",
            "Samsung",
            "45W Power Adapter",
            "good",
            1990,
            about="Samsung's Super Fast Charging 2.0 adapter for Galaxy Ultra phones and tablets.",
            specs={"output_w": 45, "ports": "1 x USB-C", "gan": False, "plug": "EU"},
        ),
        make_listing(
            "laptoplounge",
            "chargers",
            "Apple",
            "96W USB-C Power Adapter",
            "fair",
            2990,
            about="An original 96 W charger for 16-inch MacBook Pros, also fine for smaller Macs.",
            wear="Works perfectly, but the casing is scratched and yellowed at the edges.",
            specs={"output_w": 96, "ports": "1 x USB-C", "gan": False, "plug": "EU"},
        ),
    ]


def _cables() -> list[DemoListing]:
    return [
        make_listing(
            "plugandcharge",
            "cables",
            "Anker",
            "USB-C to USB-C Cable 240W",
            "new",
            about="A braided cable that carries up to 240 W, enough for any USB-C laptop.",
            specs={
                "connector_a": "USB-C",
                "connector_b": "USB-C",
                "max_power_w": 240,
                "data_speed": "USB 2.0",
                "braided": True,
            },
            options=(("0.9 m", 1299, 30), ("1.8 m", 1499, 25), ("3 m", 1899, 10)),
        ),
        make_listing(
            "plugandcharge",
            "cables",
            "Apple",
            "Thunderbolt 4 Pro Cable",
            "new",
            about="A 40 Gb/s braided Thunderbolt 4 cable that also charges at 100 W.",
            specs={
                "connector_a": "USB-C",
                "connector_b": "USB-C",
                "max_power_w": 100,
                "data_speed": "Thunderbolt 4 (40 Gb/s)",
                "braided": True,
            },
            options=(("1 m", 6900, 5), ("1.8 m", 13900, 2)),
        ),
        make_listing(
            "plugandcharge",
            "cables",
            "Belkin",
            "BoostCharge USB-C to Lightning Cable",
            "new",
            about="An MFi-certified cable for fast charging older iPhones from a USB-C charger.",
            specs={
                "connector_a": "USB-C",
                "connector_b": "Lightning",
                "max_power_w": 20,
                "data_speed": "USB 2.0",
                "braided": False,
            },
            options=(("1 m", 1990, 15), ("2 m", 2490, 8)),
        ),
        make_listing(
            "plugandcharge",
            "cables",
            "Cable Matters",
            "DisplayPort 1.4 Cable",
            "new",
            about="A VESA-certified cable for 4K at 144 Hz or 8K at 60 Hz.",
            specs={
                "connector_a": "DisplayPort",
                "connector_b": "DisplayPort",
                "data_speed": "32.4 Gb/s",
                "braided": False,
            },
            options=(("1 m", 1199, 12), ("2 m", 1499, 20), ("3 m", 1799, 8)),
        ),
        make_listing(
            "plugandcharge",
            "cables",
            "UGREEN",
            "8K HDMI 2.1 Cable",
            "new",
            about="An HDMI 2.1 cable for 4K 120 Hz on PS5, Xbox Series X and modern TVs.",
            specs={
                "connector_a": "HDMI",
                "connector_b": "HDMI",
                "data_speed": "48 Gb/s",
                "braided": True,
            },
            options=(("1 m", 999, 15), ("2 m", 1299, 20), ("3 m", 1599, 10)),
        ),
        make_listing(
            "netnest",
            "cables",
            "Cable Matters",
            "Cat 6 Snagless Ethernet Cable 5-pack",
            "new",
            about="Five colour-coded Cat 6 patch cables for a tidy rack or desk.",
            specs={
                "connector_a": "RJ45",
                "connector_b": "RJ45",
                "data_speed": "10 Gb/s",
                "braided": False,
            },
            options=(("0.5 m", 1499, 10), ("1.5 m", 1999, 14), ("3 m", 2599, 6)),
        ),
    ]


def _cases() -> list[DemoListing]:
    return [
        make_listing(
            "pixelperfect",
            "cases",
            "Apple",
            "iPhone 15 Pro Silicone Case with MagSafe",
            "new",
            about="Apple's soft-touch silicone case with a microfibre lining.",
            specs={"fits": "iPhone 15 Pro", "material": "silicone", "magsafe": True},
            options=(("Black", 2990, 6), ("Storm Blue", 2990, 4), ("Clay", 2990, 3)),
        ),
        make_listing(
            "plugandcharge",
            "cases",
            "Spigen",
            "Tough Armor for Galaxy S24 Ultra",
            "new",
            about="A dual-layer rugged case with a built-in kickstand.",
            specs={
                "fits": "Galaxy S24 Ultra",
                "material": "TPU and polycarbonate",
                "magsafe": False,
            },
            options=(("Black", 1990, 9), ("Gunmetal", 1990, 4), ("Metal Slate", 1990, 2)),
        ),
        make_listing(
            "pixelperfect",
            "cases",
            "OtterBox",
            "Defender Series for iPhone 14 Pro",
            "good",
            1990,
            about="The heavy-duty OtterBox with a belt-clip holster.",
            specs={
                "fits": "iPhone 14 Pro",
                "material": "polycarbonate and synthetic rubber",
                "magsafe": False,
            },
        ),
        make_listing(
            "plugandcharge",
            "cases",
            "Peak Design",
            "Everyday Case for iPhone 15 Pro",
            "like_new",
            3490,
            about="A slim case with the SlimLink mount for Peak Design bike and car mounts.",
            specs={
                "fits": "iPhone 15 Pro",
                "material": "nylon canvas and polycarbonate",
                "magsafe": True,
            },
        ),
        make_listing(
            "laptoplounge",
            "cases",
            "tomtoc",
            "360 Protective Laptop Sleeve",
            "new",
            about="A padded sleeve with CornerArmor that survives drops onto a corner.",
            specs={
                "fits": "13 to 16-inch laptops",
                "material": "recycled polyester",
                "magsafe": False,
            },
            options=(("13-inch", 2490, 8), ("14-inch", 2690, 10), ("16-inch", 2990, 5)),
        ),
        make_listing(
            "respawn",
            "cases",
            "Nintendo",
            "Switch OLED Carrying Case",
            "good",
            1490,
            about="An official hard-shell carrying case with room for ten game cards.",
            specs={
                "fits": "Nintendo Switch and Switch OLED",
                "material": "EVA hard shell",
                "magsafe": False,
            },
        ),
    ]


def _power_banks() -> list[DemoListing]:
    return [
        make_listing(
            "plugandcharge",
            "power-banks",
            "Anker",
            "737 Power Bank (PowerCore 24K)",
            "like_new",
            7900,
            about="A 24,000 mAh power bank with 140 W output and a smart display.",
            specs={
                "capacity_mah": 24000,
                "max_output_w": 140,
                "ports": "2 x USB-C, 1 x USB-A",
                "wireless": False,
            },
        ),
        make_listing(
            "pixelperfect",
            "power-banks",
            "Apple",
            "MagSafe Battery Pack",
            "good",
            5900,
            about="Apple's snap-on battery for iPhone 12 and newer.",
            specs={
                "capacity_mah": 1460,
                "max_output_w": 15,
                "ports": "Lightning in",
                "wireless": True,
            },
        ),
        make_listing(
            "plugandcharge",
            "power-banks",
            "Xiaomi",
            "Power Bank 20000mAh 50W",
            "new",
            about="A high-capacity power bank that can charge a small laptop.",
            specs={
                "capacity_mah": 20000,
                "max_output_w": 50,
                "ports": "1 x USB-C, 2 x USB-A",
                "wireless": False,
            },
            options=(("Black", 3490, 12), ("Blue", 3490, 5)),
        ),
        make_listing(
            "plugandcharge",
            "power-banks",
            "Anker",
            "PowerCore",
            "new",
            about="Compact everyday power banks with PowerIQ fast charging.",
            specs={"ports": "1 x USB-C, 1 x USB-A", "wireless": False},
            options=(("10,000 mAh · 22.5 W", 2490, 15), ("20,000 mAh · 22.5 W", 3990, 10)),
        ),
    ]


def _docks() -> list[DemoListing]:
    return [
        make_listing(
            "plugandcharge",
            "docks",
            "CalDigit",
            "TS4 Thunderbolt 4 Dock",
            "like_new",
            29900,
            featured=True,
            about="An 18-port Thunderbolt 4 dock with 98 W charging and 2.5 GbE.",
            specs={"connection": "Thunderbolt 4", "ports": 18, "charging_w": 98, "max_displays": 2},
        ),
        make_listing(
            "plugandcharge",
            "docks",
            "Anker",
            "563 USB-C Docking Station (10-in-1)",
            "good",
            7900,
            about="A USB-C dock that drives two HDMI displays from a Windows laptop.",
            specs={"connection": "USB-C", "ports": 10, "charging_w": 100, "max_displays": 2},
        ),
        make_listing(
            "laptoplounge",
            "docks",
            "Dell",
            "WD19S",
            "good",
            about="Ex-office Dell docks for Latitude and XPS laptops, each with its power supply.",
            specs={"connection": "USB-C", "ports": 11, "max_displays": 3},
            options=(("130 W", 7900, 6), ("180 W", 8900, 4)),
        ),
        make_listing(
            "laptoplounge",
            "docks",
            "Lenovo",
            "ThinkPad Universal USB-C Dock",
            "good",
            6900,
            about="A universal dock with two DisplayPort outputs and an HDMI port.",
            specs={"connection": "USB-C", "ports": 10, "charging_w": 90, "max_displays": 3},
        ),
        make_listing(
            "plugandcharge",
            "docks",
            "Satechi",
            "Stand & Hub for Mac mini with SSD Enclosure",
            "new",
            8990,
            quantity=4,
            about="An aluminium stand that adds ports and an M.2 SSD slot to the Mac mini.",
            specs={"connection": "USB-C", "ports": 5, "max_displays": 0, "ssd_slot": True},
        ),
    ]


def accessory_listings() -> list[DemoListing]:
    """Chargers, cables, cases, power banks and docks."""
    return _chargers() + _cables() + _cases() + _power_banks() + _docks()
