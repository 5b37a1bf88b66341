"""Demo listings for smartphones and basic phones."""

from techmarket.demo.catalogue_records import DemoListing, SpecValue
from techmarket.demo.listing_builder import OptionRow, make_listing

# model: (brand, ram_gb, screen_inches, one sentence on what the model is); all of them do 5G.
# fmt: off
_SMARTPHONE_MODELS: dict[str, tuple[str, int, float, str]] = {
    "iPhone 12": ("Apple", 4, 6.1,
        "The iPhone 12 has the A14 Bionic, a 6.1-inch OLED display and dual 12 MP cameras."),
    "iPhone 12 mini": ("Apple", 4, 5.4,
        "The iPhone 12 mini packs the A14 Bionic and a 5.4-inch OLED into a tiny body."),
    "iPhone 12 Pro": ("Apple", 6, 6.1,
        "The iPhone 12 Pro adds a telephoto lens and LiDAR to the A14 Bionic in a steel frame."),
    "iPhone 13": ("Apple", 4, 6.1,
        "The iPhone 13 pairs the A15 Bionic with a 6.1-inch OLED and excellent battery life."),
    "iPhone 13 mini": ("Apple", 4, 5.4,
        "The iPhone 13 mini is the last small iPhone, with the A15 Bionic and a 5.4-inch OLED."),
    "iPhone 13 Pro": ("Apple", 6, 6.1,
        "The iPhone 13 Pro brings a 120 Hz ProMotion display and a triple camera with macro mode."),
    "iPhone 13 Pro Max": ("Apple", 6, 6.7,
        "The iPhone 13 Pro Max has a 6.7-inch 120 Hz display and a huge battery."),
    "iPhone 14": ("Apple", 6, 6.1,
        "The iPhone 14 has the A15 Bionic with a 5-core GPU, crash detection and satellite SOS."),
    "iPhone 14 Plus": ("Apple", 6, 6.7,
        "The iPhone 14 Plus puts a 6.7-inch display and a very large battery in a light body."),
    "iPhone 14 Pro": ("Apple", 6, 6.1,
        "The iPhone 14 Pro brought the Dynamic Island and a 48 MP main camera."),
    "iPhone 14 Pro Max": ("Apple", 6, 6.7,
        "The iPhone 14 Pro Max has the A16 Bionic and a 6.7-inch always-on display."),
    "iPhone 15": ("Apple", 6, 6.1,
        "The iPhone 15 brings USB-C, the Dynamic Island and a 48 MP main camera."),
    "iPhone 15 Pro": ("Apple", 8, 6.1,
        "The iPhone 15 Pro has a titanium frame, the A17 Pro chip, USB 3 and the Action button."),
    "iPhone 15 Pro Max": ("Apple", 8, 6.7,
        "The iPhone 15 Pro Max adds a 5x tetraprism telephoto to the titanium A17 Pro design."),
    "iPhone 16": ("Apple", 8, 6.1,
        "The iPhone 16 has the A18 chip, Camera Control and support for Apple Intelligence."),
    "iPhone 16 Pro": ("Apple", 8, 6.3,
        "The iPhone 16 Pro has a 6.3-inch display, the A18 Pro and 4K 120 fps video recording."),
    "iPhone 16 Pro Max": ("Apple", 8, 6.9,
        "The iPhone 16 Pro Max has the largest iPhone display yet at 6.9 inches and the A18 Pro."),
    "iPhone SE (3rd generation)": ("Apple", 4, 4.7,
        "The iPhone SE keeps Touch ID and the compact 4.7-inch design with a fast A15 Bionic."),
    "Galaxy S21": ("Samsung", 8, 6.2,
        "The Galaxy S21 has a 120 Hz 6.2-inch AMOLED display and a triple camera."),
    "Galaxy S21 Ultra": ("Samsung", 12, 6.8,
        "The Galaxy S21 Ultra has a 108 MP main camera, two telephotos and S Pen support."),
    "Galaxy S22": ("Samsung", 8, 6.1,
        "The Galaxy S22 is a compact flagship with a 50 MP main camera and a 3x telephoto."),
    "Galaxy S22 Ultra": ("Samsung", 12, 6.8,
        "The Galaxy S22 Ultra has a built-in S Pen, a 108 MP camera and a 10x periscope zoom."),
    "Galaxy S23": ("Samsung", 8, 6.1,
        "The Galaxy S23 runs the Snapdragon 8 Gen 2 for Galaxy and is very efficient."),
    "Galaxy S23 Ultra": ("Samsung", 12, 6.8,
        "The Galaxy S23 Ultra has a 200 MP camera, a built-in S Pen and a fast chip."),
    "Galaxy S24": ("Samsung", 8, 6.2,
        "The Galaxy S24 has a bright 120 Hz display, Galaxy AI and seven years of updates."),
    "Galaxy S24+": ("Samsung", 12, 6.7,
        "The Galaxy S24+ has a QHD+ 6.7-inch display and a 4900 mAh battery."),
    "Galaxy S24 Ultra": ("Samsung", 12, 6.8,
        "The Galaxy S24 Ultra has a titanium frame, an anti-glare display and a 200 MP camera."),
    "Galaxy A54 5G": ("Samsung", 8, 6.4,
        "The Galaxy A54 is a solid mid-ranger with a 120 Hz AMOLED and IP67 water resistance."),
    "Galaxy Z Flip4": ("Samsung", 8, 6.7,
        "The Galaxy Z Flip4 folds in half and has a handy cover screen for notifications."),
    "Galaxy Z Flip5": ("Samsung", 8, 6.7,
        "The Galaxy Z Flip5 has a large 3.4-inch Flex Window and folds completely flat."),
    "Galaxy Z Fold5": ("Samsung", 12, 7.6,
        "The Galaxy Z Fold5 opens into a 7.6-inch tablet and closes flat without a gap."),
    "Pixel 6": ("Google", 8, 6.4,
        "The Pixel 6 runs Google Tensor and has a 50 MP main camera with Magic Eraser."),
    "Pixel 6 Pro": ("Google", 12, 6.7,
        "The Pixel 6 Pro adds a 4x telephoto and a 120 Hz QHD+ display to Google Tensor."),
    "Pixel 7": ("Google", 8, 6.3,
        "The Pixel 7 has Tensor G2, face unlock and one of the best point-and-shoot cameras."),
    "Pixel 7a": ("Google", 8, 6.1,
        "The Pixel 7a brings the Tensor G2 and wireless charging to the affordable a-series."),
    "Pixel 7 Pro": ("Google", 12, 6.7,
        "The Pixel 7 Pro has a 5x telephoto, macro focus and a 120 Hz LTPO display."),
    "Pixel 8": ("Google", 8, 6.2,
        "The Pixel 8 has Tensor G3, a 120 Hz Actua display and seven years of OS updates."),
    "Pixel 8 Pro": ("Google", 12, 6.7,
        "The Pixel 8 Pro has a matte glass back, a temperature sensor and pro camera controls."),
    "Pixel 8a": ("Google", 8, 6.1,
        "The Pixel 8a has the flagship Tensor G3 and seven years of updates at a mid-range price."),
    "Pixel 9": ("Google", 12, 6.3,
        "The Pixel 9 has Tensor G4, 12 GB of RAM and a 48 MP ultrawide with macro focus."),
    "Pixel 9 Pro": ("Google", 16, 6.3,
        "The Pixel 9 Pro fits a 5x telephoto and 16 GB of RAM into a compact 6.3-inch body."),
    "Pixel 9 Pro XL": ("Google", 16, 6.8,
        "The Pixel 9 Pro XL has a 6.8-inch Super Actua display and the full Pro camera system."),
    "OnePlus 11": ("OnePlus", 16, 6.7,
        "The OnePlus 11 has the Snapdragon 8 Gen 2, Hasselblad-tuned cameras and 100 W charging."),
    "OnePlus 12": ("OnePlus", 16, 6.82,
        "The OnePlus 12 has a very bright 2K display, 80 W charging and 50 W wireless charging."),
    "Nord 3": ("OnePlus", 8, 6.74,
        "The Nord 3 has a 120 Hz AMOLED, the Dimensity 9000 and 80 W fast charging."),
    "13T Pro": ("Xiaomi", 12, 6.67,
        "The Xiaomi 13T Pro has Leica-tuned cameras, a 144 Hz display and 120 W charging."),
    "14": ("Xiaomi", 12, 6.36,
        "The Xiaomi 14 is a compact flagship with the Snapdragon 8 Gen 3 and Leica optics."),
    "Redmi Note 13 Pro 5G": ("Xiaomi", 8, 6.67,
        "The Redmi Note 13 Pro has a 200 MP main camera and a 120 Hz AMOLED at a budget price."),
    "Fairphone 5": ("Fairphone", 8, 6.46,
        "The Fairphone 5 is built to be repaired at home and gets software support until 2031."),
    "Phone (1)": ("Nothing", 8, 6.55,
        "The Nothing Phone (1) has the Glyph light interface and a clean, fast Android skin."),
    "Phone (2)": ("Nothing", 12, 6.7,
        "The Nothing Phone (2) has the Snapdragon 8+ Gen 1, an LTPO display and Glyph lights."),
    "Xperia 10 V": ("Sony", 6, 6.1,
        "The Xperia 10 V is very light for its 5000 mAh battery and keeps the headphone jack."),
    "Edge 40": ("Motorola", 8, 6.55,
        "The Motorola Edge 40 has a curved 144 Hz pOLED, IP68 and 68 W charging."),
}
# fmt: on

