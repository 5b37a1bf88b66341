"""Demo listings for monitors, keyboards, mice, webcams and printers."""

from techmarket.demo.catalogue_records import DemoListing
from techmarket.demo.listing_builder import make_listing

# (seller, brand, model, condition, price, inches, resolution, refresh Hz, panel, curved, about)
# fmt: off
_MONITORS: tuple[tuple[str, str, str, str, int, float, str, int, str, bool, str], ...] = (
    ("deskcraft", "Dell", "UltraSharp U2723QE", "like_new", 44900, 27.0, "3840x2160", 60,
     "IPS Black", False,
     "A 4K office monitor with deep IPS Black contrast and a USB-C hub with 90 W charging."),
    ("deskcraft", "LG", "UltraGear 27GP850-B", "good", 24900, 27.0, "2560x1440", 165, "Nano IPS",
     False,
     "A fast 1440p gaming monitor with 1 ms response and G-Sync compatibility."),
    ("deskcraft", "LG", "UltraGear 27GR95QE-B", "like_new", 69900, 27.0, "2560x1440", 240, "OLED",
     False,
     "A 240 Hz OLED with near-instant response and perfect blacks."),
    ("deskcraft", "Samsung", "Odyssey G7 C32G75T", "good", 39900, 32.0, "2560x1440", 240, "VA",
     True,
     "A 1000R curved 32-inch gaming monitor with 240 Hz and HDR600."),
    ("deskcraft", "Samsung", "Odyssey OLED G8 G85SB", "like_new", 79900, 34.0, "3440x1440", 175,
     "QD-OLED", True,
     "An ultrawide QD-OLED with vivid colours and a slim metal design."),
    ("deskcraft", "Samsung", "Odyssey G9 C49G95T", "for_parts", 14900, 49.0, "5120x1440", 240, "VA",
     True,
     "A 49-inch super-ultrawide with its stand and original power brick."),
    ("deskcraft", "ASUS", "ProArt PA278QV", "good", 24900, 27.0, "2560x1440", 75, "IPS", False,
     "A factory-calibrated 1440p monitor covering 100% sRGB for photo editing."),
    ("deskcraft", "BenQ", "PD2705U", "new", 44900, 27.0, "3840x2160", 60, "IPS", False,
     "A 4K designer monitor with USB-C, a KVM switch and a hotkey puck."),
    ("refurbhub", "Apple", "Studio Display", "like_new", 139900, 27.0, "5120x2880", 60, "IPS",
     False,
     "The 5K Studio Display with a 12 MP Center Stage camera and six speakers."),
)
# fmt: on

_MONITOR_NOTES = {
    "Odyssey G9 C49G95T": "The panel flickers and shows vertical lines on the left third after "
    "warming up.",
    "UltraSharp U2723QE": "Kept on a monitor arm in a smoke-free home office; no dead pixels.",
}


def _monitors() -> list[DemoListing]:
    listings = []
    for (
        seller,
        brand,
        model,
        condition,
        price,
        inches,
        resolution,
        refresh,
        panel,
        curved,
        about,
    ) in _MONITORS:
        note = _MONITOR_NOTES.get(model, "")
        listings.append(
            make_listing(
                seller,
                "monitors",
                brand,
                model,
                condition,
                price,
                about=about,
                fault=note if condition == "for_parts" else "",
                wear=note if condition != "for_parts" else "",
                featured=model == "UltraSharp U2723QE",
                specs={
                    "screen_inches": inches,
                    "resolution": resolution,
                    "refresh_hz": refresh,
                    "panel": panel,
                    "curved": curved,
                },
            )
        )
    listings.append(
        make_listing(
            "deskcraft",
            "monitors",
            "Dell",
            "UltraSharp U2422H",
            "good",
            about="Ex-office 24-inch Full HD monitors with height-adjustable stands.",
            wear="Each screen is tested for dead pixels; the stands have light scuffs.",
            specs={
                "screen_inches": 23.8,
                "resolution": "1920x1080",
                "refresh_hz": 60,
                "panel": "IPS",
                "curved": False,
            },
            options=(("Single monitor", 14900, 6), ("Pair of two", 27900, 2)),
        )
    )
    return listings


