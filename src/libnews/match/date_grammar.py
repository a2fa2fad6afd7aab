"""The date grammar: named rules, each compiled (once per `Resources`) when first needed.

Every rule is a pattern template over slots (``<DAY>``, ``<MONTH>``, ``<YEAR>`` …)
whose word lists come from the data tables (``months.toml``, ``numbers.toml``,
``date_words.toml``) as `regex` named lists.  The rules are ordered most specific
first; at each word that can begin a date, the matcher tries the rules that can
begin with that word, in that order (linear in the text).  Each rule's match is
wrapped in a group named after the rule; the resolver in `libnews.match.dates`
reads its named slots.

Rules are compiled lazily because `regex` compiles a large pattern slowly (it
parses every ``\\L<list>`` use letter by letter): one pattern of all rules took
~0.4 s, while an article needs only the rules its words can start.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import regex

from libnews.gc_pause import collection_paused
from libnews.resources import Resources
from libnews.resources.dates_schema import (
    CountUnitEntry,
    DateCueEntry,
    DateWordListEntry,
    HolidayEntry,
    MonthEntry,
    NumberEntry,
    PartEntry,
    PeriodEntry,
    RelativeDayEntry,
    SeasonEntry,
    ShiftEntry,
    WeekdayEntry,
)
from libnews.text.normalize import fold

__all__ = ["CLITICS", "RULES", "DateGrammar", "Rule", "build_grammar", "grammar"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One named date shape."""

    name: str
    """Stable rule name, reported as `DateMention.rule`."""
    template: str
    """Pattern over slots like ``<DAY>``; see `_SLOTS`."""
    doc: str
    """What it matches, for the docs."""
    examples: tuple[str, ...]
    """Texts the rule must match whole (checked by the tests)."""


# Slots: small patterns shared by the rules.  Named groups inside a slot carry a
# suffix placeholder "#" replaced per use, so a range can hold two days.
_SP = r"\s"
_DAY_NUM = r"(?:[12][0-9]|3[01]|0?[1-9])(?![\d/.:,]\d|\d)"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])(?!\d)"
_NUMERIC_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?!\d)"
_NUMERIC_YEAR = r"(?:1[3-9]\d\d|20\d\d|21\d\d)(?!\d)"
_YEAR_NUM = r"(?:1[3-9]\d\d|20\d\d|21\d\d)(?![\d/.:,]\d|\d|\s?%)"
_ERA = r"(?:\s?(?P<era>ه|هجري|هجريه|للهجره|الهجري|الهجريه|م|ميلادي|ميلاديه|للميلاد|الميلادي|الميلاديه)(?!\w))"
_PAIR_SEP = r"(?:\s?[/\-]\s?|\s|\s?\(\s?(?P<open#>))"
_SLOTS: dict[str, str] = {
    # An indefinite ordinal (ثاني، ثالث) is a day only before يوم: آل ثاني is a family name.
    "DAY#": (
        r"(?:ال\s?(?=\d))?(?P<day#>"
        + _DAY_NUM
        + r"|\L<ordinal_def>|\L<ordinal_first>|\L<ordinal_indef>(?=\sيوم))"
    ),
    "DAYNUM#": r"(?P<day#>" + _DAY_NUM + r")",
    "ORDDEF#": r"(?P<day#>\L<ordinal_def>)",
    # A month may be followed by its name in another family: ``ديسمبر/كانون الأول``,
    # ``ديسمبر (كانون الأول)``, ``ديسمبر كانون الأول``.  The separators exclude one another, so
    # one list use serves all three (``(?(open#)…)`` closes the parenthesis): each list use
    # costs compile time.
    "MONTH#": (
        r"(?:(?P<month#>\L<month>)(?:" + _PAIR_SEP + r"(?P<pair#>\L<month>)(?(open#)\s?\)))?(?!\w)"
        r"|شهر\s(?P<mnum#>" + _MONTH_NUM + r"|\L<cardinal>)(?!\w)"
        r"|الشهر\s(?P<mord#>\L<ordinal_def>)(?!\w)"
        r"|(?P<mrel#>الشهر\s\L<shift_after>|(?:هذا|نفس|ذات)\sالشهر|الشهر\s(?:نفسه|ذاته))(?!\w))"
    ),
    "GMONTH#": (
        r"(?:(?P<month#>\L<gmonth>)(?:" + _PAIR_SEP + r"(?P<pair#>\L<gmonth>)(?(open#)\s?\)))?(?!\w))"
    ),
    "STRONGMONTH": (
        r"(?:(?P<month>\L<strong_month>)(?:"
        + _PAIR_SEP.replace("#", "")
        + r"(?P<pair>\L<gmonth>)(?(open)\s?\)))?(?!\w))"
    ),
    "PAIREDMONTH": (
        r"(?:(?P<month>\L<gmonth>)(?:\s?/\s?|\s?\(\s?(?P<open>))(?P<pair>\L<gmonth>)(?(open)\s?\))(?!\w))"
    ),
    "SHIFT#": r"(?:\s(?P<shift#>\L<shift_after>)(?!\w))",
    "YEARTAIL#": (
        r"(?:(?:\s?,\s?|\s|\s?[-/]\s?)(?:(?:من|في)\s)?(?:(?:[لب]?(?:عام|سنه)|العام|السنه)\s)?"
        r"(?P<year#>" + _YEAR_NUM + r")" + _ERA.replace("era", "era#") + r"?"
        r"|\s(?:من\s|في\s)?(?:العام|السنه)(?P<yshift#>" + r"\s\L<shift_after>)(?!\w))"
    ),
    "YEAR": r"(?P<year>" + _YEAR_NUM + r")",
    "NUMDMY": (
        r"(?P<day>" + _NUMERIC_DAY + r")\s?(?P<sepa>[/.\-])\s?(?P<mnum>" + _MONTH_NUM + r")\s?(?P=sepa)\s?"
        r"(?P<year>" + _YEAR_NUM + r")" + _ERA + "?"
    ),
    "ERA": _ERA,
    # ``الأحد عشر`` is "the eleven", not Sunday.
    "WD": r"(?P<wd>\L<weekday_def>)(?!\w)(?!\sعشر)",
    "WDANY": r"(?P<wd>\L<weekday_def>|\L<weekday_bare>)(?!\w)(?!\sعشر)",
    "FULLRANGESEP": r"(?:\s?[-–]\s?|\s(?:الي|حتي|وحتي|لغايه|ولغايه|وحتي\sيوم)\s)",
    "RANGESEP": (
        r"(?:\s?[-–]\s?|\s(?:الي|حتي|وحتي|لغايه|ولغايه|وليوم|وحتي\sيوم)\s"
        r"|\sو\s?(?!العشرين|العشرون|الثلاثين|الثلاثون))"
    ),
    "PART": r"(?P<part>\L<part>)",
    "PERIOD": r"(?P<period>\L<period>)",
    "COUNT": (
        r"(?:(?P<cone>\L<count_one>)|(?P<ctwo>\L<count_two>)"
        r"|(?P<cnum>\d{1,2}|\L<cardinal>)\s(?P<cmany>\L<count_many>|\L<count_one>))(?!\w)"
    ),
}


