"""Renders the demo product pictures locally, so seeding needs no network and no stock photos.

A picture is a soft studio backdrop tinted by the brand, a flat drawing of the device type
and the brand and model in Pillow's built-in font. Everything is derived from the listing
with stable hashes, so a listing always renders to the same bytes.
"""

import colorsys
import hashlib
import io
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from techmarket.demo.catalogue_records import DemoListing
from techmarket.demo.product_silhouettes import SILHOUETTE_BY_CATEGORY, box
from techmarket.demo.product_sketch import RGB, Palette, Silhouette, Sketch, mix

# Keyword in a listing's colour -> body colour; the first keyword found wins, so the more
# specific names come first ("midnight blue" before "midnight", "space grey" before "grey").
_BODY_COLOURS: tuple[tuple[str, RGB], ...] = (
    ("midnight blue", (38, 52, 92)),
    ("natural titanium", (172, 166, 156)),
    ("desert", (196, 170, 140)),
    ("space grey", (104, 106, 112)),
    ("space gray", (104, 106, 112)),
    ("titanium gray", (128, 130, 134)),
    ("white titanium", (226, 224, 218)),
    ("black", (42, 43, 48)),
    ("midnight", (40, 46, 60)),
    ("graphite", (70, 72, 76)),
    ("obsidian", (36, 38, 42)),
    ("charcoal", (58, 60, 64)),
    ("dark grey", (62, 64, 68)),
    ("grey", (132, 134, 138)),
    ("gray", (132, 134, 138)),
    ("starlight", (234, 228, 214)),
    ("silver", (214, 216, 220)),
    ("white", (236, 236, 238)),
    ("porcelain", (232, 228, 220)),
    ("cream", (236, 226, 200)),
    ("sandstone", (206, 190, 164)),
    ("gold", (222, 196, 140)),
    ("yellow", (240, 214, 110)),
    ("sky blue", (150, 188, 224)),
    ("blue", (64, 104, 168)),
    ("ultramarine", (84, 96, 200)),
    ("teal", (60, 140, 140)),
    ("mint", (170, 214, 190)),
    ("green", (80, 130, 96)),
    ("seafoam", (150, 200, 180)),
    ("sea", (120, 170, 180)),
    ("aloe", (150, 200, 160)),
    ("lime", (180, 220, 110)),
    ("hazel", (150, 150, 130)),
    ("purple", (118, 92, 160)),
    ("violet", (124, 96, 170)),
    ("lavender", (180, 160, 210)),
    ("pink", (236, 180, 186)),
    ("rose", (226, 170, 170)),
    ("peony", (220, 140, 170)),
    ("red", (178, 38, 50)),
    ("burgundy", (110, 30, 44)),
    ("titanium", (150, 148, 144)),
)

_DEFAULT_BODY: RGB = (58, 60, 66)
_LIGHT_BODY: RGB = (228, 229, 232)
# Without a colour in the specs: Apple hardware is mostly silver or white, and so are most
# earbud cases, chargers and mesh Wi-Fi units; everything else defaults to graphite.
_LIGHT_BY_DEFAULT_BRANDS = frozenset({"Apple"})
_LIGHT_BY_DEFAULT_CATEGORIES = frozenset({"earbuds", "chargers", "mesh-wifi"})
_TEXT: RGB = (28, 30, 36)

# Where the silhouette may go, in units of the product area (see product_sketch), and
# how much a small device may be enlarged to fill it.
_FIT_HALF_WIDTH = 0.62
_FIT_HALF_HEIGHT = 0.46
_MAX_ENLARGEMENT = 1.35


def _brand_hue(brand: str) -> float:
    """A hue in 0..1 that depends only on the brand; hashlib, as hash() varies per process."""
    digest = hashlib.sha256(brand.lower().encode()).digest()
    return int.from_bytes(digest[:2], "big") / 65536


def _hls(hue: float, lightness: float, saturation: float) -> RGB:
    red, green, blue = colorsys.hls_to_rgb(hue % 1.0, lightness, saturation)
    return (round(red * 255), round(green * 255), round(blue * 255))


def _body_colour(listing: DemoListing) -> RGB:
    named = listing.specs.get("colour")
    if isinstance(named, str):
        lowered = named.lower()
        for keyword, colour in _BODY_COLOURS:
            if keyword in lowered:
                return colour
    if (
        listing.brand in _LIGHT_BY_DEFAULT_BRANDS
        or listing.category_slug in _LIGHT_BY_DEFAULT_CATEGORIES
    ):
        return _LIGHT_BODY
    return _DEFAULT_BODY


