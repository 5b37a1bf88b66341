"""Demo listings for gaming PCs, mini PCs, all-in-ones and workstations."""

from techmarket.demo.catalogue_records import DemoListing, SpecValue
from techmarket.demo.listing_builder import OptionRow, make_listing


def _desktop(
    seller_key: str,
    category_slug: str,
    brand: str,
    model: str,
    condition: str,
    price: int = 0,
    *,
    cpu: str,
    gpu: str,
    about: str,
    ram_gb: int = 0,
    storage_gb: int = 0,
    variant: str = "",
    extra_specs: dict[str, SpecValue] | None = None,
    options: tuple[OptionRow, ...] = (),
    quantity: int = 1,
    wear: str = "",
    fault: str = "",
    featured: bool = False,
) -> DemoListing:
    specs: dict[str, SpecValue] = {"cpu": cpu, "gpu": gpu}
    # Barebones and stripped machines come without memory or storage.
    if ram_gb and not options:
        specs["ram_gb"] = ram_gb
    if storage_gb and not options:
        specs["storage_gb"] = storage_gb
    specs |= extra_specs or {}
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
        featured=featured,
    )


def _gaming_pcs() -> list[DemoListing]:
    return [
        _desktop(
            "framerate",
            "gaming-pcs",
            "Custom",
            "Gaming PC Ryzen 7 7800X3D RTX 4070 Super",
            "new",
            169900,
            cpu="AMD Ryzen 7 7800X3D",
            gpu="NVIDIA GeForce RTX 4070 Super",
            ram_gb=32,
            storage_gb=2048,
            featured=True,
            quantity=2,
            extra_specs={"psu_w": 750, "case": "Fractal North", "os": "Windows 11 Home"},
            about="Built and stress-tested by us in a Fractal North with a 750 W Gold PSU "
            "and tidy cable management.",
            wear="Brand new parts throughout, with a two-year build warranty.",
        ),
        _desktop(
            "framerate",
            "gaming-pcs",
            "Custom",
            "Gaming PC Ryzen 5 5600X RTX 3060 Ti",
            "good",
            64900,
            cpu="AMD Ryzen 5 5600X",
            gpu="NVIDIA GeForce RTX 3060 Ti",
            ram_gb=16,
            storage_gb=1024,
            extra_specs={"psu_w": 650, "case": "NZXT H510", "os": "Windows 11 Home"},
            about="A solid 1440p gaming machine that runs current titles at high settings.",
        ),
        _desktop(
            "framerate",
            "gaming-pcs",
            "Custom",
            "Gaming PC Core i7-13700K RTX 4080",
            "like_new",
            219900,
            cpu="Intel Core i7-13700K",
            gpu="NVIDIA GeForce RTX 4080",
            ram_gb=32,
            storage_gb=2048,
            extra_specs={"psu_w": 850, "case": "Lian Li O11 Dynamic EVO", "os": "Windows 11 Pro"},
            about="A white Lian Li build with a 360 mm AIO, built six months ago for 4K gaming.",
        ),
        _desktop(
            "refurbhub",
            "gaming-pcs",
            "Alienware",
            "Aurora R15",
            "like_new",
            329900,
            cpu="Intel Core i9-13900KF",
            gpu="NVIDIA GeForce RTX 4090",
            ram_gb=64,
            storage_gb=2048,
            extra_specs={"psu_w": 1350, "case": "Alienware Aurora", "os": "Windows 11 Home"},
            about="The Aurora R15 with liquid-cooled i9 and an RTX 4090 for 4K high refresh "
            "gaming.",
        ),
        _desktop(
            "framerate",
            "gaming-pcs",
            "Custom",
            "Gaming PC Core i5-12400F RX 6650 XT",
            "fair",
            47900,
            cpu="Intel Core i5-12400F",
            gpu="AMD Radeon RX 6650 XT",
            ram_gb=16,
            storage_gb=512,
            extra_specs={"psu_w": 550, "case": "Corsair 4000D", "os": "Windows 11 Home"},
            about="A budget 1080p gaming PC that handles esports titles at high frame rates.",
            wear="Runs perfectly, but the glass side panel has a long scratch and the case "
            "has a scuffed front.",
        ),
    ]


def _mini_pcs() -> list[DemoListing]:
    return [
        _desktop(
            "refurbhub",
            "mini-pcs",
            "Apple",
            "Mac mini M2 (2023)",
            "like_new",
            0,
            cpu="Apple M2",
            gpu="10-core",
            about="The M2 Mac mini is a silent, tiny desktop that handles photo editing with ease.",
            options=(("8 GB RAM · 256 GB SSD", 49900, 3), ("16 GB RAM · 512 GB SSD", 69900, 2)),
        ),
        _desktop(
            "towerandcube",
            "mini-pcs",
            "Apple",
            "Mac mini M1 (2020)",
            "good",
            39900,
            cpu="Apple M1",
            gpu="8-core",
            ram_gb=8,
            storage_gb=256,
            variant="8 GB / 256 GB",
            about="The original Apple silicon Mac mini, still fast for office work and "
            "light editing.",
        ),
        _desktop(
            "towerandcube",
            "mini-pcs",
            "Apple",
            "Mac mini M4 (2024)",
            "new",
            cpu="Apple M4",
            gpu="10-core",
            featured=True,
            about="The palm-sized M4 Mac mini with front USB-C ports and 16 GB of memory "
            "as standard.",
            options=(
                ("16 GB RAM · 256 GB SSD", 67900, 3),
                ("16 GB RAM · 512 GB SSD", 87900, 2),
                ("24 GB RAM · 512 GB SSD", 107900, 1),
            ),
        ),
        _desktop(
            "towerandcube",
            "mini-pcs",
            "Intel",
            "NUC 11 Pro NUC11TNHi5",
            "good",
            27900,
            cpu="Intel Core i5-1135G7",
            gpu="Intel Iris Xe",
            ram_gb=16,
            storage_gb=512,
            about="A 4x4-inch NUC with Thunderbolt 4, two HDMI ports and 2.5 GbE, with a "
            "VESA mount.",
        ),
        _desktop(
            "towerandcube",
            "mini-pcs",
            "Intel",
            "NUC 13 Pro Kit",
            "new",
            cpu="Intel Core i5-1340P or i7-1360P",
            gpu="Intel Iris Xe",
            variant="barebone",
            about="A barebone kit: add your own DDR4 SO-DIMMs and an M.2 SSD.",
            options=(
                ("NUC13ANHi5 · Core i5-1340P", 39900, 2),
                ("NUC13ANHi7 · Core i7-1360P", 49900, 3),
            ),
        ),
        _desktop(
            "towerandcube",
            "mini-pcs",
            "Beelink",
            "SER5 Pro",
            "good",
            24900,
            cpu="AMD Ryzen 7 5800H",
            gpu="AMD Radeon Vega 8",
            ram_gb=16,
            storage_gb=500,
            about="A quiet Ryzen mini PC that makes a great home server or living-room PC.",
        ),
    ]


