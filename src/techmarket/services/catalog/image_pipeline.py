"""Turns an uploaded picture into the WebP sizes the catalog serves.

The bytes are decoded with Pillow to prove they are an image (a declared content type proves
nothing); metadata such as EXIF GPS positions is dropped because only pixels are re-encoded.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from techmarket.services.catalog.errors import InvalidImage

ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
MAX_PIXELS = 40_000_000
MAX_UPLOAD_BYTES = 10_000_000
SIZES: dict[str, tuple[int, int]] = {
    "thumbnail": (240, 240),
    "card": (640, 480),
    "full": (1600, 1200),
}


@dataclass(frozen=True)
class RenderedImage:
    size: str
    data: bytes


def render_sizes(data: bytes) -> list[RenderedImage]:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise InvalidImage(
                    f"{probe.format} images are not accepted; use JPEG, PNG or WebP."
                )
            if probe.width * probe.height > MAX_PIXELS:
                raise InvalidImage(f"The image has more than {MAX_PIXELS // 1_000_000} megapixels.")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image).convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise InvalidImage("The file could not be read as a JPEG, PNG or WebP image.") from error

    rendered = []
    for size, box in SIZES.items():
        copy = upright.copy()
        copy.thumbnail(box, Image.Resampling.LANCZOS)
        out = io.BytesIO()
        copy.save(out, format="WEBP", quality=82, method=4)
        rendered.append(RenderedImage(size=size, data=out.getvalue()))
    return rendered
