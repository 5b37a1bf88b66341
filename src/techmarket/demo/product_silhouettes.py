"""Flat drawings of device types, the subject of the demo product pictures.

Each function draws one device type with the shapes of a :class:`Sketch`, in product-area
units; ``SILHOUETTE_BY_CATEGORY`` says which drawing a leaf category gets.
"""

from techmarket.demo.product_sketch import Palette, Silhouette, Sketch, mix, shade


def phone(s: Sketch, p: Palette) -> None:
    # The back with its camera bump, then the front with its screen, overlapping.
    s.rect(0.0, -0.44, 0.4, 0.44, p.body_dark, radius=0.07)
    s.rect(0.008, -0.435, 0.392, 0.435, p.body, radius=0.065)
    s.rect(0.04, -0.4, 0.22, -0.22, shade(p.body, -0.12), radius=0.04)
    for lu, lv in ((0.085, -0.355), (0.175, -0.31), (0.085, -0.265)):
        s.circle(lu, lv, 0.032, (24, 25, 30), outline=p.metal, width=0.006)
    s.circle(0.2, -0.37, 0.012, (250, 240, 200))
    s.rect(-0.38, -0.47, 0.04, 0.47, p.body_dark, radius=0.07)
    s.rect(-0.372, -0.462, 0.032, 0.462, (10, 10, 14), radius=0.064)
    s.screen(-0.356, -0.446, 0.016, 0.446, p, radius=0.05)
    s.rect(-0.215, -0.43, -0.125, -0.405, (5, 5, 8), radius=0.02)


def basic_phone(s: Sketch, p: Palette) -> None:
    s.rect(-0.16, -0.46, 0.16, 0.46, p.body_dark, radius=0.06)
    s.rect(-0.152, -0.452, 0.152, 0.452, p.body, radius=0.055)
    s.rect(-0.11, -0.38, 0.11, -0.08, (12, 12, 16), radius=0.01)
    s.screen(-0.1, -0.37, 0.1, -0.09, p, radius=0.005)
    s.rect(-0.05, -0.06, 0.05, 0.0, p.body_light, radius=0.03)
    for row in range(4):
        for col in range(3):
            u = -0.09 + col * 0.065
            v = 0.04 + row * 0.09
            s.rect(u - 0.027, v - 0.03, u + 0.027, v + 0.03, p.body_light, radius=0.015)


def laptop(s: Sketch, p: Palette) -> None:
    s.rect(-0.5, -0.42, 0.5, 0.22, p.body_dark, radius=0.03)
    s.rect(-0.49, -0.41, 0.49, 0.21, (12, 12, 16), radius=0.025)
    s.screen(-0.465, -0.385, 0.465, 0.19, p, radius=0.008)
    s.polygon([(-0.58, 0.22), (0.58, 0.22), (0.64, 0.29), (-0.64, 0.29)], p.body)
    s.rect(-0.64, 0.285, 0.64, 0.305, p.body_dark, radius=0.01)
    s.rect(-0.09, 0.22, 0.09, 0.24, p.body_dark, radius=0.01)


def tablet(s: Sketch, p: Palette) -> None:
    s.rect(-0.52, -0.36, 0.52, 0.34, p.body_dark, radius=0.06)
    s.rect(-0.51, -0.35, 0.51, 0.33, (14, 14, 18), radius=0.055)
    s.screen(-0.475, -0.315, 0.475, 0.295, p, radius=0.02)
    s.rect(-0.34, 0.4, 0.3, 0.435, (238, 238, 240), radius=0.017)
    s.polygon([(0.3, 0.4), (0.36, 0.4175), (0.3, 0.435)], (200, 200, 205))


def e_reader(s: Sketch, p: Palette) -> None:
    s.rect(-0.27, -0.46, 0.27, 0.46, p.body_dark, radius=0.04)
    s.rect(-0.26, -0.45, 0.26, 0.45, p.body, radius=0.035)
    s.rect(-0.22, -0.4, 0.22, 0.38, (232, 231, 224), radius=0.01)
    for index in range(12):
        v = -0.34 + index * 0.055
        right = 0.17 if index % 4 != 3 else 0.02
        s.rect(-0.17, v, right, v + 0.014, (150, 150, 146))


def tower(s: Sketch, p: Palette) -> None:
    s.rect(-0.28, -0.47, 0.28, 0.44, shade(p.body_dark, -0.2), radius=0.02)
    s.rect(-0.25, -0.44, 0.25, 0.41, mix((20, 22, 28), p.accent, 0.15), radius=0.01)
    s.rect(-0.22, -0.38, 0.03, -0.06, (38, 40, 46))
    s.rect(-0.13, -0.3, -0.03, -0.18, p.metal, radius=0.01)
    s.rect(-0.22, 0.0, 0.05, 0.08, (46, 48, 56), radius=0.01)
    s.rect(-0.22, 0.075, 0.05, 0.085, p.accent)
    s.rect(-0.22, 0.26, 0.05, 0.38, (30, 32, 38), radius=0.01)
    for v in (-0.26, -0.02, 0.22):
        s.circle(0.15, v, 0.085, p.glow)
        s.fan(0.15, v, 0.075, p, blades=5)
    s.rect(-0.26, 0.44, -0.18, 0.47, (20, 20, 24))
    s.rect(0.18, 0.44, 0.26, 0.47, (20, 20, 24))


