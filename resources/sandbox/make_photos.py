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


for name, draw, width, height in (("lampara.png", lamp, 320, 240), ("cojines.png", cushions, 320, 240),
                                  ("taza.png", mug, 320, 240), ("logo.png", logo, 480, 480)):
    with open(name, "wb") as out:
        out.write(png(width, height, draw))
