#!/usr/bin/env python3
"""Builds the kiosk's console font, deploy/kiosk-console.psf.gz.

The Linux text console can only show characters its loaded font has, and
none of Debian's console fonts has all the kiosk draws: the block elements
of its large letters, digits and QR codes (▀ ▄ ▌ ▐ and the quadrants
▖ ▗ ▘ ▝ ▙ ▛ ▜ ▟ ▚ ▞), ○ ● ✓ ⚠ ▏. This script takes Debian's
Uni2-Terminus32x16 (Latin, Spanish included, Greek, Cyrillic, box drawing,
arrows; 512 glyphs, 16x32 pixels), makes room by drawing Greek letters
with accents as their plain letters, and adds the missing shapes, drawn
here from geometry (and ị, ễ from Terminus' Vietnamese set).

The result is a PSF2 font with its unicode table, 512 glyphs (the
console's limit; unused ones blank), gzip-compressed without a time stamp: the same input
always gives the same bytes. Terminus Font is under the SIL Open Font
License 1.1; the built font is a Modified Version under the same licence,
named "kiosk-console" as the licence asks (deploy/kiosk-console.LICENSE).

  python3 scripts/build-console-font.py [--from /usr/share/consolefonts]
        [--out deploy/kiosk-console.psf.gz]

--from is a folder with Uni2-Terminus32x16.psf.gz and
Vietnamese-Terminus32x16.psf.gz (package console-setup-linux; or
`apt-get download console-setup-linux && dpkg -x console-setup-linux_*.deb x`
and use x/usr/share/consolefonts). Needs only Python 3.
"""
import argparse
import gzip
import io
import math
import os
import struct
import sys
import unicodedata

W, H = 16, 32
ROW = (W + 7) // 8
MAX_GLYPHS = 512
PSF2_MAGIC = b"\x72\xb5\x4a\x86"


def load_psf2(path):
    """[(bitmap bytes, [characters])] in the font's order."""
    data = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    if data[:4] != PSF2_MAGIC:
        sys.exit(f"{path}: not a PSF2 font")
    _, header, flags, count, size, height, width = struct.unpack("<IIIIIII", data[4:32])
    if (width, height) != (W, H) or not flags & 1:
        sys.exit(f"{path}: expected a {W}x{H} font with a unicode table")
    glyphs = [data[header + i * size: header + (i + 1) * size] for i in range(count)]
    table = data[header + count * size:].split(b"\xff")[:count]
    out = []
    for bitmap, entry in zip(glyphs, table):
        # Sequences (after 0xFE) are not used by these fonts; keep singles.
        chars = list(entry.split(b"\xfe")[0].decode("utf-8"))
        out.append((bitmap, chars))
    return out


def bitmap(rows):
    """A glyph from a function (x, y) -> bool."""
    data = bytearray()
    for y in range(H):
        bits = 0
        for x in range(W):
            if rows(x, y):
                bits |= 0x8000 >> x
        data += bits.to_bytes(ROW, "big")
    return bytes(data)