def mini_pc(s: Sketch, p: Palette) -> None:
    top, front, side = p.body, shade(p.body, -0.14), shade(p.body, -0.32)
    s.polygon([(-0.42, -0.06), (0.26, -0.06), (0.4, 0.06), (-0.28, 0.06)], top)
    s.polygon([(-0.28, 0.06), (0.4, 0.06), (0.4, 0.22), (-0.28, 0.22)], front)
    s.polygon([(-0.42, -0.06), (-0.28, 0.06), (-0.28, 0.22), (-0.42, 0.1)], side)
    s.rect(-0.24, 0.215, 0.36, 0.235, shade(p.body, -0.5), radius=0.01)
    s.circle(0.33, 0.14, 0.012, p.glow)
    for index in range(2):
        u = -0.2 + index * 0.07
        s.rect(u, 0.12, u + 0.045, 0.155, (30, 30, 34), radius=0.012)


def monitor(s: Sketch, p: Palette) -> None:
    s.rect(-0.05, 0.1, 0.05, 0.4, p.metal)
    s.rect(-0.22, 0.38, 0.22, 0.43, shade(p.metal, -0.1), radius=0.02)
    s.rect(-0.6, -0.44, 0.6, 0.2, (16, 16, 20), radius=0.015)
    s.screen(-0.585, -0.425, 0.585, 0.185, p, radius=0.004)


def all_in_one(s: Sketch, p: Palette) -> None:
    s.polygon([(-0.08, 0.2), (0.08, 0.2), (0.12, 0.42), (-0.12, 0.42)], p.body)
    s.rect(-0.2, 0.41, 0.2, 0.44, p.body_dark, radius=0.01)
    s.rect(-0.58, -0.45, 0.58, 0.26, p.body, radius=0.025)
    s.rect(-0.58, -0.45, 0.58, 0.14, (240, 240, 242), radius=0.025)
    s.screen(-0.55, -0.42, 0.55, 0.11, p, radius=0.005)


def cpu(s: Sketch, p: Palette) -> None:
    for index in range(16):
        offset = -0.28 + index * 0.0373
        s.rect(offset, -0.36, offset + 0.014, -0.31, p.gold)
        s.rect(offset, 0.31, offset + 0.014, 0.36, p.gold)
        s.rect(-0.36, offset, -0.31, offset + 0.014, p.gold)
        s.rect(0.31, offset, 0.36, offset + 0.014, p.gold)
    s.rect(-0.32, -0.32, 0.32, 0.32, mix(p.pcb, (40, 110, 70), 0.6), radius=0.02)
    s.rect(-0.25, -0.25, 0.25, 0.25, p.metal, radius=0.03)
    s.rect(-0.23, -0.23, 0.23, 0.23, shade(p.metal, 0.2), radius=0.025)
    s.polygon([(-0.3, 0.3), (-0.3, 0.24), (-0.24, 0.3)], p.gold)
    s.rect(-0.15, -0.04, 0.15, 0.0, p.accent, radius=0.01)
    s.rect(-0.1, 0.04, 0.1, 0.065, shade(p.metal, -0.25), radius=0.01)


def gpu(s: Sketch, p: Palette) -> None:
    s.rect(-0.66, -0.22, -0.62, 0.3, p.metal)
    s.rect(-0.36, 0.2, 0.2, 0.25, p.gold)
    s.rect(-0.6, -0.23, 0.62, 0.21, shade(p.body_dark, -0.3), radius=0.04)
    s.rect(-0.6, -0.23, 0.62, -0.19, p.accent, radius=0.02)
    for u in (-0.37, 0.0, 0.37):
        s.fan(u, 0.0, 0.175, p)


def ram(s: Sketch, p: Palette) -> None:
    for top in (-0.32, 0.04):
        s.rect(-0.6, top + 0.22, 0.6, top + 0.27, mix(p.pcb, (40, 110, 70), 0.5))
        for index in range(40):
            u = -0.56 + index * 0.0287
            if abs(u + 0.1) > 0.02:
                s.rect(u, top + 0.225, u + 0.016, top + 0.265, p.gold)
        s.rect(-0.6, top, 0.6, top + 0.225, p.body, radius=0.02)
        s.rect(-0.6, top - 0.02, 0.6, top + 0.03, p.glow, radius=0.02)
        s.polygon(
            [(-0.3, top + 0.06), (0.05, top + 0.06), (0.1, top + 0.19), (-0.25, top + 0.19)],
            p.body_dark,
        )


