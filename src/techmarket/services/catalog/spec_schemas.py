"""The spec schema of every category, and the functional checklist sellers tick.

A listing's ``specs`` (name -> str | int | float | bool) are free-form on the wire; the
schema of its category says which names exist, of which type, unit and range, so that the
specs table of a listing reads alike across sellers and the filterable ones can become search
filters. The checklist is what a seller confirms works (powers on, screen ok, ...) and differs
by kind of device.

Pure data and pure functions: no database, so a schema change is reviewed like code and is
the same in every environment. The schemas fit the demo catalogue (the tests check it).
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

__all__ = [
    "CategorySpecs",
    "ChecklistItem",
    "SpecField",
    "SpecFilter",
    "SpecProblem",
    "SpecType",
    "SpecValue",
    "parse_filter_value",
    "parse_spec_filter",
    "specs_for",
    "validate_checklist",
    "validate_specs",
]

SpecValue = str | int | float | bool

_NAME = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")


class SpecType(enum.StrEnum):
    INTEGER = "integer"
    NUMBER = "number"
    TEXT = "text"
    CHOICE = "choice"
    BOOLEAN = "boolean"


@dataclass(frozen=True)
class SpecField:
    """One spec a listing of a category may have; refuses an inconsistent definition."""

    name: str
    label: str
    type: SpecType
    unit: str | None = None
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    required: bool = False
    filterable: bool = False
    max_length: int = 120

    def __post_init__(self) -> None:
        # A mistake in the tables below should fail at import, not on a seller's listing.
        if not _NAME.match(self.name):
            raise ValueError(f"spec name {self.name!r} is not snake_case")
        if (self.type is SpecType.CHOICE) != bool(self.choices):
            raise ValueError(f"{self.name}: choices are given exactly for a choice spec")
        if len({choice.casefold() for choice in self.choices}) != len(self.choices):
            raise ValueError(f"{self.name}: choices differ only by case")
        numeric = self.type in (SpecType.INTEGER, SpecType.NUMBER)
        if not numeric and (self.minimum is not None or self.maximum is not None):
            raise ValueError(f"{self.name}: only numbers have a range")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError(f"{self.name}: minimum is above maximum")


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str


@dataclass(frozen=True)
class CategorySpecs:
    """The spec fields and checklist of a category; ``label`` names it in messages."""

    fields: tuple[SpecField, ...]
    checklist: tuple[ChecklistItem, ...]
    label: str = "this category"

    def __post_init__(self) -> None:
        if len({field.name for field in self.fields}) != len(self.fields):
            raise ValueError(f"{self.label}: two spec fields share a name")
        if len({item.key for item in self.checklist}) != len(self.checklist):
            raise ValueError(f"{self.label}: two checklist items share a key")

    def field(self, name: str) -> SpecField | None:
        return next((field for field in self.fields if field.name == name), None)


@dataclass(frozen=True)
class SpecProblem:
    field: str
    message: str


@dataclass(frozen=True)
class SpecFilter:
    """A search filter on one spec: an exact value, or a range (either end may be open)."""

    name: str
    equals: SpecValue | None = None
    minimum: float | None = None
    maximum: float | None = None


# --- Building blocks ------------------------------------------------------------------------


def _integer(
    name: str,
    label: str,
    unit: str | None,
    minimum: float,
    maximum: float,
    *,
    filterable: bool = False,
    required: bool = False,
) -> SpecField:
    return SpecField(
        name,
        label,
        SpecType.INTEGER,
        unit,
        minimum=minimum,
        maximum=maximum,
        required=required,
        filterable=filterable,
    )


def _number(
    name: str,
    label: str,
    unit: str | None,
    minimum: float,
    maximum: float,
    *,
    filterable: bool = False,
    required: bool = False,
) -> SpecField:
    return SpecField(
        name,
        label,
        SpecType.NUMBER,
        unit,
        minimum=minimum,
        maximum=maximum,
        required=required,
        filterable=filterable,
    )


def _text(
    name: str,
    label: str,
    max_length: int = 120,
    *,
    unit: str | None = None,
    filterable: bool = False,
    required: bool = False,
) -> SpecField:
    return SpecField(
        name,
        label,
        SpecType.TEXT,
        unit,
        required=required,
        filterable=filterable,
        max_length=max_length,
    )


def _choice(
    name: str,
    label: str,
    choices: Sequence[str],
    *,
    filterable: bool = True,
    required: bool = False,
) -> SpecField:
    return SpecField(
        name,
        label,
        SpecType.CHOICE,
        choices=tuple(choices),
        required=required,
        filterable=filterable,
    )


def _boolean(name: str, label: str, *, filterable: bool = False) -> SpecField:
    return SpecField(name, label, SpecType.BOOLEAN, filterable=filterable)


def _required(field: SpecField) -> SpecField:
    return replace(field, required=True)


# Specs for the year a product came out must allow next year's models on sale before New Year.
_NEXT_YEAR = date.today().year + 1

# --- Shared fields: the same name means the same thing in every category --------------------

RAM_GB = _integer("ram_gb", "RAM", "GB", 1, 2048, filterable=True)
STORAGE_GB = _integer("storage_gb", "Storage", "GB", 1, 200_000, filterable=True)
CAPACITY_GB = _integer("capacity_gb", "Capacity", "GB", 1, 200_000, filterable=True)
SCREEN_INCHES = _number("screen_inches", "Screen size", "inches", 1, 120, filterable=True)
CPU = _text("cpu", "Processor", 80)
GPU = _text("gpu", "Graphics", 80)
CHIP = _text("chip", "Chip", 80)
COLOUR = _text("colour", "Colour", 60)
OS = _text("os", "Operating system", 60)
BATTERY_HEALTH_PCT = _integer("battery_health_pct", "Battery health", "%", 0, 100, filterable=True)
RELEASE_YEAR = _integer("release_year", "Release year", None, 1980, _NEXT_YEAR, filterable=True)
WATER_RESISTANCE = _text("water_resistance", "Water resistance", 40)
NOISE_CANCELLING = _boolean("noise_cancelling", "Active noise cancelling", filterable=True)
BATTERY_HOURS = _number("battery_hours", "Battery life", "hours", 0.5, 500)
WEIGHT_G = _integer("weight_g", "Weight", "g", 1, 50_000)
TDP_W = _integer("tdp_w", "TDP", "W", 1, 1000)
REFRESH_HZ = _integer("refresh_hz", "Refresh rate", "Hz", 24, 1000, filterable=True)
WIFI = _boolean("wifi", "Wi-Fi", filterable=True)
DUAL_SIM = _boolean("dual_sim", "Dual SIM", filterable=True)
MEGAPIXELS = _number("megapixels", "Resolution", "MP", 0.3, 500, filterable=True)
VIDEO = _text("video", "Best video mode", 40)
SHUTTER_COUNT = _integer(
    "shutter_count", "Shutter count", "actuations", 0, 10_000_000, filterable=True
)
MEMORY_TYPE = _choice("memory_type", "Memory type", ("DDR3", "DDR4", "DDR5"))
SOCKET = _choice(
    "socket", "Socket",
    ("AM3+", "AM4", "AM5", "sTR4", "sTRX4", "sWRX8", "sTR5", "LGA1150", "LGA1151", "LGA1155",
     "LGA1200", "LGA1700", "LGA1851", "LGA2011-3", "LGA2066", "LGA4677"),
    required=True,
)  # fmt: skip
KEYBOARD_LAYOUT = _choice(
    "keyboard_layout", "Keyboard layout",
    ("US", "US International", "UK", "DE", "FR", "BE", "ES", "IT", "PT", "CH", "Nordic", "JP"),
)  # fmt: skip
WIFI_STANDARD = _choice(
    "wifi_standard", "Wi-Fi standard",
    ("none", "Wi-Fi 4", "Wi-Fi 5", "Wi-Fi 6", "Wi-Fi 6E", "Wi-Fi 7"),
)  # fmt: skip
VIDEO_RESOLUTIONS = ("720p", "1080p", "1440p", "4K", "8K")
LENS_MOUNTS = (
    "Canon EF", "Canon EF-S", "Canon EF-M", "Canon RF", "Nikon F", "Nikon Z", "Sony A",
    "Sony E", "Fujifilm X", "Fujifilm G", "L-Mount", "Micro Four Thirds", "Pentax K",
    "Hasselblad XCD",
)  # fmt: skip
SENSOR_FORMAT = _choice(
    "sensor", "Sensor format",
    ("1 inch", "Micro Four Thirds", "APS-C", "APS-H", "full frame", "medium format"),
    required=True,
)  # fmt: skip

# --- Checklists: what a seller confirms works, by kind of device ----------------------------


def _items(*pairs: tuple[str, str]) -> tuple[ChecklistItem, ...]:
    return tuple(ChecklistItem(key, label) for key, label in pairs)


POWERS_ON = ("powers_on", "Powers on and starts up")
SCREEN_OK = ("screen_ok", "Screen has no cracks, dead pixels or burn-in")
TOUCH_OK = ("touch_ok", "Touch screen responds everywhere")
CAMERAS_OK = ("cameras_ok", "Cameras take sharp photos and video")
SPEAKERS_MIC_OK = ("speakers_mic_ok", "Speakers and microphones work")
BUTTONS_OK = ("buttons_ok", "All buttons work")
CHARGING_PORT_OK = ("charging_port_ok", "Charging port charges and connects")
BATTERY_HOLDS_CHARGE = ("battery_holds_charge", "Battery holds its charge")
WIFI_BLUETOOTH_OK = ("wifi_bluetooth_ok", "Wi-Fi and Bluetooth connect")
NO_WATER_DAMAGE = ("no_water_damage", "No water damage")
FACTORY_RESET = ("factory_reset", "Reset to factory settings")
ACCOUNTS_REMOVED = ("accounts_removed", "Accounts signed out (iCloud / Google lock off)")
PORTS_OK = ("ports_ok", "All ports work")
FANS_OK = ("fans_ok", "Fans spin quietly")
NO_PHYSICAL_DAMAGE = ("no_physical_damage", "No cracks, bends or broken parts")
CONNECTION_OK = ("connection_ok", "Connects by cable and wirelessly, as specified")

PHONE_CHECKLIST = _items(
    POWERS_ON, SCREEN_OK, TOUCH_OK, CAMERAS_OK, SPEAKERS_MIC_OK, BUTTONS_OK,
    ("calls_and_data_ok", "Calls and mobile data work"), CHARGING_PORT_OK, BATTERY_HOLDS_CHARGE,
    WIFI_BLUETOOTH_OK, ("biometrics_ok", "Face or fingerprint unlock works"), NO_WATER_DAMAGE,
    FACTORY_RESET, ACCOUNTS_REMOVED,
)  # fmt: skip
BASIC_PHONE_CHECKLIST = _items(
    POWERS_ON, SCREEN_OK, ("keypad_ok", "All keys of the keypad work"),
    ("calls_ok", "Makes and receives calls and texts"), SPEAKERS_MIC_OK, CHARGING_PORT_OK,
    BATTERY_HOLDS_CHARGE, NO_WATER_DAMAGE, FACTORY_RESET,
)  # fmt: skip
TABLET_CHECKLIST = _items(
    POWERS_ON, SCREEN_OK, TOUCH_OK, CAMERAS_OK, SPEAKERS_MIC_OK, BUTTONS_OK, CHARGING_PORT_OK,
    BATTERY_HOLDS_CHARGE, WIFI_BLUETOOTH_OK, NO_WATER_DAMAGE, FACTORY_RESET, ACCOUNTS_REMOVED,
)  # fmt: skip
E_READER_CHECKLIST = _items(
    POWERS_ON, ("screen_ok", "Screen has no cracks, dead spots or ghosting"), TOUCH_OK,
    ("frontlight_ok", "Front light is even at every level"), BUTTONS_OK, CHARGING_PORT_OK,
    BATTERY_HOLDS_CHARGE, ("wifi_ok", "Wi-Fi connects"), FACTORY_RESET,
    ("accounts_removed", "Deregistered from the store account"),
)  # fmt: skip
LAPTOP_CHECKLIST = _items(
    POWERS_ON, SCREEN_OK, ("keyboard_ok", "Every key and the backlight work"),
    ("trackpad_ok", "Trackpad tracks and clicks"), PORTS_OK,
    ("charger_ok", "Charges with the included charger"), BATTERY_HOLDS_CHARGE,
    ("webcam_ok", "Webcam works"), SPEAKERS_MIC_OK, WIFI_BLUETOOTH_OK,
    ("hinges_ok", "Hinges are firm"), NO_WATER_DAMAGE, FACTORY_RESET,
    ("accounts_removed", "Accounts signed out, no BIOS or Find My lock"),
)  # fmt: skip
DESKTOP_CHECKLIST = _items(
    POWERS_ON, ("boots_os", "Boots into the operating system"), PORTS_OK, FANS_OK,
    ("stress_tested", "Stable under a stress test"), WIFI_BLUETOOTH_OK, FACTORY_RESET,
    ("accounts_removed", "Accounts signed out, no BIOS or Find My lock"),
)  # fmt: skip
ALL_IN_ONE_CHECKLIST = (
    *DESKTOP_CHECKLIST,
    *_items(SCREEN_OK, SPEAKERS_MIC_OK, ("webcam_ok", "Webcam works")),
)
CPU_CHECKLIST = _items(
    ("tested_in_system", "Boots in a system"), ("pins_ok", "No bent pins or damaged pads"),
    ("stress_tested", "Stable under a stress test"),
    ("not_delidded", "Never delidded or modified"),
)  # fmt: skip
GPU_CHECKLIST = _items(
    ("tested_under_load", "Tested under load (benchmark or game)"),
    ("no_artifacts", "No artifacts or crashes"), FANS_OK,
    ("display_outputs_ok", "Every display output works"),
    ("not_modified", "Original cooler and BIOS"),
)  # fmt: skip
RAM_CHECKLIST = _items(
    ("memtest_passed", "Passes a full memory test"),
    ("rated_speed_ok", "Runs at its rated speed (XMP / EXPO)"),
)
DRIVE_CHECKLIST = _items(
    ("detected_ok", "Detected at full capacity"), ("smart_ok", "SMART health is good"),
    ("full_test_passed", "Passes a full read test"), ("data_wiped", "Securely wiped"),
)  # fmt: skip
EXTERNAL_DRIVE_CHECKLIST = (
    *DRIVE_CHECKLIST,
    *_items(("usb_port_ok", "Its USB port connects firmly"), ("cable_included", "Cable included")),
)
MOTHERBOARD_CHECKLIST = _items(
    ("posts", "Posts and enters the BIOS"), ("socket_pins_ok", "No bent socket pins"),
    ("memory_slots_ok", "Every memory slot works"),
    ("expansion_slots_ok", "PCIe and M.2 slots work"), PORTS_OK,
    ("io_shield_included", "I/O shield included"),
)  # fmt: skip
PSU_CHECKLIST = _items(
    POWERS_ON, ("stable_under_load", "Stable under load"), ("fan_ok", "Fan spins quietly"),
    ("cables_included", "All its cables included"),
)  # fmt: skip
PC_CASE_CHECKLIST = _items(
    ("panels_ok", "Panels and glass have no cracks"),
    ("front_io_ok", "Front ports and buttons work"), FANS_OK,
    ("accessories_included", "Screws and accessories included"),
)  # fmt: skip
COOLING_CHECKLIST = _items(
    FANS_OK, ("pump_ok", "Pump runs quietly (liquid coolers)"), ("no_leaks", "No leaks"),
    ("mounting_kit_included", "Mounting kit included"),
)  # fmt: skip
MONITOR_CHECKLIST = _items(
    POWERS_ON, ("no_dead_pixels", "No dead or stuck pixels"), ("no_burn_in", "No burn-in"),
    ("backlight_even", "Backlight is even, no bleeding"), ("inputs_ok", "Every input works"),
    BUTTONS_OK, ("stand_ok", "Stand adjusts and holds"),
)  # fmt: skip
KEYBOARD_CHECKLIST = _items(
    ("all_keys_ok", "Every key registers"), ("backlight_ok", "Backlight works"), CONNECTION_OK,
    BATTERY_HOLDS_CHARGE,
)  # fmt: skip
MOUSE_CHECKLIST = _items(
    BUTTONS_OK, ("scroll_ok", "Scroll wheel works"), ("tracking_ok", "Tracks smoothly"),
    CONNECTION_OK, BATTERY_HOLDS_CHARGE,
)  # fmt: skip
WEBCAM_CHECKLIST = _items(
    ("video_ok", "Picture is sharp"), ("autofocus_ok", "Autofocus works"),
    ("microphone_ok", "Microphone works"), ("mount_ok", "Mount clips on firmly"),
)  # fmt: skip
PRINTER_CHECKLIST = _items(
    POWERS_ON, ("prints_ok", "Prints a clean test page"),
    ("paper_feed_ok", "Feeds paper without jams"),
    ("scanner_ok", "Scanner works (multifunction)"), ("wifi_ok", "Wi-Fi connects"),
    ("no_error_codes", "Shows no error codes"),
)  # fmt: skip
HEADPHONE_CHECKLIST = _items(
    ("both_sides_ok", "Sound in both sides, no crackling"), ("microphone_ok", "Microphone works"),
    ("noise_cancelling_ok", "Noise cancelling works"), CONNECTION_OK, BATTERY_HOLDS_CHARGE,
    BUTTONS_OK, ("cleaned", "Cleaned, ear pads intact"),
)  # fmt: skip
EARBUD_CHECKLIST = _items(
    ("both_sides_ok", "Sound in both earbuds, no crackling"), ("microphone_ok", "Microphone works"),
    ("noise_cancelling_ok", "Noise cancelling works"), ("pairing_ok", "Pairs and stays connected"),
    ("case_charges_ok", "Case charges both earbuds"), BATTERY_HOLDS_CHARGE,
    ("cleaned", "Cleaned, new ear tips"), ("unpaired", "Removed from the owner's account"),
)  # fmt: skip
SPEAKER_CHECKLIST = _items(
    POWERS_ON, ("sound_ok", "Clean sound at every volume"), CONNECTION_OK, BUTTONS_OK,
    BATTERY_HOLDS_CHARGE, FACTORY_RESET,
)  # fmt: skip
MICROPHONE_CHECKLIST = _items(
    ("records_ok", "Records clean sound"), ("no_hum", "No hum or crackle"), CONNECTION_OK,
    ("mount_ok", "Mount or stand included and intact"),
)  # fmt: skip
CAMERA_CHECKLIST = _items(
    POWERS_ON, ("shutter_ok", "Shutter fires at every speed"), ("sensor_clean", "Sensor is clean"),
    ("autofocus_ok", "Autofocus works"), SCREEN_OK, ("viewfinder_ok", "Viewfinder is clear"),
    ("card_slot_ok", "Card slot reads and writes"), ("dials_ok", "Buttons and dials work"),
    BATTERY_HOLDS_CHARGE, NO_WATER_DAMAGE,
)  # fmt: skip
LENS_CHECKLIST = _items(
    ("glass_clear", "No fungus, haze or scratches"), ("autofocus_ok", "Autofocus works"),
    ("aperture_ok", "Aperture opens and closes"),
    ("rings_ok", "Zoom and focus rings turn smoothly"),
    ("stabilisation_ok", "Stabilisation works"), ("caps_included", "Front and rear caps included"),
)  # fmt: skip
ACTION_CAMERA_CHECKLIST = _items(
    POWERS_ON, ("records_ok", "Records video and sound"), SCREEN_OK, BUTTONS_OK,
    ("seals_ok", "Doors and seals close tightly"), ("lens_clear", "Lens cover has no scratches"),
    BATTERY_HOLDS_CHARGE, ("accounts_removed", "Removed from the owner's app account"),
)  # fmt: skip
DRONE_CHECKLIST = _items(
    POWERS_ON, ("test_flight_ok", "Hovers stably in a test flight"), ("gimbal_ok", "Gimbal works"),
    ("camera_ok", "Camera records"), ("propellers_ok", "Propellers are undamaged"),
    ("controller_ok", "Remote controller pairs"), BATTERY_HOLDS_CHARGE,
    ("no_crash_damage", "No crash damage"),
    ("accounts_removed", "Unbound from the owner's account"),
)  # fmt: skip
CONSOLE_CHECKLIST = _items(
    POWERS_ON, ("video_output_ok", "Video output works"), ("disc_drive_ok", "Reads discs"),
    ("controllers_ok", "Controllers work, no stick drift"), PORTS_OK, FANS_OK,
    ("online_ok", "Connects online, not banned"), FACTORY_RESET, ACCOUNTS_REMOVED,
)  # fmt: skip
HANDHELD_CHECKLIST = _items(
    POWERS_ON, SCREEN_OK, TOUCH_OK, BUTTONS_OK, ("no_stick_drift", "No stick drift"),
    SPEAKERS_MIC_OK, CHARGING_PORT_OK, BATTERY_HOLDS_CHARGE, WIFI_BLUETOOTH_OK, FACTORY_RESET,
    ACCOUNTS_REMOVED,
)  # fmt: skip
CONTROLLER_CHECKLIST = _items(
    BUTTONS_OK, ("no_stick_drift", "No stick drift"), ("triggers_ok", "Triggers work"),
    ("vibration_ok", "Vibration works"), CONNECTION_OK, BATTERY_HOLDS_CHARGE,
)  # fmt: skip
VR_CHECKLIST = _items(
    POWERS_ON, ("lenses_clear", "Lenses have no scratches"), ("displays_ok", "Both displays work"),
    ("tracking_ok", "Tracking works"), ("controllers_ok", "Controllers track and work"),
    BATTERY_HOLDS_CHARGE, FACTORY_RESET, ACCOUNTS_REMOVED,
)  # fmt: skip
NETWORK_CHECKLIST = _items(
    POWERS_ON, PORTS_OK, ("wifi_ok", "Wi-Fi works (if any)"), FACTORY_RESET,
    ("firmware_updated", "Latest firmware installed"),
)  # fmt: skip
NAS_CHECKLIST = _items(
    POWERS_ON, ("bays_ok", "Every drive bay works"), PORTS_OK, FANS_OK, FACTORY_RESET,
    ("data_wiped", "Included drives are wiped"),
)  # fmt: skip
WEARABLE_CHECKLIST = _items(
    POWERS_ON, SCREEN_OK, TOUCH_OK, BUTTONS_OK, ("sensors_ok", "Heart rate and other sensors work"),
    ("charger_ok", "Charges on its charger"), BATTERY_HOLDS_CHARGE,
    ("pairing_ok", "Pairs with a phone"), NO_WATER_DAMAGE, FACTORY_RESET,
    ("accounts_removed", "Activation lock off, unpaired"),
)  # fmt: skip
CHARGER_CHECKLIST = _items(
    ("charges_ok", "Charges at its rated power"), ("every_port_ok", "Every port works"),
    ("casing_intact", "Casing and prongs undamaged"),
)  # fmt: skip
CABLE_CHECKLIST = _items(
    ("tested_ok", "Tested: charges and carries data or video"),
    ("connectors_ok", "Connectors sit firmly"), ("no_fraying", "No fraying or kinks"),
)  # fmt: skip
CASE_CHECKLIST = _items(
    ("no_cracks", "No cracks or tears"), ("fits_ok", "Fits, buttons and cut-outs line up"),
    ("magnets_ok", "Magnets hold (MagSafe)"),
)  # fmt: skip
POWER_BANK_CHECKLIST = _items(
    ("charges_devices", "Charges devices at its rated power"), BATTERY_HOLDS_CHARGE,
    ("every_port_ok", "Every port works"), ("no_swelling", "No swelling or damage"),
)  # fmt: skip
DOCK_CHECKLIST = _items(
    ("every_port_ok", "Every port works"), ("charges_host", "Charges the laptop"),
    ("displays_ok", "Drives its external displays"),
)  # fmt: skip
GENERIC_CHECKLIST = _items(
    POWERS_ON, ("all_functions_ok", "Every function tested and working"), NO_PHYSICAL_DAMAGE
)

# --- Fields per kind of device --------------------------------------------------------------

_SMARTPHONE_FIELDS = (
    _integer("ram_gb", "RAM", "GB", 1, 32, filterable=True),
    STORAGE_GB,
    replace(SCREEN_INCHES, minimum=3, maximum=11),
    COLOUR,
    _choice("carrier_lock", "Carrier lock", ("unlocked", "locked"), required=True),
    _text("carrier", "Locked to carrier", 60),
    _boolean("5g", "5G", filterable=True),
    DUAL_SIM,
    BATTERY_HEALTH_PCT,
)
_BASIC_PHONE_FIELDS = (
    _choice("network", "Network", ("2G", "3G", "4G", "5G")),
    replace(SCREEN_INCHES, minimum=1, maximum=4),
    COLOUR,
    DUAL_SIM,
    BATTERY_HEALTH_PCT,
)
_LAPTOP_FIELDS = (
    _required(CPU),
    replace(RAM_GB, maximum=256),
    STORAGE_GB,
    GPU,
    replace(SCREEN_INCHES, minimum=10, maximum=19),
    KEYBOARD_LAYOUT,
    RELEASE_YEAR,
    BATTERY_HEALTH_PCT,
    COLOUR,
    _boolean("touchscreen", "Touchscreen", filterable=True),
)
_TABLET_FIELDS = (
    CHIP,
    replace(RAM_GB, maximum=32),
    STORAGE_GB,
    replace(SCREEN_INCHES, minimum=6, maximum=15),
    _choice("connectivity", "Connectivity", ("Wi-Fi", "Wi-Fi + Cellular")),
    _text("stylus_support", "Stylus support", 60),
    COLOUR,
    BATTERY_HEALTH_PCT,
)
_E_READER_FIELDS = (
    replace(STORAGE_GB, maximum=256),
    replace(SCREEN_INCHES, minimum=4, maximum=14),
    _choice("display", "Display", ("E Ink", "E Ink Kaleido", "LCD")),
    _boolean("waterproof", "Waterproof", filterable=True),
    _boolean("pen_input", "Pen input", filterable=True),
    COLOUR,
    BATTERY_HEALTH_PCT,
)
_DESKTOP_FIELDS = (
    _required(CPU),
    GPU,
    RAM_GB,
    STORAGE_GB,
    OS,
    COLOUR,
)
_GAMING_PC_FIELDS = (
    *_DESKTOP_FIELDS,
    _integer("psu_w", "Power supply", "W", 100, 3000),
    _text("case", "Case", 80),
)
_ALL_IN_ONE_FIELDS = (*_DESKTOP_FIELDS, replace(SCREEN_INCHES, minimum=15, maximum=40))
_WORKSTATION_FIELDS = (*_DESKTOP_FIELDS, _boolean("ecc_memory", "ECC memory", filterable=True))
_CPU_FIELDS = (
    SOCKET,
    _integer("cores", "Cores", None, 1, 256, filterable=True),
    _integer("threads", "Threads", None, 1, 512),
    _number("base_clock_ghz", "Base clock", "GHz", 0.5, 7),
    _number("boost_clock_ghz", "Boost clock", "GHz", 0.5, 7),
    TDP_W,
    _boolean("integrated_graphics", "Integrated graphics", filterable=True),
)
_GPU_FIELDS = (
    _text("chipset", "Chipset", 60, filterable=True, required=True),
    _integer("vram_gb", "VRAM", "GB", 1, 256, filterable=True, required=True),
    _choice("memory_type", "Memory type", ("GDDR5", "GDDR5X", "GDDR6", "GDDR6X", "GDDR7", "HBM2")),
    TDP_W,
    _integer("length_mm", "Length", "mm", 50, 500, filterable=True),
)
_RAM_FIELDS = (
    _required(MEMORY_TYPE),
    _choice("form_factor", "Form factor", ("DIMM", "SO-DIMM"), required=True),
    replace(CAPACITY_GB, label="Kit capacity", maximum=2048),
    _integer("modules", "Modules in the kit", None, 1, 16),
    _integer("speed_mhz", "Speed", "MHz", 400, 12_000, filterable=True),
    _integer("cas_latency", "CAS latency", None, 1, 100),
    _boolean("rgb", "RGB lighting", filterable=True),
)
_DRIVE_HEALTH_PCT = _integer("drive_health_pct", "Drive health", "%", 0, 100, filterable=True)
_STORAGE_FIELDS = (CAPACITY_GB, _text("interface", "Interface", 60), _DRIVE_HEALTH_PCT)
_SSD_FIELDS = (
    CAPACITY_GB,
    _choice(
        "interface", "Interface",
        ("SATA III", "PCIe 3.0 x4 NVMe", "PCIe 4.0 x4 NVMe", "PCIe 5.0 x4 NVMe"), required=True,
    ),
    _choice(
        "form_factor", "Form factor",
        ("2.5 inch", "mSATA", "M.2 2230", "M.2 2242", "M.2 2280", "U.2"), required=True,
    ),
    _integer("read_mb_s", "Sequential read", "MB/s", 1, 20_000),
    _integer("write_mb_s", "Sequential write", "MB/s", 1, 20_000),
    _DRIVE_HEALTH_PCT,
)  # fmt: skip
_HDD_FIELDS = (
    CAPACITY_GB,
    _choice("form_factor", "Form factor", ("2.5 inch", "3.5 inch"), required=True),
    _choice("interface", "Interface", ("SATA III", "SAS"), required=True),
    _integer("rpm", "Spindle speed", "rpm", 4200, 15_000, filterable=True),
    _integer("cache_mb", "Cache", "MB", 1, 2048),
    _integer("power_on_hours", "Power-on hours", "hours", 0, 500_000, filterable=True),
)
_EXTERNAL_DRIVE_FIELDS = (
    CAPACITY_GB,
    _choice("type", "Type", ("HDD", "SSD"), required=True),
    _text("interface", "Interface", 60),
    _boolean("rugged", "Rugged", filterable=True),
)
_MOTHERBOARD_FIELDS = (
    SOCKET,
    _text("chipset", "Chipset", 20, filterable=True),
    _choice("form_factor", "Form factor", ("E-ATX", "ATX", "Micro-ATX", "Mini-ITX")),
    MEMORY_TYPE,
    WIFI,
)
_PSU_FIELDS = (
    _integer("wattage_w", "Wattage", "W", 100, 3000, filterable=True),
    _choice(
        "efficiency", "Efficiency",
        ("none", "80 Plus", "80 Plus Bronze", "80 Plus Silver", "80 Plus Gold", "80 Plus Platinum",
         "80 Plus Titanium"),
    ),
    _choice("modular", "Modular cables", ("none", "semi", "full")),
    _choice("form_factor", "Form factor", ("ATX", "SFX", "SFX-L", "TFX")),
    _boolean("pcie_5_connector", "12V-2x6 (PCIe 5) connector", filterable=True),
)  # fmt: skip
_PC_CASE_FIELDS = (
    _choice(
        "form_factor", "Form factor", ("ATX full tower", "ATX mid-tower", "Micro-ATX", "Mini-ITX")
    ),
    _text("side_panel", "Side panel", 60),
    _integer("included_fans", "Fans included", None, 0, 20),
    _integer("max_gpu_length_mm", "Max GPU length", "mm", 100, 600, filterable=True),
    COLOUR,
)
_COOLING_FIELDS = (
    _choice("type", "Type", ("air", "liquid AIO", "custom loop", "case fan"), required=True),
    _integer("fan_size_mm", "Fan size", "mm", 40, 250, filterable=True),
    _integer("height_mm", "Height", "mm", 10, 250),
    _text("sockets", "Sockets", 120),
    _integer("radiator_mm", "Radiator size", "mm", 80, 480, filterable=True),
    _integer("max_rpm", "Max fan speed", "rpm", 100, 10_000),
)
_MONITOR_FIELDS = (
    _required(replace(SCREEN_INCHES, minimum=10, maximum=100)),
    _choice(
        "resolution", "Resolution",
        ("1366x768", "1600x900", "1920x1080", "1920x1200", "2560x1080", "2560x1440",
         "2560x1600", "3440x1440", "3840x1600", "3840x2160", "5120x1440", "5120x2160",
         "5120x2880", "6016x3384", "7680x2160", "7680x4320"),
    ),
    REFRESH_HZ,
    _choice(
        "panel", "Panel",
        ("IPS", "IPS Black", "Nano IPS", "VA", "TN", "OLED", "QD-OLED", "Mini-LED"),
    ),
    _boolean("curved", "Curved", filterable=True),
)  # fmt: skip
_KEYBOARD_FIELDS = (
    _choice(
        "form_factor", "Form factor",
        ("full size", "96%", "tenkeyless", "75%", "65%", "60%", "40%", "split"),
    ),
    _choice(
        "layout", "Layout",
        ("ANSI US", "ISO UK", "ISO DE", "ISO FR", "ISO BE", "ISO ES", "ISO IT", "ISO PT",
         "ISO CH", "ISO Nordic", "JIS"),
    ),
    _text("connectivity", "Connectivity", 60),
    _boolean("hot_swappable", "Hot-swappable switches", filterable=True),
    _choice("backlight", "Backlight", ("none", "white", "RGB")),
    _text("switches", "Switches", 60),
    COLOUR,
)  # fmt: skip
_MOUSE_FIELDS = (
    _integer("sensor_dpi", "Sensor resolution", "DPI", 100, 100_000),
    _text("connectivity", "Connectivity", 60),
    _integer("buttons", "Buttons", None, 1, 30),
    replace(WEIGHT_G, maximum=500, filterable=True),
    COLOUR,
)
_WEBCAM_FIELDS = (
    _choice("resolution", "Resolution", VIDEO_RESOLUTIONS),
    _integer("frame_rate_fps", "Frame rate", "fps", 1, 240, filterable=True),
    _boolean("autofocus", "Autofocus", filterable=True),
    _choice("connection", "Connection", ("USB-A", "USB-C")),
)
_PRINTER_FIELDS = (
    _choice(
        "technology", "Technology",
        ("inkjet", "inkjet (ink tank)", "laser", "LED", "dye-sublimation", "thermal",
         "FDM 3D printing", "resin 3D printing"),
        required=True,
    ),
    _boolean("colour_printing", "Colour printing", filterable=True),
    _boolean("duplex", "Double-sided printing", filterable=True),
    WIFI,
    _boolean("multifunction", "Scanner and copier", filterable=True),
    _text("build_volume_mm", "Build volume", 40, unit="mm"),
)  # fmt: skip
_HEADPHONE_FIELDS = (
    _choice("type", "Type", ("over-ear", "on-ear")),
    _choice("back", "Back", ("closed", "open")),
    _choice(
        "connectivity", "Connectivity",
        ("Bluetooth", "2.4 GHz wireless", "3.5 mm wired", "4.4 mm wired", "6.35 mm wired",
         "USB wired"),
    ),
    NOISE_CANCELLING,
    BATTERY_HOURS,
    _integer("impedance_ohm", "Impedance", "ohm", 1, 1000),
    COLOUR,
)  # fmt: skip
_EARBUD_FIELDS = (
    NOISE_CANCELLING,
    replace(BATTERY_HOURS, label="Battery life per charge"),
    _text("case_charging", "Case charging", 60),
    WATER_RESISTANCE,
    COLOUR,
)
_SPEAKER_FIELDS = (
    _text("connectivity", "Connectivity", 60),
    _boolean("portable", "Portable", filterable=True),
    _choice("voice_assistant", "Voice assistant", ("none", "Alexa", "Google Assistant", "Siri")),
    BATTERY_HOURS,
    WATER_RESISTANCE,
    COLOUR,
)
_MICROPHONE_FIELDS = (
    _choice(
        "type", "Type",
        ("dynamic", "condenser", "ribbon", "lavalier", "wireless lavalier", "shotgun"),
    ),
    _text("connection", "Connection", 60),
    _choice(
        "polar_pattern", "Polar pattern",
        ("cardioid", "supercardioid", "hypercardioid", "omnidirectional", "figure-8",
         "multi-pattern"),
    ),
)  # fmt: skip
_CAMERA_FIELDS = (
    SENSOR_FORMAT,
    MEGAPIXELS,
    _choice("mount", "Lens mount", (*LENS_MOUNTS, "fixed lens"), required=True),
    VIDEO,
    SHUTTER_COUNT,
)
_ACTION_CAMERA_FIELDS = (
    _text("sensor", "Sensor", 40),
    MEGAPIXELS,
    _text("mount", "Mount", 60),
    VIDEO,
)
_LENS_FIELDS = (
    _choice("mount", "Mount", LENS_MOUNTS, required=True),
    _text("focal_length_mm", "Focal length", 20, unit="mm"),
    _text("max_aperture", "Maximum aperture", 20),
    _boolean("stabilised", "Stabilised", filterable=True),
)
_DRONE_FIELDS = (
    replace(WEIGHT_G, maximum=25_000, filterable=True),
    _integer("max_flight_time_min", "Flight time", "min", 1, 300, filterable=True),
    VIDEO,
    _choice(
        "obstacle_sensing", "Obstacle sensing",
        ("none", "downward", "forward and downward", "tri-directional", "omnidirectional"),
    ),
    _integer("battery_cycles", "Battery cycles", "cycles", 0, 10_000),
)  # fmt: skip
_CONSOLE_FIELDS = (
    replace(STORAGE_GB, maximum=16_000),
    _boolean("disc_drive", "Disc drive", filterable=True),
    _choice("max_resolution", "Max resolution", VIDEO_RESOLUTIONS),
    _integer("controllers_included", "Controllers included", None, 0, 8),
    COLOUR,
)
_HANDHELD_FIELDS = (
    replace(STORAGE_GB, maximum=16_000),
    replace(SCREEN_INCHES, minimum=3, maximum=10),
    CHIP,
    COLOUR,
    BATTERY_HEALTH_PCT,
)
_CONTROLLER_FIELDS = (
    _text("platform", "Platform", 60),
    _text("connectivity", "Connectivity", 60),
    _boolean("back_buttons", "Back buttons", filterable=True),
    COLOUR,
)
_VR_FIELDS = (
    _text("resolution_per_eye", "Resolution per eye", 20),
    replace(REFRESH_HZ, minimum=60, maximum=240),
    _boolean("standalone", "Standalone", filterable=True),
    replace(STORAGE_GB, maximum=4096),
    BATTERY_HEALTH_PCT,
)
_ROUTER_FIELDS = (
    WIFI_STANDARD,
    _integer("max_speed_mbps", "Max Wi-Fi speed", "Mbps", 1, 100_000),
    _text("wan", "WAN", 60),
    _integer("lan_ports", "LAN ports", None, 0, 64),
    _boolean("modem", "Built-in modem", filterable=True),
)
_MESH_FIELDS = (
    replace(WIFI_STANDARD, choices=WIFI_STANDARD.choices[1:]),
    _integer("units", "Units", None, 1, 10, filterable=True),
    _integer("coverage_m2", "Coverage", "m²", 1, 5000),
    _boolean("ethernet_backhaul", "Ethernet backhaul", filterable=True),
)
_SWITCH_FIELDS = (
    _integer("ports", "Ports", None, 1, 128, filterable=True),
    _text("port_speed", "Port speed", 60),
    _boolean("poe", "PoE", filterable=True),
    _boolean("managed", "Managed", filterable=True),
)
_NAS_FIELDS = (
    _integer("bays", "Drive bays", None, 1, 24, filterable=True),
    CPU,
    replace(RAM_GB, maximum=256),
    _text("network", "Network", 60),
    _boolean("drives_included", "Drives included", filterable=True),
)
_SMARTWATCH_FIELDS = (
    _text("connectivity", "Connectivity", 60),
    WATER_RESISTANCE,
    _boolean("ecg", "ECG", filterable=True),
    _integer("case_size_mm", "Case size", "mm", 20, 60, filterable=True),
    COLOUR,
    BATTERY_HEALTH_PCT,
)
_FITNESS_TRACKER_FIELDS = (
    _boolean("gps", "Built-in GPS", filterable=True),
    WATER_RESISTANCE,
    _integer("battery_days", "Battery life", "days", 1, 365),
    COLOUR,
    BATTERY_HEALTH_PCT,
)
_PLUG_TYPES = ("EU", "UK", "US", "AU", "CH", "multi-region")
_CHARGER_FIELDS = (
    _integer("output_w", "Output", "W", 1, 500, filterable=True),
    _text("ports", "Ports", 60),
    _boolean("gan", "GaN", filterable=True),
    _choice("plug", "Plug", _PLUG_TYPES),
)
_CONNECTORS = (
    "USB-A", "USB-C", "Micro-USB", "Lightning", "HDMI", "Mini HDMI", "Micro HDMI", "DisplayPort",
    "Mini DisplayPort", "DVI", "VGA", "RJ45", "3.5 mm", "MagSafe",
)  # fmt: skip
_CABLE_FIELDS = (
    _choice("connector_a", "Connector A", _CONNECTORS, required=True),
    _choice("connector_b", "Connector B", _CONNECTORS, required=True),
    _number("length_m", "Length", "m", 0.05, 50, filterable=True),
    _integer("max_power_w", "Max power", "W", 1, 500, filterable=True),
    _text("data_speed", "Data speed", 40),
    _boolean("braided", "Braided", filterable=True),
)
_CASE_FIELDS = (
    _text("fits", "Fits", 80),
    _text("material", "Material", 60),
    _boolean("magsafe", "MagSafe", filterable=True),
    COLOUR,
)
_POWER_BANK_FIELDS = (
    _integer("capacity_mah", "Capacity", "mAh", 100, 100_000, filterable=True),
    _integer("max_output_w", "Max output", "W", 1, 500, filterable=True),
    _text("ports", "Ports", 60),
    _boolean("wireless", "Wireless charging", filterable=True),
)
_DOCK_FIELDS = (
    _choice(
        "connection", "Connection",
        ("USB-C", "USB4", "Thunderbolt 3", "Thunderbolt 4", "Thunderbolt 5"),
    ),
    _integer("ports", "Ports", None, 1, 40),
    _integer("charging_w", "Laptop charging", "W", 0, 240),
    _integer("max_displays", "External displays", None, 0, 8, filterable=True),
    _boolean("ssd_slot", "SSD slot", filterable=True),
)  # fmt: skip
_GENERIC_FIELDS = (COLOUR, RELEASE_YEAR)


def _schema(
    label: str, fields: Iterable[SpecField], checklist: Iterable[ChecklistItem]
) -> CategorySpecs:
    return CategorySpecs(tuple(fields), tuple(checklist), label)


# slug -> (label, fields, checklist). Parents get a schema where their children are alike, so
# a new sub-category works before it gets its own; other parents fall back to the generic one.
_TABLE: dict[str, tuple[str, Iterable[SpecField], Iterable[ChecklistItem]]] = {
    "phones": ("Phones", _SMARTPHONE_FIELDS, PHONE_CHECKLIST),
    "smartphones": ("Smartphones", _SMARTPHONE_FIELDS, PHONE_CHECKLIST),
    "basic-phones": ("Basic phones", _BASIC_PHONE_FIELDS, BASIC_PHONE_CHECKLIST),
    "laptops": ("Laptops", _LAPTOP_FIELDS, LAPTOP_CHECKLIST),
    "ultrabooks": ("Ultrabooks", _LAPTOP_FIELDS, LAPTOP_CHECKLIST),
    "gaming-laptops": ("Gaming laptops", _LAPTOP_FIELDS, LAPTOP_CHECKLIST),
    "business-laptops": ("Business laptops", _LAPTOP_FIELDS, LAPTOP_CHECKLIST),
    "chromebooks": ("Chromebooks", _LAPTOP_FIELDS, LAPTOP_CHECKLIST),
    "tablets": ("Tablets", _TABLET_FIELDS, TABLET_CHECKLIST),
    "ipads": ("iPads", _TABLET_FIELDS, TABLET_CHECKLIST),
    "android-tablets": ("Android tablets", _TABLET_FIELDS, TABLET_CHECKLIST),
    "e-readers": ("E-readers", _E_READER_FIELDS, E_READER_CHECKLIST),
    "desktops": ("Desktop computers", _DESKTOP_FIELDS, DESKTOP_CHECKLIST),
    "gaming-pcs": ("Gaming PCs", _GAMING_PC_FIELDS, DESKTOP_CHECKLIST),
    "mini-pcs": ("Mini PCs", _DESKTOP_FIELDS, DESKTOP_CHECKLIST),
    "all-in-ones": ("All-in-ones", _ALL_IN_ONE_FIELDS, ALL_IN_ONE_CHECKLIST),
    "workstations": ("Workstations", _WORKSTATION_FIELDS, DESKTOP_CHECKLIST),
    "cpus": ("Processors", _CPU_FIELDS, CPU_CHECKLIST),
    "gpus": ("Graphics cards", _GPU_FIELDS, GPU_CHECKLIST),
    "ram": ("Memory", _RAM_FIELDS, RAM_CHECKLIST),
    "storage": ("Storage", _STORAGE_FIELDS, DRIVE_CHECKLIST),
    "ssds": ("SSDs", _SSD_FIELDS, DRIVE_CHECKLIST),
    "hdds": ("Hard drives", _HDD_FIELDS, DRIVE_CHECKLIST),
    "external-drives": ("External drives", _EXTERNAL_DRIVE_FIELDS, EXTERNAL_DRIVE_CHECKLIST),
    "motherboards": ("Motherboards", _MOTHERBOARD_FIELDS, MOTHERBOARD_CHECKLIST),
    "power-supplies": ("Power supplies", _PSU_FIELDS, PSU_CHECKLIST),
    "pc-cases": ("Cases", _PC_CASE_FIELDS, PC_CASE_CHECKLIST),
    "cooling": ("Cooling", _COOLING_FIELDS, COOLING_CHECKLIST),
    "monitors": ("Monitors", _MONITOR_FIELDS, MONITOR_CHECKLIST),
    "keyboards": ("Keyboards", _KEYBOARD_FIELDS, KEYBOARD_CHECKLIST),
    "mice": ("Mice", _MOUSE_FIELDS, MOUSE_CHECKLIST),
    "webcams": ("Webcams", _WEBCAM_FIELDS, WEBCAM_CHECKLIST),
    "printers": ("Printers", _PRINTER_FIELDS, PRINTER_CHECKLIST),
    "headphones": ("Headphones", _HEADPHONE_FIELDS, HEADPHONE_CHECKLIST),
    "earbuds": ("Earbuds", _EARBUD_FIELDS, EARBUD_CHECKLIST),
    "speakers": ("Speakers", _SPEAKER_FIELDS, SPEAKER_CHECKLIST),
    "microphones": ("Microphones", _MICROPHONE_FIELDS, MICROPHONE_CHECKLIST),
    "mirrorless-cameras": ("Mirrorless cameras", _CAMERA_FIELDS, CAMERA_CHECKLIST),
    "dslr-cameras": ("DSLR cameras", _CAMERA_FIELDS, CAMERA_CHECKLIST),
    "action-cameras": ("Action cameras", _ACTION_CAMERA_FIELDS, ACTION_CAMERA_CHECKLIST),
    "lenses": ("Lenses", _LENS_FIELDS, LENS_CHECKLIST),
    "drones": ("Drones", _DRONE_FIELDS, DRONE_CHECKLIST),
    "consoles": ("Consoles", _CONSOLE_FIELDS, CONSOLE_CHECKLIST),
    "handheld-consoles": ("Handheld consoles", _HANDHELD_FIELDS, HANDHELD_CHECKLIST),
    "controllers": ("Controllers", _CONTROLLER_FIELDS, CONTROLLER_CHECKLIST),
    "vr-headsets": ("VR headsets", _VR_FIELDS, VR_CHECKLIST),
    "routers": ("Routers", _ROUTER_FIELDS, NETWORK_CHECKLIST),
    "mesh-wifi": ("Mesh Wi-Fi", _MESH_FIELDS, NETWORK_CHECKLIST),
    "switches": ("Switches", _SWITCH_FIELDS, NETWORK_CHECKLIST),
    "nas": ("NAS", _NAS_FIELDS, NAS_CHECKLIST),
    "smartwatches": ("Smartwatches", _SMARTWATCH_FIELDS, WEARABLE_CHECKLIST),
    "fitness-trackers": ("Fitness trackers", _FITNESS_TRACKER_FIELDS, WEARABLE_CHECKLIST),
    "chargers": ("Chargers", _CHARGER_FIELDS, CHARGER_CHECKLIST),
    "cables": ("Cables & adapters", _CABLE_FIELDS, CABLE_CHECKLIST),
    "cases": ("Cases & covers", _CASE_FIELDS, CASE_CHECKLIST),
    "power-banks": ("Power banks", _POWER_BANK_FIELDS, POWER_BANK_CHECKLIST),
    "docks": ("Docks & hubs", _DOCK_FIELDS, DOCK_CHECKLIST),
}
_SCHEMAS = {slug: _schema(*entry) for slug, entry in _TABLE.items()}
_GENERIC = _schema("this category", _GENERIC_FIELDS, GENERIC_CHECKLIST)


def specs_for(category_slug: str, ancestor_slugs: Sequence[str] = ()) -> CategorySpecs:
    """The schema of a category: its own, else the nearest ancestor's (ancestor_slugs nearest
    first), else a generic one, so that every category always has a schema."""
    for slug in (category_slug, *ancestor_slugs):
        if slug in _SCHEMAS:
            return _SCHEMAS[slug]
    return _GENERIC


# --- Validation -----------------------------------------------------------------------------


def _bound(value: float) -> str:
    """1.0 as "1" and 0.5 as "0.5", never "1e+06"."""
    return str(int(value)) if float(value).is_integer() else str(value)


def _range_words(field: SpecField) -> str:
    low, high = field.minimum, field.maximum
    if low is not None and high is not None:
        words = f"between {_bound(low)} and {_bound(high)}"
    elif low is not None:
        words = f"of at least {_bound(low)}"
    elif high is not None:
        words = f"of at most {_bound(high)}"
    else:
        words = ""
    unit = f" ({field.unit})" if field.unit else ""
    return f"{words}{unit}".strip()


def _number_expected(field: SpecField) -> str:
    kind = "a whole number" if field.type is SpecType.INTEGER else "a number"
    return f"must be {kind} {_range_words(field)}".strip()


def _in_range(field: SpecField, value: float) -> bool:
    return (field.minimum is None or value >= field.minimum) and (
        field.maximum is None or value <= field.maximum
    )


def _canonical_choice(field: SpecField, value: str) -> str | None:
    wanted = value.strip().casefold()
    return next((choice for choice in field.choices if choice.casefold() == wanted), None)


class _Refused(ValueError):
    """A value that does not fit its field; the message says what would."""


def _check_value(field: SpecField, value: object) -> SpecValue:
    """The normalised value; raises _Refused with the reason when it does not fit."""
    match field.type:
        case SpecType.INTEGER:
            # bool is an int in Python, and True is not "1 GB"; 8.0 is not a whole-number spec.
            if type(value) is not int or not _in_range(field, value):
                raise _Refused(_number_expected(field))
            return value
        case SpecType.NUMBER:
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
                or not _in_range(field, value)
            ):
                raise _Refused(_number_expected(field))
            return value
        case SpecType.TEXT:
            if not isinstance(value, str):
                raise _Refused("must be text")
            text = " ".join(value.split())  # one line: newlines and runs of spaces collapse
            if not text or len(text) > field.max_length:
                raise _Refused(f"must be text of 1 to {field.max_length} characters")
            return text
        case SpecType.CHOICE:
            canonical = _canonical_choice(field, value) if isinstance(value, str) else None
            if canonical is None:
                raise _Refused(f"must be one of: {', '.join(field.choices)}")
            return canonical
        case SpecType.BOOLEAN:
            if not isinstance(value, bool):
                raise _Refused("must be true or false")
            return value


def validate_specs(
    schema: CategorySpecs, specs: Mapping[str, object]
) -> tuple[dict[str, SpecValue], list[SpecProblem]]:
    """The normalised specs, in the schema's order, and every problem found at once, so a
    seller fixes the whole form in one go.

    Normalising strips text, returns a choice in its canonical spelling (matched
    case-insensitively) and keeps an int an int in a number field. Refused: unknown names,
    missing required fields, a bool or a numeric string where a number is expected, a
    fraction in a whole-number field.
    """
    problems: list[SpecProblem] = []
    known = ", ".join(field.name for field in schema.fields)
    for name in specs:
        if schema.field(name) is None:
            message = f"unknown spec for {schema.label}; known: {known}"
            problems.append(SpecProblem(f"specs.{name}", message))
    normalised: dict[str, SpecValue] = {}
    for field in schema.fields:
        if field.name not in specs:
            if field.required:
                problems.append(
                    SpecProblem(f"specs.{field.name}", f"is required for {schema.label}")
                )
            continue
        try:
            normalised[field.name] = _check_value(field, specs[field.name])
        except _Refused as refused:
            problems.append(SpecProblem(f"specs.{field.name}", str(refused)))
    return normalised, problems


def validate_checklist(
    schema: CategorySpecs, checklist: Mapping[str, object]
) -> tuple[dict[str, bool], list[SpecProblem]]:
    """The ticked checklist in the schema's order, and every problem: only the category's own
    items, and only true or false (an answer like "yes" would be a guess)."""
    keys = [item.key for item in schema.checklist]
    problems: list[SpecProblem] = []
    answers: dict[str, bool] = {}
    for key, answer in checklist.items():
        if key not in keys:
            message = f"unknown checklist item for {schema.label}; known: {', '.join(keys)}"
            problems.append(SpecProblem(f"checklist.{key}", message))
        elif not isinstance(answer, bool):
            problems.append(SpecProblem(f"checklist.{key}", "must be true or false"))
        else:
            answers[key] = answer
    return {key: answers[key] for key in keys if key in answers}, problems


# --- Search filters -------------------------------------------------------------------------

_WHOLE = re.compile(r"-?\d{1,15}")
_DECIMAL = re.compile(r"-?\d{1,15}(?:\.\d{1,15})?")


def _parse_number(field: SpecField, raw: str) -> int | float:
    text = raw.strip()
    if field.type is SpecType.INTEGER:
        if not _WHOLE.fullmatch(text):
            raise ValueError(f"{field.name}: {raw!r} is not a whole number")
        return int(text)
    if not _DECIMAL.fullmatch(text):
        raise ValueError(f"{field.name}: {raw!r} is not a number")
    return float(text) if "." in text else int(text)


def parse_filter_value(field: SpecField, raw: str) -> SpecFilter:
    """The filter for ``value`` in a search query's ``spec=name:value``.

    Numbers take an exact value or a range ``low..high`` with either end left open; a
    choice is matched case-insensitively, a yes/no spec takes ``true`` or ``false``.
    """
    if not field.filterable:
        raise ValueError(f"{field.name}: {field.label} cannot be used as a search filter")
    value = raw.strip()
    if not value:
        raise ValueError(f"{field.name}: a value is missing")
    numeric = field.type in (SpecType.INTEGER, SpecType.NUMBER)
    if ".." in value:
        if not numeric:
            raise ValueError(f"{field.name}: a range only works on a number spec")
        low_text, _, high_text = value.partition("..")
        if not low_text.strip() and not high_text.strip():
            raise ValueError(f"{field.name}: a range needs at least one end, e.g. 8..32")
        low = _parse_number(field, low_text) if low_text.strip() else None
        high = _parse_number(field, high_text) if high_text.strip() else None
        if low is not None and high is not None and low > high:
            raise ValueError(f"{field.name}: the range {value} starts above its end")
        return SpecFilter(
            field.name,
            minimum=None if low is None else float(low),
            maximum=None if high is None else float(high),
        )
    equals: SpecValue
    match field.type:
        case SpecType.INTEGER | SpecType.NUMBER:
            equals = _parse_number(field, value)
        case SpecType.CHOICE:
            canonical = _canonical_choice(field, value)
            if canonical is None:
                raise ValueError(f"{field.name} must be one of: {', '.join(field.choices)}")
            equals = canonical
        case SpecType.BOOLEAN:
            if value.casefold() not in ("true", "false"):
                raise ValueError(f"{field.name} must be true or false")
            equals = value.casefold() == "true"
        case SpecType.TEXT:
            if len(value) > field.max_length:
                raise ValueError(f"{field.name}: at most {field.max_length} characters")
            equals = " ".join(value.split())
    return SpecFilter(field.name, equals=equals)


def parse_spec_filter(schema: CategorySpecs, raw: str) -> SpecFilter:
    """A search query's ``spec=name:value`` (``ram_gb:16``, ``ram_gb:8..32``, ``ram_gb:8..``,
    ``carrier_lock:unlocked``, ``5g:true``) as a filter; a ValueError says what is wrong."""
    name, separator, value = raw.partition(":")
    name = name.strip()
    filterable = ", ".join(field.name for field in schema.fields if field.filterable)
    if not separator or not name:
        raise ValueError(f"expected name:value such as ram_gb:16 or ram_gb:8..32, not {raw!r}")
    field = schema.field(name)
    if field is None:
        raise ValueError(f"unknown spec {name!r} for {schema.label}; filterable: {filterable}")
    if not field.filterable:
        raise ValueError(
            f"{name} cannot be used as a search filter for {schema.label}; filterable: {filterable}"
        )
    return parse_filter_value(field, value)
