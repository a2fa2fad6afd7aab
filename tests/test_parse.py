"""parse_article: input validation and the whole-article invariants."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.conftest import assert_spans_exact

from libnews import Article, ParseOptions, parse_article
from libnews.examples import EXAMPLE_PUBLISHED, example_text


def test_none_is_a_type_error_naming_the_argument() -> None:
    with pytest.raises(TypeError, match="text must be str"):
        parse_article(None)  # type: ignore[arg-type]


def test_bytes_are_refused_with_a_hint() -> None:
    with pytest.raises(TypeError, match="decode"):
        parse_article("نص".encode())  # type: ignore[arg-type]


@pytest.mark.parametrize("published", ["15/12/2020", "yesterday", "2020-13-01", 20201215])
def test_bad_published_says_the_expected_format(published: object) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_article("نص", published=published)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "published",
    ["2020-12-15", dt.date(2020, 12, 15), dt.datetime(2020, 12, 15, 9, 30), "2020-12-15T09:30:00Z"],
)
def test_published_forms(published: object) -> None:
    assert parse_article("نص", published=published).published == dt.date(2020, 12, 15)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "Hello world", "\x00\x01\x02", "\ud800", "٣٣٣" * 1000])
def test_odd_input_gives_an_article(text: str) -> None:
    article = parse_article(text)
    assert isinstance(article, Article)
    assert article.text == text
    assert_spans_exact(article)


def test_example_article_spans_are_exact() -> None:
    text = example_text()
    article = parse_article(text, published=EXAMPLE_PUBLISHED)
    assert article.text is text
    assert_spans_exact(article)


def test_json_schema_has_descriptions() -> None:
    schema = Article.model_json_schema()
    span = schema["$defs"]["Span"]["properties"]["start"]
    assert "description" in span


DATELINE = (
    "ورشة الهيئة المستقلة للانتخابات الأربعاء 18 جويلية 2012\n"
    "وقال الوزير أمس إن الانتخابات ستجرى في 23 أكتوبر."
)


@pytest.mark.parametrize(
    ("published", "options", "expected", "inferred", "yesterday"),
    [
        (None, None, "2012-07-18", True, "2012-07-17"),
        ("2012-08-01", None, "2012-08-01", False, "2012-07-31"),
        (None, ParseOptions(infer_published=False), None, False, None),
    ],
    ids=["dateline-taken", "given-day-wins", "inference-off"],
)
def test_an_article_without_a_day_takes_its_datelines(
    published: str | None,
    options: ParseOptions | None,
    expected: str | None,
    inferred: bool,
    yesterday: str | None,
) -> None:
    article = parse_article(DATELINE, published=published, options=options)
    assert (article.published.isoformat() if article.published else None) == expected
    assert article.published_inferred is inferred
    amss = next(d for d in article.dates if d.span.text == "أمس")
    assert (amss.value.isoformat() if amss.value else None) == yesterday


@pytest.mark.parametrize(
    "text",
    [
        "وقال الوزير أمس إن " + "الاجتماع كان مثمرا، " * 20 + "في الأربعاء 18 جويلية 2012.",
        "وقال الوزير في جويلية 2012 إن الاجتماع كان مثمرا أمس.",
        "عقد الاجتماع من 10 إلى 12 مارس 2012، وقال الوزير أمس إنه مثمر.",
    ],
    ids=["date-too-far-in", "no-day", "a-range"],
)
def test_only_a_full_opening_date_is_a_dateline(text: str) -> None:
    article = parse_article(text)
    assert article.published is None
    assert not article.published_inferred
