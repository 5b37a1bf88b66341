"""Demo listings for CPUs, graphics cards, memory and motherboards."""

from techmarket.demo.catalogue_records import DemoListing
from techmarket.demo.listing_builder import OptionRow, make_listing

# (seller, brand, model, condition, price, socket, cores, threads, base GHz, boost GHz, TDP W,
#  integrated graphics, about)
# fmt: off
_CPUS: tuple[tuple[str, str, str, str, int, str, int, int, float, float, int, bool, str], ...] = (
    ("chipandboard", "AMD", "Ryzen 5 7600X", "like_new", 17900, "AM5", 6, 12, 4.7, 5.3, 105, True,
     "A six-core Zen 4 CPU that is still one of the best value gaming chips on AM5."),
    ("chipandboard", "AMD", "Ryzen 7 7800X3D", "new", 36900, "AM5", 8, 16, 4.2, 5.0, 120, True,
     "The 7800X3D uses 3D V-Cache to be one of the fastest gaming CPUs you can buy."),
    ("framerate", "AMD", "Ryzen 7 7800X3D (tray)", "like_new", 31900, "AM5", 8, 16, 4.2, 5.0, 120,
     True,
     "A 7800X3D pulled from a two-month-old build, supplied in a protective clamshell."),
    ("chipandboard", "AMD", "Ryzen 9 7950X", "good", 44900, "AM5", 16, 32, 4.5, 5.7, 170, True,
     "Sixteen Zen 4 cores for compiling, rendering and heavy multitasking."),
    ("chipandboard", "AMD", "Ryzen 5 5600X", "good", 9900, "AM4", 6, 12, 3.7, 4.6, 65, False,
     "A cool-running six-core AM4 CPU that is a great upgrade for older B450 boards."),
    ("chipandboard", "AMD", "Ryzen 7 5800X3D", "like_new", 24900, "AM4", 8, 16, 3.4, 4.5, 105,
     False,
     "The 5800X3D is the ultimate gaming upgrade for an AM4 platform."),
    ("chipandboard", "AMD", "Ryzen 9 5900X", "good", 21900, "AM4", 12, 24, 3.7, 4.8, 105, False,
     "Twelve cores on AM4, ideal for streaming while gaming or for video encoding."),
    ("chipandboard", "AMD", "Ryzen 7 3700X", "for_parts", 2900, "AM4", 8, 16, 3.6, 4.4, 65, False,
     "A Ryzen 7 3700X taken from an office build."),
    ("chipandboard", "Intel", "Core i5-13600K", "good", 22900, "LGA1700", 14, 20, 3.5, 5.1, 125,
     True,
     "The 13600K mixes six performance and eight efficient cores and overclocks well."),
    ("chipandboard", "Intel", "Core i7-14700K", "new", 38900, "LGA1700", 20, 28, 3.4, 5.6, 125,
     True,
     "The 14700K has twenty cores and strong gaming and productivity performance."),
    ("chipandboard", "Intel", "Core i9-13900K", "good", 42900, "LGA1700", 24, 32, 3.0, 5.8, 125,
     True,
     "A 24-core flagship that needs a strong cooler but is very fast in every workload."),
    ("chipandboard", "Intel", "Core i5-12400F", "good", 9900, "LGA1700", 6, 12, 2.5, 4.4, 65, False,
     "A budget six-core CPU with no integrated graphics, great for a gaming build."),
)
# fmt: on

_CPU_FAULTS = {
    "Ryzen 7 3700X": "Three pins are bent and one is broken off, so it needs pin repair before "
    "it will boot.",
}

