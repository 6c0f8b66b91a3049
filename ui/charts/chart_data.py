"""What a chart shows, in one shape for the drawing, the legend and the table: columns along
the bottom (months or days), and series of figures, one per column (None: no figure there)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    STACKED_BARS = "bars"
    LINES = "lines"


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int | None, ...]


@dataclass(frozen=True)
class ChartData:
    title: str
    description: str  # every figure in words, for screen readers
    column_heading: str  # the table's first heading: "Month", "Day"
    columns: tuple[str, ...]
    series: tuple[Series, ...]
    kind: Kind
    value_text: Callable[[int], str]  # a figure as the table and the axis show it
    total_heading: str = ""  # when set, the table adds each column's total
    low: int | None = None  # the value axis's fixed ends (ratings), else from the figures
    high: int | None = None
    axis_text: Callable[[int], str] | None = None  # the value axis's labels, if shorter
    join_gaps: bool = False  # a line runs on over columns without a figure
    dodge: bool = False  # lines sit a little apart, so equal figures do not hide each other

    def axis_label(self, value: int) -> str:
        return (self.axis_text or self.value_text)(value)

    def total(self, column: int) -> int:
        return sum(s.values[column] or 0 for s in self.series)
