"""The demo catalogue: sellers and their listings, as plain deterministic data.

The listings are written per area in the ``catalogue_*`` modules, priced in euros; this
module puts them together and converts the few non-euro sellers to their own currency.
"""

from dataclasses import replace

from techmarket.demo.catalogue_accessories import accessory_listings
from techmarket.demo.catalogue_audio import audio_listings
from techmarket.demo.catalogue_business_laptops import business_laptop_listings
from techmarket.demo.catalogue_cameras import camera_listings
from techmarket.demo.catalogue_cases_power_cooling import cases_power_cooling_listings
from techmarket.demo.catalogue_components import component_listings
from techmarket.demo.catalogue_desktops import desktop_listings
from techmarket.demo.catalogue_gaming import gaming_listings
from techmarket.demo.catalogue_laptops import laptop_listings
from techmarket.demo.catalogue_networking import networking_listings
from techmarket.demo.catalogue_peripherals import peripheral_listings
from techmarket.demo.catalogue_phones import phone_listings
from techmarket.demo.catalogue_records import DemoListing, DemoOption, DemoSeller, SpecValue
from techmarket.demo.catalogue_storage import storage_listings
from techmarket.demo.catalogue_tablets import tablet_listings
from techmarket.demo.catalogue_wearables import wearable_listings

__all__ = ["DemoListing", "DemoOption", "DemoSeller", "SpecValue", "demo_listings", "demo_sellers"]

_DEMO_EMAIL_DOMAIN = "demo.techmarket.test"

# key, display name, store name, city, country
_SELLERS = (
    ("pixelperfect", "Lena Hoffmann", "Pixel Perfect Phones", "Berlin", "DE"),
    ("laptoplounge", "Daan de Vries", "Laptop Lounge", "Utrecht", "NL"),
    ("chipandboard", "Marek Nowak", "Chip & Board", "Kraków", "PL"),
    ("framerate", "Tom Fletcher", "Frame Rate Hardware", "Manchester", "GB"),
    ("bytebazaar", "Camille Laurent", "Byte Bazaar", "Lyon", "FR"),
    ("nordicaudio", "Elin Lindqvist", "Nordic Audio Exchange", "Stockholm", "SE"),
    ("lenslight", "Giulia Romano", "Lens & Light", "Milan", "IT"),
    ("respawn", "Javier Ortega", "Respawn Games", "Madrid", "ES"),
    ("netnest", "Sophie Peeters", "NetNest", "Ghent", "BE"),
    ("deskcraft", "Florian Gruber", "Deskcraft", "Vienna", "AT"),
    ("wristwise", "Aoife Byrne", "Wristwise", "Dublin", "IE"),
    ("refurbhub", "Marcus Reed", "Refurb Hub", "Austin", "US"),
    ("storagestack", "Jonas Weber", "Storage Stack", "Hamburg", "DE"),
    ("plugandcharge", "Rui Almeida", "Plug & Charge", "Porto", "PT"),
    ("towerandcube", "Aino Virtanen", "Tower & Cube", "Helsinki", "FI"),
)

# Sellers outside the euro area price in their own currency; everyone else sells in EUR.
_SELLER_CURRENCY = {"framerate": "GBP", "refurbhub": "USD"}

# Rough rates, only so that converted demo prices look like what such a shop would ask.
_EUR_RATE = {"GBP": 0.86, "USD": 1.08}


def demo_sellers() -> list[DemoSeller]:
    """The demo shops, one per area of the catalogue and spread over Europe and the US."""
    return [
        DemoSeller(
            key=key,
            display_name=display_name,
            email=f"{key}@{_DEMO_EMAIL_DOMAIN}",
            store_name=store_name,
            city=city,
            country=country,
        )
        for key, display_name, store_name, city, country in _SELLERS
    ]


def _convert_price(eur_cents: int, currency: str) -> int:
    """Convert and round the way shops price: 1,199.00 above a hundred, 10.99 or 11.00 below."""
    whole_units = max(1, round(eur_cents * _EUR_RATE[currency] / 100))
    if whole_units >= 100:
        return (round(whole_units / 10) * 10 - 1) * 100
    return whole_units * 100 - 1 if eur_cents % 100 == 99 else whole_units * 100


def _in_seller_currency(listing: DemoListing) -> DemoListing:
    currency = _SELLER_CURRENCY.get(listing.seller_key, "EUR")
    if currency == "EUR":
        return listing
    options = tuple(
        replace(option, price=_convert_price(option.price, currency)) for option in listing.options
    )
    price = (
        min(option.price for option in options)
        if options
        else _convert_price(listing.price, currency)
    )
    return replace(listing, currency=currency, price=price, options=options)


def demo_listings() -> list[DemoListing]:
    """Every demo listing, in a fixed order, priced in its seller's currency."""
    listings = [
        *phone_listings(),
        *laptop_listings(),
        *business_laptop_listings(),
        *tablet_listings(),
        *desktop_listings(),
        *component_listings(),
        *storage_listings(),
        *cases_power_cooling_listings(),
        *peripheral_listings(),
        *audio_listings(),
        *camera_listings(),
        *gaming_listings(),
        *networking_listings(),
        *wearable_listings(),
        *accessory_listings(),
    ]
    return [_in_seller_currency(listing) for listing in listings]
