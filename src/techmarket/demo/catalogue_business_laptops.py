"""Demo listings for business laptops and Chromebooks, the machines bought by fleets and schools."""

from techmarket.demo.catalogue_laptops import laptop_listing
from techmarket.demo.catalogue_records import DemoListing


def _business_laptops() -> list[DemoListing]:
    return [
        laptop_listing(
            "laptoplounge",
            "business-laptops",
            "Lenovo",
            "ThinkPad X1 Carbon Gen 9",
            "good",
            64900,
            cpu="Intel Core i7-1165G7",
            ram_gb=16,
            storage_gb=512,
            gpu="Intel Iris Xe",
            screen_inches=14.0,
            year=2021,
            layout="DE",
            about="The X1 Carbon is a 1.1 kg carbon-fibre business laptop with a superb keyboard.",
        ),
        laptop_listing(
            "laptoplounge",
            "business-laptops",
            "Lenovo",
            "ThinkPad X1 Carbon Gen 11",
            "like_new",
            149900,
            cpu="Intel Core i7-1365U",
            ram_gb=32,
            storage_gb=1024,
            gpu="Intel Iris Xe",
            screen_inches=14.0,
            year=2023,
            about="The Gen 11 X1 Carbon has vPro, a 2.8K OLED and a 5 MP webcam with "
            "presence detection.",
        ),
        laptop_listing(
            "laptoplounge",
            "business-laptops",
            "Lenovo",
            "ThinkPad T14 Gen 3 (AMD)",
            "good",
            0,
            cpu="AMD Ryzen 7 PRO 6850U",
            gpu="AMD Radeon 680M",
            screen_inches=14.0,
            year=2022,
            featured=True,
            battery_health=100,
            about="Ex-lease T14 Gen 3 units from one company fleet, all with new batteries "
            "and fresh Windows 11 Pro installs.",
            wear="Every unit is graded A or B: light marks on the lid at most.",
            options=(
                ("16 GB RAM · 512 GB SSD · US layout", 59900, 5),
                ("16 GB RAM · 512 GB SSD · German layout", 59900, 3),
                ("32 GB RAM · 1 TB SSD · US layout", 69900, 2),
            ),
        ),
        laptop_listing(
            "laptoplounge",
            "business-laptops",
            "Lenovo",
            "ThinkPad T480",
            "fair",
            24900,
            cpu="Intel Core i5-8350U",
            ram_gb=16,
            storage_gb=256,
            gpu="Intel UHD 620",
            screen_inches=14.0,
            year=2018,
            layout="DE",
            about="The T480 is a sturdy classic with a hot-swappable rear battery and "
            "Thunderbolt 3.",
            wear="Runs perfectly, with a worn palm rest and a small crack in the bottom "
            "cover near a foot.",
        ),
        laptop_listing(
            "refurbhub",
            "business-laptops",
            "HP",
            "EliteBook 840 G8",
            "good",
            0,
            cpu="Intel Core i5-1145G7",
            gpu="Intel Iris Xe",
            screen_inches=14.0,
            year=2021,
            about="A business ultrabook with Sure View privacy screen, fingerprint reader "
            "and LTE option.",
            options=(("8 GB RAM · 256 GB SSD", 39900, 4), ("16 GB RAM · 512 GB SSD", 44900, 6)),
        ),
        laptop_listing(
            "laptoplounge",
            "business-laptops",
            "HP",
            "EliteBook 840 G10",
            "new",
            cpu="Intel Core i7-1365U",
            gpu="Intel Iris Xe",
            screen_inches=14.0,
            year=2023,
            layout="DE",
            about="The latest EliteBook 840 with a 16:10 display, Wolf Security and a 5 MP camera.",
            options=(("16 GB RAM · 512 GB SSD", 114900, 3), ("32 GB RAM · 1 TB SSD", 129900, 2)),
        ),
        laptop_listing(
            "laptoplounge",
            "business-laptops",
            "Dell",
            "Latitude 7440",
            "like_new",
            cpu="Intel Core i7-1365U",
            gpu="Intel Iris Xe",
            screen_inches=14.0,
            year=2023,
            about="The Latitude 7440 is a light aluminium business laptop with Thunderbolt 4 "
            "and vPro.",
            options=(("16 GB RAM · 512 GB SSD", 89900, 4), ("32 GB RAM · 1 TB SSD", 104900, 2)),
        ),
        laptop_listing(
            "refurbhub",
            "business-laptops",
            "Dell",
            "Latitude 5420",
            "good",
            0,
            cpu="Intel Core i5-1145G7",
            gpu="Intel Iris Xe",
            screen_inches=14.0,
            year=2021,
            about="A dependable mainstream business laptop with a full set of ports, "
            "including HDMI and RJ45.",
            options=(("8 GB RAM · 256 GB SSD", 32900, 8), ("16 GB RAM · 512 GB SSD", 37900, 5)),
        ),
    ]


def _chromebooks() -> list[DemoListing]:
    return [
        laptop_listing(
            "bytebazaar",
            "chromebooks",
            "Acer",
            "Chromebook Spin 714",
            "like_new",
            49900,
            cpu="Intel Core i5-1235U",
            ram_gb=8,
            storage_gb=256,
            gpu="Intel Iris Xe",
            screen_inches=14.0,
            year=2022,
            layout="FR",
            about="A premium convertible Chromebook with a garaged USI stylus and Thunderbolt 4.",
        ),
        laptop_listing(
            "bytebazaar",
            "chromebooks",
            "Google",
            "Pixelbook Go",
            "good",
            34900,
            cpu="Intel Core i5-8200Y",
            ram_gb=8,
            storage_gb=128,
            gpu="Intel UHD 615",
            screen_inches=13.3,
            year=2019,
            layout="US",
            about="The Pixelbook Go is light, silent and has one of the quietest keyboards "
            "on any laptop.",
        ),
        laptop_listing(
            "bytebazaar",
            "chromebooks",
            "Lenovo",
            "IdeaPad Duet 5 Chromebook",
            "good",
            22900,
            cpu="Qualcomm Snapdragon 7c Gen 2",
            ram_gb=8,
            storage_gb=128,
            gpu="Qualcomm Adreno 618",
            screen_inches=13.3,
            year=2021,
            layout="FR",
            about="A 13.3-inch OLED Chromebook tablet with a detachable keyboard cover.",
        ),
    ]


def business_laptop_listings() -> list[DemoListing]:
    """Business laptops and Chromebooks."""
    return _business_laptops() + _chromebooks()