def _keyboards() -> list[DemoListing]:
    return [
        make_listing(
            "deskcraft",
            "keyboards",
            "Keychron",
            "Q1 Pro",
            "new",
            about="A wireless 75% aluminium keyboard with gasket mount, QMK/VIA and hot-swap "
            "sockets.",
            specs={
                "form_factor": "75%",
                "connectivity": "Bluetooth 5.1 and USB-C",
                "hot_swappable": True,
                "backlight": "RGB",
            },
            options=(
                ("K Pro Red · ANSI US", 19900, 4),
                ("K Pro Brown · ANSI US", 19900, 3),
                ("K Pro Brown · ISO DE", 20900, 2),
            ),
        ),
        make_listing(
            "deskcraft",
            "keyboards",
            "Keychron",
            "K2 (Version 2)",
            "good",
            about="A compact 84-key wireless keyboard that switches between Mac and Windows.",
            specs={
                "form_factor": "75%",
                "layout": "ANSI US",
                "connectivity": "Bluetooth and USB-C",
                "hot_swappable": False,
                "backlight": "white",
            },
            options=(
                ("Gateron Red", 5900, 1),
                ("Gateron Brown", 5900, 2),
                ("Gateron Blue", 5500, 1),
            ),
        ),
        make_listing(
            "deskcraft",
            "keyboards",
            "Logitech",
            "MX Keys S",
            "like_new",
            about="A low-profile keyboard with spherically dished keys and smart backlighting.",
            specs={
                "form_factor": "full size",
                "connectivity": "Bluetooth and Logi Bolt",
                "hot_swappable": False,
                "backlight": "white",
            },
            options=(
                ("Graphite · US International", 8900, 3),
                ("Graphite · German QWERTZ", 8900, 4),
                ("Pale Grey · UK", 8900, 1),
            ),
        ),
        make_listing(
            "deskcraft",
            "keyboards",
            "Logitech",
            "MX Mechanical Mini",
            "good",
            9900,
            variant="Tactile Quiet",
            about="A low-profile mechanical keyboard for people coming from laptop keyboards.",
            specs={
                "form_factor": "75%",
                "layout": "ANSI US",
                "switches": "Tactile Quiet",
                "connectivity": "Bluetooth and Logi Bolt",
                "hot_swappable": False,
                "backlight": "white",
            },
        ),
        make_listing(
            "respawn",
            "keyboards",
            "Razer",
            "BlackWidow V4 Pro",
            "fair",
            11900,
            about="A full-size gaming keyboard with a command dial, macro keys and a wrist rest.",
            wear="All keys work, but the wrist rest leather is peeling and the keycaps are shiny.",
            specs={
                "form_factor": "full size",
                "layout": "ISO ES",
                "switches": "Razer Green",
                "connectivity": "USB-C wired",
                "hot_swappable": False,
                "backlight": "RGB",
            },
        ),
        make_listing(
            "refurbhub",
            "keyboards",
            "Apple",
            "Magic Keyboard with Touch ID",
            "like_new",
            about="Apple's wireless keyboard with Touch ID for Macs with Apple silicon.",
            specs={
                "form_factor": "tenkeyless",
                "connectivity": "Bluetooth and USB-C",
                "hot_swappable": False,
                "backlight": "none",
            },
            options=(("US English", 11900, 2), ("British", 11900, 1), ("German", 11500, 2)),
        ),
    ]


def _mice() -> list[DemoListing]:
    return [
        make_listing(
            "deskcraft",
            "mice",
            "Logitech",
            "MX Master 3S",
            "new",
            featured=True,
            about="The MX Master 3S has quiet clicks, an 8K DPI sensor that tracks on glass and "
            "the MagSpeed wheel.",
            specs={
                "sensor_dpi": 8000,
                "connectivity": "Bluetooth and Logi Bolt",
                "buttons": 7,
                "weight_g": 141,
            },
            options=(("Graphite", 8900, 8), ("Pale Grey", 8900, 5), ("Black for Mac", 9900, 2)),
        ),
        make_listing(
            "respawn",
            "mice",
            "Logitech",
            "G Pro X Superlight 2",
            "like_new",
            about="A 60 g wireless esports mouse with a 32K sensor and hybrid optical switches.",
            specs={
                "sensor_dpi": 32000,
                "connectivity": "Lightspeed wireless",
                "buttons": 5,
                "weight_g": 60,
            },
            options=(("White", 12900, 1), ("Black", 12900, 2)),
        ),
        make_listing(
            "respawn",
            "mice",
            "Razer",
            "DeathAdder V3 Pro",
            "good",
            9900,
            about="An ergonomic wireless gaming mouse weighing just 63 g.",
            specs={
                "sensor_dpi": 30000,
                "connectivity": "HyperSpeed wireless",
                "buttons": 5,
                "weight_g": 63,
            },
        ),
        make_listing(
            "deskcraft",
            "mice",
            "Razer",
            "Basilisk V3",
            "good",
            4900,
            about="A wired gaming mouse with a free-spinning scroll wheel and eleven buttons.",
            specs={
                "sensor_dpi": 26000,
                "connectivity": "USB wired",
                "buttons": 11,
                "weight_g": 101,
            },
        ),
        make_listing(
            "refurbhub",
            "mice",
            "Apple",
            "Magic Mouse",
            "good",
            4900,
            variant="White",
            about="Apple's multi-touch mouse with a rechargeable battery.",
            specs={
                "sensor_dpi": 1300,
                "connectivity": "Bluetooth",
                "buttons": 1,
                "weight_g": 99,
                "colour": "White",
            },
        ),
        make_listing(
            "deskcraft",
            "mice",
            "Logitech",
            "MX Anywhere 3S",
            "new",
            about="A compact travel mouse with the MagSpeed wheel and quiet clicks.",
            specs={"sensor_dpi": 8000, "connectivity": "Bluetooth", "buttons": 6, "weight_g": 99},
            options=(("Graphite", 6900, 5), ("Pale Grey", 6900, 3), ("Rose", 6900, 2)),
        ),
    ]


