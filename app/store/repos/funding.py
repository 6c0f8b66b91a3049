"""Funding streams with their rates."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, select

from app.domain.funding import Frequency, Funder, FundingKind, FundingStream, Rate
from app.store.models import funding_rate_table, funding_stream_table

S = funding_stream_table
R = funding_rate_table


class FundingRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def streams(self) -> list[FundingStream]:
        rates: dict[int, list[Rate]] = defaultdict(list)
        for stream_id, start, gross, contribution in self.conn.execute(
                select(R.c.stream_id, R.c.start_date, R.c.gross_weekly, R.c.contribution_weekly)
                .order_by(R.c.stream_id, R.c.start_date)):
            rates[stream_id].append(Rate(start, gross, contribution))
        rows = self.conn.execute(select(S.c.id, S.c.funder, S.c.kind, S.c.frequency,
                                        S.c.start_date, S.c.end_date).order_by(S.c.id))
        return [FundingStream(Funder(funder), FundingKind(kind), Frequency(frequency), start,
                              tuple(rates[sid]), end, sid)
                for sid, funder, kind, frequency, start, end in rows]

    def rate_id(self, stream_id: int, start: object) -> int | None:
        value: int | None = self.conn.execute(select(R.c.id).where(
            R.c.stream_id == stream_id, R.c.start_date == start)).scalar()
        return value
