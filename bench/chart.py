#!/usr/bin/env python3
"""A bar chart of per-call cost by client as a PNG, in pure Python (zlib + struct).

matplotlib is not on the benchmark machines and a chart needs very little: rectangles, a
logarithmic axis and some text in a built-in 5x7 pixel font (upper case, digits, a little
punctuation). bench/compare.py calls render(); standalone it redraws from compare's JSON:
    python3 bench/chart.py build-bench/compare.json bench/chart.png
"""
import json
import math
import struct
import sys
import zlib

# 5x7 glyphs, one string of 7 rows of 5 bits each ('#' lit).
_FONT_ROWS = {
    "A": "01110 10001 10001 11111 10001 10001 10001", "B": "11110 10001 10001 11110 10001 10001 11110",
    "C": "01110 10001 10000 10000 10000 10001 01110", "D": "11110 10001 10001 10001 10001 10001 11110",
    "E": "11111 10000 10000 11110 10000 10000 11111", "F": "11111 10000 10000 11110 10000 10000 10000",
    "G": "01110 10001 10000 10111 10001 10001 01111", "H": "10001 10001 10001 11111 10001 10001 10001",
    "I": "01110 00100 00100 00100 00100 00100 01110", "J": "00111 00010 00010 00010 00010 10010 01100",
    "K": "10001 10010 10100 11000 10100 10010 10001", "L": "10000 10000 10000 10000 10000 10000 11111",
    "M": "10001 11011 10101 10101 10001 10001 10001", "N": "10001 10001 11001 10101 10011 10001 10001",
    "O": "01110 10001 10001 10001 10001 10001 01110", "P": "11110 10001 10001 11110 10000 10000 10000",
    "Q": "01110 10001 10001 10001 10101 10010 01101", "R": "11110 10001 10001 11110 10100 10010 10001",
    "S": "01111 10000 10000 01110 00001 00001 11110", "T": "11111 00100 00100 00100 00100 00100 00100",
    "U": "10001 10001 10001 10001 10001 10001 01110", "V": "10001 10001 10001 10001 10001 01010 00100",
    "W": "10001 10001 10001 10101 10101 10101 01010", "X": "10001 10001 01010 00100 01010 10001 10001",
    "Y": "10001 10001 10001 01010 00100 00100 00100", "Z": "11111 00001 00010 00100 01000 10000 11111",
    "0": "01110 10001 10011 10101 11001 10001 01110", "1": "00100 01100 00100 00100 00100 00100 01110",
    "2": "01110 10001 00001 00010 00100 01000 11111", "3": "11111 00010 00100 00010 00001 10001 01110",
    "4": "00010 00110 01010 10010 11111 00010 00010", "5": "11111 10000 11110 00001 00001 10001 01110",
    "6": "00110 01000 10000 11110 10001 10001 01110", "7": "11111 00001 00010 00100 01000 01000 01000",
    "8": "01110 10001 10001 01110 10001 10001 01110", "9": "01110 10001 10001 01111 00001 00010 01100",
    " ": "00000 00000 00000 00000 00000 00000 00000", ".": "00000 00000 00000 00000 00000 01100 01100",
    ",": "00000 00000 00000 00000 01100 00100 01000", ":": "00000 01100 01100 00000 01100 01100 00000",
    "(": "00010 00100 01000 01000 01000 00100 00010", ")": "01000 00100 00010 00010 00010 00100 01000",
    "/": "00000 00001 00010 00100 01000 10000 00000", "-": "00000 00000 00000 11111 00000 00000 00000",
    "_": "00000 00000 00000 00000 00000 00000 11111", "+": "00000 00100 00100 11111 00100 00100 00000",
    "%": "11000 11001 00010 00100 01000 10011 00011", "@": "01110 10001 00001 01101 10101 10101 01110",
    "#": "01010 01010 11111 01010 11111 01010 01010", "=": "00000 00000 11111 00000 11111 00000 00000",
    "*": "00000 00100 10101 01110 10101 00100 00000", "<": "00010 00100 01000 10000 01000 00100 00010",
    ">": "01000 00100 00010 00001 00010 00100 01000", "~": "00000 00000 01000 10101 00010 00000 00000",
    ";": "00000 01100 01100 00000 01100 00100 01000", "[": "01110 01000 01000 01000 01000 01000 01110",
    "]": "01110 00010 00010 00010 00010 00010 01110", "!": "00100 00100 00100 00100 00100 00000 00100",
    "?": "01110 10001 00001 00010 00100 00000 00100", "'": "00100 00100 01000 00000 00000 00000 00000",
}
_FONT = {ch: [int(r, 2) for r in rows.split()] for ch, rows in _FONT_ROWS.items()}

WHITE, BLACK, GREY, LIGHT = (255, 255, 255), (30, 30, 30), (120, 120, 120), (225, 225, 225)
SUCCESS, ERROR = (31, 119, 180), (255, 127, 14)
REFERENCE_SUCCESS, REFERENCE_ERROR = (160, 185, 205), (240, 200, 160)


