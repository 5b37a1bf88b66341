"""The demo catalogue is what a fresh install shows first, so its data must hold together."""

import io
import re
from collections import Counter, defaultdict

import pytest
from PIL import Image

from techmarket.demo.catalogue import DemoListing, demo_listings, demo_sellers
from techmarket.demo.product_images import render_product_image

LEAF_CATEGORY_SLUGS = {
    "smartphones", "basic-phones", "ultrabooks", "gaming-laptops", "business-laptops",
    "chromebooks", "ipads", "android-tablets", "e-readers", "gaming-pcs", "mini-pcs",
    "all-in-ones", "workstations", "cpus", "gpus", "ram", "ssds", "hdds", "external-drives",
    "motherboards", "power-supplies", "pc-cases", "cooling", "monitors", "keyboards", "mice",
    "webcams", "printers", "headphones", "earbuds", "speakers", "microphones",
    "mirrorless-cameras", "dslr-cameras", "action-cameras", "lenses", "drones", "consoles",
    "handheld-consoles", "controllers", "vr-headsets", "routers", "mesh-wifi", "switches", "nas",
    "smartwatches", "fitness-trackers", "chargers", "cables", "cases", "power-banks", "docks",
}  # fmt: skip
CONDITIONS = {"new", "like_new", "good", "fair", "for_parts"}
SNAKE_CASE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


@pytest.fixture(scope="module")
def listings() -> list[DemoListing]:
    return demo_listings()


def _first_in(listings: list[DemoListing], category_slug: str) -> DemoListing:
    return next(listing for listing in listings if listing.category_slug == category_slug)


def test_catalogue_is_large_enough_to_browse(listings: list[DemoListing]) -> None:
    assert len(listings) >= 220
    assert len(demo_sellers()) >= 12


def test_sellers_are_unique_demo_accounts_in_several_countries() -> None:
    sellers = demo_sellers()
    assert len({seller.key for seller in sellers}) == len(sellers)
    assert all(seller.email == f"{seller.key}@demo.techmarket.test" for seller in sellers)
    assert all(re.fullmatch(r"[A-Z]{2}", seller.country) for seller in sellers)
    assert len({seller.country for seller in sellers}) >= 10


def test_every_listing_belongs_to_a_known_seller(listings: list[DemoListing]) -> None:
    seller_keys = {seller.key for seller in demo_sellers()}
    assert {listing.seller_key for listing in listings} <= seller_keys


def test_every_seller_has_listings(listings: list[DemoListing]) -> None:
    assert {listing.seller_key for listing in listings} == {s.key for s in demo_sellers()}


def test_every_leaf_category_is_used_and_no_other(listings: list[DemoListing]) -> None:
    assert {listing.category_slug for listing in listings} == LEAF_CATEGORY_SLUGS


def test_every_condition_is_used_and_no_other(listings: list[DemoListing]) -> None:
    counts = Counter(listing.condition for listing in listings)
    assert set(counts) == CONDITIONS
    assert counts["for_parts"] >= 5
    assert counts["like_new"] + counts["good"] > counts["new"]


def test_titles_are_unique(listings: list[DemoListing]) -> None:
    titles = Counter(listing.title for listing in listings)
    assert [title for title, count in titles.items() if count > 1] == []


def test_prices_and_stock_are_positive_integers(listings: list[DemoListing]) -> None:
    for listing in listings:
        assert type(listing.price) is int, listing.title
        assert listing.price > 0, listing.title
        assert type(listing.quantity) is int, listing.title
        assert listing.quantity >= 1, listing.title


def test_options_add_up_to_the_listing(listings: list[DemoListing]) -> None:
    with_options = [listing for listing in listings if listing.options]
    assert 0.2 <= len(with_options) / len(listings) <= 0.4
    for listing in with_options:
        assert sum(option.quantity for option in listing.options) == listing.quantity
        assert min(option.price for option in listing.options) == listing.price
        assert len({option.name for option in listing.options}) == len(listing.options)
        assert all(type(option.price) is int and option.price > 0 for option in listing.options)


