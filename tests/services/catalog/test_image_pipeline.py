"""Uploaded pictures are proven to be images, stripped of metadata and stored as WebP sizes."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from techmarket.services.catalog.errors import InvalidImage
from techmarket.services.catalog.image_pipeline import SIZES, render_sizes
from tests.images import GPS_IFD, jpeg_with_gps, png


def test_the_test_picture_really_carries_gps() -> None:
    with Image.open(io.BytesIO(jpeg_with_gps())) as image:
        assert GPS_IFD in image.getexif()


def test_every_size_is_webp_within_its_box_and_without_exif() -> None:
    rendered = render_sizes(jpeg_with_gps(2000, 1500))
    assert [r.size for r in rendered] == list(SIZES)
    for item in rendered:
        with Image.open(io.BytesIO(item.data)) as image:
            assert image.format == "WEBP"
            box = SIZES[item.size]
            assert image.width <= box[0] and image.height <= box[1]
            assert max(image.width / box[0], image.height / box[1]) == pytest.approx(1, abs=0.01)
            assert not image.getexif()
            assert "exif" not in image.info


def test_small_pictures_are_not_upscaled() -> None:
    full = next(r for r in render_sizes(png(320, 240)) if r.size == "full")
    with Image.open(io.BytesIO(full.data)) as image:
        assert image.size == (320, 240)


@pytest.mark.parametrize(
    "data",
    [b"", b"GIF89a" + b"\0" * 64, b"<svg xmlns='http://www.w3.org/2000/svg'/>", png()[:100]],
    ids=["empty", "gif-header", "svg", "truncated-png"],
)
def test_anything_but_a_whole_jpeg_png_or_webp_is_refused(data: bytes) -> None:
    with pytest.raises(InvalidImage):
        render_sizes(data)


def test_gif_is_refused_even_when_valid() -> None:
    out = io.BytesIO()
    Image.new("P", (10, 10)).save(out, format="GIF")
    with pytest.raises(InvalidImage, match="GIF"):
        render_sizes(out.getvalue())