@lru_cache(maxsize=64)
def _extent(silhouette: Silhouette) -> tuple[float, float, float, float]:
    """The box a silhouette covers, in product-area units, found by drawing it once.

    Measuring instead of declaring keeps the drawings free to change: the picture centres
    and scales whatever a silhouette draws, and puts the floor shadow right under it.
    """
    unit, size = 200, (440, 360)
    blank: RGB = (1, 2, 3)
    canvas = Image.new("RGB", size, blank)
    centre = (size[0] / 2, size[1] / 2)
    silhouette(Sketch(ImageDraw.Draw(canvas), centre, unit), Palette((90, 90, 90), (90, 90, 90)))
    bbox = ImageChops.difference(canvas, Image.new("RGB", size, blank)).getbbox()
    if bbox is None:
        return (-0.5, -0.5, 0.5, 0.5)
    return (
        (bbox[0] - centre[0]) / unit,
        (bbox[1] - centre[1]) / unit,
        (bbox[2] - centre[0]) / unit,
        (bbox[3] - centre[1]) / unit,
    )


def _backdrop(
    width: int, height: int, hue: float, shadow_box: tuple[int, int, int, int]
) -> Image.Image:
    """A vertical studio gradient with a soft floor shadow.

    The gradient is one pixel wide stretched sideways and the shadow is blurred at a
    quarter of the size and only over its own area: both cost a few milliseconds where a
    full-size blur would cost more than the whole rest of the picture.
    """
    top = _hls(hue, 0.95, 0.38)
    bottom = _hls(hue + 0.03, 0.8, 0.3)
    steps = 64
    strip = Image.new("RGB", (1, steps))
    strip.putdata([mix(top, bottom, (step / (steps - 1)) ** 1.4) for step in range(steps)])
    strip = strip.resize((1, height), Image.Resampling.BILINEAR)
    image = strip.resize((width, height), Image.Resampling.NEAREST)

    x0, y0, x1, y1 = shadow_box
    margin = (y1 - y0) // 2 + 8
    region = (x0 - margin, y0 - margin, x1 + margin, y1 + margin)
    small_size = ((region[2] - region[0]) // 4, (region[3] - region[1]) // 4)
    mask = Image.new("L", small_size, 0)
    ImageDraw.Draw(mask).ellipse(
        (margin // 4, margin // 4, small_size[0] - margin // 4, small_size[1] - margin // 4),
        fill=120,
    )
    mask = mask.filter(ImageFilter.GaussianBlur(margin / 10)).resize(
        (region[2] - region[0], region[3] - region[1]), Image.Resampling.BILINEAR
    )
    image.paste(_hls(hue, 0.25, 0.25), region[:2], mask)
    return image


@lru_cache(maxsize=32)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _fitted_font(
    text: str, size: int, max_width: float
) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The largest font up to ``size`` in which ``text`` fits ``max_width``."""
    while size > 12 and _font(size).getlength(text) > max_width:
        size -= 2
    return _font(size)


def _png_bytes(image: Image.Image) -> bytes:
    """PNG at zlib level 1: the picture is re-encoded as WebP right after, so speed wins."""
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()


def render_product_image(listing: DemoListing, width: int = 1200, height: int = 900) -> bytes:
    """PNG bytes: a clean product 'photo' of the listing.

    A soft gradient backdrop whose hue comes from the brand, a flat silhouette of the device
    type chosen by category (a plain box when the category has none), and the brand and
    model written underneath. Deterministic: the same listing gives the same bytes.
    """
    hue = _brand_hue(listing.brand)
    silhouette = SILHOUETTE_BY_CATEGORY.get(listing.category_slug, box)
    u0, v0, u1, v1 = _extent(silhouette)
    area_unit = min(height * 0.66, width * 0.62)
    scale = min(2 * _FIT_HALF_WIDTH / (u1 - u0), 2 * _FIT_HALF_HEIGHT / (v1 - v0), _MAX_ENLARGEMENT)
    unit = area_unit * scale
    centre = (width / 2 - (u0 + u1) / 2 * unit, height * 0.39 - (v0 + v1) / 2 * unit)
    floor = round(centre[1] + v1 * unit)
    shadow_half_width = (u1 - u0) / 2 * unit * 0.9
    shadow_box = (
        round(width / 2 - shadow_half_width),
        floor - round(area_unit * 0.02),
        round(width / 2 + shadow_half_width),
        floor + round(area_unit * 0.05),
    )
    image = _backdrop(width, height, hue, shadow_box)
    draw = ImageDraw.Draw(image)
    palette = Palette(body=_body_colour(listing), accent=_hls(hue, 0.52, 0.62))
    silhouette(Sketch(draw, centre, unit), palette)

    text_width = width * 0.86
    brand_font = _fitted_font(listing.brand.upper(), max(12, round(height * 0.035)), text_width)
    model_font = _fitted_font(listing.model, max(14, round(height * 0.062)), text_width)
    draw.text(
        (width / 2, height * 0.835),
        listing.brand.upper(),
        font=brand_font,
        fill=_hls(hue, 0.3, 0.35),
        anchor="mm",
    )
    draw.text((width / 2, height * 0.9), listing.model, font=model_font, fill=_TEXT, anchor="mm")
    return _png_bytes(image)
