"""parse_article: input validation and the whole-article invariants."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.conftest import assert_spans_exact

from libnews import Article, parse_article
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