def ssd(s: Sketch, p: Palette) -> None:
    s.rect(-0.55, -0.1, 0.55, 0.1, p.pcb, radius=0.01)
    s.rect(0.5, -0.085, 0.6, 0.085, p.gold)
    s.rect(0.5, -0.03, 0.6, -0.015, p.pcb)
    s.circle(-0.55, 0.0, 0.035, (235, 235, 238))
    s.rect(-0.45, -0.07, -0.18, 0.07, (20, 20, 24), radius=0.01)
    s.rect(-0.12, -0.07, 0.12, 0.07, (20, 20, 24), radius=0.01)
    s.rect(0.18, -0.07, 0.44, 0.07, (20, 20, 24), radius=0.01)
    s.rect(-0.43, -0.13, 0.42, -0.1, p.accent)
    s.rect(-0.4, -0.04, -0.23, 0.0, p.body_light, radius=0.01)


def hdd(s: Sketch, p: Palette) -> None:
    s.rect(-0.3, -0.44, 0.3, 0.44, shade(p.metal, -0.1), radius=0.03)
    s.rect(-0.28, -0.42, 0.28, 0.42, p.metal, radius=0.025)
    s.circle(0.0, -0.08, 0.25, shade(p.metal, 0.25), outline=shade(p.metal, -0.2), width=0.006)
    s.circle(0.0, -0.08, 0.06, shade(p.metal, -0.15))
    s.line([(0.2, 0.3), (0.13, 0.05), (0.03, -0.05)], (70, 72, 78), 0.025)
    s.circle(0.2, 0.3, 0.04, (70, 72, 78))
    s.rect(-0.2, 0.22, 0.05, 0.36, p.accent, radius=0.01)
    for su, sv in ((-0.24, -0.38), (0.24, -0.38), (-0.24, 0.38), (0.24, 0.38)):
        s.circle(su, sv, 0.015, shade(p.metal, -0.3))


def external_drive(s: Sketch, p: Palette) -> None:
    s.line([(0.0, 0.34), (0.02, 0.42), (0.2, 0.44), (0.4, 0.4)], (30, 30, 34), 0.022)
    s.rect(0.38, 0.37, 0.46, 0.43, p.metal, radius=0.01)
    s.rect(-0.24, -0.36, 0.24, 0.36, p.body_dark, radius=0.09)
    s.rect(-0.22, -0.34, 0.22, 0.34, p.body, radius=0.08)
    s.rect(-0.12, -0.05, 0.12, 0.02, p.accent, radius=0.02)
    s.circle(0.0, 0.26, 0.012, p.glow)


def motherboard(s: Sketch, p: Palette) -> None:
    s.rect(-0.44, -0.44, 0.44, 0.44, p.pcb, radius=0.01)
    s.rect(-0.44, -0.44, -0.28, -0.02, (50, 52, 58))
    s.rect(-0.2, -0.36, 0.08, -0.08, (70, 72, 78), radius=0.01)
    s.rect(-0.17, -0.33, 0.05, -0.11, p.metal)
    for index in range(4):
        u = 0.16 + index * 0.055
        s.rect(u, -0.4, u + 0.025, 0.05, (200, 200, 205) if index % 2 else (60, 62, 70))
    for v in (0.12, 0.28):
        s.rect(-0.36, v, 0.2, v + 0.035, p.metal if v < 0.2 else (60, 62, 70))
    s.rect(-0.27, -0.42, -0.2, -0.08, p.accent, radius=0.01)
    s.rect(-0.2, -0.43, 0.1, -0.39, p.accent, radius=0.01)
    s.rect(0.22, 0.18, 0.38, 0.36, (60, 62, 70), radius=0.02)
    s.circle(0.3, 0.27, 0.05, p.accent)


def power_supply(s: Sketch, p: Palette) -> None:
    s.rect(-0.42, -0.3, 0.42, 0.3, shade(p.body_dark, -0.4), radius=0.02)
    s.circle(0.0, 0.0, 0.25, (20, 20, 24))
    for radius in (0.24, 0.19, 0.14, 0.09):
        s.circle(0.0, 0.0, radius, None, outline=(90, 92, 98), width=0.006)
    s.line([(-0.24, 0.0), (0.24, 0.0)], (90, 92, 98), 0.006)
    s.line([(0.0, -0.24), (0.0, 0.24)], (90, 92, 98), 0.006)
    s.rect(-0.4, -0.28, -0.3, 0.28, p.accent)
    s.rect(0.3, -0.24, 0.38, -0.14, (10, 10, 12), radius=0.01)


def cooling(s: Sketch, p: Palette) -> None:
    s.rect(-0.38, -0.38, 0.38, 0.38, shade(p.body_dark, -0.3), radius=0.08)
    for su, sv in ((-0.32, -0.32), (0.32, -0.32), (-0.32, 0.32), (0.32, 0.32)):
        s.circle(su, sv, 0.025, (12, 12, 14))
    s.circle(0.0, 0.0, 0.36, p.glow)
    s.fan(0.0, 0.0, 0.34, p, blades=9)


