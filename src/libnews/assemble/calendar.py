"""Calendar arithmetic for dates: Hijri conversion, month ends, weeks, Easter, year inference.

Hijri dates are converted with `hijridate` (the Umm al-Qura calendar).  It
only covers AH 1343–1500; outside that range, and for impossible days, the
functions here return None instead of raising.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt

from hijridate import Gregorian, Hijri

__all__ = [
    "add_months",
    "easter",
    "gregorian_day",
    "hijri_day",
    "hijri_month_end",
    "hijri_of",
    "hijri_year_overlapping",
    "month_end",
    "nearest_year",
    "nth_weekday",
    "week_start",
]

HIJRI_YEARS = range(1343, 1501)
"""The Hijri years `hijridate` can convert."""


def gregorian_day(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None if it does not exist (``31 فبراير``)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> dt.date:
    """Last day of a Gregorian month."""
    return dt.date(year, month, _calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    """(year, month) *count* months after (or before) the given one."""
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def hijri_day(year: int, month: int, day: int) -> dt.date | None:
    """Gregorian day of a Hijri date; None outside AH 1343–1500 or if the day does not exist."""
    if year not in HIJRI_YEARS or not 1 <= month <= 12 or day < 1:
        return None
    try:
        hijri = Hijri(year, month, 1)
        if day > hijri.month_length():
            return None
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri_month_end(year: int, month: int) -> dt.date | None:
    """Gregorian day of the last day of a Hijri month, or None."""
    if year not in HIJRI_YEARS:
        return None
    try:
        return hijri_day(year, month, Hijri(year, month, 1).month_length())
    except (ValueError, OverflowError):
        return None


def hijri_of(day: dt.date) -> tuple[int, int, int] | None:
    """(year, month, day) of *day* in the Hijri calendar, or None outside the supported range."""
    try:
        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return hijri.year, hijri.month, hijri.day


def hijri_year_overlapping(gregorian_year: int, month: int, day: int) -> int | None:
    """The Hijri year whose *month*/*day* falls in *gregorian_year* (the first such, if two)."""
    start = hijri_of(dt.date(gregorian_year, 1, 1)) if 1900 <= gregorian_year <= 2076 else None
    if start is None:
        return None
    for year in (start[0], start[0] + 1):
        found = hijri_day(year, month, day)
        if found is not None and found.year == gregorian_year:
            return year
    return None


def week_start(day: dt.date) -> dt.date:
    """Monday of the week holding *day* (weeks run Monday to Sunday, as in Duckling)."""
    return day - dt.timedelta(days=day.weekday())


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date | None:
    """The *n*-th ISO *weekday* (1 = Monday) of a month; ``n = -1`` is the last one."""
    if n < 0:
        last = month_end(year, month)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    return day if day.month == month else None


def easter(year: int) -> dt.date:
    """Western (Gregorian) Easter Sunday, by the anonymous Gregorian computus."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon = (century - correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    weekday = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    shift = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift + 114, 31)
    return dt.date(year, month, day + 1)


def nearest_year(published: dt.date, month: int, day: int, *, future: bool = False) -> int:
    """The year that puts *month*/*day* nearest to *published* (or next on/after it if *future*).

    A day that exists in no candidate year (``30 فبراير``) gets the published year.
    """
    candidates: list[tuple[int, int]] = []
    for year in (published.year - 1, published.year, published.year + 1):
        found = gregorian_day(year, month, min(day, 28) if month == 2 and day == 29 else day)
        if found is None:
            continue
        distance = (found - published).days
        if future and distance < 0:
            continue
        candidates.append((abs(distance) if not future else distance, -year))
    if not candidates:
        return published.year
    return -min(candidates)[1]
