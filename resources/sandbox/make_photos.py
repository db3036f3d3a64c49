#!/usr/bin/env python3
"""Draws the sandbox customers' 'photos' (plain PNGs, Python standard library only).

Run once; the PNGs are committed. They only need to look like something in the demo."""
import struct
import zlib


def png(width, height, pixel):
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows.extend(pixel(x, y))
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")


def lamp(x, y):
    # A warm wall, a floor, and a lamp: shade (trapezoid), stem and base.
    wall = (236, 224, 205) if y < 190 else (176, 140, 104)
    shade = 70 <= y <= 120 and abs(x - 160) <= 30 + (y - 70) * 0.5
    stem = 120 < y <= 185 and abs(x - 160) <= 3
    base = 185 < y <= 195 and abs(x - 160) <= 22
    glow = ((x - 160) ** 2 + (y - 95) ** 2) < 70 ** 2
    if shade:
        return (245, 196, 90)
    if stem or base:
        return (60, 60, 64)
    if glow and y < 190:
        return tuple(min(255, c + 14) for c in wall)
    return wall


def cushions(x, y):
    sofa = (95, 120, 140)
    if y > 200:
        return (120, 96, 72)
    for cx, colour in ((95, (214, 160, 40)), (165, (226, 226, 214)), (235, (190, 90, 70))):
        if abs(x - cx) < 34 and abs(y - 130) < 34 - abs(x - cx) * 0.15:
            return colour
    if 90 < y <= 200:
        return sofa
    return (228, 232, 236)


def mug(x, y):
    table = (150, 110, 80) if y > 170 else (232, 238, 240)
    body = abs(x - 150) < 45 and 80 < y < 175
    handle = 195 < x < 215 and 100 < y < 150 and not (200 < x < 210 and 110 < y < 140)
    if body:
        return (40, 120, 110)
    if handle:
        return (40, 120, 110)
    return table


def logo(x, y):
    # The demo shop's profile photo: a white cloud on teal.
    teal = (32, 128, 120)
    blobs = ((150, 250, 62), (230, 230, 78), (320, 255, 58), (235, 285, 70))
    inside = any((x - cx) ** 2 + (y - cy) ** 2 < r * r for cx, cy, r in blobs) and y < 315
    flat = 150 < x < 320 and 255 < y < 315
    return (250, 250, 246) if inside or flat else teal


def blanket(x, y):
    # A folded wool blanket: stacked stripes of cream and rust on a bed.
    if y > 190:
        return (206, 196, 182)
    if 60 < y <= 190 and 50 < x < 270:
        band = (y - 60) // 16
        return (182, 84, 52) if band % 2 else (240, 230, 210)
    return (222, 230, 236)


def vase(x, y):
    # A clay vase with a green branch, on a shelf.
    shelf = (168, 128, 92) if y > 200 else (240, 236, 226)
    body = ((x - 160) / 48) ** 2 + ((y - 150) / 50) ** 2 < 1
    neck = abs(x - 160) < 14 and 80 < y <= 110
    branch = 40 < y <= 95 and abs((x - 160) - (95 - y) * 0.6) < 3
    leaf = any((x - lx) ** 2 + (y - ly) ** 2 < 64 for lx, ly in ((175, 60), (185, 48), (170, 72)))
    if body or neck:
        return (196, 112, 74)
    if branch or leaf:
        return (70, 130, 80)
    return shelf


def candle(x, y):
    # A candle in a glass, lit.
    table = (120, 96, 80) if y > 190 else (44, 48, 60)
    glass = abs(x - 160) < 40 and 100 < y <= 190
    wax = abs(x - 160) < 34 and 120 < y <= 186
    flame = ((x - 160) / 7) ** 2 + ((y - 100) / 16) ** 2 < 1
    if flame:
        return (255, 200, 80)
    if wax:
        return (246, 238, 220)
    if glass:
        return (160, 170, 176)
    return table


def rug(x, y):
    # A rug seen from above: a border and a diamond.
    if not (30 < x < 290 and 30 < y < 210):
        return (200, 190, 176)
    if not (44 < x < 276 and 44 < y < 196):
        return (40, 70, 110)
    if abs(x - 160) / 100 + abs(y - 120) / 60 < 1:
        return (214, 160, 40)
    return (236, 226, 204)


for name, draw, width, height in (("lampara.png", lamp, 320, 240), ("cojines.png", cushions, 320, 240),
                                  ("taza.png", mug, 320, 240), ("logo.png", logo, 480, 480),
                                  ("manta.png", blanket, 320, 240), ("jarron.png", vase, 320, 240),
                                  ("vela.png", candle, 320, 240), ("alfombra.png", rug, 320, 240)):
    with open(name, "wb") as out:
        out.write(png(width, height, draw))