def keyboard(s: Sketch, p: Palette) -> None:
    s.rect(-0.63, -0.21, 0.63, 0.21, p.body_dark, radius=0.04)
    s.rect(-0.61, -0.19, 0.61, 0.19, p.body, radius=0.035)
    key = p.body_light if sum(p.body) < 380 else shade(p.body, -0.15)
    pitch = 0.0826
    for row in range(4):
        for col in range(14):
            u = -0.58 + col * pitch
            v = -0.165 + row * pitch
            colour = p.accent if (row, col) in ((0, 0), (3, 13)) else key
            s.rect(u, v, u + pitch - 0.012, v + pitch - 0.012, colour, radius=0.012)
    s.rect(-0.58, 0.165, -0.26, 0.165 + pitch - 0.012, key, radius=0.012)
    s.rect(-0.24, 0.165, 0.24, 0.165 + pitch - 0.012, key, radius=0.012)
    s.rect(0.26, 0.165, 0.58, 0.165 + pitch - 0.012, key, radius=0.012)


def mouse(s: Sketch, p: Palette) -> None:
    s.ellipse(-0.2, -0.4, 0.2, 0.42, p.body_dark)
    s.ellipse(-0.19, -0.39, 0.19, 0.41, p.body)
    s.line([(0.0, -0.39), (0.0, -0.1)], p.body_dark, 0.008)
    s.line([(-0.18, -0.08), (0.18, -0.08)], p.body_dark, 0.006)
    s.rect(-0.022, -0.3, 0.022, -0.17, p.accent, radius=0.02)
    s.rect(-0.2, 0.0, -0.16, 0.12, p.body_light, radius=0.02)


def webcam(s: Sketch, p: Palette) -> None:
    s.polygon([(-0.12, 0.02), (0.12, 0.02), (0.18, 0.3), (-0.18, 0.3)], p.body_dark)
    s.rect(-0.22, 0.28, 0.22, 0.33, p.body_dark, radius=0.02)
    s.rect(-0.34, -0.26, 0.34, 0.04, p.body_dark, radius=0.15)
    s.rect(-0.33, -0.25, 0.33, 0.03, p.body, radius=0.14)
    s.lens(0.0, -0.11, 0.12, p)
    s.circle(0.2, -0.11, 0.015, p.glow)
    s.circle(-0.2, -0.11, 0.012, (30, 30, 34))


def printer(s: Sketch, p: Palette) -> None:
    s.polygon([(-0.24, -0.14), (-0.2, -0.42), (0.22, -0.42), (0.24, -0.14)], (250, 250, 248))
    s.rect(-0.46, -0.16, 0.46, 0.3, p.body_dark, radius=0.04)
    s.rect(-0.45, -0.15, 0.45, 0.29, p.body, radius=0.035)
    s.rect(-0.45, -0.15, 0.45, -0.05, p.body_light, radius=0.035)
    s.rect(-0.3, 0.12, 0.3, 0.18, (30, 30, 34), radius=0.02)
    s.rect(-0.26, 0.15, 0.26, 0.24, (248, 248, 246))
    s.rect(0.22, -0.02, 0.38, 0.06, (20, 22, 28), radius=0.01)
    s.rect(0.235, -0.01, 0.365, 0.05, p.accent, radius=0.008)


def headphones(s: Sketch, p: Palette) -> None:
    s.arc(-0.34, -0.44, 0.34, 0.26, 180, 360, p.body_dark, 0.06)
    s.arc(-0.31, -0.41, 0.31, 0.23, 190, 350, p.body_light, 0.02)
    for side in (-1, 1):
        u = side * 0.32
        s.rect(u - 0.02, -0.12, u + 0.02, 0.02, p.metal, radius=0.01)
        s.ellipse(u - 0.13, -0.02, u + 0.13, 0.38, p.body_dark)
        s.ellipse(u - 0.12, -0.01, u + 0.12, 0.37, p.body)
        s.ellipse(u - 0.06, 0.08, u + 0.06, 0.28, p.body_light)
    s.circle(0.32, 0.18, 0.018, p.accent)


def earbuds(s: Sketch, p: Palette) -> None:
    case = (242, 242, 244) if sum(p.body) > 380 else p.body
    s.rect(-0.26, 0.04, 0.26, 0.42, shade(case, -0.15), radius=0.12)
    s.rect(-0.25, 0.05, 0.25, 0.41, case, radius=0.115)
    s.line([(-0.25, 0.16), (0.25, 0.16)], shade(case, -0.2), 0.006)
    s.circle(0.0, 0.28, 0.014, p.accent)
    for side in (-1, 1):
        u = side * 0.17
        s.rect(u - 0.03, -0.32, u + 0.03, -0.02, shade(case, -0.05), radius=0.03)
        s.ellipse(u - 0.09, -0.44, u + 0.09, -0.24, shade(case, -0.1))
        s.ellipse(u - 0.085, -0.435, u + 0.085, -0.245, case)
        s.ellipse(u - 0.04, -0.39, u + 0.04, -0.31, (40, 40, 46))


def speaker(s: Sketch, p: Palette) -> None:
    s.rect(-0.24, -0.44, 0.24, 0.44, p.body_dark, radius=0.16)
    s.rect(-0.23, -0.43, 0.23, 0.43, p.body, radius=0.15)
    dot = shade(p.body, -0.25)
    for row in range(12):
        for col in range(7):
            u = -0.165 + col * 0.055 + (0.0275 if row % 2 else 0.0)
            if u < 0.19:
                s.circle(u, -0.02 + row * 0.034, 0.009, dot)
    s.rect(-0.14, -0.34, 0.14, -0.1, shade(p.body, -0.1), radius=0.12)
    s.circle(0.0, -0.22, 0.05, p.accent)


