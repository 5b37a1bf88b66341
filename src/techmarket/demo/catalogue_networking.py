"""Demo listings for routers, mesh Wi-Fi, network switches and NAS."""

from techmarket.demo.catalogue_records import DemoListing
from techmarket.demo.listing_builder import make_listing


def _routers() -> list[DemoListing]:
    return [
        make_listing(
            "netnest",
            "routers",
            "AVM",
            "FRITZ!Box 7590 AX",
            "good",
            17900,
            about="A VDSL modem-router with Wi-Fi 6, DECT base station and a great interface.",
            specs={
                "wifi_standard": "Wi-Fi 6",
                "max_speed_mbps": 3600,
                "wan": "VDSL/ADSL, LAN",
                "lan_ports": 4,
                "modem": True,
            },
        ),
        make_listing(
            "netnest",
            "routers",
            "ASUS",
            "RT-AX86U Pro",
            "like_new",
            19900,
            about="A gaming router with a 2.5 GbE port, AiMesh support and adaptive QoS.",
            specs={
                "wifi_standard": "Wi-Fi 6",
                "max_speed_mbps": 5700,
                "wan": "2.5 GbE",
                "lan_ports": 4,
                "modem": False,
            },
        ),
        make_listing(
            "netnest",
            "routers",
            "TP-Link",
            "Archer AX55",
            "new",
            about="An affordable dual-band Wi-Fi 6 router that covers a typical apartment.",
            specs={
                "wifi_standard": "Wi-Fi 6",
                "max_speed_mbps": 3000,
                "wan": "1 GbE",
                "lan_ports": 4,
                "modem": False,
            },
            options=(("Archer AX55", 8900, 7), ("Archer AX55 Pro (2.5 GbE WAN)", 11900, 3)),
        ),
        make_listing(
            "netnest",
            "routers",
            "Netgear",
            "Nighthawk RAXE500",
            "good",
            22900,
            about="A tri-band Wi-Fi 6E router with a 6 GHz band for congestion-free connections.",
            specs={
                "wifi_standard": "Wi-Fi 6E",
                "max_speed_mbps": 10800,
                "wan": "2.5 GbE",
                "lan_ports": 4,
                "modem": False,
            },
        ),
        make_listing(
            "netnest",
            "routers",
            "Ubiquiti",
            "UniFi Dream Machine Pro",
            "good",
            27900,
            about="A rack-mount UniFi gateway with IDS/IPS, a controller and an 8-port switch.",
            specs={
                "wifi_standard": "none",
                "max_speed_mbps": 3500,
                "wan": "1 GbE, 10G SFP+",
                "lan_ports": 8,
                "modem": False,
            },
        ),
    ]


def _mesh_wifi() -> list[DemoListing]:
    return [
        make_listing(
            "netnest",
            "mesh-wifi",
            "Google",
            "Nest Wifi Pro",
            "like_new",
            29900,
            variant="3-pack",
            about="A Wi-Fi 6E mesh that works as a Thread border router for your smart home.",
            specs={
                "wifi_standard": "Wi-Fi 6E",
                "units": 3,
                "coverage_m2": 600,
                "ethernet_backhaul": True,
            },
        ),
        make_listing(
            "netnest",
            "mesh-wifi",
            "TP-Link",
            "Deco X50",
            "new",
            about="A dual-band Wi-Fi 6 mesh with wired backhaul and simple app setup.",
            specs={"wifi_standard": "Wi-Fi 6", "coverage_m2": 650, "ethernet_backhaul": True},
            options=(("2-pack", 15900, 4), ("3-pack", 21900, 5)),
        ),
        make_listing(
            "netnest",
            "mesh-wifi",
            "eero",
            "6+",
            "good",
            about="A compact Wi-Fi 6 mesh from Amazon with gigabit radio speeds.",
            specs={
                "wifi_standard": "Wi-Fi 6",
                "coverage_m2": 440,
                "ethernet_backhaul": True,
            },
            options=(("2-pack", 12900, 1), ("3-pack", 17900, 2)),
        ),
    ]


