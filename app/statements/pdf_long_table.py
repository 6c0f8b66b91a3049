"""A table of thousands of rows laid out in linear time, page for page as one Table would be.

reportlab measures every row of a Table each time it splits it at a page end, so a single
table of n rows costs about n²/(rows per page): a year of 20,000 entries took 16 s. Here the
rows wait in a list, and at each page end a Table of the header and the next CHUNK rows is
split instead; its first part (what fits on the page) is exactly what the one big table
would have put there, and the rows after it wait again. The last CHUNK rows, with the
closing rows (totals), make one ordinary Table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from reportlab.platypus import Table
from reportlab.platypus.flowables import Flowable

CHUNK = 64  # more rows than an A4 page holds (54 one-line rows at most); doubled if not

Row = list[Any]
Style = list[tuple[Any, ...]]


class LongTable(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """`header` repeats at the top of every page; `closing` rows (and `closing_style`, whose
    row numbers count from the end: -1 is the last row) come after the body; `fills` shades
    body rows (by their place in `body`, from 0). `make` builds each Table (a subclass may
    keep the last row from a page of its own). The rows still to place start at `first`."""

    def __init__(self, header: Row, body: Sequence[Row], widths: Sequence[float],
                 style: Style, closing: Sequence[Row] = (), closing_style: Style | None = None,
                 make: Callable[..., Table] = Table, chunk: int | None = None,
                 fills: Mapping[int, Any] | None = None, first: int = 0,
                 heights: dict[int, float] | None = None) -> None:
        super().__init__()
        self.header, self.body, self.widths = header, body, list(widths)
        self.style, self.closing, self.closing_style = style, list(closing), closing_style or []
        self.make, self.chunk = make, CHUNK if chunk is None else chunk
        # The rows not yet placed are body[first:]: the list is shared, never copied (slicing
        # it at each page end made a year of rows cost n² again).
        self.fills, self.first = fills or {}, first
        # Row heights once measured (the header's at -1), given to every later Table, so that
        # no row is measured twice (wrapping a paragraph cell is the dearest part).
        self.heights: dict[int, float] = {} if heights is None else heights
        self._last: Table | None = None

    def _left(self) -> int:
        return len(self.body) - self.first

    def _rows(self, count: int | None = None) -> Sequence[Row]:
        end = len(self.body) if count is None else self.first + count
        return self.body[self.first:end]

    def _table(self, rows: Sequence[Row], last: bool) -> Table:
        make = self.make if last else Table  # e.g. a rule about the last row is for the last
        body = min(len(rows), self._left())
        known = [self.heights.get(-1)] + [self.heights.get(self.first + i) for i in range(body)]
        table = make([self.header, *rows], colWidths=self.widths, repeatRows=1, hAlign="LEFT",
                     rowHeights=known + [None] * (len(rows) - body))
        shaded = [("BACKGROUND", (0, i), (-1, i), self.fills[self.first + i - 1])
                  for i in range(1, min(len(rows), self._left()) + 1)
                  if self.first + i - 1 in self.fills]
        table.setStyle(self.style + (self.closing_style if last else []) + shaded)
        return table

    def _rest(self, placed: int) -> LongTable:
        return LongTable(self.header, self.body, self.widths, self.style, self.closing,
                         self.closing_style, self.make, self.chunk, self.fills,
                         self.first + placed, self.heights)

    def _keep_heights(self, table: Table, body: int) -> None:
        """What splitting `table` measured: its header's and its first body rows' heights."""
        for i, height in enumerate(getattr(table, "_rowHeights", [])[:body + 1]):
            if height is not None:
                self.heights[self.first + i - 1 if i else -1] = height

    def _final(self) -> Table | None:
        """The one ordinary Table, once few enough rows are left."""
        if self._left() > self.chunk:
            return None
        if self._last is None:
            self._last = self._table([*self._rows(), *self.closing], last=True)
        return self._last

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        final = self._final()
        if final is not None:
            size: tuple[float, float] = final.wrap(availWidth, availHeight)
            return size
        # More than a chunk of rows is always taller than a page: ask to be split.
        return sum(self.widths), availHeight + self.chunk

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        final = self._final()
        if final is not None:
            parts: list[Flowable] = final.split(availWidth, availHeight)
            return parts
        size = self.chunk
        while size < self._left():
            rows = self._rows(size)
            table = self._table(rows, last=False)
            parts = table.split(availWidth, availHeight)
            self._keep_heights(table, len(rows))
            if not parts:
                return []  # not even the header and a row fit here: the next page
            placed = len(parts[0]._cellvalues) - 1  # the header is not a body row
            if placed < len(rows):
                return [parts[0], self._rest(placed)]
            size *= 2  # the whole chunk fitted (a very tall page): the page is not full yet
        whole: list[Flowable] = self._table([*self._rows(), *self.closing], last=True).split(
            availWidth, availHeight)
        return whole

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        final = self._final()
        assert final is not None, "split before drawn: more rows than a page holds"
        final.drawOn(canvas, x, y, _sW)  # as the one Table would draw: the same bytes