def microphone(s: Sketch, p: Palette) -> None:
    s.rect(-0.2, 0.38, 0.2, 0.44, p.body_dark, radius=0.03)
    s.rect(-0.025, 0.1, 0.025, 0.4, p.metal)
    s.arc(-0.19, -0.28, 0.19, 0.14, 0, 180, p.body_dark, 0.03)
    s.rect(-0.14, -0.46, 0.14, 0.08, p.body_dark, radius=0.14)
    s.rect(-0.13, -0.45, 0.13, -0.08, shade(p.metal, -0.1), radius=0.13)
    for index in range(9):
        v = -0.41 + index * 0.036
        s.line([(-0.115, v), (0.115, v)], shade(p.metal, -0.35), 0.005)
    s.rect(-0.13, -0.08, 0.13, 0.07, p.body, radius=0.04)
    s.rect(-0.13, -0.09, 0.13, -0.07, p.accent)


def camera(s: Sketch, p: Palette, big_prism: bool = False) -> None:
    body = (36, 37, 40) if sum(p.body) < 500 else p.body
    prism = 0.14 if big_prism else 0.1
    s.polygon([(-0.2, -0.2), (-0.14, -0.2 - prism), (0.1, -0.2 - prism), (0.16, -0.2)], body)
    s.rect(-0.5, -0.2, 0.48, 0.28, body, radius=0.05)
    s.rect(-0.5, -0.2, -0.3, 0.28, shade(body, -0.3), radius=0.05)
    s.rect(-0.44, -0.27, -0.3, -0.2, shade(body, -0.2), radius=0.02)
    s.circle(-0.37, -0.28, 0.035, p.metal)
    s.rect(0.3, -0.26, 0.42, -0.2, shade(body, -0.2), radius=0.02)
    s.rect(-0.5, 0.02, 0.48, 0.07, shade(body, 0.08))
    s.rect(0.34, -0.14, 0.4, -0.1, p.accent, radius=0.01)
    s.lens(-0.02, 0.05, 0.25, p)


def dslr(s: Sketch, p: Palette) -> None:
    camera(s, p, big_prism=True)


def action_camera(s: Sketch, p: Palette) -> None:
    s.rect(-0.24, -0.22, 0.24, 0.24, (26, 27, 30), radius=0.05)
    s.rect(-0.23, -0.21, 0.23, 0.23, (44, 45, 50), radius=0.045)
    s.rect(-0.2, -0.18, 0.02, 0.04, (20, 20, 24), radius=0.03)
    s.lens(-0.09, -0.07, 0.09, p)
    s.rect(0.06, -0.15, 0.2, 0.0, (12, 12, 16), radius=0.01)
    s.screen(0.07, -0.14, 0.19, -0.01, p, radius=0.005)
    s.rect(-0.17, -0.27, -0.05, -0.22, p.accent, radius=0.02)
    s.rect(-0.1, 0.24, 0.1, 0.32, (40, 40, 44))


def lens(s: Sketch, p: Palette) -> None:
    s.rect(-0.5, -0.2, -0.42, 0.2, p.metal, radius=0.01)
    s.rect(-0.43, -0.23, 0.36, 0.23, (28, 29, 32), radius=0.02)
    for index in range(22):
        u = -0.1 + index * 0.016
        s.line([(u, -0.235), (u, 0.235)], (52, 54, 60), 0.006)
    s.rect(-0.4, -0.231, -0.37, 0.231, p.accent)
    s.polygon([(0.36, -0.23), (0.5, -0.29), (0.5, 0.29), (0.36, 0.23)], (34, 35, 38))
    s.ellipse(0.46, -0.29, 0.54, 0.29, mix((14, 16, 26), p.accent, 0.3))
    s.ellipse(0.48, -0.18, 0.52, -0.06, (220, 225, 235))


def drone(s: Sketch, p: Palette) -> None:
    arm = shade(p.body, -0.15)
    rotors = ((-0.4, -0.26), (0.4, -0.26), (-0.4, 0.26), (0.4, 0.26))
    for u, v in rotors:
        s.line([(0.0, 0.0), (u, v)], arm, 0.045)
    for u, v in rotors:
        s.circle(u, v, 0.17, shade(p.body, 0.55))
        s.circle(u, v, 0.17, None, outline=p.body_light, width=0.006)
        s.line([(u - 0.15, v - 0.03), (u + 0.15, v + 0.03)], p.body_dark, 0.018)
        s.circle(u, v, 0.03, p.body_dark)
    s.rect(-0.13, -0.2, 0.13, 0.2, p.body_dark, radius=0.08)
    s.rect(-0.12, -0.19, 0.12, 0.19, p.body, radius=0.075)
    s.circle(0.0, -0.2, 0.055, (24, 24, 28))
    s.circle(0.0, -0.2, 0.03, mix((10, 12, 20), p.accent, 0.4))
    s.rect(-0.05, 0.08, 0.05, 0.12, p.accent, radius=0.02)