def _switches() -> list[DemoListing]:
    return [
        make_listing(
            "netnest",
            "switches",
            "Ubiquiti",
            "UniFi Switch Lite 8 PoE",
            "good",
            9900,
            about="A managed gigabit switch with four PoE+ ports, run from the UniFi controller.",
            specs={"ports": 8, "port_speed": "1 GbE", "poe": True, "managed": True},
        ),
        make_listing(
            "netnest",
            "switches",
            "Netgear",
            "GS308E",
            "new",
            3900,
            quantity=12,
            about="A small, fanless 8-port gigabit switch with basic VLAN and QoS settings.",
            specs={"ports": 8, "port_speed": "1 GbE", "poe": False, "managed": True},
        ),
        make_listing(
            "netnest",
            "switches",
            "TP-Link",
            "TL-SG108",
            "good",
            1900,
            about="A plug-and-play 8-port gigabit switch in a metal case.",
            specs={"ports": 8, "port_speed": "1 GbE", "poe": False, "managed": False},
        ),
        make_listing(
            "netnest",
            "switches",
            "MikroTik",
            "CRS305-1G-4S+IN",
            "new",
            14900,
            about="A silent four-port SFP+ switch for a 10 GbE home lab.",
            specs={"ports": 5, "port_speed": "10 GbE SFP+", "poe": False, "managed": True},
        ),
        make_listing(
            "netnest",
            "switches",
            "Cisco",
            "Catalyst 2960X-48FPD-L",
            "fair",
            12900,
            about="A 48-port PoE+ enterprise switch with two 10G uplinks, reset to factory "
            "settings.",
            wear="Works perfectly, but it is loud and the front has rack-mount scratches.",
            specs={"ports": 50, "port_speed": "1 GbE, 10G SFP+", "poe": True, "managed": True},
        ),
    ]


def _nas() -> list[DemoListing]:
    return [
        make_listing(
            "netnest",
            "nas",
            "Synology",
            "DiskStation DS923+",
            "new",
            featured=True,
            about="A four-bay NAS with a Ryzen CPU, ECC memory and an optional 10 GbE card.",
            specs={
                "bays": 4,
                "cpu": "AMD Ryzen R1600",
                "ram_gb": 4,
                "network": "2 x 1 GbE",
            },
            options=(("Diskless", 59900, 3), ("With 4 x 4 TB IronWolf", 99900, 1)),
        ),
        make_listing(
            "netnest",
            "nas",
            "Synology",
            "DiskStation DS220+",
            "good",
            24900,
            about="A two-bay NAS that runs Docker, Plex and Synology Photos, with 6 GB RAM.",
            specs={
                "bays": 2,
                "cpu": "Intel Celeron J4025",
                "ram_gb": 6,
                "drives_included": False,
                "network": "2 x 1 GbE",
            },
        ),
        make_listing(
            "storagestack",
            "nas",
            "QNAP",
            "TS-464",
            "like_new",
            49900,
            about="A four-bay NAS with 2.5 GbE, two M.2 slots and HDMI output.",
            specs={
                "bays": 4,
                "cpu": "Intel Celeron N5095",
                "ram_gb": 8,
                "drives_included": False,
                "network": "2 x 2.5 GbE",
            },
        ),
        make_listing(
            "netnest",
            "nas",
            "Synology",
            "DiskStation DS418",
            "fair",
            22900,
            variant="with 4 x 4 TB",
            about="A four-bay NAS sold with four 4 TB WD Red drives in SHR-1.",
            wear="Works fine, but the front panel is yellowed and one drive tray latch is loose.",
            specs={
                "bays": 4,
                "cpu": "Realtek RTD1296",
                "ram_gb": 2,
                "drives_included": True,
                "network": "2 x 1 GbE",
            },
        ),
        make_listing(
            "netnest",
            "nas",
            "Synology",
            "DiskStation DS1815+",
            "for_parts",
            9900,
            about="An eight-bay Synology without drives, with the original power cable.",
            fault="It suffers from the known Intel Atom C2000 clock fault and does not boot.",
            specs={
                "bays": 8,
                "cpu": "Intel Atom C2538",
                "ram_gb": 2,
                "drives_included": False,
                "network": "4 x 1 GbE",
            },
        ),
    ]


def networking_listings() -> list[DemoListing]:
    """Routers, mesh Wi-Fi, network switches and NAS."""
    return _routers() + _mesh_wifi() + _switches() + _nas()
