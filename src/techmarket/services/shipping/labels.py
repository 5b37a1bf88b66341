"""A printable 4 x 6 inch shipping label (PNG, 203 dpi like thermal label printers).

The sandbox carrier draws it the way a real one returns it: sender, recipient, service, tracking
number in large type and a barcode-like pattern made from the number (Code 128's look without
its encoding, which a sandbox does not need). Pillow draws it; no other dependency.
"""

from __future__ import annotations

import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

from techmarket.services.shipping.carriers.base import Address

WIDTH, HEIGHT = 812, 1218
MEDIA_TYPE = "image/png"


FONT_FILES = ("DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
"""A system font with the letters of European addresses (ß, ø, ł…) when one is installed."""


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in FONT_FILES:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _address_lines(address: Address) -> list[str]:
    lines = [address.name, address.line1]
    if address.line2:
        lines.append(address.line2)
    lines.append(" ".join(part for part in (address.postal_code, address.city) if part))
    if address.region:
        lines.append(address.region)
    lines.append(address.country)
    return lines


def _barcode(draw: ImageDraw.ImageDraw, number: str, top: int, height: int) -> None:
    """Bars whose widths follow a hash of the number: stable for one number, distinct between
    numbers, recognisably a barcode on paper."""
    bits = hashlib.sha256(number.encode()).digest() * 2
    x = 60
    for byte in bits:
        for pair in (byte & 0b1111, byte >> 4):
            bar, gap = (pair & 0b11) + 1, (pair >> 2) + 1
            if x + bar * 3 > WIDTH - 60:
                return
            draw.rectangle((x, top, x + bar * 3 - 1, top + height), fill=0)
            x += (bar + gap) * 3


def render_label(
    *,
    tracking_number: str,
    service: str,
    sender: Address,
    recipient: Address,
    weight_grams: int,
    carrier_name: str = "TechMarket Sandbox Carrier",
) -> bytes:
    image = Image.new("L", (WIDTH, HEIGHT), color=255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, WIDTH - 10, HEIGHT - 10), outline=0, width=4)
    draw.text((40, 40), carrier_name.upper(), font=_font(34), fill=0)
    draw.text(
        (40, 90), f"{service.upper()}  ·  {weight_grams / 1000:.2f} kg", font=_font(30), fill=0
    )
    draw.line((10, 150, WIDTH - 10, 150), fill=0, width=4)
    draw.text((40, 170), "FROM", font=_font(24), fill=0)
    for row, line in enumerate(_address_lines(sender)):
        draw.text((40, 205 + row * 32), line, font=_font(26), fill=0)
    draw.line((10, 420, WIDTH - 10, 420), fill=0, width=4)
    draw.text((40, 440), "SHIP TO", font=_font(28), fill=0)
    for row, line in enumerate(_address_lines(recipient)):
        draw.text((40, 485 + row * 46), line, font=_font(40), fill=0)
    draw.line((10, 820, WIDTH - 10, 820), fill=0, width=4)
    _barcode(draw, tracking_number, 860, 200)
    draw.text((60, 1090), tracking_number, font=_font(52), fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
