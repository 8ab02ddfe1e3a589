"""The data mask segno would choose for a QR code, found without segno's eight-matrix search.

segno picks the mask by masking and walking eight matrices in Python, module by module: 6.5 of
the 8 ms a code takes, the largest part of a plate after the PDF itself. Here the same penalty
(ISO/IEC 18004 7.8.3, counted as segno counts it: format and version areas empty, data masked)
is scored on whole symbols held as integers, one bit a module, from one symbol segno made with
mask 0, and the mask chosen is applied to that symbol rather than encoded again. It uses segno's
encoder functions for the symbol's fixed parts; tests/test_print_qr.py checks the choice, every
score and the symbol made against segno's own search, so a segno that changed them fails there.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from segno import encoder

if TYPE_CHECKING:
    import segno

FINDER_LIKE = (1, 0, 1, 1, 1, 0, 1)  # N3: dark-light-dark x3-light-dark, beside 4 light modules


@dataclass(frozen=True)
class Grid:
    """Bit masks of a symbol `width` modules wide. Module (i, j) is bit i * stride + j, a row
    being followed by one unused bit, so that no run continues into the next row."""

    width: int
    stride: int
    right_pair: int  # modules with a right neighbour in their row
    lower_pair: int  # modules with a neighbour below
    reserved: int  # format and version areas: empty while the masks are scored
    reserved_across: int  # the same, column-major
    pattern_start: int  # modules where 7 modules fit before the row ends
    masks: tuple[int, ...]  # per mask, the data modules it flips (row-major)
    masks_across: tuple[int, ...]  # the same, column-major: bit j * stride + i


DIGITS = bytes.maketrans(b"\x00\x01", b"01")  # modules as text, and back
MODULES = bytes.maketrans(b"01", b"\x00\x01")


def _bits(cells) -> int:
    """Rows of 0/1 values, each followed by a 0 gap, as one integer (first module = lowest bit)."""
    text = b"0".join(bytes(row).translate(DIGITS) for row in cells) + b"0"
    return int(text[::-1], 2)


@lru_cache(maxsize=64)
def grid(width: int) -> Grid:
    stride = width + 1
    functions = encoder.make_matrix(width, width)
    encoder.add_finder_patterns(functions, width, width)
    encoder.add_alignment_patterns(functions, width, width)
    functions[-8][8] = 0x1  # the dark module is not data, as in segno
    unreserved = encoder.make_matrix(width, width, reserve_regions=False)
    reserved = encoder.make_matrix(width, width)
    data = [[functions[i][j] > 0x1 for j in range(width)] for i in range(width)]
    areas = [[reserved[i][j] == 0 and unreserved[i][j] == 0x2 for j in range(width)] for i in range(width)]
    masks, masks_across = [], []
    for flips in encoder.get_data_mask_functions(False):
        flipped = [[data[i][j] and bool(flips(i, j)) for j in range(width)] for i in range(width)]
        masks.append(_bits(flipped))
        masks_across.append(_bits(zip(*flipped)))
    rows = range(width)
    return Grid(
        width=width,
        stride=stride,
        right_pair=_bits([[j < width - 1 for j in rows] for _ in rows]),
        lower_pair=_bits([[i < width - 1] * width for i in rows]),
        reserved=_bits(areas),
        reserved_across=_bits(zip(*areas)),
        pattern_start=_bits([[j <= width - 7 for j in rows] for _ in rows]),
        masks=tuple(masks),
        masks_across=tuple(masks_across),
    )


def _runs(bits: int, grid: Grid) -> int:
    """N1: 3 + (length - 5) for every run of 5 or more modules of one colour in a row."""
    same = ~(bits ^ (bits >> 1)) & grid.right_pair  # bit p: p and p+1 alike
    long = same & (same >> 1) & (same >> 2) & (same >> 3)  # 5 alike from p
    return long.bit_count() + 2 * (long & ~(long >> 1)).bit_count()


def _blocks(bits: int, grid: Grid) -> int:
    """N2: 3 for every 2x2 block of one colour."""
    same = ~(bits ^ (bits >> 1)) & grid.right_pair
    below = ~(bits ^ (bits >> grid.stride)) & grid.lower_pair
    return 3 * (same & (same >> grid.stride) & below).bit_count()


def _finder_like(bits: int, grid: Grid) -> int:
    """N3: 40 for every 1:1:3:1:1 pattern with 4 light modules on one side, found left to right
    as segno finds them (after a counted one the search goes on past it, else 4 modules on)."""
    found = grid.pattern_start
    for shift, dark in enumerate(FINDER_LIKE):
        found &= (bits >> shift) if dark else ~(bits >> shift)
    width, stride, score, row, resume = grid.width, grid.stride, 0, -1, 0
    while found:
        position = (found & -found).bit_length() - 1
        found &= found - 1
        if position // stride != row:
            row, resume = position // stride, 0
        start = position - row * stride
        if start < resume:
            continue
        line = bits >> (row * stride)
        before = max(start - 4, 0)
        after_end = min(start + 11, width)
        light_before = not (line >> before) & ((1 << (start - before)) - 1)
        light_after = start + 7 >= width or not (line >> (start + 7)) & ((1 << (after_end - start - 7)) - 1)
        if start in (0, width - 7) or light_before or light_after:
            score += 40
            resume = start + 7
        else:
            resume = start + 4
    return score


def _balance(bits: int, width: int) -> int:
    """N4: 10 for every 5 % the dark modules are away from half."""
    share = float(bits.bit_count()) / (width**2)
    return 10 * int(abs(share * 100 - 50) / 5)


def scores(across: int, down: int, layout: Grid) -> tuple[int, int, int, int]:
    """(N1, N2, N3, N4) of one masked symbol, given row-major and column-major: segno's mask_scores."""
    return (
        _runs(across, layout) + _runs(down, layout),
        _blocks(across, layout),
        _finder_like(across, layout) + _finder_like(down, layout),
        _balance(across, layout.width),
    )


def best_mask(matrix) -> int:
    """The mask segno would choose, given the matrix of the same data made with mask 0."""
    layout = grid(len(matrix))
    across = (_bits(matrix) & ~layout.reserved) ^ layout.masks[0]
    down = (_bits(zip(*matrix)) & ~layout.reserved_across) ^ layout.masks_across[0]
    totals = [sum(scores(across ^ flips, down ^ flips_across, layout))
              for flips, flips_across in zip(layout.masks, layout.masks_across)]
    return totals.index(min(totals))  # the first of equals, as segno's search keeps it


def remasked(symbol: "segno.QRCode", mask: int) -> "segno.QRCode":
    """The symbol segno made with mask 0, with `mask` instead: its data modules flipped where the
    two masks differ and the format information that names the mask written again (a second
    encoding would cost as much again as the first)."""
    layout = grid(len(symbol.matrix))
    flipped = _bits(symbol.matrix) ^ layout.masks[0] ^ layout.masks[mask]
    width, stride = layout.width, layout.stride
    text = format(flipped, f"0{width * stride}b")[::-1]  # module (i, j) at i * stride + j
    matrix = tuple(bytearray(text[i * stride:i * stride + width].encode().translate(MODULES)) for i in range(width))
    encoder.add_format_info(matrix, symbol.version, encoder.normalize_errorlevel(symbol.error), mask)
    made = copy.copy(symbol)
    made.matrix, made.mask = matrix, mask
    return made
