"""A small PNG reader (standard library only) for checking screenshots: 8-bit, not interlaced,
greyscale or RGB with or without alpha, which is what Chromium writes."""

from __future__ import annotations

import struct
import zlib
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # colour type -> bytes a pixel at 8 bits


@dataclass
class Image:
    width: int
    height: int
    channels: int
    rows: list[bytes]

    def pixels(self, every: int = 1):
        """(r, g, b) of every `every`th pixel of every `every`th row."""
        c = self.channels
        for row in self.rows[::every]:
            for i in range(0, len(row), c * every):
                yield (row[i], row[i], row[i]) if c < 3 else tuple(row[i : i + 3])


def decode(data: bytes) -> Image:
    if data[:8] != SIGNATURE:
        raise ValueError("not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise ValueError("PNG without IHDR")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or interlace or colour not in CHANNELS:
        raise ValueError(f"unsupported PNG: depth {depth}, colour {colour}, interlace {interlace}")
    channels = CHANNELS[colour]
    raw, stride = zlib.decompress(b"".join(idat)), width * channels
    rows, previous = [], bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        line = raw[start + 1 : start + 1 + stride]
        previous = _unfilter(raw[start], line, previous, channels)
        rows.append(previous)
    return Image(width, height, channels, rows)


def _unfilter(kind: int, line: bytes, above: bytes, bpp: int) -> bytes:
    if kind == 0:
        return line
    if kind == 2:
        return bytes((a + b) & 255 for a, b in zip(line, above, strict=True))
    out = bytearray(line)
    if kind == 1:
        for c in range(bpp):
            out[c::bpp] = bytes(accumulate(line[c::bpp], lambda a, b: (a + b) & 255))
        return bytes(out)
    for i in range(len(line)):
        left = out[i - bpp] if i >= bpp else 0
        up, corner = above[i], (above[i - bpp] if i >= bpp else 0)
        out[i] = (line[i] + (_average(left, up) if kind == 3 else _paeth(left, up, corner))) & 255
    return bytes(out)


def _average(left: int, up: int) -> int:
    return (left + up) >> 1


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def ink(image: Image, every: int = 4) -> tuple[float, int]:
    """(share of sampled pixels that differ from the commonest colour, distinct colours)."""
    counts = Counter(image.pixels(every))
    total = sum(counts.values())
    background = counts.most_common(1)[0][1]
    return 1 - background / total, len(counts)
