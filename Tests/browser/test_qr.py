"""The QR encoder, read back by a decoder nobody here wrote (zxing-cpp), across every version
and error-correction level. The symbols come from `consilium qr`, which uses the same encoder
as the two-factor enrolment page."""

import random
import string
import subprocess

import pytest
import zxingcpp
from PIL import Image

from conftest import BINARY

LEVELS = ["L", "M", "Q", "H"]


def encode(payload: bytes, level: str, minimum_version: int = 1):
    """Runs the encoder; returns (version, mask, capacity, rows)."""
    out = subprocess.run(
        [str(BINARY), "qr", "--level", level, "--minimum-version", str(minimum_version)],
        input=payload, capture_output=True, check=True,
    ).stdout.decode()
    header, *rows = out.strip("\n").split("\n")
    words = header.split()
    return int(words[1]), int(words[3]), int(words[5]), rows


def capacity_of(version: int, level: str) -> int:
    out = subprocess.run([str(BINARY), "qr", "--level", level, "--capacity", str(version)], capture_output=True, check=True)
    return int(out.stdout)


def image(rows, scale=3, quiet=4):
    """The symbol as a grey-scale picture: dark modules black, a four-module white quiet zone."""
    side = len(rows) + 2 * quiet
    blank = [255] * side
    data = blank * quiet
    for row in rows:
        data += [255] * quiet + [0 if cell == "#" else 255 for cell in row] + [255] * quiet
    data += blank * quiet
    img = Image.new("L", (side, side))
    img.putdata(data)
    return img.resize((side * scale, side * scale), Image.NEAREST)


def decode(img):
    results = zxingcpp.read_barcodes(img, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(results) == 1, "zxing-cpp found no QR code"
    return results[0]


@pytest.mark.parametrize("level", LEVELS)
def test_every_version_filled_to_capacity_decodes(level):
    rng = random.Random(f"qr-{level}")
    masks = set()
    for version in range(1, 41):
        capacity = capacity_of(version, level)
        payload = "".join(rng.choice(string.ascii_letters + string.digits + ":/?=&%-") for _ in range(capacity)).encode()
        got_version, mask, _, rows = encode(payload, level, version)
        assert got_version == version, f"{capacity} bytes should fill version {version}"
        assert len(rows) == 17 + 4 * version
        result = decode(image(rows, scale=2 if version > 20 else 3))
        assert result.bytes == payload, f"version {version} level {level} read back wrong"
        assert result.ec_level == level
        masks.add(mask)
    assert len(masks) > 1, "the mask is chosen per symbol, not fixed"


def test_one_byte_more_than_capacity_moves_up_a_version():
    capacity = capacity_of(5, "M")
    version, _, _, rows = encode(b"a" * (capacity + 1), "M", 5)
    assert version == 6
    assert decode(image(rows)).bytes == b"a" * (capacity + 1)


def test_an_authenticator_link_decodes_with_its_unicode_label():
    link = "otpauth://totp/Consilium:Zo%C3%AB%20M%C3%BCller?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Consilium".encode()
    version, _, _, rows = encode(link, "M")
    assert version <= 6, "a typical enrolment link fits a small, easy-to-scan symbol"
    assert decode(image(rows)).bytes == link


def test_too_long_for_version_40_is_refused():
    capacity = capacity_of(40, "H")
    failed = subprocess.run(
        [str(BINARY), "qr", "--level", "H"], input=b"a" * (capacity + 1), capture_output=True,
    )
    assert failed.returncode != 0
    assert f"tooLong(capacity: {capacity})" in failed.stderr.decode()