def _webcams() -> list[DemoListing]:
    return [
        make_listing(
            "deskcraft",
            "webcams",
            "Logitech",
            "C920 HD Pro",
            "good",
            3900,
            about="The classic 1080p webcam with stereo microphones and a tripod thread.",
            specs={
                "resolution": "1080p",
                "frame_rate_fps": 30,
                "autofocus": True,
                "connection": "USB-A",
            },
        ),
        make_listing(
            "deskcraft",
            "webcams",
            "Logitech",
            "Brio 4K",
            "like_new",
            11900,
            about="A 4K webcam with HDR and Windows Hello face recognition.",
            specs={
                "resolution": "4K",
                "frame_rate_fps": 30,
                "autofocus": True,
                "connection": "USB-C",
            },
        ),
        make_listing(
            "deskcraft",
            "webcams",
            "Elgato",
            "Facecam MK.2",
            "new",
            12900,
            quantity=3,
            about="A streaming webcam with a Sony sensor, manual controls and 1080p at 60 fps.",
            specs={
                "resolution": "1080p",
                "frame_rate_fps": 60,
                "autofocus": True,
                "connection": "USB-C",
            },
        ),
        make_listing(
            "deskcraft",
            "webcams",
            "Insta360",
            "Link",
            "good",
            17900,
            about="A 4K AI webcam on a gimbal that follows you around the room.",
            specs={
                "resolution": "4K",
                "frame_rate_fps": 30,
                "autofocus": True,
                "connection": "USB-C",
            },
        ),
    ]


def _printers() -> list[DemoListing]:
    return [
        make_listing(
            "deskcraft",
            "printers",
            "Brother",
            "HL-L2350DW",
            "good",
            8900,
            about="A compact mono laser printer with Wi-Fi and automatic duplex printing.",
            wear="About 3,200 pages printed; the toner is at roughly 40%.",
            specs={
                "technology": "laser",
                "colour_printing": False,
                "duplex": True,
                "wifi": True,
                "multifunction": False,
            },
        ),
        make_listing(
            "deskcraft",
            "printers",
            "Epson",
            "EcoTank ET-2850",
            "new",
            23900,
            about="A refillable ink-tank all-in-one with ink in the box for thousands of pages.",
            specs={
                "technology": "inkjet (ink tank)",
                "colour_printing": True,
                "duplex": True,
                "wifi": True,
                "multifunction": True,
            },
        ),
        make_listing(
            "deskcraft",
            "printers",
            "Canon",
            "PIXMA TS8350",
            "fair",
            4900,
            about="A six-ink photo printer with a scanner and a tilting touch screen.",
            wear="Prints and scans well, but the lid has a crack and the ink cartridges are "
            "nearly empty.",
            specs={
                "technology": "inkjet",
                "colour_printing": True,
                "duplex": True,
                "wifi": True,
                "multifunction": True,
            },
        ),
        make_listing(
            "deskcraft",
            "printers",
            "HP",
            "Color LaserJet Pro MFP M283fdw",
            "for_parts",
            4900,
            about="A colour laser all-in-one with fax and a 50-sheet document feeder.",
            fault="It reports a permanent paper jam that no jam is causing, most likely a "
            "faulty sensor.",
            specs={
                "technology": "laser",
                "colour_printing": True,
                "duplex": True,
                "wifi": True,
                "multifunction": True,
            },
        ),
        make_listing(
            "towerandcube",
            "printers",
            "Bambu Lab",
            "A1 mini",
            "like_new",
            17900,
            variant="3D printer",
            about="A compact 3D printer that calibrates itself and prints fast out of the box.",
            specs={
                "technology": "FDM 3D printing",
                "colour_printing": False,
                "duplex": False,
                "wifi": True,
                "multifunction": False,
                "build_volume_mm": "180x180x180",
            },
        ),
    ]


def peripheral_listings() -> list[DemoListing]:
    """Monitors, keyboards, mice, webcams and printers."""
    return _monitors() + _keyboards() + _mice() + _webcams() + _printers()
