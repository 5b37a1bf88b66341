"""The drawing kit for the demo product pictures: colours, palette and a unit-based sketch.

A :class:`Sketch` takes coordinates as fractions of the height of the product area,
measured from its centre (``u`` to the right, ``v`` down, both roughly within -0.5..0.5,
``u`` up to ±0.65). Circles stay round whatever the picture size, and each silhouette
reads as a short recipe of shapes.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PIL import ImageDraw

RGB = tuple[int, int, int]


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """The colour ``t`` of the way from ``a`` to ``b``."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def shade(colour: RGB, amount: float) -> RGB:
    """Darker for negative ``amount``, lighter for positive, as a fraction towards black/white."""
    return mix(colour, (255, 255, 255), amount) if amount > 0 else mix(colour, (0, 0, 0), -amount)


@dataclass(frozen=True)
class Palette:
    body: RGB
    accent: RGB
    screen: RGB = (18, 20, 28)
    metal: RGB = (196, 199, 204)
    gold: RGB = (212, 175, 90)
    pcb: RGB = (28, 36, 34)

    @property
    def body_dark(self) -> RGB:
        return shade(self.body, -0.35)

    @property
    def body_light(self) -> RGB:
        return shade(self.body, 0.25)

    @property
    def glow(self) -> RGB:
        return shade(self.accent, 0.45)


class Sketch:
    """Draws shapes given in product-area units onto a Pillow image."""

    def __init__(self, draw: ImageDraw.ImageDraw, centre: tuple[float, float], unit: float):
        self.draw = draw
        self.cx, self.cy = centre
        self.unit = unit

    def _x(self, u: float) -> float:
        return self.cx + u * self.unit

    def _y(self, v: float) -> float:
        return self.cy + v * self.unit

    def _box(self, u0: float, v0: float, u1: float, v1: float) -> tuple[float, float, float, float]:
        return (self._x(u0), self._y(v0), self._x(u1), self._y(v1))

    def rect(
        self,
        u0: float,
        v0: float,
        u1: float,
        v1: float,
        fill: RGB | None,
        radius: float = 0.0,
        outline: RGB | None = None,
        width: float = 0.0,
    ) -> None:
        box = self._box(u0, v0, u1, v1)
        line = max(1, round(width * self.unit)) if outline else 0
        if radius > 0:
            limit = min(box[2] - box[0], box[3] - box[1]) / 2
            self.draw.rounded_rectangle(
                box, min(radius * self.unit, limit), fill=fill, outline=outline, width=line
            )
        else:
            self.draw.rectangle(box, fill=fill, outline=outline, width=line)

    def ellipse(
        self,
        u0: float,
        v0: float,
        u1: float,
        v1: float,
        fill: RGB | None,
        outline: RGB | None = None,
        width: float = 0.0,
    ) -> None:
        line = max(1, round(width * self.unit)) if outline else 0
        self.draw.ellipse(self._box(u0, v0, u1, v1), fill=fill, outline=outline, width=line)

    def circle(
        self,
        u: float,
        v: float,
        r: float,
        fill: RGB | None,
        outline: RGB | None = None,
        width: float = 0.0,
    ) -> None:
        self.ellipse(u - r, v - r, u + r, v + r, fill, outline, width)

    def polygon(self, points: Sequence[tuple[float, float]], fill: RGB) -> None:
        self.draw.polygon([(self._x(u), self._y(v)) for u, v in points], fill=fill)

    def line(self, points: Sequence[tuple[float, float]], fill: RGB, width: float) -> None:
        self.draw.line(
            [(self._x(u), self._y(v)) for u, v in points],
            fill=fill,
            width=max(1, round(width * self.unit)),
            joint="curve",
        )

    def arc(
        self,
        u0: float,
        v0: float,
        u1: float,
        v1: float,
        start: float,
        end: float,
        fill: RGB,
        width: float,
    ) -> None:
        self.draw.arc(
            self._box(u0, v0, u1, v1),
            start,
            end,
            fill=fill,
            width=max(1, round(width * self.unit)),
        )

    def screen(self, u0: float, v0: float, u1: float, v1: float, p: Palette, radius: float) -> None:
        """A lit display: dark glass with a wash of the brand colour and a glare band."""
        self.rect(u0, v0, u1, v1, mix(p.screen, p.accent, 0.35), radius)
        w, h = u1 - u0, v1 - v0
        # Keep the straight-edged washes inside the rounded corners of the glass.
        left = u0 + max(w * 0.02, radius * 0.3)
        right = u1 - max(w * 0.02, radius * 0.3)
        top = v0 + max(h * 0.02, radius * 0.3)
        bottom = v1 - max(h * 0.02, radius * 0.3)
        self.polygon(
            [(left, bottom), (left, v0 + h * 0.55), (right, v0 + h * 0.1), (right, bottom)],
            mix(p.screen, p.accent, 0.6),
        )
        self.polygon(
            [
                (u0 + w * 0.55, top),
                (u0 + w * 0.72, top),
                (u0 + w * 0.35, bottom),
                (u0 + w * 0.18, bottom),
            ],
            mix(mix(p.screen, p.accent, 0.6), (255, 255, 255), 0.12),
        )

    def fan(self, u: float, v: float, r: float, p: Palette, blades: int = 7) -> None:
        """A fan seen from the front: frame ring, swept blades and a hub."""
        self.circle(u, v, r, shade(p.body_dark, -0.3))
        blade = shade(p.body, 0.1)
        for index in range(blades):
            angle = 2 * math.pi * index / blades
            sweep = 0.55
            points = [
                (u + r * 0.25 * math.cos(angle), v + r * 0.25 * math.sin(angle)),
                (u + r * 0.92 * math.cos(angle - 0.15), v + r * 0.92 * math.sin(angle - 0.15)),
                (
                    u + r * 0.92 * math.cos(angle + sweep),
                    v + r * 0.92 * math.sin(angle + sweep),
                ),
                (u + r * 0.3 * math.cos(angle + 0.5), v + r * 0.3 * math.sin(angle + 0.5)),
            ]
            self.polygon(points, blade)
        self.circle(u, v, r * 0.3, p.body_dark)
        self.circle(u, v, r * 0.12, p.accent)

    def lens(self, u: float, v: float, r: float, p: Palette) -> None:
        """A camera lens seen from the front, with rings and a reflection."""
        self.circle(u, v, r, shade(p.body_dark, -0.2))
        self.circle(u, v, r * 0.82, (30, 32, 38), outline=p.metal, width=r * 0.04)
        self.circle(u, v, r * 0.6, mix((12, 14, 24), p.accent, 0.35))
        self.circle(u, v, r * 0.34, mix((8, 10, 18), p.accent, 0.2))
        self.circle(u - r * 0.22, v - r * 0.22, r * 0.12, (235, 238, 245))


Silhouette = Callable[[Sketch, Palette], None]
"""Draws one device type; the picture decides where and how large."""
