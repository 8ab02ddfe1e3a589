"""Setting lines of text at positions, and the error a layout raises when content will not fit."""

from __future__ import annotations

from dataclasses import dataclass

from .drawing import Drawing, Text
from .text import Measure

# Where the ideographic em box sits: its top is 0.88 em above the baseline (Noto Sans SC,
# Source Han Sans and most CJK fonts), so a line box centres the Hanzi, not the Latin ascenders.
EM_TOP = 0.88


class Overflow(Exception):
    """Content that does not fit its printable even at the smallest legible size."""

    def __init__(self, field: tuple, message: str, hint: str = ""):
        super().__init__(message)
        self.field, self.message, self.hint = field, message, hint
        self.near: Drawing | None = None  # the same content with its QR code sized to be scanned up close (signboard.py)


@dataclass
class Setter:
    measure: Measure

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return self.measure.width(text, size, bold)

    def lines(self, lines, x: float, top: float, width: float, size: float, color: str,
              bold: bool = False, align: str = "left", leading: float = 1.3) -> tuple[list[Text], float]:
        """Text items for whole lines set from top; and the height they take."""
        items, step = [], size * leading
        for number, line in enumerate(lines):
            baseline = top + number * step + (step - size) / 2 + EM_TOP * size
            left = x
            if align != "left":
                free = width - self.width(line, size, bold)
                left = x + (free / 2 if align == "center" else free)
            items.append(Text(round(left, 3), round(baseline, 3), line, round(size, 3), color, bold))
        return items, len(lines) * step

    def runs(self, parts, x: float, top: float, size: float, height: float) -> list[Text]:
        """Pieces of one line in different sizes and colours, sharing a baseline, vertically centred in height.

        parts: (text, size, colour, bold, space after) tuples.
        """
        largest = max(part[1] for part in parts)
        baseline = top + (height - largest) / 2 + EM_TOP * largest
        items, left = [], x
        for text, part_size, color, bold, after in parts:
            items.append(Text(round(left, 3), round(baseline, 3), text, round(part_size, 3), color, bold))
            left += self.width(text, part_size, bold) + after
        return items

    def runs_width(self, parts) -> float:
        return sum(self.width(text, size, bold) + after for text, size, _, bold, after in parts) - parts[-1][4]