def console(s: Sketch, p: Palette) -> None:
    s.rect(-0.22, -0.44, 0.22, 0.42, p.body_dark, radius=0.05)
    s.rect(-0.21, -0.43, 0.21, 0.41, p.body, radius=0.045)
    s.rect(-0.05, -0.43, 0.05, 0.41, (24, 24, 28))
    s.rect(-0.02, -0.43, 0.02, 0.41, p.accent)
    s.rect(-0.17, -0.36, -0.09, -0.33, (24, 24, 28), radius=0.01)
    s.circle(0.13, -0.345, 0.018, p.glow)
    s.rect(-0.28, 0.4, 0.28, 0.45, (30, 30, 34), radius=0.02)


def handheld(s: Sketch, p: Palette) -> None:
    s.rect(-0.6, -0.22, 0.6, 0.24, p.body_dark, radius=0.2)
    s.rect(-0.59, -0.21, 0.59, 0.23, p.body, radius=0.19)
    s.rect(-0.34, -0.17, 0.34, 0.19, (10, 10, 14), radius=0.02)
    s.screen(-0.32, -0.15, 0.32, 0.17, p, radius=0.005)
    for side in (-1, 1):
        s.circle(side * 0.47, -0.08, 0.055, p.body_dark)
        s.circle(side * 0.47, -0.08, 0.04, shade(p.body, -0.5))
    s.rect(-0.51, 0.07, -0.43, 0.1, p.body_dark)
    s.rect(-0.485, 0.045, -0.455, 0.125, p.body_dark)
    for du, dv in ((0.0, -0.035), (0.0, 0.035), (-0.035, 0.0), (0.035, 0.0)):
        s.circle(0.47 + du, 0.085 + dv, 0.018, p.accent)


def controller(s: Sketch, p: Palette) -> None:
    # Grips are thick strokes with round ends, drawn dark first and in the body colour on top.
    for colour, grow in ((p.body_dark, 0.012), (p.body, 0.0)):
        for side in (-1, 1):
            s.line([(side * 0.26, -0.02), (side * 0.44, 0.3)], colour, 0.2 + 2 * grow)
            s.circle(side * 0.44, 0.3, 0.1 + grow, colour)
        s.rect(-0.46 - grow, -0.24 - grow, 0.46 + grow, 0.14 + grow, colour, radius=0.16)
    s.circle(-0.3, -0.08, 0.06, (28, 28, 32))
    s.circle(0.14, 0.07, 0.06, (28, 28, 32))
    s.rect(-0.2, 0.045, -0.08, 0.085, (40, 40, 44), radius=0.01)
    s.rect(-0.16, 0.005, -0.12, 0.125, (40, 40, 44), radius=0.01)
    for du, dv, colour in (
        (0.0, -0.05, (90, 190, 120)),
        (0.05, 0.0, (220, 80, 80)),
        (-0.05, 0.0, (80, 140, 220)),
        (0.0, 0.05, (230, 200, 80)),
    ):
        s.circle(0.31 + du, -0.08 + dv, 0.024, colour)
    s.rect(-0.04, -0.18, 0.04, -0.14, p.accent, radius=0.02)


def vr_headset(s: Sketch, p: Palette) -> None:
    s.arc(-0.5, -0.42, 0.5, 0.2, 180, 360, shade(p.body_dark, -0.2), 0.05)
    s.rect(-0.46, -0.22, 0.46, 0.18, p.body_dark, radius=0.14)
    s.rect(-0.45, -0.21, 0.45, 0.17, p.body, radius=0.13)
    s.rect(-0.38, -0.15, 0.38, 0.11, shade(p.body, -0.12), radius=0.1)
    for u in (-0.3, 0.3):
        s.circle(u, -0.02, 0.04, (24, 24, 28))
    s.circle(-0.04, -0.02, 0.025, (24, 24, 28))
    s.circle(0.04, -0.02, 0.025, (24, 24, 28))
    s.rect(-0.12, 0.17, 0.12, 0.22, shade(p.body, -0.3), radius=0.02)
    s.circle(0.38, 0.08, 0.015, p.accent)


def router(s: Sketch, p: Palette) -> None:
    for base in (-0.3, -0.1, 0.1, 0.3):
        s.polygon(
            [
                (base - 0.025, 0.05),
                (base + 0.025, 0.05),
                (base * 1.3 + 0.02, -0.42),
                (base * 1.3 - 0.02, -0.42),
            ],
            p.body_dark,
        )
    s.rect(-0.44, 0.02, 0.44, 0.24, p.body_dark, radius=0.05)
    s.rect(-0.43, 0.03, 0.43, 0.23, p.body, radius=0.045)
    s.polygon([(-0.43, 0.1), (0.43, 0.06), (0.43, 0.14), (-0.43, 0.18)], shade(p.body, -0.15))
    for index in range(6):
        s.circle(-0.25 + index * 0.1, 0.19, 0.012, p.glow)


