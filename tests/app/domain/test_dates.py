from datetime import date

from app.domain.dates import unlikely

TODAY = date(2026, 12, 2)


def test_a_date_centuries_ahead_is_a_slip() -> None:
    assert unlikely(date(2911, 12, 2), TODAY) == "2 Dec 2911 is 885 years from now."


def test_dates_within_a_year_ahead_and_the_records_are_likely() -> None:
    for day in (TODAY, date(2027, 12, 1), date(2025, 4, 1), date(2019, 1, 1)):
        assert unlikely(day, TODAY, earliest=date(2018, 1, 1)) is None


def test_before_the_records_begin_is_asked_about() -> None:
    assert unlikely(date(2020, 1, 1), TODAY, earliest=date(2025, 4, 1)) == \
        "1 Jan 2020 is before these records begin (1 Apr 2025)."


def test_without_a_start_ten_years_back_is_the_limit() -> None:
    assert unlikely(date(2016, 12, 1), TODAY) == "1 Dec 2016 is more than 10 years ago."
    assert unlikely(date(2017, 1, 1), TODAY) is None
    assert unlikely(date(2028, 1, 1), TODAY) == "1 Jan 2028 is 1 year from now."
