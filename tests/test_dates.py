"""The date matcher: case table, rule examples, invariants and speed.

Cases live in ``tests/cases/dates.toml``, one pytest id per row; add a row
there for a new date form.  Every rule of `libnews.match.date_grammar.RULES`
must match each of its own ``examples`` whole.
"""

from __future__ import annotations

import time
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import assert_spans_exact
from libnews import parse_article
from libnews.match.date_grammar import RULES
from libnews.match.dates import forms_markdown, supported_forms
from libnews.resources import default_resources
from libnews.resources.dates_schema import MonthEntry, NumberEntry, WeekdayEntry
from libnews.text.normalize import fold

CASES = Path(__file__).parent / "cases" / "dates.toml"


def _cases() -> list[Any]:
    rows = tomllib.loads(CASES.read_text("utf-8"))["case"]
    params = []
    for row in rows:
        marks = [pytest.mark.xfail(strict=True, reason=row["xfail"])] if "xfail" in row else []
        params.append(pytest.param(row, id=row["id"], marks=marks))
    return params


@pytest.mark.parametrize("case", _cases())
def test_date_case(case: dict[str, Any]) -> None:
    article = parse_article(case["text"], published=case.get("published"))
    assert_spans_exact(article)
    assert [str(d).removeprefix("DateMention") for d in article.dates] == case["expect"]


@pytest.mark.parametrize(
    ("rule", "example"),
    [
        pytest.param(rule.name, example, id=f"{rule.name}-{i}")
        for rule in RULES
        for i, example in enumerate(rule.examples)
    ],
)
def test_rule_examples_match_their_rule(rule: str, example: str) -> None:
    """Each rule's documented examples are matched whole by that rule (traps aside)."""
    text = f"في {example}" if rule == "cued_month" else example
    dates = parse_article(text, published="2013-02-12").dates
    assert [d.rule for d in dates] == [rule], [f"{d}<{d.rule}>" for d in dates]
    assert dates[0].span.end == len(text)


def test_every_rule_has_a_resolver_and_examples() -> None:
    from libnews.match.dates import _RESOLVERS

    assert {rule.name for rule in RULES} == set(_RESOLVERS)
    assert all(rule.examples for rule in RULES)
    assert len({rule.name for rule in RULES}) == len(RULES)


def test_no_form_names_two_months() -> None:
    seen: dict[str, tuple[str, int]] = {}
    for month in default_resources().entries("month", MonthEntry):
        for form in month.forms:
            key = fold(form)
            assert seen.setdefault(key, (month.calendar, month.number)) == (month.calendar, month.number), (
                form
            )


def test_ordinals_cover_every_day() -> None:
    ordinals = {e.value for e in default_resources().entries("number", NumberEntry) if e.kind == "ordinal"}
    assert ordinals == set(range(1, 32))
    weekdays = {e.number for e in default_resources().entries("weekday", WeekdayEntry)}
    assert weekdays == set(range(1, 8))


def test_supported_forms_lists_every_rule() -> None:
    forms = supported_forms()
    assert [row["rule"] for row in forms] == [rule.name for rule in RULES]
    assert all(row["doc"] and row["examples"] for row in forms)


def test_without_published_dates_are_reported_unresolved() -> None:
    dates = parse_article("وصل أمس، والقمة في 4 ديسمبر وفي 5 ديسمبر 2020").dates
    assert [(d.span.text, d.value is None) for d in dates] == [
        ("أمس", True),
        ("4 ديسمبر", True),
        ("5 ديسمبر 2020", False),
    ]


def test_hijri_outside_supported_years_is_none() -> None:
    (mention,) = parse_article("في 1 رمضان 1320 هـ").dates
    assert mention.value is None
    assert mention.calendar == "hijri"


# --- invariants -----------------------------------------------------------------------------------