def mesh_wifi(s: Sketch, p: Palette) -> None:
    unit = (244, 244, 246) if sum(p.body) > 380 else p.body
    for u, scale in ((-0.3, 0.8), (0.3, 0.8), (0.0, 1.0)):
        half = 0.14 * scale
        top = 0.4 - 0.62 * scale
        s.rect(u - half, top, u + half, 0.4, shade(unit, -0.18), radius=0.1 * scale)
        s.rect(u - half + 0.008, top + 0.008, u + half - 0.008, 0.392, unit, radius=0.095 * scale)
        s.circle(u, 0.4 - 0.12 * scale, 0.016 * scale, p.accent)


def network_switch(s: Sketch, p: Palette) -> None:
    s.rect(-0.62, -0.11, 0.62, 0.13, p.body_dark, radius=0.015)
    s.rect(-0.61, -0.1, 0.61, 0.12, p.body, radius=0.012)
    for index in range(12):
        u = -0.5 + index * 0.07
        s.rect(u, -0.03, u + 0.055, 0.07, (22, 22, 26), radius=0.006)
        s.rect(u + 0.005, -0.07, u + 0.02, -0.055, (90, 210, 120))
        s.rect(u + 0.035, -0.07, u + 0.05, -0.055, p.glow)
    s.rect(0.36, -0.03, 0.56, 0.07, p.metal, radius=0.01)


def nas(s: Sketch, p: Palette) -> None:
    s.rect(-0.3, -0.4, 0.3, 0.42, shade(p.body_dark, -0.4), radius=0.04)
    for index in range(4):
        u = -0.26 + index * 0.13
        s.rect(u, -0.28, u + 0.11, 0.38, (44, 46, 52), radius=0.012)
        s.rect(u + 0.02, 0.2, u + 0.09, 0.34, (60, 62, 70), radius=0.01)
        s.circle(u + 0.055, -0.24, 0.012, (90, 210, 120))
    s.rect(-0.26, -0.37, 0.26, -0.31, p.accent, radius=0.02)


def watch(s: Sketch, p: Palette) -> None:
    band = shade(p.body, -0.1)
    s.rect(-0.13, -0.48, 0.13, -0.15, band, radius=0.04)
    s.rect(-0.13, 0.15, 0.13, 0.48, band, radius=0.04)
    for index in range(4):
        s.circle(0.0, 0.24 + index * 0.055, 0.012, shade(band, -0.3))
    s.rect(0.16, -0.07, 0.2, 0.02, p.metal, radius=0.015)
    s.rect(-0.19, -0.24, 0.19, 0.24, p.metal, radius=0.08)
    s.rect(-0.175, -0.225, 0.175, 0.225, (8, 8, 10), radius=0.07)
    s.arc(-0.13, -0.13, 0.13, 0.13, -90, 160, p.accent, 0.025)
    s.arc(-0.1, -0.1, 0.1, 0.1, -90, 60, p.glow, 0.02)
    s.line([(0.0, 0.0), (0.0, -0.08)], (240, 240, 244), 0.012)
    s.line([(0.0, 0.0), (0.06, 0.03)], (240, 240, 244), 0.012)


def fitness_tracker(s: Sketch, p: Palette) -> None:
    s.rect(-0.08, -0.48, 0.08, 0.48, shade(p.body, -0.15), radius=0.06)
    s.rect(-0.11, -0.22, 0.11, 0.22, p.metal, radius=0.07)
    s.rect(-0.095, -0.205, 0.095, 0.205, (8, 8, 10), radius=0.06)
    s.rect(-0.06, -0.14, 0.06, -0.11, p.accent, radius=0.01)
    s.rect(-0.06, -0.06, 0.03, -0.03, (230, 230, 234), radius=0.01)
    s.rect(-0.06, 0.01, 0.05, 0.04, p.glow, radius=0.01)


def charger(s: Sketch, p: Palette) -> None:
    s.rect(-0.09, -0.42, -0.05, -0.2, p.metal, radius=0.02)
    s.rect(0.05, -0.42, 0.09, -0.2, p.metal, radius=0.02)
    s.rect(-0.2, -0.24, 0.2, 0.26, shade(p.body, -0.15), radius=0.06)
    s.rect(-0.19, -0.23, 0.19, 0.25, p.body, radius=0.055)
    for index in range(2):
        v = -0.06 + index * 0.1
        s.rect(-0.07, v, 0.07, v + 0.04, (30, 30, 34), radius=0.02)
    s.rect(-0.06, 0.16, 0.06, 0.19, p.accent, radius=0.015)


