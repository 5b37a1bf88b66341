"""Turns the compact rows of the area tables into finished demo listings.

Rows state only what is particular to a listing; the wording about condition, battery
and shipping is added here so that all areas read alike, and so that a mistake in a row
(an unknown condition, options that do not add up) fails at import rather than in a demo.
"""

import random
import re
from collections.abc import Sequence

from techmarket.demo.catalogue_records import DemoListing, DemoOption, SpecValue

CONDITIONS = ("new", "like_new", "good", "fair", "for_parts")

OptionRow = tuple[str, int, int]
"""An option as (name, price in cents, quantity)."""

_CONDITION_NOTES: dict[str, tuple[str, ...]] = {
    "new": (
        "Brand new and factory sealed, with the full manufacturer warranty.",
        "New in the original shrink-wrapped box; it was bought as a spare and never opened.",
        "Unopened retail stock, sold with the receipt for the warranty.",
    ),
    "like_new": (
        "Used for only a few weeks and in mint condition, without a single visible mark.",
        "Like new: no scratches or scuffs, boxed with all the original accessories.",
        "Barely used and looked after carefully; it is hard to tell from a new one.",
        "Returned within the trial period, checked by us and as good as new.",
    ),
    "good": (
        "Light signs of use: a few fine marks that only show under direct light.",
        "Works perfectly, with minor scuffs on the edges from normal use.",
        "Fully tested and working, with some light wear consistent with normal use.",
        "In good working order; the finish shows small marks but nothing deep.",
    ),
    "fair": (
        "Fully functional but clearly used, with noticeable scratches and a small dent.",
        "Works as it should, although the finish shows heavy wear and several scuffs.",
        "Cosmetically rough with visible scratches, but fully tested and working.",
    ),
}

_CLOSING_NOTES = (
    "Ships within two working days, tracked and insured.",
    "Comes with a 12-month seller warranty.",
    "Original box included.",
    "Collection in person is welcome as well.",
    "Invoice with VAT shown is available on request.",
)

_AS_IS_NOTE = "Sold as-is for parts or repair, so no returns."

_BATTERY_HEALTH_RANGE = {"like_new": (95, 100), "good": (85, 93), "fair": (76, 84)}

_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _sentence_count(text: str) -> int:
    return len(_SENTENCE_END.findall(text))


def make_listing(
    seller_key: str,
    category_slug: str,
    brand: str,
    model: str,
    condition: str,
    price: int = 0,
    *,
    about: str,
    specs: dict[str, SpecValue],
    variant: str = "",
    quantity: int = 1,
    options: Sequence[OptionRow] = (),
    wear: str = "",
    fault: str = "",
    has_battery: bool = False,
    battery_health: int | None = None,
    featured: bool = False,
) -> DemoListing:
    """Build one listing priced in EUR; the catalogue converts it to the seller's currency.

    ``about`` says what the item is, ``wear`` replaces the stock sentence about its
    condition and ``fault`` is required for ``for_parts`` items. With ``options`` the price
    and stock come from the options, so ``price`` and ``quantity`` are left out.
    """
    # "OnePlus 12" already names its brand; "Apple iPhone 13" does not.
    name = model if model.startswith(brand) else f"{brand} {model}"
    title = f"{name} {variant}".strip()
    if condition not in CONDITIONS:
        raise ValueError(f"{title}: unknown condition {condition!r}")
    if (condition == "for_parts") != bool(fault):
        raise ValueError(f"{title}: a fault is given exactly when the item is for parts")
    # Seeded by the title, so each listing's wording stays put when rows are added or moved.
    rng = random.Random(title)

    listing_specs = dict(specs)
    sentences = [about]
    if condition == "for_parts":
        sentences += [fault, _AS_IS_NOTE]
    else:
        sentences.append(wear or rng.choice(_CONDITION_NOTES[condition]))
        if has_battery and condition != "new":
            low, high = _BATTERY_HEALTH_RANGE[condition]
            health = battery_health if battery_health is not None else rng.randint(low, high)
            listing_specs["battery_health_pct"] = health
            # Several units in stock cannot share one reading; the figure is their floor.
            several_units = sum(stock for _, _, stock in options) > 1 or quantity > 1
            sentences.append(
                f"Every unit has at least {health}% battery health."
                if several_units
                else f"Battery health is at {health}%."
            )
        closing = rng.choice(_CLOSING_NOTES)
        if _sentence_count(" ".join([*sentences, closing])) <= 4:
            sentences.append(closing)
    description = " ".join(sentences)
    if not 2 <= _sentence_count(description) <= 4:
        raise ValueError(f"{title}: description needs 2 to 4 sentences: {description!r}")

    demo_options = tuple(
        DemoOption(name, option_price, stock) for name, option_price, stock in options
    )
    if demo_options:
        price = min(option.price for option in demo_options)
        quantity = sum(option.quantity for option in demo_options)
    if price <= 0 or quantity < 1:
        raise ValueError(f"{title}: price and quantity must be positive")

    return DemoListing(
        seller_key=seller_key,
        category_slug=category_slug,
        title=title,
        brand=brand,
        model=model,
        condition=condition,
        price=price,
        currency="EUR",
        quantity=quantity,
        description=description,
        specs=listing_specs,
        options=demo_options,
        featured=featured,
    )