# Listings that need nothing beyond the model table: (seller, model, condition, price, storage
# in GB, colour).
_PLAIN_SMARTPHONES: tuple[tuple[str, str, str, int, int, str], ...] = (
    ("pixelperfect", "iPhone 12", "good", 27900, 128, "Blue"),
    ("pixelperfect", "iPhone 12 mini", "good", 21900, 128, "(PRODUCT)RED"),
    ("refurbhub", "iPhone 12 Pro", "good", 33900, 128, "Pacific Blue"),
    ("pixelperfect", "iPhone 13", "like_new", 41900, 128, "Pink"),
    ("pixelperfect", "iPhone 13 mini", "good", 32900, 128, "Green"),
    ("pixelperfect", "iPhone 13 Pro", "good", 52900, 256, "Sierra Blue"),
    ("refurbhub", "iPhone 13 Pro", "like_new", 51900, 128, "Graphite"),
    ("pixelperfect", "iPhone 14 Plus", "good", 51900, 128, "Yellow"),
    ("refurbhub", "iPhone 14 Pro Max", "good", 79900, 256, "Deep Purple"),
    ("pixelperfect", "iPhone 15", "like_new", 68900, 128, "Black"),
    ("pixelperfect", "iPhone 15 Pro Max", "like_new", 104900, 256, "Natural Titanium"),
    ("refurbhub", "iPhone 16 Pro", "like_new", 104900, 128, "White Titanium"),
    ("refurbhub", "iPhone SE (3rd generation)", "good", 22900, 64, "Midnight"),
    ("pixelperfect", "Galaxy S21 Ultra", "good", 37900, 256, "Phantom Black"),
    ("refurbhub", "Galaxy S22", "good", 29900, 128, "Green"),
    ("refurbhub", "Galaxy S23 Ultra", "good", 69900, 256, "Phantom Black"),
    ("pixelperfect", "Galaxy S24+", "like_new", 79900, 256, "Onyx Black"),
    ("refurbhub", "Galaxy S24 Ultra", "like_new", 99900, 256, "Titanium Yellow"),
    ("refurbhub", "Galaxy A54 5G", "good", 21900, 128, "Awesome Graphite"),
    ("pixelperfect", "Pixel 6", "good", 19900, 128, "Sorta Seafoam"),
    ("refurbhub", "Pixel 6 Pro", "fair", 24900, 128, "Cloudy White"),
    ("pixelperfect", "Pixel 7", "good", 27900, 128, "Lemongrass"),
    ("refurbhub", "Pixel 7 Pro", "good", 37900, 128, "Hazel"),
    ("pixelperfect", "Pixel 8 Pro", "good", 54900, 128, "Bay"),
    ("refurbhub", "Pixel 9 Pro", "like_new", 89900, 256, "Porcelain"),
    ("pixelperfect", "OnePlus 11", "good", 44900, 256, "Titan Black"),
    ("pixelperfect", "13T Pro", "like_new", 52900, 512, "Alpine Blue"),
    ("pixelperfect", "14", "good", 59900, 256, "Jade Green"),
    ("pixelperfect", "Phone (2)", "good", 39900, 256, "Dark Grey"),
    ("refurbhub", "Phone (1)", "fair", 19900, 128, "White"),
    ("pixelperfect", "Xperia 10 V", "like_new", 27900, 128, "Lavender"),
    ("pixelperfect", "Edge 40", "good", 24900, 256, "Nebula Green"),
)