_WORDS = [
    "ديسمبر",
    "كانون الأول",
    "شباط",
    "جانفي",
    "رمضان",
    "شوال",
    "ذي الحجة",
    "هـ",
    "م",
    "عام",
    "سنة",
    "الخامس عشر",
    "الحادي والثلاثين",
    "غرة",
    "من",
    "إلى",
    "و",
    "-",
    "/",
    "(",
    ")",
    "،",
    "الماضي",
    "المقبل",
    "الجاري",
    "أمس",
    "اليوم",
    "غدا",
    "بعد",
    "قبل",
    "يومين",
    "أيام",
    "الأسبوع",
    "الشهر",
    "العام",
    "الثلاثاء",
    "الأحد",
    "يوم",
    "مطلع",
    "أواخر",
    "منتصف",
    "عيد الفطر",
    "مارس",
    "يمارس",
    "القرار",
    "1442",
    "2020",
    "15",
    "4",
    "31",
    "0",
    "99999",
    "١٥",
    "ـ",
    "ّ",
    "\n",
    " ",
    "الموافق",
    "عامين",
    "أشهر",
    "سنوات",
    "نحو",
    "صيف",
    "الربيع",
    "بين",
    "ذات",
    "الليلة",
    "يناير",
]

_arabic_heavy = st.lists(st.sampled_from(_WORDS), max_size=30).map(" ".join) | st.lists(
    st.sampled_from(_WORDS), max_size=30
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(max_size=200) | _arabic_heavy, published=st.sampled_from([None, "2020-12-15", "2013-02-12"])
)
def test_find_dates_never_raises_and_spans_are_exact(text: str, published: str | None) -> None:
    article = parse_article(text, published=published)
    assert_spans_exact(article)
    starts = [d.span.start for d in article.dates]
    assert starts == sorted(starts)
    for mention in article.dates:
        if mention.value is not None and mention.end is not None:
            assert mention.end >= mention.value


