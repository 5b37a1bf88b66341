"""Demo listings for consoles, handheld consoles, controllers and VR headsets."""

from techmarket.demo.catalogue_records import DemoListing
from techmarket.demo.listing_builder import make_listing


def _consoles() -> list[DemoListing]:
    return [
        make_listing(
            "respawn",
            "consoles",
            "Sony",
            "PlayStation 5 Disc Edition (CFI-1216A)",
            "good",
            37900,
            about="The original PS5 with a disc drive, one DualSense controller and all cables.",
            specs={
                "storage_gb": 825,
                "disc_drive": True,
                "max_resolution": "4K",
                "controllers_included": 1,
            },
        ),
        make_listing(
            "respawn",
            "consoles",
            "Sony",
            "PlayStation 5 Slim",
            "new",
            about="The smaller PS5 with 1 TB of storage; the disc drive can be added later.",
            specs={"storage_gb": 1000, "max_resolution": "4K", "controllers_included": 1},
            options=(("Digital Edition", 39900, 5), ("Disc Edition", 47900, 4)),
        ),
        make_listing(
            "respawn",
            "consoles",
            "Sony",
            "PlayStation 5 Pro",
            "new",
            79900,
            quantity=2,
            featured=True,
            about="The PS5 Pro has a bigger GPU, PSSR upscaling and 2 TB of storage for 4K gaming.",
            specs={
                "storage_gb": 2000,
                "disc_drive": False,
                "max_resolution": "4K",
                "controllers_included": 1,
            },
        ),
        make_listing(
            "respawn",
            "consoles",
            "Microsoft",
            "Xbox Series X",
            "good",
            37900,
            about="The most powerful Xbox, with Quick Resume and a 4K Blu-ray drive.",
            specs={
                "storage_gb": 1000,
                "disc_drive": True,
                "max_resolution": "4K",
                "controllers_included": 1,
            },
        ),
        make_listing(
            "respawn",
            "consoles",
            "Microsoft",
            "Xbox Series S",
            "like_new",
            about="A small, quiet all-digital Xbox that is perfect for Game Pass.",
            specs={
                "disc_drive": False,
                "max_resolution": "1440p",
                "controllers_included": 1,
            },
            options=(("512 GB · Robot White", 21900, 2), ("1 TB · Carbon Black", 26900, 1)),
        ),
        make_listing(
            "respawn",
            "consoles",
            "Nintendo",
            "Switch OLED",
            "like_new",
            about="The Switch with a vivid 7-inch OLED screen, a wide kickstand and a LAN port "
            "in the dock.",
            specs={
                "storage_gb": 64,
                "disc_drive": False,
                "max_resolution": "1080p",
                "controllers_included": 2,
            },
            options=(
                ("White", 26900, 3),
                ("Neon Red/Blue", 26900, 2),
                ("Zelda: Tears of the Kingdom Edition", 32900, 1),
            ),
        ),
        make_listing(
            "respawn",
            "consoles",
            "Nintendo",
            "Switch (2019)",
            "for_parts",
            4900,
            about="A Switch console with its dock and grey Joy-Con.",
            fault="It no longer charges or turns on, which usually means a failed charging chip.",
            specs={
                "storage_gb": 32,
                "disc_drive": False,
                "max_resolution": "1080p",
                "controllers_included": 2,
            },
        ),
    ]


def _handheld_consoles() -> list[DemoListing]:
    return [
        make_listing(
            "respawn",
            "handheld-consoles",
            "Valve",
            "Steam Deck OLED",
            "like_new",
            52900,
            variant="512 GB",
            has_battery=True,
            featured=True,
            about="The Steam Deck OLED has an HDR screen, a bigger battery and Wi-Fi 6E.",
            specs={"storage_gb": 512, "screen_inches": 7.4, "chip": "AMD APU (6 nm)"},
        ),
        make_listing(
            "respawn",
            "handheld-consoles",
            "Valve",
            "Steam Deck LCD",
            "good",
            has_battery=True,
            about="The original Steam Deck runs most of your Steam library on the go.",
            specs={"screen_inches": 7.0, "chip": "AMD APU (7 nm)"},
            options=(
                ("64 GB eMMC", 27900, 2),
                ("256 GB NVMe", 32900, 3),
                ("512 GB NVMe, anti-glare", 37900, 1),
            ),
        ),
        make_listing(
            "respawn",
            "handheld-consoles",
            "ASUS",
            "ROG Ally Z1 Extreme",
            "good",
            44900,
            has_battery=True,
            about="A Windows 11 handheld with a 120 Hz 1080p screen that runs Xbox Game Pass.",
            specs={"storage_gb": 512, "screen_inches": 7.0, "chip": "AMD Ryzen Z1 Extreme"},
        ),
        make_listing(
            "respawn",
            "handheld-consoles",
            "Nintendo",
            "Switch Lite",
            "fair",
            11900,
            variant="Turquoise",
            has_battery=True,
            about="A compact handheld-only Switch that plays the whole Switch library.",
            wear="Works well, though the screen has scratches and the left stick has slight drift.",
            specs={
                "storage_gb": 32,
                "screen_inches": 5.5,
                "chip": "NVIDIA Tegra X1",
                "colour": "Turquoise",
            },
        ),
    ]