def test_currency_is_an_iso_code_and_fixed_per_seller(listings: list[DemoListing]) -> None:
    currencies: defaultdict[str, set[str]] = defaultdict(set)
    for listing in listings:
        assert re.fullmatch(r"[A-Z]{3}", listing.currency), listing.title
        currencies[listing.seller_key].add(listing.currency)
    assert all(len(found) == 1 for found in currencies.values())
    assert {currency for found in currencies.values() for currency in found} >= {"EUR", "USD"}


def test_featured_listings_are_a_spread_out_few(listings: list[DemoListing]) -> None:
    featured = [listing for listing in listings if listing.featured]
    assert 16 <= len(featured) <= 40
    assert len({listing.category_slug for listing in featured}) >= 12
    assert len({listing.seller_key for listing in featured}) >= 8


def test_specs_have_snake_case_keys_and_plain_values(listings: list[DemoListing]) -> None:
    for listing in listings:
        assert listing.specs, listing.title
        for key, value in listing.specs.items():
            assert SNAKE_CASE.match(key), (listing.title, key)
            assert isinstance(value, str | int | float | bool), (listing.title, key)


def test_battery_health_only_on_used_items(listings: list[DemoListing]) -> None:
    for listing in listings:
        if "battery_health_pct" in listing.specs:
            assert listing.condition != "new", listing.title
            assert 50 <= int(listing.specs["battery_health_pct"]) <= 100, listing.title


def test_descriptions_have_two_to_four_sentences(listings: list[DemoListing]) -> None:
    for listing in listings:
        assert 2 <= len(SENTENCE_END.findall(listing.description)) <= 4, listing.title


def test_prices_are_in_a_believable_range(listings: list[DemoListing]) -> None:
    by_title = {listing.title: listing for listing in listings}
    iphone = by_title["Apple iPhone 13 128 GB Midnight"]
    assert (iphone.currency, 30000 <= iphone.price <= 45000) == ("EUR", True)
    # Sold from the UK, so in pounds: about 1,460 GBP for a like-new card.
    rtx_4090 = by_title["NVIDIA GeForce RTX 4090 Founders Edition"]
    assert (rtx_4090.currency, 130000 <= rtx_4090.price <= 200000) == ("GBP", True)
    assert all(99 <= listing.price <= 500000 for listing in listings)


def test_catalogue_is_deterministic() -> None:
    assert demo_listings() == demo_listings()


def test_product_image_is_a_png_of_the_requested_size(listings: list[DemoListing]) -> None:
    picture = render_product_image(listings[0], width=640, height=480)
    assert picture.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(picture)) as image:
        image.load()
        assert image.format == "PNG"
        assert image.size == (640, 480)


def test_product_image_defaults_to_1200_by_900(listings: list[DemoListing]) -> None:
    with Image.open(io.BytesIO(render_product_image(listings[-1]))) as image:
        assert image.size == (1200, 900)


def test_product_image_is_the_same_for_the_same_listing(listings: list[DemoListing]) -> None:
    listing = _first_in(listings, "gpus")
    assert render_product_image(listing) == render_product_image(listing)


def test_product_images_differ_between_categories(listings: list[DemoListing]) -> None:
    phone = _first_in(listings, "smartphones")
    laptop = _first_in(listings, "ultrabooks")
    # Same brand and model text, so only the drawn device can tell the pictures apart.
    as_laptop = DemoListing(**{**phone.__dict__, "category_slug": laptop.category_slug})
    assert render_product_image(phone) != render_product_image(as_laptop)
    assert render_product_image(phone) != render_product_image(laptop)


def test_every_category_renders(listings: list[DemoListing]) -> None:
    for slug in sorted(LEAF_CATEGORY_SLUGS):
        picture = render_product_image(_first_in(listings, slug), width=240, height=180)
        with Image.open(io.BytesIO(picture)) as image:
            image.load()
            assert image.size == (240, 180)
