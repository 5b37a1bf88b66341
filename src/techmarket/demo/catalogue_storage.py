"""Demo listings for SSDs, hard drives and external drives."""

from techmarket.demo.catalogue_records import DemoListing, SpecValue
from techmarket.demo.listing_builder import OptionRow, make_listing


def _drive(
    seller_key: str,
    category_slug: str,
    brand: str,
    model: str,
    condition: str,
    price: int = 0,
    *,
    about: str,
    specs: dict[str, SpecValue],
    capacity_gb: int = 0,
    options: tuple[OptionRow, ...] = (),
    wear: str = "",
    fault: str = "",
    quantity: int = 1,
    featured: bool = False,
) -> DemoListing:
    """A drive; without options its capacity goes into the title and the specs."""
    variant = ""
    if capacity_gb:
        variant = f"{capacity_gb // 1000} TB" if capacity_gb >= 1000 else f"{capacity_gb} GB"
        specs = {"capacity_gb": capacity_gb, **specs}
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
        wear=wear,
        fault=fault,
        quantity=quantity,
        featured=featured,
    )


def _ssds() -> list[DemoListing]:
    nvme4 = {"interface": "PCIe 4.0 x4 NVMe", "form_factor": "M.2 2280"}
    return [
        _drive(
            "storagestack",
            "ssds",
            "Samsung",
            "990 Pro",
            "new",
            featured=True,
            about="Samsung's fastest PCIe 4.0 SSD, also a perfect fit for the PS5 expansion slot.",
            specs={**nvme4, "read_mb_s": 7450, "write_mb_s": 6900},
            options=(("1 TB", 10900, 8), ("2 TB", 17900, 5), ("4 TB", 32900, 2)),
        ),
        _drive(
            "storagestack",
            "ssds",
            "Samsung",
            "980",
            "good",
            5900,
            capacity_gb=1000,
            about="A DRAM-less PCIe 3.0 SSD that is efficient and fine for a boot drive.",
            specs={
                "interface": "PCIe 3.0 x4 NVMe",
                "form_factor": "M.2 2280",
                "read_mb_s": 3500,
                "write_mb_s": 3000,
                "drive_health_pct": 97,
            },
            wear="Taken from a laptop upgrade; 18 TB written and 97% health in CrystalDiskInfo.",
        ),
        _drive(
            "storagestack",
            "ssds",
            "WD",
            "Black SN850X",
            "like_new",
            14900,
            capacity_gb=2000,
            about="One of the fastest PCIe 4.0 drives for gaming, with Game Mode 2.0.",
            specs={**nvme4, "read_mb_s": 7300, "write_mb_s": 6600, "drive_health_pct": 100},
        ),
        _drive(
            "storagestack",
            "ssds",
            "Crucial",
            "P5 Plus",
            "good",
            6900,
            capacity_gb=1000,
            about="A PCIe 4.0 drive with Micron's own controller and NAND.",
            specs={**nvme4, "read_mb_s": 6600, "write_mb_s": 5000, "drive_health_pct": 95},
        ),
        _drive(
            "storagestack",
            "ssds",
            "Crucial",
            "MX500",
            "new",
            about="The classic 2.5-inch SATA SSD to bring an older laptop or PC back to life.",
            specs={
                "interface": "SATA III",
                "form_factor": "2.5 inch",
                "read_mb_s": 560,
                "write_mb_s": 510,
            },
            options=(("500 GB", 3900, 12), ("1 TB", 5900, 9), ("2 TB", 11900, 4)),
        ),
        _drive(
            "chipandboard",
            "ssds",
            "Samsung",
            "870 EVO",
            "good",
            6500,
            capacity_gb=1000,
            about="A dependable SATA SSD with a five-year endurance rating of 600 TBW.",
            specs={
                "interface": "SATA III",
                "form_factor": "2.5 inch",
                "read_mb_s": 560,
                "write_mb_s": 530,
                "drive_health_pct": 99,
            },
        ),
        _drive(
            "storagestack",
            "ssds",
            "Kingston",
            "NV2",
            "new",
            about="An affordable PCIe 4.0 drive for bulk game storage.",
            specs={**nvme4, "read_mb_s": 3500, "write_mb_s": 2800},
            options=(("500 GB", 3900, 8), ("1 TB", 5900, 10), ("2 TB", 10900, 6)),
        ),
        _drive(
            "storagestack",
            "ssds",
            "Sabrent",
            "Rocket 4 Plus",
            "for_parts",
            2900,
            capacity_gb=2000,
            about="A Rocket 4 Plus with its original heatsink.",
            specs={**nvme4, "read_mb_s": 7100, "write_mb_s": 6600},
            fault="The drive has locked itself into read-only mode; data can be read but "
            "nothing can be written.",
        ),
    ]