class Canvas:
    def __init__(self, width, height):
        self.w, self.h = width, height
        self.px = bytearray(WHITE * (width * height))

    def rect(self, x0, y0, x1, y1, color):
        x0, x1 = max(0, int(x0)), min(self.w, int(x1))
        y0, y1 = max(0, int(y0)), min(self.h, int(y1))
        if x1 <= x0:
            return
        row = bytes(color) * (x1 - x0)
        for y in range(y0, y1):
            i = (y * self.w + x0) * 3
            self.px[i:i + len(row)] = row

    def text(self, x, y, s, color=BLACK, scale=2):
        """Draws `s` with its top-left corner at (x, y); returns the x after it."""
        for ch in s.upper():
            rows = _FONT.get(ch, _FONT["?"])
            for r, bits in enumerate(rows):
                for c in range(5):
                    if bits & (1 << (4 - c)):
                        self.rect(x + c * scale, y + r * scale, x + (c + 1) * scale, y + (r + 1) * scale, color)
            x += 6 * scale
        return x

    @staticmethod
    def text_width(s, scale=2):
        return len(s) * 6 * scale

    def png(self):
        raw = b"".join(b"\x00" + bytes(self.px[y * self.w * 3:(y + 1) * self.w * 3]) for y in range(self.h))

        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

        header = struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) +
                chunk(b"IEND", b""))


def fmt_us(ns):
    us = ns / 1000.0
    return f"{us:.1f} US" if us < 100 else f"{us:.0f} US"


def render(rows, path, title, subtitle="", axis="MICROSECONDS PER CALL, LOG SCALE (MEDIAN)"):
    """rows: [{"label", "success_ns", "error_ns", "reference": bool}], drawn top to bottom."""
    label_w = max(Canvas.text_width(r["label"]) for r in rows) + 30
    plot_w = 620
    bar_h, gap = 18, 22
    top = 80
    width = label_w + plot_w + 140
    height = top + len(rows) * (2 * bar_h + gap) + 100
    cv = Canvas(width, height)
    cv.text(20, 14, title, BLACK, 2)
    if subtitle:
        cv.text(20, 40, subtitle, GREY, 1)

    values = [v for r in rows for v in (r["success_ns"], r["error_ns"]) if v]
    lo = 10 ** math.floor(math.log10(min(values) / 1000.0))
    hi = 10 ** math.ceil(math.log10(max(values) / 1000.0))
    decades = math.log10(hi / lo)

    def x_of(ns):
        return label_w + plot_w * math.log10((ns / 1000.0) / lo) / decades

    plot_bottom = top + len(rows) * (2 * bar_h + gap)
    tick = lo
    while tick <= hi * 1.0001:  # grid line and label per decade
        x = x_of(tick * 1000)
        cv.rect(x, top - 6, x + 1, plot_bottom, LIGHT)
        label = f"{tick:g}"
        cv.text(x - Canvas.text_width(label) / 2, plot_bottom + 8, label, GREY)
        tick *= 10
    cv.text(label_w + (plot_w - Canvas.text_width(axis)) / 2, plot_bottom + 32, axis, GREY)

    y = top
    for r in rows:
        cv.text(20, y + bar_h - 7, r["label"], BLACK)
        for key, color, ref_color in (("success_ns", SUCCESS, REFERENCE_SUCCESS), ("error_ns", ERROR, REFERENCE_ERROR)):
            v = r.get(key)
            if v:
                x1 = x_of(v)
                cv.rect(label_w, y, max(label_w + 2, x1), y + bar_h, ref_color if r.get("reference") else color)
                cv.text(x1 + 8, y + 2, fmt_us(v), BLACK)
            y += bar_h
        y += gap
    # Legend.
    lx = 20
    ly = height - 42
    for name, color in (("SUCCESS CALL", SUCCESS), ("ERROR CALL (UNKNOWNRESOURCEFAULT)", ERROR)):
        cv.rect(lx, ly, lx + 14, ly + 14, color)
        lx = cv.text(lx + 20, ly, name) + 30
    if any(r.get("reference") for r in rows):
        cv.rect(20, ly + 22, 34, ly + 36, REFERENCE_SUCCESS)
        cv.text(40, ly + 22, "PALE BARS: FIGURES QUOTED IN ISSUE 5 (WALL TIME, QUIET MACHINE), NOT THIS RUN")
    with open(path, "wb") as f:
        f.write(cv.png())


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    with open(sys.argv[1]) as f:
        data = json.load(f)
    render(data["chart_rows"], sys.argv[2], data.get("chart_title", "PER-CALL COST BY CLIENT"),
           data.get("chart_subtitle", ""), data.get("chart_axis", "MICROSECONDS PER CALL, LOG SCALE (MEDIAN)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