def cable(s: Sketch, p: Palette) -> None:
    wire = shade(p.body, -0.1)
    s.arc(-0.3, -0.3, 0.3, 0.3, 0, 360, wire, 0.03)
    s.arc(-0.24, -0.26, 0.26, 0.24, 0, 360, shade(wire, 0.1), 0.03)
    s.line([(0.27, 0.1), (0.42, 0.3), (0.5, 0.36)], wire, 0.03)
    s.line([(-0.27, -0.1), (-0.42, -0.3), (-0.5, -0.36)], wire, 0.03)
    s.polygon([(0.47, 0.3), (0.56, 0.39), (0.5, 0.45), (0.41, 0.36)], p.body_dark)
    s.polygon([(0.53, 0.39), (0.6, 0.46), (0.56, 0.5), (0.49, 0.43)], p.metal)
    s.polygon([(-0.47, -0.3), (-0.56, -0.39), (-0.5, -0.45), (-0.41, -0.36)], p.body_dark)
    s.polygon([(-0.53, -0.39), (-0.6, -0.46), (-0.56, -0.5), (-0.49, -0.43)], p.metal)
    s.circle(0.0, 0.0, 0.05, p.accent)


def phone_case(s: Sketch, p: Palette) -> None:
    s.rect(-0.22, -0.46, 0.22, 0.46, shade(p.body, -0.25), radius=0.08)
    s.rect(-0.205, -0.445, 0.205, 0.445, p.body, radius=0.07)
    s.rect(-0.17, -0.41, 0.0, -0.22, (26, 26, 30), radius=0.04)
    s.circle(0.0, 0.05, 0.12, None, outline=shade(p.body, -0.15), width=0.012)
    s.rect(0.205, -0.25, 0.225, -0.12, shade(p.body, -0.25), radius=0.008)


def power_bank(s: Sketch, p: Palette) -> None:
    s.rect(-0.21, -0.38, 0.21, 0.38, shade(p.body, -0.3), radius=0.06)
    s.rect(-0.2, -0.37, 0.2, 0.37, p.body, radius=0.055)
    s.rect(-0.08, -0.39, 0.08, -0.36, (30, 30, 34), radius=0.01)
    for index in range(4):
        colour = p.glow if index < 3 else shade(p.body, -0.2)
        s.circle(-0.09 + index * 0.06, 0.26, 0.015, colour)
    s.rect(-0.12, -0.1, 0.12, 0.08, shade(p.body, -0.1), radius=0.03)
    s.rect(-0.07, -0.05, 0.07, 0.03, p.accent, radius=0.015)


def dock(s: Sketch, p: Palette) -> None:
    s.rect(-0.5, -0.1, 0.5, 0.16, shade(p.metal, -0.3), radius=0.04)
    s.rect(-0.49, -0.09, 0.49, 0.15, p.metal, radius=0.035)
    s.rect(-0.49, -0.09, 0.49, -0.02, shade(p.metal, 0.2), radius=0.035)
    for index in range(7):
        u = -0.4 + index * 0.1
        s.rect(u, 0.03, u + 0.06, 0.08, (30, 30, 34), radius=0.015 if index % 2 else 0.004)
    s.circle(0.43, 0.055, 0.014, p.glow)
    s.line([(0.5, 0.03), (0.6, 0.03), (0.64, 0.12)], (30, 30, 34), 0.02)


def box(s: Sketch, p: Palette) -> None:
    s.polygon([(-0.3, -0.2), (0.1, -0.3), (0.42, -0.18), (0.0, -0.08)], p.body_light)
    s.polygon([(-0.3, -0.2), (0.0, -0.08), (0.0, 0.42), (-0.3, 0.3)], p.body)
    s.polygon([(0.0, -0.08), (0.42, -0.18), (0.42, 0.3), (0.0, 0.42)], p.body_dark)
    s.polygon([(0.0, 0.08), (0.42, -0.02), (0.42, 0.06), (0.0, 0.16)], p.accent)


SILHOUETTE_BY_CATEGORY: dict[str, Silhouette] = {
    "smartphones": phone,
    "basic-phones": basic_phone,
    "ultrabooks": laptop,
    "gaming-laptops": laptop,
    "business-laptops": laptop,
    "chromebooks": laptop,
    "ipads": tablet,
    "android-tablets": tablet,
    "e-readers": e_reader,
    "gaming-pcs": tower,
    "mini-pcs": mini_pc,
    "all-in-ones": all_in_one,
    "workstations": tower,
    "cpus": cpu,
    "gpus": gpu,
    "ram": ram,
    "ssds": ssd,
    "hdds": hdd,
    "external-drives": external_drive,
    "motherboards": motherboard,
    "power-supplies": power_supply,
    "pc-cases": tower,
    "cooling": cooling,
    "monitors": monitor,
    "keyboards": keyboard,
    "mice": mouse,
    "webcams": webcam,
    "printers": printer,
    "headphones": headphones,
    "earbuds": earbuds,
    "speakers": speaker,
    "microphones": microphone,
    "mirrorless-cameras": camera,
    "dslr-cameras": dslr,
    "action-cameras": action_camera,
    "lenses": lens,
    "drones": drone,
    "consoles": console,
    "handheld-consoles": handheld,
    "controllers": controller,
    "vr-headsets": vr_headset,
    "routers": router,
    "mesh-wifi": mesh_wifi,
    "switches": network_switch,
    "nas": nas,
    "smartwatches": watch,
    "fitness-trackers": fitness_tracker,
    "chargers": charger,
    "cables": cable,
    "cases": phone_case,
    "power-banks": power_bank,
    "docks": dock,
}
