"""qrmask chooses the mask segno's own search chooses, for every kind of address a site prints."""

from __future__ import annotations

import random

import pytest
import segno

from liangxiang.print import qr, qrmask

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-/"


def addresses() -> list[str]:
    """Short to long (versions 3 to 16, so also the ones with version areas), upper and lower
    case (alphanumeric and byte mode), and Chinese (byte mode with UTF-8)."""
    pick = random.Random(20261126)
    made = []
    for length in (10, 25, 40, 61, 80, 120, 200, 300):
        for _ in range(12):
            path = "".join(pick.choice(ALPHABET) for _ in range(length))
            made.append(f"https://dangjian.example.com.cn/{path}")
    made += [f"HTTPS://DJ.EXAMPLE.CN/ZONES/Z-{n:03d}" for n in range(20)]
    made += [f"https://党建.example.cn/zones/{n}/" for n in range(10)]
    return made


@pytest.mark.parametrize("data", addresses())
def test_the_mask_is_the_one_segno_chooses(data):
    searched = segno.make_qr(data, error=qr.ERROR, boost_error=True)
    first = segno.make_qr(data, error=qr.ERROR, boost_error=True, mask=0)
    assert qrmask.best_mask(first.matrix) == searched.mask
    made = qr.make(data)
    assert made.matrix == searched.matrix and made.mask == searched.mask and made.version == searched.version


def test_the_sizes_cover_symbols_with_version_areas():
    versions = {(qr.side(data) - 2 * qr.QUIET - 17) // 4 for data in addresses()}  # no symbol made: segno's search is slow
    assert min(versions) <= 4 and max(versions) >= 7


def test_every_mask_is_chosen_somewhere():
    """A scorer that always answered one mask could not agree with segno on all of these."""
    chosen = {qrmask.best_mask(segno.make_qr(data, error=qr.ERROR, boost_error=True, mask=0).matrix)
              for data in addresses()}
    assert len(chosen) >= 6


def matrices() -> list[list[list[int]]]:
    """Random symbols, and rows built to hold the patterns N3 counts, next to each other and
    overlapping (after a counted pattern segno searches on past it, otherwise 4 modules on)."""
    pick = random.Random(7)
    made = []
    crafted = ["10111010000", "00001011101", "10111011101", "1011101011101", "0000101110100001011101",
               "1011101000010111011101", "11111111", "0101010101"]
    for width in (21, 25, 33, 45, 57):
        for _ in range(6):
            rows = [[pick.randint(0, 1) for _ in range(width)] for _ in range(width)]
            for row, text in zip(rows, crafted * 3):
                start = pick.randint(0, max(width - len(text), 0))
                row[start:start + len(text)] = [int(c) for c in text][: width - start]
            made.append(rows)
        made.append([[1] * width for _ in range(width)])  # all dark: N4 at its worst
    return made


@pytest.mark.parametrize("rows", matrices())
def test_the_scores_are_segnos(rows):
    from segno import encoder

    width = len(rows)
    layout = qrmask.grid(width)
    ours = qrmask.scores(qrmask._bits(rows), qrmask._bits(zip(*rows)), layout)
    assert ours == encoder.mask_scores(tuple(bytearray(row) for row in rows), width, width)