def pixels(glyph):
    return lambda x, y: bool(glyph[y * ROW + x // 8] & (0x80 >> (x % 8)))


def quadrants(ul, ur, ll, lr):
    """A block element made of the cell's four quarters."""
    def on(x, y):
        left, top = x < W // 2, y < H // 2
        return (ul and left and top) or (ur and not left and top) or (
            ll and left and not top) or (lr and not left and not top)
    return bitmap(on)


def near_segment(px, py, a, b, half):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy) <= half


# The round symbols sit on the middle of the lower-case letters (x-height
# rows 12 to 25 in Terminus 16x32), 12 pixels across; strokes are 2 pixels
# wide like Terminus' own.
CX, CY, RADIUS = 8.0, 19.0, 6.0


def circle(filled):
    def on(x, y):
        d = math.hypot(x + 0.5 - CX, y + 0.5 - CY)
        return d <= RADIUS and (filled or d >= RADIUS - 2.0)
    return bitmap(on)


def check_mark():
    points = [(2.5, 19.0), (6.5, 24.0), (13.5, 11.0)]
    return bitmap(lambda x, y: any(
        near_segment(x + 0.5, y + 0.5, a, b, 1.1) for a, b in zip(points, points[1:])))


def warning_sign():
    apex, left, right = (8.0, 7.0), (0.5, 27.0), (15.5, 27.0)

    def on(x, y):
        px, py = x + 0.5, y + 0.5
        edge = any(near_segment(px, py, a, b, 1.0)
                   for a, b in [(apex, left), (apex, right), (left, right)])
        mark = x in (7, 8) and (13 <= y <= 20 or 23 <= y <= 24)
        return edge or mark
    return bitmap(on)


def with_tilde_above(base, tilde_from):
    """`base` (ê) with the tilde that `tilde_from` (Ã) has in rows 0-4."""
    b, t = pixels(base), pixels(tilde_from)
    return bitmap(lambda x, y: b(x, y) or (y <= 4 and t(x, y)))


def added(vietnamese):
    """The glyphs the kiosk needs that Uni2-Terminus lacks."""
    viet = {c: g for g, chars in vietnamese for c in chars}
    half = lambda f: bitmap(f)
    shapes = {
        "▀": half(lambda x, y: y < H // 2),
        "▄": half(lambda x, y: y >= H // 2),
        "▌": half(lambda x, y: x < W // 2),
        "▐": half(lambda x, y: x >= W // 2),
        "▏": half(lambda x, y: x < 2),
        "▘": quadrants(1, 0, 0, 0),
        "▝": quadrants(0, 1, 0, 0),
        "▖": quadrants(0, 0, 1, 0),
        "▗": quadrants(0, 0, 0, 1),
        "▚": quadrants(1, 0, 0, 1),
        "▞": quadrants(0, 1, 1, 0),
        "▙": quadrants(1, 0, 1, 1),
        "▛": quadrants(1, 1, 1, 0),
        "▜": quadrants(1, 1, 0, 1),
        "▟": quadrants(0, 1, 1, 1),
        "○": circle(False),
        "●": circle(True),
        "✓": check_mark(),
        "⚠": warning_sign(),
        "ị": viet["ị"],
        "ễ": with_tilde_above(viet["ê"], viet["Ã"]),
    }
    return [(g, [c]) for c, g in shapes.items()]


def greek_base(c):
    """The plain Greek letter an accented one is drawn as, if any."""
    if not "\u0370" <= c <= "\u03ff":
        return None
    special = {"\u0384": "\u00b4", "\u0385": "\u00a8", "\u03f3": "j", "\u03f4": "\u0398"}
    if c in special:
        return special[c]
    base = unicodedata.normalize("NFD", c)[0]
    return base if base != c else None


def build(uni2, vietnamese):
    new = added(vietnamese)
    replaced = {c for _, chars in new for c in chars}
    glyphs = []
    folded = []
    for g, chars in uni2:
        chars = [c for c in chars if c not in replaced]
        if chars and all(greek_base(c) for c in chars):
            folded += chars
        elif chars:
            glyphs.append((g, chars))
    index = {c: i for i, (_, chars) in enumerate(glyphs) for c in chars}
    for c in folded:
        base = greek_base(c)
        if base not in index:
            sys.exit(f"no glyph for {base!r} to draw {c!r} with")
        glyphs[index[base]][1].append(c)
    glyphs += new
    if len(glyphs) > MAX_GLYPHS:
        sys.exit(f"{len(glyphs)} glyphs: the console takes at most {MAX_GLYPHS}")
    return glyphs


def psf2(glyphs):
    # The kernel's framebuffer console takes fonts of exactly 256 or 512
    # glyphs: the rest are blank, with no character.
    glyphs = glyphs + [(bytes(ROW * H), [])] * (MAX_GLYPHS - len(glyphs))
    count = len(glyphs)
    header = struct.pack("<4sIIIIIII", PSF2_MAGIC, 0, 32, 1, count, ROW * H, H, W)
    table = b"".join("".join(chars).encode("utf-8") + b"\xff" for _, chars in glyphs)
    return header + b"".join(g for g, _ in glyphs) + table


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="source", default="/usr/share/consolefonts")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(here, "..", "deploy", "kiosk-console.psf.gz"))
    a = ap.parse_args()
    uni2 = load_psf2(os.path.join(a.source, "Uni2-Terminus32x16.psf.gz"))
    vietnamese = load_psf2(os.path.join(a.source, "Vietnamese-Terminus32x16.psf.gz"))
    glyphs = build(uni2, vietnamese)
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as z:
        z.write(psf2(glyphs))
    with open(a.out, "wb") as f:
        f.write(raw.getvalue())
    chars = sum(len(c) for _, c in glyphs)
    print(f"{os.path.normpath(a.out)}: {len(glyphs)} glyphs in use of {MAX_GLYPHS}, "
          f"{chars} characters, {len(raw.getvalue())} bytes")


if __name__ == "__main__":
    main()
