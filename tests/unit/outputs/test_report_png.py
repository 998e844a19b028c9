"""The screenshot test's PNG reader: every filter type decodes back to the pixels."""

import random
import struct
import zlib

import pytest

from tests.e2e.png import _paeth, decode, ink


def _filtered(kind: int, row: bytes, above: bytes, bpp: int) -> bytes:
    out = bytearray()
    for i, value in enumerate(row):
        left = row[i - bpp] if i >= bpp else 0
        up, corner = above[i], (above[i - bpp] if i >= bpp else 0)
        predictor = [0, left, up, (left + up) >> 1, _paeth(left, up, corner)][kind]
        out.append((value - predictor) & 255)
    return bytes(out)


def _png(rows: list[bytes], width: int, colour: int, bpp: int) -> bytes:
    above, raw = bytes(width * bpp), b""
    for n, row in enumerate(rows):
        kind = n % 5  # every filter type, in turn
        raw += bytes([kind]) + _filtered(kind, row, above, bpp)
        above = row

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, len(rows), 8, colour, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))


@pytest.mark.parametrize("colour, bpp", [(2, 3), (6, 4)])
def test_every_filter_decodes_back_to_the_pixels(colour, bpp):
    rng = random.Random(colour)
    rows = [bytes(rng.randrange(256) for _ in range(7 * bpp)) for _ in range(10)]
    image = decode(_png(rows, 7, colour, bpp))
    assert (image.width, image.height, image.channels) == (7, 10, bpp)
    assert image.rows == rows


def test_a_blank_image_has_no_ink_and_a_drawn_one_has():
    white = [b"\xff" * 30] * 10
    assert ink(decode(_png(white, 10, 2, 3)), every=1) == (0.0, 1)
    drawn = white[:5] + [b"\x00\x00\x00" * 5 + b"\xff" * 15] * 5
    coverage, colours = ink(decode(_png(drawn, 10, 2, 3)), every=1)
    assert coverage == 0.25 and colours == 2