# Shop stock sold in several variants: (seller, model, condition, options).
# fmt: off
_SMARTPHONES_WITH_OPTIONS: tuple[tuple[str, str, str, tuple[OptionRow, ...]], ...] = (
    ("pixelperfect", "iPhone 14", "like_new",
     (("128 GB · Purple", 52900, 2), ("128 GB · Midnight", 52900, 2), ("256 GB · Blue", 59900, 1))),
    ("pixelperfect", "iPhone 15", "new",
     (("128 GB · Pink", 79900, 3), ("128 GB · Black", 79900, 3), ("256 GB · Green", 89900, 2))),
    ("pixelperfect", "iPhone 16 Pro Max", "new",
     (("256 GB · Black Titanium", 139900, 2), ("512 GB · Desert Titanium", 159900, 1),
      ("1 TB · Natural Titanium", 184900, 1))),
    ("pixelperfect", "Galaxy S21", "good",
     (("128 GB · Phantom Violet", 22900, 3), ("256 GB · Phantom Gray", 25900, 2))),
    ("pixelperfect", "Galaxy S23", "like_new",
     (("128 GB · Cream", 49900, 2), ("256 GB · Phantom Black", 54900, 2))),
    ("pixelperfect", "Galaxy S24", "new",
     (("128 GB · Cobalt Violet", 74900, 2), ("256 GB · Onyx Black", 79900, 3),
      ("256 GB · Amber Yellow", 79900, 1))),
    ("pixelperfect", "Galaxy A54 5G", "new",
     (("128 GB · Awesome Lime", 29900, 5), ("128 GB · Awesome Violet", 29900, 3),
      ("256 GB · Awesome Graphite", 34900, 2))),
    ("pixelperfect", "Galaxy Z Flip5", "like_new",
     (("256 GB · Mint", 64900, 1), ("512 GB · Graphite", 72900, 1))),
    ("pixelperfect", "Pixel 7a", "like_new",
     (("128 GB · Sea", 28900, 2), ("128 GB · Charcoal", 28900, 2), ("128 GB · Snow", 28900, 1))),
    ("pixelperfect", "Pixel 8a", "new",
     (("128 GB · Aloe", 44900, 3), ("128 GB · Bay", 44900, 2), ("256 GB · Obsidian", 50900, 1))),
    ("pixelperfect", "Pixel 9 Pro XL", "new",
     (("256 GB · Hazel", 114900, 2), ("512 GB · Obsidian", 129900, 1))),
    ("pixelperfect", "Nord 3", "good",
     (("128 GB · Misty Green", 27900, 2), ("256 GB · Tempest Gray", 31900, 2))),
)
# fmt: on


