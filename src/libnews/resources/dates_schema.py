"""Entry models of the dates tables (``months.toml``, ``numbers.toml``, ``date_words.toml``).

Forms are written in ordinary Arabic spelling; the date matcher folds them
with `libnews.text.normalize.fold` exactly as it folds article text.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from libnews.resources.entry import Entry

__all__ = [
    "MODELS",
    "CountUnitEntry",
    "DateCueEntry",
    "DateWordListEntry",
    "HolidayEntry",
    "MonthEntry",
    "NumberEntry",
    "PartEntry",
    "PeriodEntry",
    "RelativeDayEntry",
    "SeasonEntry",
    "ShiftEntry",
    "WeekdayEntry",
]


class MonthEntry(Entry):
    """A month name of one calendar and regional family (``[[month]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("calendar", "family", "number")
    calendar: Literal["gregorian", "hijri"]
    """Calendar the month belongs to."""
    family: Literal["msa", "levantine", "maghrebi", "algerian", "hijri"]
    """Regional naming family (``levantine`` for كانون الثاني، شباط …)."""
    number: int = Field(ge=1, le=12)
    """Month number in its calendar (1 = January or Muharram)."""
    forms: list[str] = Field(min_length=1)
    """Written forms (``أبريل``, ``إبريل``)."""
    weak: list[str] = Field(default_factory=list)
    """Forms that are also ordinary words or names: months only next to a day, a year or ``شهر``."""


class NumberEntry(Entry):
    """A number word (``[[number]]``): an ordinal (``الخامس عشر``) or a cardinal (``ثلاثة``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("kind", "value")
    kind: Literal["ordinal", "cardinal"]
    """Ordinal (day of month, nth weekday) or cardinal (counts, ``شهر ثلاثة``)."""
    value: int = Field(ge=1, le=31)
    """The number."""
    forms: list[str] = Field(min_length=1)
    """Written forms, masculine, feminine and compound."""


class WeekdayEntry(Entry):
    """A day of the week (``[[weekday]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("number",)
    number: int = Field(ge=1, le=7)
    """ISO weekday: 1 = Monday … 7 = Sunday."""
    forms: list[str] = Field(min_length=1)
    """Written forms; those without ال are read only after ``يوم`` or before ``الأسبوع``."""


class RelativeDayEntry(Entry):
    """A day named relative to publication (``[[relative_day]]``): ``أمس`` is -1."""

    key_fields: ClassVar[tuple[str, ...]] = ("offset",)
    offset: int = Field(ge=-7, le=7)
    """Days from the publication day."""
    forms: list[str] = Field(min_length=1)
    """Written forms."""


class ShiftEntry(Entry):
    """A word moving a period or a month (``[[shift]]``): ``الماضي`` -1, ``الجاري`` 0, ``المقبل`` +1."""

    key_fields: ClassVar[tuple[str, ...]] = ("offset",)
    offset: int = Field(ge=-1, le=1)
    """Direction: -1 the previous one, 0 the current one, +1 the next one."""
    forms: list[str] = Field(min_length=1)
    """Written forms, masculine and feminine."""


class PeriodEntry(Entry):
    """A calendar unit (``[[period]]``): ``الأسبوع``, ``الشهر``, ``العام``."""

    key_fields: ClassVar[tuple[str, ...]] = ("unit",)
    unit: Literal["week", "month", "year"]
    """The unit."""
    forms: list[str] = Field(min_length=1)
    """Written forms."""


class PartEntry(Entry):
    """A part of a month or a year (``[[part]]``): ``مطلع``, ``منتصف``, ``أواخر``."""

    key_fields: ClassVar[tuple[str, ...]] = ("name",)
    name: str
    """Stable key (``start``, ``mid``, ``late``)."""
    forms: list[str] = Field(min_length=1)
    """Written forms."""
    first_day: int = Field(ge=1, le=31)
    """First day it covers in a month (31 means the month's last day)."""
    last_day: int = Field(ge=1, le=31)
    """Last day it covers in a month (31 means the month's last day)."""
    first_month: int = Field(ge=1, le=12)
    """First month it covers in a year."""
    last_month: int = Field(ge=1, le=12)
    """Last month it covers in a year."""


class CountUnitEntry(Entry):
    """A unit counted back or forward (``[[count_unit]]``): ``قبل ثلاثة أيام``."""

    key_fields: ClassVar[tuple[str, ...]] = ("unit",)
    unit: Literal["day", "week", "month", "year"]
    """The unit."""
    one: list[str] = Field(min_length=1)
    """Singular forms (``يوم``)."""
    two: list[str] = Field(default_factory=list)
    """Dual forms, meaning two (``يومين``)."""
    many: list[str] = Field(default_factory=list)
    """Plural forms, after a number (``أيام``)."""


class SeasonEntry(Entry):
    """A season of the year (``[[season]]``): ``صيف 2020``, first and last day as month/day."""

    key_fields: ClassVar[tuple[str, ...]] = ("name",)
    name: str = Field(pattern=r"^[a-z_]+$")
    """Stable key (``summer``)."""
    forms: list[str] = Field(min_length=1)
    """Written forms, without and with the article (``صيف``, ``الصيف``)."""
    start: tuple[int, int]
    """(month, day) it begins on."""
    end: tuple[int, int]
    """(month, day) it ends on, in the same year."""


class HolidayEntry(Entry):
    """A holiday (``[[holiday]]``): a fixed day of a calendar, or a computed one."""

    key_fields: ClassVar[tuple[str, ...]] = ("name",)
    name: str = Field(pattern=r"^[a-z_]+$")
    """Stable key (``eid_al_fitr``)."""
    forms: list[str] = Field(min_length=1)
    """Written forms."""
    calendar: Literal["gregorian", "hijri"]
    """Calendar of `month` and `day`."""
    month: int | None = Field(default=None, ge=1, le=12)
    """Month of the holiday in its calendar."""
    day: int | None = Field(default=None, ge=1, le=30)
    """Day of the holiday in its calendar."""
    computed: Literal["easter"] | None = None
    """A date computed by rule instead of `month`/`day`."""
    whole_month: bool = False
    """The holiday is the whole month (``رمضان 2019``): a range."""
    needs_year: bool = False
    """Read only with a written year (``رمضان`` alone is also a name)."""

    @model_validator(mode="after")
    def _has_date(self) -> HolidayEntry:
        if self.computed is None and (self.month is None or self.day is None):
            raise ValueError("a holiday needs month and day, or computed")
        return self


class DateCueEntry(Entry):
    """Words that let a bare month or year be read as a date (``[[date_cue]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("kind",)
    kind: Literal["year", "month"]
    """``year``: words before a bare year (``عام``); ``month``: words before a bare month (``في``)."""
    forms: list[str] = Field(min_length=1)
    """Written forms."""


class DateWordListEntry(Entry):
    """A list of words that steer the date matcher (``[[date_word_list]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("kind",)
    kind: Literal[
        "not_after_today",
        "not_before_today",
        "not_before_number",
        "not_before_weekday",
        "future_cue",
        "weekday_future_cue",
        "scheduled_cue",
        "scheduled_after_cue",
        "purpose_cue",
    ]
    """``not_after_today``: words after ``اليوم`` that make it a name (``اليوم الوطني``);
    ``not_before_today``: words before a relative day that make it another day or a name
    (``في ذات اليوم`` "the same day", ``روسيا اليوم``);
    ``not_before_number``: words before a number that make it a reference, not a day or year
    (``القرار``, ``المادة``); ``not_before_weekday``: words before ``الاثنين`` that make it
    "the two" (``بين الاثنين``); ``future_cue``: words that put a sentence in the future, so a bare
    weekday or a year-less date is the next one (``سيعقد``, ``المقرر``); ``weekday_future_cue``:
    weaker cues (``المقبل``) that only steer bare weekdays."""
    forms: list[str] = Field(min_length=1)
    """Written forms."""


MODELS: dict[str, type[Entry]] = {
    "month": MonthEntry,
    "number": NumberEntry,
    "weekday": WeekdayEntry,
    "relative_day": RelativeDayEntry,
    "shift": ShiftEntry,
    "period": PeriodEntry,
    "part": PartEntry,
    "count_unit": CountUnitEntry,
    "holiday": HolidayEntry,
    "season": SeasonEntry,
    "date_cue": DateCueEntry,
    "date_word_list": DateWordListEntry,
}
"""Table name → entry model, gathered by `libnews.resources.schema`."""
