"""Use cases on funding streams: a council direct payment, an NHS personal health budget, ILF,
an ISF; each with weekly amounts that can change from a date (a new rate from April)."""

from __future__ import annotations

from datetime import date

from app.domain.audit import Cause
from app.domain.errors import DomainError, ValidationError
from app.domain.funding import Frequency, FundingStream, StreamRequest, StreamType
from app.domain.money import Money
from app.i18n import _, format_date
from app.store.profile_store import ProfileStore
from app.store.repos import Repos

LARGEST_WEEKLY = Money(10_000_00)  # £10,000 a week: anything above is a typing slip


def _check_amounts(gross: Money, contribution: Money) -> None:
    if gross.pence < 0 or contribution.pence < 0:
        raise ValidationError("weekly", _("Amounts cannot be less than zero."))
    if gross > LARGEST_WEEKLY:
        raise ValidationError("weekly", _("A weekly amount over £10,000 looks like a slip. "
                                          "Check it and try again."))
    if contribution > gross:
        raise ValidationError("contribution",
                              _("Your contribution cannot be more than the weekly budget."))


class FundingService:
    def __init__(self, store: ProfileStore) -> None:
        self.store = store

    def streams(self) -> list[FundingStream]:
        with self.store.read() as repos:
            return repos.funding.streams()

    def add(self, request: StreamRequest) -> FundingStream:
        """A new stream from a date; refused when one of the same kind is already running."""
        _check_amounts(request.gross_weekly, request.contribution_weekly)
        with self.store.write(Cause("add", about={"stream": request.stream_type.value})) as (
                repos, writer):
            if _running(repos, request.stream_type, request.start) is not None:
                raise DomainError(_(
                    "There is already a {stream} stream on {date}. Use “funding change” to "
                    "give it a new weekly amount.").format(
                        stream=request.stream_type.value, date=format_date(request.start)))
            stream_id = writer.insert("funding_stream", {
                "funder": request.stream_type.funder.value,
                "kind": request.stream_type.kind.value,
                "frequency": request.frequency.value, "start_date": request.start,
                "end_date": None})
            writer.insert("funding_rate", {
                "stream_id": stream_id, "start_date": request.start,
                "gross_weekly": request.gross_weekly,
                "contribution_weekly": request.contribution_weekly})
            return _stream(repos, stream_id)

    def change(self, stream_type: StreamType, gross_weekly: Money, start: date,
               contribution_weekly: Money | None = None,
               frequency: Frequency | None = None) -> FundingStream:
        """A new weekly amount for the running stream of this kind, from `start` on."""
        with self.store.write(Cause("change", about={"stream": stream_type.value})) as (
                repos, writer):
            stream = _running(repos, stream_type, start)
            if stream is None:
                raise DomainError(_("There is no {stream} stream running on {date}. Add it with "
                                    "“funding add”.").format(stream=stream_type.value,
                                                            date=format_date(start)))
            rate = stream.rate_on(start)
            assert rate is not None
            contribution = (contribution_weekly if contribution_weekly is not None
                            else rate.contribution_weekly)
            _check_amounts(gross_weekly, contribution)
            values = {"gross_weekly": gross_weekly, "contribution_weekly": contribution}
            rate_id = repos.funding.rate_id(stream.id, start)
            if rate_id is None:
                writer.insert("funding_rate", {"stream_id": stream.id, "start_date": start,
                                               **values})
            else:
                writer.update("funding_rate", (rate_id,), values)
            if frequency is not None:
                writer.update("funding_stream", (stream.id,), {"frequency": frequency.value})
            return _stream(repos, stream.id)

    def end(self, stream_type: StreamType, last_day: date) -> FundingStream:
        with self.store.write(Cause("end", about={"stream": stream_type.value})) as (
                repos, writer):
            stream = _running(repos, stream_type, last_day)
            if stream is None:
                raise DomainError(_("There is no {stream} stream running on {date}.").format(
                    stream=stream_type.value, date=format_date(last_day)))
            writer.update("funding_stream", (stream.id,), {"end_date": last_day})
            return _stream(repos, stream.id)


def _running(repos: Repos, stream_type: StreamType, day: date) -> FundingStream | None:
    return next((s for s in repos.funding.streams()
                 if s.stream_type is stream_type and s.running_on(day)), None)


def _stream(repos: Repos, stream_id: int) -> FundingStream:
    return next(s for s in repos.funding.streams() if s.id == stream_id)