def _smartphone(
    seller_key: str,
    model: str,
    condition: str,
    price: int = 0,
    *,
    storage_gb: int = 0,
    colour: str = "",
    note: str = "",
    options: tuple[OptionRow, ...] = (),
    variant: str = "",
    quantity: int = 1,
    wear: str = "",
    fault: str = "",
    carrier_lock: str = "unlocked",
    carrier: str = "",
    battery_health: int | None = None,
    featured: bool = False,
) -> DemoListing:
    """A smartphone; without options the title carries its storage and colour."""
    brand, ram_gb, screen_inches, about = _SMARTPHONE_MODELS[model]
    specs: dict[str, SpecValue] = {"ram_gb": ram_gb, "screen_inches": screen_inches}
    if not options:
        specs |= {"storage_gb": storage_gb, "colour": colour}
        variant = variant or f"{storage_gb} GB {colour}"
    specs |= {"carrier_lock": carrier_lock, "5g": True}
    if carrier:
        specs["carrier"] = carrier
    return make_listing(
        seller_key,
        "smartphones",
        brand,
        model,
        condition,
        price,
        about=f"{about} {note}".strip(),
        specs=specs,
        variant=variant,
        quantity=quantity,
        options=options,
        wear=wear,
        fault=fault,
        has_battery=True,
        battery_health=battery_health,
        featured=featured,
    )