# (seller, brand, model, condition, price, chipset, VRAM GB, memory type, TDP W, length mm, about)
# fmt: off
_GPUS: tuple[tuple[str, str, str, str, int, str, int, str, int, int, str], ...] = (
    ("framerate", "ASUS", "Dual GeForce RTX 3060 OC 12GB", "good", 22900, "GeForce RTX 3060", 12,
     "GDDR6", 170, 200,
     "A quiet dual-fan RTX 3060 with a generous 12 GB of memory."),
    ("framerate", "MSI", "GeForce RTX 3060 Ti Gaming X", "fair", 21900, "GeForce RTX 3060 Ti", 8,
     "GDDR6", 200, 323,
     "An RTX 3060 Ti with MSI's Twin Frozr 8 cooler and RGB."),
    ("framerate", "MSI", "GeForce RTX 3070 Gaming X Trio", "good", 29900, "GeForce RTX 3070", 8,
     "GDDR6", 220, 323,
     "A triple-fan RTX 3070 that stays quiet and cool under load."),
    ("framerate", "EVGA", "GeForce RTX 3080 FTW3 Ultra 10GB", "good", 42900, "GeForce RTX 3080", 10,
     "GDDR6X", 320, 300,
     "EVGA's top RTX 3080, with a strong cooler and a dual BIOS switch."),
    ("framerate", "NVIDIA", "GeForce RTX 3080 Founders Edition", "for_parts", 14900,
     "GeForce RTX 3080", 10, "GDDR6X", 320, 285,
     "An RTX 3080 Founders Edition with its original box."),
    ("chipandboard", "Gigabyte", "GeForce RTX 4060 Ti Eagle 8G", "like_new", 33900,
     "GeForce RTX 4060 Ti", 8, "GDDR6", 160, 272,
     "An efficient RTX 4060 Ti with DLSS 3 frame generation for 1080p and 1440p gaming."),
    ("framerate", "ASUS", "TUF Gaming GeForce RTX 4070 Super OC", "new", 64900,
     "GeForce RTX 4070 Super", 12, "GDDR6X", 220, 301,
     "A TUF RTX 4070 Super with military-grade components and a metal shroud."),
    ("chipandboard", "MSI", "GeForce RTX 4070 Super Ventus 2X", "like_new", 56900,
     "GeForce RTX 4070 Super", 12, "GDDR6X", 220, 242,
     "A compact dual-fan RTX 4070 Super that fits small cases."),
    ("framerate", "Gigabyte", "GeForce RTX 4080 Gaming OC", "like_new", 104900, "GeForce RTX 4080",
     16, "GDDR6X", 320, 342,
     "A triple-fan RTX 4080 that drives 4K at high refresh rates."),
    ("framerate", "NVIDIA", "GeForce RTX 4090 Founders Edition", "like_new", 169900,
     "GeForce RTX 4090", 24, "GDDR6X", 450, 304,
     "The RTX 4090 Founders Edition, the fastest consumer graphics card of its generation."),
    ("chipandboard", "Sapphire", "Pulse Radeon RX 6700 XT", "good", 27900, "Radeon RX 6700 XT", 12,
     "GDDR6", 230, 267,
     "A quiet 12 GB Radeon card that is excellent value for 1440p."),
    ("chipandboard", "PowerColor", "Hellhound Radeon RX 7800 XT", "new", 51900, "Radeon RX 7800 XT",
     16, "GDDR6", 263, 322,
     "The Hellhound RX 7800 XT with 16 GB and a very quiet triple-fan cooler."),
    ("framerate", "Sapphire", "Nitro+ Radeon RX 7900 XTX", "like_new", 89900, "Radeon RX 7900 XTX",
     24, "GDDR6", 355, 320,
     "Sapphire's flagship Nitro+ RX 7900 XTX with 24 GB and a vapour chamber cooler."),
    ("chipandboard", "Intel", "Arc A770 Limited Edition 16GB", "good", 24900, "Arc A770", 16,
     "GDDR6", 225, 268,
     "Intel's Arc A770 with 16 GB, strong AV1 encoding and improving drivers."),
)
# fmt: on

_GPU_NOTES = {
    "GeForce RTX 3060 Ti Gaming X": "It ran in a mining rig for a year at reduced power limits; "
    "the fans were replaced and it runs cool.",
    "GeForce RTX 3080 Founders Edition": "It gives no display output on any port, though the "
    "fans spin and the LED lights up.",
}


