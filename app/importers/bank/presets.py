"""Layouts of real UK bank CSV exports, each recognised by its header (or, lacking one, its shape).

Every preset was written against a sample in shared/data/bank-statements; the sources and
quirks are listed in tests/fixtures/bank/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.importers.bank.mapping import ColumnMapping
from app.importers.bank.text import Record, clean, header_key
from app.importers.bank.values import BadValue, parse_amount, parse_bank_date

DMY = ("%d/%m/%Y",)


@dataclass(frozen=True)
class Preset:
    name: str  # stable id, used in file names and saved settings
    label: str  # the bank's own name, shown as is (not translated)
    mapping: ColumnMapping
    headers: tuple[tuple[str, ...], ...] = ()  # header keys it accepts; empty when headerless
    columns: int = 0  # a headerless layout: how many columns a row has
    skip: tuple[tuple[int, str], ...] = ()  # (column, casefolded prefix) of lines that are not rows

    def is_skipped(self, record: Record) -> bool:
        return any(
            column < len(record.fields) and clean(record.fields[column]).casefold().startswith(p)
            for column, p in self.skip
        )

    def fits_headerless(self, record: Record) -> bool:
        """True when the first record has this layout's shape and readable date and amount."""
        if not self.columns or len(header_key(record.fields)) > self.columns:
            return False
        if len(record.fields) < self.mapping.width:
            return False
        try:
            parse_bank_date(clean(record.fields[self.mapping.date]), self.mapping.date_formats)
            for column in (self.mapping.amount, self.mapping.money_out, self.mapping.money_in):
                if column is not None and clean(record.fields[column]):
                    parse_amount(record.fields[column])
        except BadValue:
            return False
        return True


def _h(*names: str) -> tuple[str, ...]:
    return tuple(n.casefold() for n in names)


_MONZO_COLUMNS = ("Transaction ID", "Date", "Time", "Type", "Name", "Emoji", "Category", "Amount",
                  "Currency", "Local amount", "Local currency", "Notes and #tags", "Address",
                  "Receipt", "Description", "Category split", "Money Out", "Money In")

PRESETS: tuple[Preset, ...] = (
    Preset("lloyds", "Lloyds", ColumnMapping(
        date=0, reference=1, description=4, money_out=5, money_in=6, balance=7,
        date_formats=DMY),
        headers=(_h("Transaction Date", "Transaction Type", "Sort Code", "Account Number",
                    "Transaction Description", "Debit Amount", "Credit Amount", "Balance"),)),
    Preset("nationwide", "Nationwide", ColumnMapping(
        date=0, reference=1, description=2, money_out=3, money_in=4, balance=5,
        date_formats=("%d %b %Y", "%d/%m/%Y")),
        headers=(_h("Date", "Transaction type", "Description", "Paid out", "Paid in", "Balance"),)),
    Preset("nationwide_midata", "Nationwide (midata)", ColumnMapping(
        date=0, reference=1, description=2, amount=3, balance=4, date_formats=DMY),
        headers=(_h("Date", "Type", "Merchant/Description", "Debit/Credit", "Balance"),),
        skip=((0, "arranged overdraft limit"),)),
    Preset("monzo", "Monzo", ColumnMapping(
        bank_id=0, date=1, reference=11, payee=4, amount=7, description=14, balance=18,
        date_formats=DMY),
        headers=(_h(*_MONZO_COLUMNS), _h(*_MONZO_COLUMNS, "Balance", "Balance currency"))),
    Preset("monzo_2018", "Monzo (2018)", ColumnMapping(
        bank_id=0, date=1, amount=2, description=8, reference=10,
        date_formats=("%Y-%m-%d",)),
        headers=(_h("id", "created", "amount", "currency", "local_amount", "local_currency",
                    "category", "emoji", "description", "address", "notes", "receipt"),)),
    Preset("starling", "Starling", ColumnMapping(
        date=0, payee=1, reference=2, description=2, amount=4, balance=5, date_formats=DMY),
        headers=(_h("Date", "Counter Party", "Reference", "Type", "Amount (GBP)",
                    "Balance (GBP)", "Spending Category", "Notes"),),
        skip=((1, "opening balance"),)),
    Preset("natwest", "NatWest / RBS", ColumnMapping(
        date=0, reference=1, description=2, amount=3, balance=4, date_formats=DMY),
        headers=(_h("Date", "Type", "Description", "Value", "Balance", "Account Name",
                    "Account Number"),)),
    Preset("barclays", "Barclays", ColumnMapping(
        date=1, amount=3, reference=4, description=5, date_formats=DMY),
        headers=(_h("Number", "Date", "Account", "Amount", "Subcategory", "Memo"),)),
    Preset("first_direct", "first direct", ColumnMapping(
        date=0, description=1, amount=2, balance=3, date_formats=DMY),
        headers=(_h("Date", "Description", "Amount", "Balance"),)),
    # Headerless layouts: tried in this order on the first record, so the stricter goes first.
    # Barclaycard: the sample's 7th column holds a shop purchase, so it is read as money out
    # and the empty 6th as money in (bank2ynab lists one more, unused, column).
    Preset("barclaycard", "Barclaycard", ColumnMapping(
        date=0, description=1, reference=4, money_in=5, money_out=6,
        date_formats=("%d %b %y", "%d %b %Y")), columns=8),
    Preset("hsbc", "HSBC", ColumnMapping(
        date=0, description=1, amount=2, date_formats=DMY), columns=3),
)

BY_NAME = {p.name: p for p in PRESETS}


def find_by_header(key: tuple[str, ...]) -> Preset | None:
    for preset in PRESETS:
        if key in preset.headers:
            return preset
    return None


def find_headerless(first: Record) -> Preset | None:
    for preset in PRESETS:
        if preset.fits_headerless(first):
            return preset
    return None