def _smartphones() -> list[DemoListing]:
    plain = [
        _smartphone(seller, model, condition, price, storage_gb=storage_gb, colour=colour)
        for seller, model, condition, price, storage_gb, colour in _PLAIN_SMARTPHONES
    ]
    with_options = [
        _smartphone(seller, model, condition, options=options)
        for seller, model, condition, options in _SMARTPHONES_WITH_OPTIONS
    ]
    return [
        *plain,
        *with_options,
        _smartphone(
            "refurbhub",
            "iPhone 12",
            "fair",
            22900,
            storage_gb=64,
            colour="Black",
            wear="Works perfectly, but the frame has dents at two corners and the back "
            "glass has fine scratches.",
        ),
        _smartphone(
            "pixelperfect",
            "iPhone 12",
            "for_parts",
            8900,
            storage_gb=64,
            colour="White",
            variant="64 GB White (Face ID fault)",
            fault="Face ID stopped working after a drop and the back glass is cracked; "
            "everything else works.",
        ),
        _smartphone(
            "pixelperfect",
            "iPhone 13",
            "good",
            37900,
            storage_gb=128,
            colour="Midnight",
            note="It has always lived in a case with a screen protector.",
        ),
        _smartphone(
            "refurbhub",
            "iPhone 13",
            "good",
            options=(
                ("128 GB · Starlight", 38900, 4),
                ("256 GB · Blue", 44900, 2),
                ("512 GB · Midnight", 52900, 1),
            ),
        ),
        _smartphone(
            "pixelperfect",
            "iPhone 13 Pro Max",
            "fair",
            49900,
            storage_gb=256,
            colour="Gold",
            wear="Fully working, but the screen has a deep scratch near the top edge "
            "that you can feel with a nail.",
        ),
        _smartphone(
            "refurbhub",
            "iPhone 14",
            "good",
            47900,
            storage_gb=128,
            colour="Midnight",
            carrier_lock="locked",
            carrier="Verizon",
        ),
        _smartphone(
            "pixelperfect",
            "iPhone 14 Pro",
            "good",
            options=(
                ("128 GB · Deep Purple", 64900, 3),
                ("256 GB · Space Black", 71900, 2),
                ("512 GB · Silver", 79900, 1),
            ),
        ),
        _smartphone(
            "refurbhub",
            "iPhone 15 Pro",
            "like_new",
            featured=True,
            options=(
                ("128 GB · Natural Titanium", 87900, 3),
                ("256 GB · Blue Titanium", 94900, 2),
                ("512 GB · Black Titanium", 109900, 1),
            ),
        ),
        _smartphone(
            "pixelperfect",
            "iPhone 16",
            "new",
            options=(
                ("128 GB · Ultramarine", 89900, 4),
                ("128 GB · Teal", 89900, 2),
                ("256 GB · Black", 99900, 2),
            ),
        ),
        _smartphone(
            "pixelperfect",
            "iPhone 16 Pro",
            "new",
            119900,
            storage_gb=256,
            colour="Desert Titanium",
            quantity=2,
        ),
        _smartphone(
            "pixelperfect",
            "Galaxy S22 Ultra",
            "fair",
            42900,
            storage_gb=256,
            colour="Burgundy",
            wear="Works fine, with light screen burn-in visible on a grey background "
            "and scuffs on the frame.",
        ),
        _smartphone(
            "pixelperfect",
            "Galaxy S24 Ultra",
            "new",
            featured=True,
            options=(
                ("256 GB · Titanium Gray", 109900, 3),
                ("512 GB · Titanium Black", 121900, 2),
                ("1 TB · Titanium Violet", 144900, 1),
            ),
        ),
        _smartphone(
            "pixelperfect",
            "Galaxy Z Flip4",
            "for_parts",
            8900,
            storage_gb=128,
            colour="Bora Purple",
            fault="The inner display shows a vertical green line and does not respond "
            "to touch along the fold.",
        ),
        _smartphone(
            "refurbhub",
            "Galaxy Z Fold5",
            "good",
            99900,
            storage_gb=256,
            colour="Icy Blue",
            wear="Works perfectly; the factory screen protector is intact and the crease "
            "is normal for a Fold.",
        ),
        _smartphone(
            "pixelperfect",
            "Pixel 6",
            "for_parts",
            5900,
            storage_gb=128,
            colour="Stormy Black",
            fault="It is stuck in a boot loop after an update and could not be recovered "
            "from the bootloader.",
        ),
        _smartphone(
            "pixelperfect",
            "Pixel 8",
            "like_new",
            options=(
                ("128 GB · Obsidian", 44900, 2),
                ("128 GB · Rose", 44900, 1),
                ("256 GB · Hazel", 49900, 1),
            ),
        ),
        _smartphone(
            "pixelperfect",
            "Pixel 9",
            "new",
            featured=True,
            options=(
                ("128 GB · Peony", 74900, 3),
                ("128 GB · Wintergreen", 74900, 2),
                ("256 GB · Obsidian", 84900, 2),
            ),
        ),
        _smartphone(
            "pixelperfect",
            "OnePlus 12",
            "like_new",
            options=(("256 GB · Silky Black", 69900, 2), ("512 GB · Flowy Emerald", 79900, 1)),
        ),
        _smartphone(
            "pixelperfect",
            "Redmi Note 13 Pro 5G",
            "new",
            options=(("256 GB · Midnight Black", 34900, 4), ("512 GB · Aurora Purple", 42900, 2)),
        ),
        _smartphone(
            "pixelperfect",
            "Fairphone 5",
            "new",
            featured=True,
            options=(
                ("256 GB · Sky Blue", 69900, 2),
                ("256 GB · Matte Black", 69900, 2),
                ("256 GB · Transparent Edition", 72900, 1),
            ),
        ),
        _smartphone(
            "pixelperfect",
            "Fairphone 5",
            "like_new",
            52900,
            storage_gb=256,
            colour="Matte Black",
            battery_health=100,
            note="The battery was swapped for a new original one last month.",
        ),
    ]


