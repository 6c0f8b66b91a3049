"""One provider's full record, and the lists that fill the search filters."""

from __future__ import annotations

import sqlite3
from datetime import date

from app.domain.providers import ProviderDetail
from app.register.search import SUMMARY_COLUMNS, summary_from_row

_DETAIL_COLUMNS = ("p.provider_name, p.address, p.region, p.phone, p.website, p.email, "
                   "p.specialisms, p.registered_manager, p.beds, p.registered_on, "
                   "p.description, r.file_name, r.data_date, r.imported_at")


def _day(text: object) -> date | None:
    return date.fromisoformat(str(text)) if text else None


def provider_detail(conn: sqlite3.Connection, source: str, source_id: str
                    ) -> ProviderDetail | None:
    row = conn.execute(
        f"SELECT {SUMMARY_COLUMNS}, {_DETAIL_COLUMNS} FROM provider p "
        "JOIN import_run r ON r.id = p.run_id WHERE p.source = ? AND p.source_id = ?",
        (source, source_id)).fetchone()
    if row is None:
        return None
    summary = summary_from_row(row[:13], None)
    (provider_name, address, region, phone, website, email, specialisms, manager, beds,
     registered_on, description, file_name, data_date, imported_at) = row[13:]
    return ProviderDetail(
        summary=summary, provider_name=provider_name, address=address, region=region,
        phone=phone, website=website, email=email,
        specialisms=tuple(s for s in specialisms.split("|") if s),
        registered_manager=manager, beds=beds, registered_on=_day(registered_on),
        description=description, data_file=file_name, data_date=_day(data_date),
        imported_at=imported_at, latitude=row[11], longitude=row[12])


def service_types(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every service type in the register with how many providers offer it, most first."""
    return [(str(k), int(n)) for k, n in conn.execute(
        "SELECT service_type, count(*) FROM provider_service GROUP BY service_type "
        "ORDER BY count(*) DESC, service_type")]


def councils(conn: sqlite3.Connection) -> list[str]:
    return [str(c) for (c,) in conn.execute(
        "SELECT DISTINCT local_authority FROM provider WHERE local_authority != '' "
        "ORDER BY local_authority COLLATE NOCASE")]