def _hdds() -> list[DemoListing]:
    nas_drive = {"form_factor": "3.5 inch", "interface": "SATA III"}
    return [
        _drive(
            "storagestack",
            "hdds",
            "WD",
            "Red Plus",
            "new",
            about="CMR NAS drives rated for 24/7 operation in up to eight-bay enclosures.",
            specs={**nas_drive, "rpm": 5400, "cache_mb": 256},
            options=(("4 TB", 10900, 6), ("8 TB", 18900, 4), ("12 TB", 25900, 2)),
        ),
        _drive(
            "storagestack",
            "hdds",
            "WD",
            "Red Plus WD40EFZX",
            "good",
            6900,
            capacity_gb=4000,
            about="A 4 TB CMR NAS drive from a retired two-bay Synology.",
            specs={**nas_drive, "rpm": 5400, "cache_mb": 128, "power_on_hours": 12400},
            wear="SMART is clean with no reallocated sectors after 12,400 hours.",
        ),
        _drive(
            "netnest",
            "hdds",
            "Seagate",
            "IronWolf",
            "good",
            12900,
            capacity_gb=8000,
            about="An 8 TB IronWolf with rotational vibration sensors for multi-bay NAS use.",
            specs={**nas_drive, "rpm": 7200, "cache_mb": 256, "power_on_hours": 9800},
        ),
        _drive(
            "storagestack",
            "hdds",
            "Seagate",
            "IronWolf Pro",
            "like_new",
            27900,
            capacity_gb=16000,
            about="A 16 TB IronWolf Pro with a five-year warranty that transfers with the drive.",
            specs={**nas_drive, "rpm": 7200, "cache_mb": 256, "power_on_hours": 700},
        ),
        _drive(
            "storagestack",
            "hdds",
            "Seagate",
            "Barracuda",
            "new",
            about="A 2 TB desktop drive for bulk storage of photos and game libraries.",
            specs={**nas_drive, "rpm": 7200, "cache_mb": 256},
            options=(("2 TB", 5900, 10), ("4 TB", 8900, 6), ("8 TB", 15900, 3)),
        ),
        _drive(
            "storagestack",
            "hdds",
            "Toshiba",
            "N300",
            "fair",
            8900,
            capacity_gb=6000,
            about="A 6 TB NAS drive that ran in a home server for four years.",
            specs={**nas_drive, "rpm": 7200, "cache_mb": 256, "power_on_hours": 35200},
            wear="Works without errors, but it has 35,200 power-on hours and eight "
            "reallocated sectors.",
        ),
        _drive(
            "storagestack",
            "hdds",
            "Seagate",
            "Barracuda ST1000DM010",
            "for_parts",
            500,
            capacity_gb=1000,
            about="A 1 TB desktop hard drive, securely wiped where still possible.",
            specs={**nas_drive, "rpm": 7200, "cache_mb": 64},
            fault="It clicks on start-up and SMART reports a failing read head.",
        ),
    ]


def _external_drives() -> list[DemoListing]:
    return [
        _drive(
            "storagestack",
            "external-drives",
            "Samsung",
            "T7 Shield",
            "new",
            about="A rugged, IP65-rated portable SSD with USB 3.2 Gen 2 and 1,050 MB/s reads.",
            specs={"interface": "USB 3.2 Gen 2 (USB-C)", "type": "SSD", "rugged": True},
            options=(
                ("1 TB · Black", 9900, 6),
                ("2 TB · Beige", 15900, 3),
                ("4 TB · Black", 29900, 1),
            ),
        ),
        _drive(
            "storagestack",
            "external-drives",
            "SanDisk",
            "Extreme Portable SSD V2",
            "good",
            7900,
            capacity_gb=1000,
            about="A pocket-sized SSD with a carabiner loop, popular with photographers.",
            specs={"interface": "USB 3.2 Gen 2 (USB-C)", "type": "SSD", "rugged": True},
        ),
        _drive(
            "storagestack",
            "external-drives",
            "WD",
            "My Passport",
            "like_new",
            10900,
            capacity_gb=5000,
            about="A 5 TB portable hard drive with hardware encryption and backup software.",
            specs={"interface": "USB 3.2 Gen 1", "type": "HDD", "rugged": False},
        ),
        _drive(
            "lenslight",
            "external-drives",
            "LaCie",
            "Rugged Mini",
            "good",
            10900,
            capacity_gb=4000,
            about="The orange-bumpered LaCie that survives drops on location shoots.",
            specs={"interface": "USB 3.0", "type": "HDD", "rugged": True},
        ),
        _drive(
            "storagestack",
            "external-drives",
            "Seagate",
            "Expansion Desktop",
            "new",
            about="An 18 TB desktop drive for backups, with its own power supply.",
            specs={"interface": "USB 3.0", "type": "HDD", "rugged": False},
            options=(("12 TB", 22900, 3), ("18 TB", 29900, 2), ("22 TB", 39900, 1)),
        ),
    ]


def storage_listings() -> list[DemoListing]:
    """SSDs, hard drives and external drives."""
    return _ssds() + _hdds() + _external_drives()
