"""Demo listings for iPads, Android tablets and e-readers."""

from techmarket.demo.catalogue_records import DemoListing, SpecValue
from techmarket.demo.listing_builder import OptionRow, make_listing


def _tablet(
    seller_key: str,
    category_slug: str,
    brand: str,
    model: str,
    condition: str,
    price: int = 0,
    *,
    chip: str,
    screen_inches: float,
    about: str,
    storage_gb: int = 0,
    colour: str = "",
    connectivity: str = "Wi-Fi",
    stylus: str = "",
    options: tuple[OptionRow, ...] = (),
    quantity: int = 1,
    wear: str = "",
    fault: str = "",
    featured: bool = False,
) -> DemoListing:
    """A tablet; without options the title carries storage, connectivity and colour."""
    specs: dict[str, SpecValue] = {"chip": chip, "screen_inches": screen_inches}
    variant = ""
    if not options:
        specs |= {"storage_gb": storage_gb, "colour": colour}
        variant = f"{storage_gb} GB {connectivity} {colour}"
    specs["connectivity"] = connectivity
    if stylus:
        specs["stylus_support"] = stylus
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
        quantity=quantity,
        options=options,
        wear=wear,
        fault=fault,
        has_battery=True,
        featured=featured,
    )


def _ipads() -> list[DemoListing]:
    return [
        _tablet(
            "bytebazaar",
            "ipads",
            "Apple",
            "iPad (9th generation)",
            "good",
            chip="Apple A13 Bionic",
            screen_inches=10.2,
            stylus="Apple Pencil (1st generation)",
            about="The last iPad with a Home button and headphone jack, ideal for school "
            "and streaming.",
            options=(
                ("64 GB · Space Grey", 22900, 3),
                ("64 GB · Silver", 22900, 2),
                ("256 GB · Space Grey", 29900, 1),
            ),
        ),
        _tablet(
            "refurbhub",
            "ipads",
            "Apple",
            "iPad (10th generation)",
            "like_new",
            0,
            chip="Apple A14 Bionic",
            screen_inches=10.9,
            stylus="Apple Pencil (1st generation, USB-C)",
            about="The colourful redesign of the base iPad with USB-C and a landscape "
            "front camera.",
            options=(
                ("64 GB · Blue", 34900, 3),
                ("64 GB · Yellow", 34900, 2),
                ("256 GB · Silver", 49900, 1),
            ),
        ),
        _tablet(
            "bytebazaar",
            "ipads",
            "Apple",
            "iPad Air (5th generation)",
            "good",
            44900,
            chip="Apple M1",
            screen_inches=10.9,
            storage_gb=64,
            colour="Purple",
            stylus="Apple Pencil (2nd generation)",
            about="The M1 iPad Air supports Stage Manager, the Magic Keyboard and the second "
            "Apple Pencil.",
        ),
        _tablet(
            "bytebazaar",
            "ipads",
            "Apple",
            "iPad Air 11 M2",
            "new",
            0,
            chip="Apple M2",
            screen_inches=11.0,
            stylus="Apple Pencil Pro",
            about="The 2024 iPad Air with the M2 chip and the front camera moved to the long edge.",
            options=(
                ("128 GB · Space Grey", 66900, 3),
                ("256 GB · Blue", 78900, 2),
                ("512 GB · Starlight", 99900, 1),
            ),
        ),
        _tablet(
            "bytebazaar",
            "ipads",
            "Apple",
            "iPad Pro 11 (3rd generation)",
            "good",
            57900,
            chip="Apple M1",
            screen_inches=11.0,
            storage_gb=128,
            colour="Silver",
            stylus="Apple Pencil (2nd generation)",
            about="The M1 iPad Pro with a 120 Hz ProMotion display, Face ID and Thunderbolt.",
        ),
        _tablet(
            "refurbhub",
            "ipads",
            "Apple",
            "iPad Pro 12.9 (5th generation)",
            "good",
            79900,
            chip="Apple M1",
            screen_inches=12.9,
            storage_gb=256,
            colour="Space Grey",
            connectivity="Wi-Fi + Cellular",
            stylus="Apple Pencil (2nd generation)",
            about="The 12.9-inch iPad Pro with the mini-LED Liquid Retina XDR display.",
        ),
        _tablet(
            "bytebazaar",
            "ipads",
            "Apple",
            "iPad Pro 13 M4",
            "like_new",
            119900,
            chip="Apple M4",
            screen_inches=13.0,
            storage_gb=256,
            colour="Space Black",
            stylus="Apple Pencil Pro",
            featured=True,
            about="The thinnest Apple device ever, with a tandem OLED display and the M4 chip.",
        ),
        _tablet(
            "bytebazaar",
            "ipads",
            "Apple",
            "iPad mini (6th generation)",
            "good",
            37900,
            chip="Apple A15 Bionic",
            screen_inches=8.3,
            storage_gb=64,
            colour="Starlight",
            stylus="Apple Pencil (2nd generation)",
            about="The iPad mini is a small 8.3-inch tablet with USB-C and Touch ID in the "
            "top button.",
        ),
        _tablet(
            "bytebazaar",
            "ipads",
            "Apple",
            "iPad mini (5th generation)",
            "for_parts",
            7900,
            chip="Apple A12 Bionic",
            screen_inches=7.9,
            storage_gb=64,
            colour="Gold",
            about="An iPad mini 5 with the original box and a clean aluminium back.",
            fault="The glass is shattered across the whole front and touch no longer works "
            "in the lower half.",
        ),
    ]