def _cpus() -> list[DemoListing]:
    listings = []
    for (
        seller,
        brand,
        model,
        condition,
        price,
        socket,
        cores,
        threads,
        base,
        boost,
        tdp,
        igpu,
        about,
    ) in _CPUS:
        listings.append(
            make_listing(
                seller,
                "cpus",
                brand,
                model,
                condition,
                price,
                about=about,
                fault=_CPU_FAULTS.get(model, ""),
                featured=model == "Ryzen 7 7800X3D",
                specs={
                    "socket": socket,
                    "cores": cores,
                    "threads": threads,
                    "base_clock_ghz": base,
                    "boost_clock_ghz": boost,
                    "tdp_w": tdp,
                    "integrated_graphics": igpu,
                },
            )
        )
    return listings


def _gpus() -> list[DemoListing]:
    listings = []
    for seller, brand, model, condition, price, chipset, vram, memory, tdp, length, about in _GPUS:
        note = _GPU_NOTES.get(model, "")
        listings.append(
            make_listing(
                seller,
                "gpus",
                brand,
                model,
                condition,
                price,
                about=about,
                fault=note if condition == "for_parts" else "",
                wear=note if condition != "for_parts" else "",
                featured=model == "GeForce RTX 4090 Founders Edition",
                specs={
                    "chipset": chipset,
                    "vram_gb": vram,
                    "memory_type": memory,
                    "tdp_w": tdp,
                    "length_mm": length,
                },
            )
        )
    return listings


def _ram() -> list[DemoListing]:
    return [
        make_listing(
            "chipandboard",
            "ram",
            "Corsair",
            "Vengeance DDR5-6000 CL30",
            "new",
            about="Low-profile DDR5 tuned with AMD EXPO and Intel XMP profiles, a sweet spot for "
            "Ryzen 7000.",
            specs={
                "memory_type": "DDR5",
                "speed_mhz": 6000,
                "cas_latency": 30,
                "rgb": False,
                "form_factor": "DIMM",
            },
            options=(("2 x 16 GB", 10900, 6), ("2 x 32 GB", 19900, 3)),
        ),
        make_listing(
            "chipandboard",
            "ram",
            "G.Skill",
            "Trident Z5 RGB DDR5-6400 CL32",
            "new",
            about="A fast DDR5 kit with a brushed aluminium heat spreader and a diffused RGB bar.",
            specs={
                "memory_type": "DDR5",
                "speed_mhz": 6400,
                "cas_latency": 32,
                "rgb": True,
                "form_factor": "DIMM",
            },
            options=(("2 x 16 GB", 12900, 4), ("2 x 32 GB", 22900, 2)),
        ),
        make_listing(
            "chipandboard",
            "ram",
            "Kingston",
            "Fury Beast DDR4-3200 CL16",
            "good",
            about="Reliable DDR4 kits pulled from upgraded office and gaming PCs, each one "
            "tested with MemTest86.",
            specs={
                "memory_type": "DDR4",
                "speed_mhz": 3200,
                "cas_latency": 16,
                "rgb": False,
                "form_factor": "DIMM",
            },
            options=(("2 x 8 GB", 3900, 7), ("2 x 16 GB", 5900, 5), ("2 x 32 GB", 10900, 2)),
        ),
        make_listing(
            "towerandcube",
            "ram",
            "Corsair",
            "Vengeance LPX DDR4-3600 CL18",
            "good",
            about="A low-profile DDR4 kit that clears big tower coolers.",
            specs={
                "memory_type": "DDR4",
                "speed_mhz": 3600,
                "cas_latency": 18,
                "rgb": False,
                "form_factor": "DIMM",
            },
            options=(("2 x 8 GB", 3500, 3), ("2 x 16 GB", 5900, 2)),
        ),
        make_listing(
            "laptoplounge",
            "ram",
            "Crucial",
            "DDR5-4800 SO-DIMM",
            "new",
            about="Laptop and mini PC memory from Micron, a simple upgrade for DDR5 notebooks.",
            specs={
                "memory_type": "DDR5",
                "speed_mhz": 4800,
                "cas_latency": 40,
                "rgb": False,
                "form_factor": "SO-DIMM",
            },
            options=(("1 x 16 GB", 4900, 10), ("1 x 32 GB", 8900, 6)),
        ),
        make_listing(
            "chipandboard",
            "ram",
            "Kingston",
            "Fury Renegade DDR5-6000 CL32",
            "for_parts",
            3900,
            variant="32 GB (2 x 16 GB)",
            about="A Fury Renegade RGB kit with intact heat spreaders.",
            fault="One of the two modules throws errors in MemTest86 at any speed, the other "
            "one passes.",
            specs={
                "capacity_gb": 32,
                "modules": 2,
                "memory_type": "DDR5",
                "speed_mhz": 6000,
                "cas_latency": 32,
                "rgb": True,
                "form_factor": "DIMM",
            },
        ),
    ]