def _day_month(suffix: str = "") -> str:
    """A day, then its month: ``4 ديسمبر``, ``الخامس عشر من شهر مارس``, ``اليوم الثالث من اكتوبر``."""
    return (
        rf"(?:اليوم\s(?=\L<ordinal_def>))?<DAY{suffix}>(?:\sيوم)?(?:\s(?:من|في)\s?|\s|\s?[/\-]\s?|\sب)?"
        rf"(?:\s?شهر\s)?<MONTH{suffix}>"
    )


RULES: tuple[Rule, ...] = (
    Rule(
        "numeric_dmy",
        "<NUMDMY>",
        "Numeric day/month/year (any of / - .), Hijri when the year is AH or followed by هـ.",
        ("14/3/2021", "14-10-1436هـ", "4.12.2020"),
    ),
    Rule(
        "numeric_ymd",
        r"(?P<year>"
        + _NUMERIC_YEAR
        + r")\s?(?P<sepb>[/.\-])\s?(?P<mnum>"
        + _MONTH_NUM
        + r")\s?(?P=sepb)\s?(?P<day>"
        + _NUMERIC_DAY
        + r")<ERA>?",
        "Numeric year/month/day, the logical order of a right-to-left day-first date.",
        ("2021/03/14", "1442/5/1هـ", "2020/12/4"),
    ),
    Rule(
        "numeric_hijri_named",
        r"(?P<day>" + _NUMERIC_DAY + r")\s?/\s?(?P<month>\L<hmonth>)\s?/\s?<YEAR><ERA>?",
        "Day/Hijri month name/year.",
        ("10/شوال/1436ه",),
    ),
    Rule(
        "range_day_month_to_day_month",
        r"<DAY1>(?:\s(?:من\s)?(?:شهر\s)?|\s?/\s?)<MONTH1>(?:<YEARTAIL1>)?<FULLRANGESEP>(?:يوم\s)?<DAY2>"
        r"(?:\s(?:من\s)?(?:شهر\s)?|\s?/\s?)<MONTH2>(?:<YEARTAIL2>)?(?:<SHIFT2>)?",
        "A range between two full dates.",
        ("13 تموز الى 15 تموز", "28 ديسمبر 2020 إلى 3 يناير 2021"),
    ),
    Rule(
        "range_days_month",
        r"<DAY1><RANGESEP>(?:يوم\s)?<DAY2>(?:\s(?:من|في)\s?|\s)?(?:\s?شهر\s)?<MONTH2>(?:<YEARTAIL2>)?(?:<SHIFT2>)?",
        "A range of days in one month: ``من 4 إلى 6 ديسمبر``, ``10-12 يونيو 2019``, ``19 و20 فيفري``.",
        ("4 إلى 6 ديسمبر", "10-12 يونيو 2019", "1 و3 مارس", "19 و20 فيفري الماضي", "1-8 شهر ايلول"),
    ),
    Rule(
        "range_month_days",
        r"<GMONTH1>\s<DAYNUM1><RANGESEP><DAYNUM2>(?:<YEARTAIL2>)?",
        "Month first, then a range of days: ``يوليو 13-15``.",
        ("يوليو 13-15", "تموز 13 الى 15"),
    ),
    Rule(
        "range_month_to_month",
        r"(?<=(?<!\w)[وف]?(?:من|بين|الفتره)\s)(?:شهر\s)?<GMONTH1>(?:<YEARTAIL1>)?"
        r"(?:\s(?:الي|حتي|وحتي|لغايه|ولغايه)\s|\s?[-–]\s?|\sو\s?)(?:شهر\s)?<GMONTH2>(?:<YEARTAIL2>)?(?:<SHIFT2>)?(?!\w)",
        "A range of whole months after من or بين: ``من يناير إلى مارس 2021``, ``بين مايو ويوليو``.",
        ("من يناير الى مارس 2021", "بين مايو ويوليو"),
    ),
    Rule(
        "nth_weekday_of_month",
        r"(?:(?P<nth>\L<ordinal_indef>|اخر)\s(?:يوم\s)?<WDANY>|<WD>\s(?P<nth>\L<ordinal_def>|الاخير|الاخيره))"
        r"\s(?:من|في|ب)\s?(?:شهر\s)?<MONTH>(?:<YEARTAIL>)?",
        "The n-th (or last) weekday of a month: ``أول ثلاثاء من شهر أكتوبر``; "
        "``الثلاثاء الثالث من سبتمبر`` is the 3rd of September when that is a Tuesday.",
        (
            "اخر اثنين من شهر اذار",
            "ثالث ثلاثاء في ايلول في سنه 2014",
            "الثلاثاء الاول من اكتوبر",
            "الثلاثاء التاسع عشر من هذا الشهر",
        ),
    ),
    Rule(
        "week_of_month",
        r"(?:(?P<nth>\L<ordinal_indef>|اخر)\sاسبوع|الاسبوع\s(?P<nth>\L<ordinal_def>|الاخير))"
        r"\s(?:من|في|ب)\s?(?:شهر\s)?<MONTH>(?:<YEARTAIL>)?",
        "A week of a month (weeks Monday to Sunday, wholly inside the month).",
        ("الاسبوع الاول من شهر عشره 2014", "اخر اسبوع في سبتمبر لعام 2014"),
    ),
    Rule(
        "last_day_of_month",
        r"(?:اخر\sيوم|اليوم\sالاخير)\s(?:من|في|ب)\s?(?:شهر\s)?<MONTH>(?:<YEARTAIL>)?",
        "The last day of a month.",
        ("اخر يوم بشهر عشره سنه 2015",),
    ),
    Rule(
        "relative_date",
        r"(?P<rel>اليوم|امس|غدا|الامس)(?:\s?,\s?|\s)(?:<WD>(?:\s?,\s?|\s))?(?:الموافق\s)?"
        + _day_month()
        + r"(?:<YEARTAIL>)?",
        "A relative day with its date: ``اليوم 15 ديسمبر``, ``أمس الأحد 14 ديسمبر``.",
        ("اليوم 15 ديسمبر", "امس الاحد 14 ديسمبر 2020"),
    ),
    Rule(
        "weekday_date",
        r"(?:يوم\s)?<WD>(?:\s\L<shift_after>(?!\w))?(?:\s?,\s?|\s)(?:\(\s?)?(?:(?:الموافق|في|يوم)\s)?"
        + _day_month()
        + r"(?:<YEARTAIL>)?(?:<SHIFT>)?(?:\s?\))?",
        "A weekday and its date: ``الاثنين 18 شباط``, ``الخميس الموافق 14 شهر شباط``, "
        "``الثلاثاء (15 ديسمبر 2020)``.",
        (
            "الاثنين 18 شباط",
            "يوم الجمعه 15 شباط",
            "الخميس الموافق 14 شهر شباط",
            "الثلاثاء (15 ديسمبر 2020)",
            "الخميس المقبل 14 شباط",
        ),
    ),
    Rule(
        "weekday_numeric",
        r"(?:يوم\s)?<WD>(?:\s?,\s?|\s)(?:\(\s?)?(?:(?:الموافق|في)\s)?(?:<NUMDMY>|(?P<day>"
        + _NUMERIC_DAY
        + r")/(?P<mnum>"
        + _MONTH_NUM
        + r")(?![/\d]))(?:\s?\))?",
        "A weekday and a numeric date: ``السبت 21/09``.",
        ("يوم السبت 21/09", "الاحد 6/9/2015", "يوم الخميس 14-10- 1436هـ"),
    ),
    Rule(
        "day_of_current_month",
        r"<DAYNUM>\s(?:من\s)?(?P<mrel>الجاري|الحالي)(?!\w)",
        "A day of the current month, the month left unsaid: ``يوم 5 الجاري``, ``في 12 من الجاري``.",
        ("5 الجاري", "12 من الجاري", "20 الحالي"),
    ),
    Rule(
        "weekday_day",
        r"(?:يوم\s)?<WD>\s(?:الموافق\s)?(?:<ORDDEF>(?:\sمن\s(?P<mrel>(?:هذا|نفس)\sالشهر|الشهر\s\L<shift_after>))?"
        r"(?!\s(?:من|في)\s)|<DAYNUM>\s(?:من\s)?(?P<mrel>الجاري|الحالي)(?!\w))",
        "A weekday and a day of the current month: ``السبت السادس عشر``, ``الخميس 10 الجاري``.",
        ("السبت السادس عشر", "الثلاثاء التاسع عشر", "الخميس 10 الجاري"),
    ),
    Rule(
        "day_month",
        _day_month() + r"(?:<YEARTAIL>)?(?:<SHIFT>)?",
        "Day and month, with an optional year: ``4 ديسمبر``, ``الخامس عشر من ديسمبر 2020``, "
        "``25 شوال 1436 هـ``, ``غرة جوان``.",
        (
            "4 ديسمبر",
            "الخامس عشر من ديسمبر",
            "25 شوال 1436 هـ",
            "غرة جوان",
            "20 من شهر مارس",
            "15 ديسمبر/كانون الأول 2020",
            "الثلاثين من حزيران الماضي",
        ),
    ),
    Rule(
        "part_of_month",
        r"<PART>\s(?:(?:شهر\s)?<MONTH>(?:<YEARTAIL>)?(?:<SHIFT>)?|(?P<mrel>الشهر)(?!\w))",
        "Part of a month: ``منتصف آذار``, ``أوائل شهر مارس``, ``أواخر ديسمبر الماضي``.",
        ("منتصف اذار", "اوائل شهر مارس", "نص شهر ثلاث", "بدايه شهر 3", "مطلع الشهر المقبل", "نهايه الشهر"),
    ),
    Rule(
        "quarter_of_year",
        r"(?P<qunit>الربع|النصف)\s(?P<nth>الاول|الثاني|الثالث|الرابع|الاخير)\s(?:من\s)?"
        r"(?:(?:(?:[لب]?(?:عام|سنه)|العام|السنه)\s)?<YEAR>(?!\w)|(?P<period>العام|السنه)(?:<SHIFT>)?(?!\w))",
        "A quarter or half of a year: ``الربع الأول من العام``, ``النصف الثاني من عام 2020``.",
        ("الربع الاول من العام", "النصف الثاني من عام 2020", "الربع الاخير من العام الماضي"),
    ),
    Rule(
        "part_of_year",
        r"<PART>\s(?:(?:(?:[لب]?(?:عام|سنه)|العام|السنه)\s)?<YEAR><ERA>?|(?P<period>العام|السنه|الاسبوع)"
        r"(?:<SHIFT>)?)(?!\w)",
        "Part of a year: ``مطلع 2021``, ``مطلع العام``, ``أواخر العام الماضي``.",
        ("مطلع 2021", "مطلع العام", "اواخر العام الماضي", "منتصف عام 2020", "مطلع الاسبوع المقبل"),
    ),
    Rule(
        "month_year",
        r"(?:شهر\s)?<MONTH><YEARTAIL>",
        "Month and year: ``ديسمبر 2015``, ``حزيران/يونيو 2014``, ``رمضان 1442 هـ``.",
        ("ديسمبر 2015", "حزيران/يونيو 2014", "شهر مارس من عام 2014", "رمضان 2019"),
    ),
    Rule(
        "numeric_month_year",
        r"(?<![\d/.])(?P<mnum>" + _MONTH_NUM + r")/<YEAR>(?!/)",
        "Numeric month/year: ``2/2013``.",
        ("2/2013",),
    ),
    Rule(
        "season",
        r"(?:فصل\s)?(?P<season>\L<season>)(?:\s(?:(?:[لب]?(?:عام|سنه)|العام|السنه)\s)?<YEAR>(?!\w)|<SHIFT>"
        r"|\s(?:من\s)?(?:العام|السنه)\s(?P<sshift>\L<shift_after>)(?!\w))",
        "A season with a year or a shift: ``صيف 2020``, ``خريف عام 2019``, ``الصيف الماضي``, "
        "``ربيع العام الماضي``.",
        ("صيف 2020", "خريف عام 2019", "الصيف الماضي", "ربيع العام الماضي"),
    ),
    Rule(
        "holiday",
        r"(?P<holiday>\L<holiday>)(?!\w)(?:\s(?:(?:[لب]?(?:عام|سنه)|العام|السنه)\s)?<YEAR><ERA>?)?",
        "Holidays: عيد الفطر، عيد الأضحى، رأس السنة الهجرية، عيد الميلاد، عيد الفصح، رمضان 2019.",
        ("عيد الفطر", "عيد الاضحي 2013", "راس السنه الهجريه", "عيد الميلاد 2020", "عيد الفصح"),
    ),
    Rule(
        "month_shift",
        r"(?:شهر\s)?<MONTH><SHIFT>",
        "A month moved by الماضي/الجاري/المقبل: ``ديسمبر الجاري``, ``مارس الماضي``.",
        ("ديسمبر الجاري", "مارس الماضي", "ايار المقبل"),
    ),
    Rule(
        "paired_month",
        r"<PAIREDMONTH>",
        "A month written in two families: ``أبريل/نيسان``, ``سبتمبر (أيلول)``.",
        ("ابريل/نيسان", "سبتمبر (ايلول)"),
    ),
    Rule(
        "named_month",
        r"شهر\s(?P<month>\L<month>)(?!\w)(?:\s?[/\-]\s?(?P<pair>\L<gmonth>)(?!\w)"
        r"|\s?\(\s?(?P<pair>\L<gmonth>)\s?\))?",
        "``شهر`` and a month name: ``شهر مارس``, ``خلال شهر رمضان``.",
        ("شهر مارس", "شهر رمضان", "شهر حزيران (يونيو)"),
    ),
    Rule(
        "month_number",
        r"شهر\s(?P<mnum>" + _MONTH_NUM + r")(?!\w)(?![.,]\d)",
        "A month by its number: ``شهر 3``.",
        ("شهر 3",),
    ),
    Rule(
        "cued_month",
        r"(?:(?<=(?<!\w)\L<month_cue>\s)|(?<=(?<!\w)\L<gmonth>\sو))<STRONGMONTH>",
        "A bare month after a cue word: ``في مارس``, ``منذ يناير``, ``شهري يناير وفبراير``.",
        ("مارس",),
    ),
    Rule(
        "year_range",
        r"(?:(?:عامي|سنتي|العامين)\s|(?:عام|العام|سنه|السنه)\s|(?:الفتره|السنوات|الاعوام)\s(?:الممتده\s)?"
        r"(?:(?:ما\s)?(?:بين|من)\s(?:عامي\s|عام\s)?)?)(?P<year1>" + _NUMERIC_YEAR + r")"
        r"(?:\s?[-–/]\s?|\s(?:الي|حتي|وحتي)\s(?:عام\s)?|\sو\s?(?:عام\s)?)(?P<year2>" + _NUMERIC_YEAR + r")"
        r"<ERA>?(?!\w)",
        "A span of years: ``عامي 2019 و2020``, ``الفترة بين 2015 و2018``, ``عام 2011-2012``, "
        "``الفترة 2015-2018``.",
        ("عامي 2019 و2020", "الفتره بين 2015 و2018", "عام 2011-2012", "الفتره 2015-2018"),
    ),
    Rule(
        "year",
        r"(?:(?:عام|العام|سنه|السنه|اعوام)\s<YEAR><ERA>?|<YEAR><ERA>|(?<=(?<!\w)(?:منذ|حتي|بحلول)\s)<YEAR>"
        r"|(?<=(?<!\w)[وف]?(?:في|خلال|قبل|بعد)\s)<YEAR>(?=\s?[.,;:!?)\"]|\s?$|\sو\s?(?:في\s)?\d))"
        r"(?!\w)",
        "A year with a cue: ``عام 2011``, ``سنة 2020``, ``2021م``, ``1442 هـ``, ``منذ 2011``; "
        "after في/خلال/قبل/بعد only where the clause ends (``في 2024.``).",
        ("عام 2011", "سنه 2020", "2021م", "1442 هـ", "العام 2014"),
    ),
    Rule(
        "weekday_of_week",
        r"(?:يوم\s)?<WDANY>\s(?:من\s)?(?:(?P<this>هذا)\sالاسبوع|الاسبوع\s(?P<wshift>\L<shift_after>))(?!\w)",
        "A weekday of a given week: ``الأحد من الأسبوع الماضي``, ``اثنين الأسبوع الحالي``.",
        ("الاحد من الاسبوع الماضي", "اثنين الاسبوع الحالي", "الاثنين من هذا الاسبوع"),
    ),
    Rule(
        "weekday_shift",
        r"(?:يوم\s)?(?:<WD><SHIFT>|(?P<this>هذا)\s<WD>)",
        "A weekday moved by الماضي/المقبل: ``السبت المقبل``, ``الأحد الماضي``.",
        ("السبت المقبل", "الاحد الماضي", "هذا الاثنين"),
    ),
    Rule(
        "period_shift",
        r"(?:(?P<this>هذا|هذه)\s<PERIOD>|<PERIOD><SHIFT>|<PERIOD>\s(?P<same>نفسه|ذاته))(?!\w)",
        "This, last or next week, month or year: ``الشهر الماضي``, ``العام المقبل``, ``هذه السنة``; "
        "``العام نفسه`` is the year of the date before.",
        ("الاسبوع الماضي", "الشهر الجاري", "العام المقبل", "السنه الماضيه", "هذه السنه", "العام نفسه"),
    ),
    Rule(
        "ago",
        # An approximate count of years (``منذ أكثر من أربع سنوات``) is resolved to no date.
        # ``يوما بعد يوم`` is "day after day"; ``قبل يومين من/على الانتخابات`` counts from an event;
        # ``قبل عام 2011``, ``قبل يوم الجمعة``, ``قبل شهر رمضان`` name a date, not a count.
        r"(?<!(?<!\w)(?:يوما|اسبوعا|شهرا|عاما|سنه|ساعه)\s)(?P<dir>قبل|منذ|بعد)\s"
        r"(?:(?P<approx>نحو|حوالي|قرابه|زهاء|ما\sيقارب|اكثر\sمن|ما\sيزيد\sعن)\s)?<COUNT>"
        r"(?!(?:\sواحد|\sفقط)?\s(?:من|علي(?!\s(?:يد|الاقل)))\s)(?!\s?\d)(?!\sو(?:نصف|بضعه|نيف)(?!\w))"
        r"(?!\s(?:\L<weekday_def>|\L<month>|\L<relative_day>)(?!\w))",
        "Days, weeks, months or years before or after publication: ``قبل يومين``, ``قبل ثلاثة أيام``, "
        "``بعد أسبوع``, ``منذ ثلاثة أشهر``, ``قبل عامين``.",
        (
            "قبل يومين",
            "قبل ثلاثه ايام",
            "قبل اسبوع",
            "منذ ثلاثه اشهر",
            "قبل عامين",
            "منذ 15 عاما",
            "منذ نحو شهرين",
        ),
    ),
    Rule(
        "relative_weekday",
        r"(?P<rel>\L<relative_day>)\s(?:<WD>|\(\s?<WD>\s?\))",
        "A relative day named with its weekday: ``اليوم الثلاثاء``, ``أمس الأحد``.",
        ("اليوم الثلاثاء", "امس الاحد", "اليوم (السبت)"),
    ),
    Rule(
        "relative_day",
        r"(?P<rel>\L<relative_day>)(?!\w)(?!\s(?:\L<not_after_today>|\L<ordinal_def>)(?!\w))",
        "Days relative to publication: اليوم، أمس، أمس الأول، غدا، بعد غد.",
        ("اليوم", "امس", "امس الاول", "غدا", "بعد غد", "البارحه"),
    ),
    Rule(
        "weekday",
        r"(?:يوم\s)?<WD>|يوم\s(?P<wd>\L<weekday_bare>)(?!\w)",
        "A bare weekday: the nearest one in the direction of the sentence's tense.",
        ("يوم الثلاثاء", "الجمعه", "الاحد"),
    ),
)