def test_long_input_is_linear() -> None:
    """200 KB of date words is parsed quickly (no catastrophic backtracking)."""
    chunk = "في 4 ديسمبر 2020 الموافق 19 ربيع الآخر 1442 هـ من 1 إلى 3 مارس الماضي أمس الثلاثاء "
    text = chunk * (200_000 // len(chunk))
    started = time.perf_counter()
    article = parse_article(text, published="2020-12-15")
    assert time.perf_counter() - started < 20
    assert len(article.dates) > 1000


def test_date_stage_speed() -> None:
    """The date stage stays well under a millisecond-scale budget per 3,000 characters."""
    from libnews.document import Document
    from libnews.match.dates import find_dates

    text = ("وقع الوزير الاتفاقية في 4 ديسمبر 2020 مع نظيره الإيطالي في روما، بحضور السفير. " * 40)[:3000]
    doc = Document.prepare(text)
    find_dates(doc)  # compile once
    runs = 20
    started = time.perf_counter()
    for _ in range(runs):
        find_dates(doc)
    per_article = (time.perf_counter() - started) / runs
    assert per_article < 0.02, f"{per_article * 1000:.2f} ms per 3,000 characters"


def test_docs_page_lists_the_current_forms() -> None:
    page = (Path(__file__).parent.parent / "docs" / "dates.md").read_text("utf-8")
    generated = page.split("<!-- forms:start -->\n", 1)[1].split("<!-- forms:end -->", 1)[0]
    assert generated == forms_markdown(), "regenerate the tables of docs/dates.md with forms_markdown()"


# --- lazy rules: each rule is compiled on first use and tried only where it can begin ---------


def _grammar() -> Any:
    from libnews.match.date_grammar import build_grammar

    return build_grammar(default_resources())


_NUMBER_WORDS = ("4", "15", "031", "ال4", "و4", "بال15", "2020", "2020م", "1442هـ", "14_3", "3ر")
_CONTEXTS = ("", "من ", "في ", "منذ ", "بين ", "الفتره ", "يناير و", "ومن ")
_AFTER = (" ", "/", "-", ",", ".", "(", ")", "\n")


def test_every_rule_says_what_it_can_begin_with() -> None:
    from libnews.match.date_grammar import _RULE_STARTS

    assert set(_RULE_STARTS) == {rule.name for rule in RULES}


@pytest.mark.parametrize("index", range(len(RULES)), ids=[rule.name for rule in RULES])
def test_rule_is_tried_at_every_word_it_can_begin_with(index: int) -> None:
    """A rule left out at a word can match no text beginning with that word and a non-letter
    (partial matching: what comes next is open), after several left contexts for lookbehinds."""
    grammar = _grammar()
    pattern = grammar.rule_pattern(index)
    missed = [
        f"{context}|{word}{after}"
        for word in sorted(grammar.starts | set(_NUMBER_WORDS))
        if index not in grammar.rules_at(word)
        for context in _CONTEXTS
        for after in _AFTER
        if pattern.match(context + word + after, len(context), partial=True) is not None
    ]
    assert not missed


def _case_texts() -> list[str]:
    texts = [row["text"] for row in tomllib.loads(CASES.read_text("utf-8"))["case"]]
    newspaper = Path(__file__).parent / "cases" / "dates_newspaper.toml"
    texts += [row["text"] for row in tomllib.loads(newspaper.read_text("utf-8"))["case"]]
    return texts + [example for rule in RULES for example in rule.examples]


def test_rules_tried_one_by_one_match_like_one_alternation() -> None:
    """At every place a date can begin, the rules tried in order (each behind the optional
    clitic) give the very match that all of them joined in one alternation would give."""
    import regex

    from libnews.match.dates import _candidate_starts, _first_match

    grammar = _grammar()
    prefix_end = grammar.sources[0].index("(?P<r_")
    prefix = grammar.sources[0][:prefix_end]
    joined = regex.compile(
        prefix + "(?:" + "|".join(source[prefix_end:] for source in grammar.sources) + ")",
        ignore_unused=True,
        **grammar.named_lists,
    )
    compared = 0
    for raw in _case_texts():
        text = fold(raw)
        for start, word in _candidate_starts(grammar, text):
            expected = joined.match(text, start)
            found = _first_match(text, grammar, start, word, grammar.rules_at(word))
            if expected is None:
                assert found is None, (text, start)
                continue
            rule = next(name for name in grammar.rule_names if expected.start("r_" + name) >= 0)
            assert found is not None, (text, start, rule)
            match, index = found
            assert (match.span(), match.group("clitic"), grammar.rule_names[index]) == (
                expected.span(),
                expected.group("clitic"),
                rule,
            )
            compared += 1
    assert compared > 500


def test_factored_word_lists_match_as_the_lists() -> None:
    """A list written as first words and rests accepts exactly the list's forms, longest first."""
    import regex

    from libnews.match.date_grammar import _factor_lists

    derived = regex.compile(r"_(?:h\d+|t\d+|w)$")
    lists = {name: list(forms) for name, forms in _grammar().named_lists.items() if not derived.search(name)}
    named: dict[str, Any] = dict(lists)
    factored = _factor_lists(lists, named)
    assert "ordinal_def" in factored
    for name, source in factored.items():
        forms = lists[name]
        as_list = regex.compile(rf"\L<{name}>", **{name: forms})
        as_factored = regex.compile(source, ignore_unused=True, **named)
        texts = {form + tail for form in forms for tail in ("", " ", "ه", " عشر", " والعشرين", " الاول")}
        texts |= {form.split(" ")[0] + " " for form in forms} | {form.replace(" ", "\n") for form in forms}
        for text in sorted(texts):
            first = as_list.match(text)
            again = as_factored.match(text)
            assert (first and first.group()) == (again and again.group()), text
            for end in range(1, len(text) + 1):
                expected = as_list.fullmatch(text, 0, end) is not None
                assert (as_factored.fullmatch(text, 0, end) is not None) == expected, text[:end]


def test_no_rule_nests_quantifiers() -> None:
    """Rules are compiled lazily, so `tests/test_regex_safety.py` sees only those its sample
    parse needed: every rule is checked here for the shape that backtracks catastrophically."""
    from test_regex_safety import nested_quantifiers

    grammar = _grammar()
    nested = [
        name
        for name, source in zip(grammar.rule_names, grammar.sources, strict=True)
        if nested_quantifiers(source, verbose=False)
    ]
    assert not nested
