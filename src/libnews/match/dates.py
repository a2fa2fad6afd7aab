"""Date matcher: every date expression of an article, resolved to calendar days.

The rules live in `libnews.match.date_grammar` (compiled once per
`Resources`); this module turns each rule's match into a `DateMention`:
it reads the named slots (day, month, year, weekday, shift …), infers what
the text leaves open from `Document.published`, and converts Hijri dates.

>>> from libnews import parse_article
>>> [str(d) for d in parse_article("وصل الوفد أمس، والقمة في 4 ديسمبر", published="2020-12-15").dates]
['DateMention[2020-12-14 day gregorian]{أمس}', 'DateMention[2020-12-04 day gregorian inferred]{4 ديسمبر}']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex

from libnews.assemble import calendar as cal
from libnews.document import Document
from libnews.match.date_grammar import CLITICS, RULES, DateGrammar, grammar
from libnews.models import Calendar, DateMention, Grain, Span
from libnews.resources import Resources, default_resources
from libnews.resources.dates_schema import HolidayEntry, MonthEntry

__all__ = ["find_dates", "forms_markdown", "month_forms", "supported_forms"]

_WORD = regex.compile(r"\w+")
_SAME = regex.compile(r"نفس|ذات")


@dataclass(frozen=True, slots=True)
class _Resolved:
    value: dt.date | None
    end: dt.date | None = None
    grain: Grain = "day"
    calendar: Calendar = "gregorian"
    year_inferred: bool = False


class _NotADateError(Exception):
    """The match is not a date after all (a reference number, a name)."""


@dataclass(frozen=True, slots=True)
class _Context:
    match: regex.Match[str]
    grammar: DateGrammar
    doc: Document
    published: dt.date | None
    future: bool
    """The sentence (or the options) points to the future: a bare weekday is the next one."""
    future_dates: bool
    """``weekday_direction="future"``: year-less days and months are the next ones too."""
    future_sentence: bool = False
    """The sentence has a strong future cue (``سيعقد``, ``المقرر``): year-less dates lean ahead."""
    scheduled: bool = False
    """A planned-event cue (``المقرر``, ``لتنظيم``, ``المقبل`` after): year-less days may be months ahead."""
    previous: dt.date | None = None
    """The day of the last resolved date before this one, for ``الشهر نفسه``."""

    def group(self, name: str) -> str | None:
        try:
            return self.match.group(name)
        except IndexError:
            return None


# --- slot readers ---------------------------------------------------------------------------------


def _number(ctx: _Context, text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    return ctx.grammar.ordinals.get(text) or ctx.grammar.cardinals.get(text)


def _day(ctx: _Context, suffix: str = "") -> int | None:
    return _number(ctx, ctx.group("day" + suffix))


@dataclass(frozen=True, slots=True)
class _Month:
    calendar: Calendar
    number: int | None
    """None for a month named relative to publication (``الشهر الماضي``) until resolved."""
    relative: int | None = None
    """Months from the publication month, for ``الشهر الماضي`` (-1), ``هذا الشهر`` (0)."""
    year: int | None = None
    """The year, when the month came with one (``الشهر نفسه`` after a full date)."""


def _month(ctx: _Context, suffix: str = "") -> _Month | None:
    name = ctx.group("month" + suffix)
    if name is not None:
        calendar, number = ctx.grammar.months[name]
        # A pair that disagrees (a typo, or ``مارس/أبريل``) keeps the first month written.
        return _Month("hijri" if calendar == "hijri" else "gregorian", number)
    number_text = ctx.group("mnum" + suffix) or ctx.group("mord" + suffix)
    if number_text is not None:
        parsed = _number(ctx, number_text)
        if parsed is None or not 1 <= parsed <= 12:
            raise _NotADateError
        return _Month("gregorian", parsed)
    relative = ctx.group("mrel" + suffix)
    if relative is not None:
        if _SAME.search(relative):  # ``الشهر نفسه``: the month of the date before
            if ctx.previous is None:
                return _Month("gregorian", None, None)
            return _Month("gregorian", ctx.previous.month, year=ctx.previous.year)
        last = relative.rsplit(" ", 1)[-1]
        return _Month("gregorian", None, ctx.grammar.shifts.get(last, 0))
    return None


def _year(ctx: _Context, suffix: str = "") -> tuple[int | None, str | None]:
    """The written year and its era (``hijri``, ``gregorian`` or None if unmarked)."""
    text = ctx.group("year" + suffix)
    if text is None:
        return None, None
    era = ctx.group("era" + suffix)
    if era is None:
        return int(text), None
    return int(text), "gregorian" if era.startswith(("م", "الم", "للم")) else "hijri"


def _year_shift(ctx: _Context, suffix: str = "") -> int | None:
    text = ctx.group("yshift" + suffix)
    return None if text is None else ctx.grammar.shifts.get(text.strip())


def _year_or_shift(ctx: _Context, suffix: str = "") -> tuple[int | None, str | None]:
    """The written year, or the one ``السنة القادمة`` names, and its era."""
    year, era = _year(ctx, suffix)
    shift = _year_shift(ctx, suffix)
    if year is None and shift is not None and ctx.published is not None:
        return ctx.published.year + shift, "gregorian"
    return year, era


def _shift(ctx: _Context, name: str = "shift") -> int | None:
    text = ctx.group(name)
    return None if text is None else ctx.grammar.shifts.get(text)


def _is_hijri(calendar: Calendar, year: int | None, era: str | None) -> bool:
    # A year before 1600 is an AH year even when هـ is not written: 1442 is never Gregorian.
    return calendar == "hijri" or era == "hijri" or (year is not None and year < 1600 and era is None)


# --- resolution -----------------------------------------------------------------------------------


def _day_value(  # noqa: PLR0917 (the parts of one date)
    ctx: _Context,
    month: _Month,
    day: int,
    year: int | None,
    era: str | None,
    shift: int | None,
    weekday: int | None = None,
) -> _Resolved:
    """A day of a month, the year written or inferred."""
    published = ctx.published
    if year is None and month.year is not None and month.number is not None:
        return _Resolved(cal.gregorian_day(month.year, month.number, day), year_inferred=True)
    if month.number is None:  # ``الأول من الشهر المقبل``
        if published is None or month.relative is None:
            return _Resolved(None, year_inferred=True)
        y, m = cal.add_months(published.year, published.month, month.relative or 0)
        return _Resolved(cal.gregorian_day(y, m, day), year_inferred=True)
    if _is_hijri(month.calendar, year, era):
        return _hijri_day_value(ctx, month.number, day, year, shift)
    if year is not None:
        return _Resolved(cal.gregorian_day(year, month.number, day))
    if published is None:
        return _Resolved(None, year_inferred=True)
    candidates = [
        found
        for y in (published.year - 1, published.year, published.year + 1)
        if (found := cal.gregorian_day(y, month.number, day)) is not None
    ]
    if not candidates:  # ``31 فبراير``
        return _Resolved(None, year_inferred=True)
    chosen = _choose(
        candidates,
        published,
        shift,
        weekday,
        future=ctx.future_dates,
        future_sentence=ctx.future_sentence,
        scheduled=ctx.scheduled,
    )
    return _Resolved(chosen, year_inferred=True)


def _choose(
    candidates: list[dt.date],
    published: dt.date,
    shift: int | None,
    weekday: int | None,
    *,
    future: bool,
    future_sentence: bool = False,
    scheduled: bool = False,
) -> dt.date:
    """The candidate day the text most likely means.

    ``الماضي``/``المقبل`` decide when written.  Otherwise news reports the past:
    the last candidate before publication wins, unless the next one is within
    `FUTURE_WINDOW_DAYS` and nearer (``3 يناير`` in an article of 20 December),
    or the sentence speaks of the future (``سيعقد``: `FUTURE_CUE_DAYS` ahead at most),
    or of a planned event (``المقرر``, ``لتنظيم انتخابات``: `SCHEDULED_CUE_DAYS`).
    """
    if shift == -1:
        before = [c for c in candidates if c < published]
        if before:
            return max(before)
    elif shift == 1:
        after = [c for c in candidates if c > published]
        if after:
            return min(after)
    elif shift == 0:
        same = [c for c in candidates if c.year == published.year]
        if same:
            return same[0]
    if weekday is not None:
        matching = [c for c in candidates if c.isoweekday() == weekday]
        if matching:
            candidates = matching
    if future:  # the next one, counting the rest of the current month as ahead (as Duckling does)
        ahead = [c for c in candidates if c >= published.replace(day=1)]
        if ahead:
            return min(ahead)
    past = [c for c in candidates if c <= published]
    coming = [c for c in candidates if c > published]
    if not coming:
        return max(past)
    if not past:
        return min(coming)
    last, following = max(past), min(coming)
    if scheduled and (following - published).days <= SCHEDULED_CUE_DAYS:
        return following
    if future_sentence and (following - published).days <= FUTURE_CUE_DAYS:
        return following
    days_ahead, days_back = (following - published).days, (published - last).days
    return following if days_ahead <= FUTURE_WINDOW_DAYS and days_ahead < days_back else last


FUTURE_WINDOW_DAYS = 31
"""How far ahead a year-less date may be read as the next one in a sentence with no future cue."""
TENSE_WINDOW = 200
"""How many characters before a date are searched for a future cue (within its sentence)."""
FUTURE_CUE_DAYS = 183
"""How far ahead a year-less date may be read as the next one in a sentence with a future cue."""
SCHEDULED_CUE_DAYS = 330
"""How far ahead a year-less date may be read as the next one when it dates a planned event."""
_CLAUSE_BREAK = regex.compile(r"[,;:.!?\n]")


def _hijri_day_value(ctx: _Context, month: int, day: int, year: int | None, shift: int | None) -> _Resolved:
    if year is not None:
        if year >= 1600:  # a Hijri month with a Gregorian year: ``رمضان 2019``
            hijri_year = cal.hijri_year_overlapping(year, month, day)
            value = None if hijri_year is None else cal.hijri_day(hijri_year, month, day)
            return _Resolved(value, calendar="hijri")
        return _Resolved(cal.hijri_day(year, month, day), calendar="hijri")
    if ctx.published is None:
        return _Resolved(None, calendar="hijri", year_inferred=True)
    today = cal.hijri_of(ctx.published)
    if today is None:
        return _Resolved(None, calendar="hijri", year_inferred=True)
    candidates = [
        found
        for y in (today[0] - 1, today[0], today[0] + 1)
        if (found := cal.hijri_day(y, month, day)) is not None
    ]
    if not candidates:
        return _Resolved(None, calendar="hijri", year_inferred=True)
    return _Resolved(
        _choose(
            candidates,
            ctx.published,
            shift,
            None,
            future=ctx.future_dates,
            future_sentence=ctx.future_sentence,
            scheduled=ctx.scheduled,
        ),
        calendar="hijri",
        year_inferred=True,
    )


def _month_value(
    ctx: _Context, month: _Month, year: int | None, era: str | None, shift: int | None
) -> _Resolved:
    """A whole month: first day to last day."""
    published = ctx.published
    year = month.year if year is None else year
    if month.number is None:
        if published is None or month.relative is None:
            return _Resolved(None, grain="month", year_inferred=True)
        y, m = cal.add_months(published.year, published.month, month.relative or 0)
        return _Resolved(dt.date(y, m, 1), cal.month_end(y, m), "month", year_inferred=True)
    if _is_hijri(month.calendar, year, era):
        start = _hijri_day_value(ctx, month.number, 1, year, shift)
        if start.value is None:
            return _Resolved(None, grain="month", calendar="hijri", year_inferred=start.year_inferred)
        hijri = cal.hijri_of(start.value)
        end = None if hijri is None else cal.hijri_month_end(hijri[0], hijri[1])
        return _Resolved(start.value, end, "month", "hijri", start.year_inferred)
    if year is None:
        if published is None:
            return _Resolved(None, grain="month", year_inferred=True)
        current = published.year * 12 + published.month - 1
        options = [
            (y, (y * 12 + month.number - 1) - current)
            for y in (published.year - 1, published.year, published.year + 1)
        ]
        if shift == -1:
            year = max(y for y, distance in options if distance < 0)
        elif shift == 1:
            year = min(y for y, distance in options if distance > 0)
        elif shift == 0:
            year = published.year
        elif ctx.future_dates or ctx.future_sentence or ctx.scheduled:
            year = min(y for y, distance in options if distance >= 0)
        else:  # news reports the past: the last such month (this one included), or the next month
            year = max(
                options, key=lambda option: (option[1] <= 1, -abs(option[1]) if option[1] > 1 else option[1])
            )[0]
        return _Resolved(
            dt.date(year, month.number, 1), cal.month_end(year, month.number), "month", year_inferred=True
        )
    return _Resolved(dt.date(year, month.number, 1), cal.month_end(year, month.number), "month")


def _year_value(year: int, era: str | None) -> _Resolved:
    if _is_hijri("gregorian", year, era):
        start = cal.hijri_day(year, 1, 1)
        end = cal.hijri_month_end(year, 12)
        return _Resolved(start, end if start else None, "year", "hijri")
    return _Resolved(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _weekday_value(ctx: _Context, weekday: int, direction: int | None) -> _Resolved:
    """The weekday nearest to publication in *direction* (-1 before, +1 after, None: the sentence's)."""
    published = ctx.published
    if published is None:
        return _Resolved(None)
    if direction is None:
        # Duckling's "future" is strictly after; a sentence in the future may mean today.
        direction = 1 if ctx.future_dates else 2 if ctx.future else 0
    delta = (weekday - published.isoweekday()) % 7
    if direction == 1:  # the next one, strictly after publication
        return _Resolved(published + dt.timedelta(days=delta or 7))
    if direction == 2:  # this one: today or the next
        return _Resolved(published + dt.timedelta(days=delta))
    back = (published.isoweekday() - weekday) % 7
    if direction == -1:  # strictly before
        back = back or 7
    return _Resolved(published - dt.timedelta(days=back))


def _tense(doc: Document, compiled: DateGrammar, position: int) -> tuple[bool, bool]:
    """(strong, weak) future cues between the start of the sentence and *position*.

    Only the words before the date count: in ``أعلنت الوزارة، الأحد، أن الاتفاق سيوقع``
    the future verb after it does not move the announcement."""
    sentence = doc.sentence_at(position)
    start = max(position - TENSE_WINDOW, position if sentence is None else sentence.start)
    strong = compiled.future_cue.search(doc.aligned.text, start, position) is not None
    return strong, strong or compiled.weekday_future_cue.search(doc.aligned.text, start, position) is not None


def _scheduled(doc: Document, compiled: DateGrammar, start: int, end: int) -> bool:
    """Whether the date at *start*..*end* dates a planned event.

    A planning word before it in its sentence (``من المقرر``, ``ستجرى``), ``المقبل``
    right after it, or a purpose ``لتنظيم``/``لعقد`` before it in the same clause
    (``اتفاق لتنظيم انتخابات في العاشر من ديسمبر``)."""
    text = doc.aligned.text
    if compiled.scheduled_after.match(text, end) is not None:
        return True
    sentence = doc.sentence_at(start)
    begin = max(start - TENSE_WINDOW, start if sentence is None else sentence.start)
    if compiled.scheduled_cue.search(text, begin, start) is not None:
        return True
    cue = compiled.purpose_cue.search(text, begin, start)
    while cue is not None:  # the last one counts: nothing may close its clause before the date
        if _CLAUSE_BREAK.search(text, cue.end(), start) is None:
            return True
        cue = compiled.purpose_cue.search(text, cue.end(), start)
    return False


def _check_not_reference(ctx: _Context) -> None:
    """A number after ``القرار``, ``المادة``, ``رقم`` … is a reference, not a date."""
    start = ctx.match.start()
    before = _WORD.findall(ctx.doc.aligned.text, max(0, start - 24), start)
    if before and not ctx.doc.aligned.text[start - 1 : start].isalnum():
        last = before[-1]
        if last in ctx.grammar.not_before_number or (
            last[:1] in "وبل" and last[1:] in ctx.grammar.not_before_number
        ):
            raise _NotADateError


# --- rules ----------------------------------------------------------------------------------------


def _r_numeric(ctx: _Context) -> _Resolved:
    _check_not_reference(ctx)
    year, era = _year(ctx)
    month = _month(ctx)
    day = _day(ctx)
    assert month is not None
    assert day is not None
    assert year is not None
    if _is_hijri(month.calendar, year, era):
        return _Resolved(cal.hijri_day(year, month.number or 0, day), calendar="hijri")
    return _Resolved(cal.gregorian_day(year, month.number or 0, day))


def _r_range(ctx: _Context) -> _Resolved:
    _check_not_reference(ctx)
    month2 = _month(ctx, "2") or _month(ctx, "1")
    month1 = _month(ctx, "1") or month2
    day1, day2 = _day(ctx, "1"), _day(ctx, "2")
    if month1 is None or month2 is None or day1 is None or day2 is None:
        raise _NotADateError
    year2, era2 = _year(ctx, "2")
    year1, era1 = _year(ctx, "1")
    shift = _shift(ctx, "shift2")
    if year1 is None and year2 is not None:
        year1 = year2 - 1 if (month1.number or 0, day1) > (month2.number or 0, day2) else year2
    end = _day_value(ctx, month2, day2, year2, era2, shift)
    if year1 is None and year2 is None and end.value is not None and month1.number is not None:
        year1 = end.value.year if (month1.number, day1) <= (month2.number or 0, day2) else end.value.year - 1
        if month1.calendar == "hijri":
            hijri = cal.hijri_of(end.value)
            year1 = (
                None
                if hijri is None
                else hijri[0] - (1 if (month1.number, day1) > (month2.number or 0, day2) else 0)
            )
    start = _day_value(ctx, month1, day1, year1, era1 or era2, shift)
    if start.value is not None and end.value is not None and end.value < start.value:
        raise _NotADateError
    return _Resolved(start.value, end.value, "day", start.calendar, end.year_inferred)


def _r_nth_weekday(ctx: _Context) -> _Resolved:
    weekday = ctx.grammar.weekdays[ctx.group("wd") or ""]
    nth_text = ctx.group("nth") or ""
    nth = -1 if nth_text.startswith(("اخر", "الاخير")) else _number(ctx, nth_text)
    if nth is None:
        raise _NotADateError
    month = _month(ctx)
    assert month is not None
    year, era = _year_or_shift(ctx)
    first = _month_value(ctx, month, year, era, None)
    if first.value is None or first.calendar == "hijri":
        return _Resolved(None, calendar=first.calendar, year_inferred=first.year_inferred)
    y, m = first.value.year, first.value.month
    if nth > 0 and nth_text.startswith("ال"):
        # ``الثلاثاء الثالث من سبتمبر``: the 3rd when that day is a Tuesday, else the 3rd Tuesday.
        as_day = cal.gregorian_day(y, m, nth)
        if nth > 5 or (as_day is not None and as_day.isoweekday() == weekday):
            return _Resolved(as_day, year_inferred=first.year_inferred)
    return _Resolved(cal.nth_weekday(y, m, weekday, nth), year_inferred=first.year_inferred)


def _r_week_of_month(ctx: _Context) -> _Resolved:
    nth_text = ctx.group("nth") or ""
    nth = -1 if nth_text.startswith(("اخر", "الاخير")) else _number(ctx, nth_text)
    month = _month(ctx)
    assert month is not None
    year, era = _year_or_shift(ctx)
    first = _month_value(ctx, month, year, era, None)
    if nth is None or nth > 5 or first.value is None or first.calendar == "hijri":
        return _Resolved(None, grain="week", year_inferred=first.year_inferred)
    y, m = first.value.year, first.value.month
    monday = cal.nth_weekday(y, m, 1, nth)
    if nth == -1 and monday is not None and (monday + dt.timedelta(days=6)).month != m:
        monday -= dt.timedelta(days=7)  # only weeks wholly inside the month
    if monday is None:
        return _Resolved(None, grain="week")
    return _Resolved(monday, monday + dt.timedelta(days=6), "week", year_inferred=first.year_inferred)


def _r_last_day(ctx: _Context) -> _Resolved:
    month = _month(ctx)
    assert month is not None
    year, era = _year_or_shift(ctx)
    whole = _month_value(ctx, month, year, era, None)
    return _Resolved(whole.end, None, "day", whole.calendar, whole.year_inferred)


def _r_weekday_date(ctx: _Context) -> _Resolved:
    weekday = ctx.grammar.weekdays[ctx.group("wd") or ""]
    month, day = _month(ctx), _day(ctx)
    assert month is not None
    assert day is not None
    year, era = _year(ctx)
    return _day_value(ctx, month, day, year, era, _shift(ctx), weekday)


def _r_weekday_day(ctx: _Context) -> _Resolved:
    weekday = ctx.grammar.weekdays[ctx.group("wd") or ""]
    day = _day(ctx)
    assert day is not None
    if ctx.published is None:
        return _Resolved(None, year_inferred=True)
    relative = _month(ctx)
    y, m = cal.add_months(ctx.published.year, ctx.published.month, relative.relative or 0 if relative else 0)
    value = cal.gregorian_day(y, m, day)
    if value is None or value.isoweekday() != weekday:
        return _weekday_value(ctx, weekday, None)  # the ordinal is not this month's day: keep the weekday
    return _Resolved(value, year_inferred=True)


def _r_day_month(ctx: _Context) -> _Resolved:
    _check_not_reference(ctx)
    month, day = _month(ctx), _day(ctx)
    assert month is not None
    assert day is not None
    year, era = _year_or_shift(ctx)
    return _day_value(ctx, month, day, year, era, _shift(ctx))


def _part_days(ctx: _Context) -> tuple[int, int]:
    part = ctx.grammar.parts[ctx.group("part") or ""]
    return part.first_day, part.last_day


def _r_part_of_month(ctx: _Context) -> _Resolved:
    month = _month(ctx)
    assert month is not None
    year, era = _year(ctx)
    whole = _month_value(ctx, month, year, era, _shift(ctx))
    if whole.value is None or whole.end is None:
        return _Resolved(None, calendar=whole.calendar, year_inferred=whole.year_inferred)
    first, last = _part_days(ctx)
    length = (whole.end - whole.value).days + 1
    start = whole.value + dt.timedelta(days=min(first, length) - 1)
    end = whole.value + dt.timedelta(days=min(last, length) - 1)
    return _Resolved(start, end if end != start else None, "day", whole.calendar, whole.year_inferred)


def _r_quarter_of_year(ctx: _Context) -> _Resolved:
    size = 3 if ctx.group("qunit") == "الربع" else 6
    count = 12 // size
    nth_text = ctx.group("nth") or ""
    nth = count if nth_text == "الاخير" else ctx.grammar.ordinals.get(nth_text, 0)
    if not 1 <= nth <= count:
        raise _NotADateError  # ``النصف الثالث``
    year, _ = _year(ctx)
    inferred = year is None
    if year is None:
        if ctx.published is None:
            return _Resolved(None, grain="month", year_inferred=True)
        year = ctx.published.year + (_shift(ctx) or 0)
    first_month = (nth - 1) * size + 1
    return _Resolved(
        dt.date(year, first_month, 1),
        cal.month_end(year, first_month + size - 1),
        "month",
        year_inferred=inferred,
    )


def _r_part_of_year(ctx: _Context) -> _Resolved:
    if ctx.group("period") == "الاسبوع":  # ``مطلع الأسبوع المقبل``: the week itself
        return _r_period_shift(ctx)
    part = ctx.grammar.parts[ctx.group("part") or ""]
    year, era = _year(ctx)
    inferred = False
    if year is None:
        if ctx.published is None:
            return _Resolved(None, grain="month", year_inferred=True)
        year, inferred = ctx.published.year + (_shift(ctx) or 0), True
    if _is_hijri("gregorian", year, era):
        return _Resolved(None, grain="month", calendar="hijri")
    start = dt.date(year, part.first_month, 1)
    end = cal.month_end(year, part.last_month)
    return _Resolved(start, end, "month", year_inferred=inferred)


def _r_month_year(ctx: _Context) -> _Resolved:
    _check_not_reference(ctx)
    month = _month(ctx)
    assert month is not None
    year, era = _year(ctx)
    if year is None:
        shift = _year_shift(ctx)
        if ctx.published is None or shift is None:
            return _Resolved(None, grain="month", calendar=month.calendar, year_inferred=True)
        resolved = _month_value(ctx, month, ctx.published.year + shift, era, None)
        return _Resolved(resolved.value, resolved.end, "month", resolved.calendar, True)
    if year < 1600 and era is None and month.calendar == "gregorian" and ctx.group("month") is not None:
        era = "gregorian"  # ``ديسمبر 1436`` is odd, but a Gregorian month name decides
    return _month_value(ctx, month, year, era, None)


def _holiday_in(holiday: HolidayEntry, year: int, era: str | None) -> _Resolved:
    """The holiday in Gregorian *year* (or in AH *year* when it is one)."""
    if holiday.computed == "easter":
        return _Resolved(cal.easter(year))
    month, day = holiday.month or 1, holiday.day or 1
    if holiday.calendar == "gregorian":
        return _Resolved(cal.gregorian_day(year, month, day))
    hijri_year = year if _is_hijri("gregorian", year, era) else cal.hijri_year_overlapping(year, month, day)
    if hijri_year is None:
        return _Resolved(None, calendar="hijri")
    start = cal.hijri_day(hijri_year, month, day)
    end = cal.hijri_month_end(hijri_year, month) if holiday.whole_month else None
    return _Resolved(start, end, "day", "hijri")


def _r_holiday(ctx: _Context) -> _Resolved:
    holiday = ctx.grammar.holidays[ctx.group("holiday") or ""]
    year, era = _year(ctx)
    if holiday.needs_year and year is None:
        raise _NotADateError
    if year is not None:
        return _holiday_in(holiday, year, era)
    if ctx.published is None:
        return _Resolved(None, calendar=holiday.calendar, year_inferred=True)
    # The one of the publication year (news speaks of this year's feast), unless that one is
    # nearly a year past (رأس السنة in December) or the options ask for the next one.
    found = _holiday_in(holiday, ctx.published.year, None)
    if found.value is not None and (
        (found.value - ctx.published).days < -HOLIDAY_PAST_DAYS
        or (ctx.future_dates and found.value < ctx.published)
    ):
        found = _holiday_in(holiday, ctx.published.year + 1, None)
    return _Resolved(found.value, found.end, found.grain, found.calendar, year_inferred=True)


HOLIDAY_PAST_DAYS = 300
"""A year-less holiday more than this many days before publication is the next year's."""


def _r_month(ctx: _Context) -> _Resolved:
    month = _month(ctx)
    assert month is not None
    return _month_value(ctx, month, None, None, _shift(ctx))


def _r_numeric_month_year(ctx: _Context) -> _Resolved:
    _check_not_reference(ctx)
    return _r_month_year(ctx)


def _r_year(ctx: _Context) -> _Resolved:
    _check_not_reference(ctx)
    year, era = _year(ctx)
    assert year is not None
    return _year_value(year, era)


def _r_year_range(ctx: _Context) -> _Resolved:
    first, last = int(ctx.group("year1") or 0), int(ctx.group("year2") or 0)
    era = ctx.group("era")
    start = _year_value(first, era)
    if not first < last <= first + 100:
        return start
    end = _year_value(last, era)
    return _Resolved(start.value, end.end, "year", start.calendar)


def _r_weekday_of_week(ctx: _Context) -> _Resolved:
    weekday = ctx.grammar.weekdays[ctx.group("wd") or ""]
    if ctx.published is None:
        return _Resolved(None)
    shift = 0 if ctx.group("this") else (_shift(ctx, "wshift") or 0)
    monday = cal.week_start(ctx.published) + dt.timedelta(weeks=shift)
    return _Resolved(monday + dt.timedelta(days=weekday - 1))


def _r_weekday_shift(ctx: _Context) -> _Resolved:
    weekday = ctx.grammar.weekdays[ctx.group("wd") or ""]
    if ctx.group("this"):
        return _weekday_value(ctx, weekday, 2)
    shift = _shift(ctx)
    return _weekday_value(ctx, weekday, None if shift is None else (shift if shift else 2))


def _r_period_shift(ctx: _Context) -> _Resolved:
    unit = ctx.grammar.periods[ctx.group("period") or ""]
    shift = 0 if ctx.group("this") else (_shift(ctx) or 0)
    grain: Grain = "week" if unit == "week" else "month" if unit == "month" else "year"
    published = ctx.published
    if ctx.group("same") is not None:  # ``العام نفسه``: the period of the date before
        published, shift = ctx.previous, 0
    if published is None:
        return _Resolved(None, grain=grain)
    if unit == "week":
        monday = cal.week_start(published) + dt.timedelta(weeks=shift)
        return _Resolved(monday, monday + dt.timedelta(days=6), "week")
    if unit == "month":
        y, m = cal.add_months(published.year, published.month, shift)
        return _Resolved(dt.date(y, m, 1), cal.month_end(y, m), "month")
    return _Resolved(dt.date(published.year + shift, 1, 1), dt.date(published.year + shift, 12, 31), "year")


def _r_ago(ctx: _Context) -> _Resolved:
    unit_text = ctx.group("cone") or ctx.group("ctwo") or ctx.group("cmany") or ""
    unit, count = ctx.grammar.count_units[unit_text]
    if ctx.group("cnum") is not None:
        count = _number(ctx, ctx.group("cnum"))
        if ctx.group("cmany") is None and count != 1 and (count or 0) <= 10:
            raise _NotADateError  # ``قبل 3 يوم`` is not how a count is written
    if count is None or count > 60:
        raise _NotADateError
    if unit == "year" and ctx.group("approx") is not None:
        # منذ أكثر من أربع سنوات, قبل نحو عشرين عاما: a rough span of years, no day to name
        raise _NotADateError
    if ctx.published is None:
        return _Resolved(None)
    sign = 1 if ctx.group("dir") == "بعد" else -1
    if unit in {"month", "year"}:  # the same day that many months or years away
        months = sign * count * (12 if unit == "year" else 1)
        y, m = cal.add_months(ctx.published.year, ctx.published.month, months)
        return _Resolved(dt.date(y, m, min(ctx.published.day, cal.month_end(y, m).day)))
    days = count * (7 if unit == "week" else 1)
    return _Resolved(ctx.published + dt.timedelta(days=sign * days))


def _r_month_range(ctx: _Context) -> _Resolved:
    first, last = _month(ctx, "1"), _month(ctx, "2")
    assert first is not None
    assert last is not None
    assert first.number is not None
    assert last.number is not None
    year1, _ = _year_or_shift(ctx, "1")
    year2, _ = _year_or_shift(ctx, "2")
    wraps = first.number > last.number  # ``من نوفمبر إلى فبراير`` crosses a new year
    inferred = year1 is None and year2 is None
    if year2 is None and year1 is not None:
        year2 = year1 + wraps
    if year2 is None:
        latest = _month_value(ctx, last, None, None, _shift(ctx, "shift2")).value
        if latest is None:
            return _Resolved(None, grain="month", year_inferred=True)
        year2 = latest.year
    if year1 is None:
        year1 = year2 - wraps
    if (year1, first.number) >= (year2, last.number) or year2 - year1 > 1:
        raise _NotADateError
    return _Resolved(
        dt.date(year1, first.number, 1), cal.month_end(year2, last.number), "month", year_inferred=inferred
    )


def _r_season(ctx: _Context) -> _Resolved:
    season = ctx.grammar.seasons[ctx.group("season") or ""]
    year, _ = _year(ctx)
    if year is not None:
        if year < 1600:
            raise _NotADateError
        return _Resolved(dt.date(year, *season.start), dt.date(year, *season.end), "day")
    published = ctx.published
    if published is None:
        return _Resolved(None, year_inferred=True)
    year_shift = _shift(ctx, "sshift")
    if year_shift is not None:  # ``ربيع العام الماضي``: the season of that year
        y = published.year + year_shift
        return _Resolved(dt.date(y, *season.start), dt.date(y, *season.end), "day", year_inferred=True)
    shift = _shift(ctx) or 0
    spans = [
        (dt.date(y, *season.start), dt.date(y, *season.end))
        for y in range(published.year - 1, published.year + 2)
    ]
    if shift < 0:
        start, end = max(s for s in spans if s[1] < published)
    elif shift > 0:
        start, end = min(s for s in spans if s[0] > published)
    else:
        start, end = next(s for s in spans if s[1] >= published)
    return _Resolved(start, end, "day", year_inferred=True)


def _r_relative_day(ctx: _Context) -> _Resolved:
    start = ctx.match.start()
    before = ctx.doc.aligned.text[max(0, start - 12) : start].split()
    if before and before[-1] in ctx.grammar.not_before_today:
        raise _NotADateError  # ``في ذات اليوم`` is the day just told of; ``روسيا اليوم`` a channel
    offset = ctx.grammar.relative_days[ctx.group("rel") or ""]
    if ctx.published is None:
        return _Resolved(None)
    return _Resolved(ctx.published + dt.timedelta(days=offset))


def _r_weekday(ctx: _Context) -> _Resolved:
    start = ctx.match.start()
    before = ctx.doc.aligned.text[max(0, start - 12) : start].split()
    if before and before[-1] in ctx.grammar.not_before_weekday:
        raise _NotADateError  # ``بين الاثنين`` is "between the two"
    return _weekday_value(ctx, ctx.grammar.weekdays[ctx.group("wd") or ""], None)


_RESOLVERS: dict[str, Callable[[_Context], _Resolved]] = {
    "numeric_dmy": _r_numeric,
    "numeric_ymd": _r_numeric,
    "numeric_hijri_named": _r_numeric,
    "range_day_month_to_day_month": _r_range,
    "range_days_month": _r_range,
    "range_month_days": _r_range,
    "range_month_to_month": _r_month_range,
    "nth_weekday_of_month": _r_nth_weekday,
    "week_of_month": _r_week_of_month,
    "last_day_of_month": _r_last_day,
    "relative_date": _r_day_month,
    "weekday_date": _r_weekday_date,
    "weekday_numeric": _r_weekday_date,
    "weekday_day": _r_weekday_day,
    "day_month": _r_day_month,
    "day_of_current_month": _r_day_month,
    "part_of_month": _r_part_of_month,
    "quarter_of_year": _r_quarter_of_year,
    "part_of_year": _r_part_of_year,
    "month_year": _r_month_year,
    "numeric_month_year": _r_numeric_month_year,
    "season": _r_season,
    "holiday": _r_holiday,
    "month_shift": _r_month,
    "paired_month": _r_month,
    "named_month": _r_month,
    "month_number": _r_month,
    "cued_month": _r_month,
    "year_range": _r_year_range,
    "year": _r_year,
    "weekday_of_week": _r_weekday_of_week,
    "weekday_shift": _r_weekday_shift,
    "period_shift": _r_period_shift,
    "ago": _r_ago,
    "relative_weekday": _r_relative_day,
    "relative_day": _r_relative_day,
    "weekday": _r_weekday,
}


_TRAILING_MARKS = regex.compile(r"[\u0640\u064b-\u065f\u0670]+")


def _span(doc: Document, start: int, end: int) -> Span:
    """The original span of normalized ``[start, end)``, with the tatweel of ``هـ`` and trailing
    diacritics that normalization deleted kept inside."""
    begin, finish = doc.aligned.original_offsets(start, end)
    trailing = _TRAILING_MARKS.match(doc.text, finish)
    if trailing is not None:
        finish = trailing.end()
    return Span(start=begin, end=finish, text=doc.text[begin:finish])


_WORDS = regex.compile(r"\w+")
_NUMBER_START = regex.compile(r"(?:[وفبل]{1,2})?(?:ال)?\d")


def _candidate_starts(compiled: DateGrammar, text: str) -> Iterator[tuple[int, str]]:
    """The words a rule can start with (or a number), left to right: (offset, word)."""
    starts = compiled.starts
    for word in _WORDS.finditer(text):
        token = word.group()
        if token not in starts and (token.isalpha() or _NUMBER_START.match(token) is None):
            continue
        yield word.start(), token


def _clitic_rank(match: regex.Match[str]) -> int:
    """Where the match's clitic comes in the order the pattern tries them (no clitic last)."""
    clitic = match.group("clitic")
    return len(CLITICS) if clitic is None else CLITICS.index(clitic)


def _first_match(
    text: str, compiled: DateGrammar, start: int, word: str, rules: Iterable[int]
) -> tuple[regex.Match[str], int] | None:
    """(match, rule index) as the rules would match as one alternation behind the optional
    clitic: the first clitic choice that lets any rule match, then the first such rule."""
    floor = next(
        (rank for rank, clitic in enumerate(CLITICS) if word.startswith(clitic) and len(word) > len(clitic)),
        len(CLITICS),
    )
    best: tuple[regex.Match[str], int] | None = None
    best_rank = len(CLITICS) + 1
    for index in rules:
        match = compiled.rule_pattern(index).match(text, start)
        if match is None:
            continue
        rank = _clitic_rank(match)
        if rank < best_rank:
            best, best_rank = (match, index), rank
            if rank == floor:  # no later rule can match with an earlier clitic choice
                break
    return best


def _resolve_at(
    doc: Document, compiled: DateGrammar, start: int, word: str, previous: dt.date | None
) -> tuple[regex.Match[str], str, int, _Resolved] | None:
    """The first rule that matches at *start* and resolves: (match, rule, span start, resolution).

    The rules are tried most specific first; when a rule's resolver rejects its match
    (``القرار 2254``), the later rules are tried at the same place."""
    text = doc.aligned.text
    rules = compiled.rules_at(word)
    names = compiled.rule_names
    future_option = doc.options.weekday_direction == "future"
    found = _first_match(text, compiled, start, word, rules)
    while found is not None:
        match, index = found
        begin = match.end("clitic") if match.start("clitic") >= 0 else match.start()
        strong, weak = _tense(doc, compiled, begin)
        scheduled = _scheduled(doc, compiled, begin, match.end())
        ctx = _Context(
            match,
            compiled,
            doc,
            doc.published,
            future_option or weak,
            future_option,
            strong,
            scheduled,
            previous,
        )
        try:
            return match, names[index], begin, _RESOLVERS[names[index]](ctx)
        except _NotADateError:
            found = _first_match(text, compiled, start, word, (i for i in rules if i > index))
    return None


def find_dates(doc: Document) -> list[DateMention]:
    """Every date expression of *doc*, in text order, resolved against ``doc.published``.

    Spans cover the expression without a leading preposition (``4 ديسمبر``,
    not ``في 4 ديسمبر``).  An expression that cannot be resolved (no
    `published` for ``أمس``, an impossible ``31 فبراير``, a Hijri year
    outside AH 1343–1500) is still reported, with ``value=None``.
    """
    compiled = grammar(doc.resources)
    mentions: list[DateMention] = []
    previous: dt.date | None = None
    position = 0
    for candidate, word in _candidate_starts(compiled, doc.aligned.text):
        if candidate < position:
            continue
        found = _resolve_at(doc, compiled, candidate, word, previous)
        if found is None:  # a rejected match leaves its words free for other dates
            continue
        match, rule, start, resolved = found
        position = match.end()
        mentions.append(
            DateMention(
                span=_span(doc, start, match.end()),
                value=resolved.value,
                end=resolved.end if resolved.end != resolved.value else None,
                grain=resolved.grain,
                calendar=resolved.calendar,
                year_inferred=resolved.year_inferred,
                rule=rule,
            )
        )
        previous = resolved.value or previous
    return mentions


def supported_forms() -> list[dict[str, str]]:
    """The date forms the matcher knows, one row per rule: name, description, examples.

    Used to generate the table of ``docs/dates.md``.
    """
    return [{"rule": rule.name, "doc": rule.doc, "examples": " · ".join(rule.examples)} for rule in RULES]


def month_forms(resources: Resources | None = None) -> list[dict[str, str]]:
    """The month names the matcher knows, one row per calendar, family and month."""
    res = resources or default_resources()
    return [
        {
            "calendar": month.calendar,
            "family": month.family,
            "number": str(month.number),
            "forms": "، ".join(month.forms),
            "weak": "، ".join(month.weak),
        }
        for month in sorted(
            res.entries("month", MonthEntry), key=lambda m: (m.calendar != "gregorian", m.number, m.family)
        )
    ]


def forms_markdown(resources: Resources | None = None) -> str:
    """Markdown tables of the supported date forms and month names (for ``docs/dates.md``)."""
    lines = ["| rule | what it matches | examples |", "|---|---|---|"]
    lines += [f"| `{row['rule']}` | {row['doc']} | {row['examples']} |" for row in supported_forms()]
    lines += [
        "",
        "| calendar | family | month | forms | only with a day, year or شهر |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {row['calendar']} | {row['family']} | {row['number']} | {row['forms']} | {row['weak']} |"
        for row in month_forms(resources)
    ]
    return "\n".join(lines) + "\n"