# What each rule can begin with (after an attached clitic): word lists (their forms' first
# words), literal words, or ``NUMBER`` (any word holding a digit: ``4``, ``ال4``, ``2020م``).
# A rule is tried only at such words, so a missing entry here loses dates: the tests check
# every rule against every start word.
NUMBER = "<number>"
_DAY_STARTS = (NUMBER, "ال", "ordinal_def", "ordinal_first", "ordinal_indef")
_MONTH_STARTS = ("month", "شهر", "الشهر", "هذا", "نفس", "ذات")
_WEEKDAY_STARTS = ("يوم", "weekday_def")
_YEAR_WORDS = ("عام", "العام", "سنه", "السنه")
_RULE_STARTS: dict[str, tuple[str, ...]] = {
    "numeric_dmy": (NUMBER,),
    "numeric_ymd": (NUMBER,),
    "numeric_hijri_named": (NUMBER,),
    "range_day_month_to_day_month": _DAY_STARTS,
    "range_days_month": _DAY_STARTS,
    "range_month_days": ("gmonth",),
    "range_month_to_month": ("شهر", "gmonth"),
    "nth_weekday_of_month": ("ordinal_indef", "اخر", "weekday_def"),
    "week_of_month": ("ordinal_indef", "اخر", "الاسبوع"),
    "last_day_of_month": ("اخر", "اليوم"),
    "relative_date": ("اليوم", "امس", "غدا", "الامس"),
    "weekday_date": _WEEKDAY_STARTS,
    "weekday_numeric": _WEEKDAY_STARTS,
    "weekday_day": _WEEKDAY_STARTS,
    "day_month": ("اليوم", *_DAY_STARTS),
    "day_of_current_month": (NUMBER,),
    "part_of_month": ("part",),
    "quarter_of_year": ("الربع", "النصف"),
    "part_of_year": ("part",),
    "month_year": ("شهر", *_MONTH_STARTS),
    "numeric_month_year": (NUMBER,),
    "season": ("فصل", "season"),
    "holiday": ("holiday",),
    "month_shift": ("شهر", *_MONTH_STARTS),
    "paired_month": ("gmonth",),
    "named_month": ("شهر",),
    "month_number": ("شهر",),
    "cued_month": ("strong_month",),
    "year_range": ("عامي", "سنتي", "العامين", *_YEAR_WORDS, "الفتره", "السنوات", "الاعوام"),
    "year": (*_YEAR_WORDS, "اعوام", NUMBER),
    "weekday_of_week": (*_WEEKDAY_STARTS, "weekday_bare"),
    "weekday_shift": (*_WEEKDAY_STARTS, "هذا"),
    "period_shift": ("هذا", "هذه", "period"),
    "ago": ("قبل", "منذ", "بعد"),
    "relative_weekday": ("relative_day",),
    "relative_day": ("relative_day",),
    "weekday": _WEEKDAY_STARTS,
}

CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")
"""Attached conjunctions and prepositions a date may follow, in the order the pattern tries them."""
_CLITICS = ("", *CLITICS)

# Words the rule templates begin with that are not in a word list.
_LITERAL_STARTS = (
    "شهر",
    "الشهر",
    "عام",
    "العام",
    "سنه",
    "السنه",
    "اعوام",
    "هذا",
    "هذه",
    "يوم",
    "اليوم",
    "قبل",
    "منذ",
    "بعد",
    "اخر",
    "الاسبوع",
    "امس",
    "غدا",
    "الامس",
    "ال",
    "الربع",
    "النصف",
    "عامي",
    "سنتي",
    "العامين",
    "الفتره",
    "السنوات",
    "الاعوام",
    "فصل",
)

_SLOT = regex.compile(r"<([A-Z]+)(\d?)>")


def _expand(template: str) -> str:
    def slot(match: regex.Match[str]) -> str:
        name, suffix = match.group(1), match.group(2)
        body = _SLOTS.get(name + "#")
        if body is not None:
            return body.replace("#", suffix)
        if name in _SLOTS:
            return _SLOTS[name]
        raise KeyError(f"unknown date slot <{name}>")

    previous = None
    while previous != template:
        previous, template = template, _SLOT.sub(slot, template)
    return template