def _basic_phone(
    seller_key: str,
    brand: str,
    model: str,
    condition: str,
    price: int = 0,
    *,
    about: str,
    network: str,
    screen_inches: float,
    colour: str = "",
    options: tuple[OptionRow, ...] = (),
    quantity: int = 1,
) -> DemoListing:
    specs: dict[str, SpecValue] = {"network": network, "screen_inches": screen_inches}
    if colour:
        specs["colour"] = colour
    specs["dual_sim"] = True
    return make_listing(
        seller_key,
        "basic-phones",
        brand,
        model,
        condition,
        price,
        about=about,
        specs=specs,
        variant=colour,
        quantity=quantity,
        options=options,
        has_battery=True,
    )


def _basic_phones() -> list[DemoListing]:
    return [
        _basic_phone(
            "pixelperfect",
            "Nokia",
            "3310 (2017)",
            "good",
            3900,
            about="The remake of the classic, with Snake, a week of standby and a "
            "2.4-inch colour screen.",
            network="2G",
            screen_inches=2.4,
            colour="Warm Red",
        ),
        _basic_phone(
            "pixelperfect",
            "Nokia",
            "2660 Flip",
            "new",
            about="A 4G flip phone with big keys, an emergency button and a "
            "hearing-aid compatible speaker.",
            network="4G",
            screen_inches=2.8,
            options=(("Black", 6900, 4), ("Blue", 6900, 2), ("Pop Pink", 6900, 2)),
        ),
        _basic_phone(
            "refurbhub",
            "Punkt",
            "MP02",
            "like_new",
            22900,
            about="A minimalist 4G phone with Signal messaging and Wi-Fi hotspot, "
            "designed in Switzerland.",
            network="4G",
            screen_inches=2.0,
            colour="Dark Grey",
        ),
        _basic_phone(
            "pixelperfect",
            "Doro",
            "6820",
            "good",
            4900,
            about="An easy-to-use flip phone with loud audio, large buttons and a charging cradle.",
            network="4G",
            screen_inches=2.8,
            colour="Champagne",
        ),
    ]


def phone_listings() -> list[DemoListing]:
    """Smartphones and basic phones."""
    return _smartphones() + _basic_phones()
