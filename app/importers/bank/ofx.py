"""OFX statements (1.x SGML and 2.x XML) through ofxtools.

ofxtools is chosen over ofxparse: it is maintained (releases into 2026, ofxparse's last is 2021),
pure Python with no dependencies (ofxparse needs BeautifulSoup and lxml), reads amounts as
Decimal and validates the OFX structure against the specification.
"""

from __future__ import annotations

import io
from decimal import Decimal

from app.domain.money import Money
from app.i18n import _
from app.importers.bank.model import (
    ParsedStatement,
    RejectedRow,
    StatedBalance,
    StatementRow,
    UnreadableStatement,
)

LAYOUT = "ofx"


def looks_like(data: bytes) -> bool:
    head = data[:2048].lstrip().upper()
    return head.startswith((b"OFXHEADER", b"<?XML")) and b"<OFX" in data[:8192].upper() \
        or head.startswith(b"<OFX")


def read(data: bytes, text: str) -> ParsedStatement:
    from ofxtools.Parser import OFXTree  # imported here: ofxtools takes ~1 s to import

    try:
        tree = OFXTree()
        tree.parse(io.BytesIO(data))
        statements = tree.convert().statements
    except Exception as error:  # ofxtools raises many kinds of its own errors for a broken file
        raise UnreadableStatement(
            _("This OFX file is damaged or incomplete, so it cannot be read.")) from error
    lines = _fitid_lines(text)
    rows: list[StatementRow] = []
    rejected: list[RejectedRow] = []
    closing = None
    for statement in statements:
        closing = _closing(statement) or closing
        for tx in statement.transactions or ():  # a damaged file may leave no list
            line = lines.get(str(tx.fitid), 0)
            pence = _pence(tx.trnamt)
            if pence is None:
                rejected.append(RejectedRow(line, _("The amount is not a whole number of pence.")))
                continue
            if pence == 0:
                rejected.append(
                    RejectedRow(line, _("The amount is zero, so there is nothing to record.")))
                continue
            name = " ".join((tx.name or "").split())
            memo = " ".join((tx.memo or "").split())
            rows.append(StatementRow(line, tx.dtposted.date(), Money(pence),
                                     description=name or memo, payee=name, reference=memo,
                                     bank_id=str(tx.fitid or "")))
    return ParsedStatement(LAYOUT, tuple(rows), tuple(rejected), closing)


def _closing(statement: object) -> StatedBalance | None:
    """The ledger balance the bank states (LEDGERBAL), when it is whole pence."""
    ledger = getattr(statement, "ledgerbal", None)
    pence = _pence(ledger.balamt) if ledger is not None else None
    if ledger is None or pence is None or ledger.dtasof is None:
        return None
    return StatedBalance(ledger.dtasof.date(), Money(pence))


def _pence(amount: Decimal) -> int | None:
    pence = amount * 100
    return int(pence) if pence == pence.to_integral_value() else None


def _fitid_lines(text: str) -> dict[str, int]:
    """Where each transaction's id sits, so a rejected one can be found in the file."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        upper = line.upper()
        at = upper.find("<FITID>")
        if at >= 0:
            value = line[at + 7:].split("<", 1)[0].strip()
            found.setdefault(value, number)
    return found