@dataclass(frozen=True, slots=True)
class DateGrammar:
    """The compiled date grammar and the lookups from folded words to values."""

    sources: tuple[str, ...]
    """Each rule's pattern source (an optional clitic, then a group ``r_<rule name>``),
    in `rule_names` order; compiled on first use by `rule_pattern`."""
    rules_by_word: dict[str, frozenset[int]]
    """Folded word (no clitic) → indexes of the rules that can begin with it."""
    number_rules: frozenset[int]
    """Indexes of the rules that can begin with a word holding a digit."""
    named_lists: dict[str, Any]
    """The word lists the branches use."""
    starts: frozenset[str]
    """Words (with any attached clitic) some rule begins with; a rule may also begin with a digit.

    Trying `pattern` only at such words keeps the scan fast: most words of an
    article cannot begin a date."""
    rule_names: tuple[str, ...]
    months: dict[str, tuple[str, int]]
    """Folded month form → (calendar, number)."""
    ordinals: dict[str, int]
    cardinals: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    shifts: dict[str, int]
    periods: dict[str, Literal["week", "month", "year"]]
    parts: dict[str, PartEntry]
    holidays: dict[str, HolidayEntry]
    seasons: dict[str, SeasonEntry]
    count_units: dict[str, tuple[str, int | None]]
    """Folded unit form → (unit, count implied by the form: 1, 2, or None for a plural)."""
    not_before_number: frozenset[str]
    """Folded words that make a following number a reference (``القرار 1973``)."""
    future_cue: regex.Pattern[str]
    """Finds a word that puts a sentence in the future."""
    weekday_future_cue: regex.Pattern[str]
    """Finds a word that puts a bare weekday of the sentence in the future (future cues included)."""
    scheduled_cue: regex.Pattern[str]
    """Finds a word that marks a planned event (``المقرر``, ``سيعقد``): its date may be months ahead."""
    scheduled_after: regex.Pattern[str]
    """Matches a planned-event word right after a date (`` المقبل``)."""
    purpose_cue: regex.Pattern[str]
    """Finds a purpose li- + verbal noun of holding (``لتنظيم``, ``لعقد``)."""
    not_before_weekday: frozenset[str]
    """Folded words that make a following ``الاثنين`` "the two"."""
    not_before_today: frozenset[str]
    """Folded words that make a following ``اليوم`` another day or a name (``ذات اليوم``)."""

    patterns: dict[int, regex.Pattern[str]] = field(default_factory=dict)
    """Cache of `rule_pattern`."""
    rules_at_word: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Cache of `rules_at`."""

    def rule_pattern(self, index: int) -> regex.Pattern[str]:
        """The compiled pattern of the *index*-th rule (compiled on first use)."""
        found = self.patterns.get(index)
        if found is None:
            # `regex` builds ~10⁵ short-lived objects per rule: collections would cost more than compiling.
            with collection_paused():
                found = regex.compile(self.sources[index], ignore_unused=True, **self.named_lists)
            self.patterns[index] = found
        return found

    def rules_at(self, word: str) -> tuple[int, ...]:
        """Indexes, in rule order, of the rules that can match at *word* (with any attached clitic)."""
        found = self.rules_at_word.get(word)
        if found is None:
            indexes: set[int] = set()
            for clitic in _CLITICS:
                if word.startswith(clitic) and len(word) > len(clitic):
                    rest = word[len(clitic) :]
                    indexes |= self.rules_by_word.get(rest, frozenset())
                    if not rest.isalpha():
                        indexes |= self.number_rules
            found = tuple(sorted(indexes))
            if word.isalpha():  # numbers are not cached: there is no end to them
                self.rules_at_word[word] = found
        return found


def _folded(forms: Iterable[str]) -> list[str]:
    return sorted({fold(form) for form in forms}, key=lambda f: (-len(f), f))


def build_grammar(resources: Resources) -> DateGrammar:
    """Compile the date rules with the word lists of *resources*."""
    months: dict[str, tuple[str, int]] = {}
    weak: set[str] = set()
    for month in resources.entries("month", MonthEntry):
        for form in month.forms:
            months[fold(form)] = (month.calendar, month.number)
        weak.update(fold(form) for form in month.weak)
    ordinals: dict[str, int] = {}
    cardinals: dict[str, int] = {}
    for number in resources.entries("number", NumberEntry):
        target = ordinals if number.kind == "ordinal" else cardinals
        for form in number.forms:
            target[fold(form)] = number.value
    weekdays = {fold(f): e.number for e in resources.entries("weekday", WeekdayEntry) for f in e.forms}
    relative = {
        fold(f): e.offset for e in resources.entries("relative_day", RelativeDayEntry) for f in e.forms
    }
    shifts = {fold(f): e.offset for e in resources.entries("shift", ShiftEntry) for f in e.forms}
    periods = {fold(f): e.unit for e in resources.entries("period", PeriodEntry) for f in e.forms}
    parts = {fold(f): e for e in resources.entries("part", PartEntry) for f in e.forms}
    holidays = {fold(f): e for e in resources.entries("holiday", HolidayEntry) for f in e.forms}
    seasons = {fold(f): e for e in resources.entries("season", SeasonEntry) for f in e.forms}
    units: dict[str, tuple[str, int | None]] = {}
    count_one: list[str] = []
    count_two: list[str] = []
    count_many: list[str] = []
    for unit in resources.entries("count_unit", CountUnitEntry):
        for form in unit.one:
            units[fold(form)] = (unit.unit, 1)
            count_one.append(form)
        for form in unit.two:
            units[fold(form)] = (unit.unit, 2)
            count_two.append(form)
        for form in unit.many:
            units[fold(form)] = (unit.unit, None)
            count_many.append(form)
    cues = {e.kind: e.forms for e in resources.entries("date_cue", DateCueEntry)}
    word_lists = {e.kind: e.forms for e in resources.entries("date_word_list", DateWordListEntry)}
    gregorian = [form for form, (cal, _) in months.items() if cal == "gregorian"]
    lists = {
        "month": _folded(months),
        "gmonth": _folded(gregorian),
        "hmonth": _folded(form for form, (cal, _) in months.items() if cal == "hijri"),
        "strong_month": _folded(form for form in gregorian if form not in weak),
        "ordinal": _folded(ordinals),
        "ordinal_def": _folded(f for f in ordinals if f.startswith("ال")),
        "ordinal_indef": _folded(f for f in ordinals if not f.startswith("ال")),
        "ordinal_first": _folded(f for f, value in ordinals.items() if value == 1 and not f.startswith("ال")),
        "cardinal": _folded(cardinals),
        "weekday_def": _folded(f for f in weekdays if f.startswith("ال")),
        "weekday_bare": _folded(f for f in weekdays if not f.startswith("ال")),
        "relative_day": _folded(relative),
        "shift_after": _folded(f for f in shifts if f.startswith("ال")),
        "period": _folded(periods),
        "part": _folded(parts),
        "holiday": _folded(holidays),
        "season": _folded(seasons),
        "count_one": _folded(count_one),
        "count_two": _folded(count_two),
        "count_many": _folded(count_many),
        "month_cue": _folded(cues.get("month", [])),
        "not_after_today": _folded(word_lists.get("not_after_today", [])),
    }
    rules_by_word, number_rules = _rule_starts(lists)
    first_words = {
        form.split(" ", 1)[0]
        for name in (
            "month",
            "ordinal",
            "weekday_def",
            "weekday_bare",
            "relative_day",
            "period",
            "part",
            "holiday",
            "season",
        )
        for form in lists[name]
    }
    first_words.update(fold(word) for word in _LITERAL_STARTS)
    starts = frozenset(clitic + word for clitic in _CLITICS for word in first_words)
    # An attached conjunction or preposition (وفي، بالأمس، لعام) stays outside the span.
    prefix = r"(?<!\w)(?P<clitic>(?:" + "|".join(CLITICS) + r")(?=\w))?"
    ordinal_ahead = _ordinal_lookahead(lists)
    named_lists: dict[str, Any] = dict(lists)
    factored = _factor_lists(lists, named_lists)
    return DateGrammar(
        sources=tuple(
            prefix
            + f"(?P<r_{rule.name}>"
            + _LIST_USE.sub(
                lambda use: factored.get(use.group(1), use.group()),
                _expand(rule.template).replace(_ORDINAL_AHEAD, ordinal_ahead),
            )
            + ")"
            for rule in RULES
        ),
        rules_by_word=rules_by_word,
        number_rules=number_rules,
        named_lists=named_lists,
        starts=starts,
        rule_names=tuple(rule.name for rule in RULES),
        months=months,
        ordinals=ordinals,
        cardinals=cardinals,
        weekdays=weekdays,
        relative_days=relative,
        shifts=shifts,
        periods=periods,
        parts=parts,
        holidays=holidays,
        seasons=seasons,
        count_units=units,
        not_before_number=frozenset(fold(f) for f in word_lists.get("not_before_number", [])),
        future_cue=_word_finder(word_lists.get("future_cue", [])),
        weekday_future_cue=_word_finder(
            [*word_lists.get("future_cue", []), *word_lists.get("weekday_future_cue", [])]
        ),
        scheduled_cue=_word_finder(word_lists.get("scheduled_cue", [])),
        scheduled_after=regex.compile(
            r" ?\L<cue>(?!\w)", cue=_folded(word_lists.get("scheduled_after_cue", [])) or ["\uffff"]
        ),
        purpose_cue=_word_finder(word_lists.get("purpose_cue", [])),
        not_before_weekday=frozenset(fold(f) for f in word_lists.get("not_before_weekday", [])),
        not_before_today=frozenset(fold(f) for f in word_lists.get("not_before_today", [])),
    )


_FIRST_WORD = regex.compile(r"\w+")
_ORDINAL_AHEAD = r"(?=\L<ordinal_def>)"
_SPACE_OR_DIGIT = regex.compile(r"[\s\d]")


_LIST_USE = regex.compile(r"\\L<(\w+)>")


def _factor_lists(lists: dict[str, list[str]], named_lists: dict[str, Any]) -> dict[str, str]:
    """Pattern text for each list much shorter written as first words and the rest of the words.

    ``regex`` compiles a list in time proportional to its letters, at every use; the ordinals
    (``الحادي والعشرين`` …) are mostly a few first words times a few second parts.  Forms of
    several words are grouped by first word, first words with the same set of rests share a
    group: ``\\L<heads> \\L<rests>``, then the one-word forms.  This matches the same forms in
    the same order (longest first): at one place only one first word can be followed by a
    space, and a form of several words is longer than any one-word form matching there too.
    The new lists are added to *named_lists*; returns list name → pattern text.
    """
    factored: dict[str, str] = {}
    for name, forms in lists.items():
        rests: dict[str, set[str]] = {}
        single: list[str] = []
        for form in forms:
            head, space, rest = form.partition(" ")
            if space and head and rest:
                rests.setdefault(head, set()).add(rest)
            else:
                single.append(form)
        groups: dict[frozenset[str], list[str]] = {}
        for head, rest_set in rests.items():
            groups.setdefault(frozenset(rest_set), []).append(head)
        letters = sum(map(len, single)) + sum(len(h) for hs in groups.values() for h in hs)
        letters += sum(len(rest) for shared_rests in groups for rest in shared_rests)
        if not groups or 2 * letters > sum(map(len, forms)):
            continue
        branches = []
        for number, (shared_rests, heads) in enumerate(groups.items()):
            named_lists[f"{name}_h{number}"] = sorted(heads)
            named_lists[f"{name}_t{number}"] = sorted(shared_rests)
            branches.append(rf"\L<{name}_h{number}> \L<{name}_t{number}>")
        if single:
            named_lists[f"{name}_w"] = single
            branches.append(rf"\L<{name}_w>")
        factored[name] = "(?:" + "|".join(branches) + ")"
    return factored


def _ordinal_lookahead(lists: dict[str, list[str]]) -> str:
    """A cheaper equivalent of ``(?=\\L<ordinal_def>)`` before a day: the letter after ``ال``.

    Where a day must follow, both accept the same texts: when the letter fits but no
    definite ordinal does, the day (a number, ``ال`` before a number, or an ordinal not
    beginning with ``ال``) cannot match either.  With forms that break this argument the
    list itself is used."""
    thirds = {form[2:3] for form in lists["ordinal_def"]}
    tiny = [form for form in (*lists["ordinal_first"], *lists["ordinal_indef"]) if "ال".startswith(form)]
    if not thirds or "" in thirds or tiny or any(_SPACE_OR_DIGIT.match(c) for c in thirds):
        return _ORDINAL_AHEAD
    return "(?=ال[" + "".join(regex.escape(c) for c in sorted(thirds)) + "])"


def _rule_starts(lists: dict[str, list[str]]) -> tuple[dict[str, frozenset[int]], frozenset[int]]:
    """(word → indexes of the rules that can begin with it, indexes of the rules that can begin
    with a number), from `_RULE_STARTS` and the word lists."""
    by_word: dict[str, set[int]] = {}
    numbers: set[int] = set()
    for index, rule in enumerate(RULES):
        for start in _RULE_STARTS[rule.name]:
            if start == NUMBER:
                numbers.add(index)
                continue
            forms = lists[start] if start in lists else [fold(start)]
            for form in forms:
                word = _FIRST_WORD.match(form)
                if word is not None:
                    by_word.setdefault(word.group(), set()).add(index)
    return {word: frozenset(indexes) for word, indexes in by_word.items()}, frozenset(numbers)


def _word_finder(forms: list[str]) -> regex.Pattern[str]:
    return regex.compile(r"(?<!\w)[وف]?\L<cue>(?!\w)", cue=_folded(forms) or ["\uffff"])


def grammar(resources: Resources) -> DateGrammar:
    """The date grammar of *resources*, compiled once and cached on them."""
    return resources.compiled("dates.grammar", build_grammar)