def _all_in_ones() -> list[DemoListing]:
    return [
        _desktop(
            "towerandcube",
            "all-in-ones",
            "Apple",
            "iMac 24 M1 (2021)",
            "good",
            84900,
            cpu="Apple M1",
            gpu="8-core",
            ram_gb=8,
            storage_gb=256,
            variant="Blue",
            extra_specs={"screen_inches": 24.0, "colour": "Blue"},
            about="The colourful 24-inch iMac with a 4.5K Retina display and Magic Keyboard "
            "with Touch ID.",
        ),
        _desktop(
            "towerandcube",
            "all-in-ones",
            "Apple",
            "iMac 24 M3 (2023)",
            "like_new",
            129900,
            cpu="Apple M3",
            gpu="10-core",
            ram_gb=16,
            storage_gb=512,
            variant="Green",
            extra_specs={"screen_inches": 24.0, "colour": "Green"},
            about="The M3 iMac with four ports, Wi-Fi 6E and a 1080p FaceTime camera.",
        ),
        _desktop(
            "refurbhub",
            "all-in-ones",
            "Apple",
            "iMac 27 (2020)",
            "fair",
            79900,
            cpu="Intel Core i7-10700K",
            gpu="AMD Radeon Pro 5500 XT",
            ram_gb=32,
            storage_gb=1024,
            extra_specs={"screen_inches": 27.0, "colour": "Silver"},
            about="The last Intel 27-inch iMac, with a stunning 5K display and user-"
            "upgradeable RAM.",
            wear="Works well, with a faint shadow in the lower left corner of the screen "
            "that shows on white.",
        ),
        _desktop(
            "towerandcube",
            "all-in-ones",
            "HP",
            "Pavilion 27 All-in-One",
            "good",
            59900,
            cpu="Intel Core i7-12700T",
            gpu="Intel UHD 770",
            ram_gb=16,
            storage_gb=1024,
            extra_specs={"screen_inches": 27.0, "colour": "Snow White"},
            about="A 27-inch QHD all-in-one with a pop-up privacy webcam and B&O speakers.",
        ),
    ]


def _workstations() -> list[DemoListing]:
    return [
        _desktop(
            "towerandcube",
            "workstations",
            "Apple",
            "Mac Studio M1 Max",
            "good",
            149900,
            cpu="Apple M1 Max (10-core)",
            gpu="24-core",
            ram_gb=32,
            storage_gb=512,
            about="The Mac Studio is a compact, near-silent workstation with four "
            "Thunderbolt ports and 10 GbE.",
        ),
        _desktop(
            "towerandcube",
            "workstations",
            "Dell",
            "Precision 3660 Tower",
            "good",
            179900,
            cpu="Intel Core i9-12900K",
            gpu="NVIDIA RTX A4000 16 GB",
            ram_gb=64,
            storage_gb=1024,
            extra_specs={"ecc_memory": False, "os": "Windows 11 Pro"},
            about="An ISV-certified tower for CAD and rendering, serviced with a fresh "
            "thermal paste job.",
        ),
        _desktop(
            "towerandcube",
            "workstations",
            "HP",
            "Z4 G4",
            "fair",
            69900,
            cpu="Intel Xeon W-2145",
            gpu="NVIDIA Quadro P4000",
            ram_gb=64,
            storage_gb=1024,
            extra_specs={"ecc_memory": True, "os": "Windows 10 Pro for Workstations"},
            about="A tool-less Xeon workstation with ECC memory and plenty of room for expansion.",
            wear="Fully working, though the case has scratches and a missing front bay cover.",
        ),
        _desktop(
            "towerandcube",
            "workstations",
            "Lenovo",
            "ThinkStation P3 Tower",
            "for_parts",
            39900,
            cpu="Intel Core i7-13700",
            gpu="Intel UHD 770",
            ram_gb=32,
            variant="(no POST)",
            about="A ThinkStation P3 with 32 GB DDR5; the drive was removed for data protection.",
            fault="It powers on but does not POST and shows a memory error code on the "
            "diagnostic LEDs.",
        ),
    ]


def desktop_listings() -> list[DemoListing]:
    """Gaming PCs, mini PCs, all-in-ones and workstations."""
    return _gaming_pcs() + _mini_pcs() + _all_in_ones() + _workstations()