def _android_tablets() -> list[DemoListing]:
    return [
        _tablet(
            "bytebazaar",
            "android-tablets",
            "Samsung",
            "Galaxy Tab S9",
            "like_new",
            62900,
            chip="Snapdragon 8 Gen 2 for Galaxy",
            screen_inches=11.0,
            storage_gb=128,
            colour="Graphite",
            stylus="S Pen (included)",
            about="The Tab S9 has a 120 Hz Dynamic AMOLED, IP68 water resistance and an "
            "S Pen in the box.",
        ),
        _tablet(
            "bytebazaar",
            "android-tablets",
            "Samsung",
            "Galaxy Tab S9 FE",
            "good",
            chip="Exynos 1380",
            screen_inches=10.9,
            stylus="S Pen (included)",
            about="A water-resistant mid-range tablet that still includes the S Pen.",
            options=(
                ("128 GB · Mint", 32900, 2),
                ("128 GB · Gray", 32900, 1),
                ("256 GB · Silver", 37900, 1),
            ),
        ),
        _tablet(
            "refurbhub",
            "android-tablets",
            "Samsung",
            "Galaxy Tab S8 Ultra",
            "good",
            59900,
            chip="Snapdragon 8 Gen 1",
            screen_inches=14.6,
            storage_gb=256,
            colour="Graphite",
            stylus="S Pen (included)",
            about="A huge 14.6-inch AMOLED tablet that works well as a second screen with DeX.",
        ),
        _tablet(
            "bytebazaar",
            "android-tablets",
            "Xiaomi",
            "Pad 6",
            "like_new",
            chip="Snapdragon 870",
            screen_inches=11.0,
            about="The Xiaomi Pad 6 has a 144 Hz 2.8K display and quad speakers for a "
            "modest price.",
            options=(
                ("6 GB · 128 GB · Mist Blue", 27900, 2),
                ("8 GB · 256 GB · Gravity Gray", 32900, 1),
            ),
        ),
        _tablet(
            "bytebazaar",
            "android-tablets",
            "OnePlus",
            "Pad",
            "good",
            32900,
            chip="MediaTek Dimensity 9000",
            screen_inches=11.61,
            storage_gb=128,
            colour="Halo Green",
            about="The OnePlus Pad has a 7:5 display that is great for reading and 67 W charging.",
        ),
    ]


def _e_reader(
    seller_key: str,
    brand: str,
    model: str,
    condition: str,
    price: int,
    *,
    about: str,
    storage_gb: int,
    screen_inches: float,
    waterproof: bool,
    pen: bool = False,
    variant: str = "",
    quantity: int = 1,
    featured: bool = False,
) -> DemoListing:
    specs: dict[str, SpecValue] = {
        "storage_gb": storage_gb,
        "screen_inches": screen_inches,
        "display": "E Ink",
        "waterproof": waterproof,
        "pen_input": pen,
    }
    return make_listing(
        seller_key,
        "e-readers",
        brand,
        model,
        condition,
        price,
        about=about,
        specs=specs,
        variant=variant or f"{storage_gb} GB",
        quantity=quantity,
        has_battery=True,
        featured=featured,
    )


def _e_readers() -> list[DemoListing]:
    return [
        _e_reader(
            "bytebazaar",
            "Amazon",
            "Kindle Paperwhite (11th generation)",
            "good",
            8900,
            storage_gb=8,
            screen_inches=6.8,
            waterproof=True,
            about="The Paperwhite has a 300 ppi glare-free display, a warm light and USB-C.",
        ),
        _e_reader(
            "bytebazaar",
            "Amazon",
            "Kindle Paperwhite Signature Edition",
            "like_new",
            13900,
            storage_gb=32,
            screen_inches=6.8,
            waterproof=True,
            about="The Signature Edition adds wireless charging and an auto-adjusting front light.",
        ),
        _e_reader(
            "bytebazaar",
            "Amazon",
            "Kindle Scribe",
            "like_new",
            29900,
            storage_gb=64,
            screen_inches=10.2,
            waterproof=False,
            pen=True,
            about="A 10.2-inch Kindle that you can write on, with the Premium Pen included.",
        ),
        _e_reader(
            "bytebazaar",
            "Kobo",
            "Libra 2",
            "good",
            12900,
            storage_gb=32,
            screen_inches=7.0,
            waterproof=True,
            about="The Libra 2 has page-turn buttons, an E Ink Carta 1200 screen and "
            "Overdrive library support.",
        ),
        _e_reader(
            "bytebazaar",
            "Kobo",
            "Clara 2E",
            "new",
            12900,
            storage_gb=16,
            screen_inches=6.0,
            waterproof=True,
            quantity=3,
            about="A compact waterproof e-reader made with recycled and ocean-bound plastic.",
        ),
        _e_reader(
            "bytebazaar",
            "reMarkable",
            "reMarkable 2",
            "good",
            34900,
            storage_gb=8,
            screen_inches=10.3,
            waterproof=False,
            pen=True,
            featured=True,
            variant="with Marker Plus",
            about="The reMarkable 2 is a paper-like tablet for handwritten notes, with the "
            "Marker Plus and its eraser.",
        ),
    ]


def tablet_listings() -> list[DemoListing]:
    """iPads, Android tablets and e-readers."""
    return _ipads() + _android_tablets() + _e_readers()
