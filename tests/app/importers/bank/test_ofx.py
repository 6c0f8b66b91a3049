"""OFX statements whose list of transactions was damaged are read, not a crash."""

from __future__ import annotations

from app.importers.bank.ofx import read
from tests.conftest import FIXTURES


def test_a_statement_whose_transaction_list_is_damaged_has_no_rows() -> None:
    data = bytearray((FIXTURES / "bank" / "santander.ofx").read_bytes())
    data[2299 % len(data)] ^= 1  # the damage the fuzz test found: BANKTRANLIST unreadable
    parsed = read(bytes(data), bytes(data).decode("latin-1"))
    assert parsed.rows == ()