def _motherboard(
    seller_key: str,
    brand: str,
    model: str,
    condition: str,
    price: int = 0,
    *,
    socket: str,
    chipset: str,
    form_factor: str,
    memory_type: str,
    wifi: bool,
    about: str,
    wear: str = "",
    fault: str = "",
    options: tuple[OptionRow, ...] = (),
) -> DemoListing:
    return make_listing(
        seller_key,
        "motherboards",
        brand,
        model,
        condition,
        price,
        about=about,
        wear=wear,
        fault=fault,
        options=options,
        specs={
            "socket": socket,
            "chipset": chipset,
            "form_factor": form_factor,
            "memory_type": memory_type,
            "wifi": wifi,
        },
    )


def _motherboards() -> list[DemoListing]:
    return [
        _motherboard(
            "chipandboard",
            "ASUS",
            "ROG Strix B650E-F Gaming WiFi",
            "like_new",
            21900,
            socket="AM5",
            chipset="B650E",
            form_factor="ATX",
            memory_type="DDR5",
            wifi=True,
            about="A feature-rich AM5 board with PCIe 5.0 for both graphics and SSD.",
        ),
        _motherboard(
            "chipandboard",
            "MSI",
            "MAG B650 Tomahawk WiFi",
            "good",
            16900,
            socket="AM5",
            chipset="B650",
            form_factor="ATX",
            memory_type="DDR5",
            wifi=True,
            about="The Tomahawk has a strong VRM, 2.5 GbE and Wi-Fi 6E at a fair price.",
        ),
        _motherboard(
            "chipandboard",
            "Gigabyte",
            "B550 AORUS Elite V2",
            "good",
            9900,
            socket="AM4",
            chipset="B550",
            form_factor="ATX",
            memory_type="DDR4",
            wifi=False,
            about="A solid AM4 board that supports Ryzen 5000 out of the box.",
        ),
        _motherboard(
            "chipandboard",
            "MSI",
            "PRO Z790-A WiFi",
            "new",
            socket="LGA1700",
            chipset="Z790",
            form_factor="ATX",
            memory_type="DDR5",
            wifi=True,
            about="A clean, white-accented Z790 board for 13th and 14th gen Intel CPUs.",
            options=(("Sealed box", 22900, 3), ("Open box, unused", 19900, 2)),
        ),
        _motherboard(
            "chipandboard",
            "ASUS",
            "TUF Gaming Z690-Plus WiFi D4",
            "good",
            13900,
            socket="LGA1700",
            chipset="Z690",
            form_factor="ATX",
            memory_type="DDR4",
            wifi=True,
            about="A Z690 board that keeps your DDR4 memory, updated to the latest BIOS.",
        ),
        _motherboard(
            "chipandboard",
            "ASRock",
            "B450M Pro4",
            "for_parts",
            1900,
            socket="AM4",
            chipset="B450",
            form_factor="Micro-ATX",
            memory_type="DDR4",
            wifi=False,
            about="A Micro-ATX AM4 board with I/O shield included.",
            fault="A VRM component burnt out and the board no longer powers on.",
        ),
    ]


def component_listings() -> list[DemoListing]:
    """CPUs, graphics cards, memory and motherboards."""
    return _cpus() + _gpus() + _ram() + _motherboards()
