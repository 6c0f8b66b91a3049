"""Hypothesis strategies for bank statements: what a bank might write, and what it means."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from hypothesis import strategies as st

DATE_FORMS = ("%d/%m/%Y", "%Y-%m-%d", "%d %b %Y")
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "utf-16")
# Printable Latin-1 (so every encoding above can write it) and the odd line break inside quotes.
TEXT = st.text(alphabet=st.one_of(st.characters(min_codepoint=32, max_codepoint=255,
                                                blacklist_categories=("Cc",)), st.just("\n")),
               max_size=30)


def amount_forms(pence: int) -> st.SearchStrategy[str]:
    whole, part = divmod(abs(pence), 100)
    plain = f"{whole}.{part:02d}"
    grouped = f"{whole:,}.{part:02d}"
    if pence < 0:
        return st.sampled_from([f"-{plain}", f"-{grouped}", f"({grouped})", f"-£{plain}",
                                f"£-{grouped}"])
    return st.sampled_from([plain, grouped, f"£{grouped}", f"+{plain}", f"£{plain}"])


@dataclass
class Line:
    on: date
    pence: int
    description: str
    date_text: str
    amount_text: str
    good: bool


@st.composite
def lines(draw: st.DrawFn) -> Line:
    on = draw(st.dates(date(2000, 1, 1), date(2030, 12, 31)))
    pence = draw(st.integers(-10**8, 10**8).filter(bool))
    broken = draw(st.booleans()) and draw(st.booleans())  # about one line in four
    date_text = on.strftime(draw(st.sampled_from(DATE_FORMS)))
    amount_text = draw(amount_forms(pence))
    if broken:
        if draw(st.booleans()):
            date_text = draw(st.sampled_from(["", "31/02/2024", "yesterday", "2024-13-01"]))
        else:
            amount_text = draw(st.sampled_from(["", "1.234", "12,34", "ten", "£", "--1"]))
    return Line(on, pence, draw(TEXT), date_text, amount_text, not broken)


@st.composite
def statements(draw: st.DrawFn) -> tuple[bytes, list[tuple[int, Line]], bool, str]:
    items = draw(st.lists(lines(), min_size=1, max_size=12))
    split = draw(st.booleans())  # debit/credit columns instead of one signed amount
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    header = ["Date", "Details", "Paid out", "Paid in", "Balance"] if split \
        else ["Date", "Description", "Amount", "Balance"]
    writer.writerow(header)
    placed: list[tuple[int, Line]] = []
    line_no = 1
    for item in items:
        for _blank in range(draw(st.integers(0, 2))):
            out.write("\n")
            line_no += 1
        if split:
            magnitude = item.amount_text.lstrip("-+£(").rstrip(")").replace("£-", "")
            cells = [magnitude, ""] if item.pence < 0 else ["", magnitude]
            if not item.good:
                cells = [item.amount_text, ""]
            writer.writerow([item.date_text, item.description, *cells, "0.00"])
        else:
            writer.writerow([item.date_text, item.description, item.amount_text, "0.00"])
        line_no += 1
        placed.append((line_no, item))
        line_no += item.description.count("\n")
    encoding = draw(st.sampled_from(ENCODINGS))
    return out.getvalue().encode(encoding), placed, split, encoding