def _controllers() -> list[DemoListing]:
    return [
        make_listing(
            "respawn",
            "controllers",
            "Sony",
            "DualSense Edge",
            "like_new",
            16900,
            about="Sony's pro controller with swappable stick modules and back paddles.",
            specs={
                "platform": "PlayStation 5, PC",
                "connectivity": "Bluetooth, USB-C",
                "back_buttons": True,
            },
        ),
        make_listing(
            "respawn",
            "controllers",
            "Sony",
            "DualSense",
            "new",
            about="The standard PS5 controller with haptic feedback and adaptive triggers.",
            specs={
                "platform": "PlayStation 5, PC",
                "connectivity": "Bluetooth, USB-C",
                "back_buttons": False,
            },
            options=(("White", 6490, 8), ("Midnight Black", 6490, 6), ("Cosmic Red", 6990, 3)),
        ),
        make_listing(
            "respawn",
            "controllers",
            "Microsoft",
            "Xbox Wireless Controller",
            "good",
            about="The current Xbox pad with the Share button and a textured grip.",
            specs={
                "platform": "Xbox, PC",
                "connectivity": "Xbox Wireless, Bluetooth, USB-C",
                "back_buttons": False,
            },
            options=(("Carbon Black", 3900, 3), ("Robot White", 3900, 2), ("Shock Blue", 4200, 1)),
        ),
        make_listing(
            "respawn",
            "controllers",
            "8BitDo",
            "Ultimate Bluetooth Controller",
            "new",
            about="A Hall-effect stick controller with a charging dock that works on Switch "
            "and PC.",
            specs={
                "platform": "Switch, PC",
                "connectivity": "Bluetooth, 2.4 GHz, USB-C",
                "back_buttons": True,
            },
            options=(("Black", 6990, 6), ("White", 6990, 4), ("Pastel Pink", 6990, 2)),
        ),
        make_listing(
            "respawn",
            "controllers",
            "Nintendo",
            "Switch Pro Controller",
            "good",
            4900,
            about="The full-size Switch controller with about 40 hours of battery life.",
            specs={"platform": "Switch", "connectivity": "Bluetooth, USB-C", "back_buttons": False},
        ),
        make_listing(
            "respawn",
            "controllers",
            "Sony",
            "DualSense",
            "for_parts",
            1500,
            variant="(stick drift)",
            about="A white DualSense with clean shell and buttons.",
            fault="The left stick drifts badly, so it needs a new analogue module.",
            specs={
                "platform": "PlayStation 5, PC",
                "connectivity": "Bluetooth, USB-C",
                "back_buttons": False,
            },
        ),
    ]


def _vr_headsets() -> list[DemoListing]:
    return [
        make_listing(
            "respawn",
            "vr-headsets",
            "Meta",
            "Quest 3",
            "like_new",
            has_battery=True,
            about="A standalone mixed-reality headset with colour passthrough and pancake lenses.",
            specs={"resolution_per_eye": "2064x2208", "refresh_hz": 120, "standalone": True},
            options=(("128 GB", 42900, 2), ("512 GB", 52900, 2)),
        ),
        make_listing(
            "respawn",
            "vr-headsets",
            "Meta",
            "Quest 2",
            "good",
            17900,
            variant="128 GB",
            has_battery=True,
            about="The Quest 2 is still a great way into VR, with a large game library.",
            specs={
                "storage_gb": 128,
                "resolution_per_eye": "1832x1920",
                "refresh_hz": 120,
                "standalone": True,
            },
        ),
        make_listing(
            "respawn",
            "vr-headsets",
            "Sony",
            "PlayStation VR2",
            "like_new",
            34900,
            about="An OLED HDR headset with eye tracking for PS5, also usable on PC with the "
            "adapter.",
            specs={"resolution_per_eye": "2000x2040", "refresh_hz": 120, "standalone": False},
        ),
        make_listing(
            "respawn",
            "vr-headsets",
            "Valve",
            "Index",
            "good",
            69900,
            variant="Full Kit",
            about="The Index full kit with base stations and finger-tracking Knuckles controllers.",
            specs={"resolution_per_eye": "1440x1600", "refresh_hz": 144, "standalone": False},
        ),
    ]


def gaming_listings() -> list[DemoListing]:
    """Consoles, handheld consoles, controllers and VR headsets."""
    return _consoles() + _handheld_consoles() + _controllers() + _vr_headsets()
