"""Funding streams with their rates."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from app.domain.funding import Frequency, Funder, FundingKind, FundingStream, Rate
from app.store.sql import Connection, day, maybe_day, money, rows, scalar


class FundingRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def streams(self) -> list[FundingStream]:
        rates: dict[int, list[Rate]] = defaultdict(list)
        for stream_id, start, gross, contribution in rows(
                self.conn, "SELECT stream_id, start_date, gross_weekly, contribution_weekly "
                           "FROM funding_rate ORDER BY stream_id, start_date"):
            rates[stream_id].append(Rate(day(start), money(gross), money(contribution)))
        return [FundingStream(Funder(funder), FundingKind(kind), Frequency(frequency),
                              day(start), tuple(rates[sid]), maybe_day(end), sid)
                for sid, funder, kind, frequency, start, end in rows(
                    self.conn, "SELECT id, funder, kind, frequency, start_date, end_date "
                               "FROM funding_stream ORDER BY id")]

    def rate_id(self, stream_id: int, start: date) -> int | None:
        value: int | None = scalar(self.conn, "SELECT id FROM funding_rate WHERE stream_id = ? "
                                              "AND start_date = ?", (stream_id, start.isoformat()))
        return value
