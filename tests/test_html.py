"""`render_html` / `Article._repr_html_`: highlights, hover text, tables, escaping, overlapping spans.

The articles here are built by hand (not parsed), so the tests pin the
rendering whatever the extraction stages find.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from libnews import (
    Actor,
    Agreement,
    Article,
    Attribution,
    Clause,
    DateMention,
    Event,
    Span,
    Title,
    render_html,
)
from libnews.examples import EXAMPLE_PUBLISHED, example_text
from libnews.html import LEGEND, article_html

TEXT = (
    "وقّع وزير الدفاع الليبي صلاح الدين النمروش في طرابلس يوم 4 ديسمبر 2020 اتفاقية تعاون عسكري "
    "مع إيطاليا تشمل تدريب القوات وإزالة الألغام.\n"
    "وقالت مصادر مطلعة إن حكومة الوفاق الوطني لم تعقد اجتماعات. <script>alert('x')</script> & \"quoted\""
)


def span(fragment: str, text: str = TEXT) -> Span:
    """The Span of the first occurrence of *fragment* in *text*."""
    start = text.index(fragment)
    return Span(start=start, end=start + len(fragment), text=fragment)


def sample_article() -> Article:
    """A hand-made article with one item of every kind, and nested spans (a country inside a title)."""
    sentence = TEXT[: TEXT.index("\n")]
    return Article(
        text=TEXT,
        published=dt.date(2020, 12, 15),
        dates=[DateMention(span=span("4 ديسمبر 2020"), value=dt.date(2020, 12, 4), rule="day_month_year")],
        actors=[
            Actor(
                id="a1",
                name="صلاح الدين النمروش",
                kind="person",
                country="LY",
                titles=[
                    Title(text="وزير الدفاع الليبي", role="minister.defense", span=span("وزير الدفاع الليبي"))
                ],
                mentions=[span("صلاح الدين النمروش")],
            ),
            Actor(
                id="a2",
                name="حكومة الوفاق الوطني",
                kind="organization",
                country="LY",
                mentions=[span("حكومة الوفاق الوطني")],
            ),
            Actor(id="a3", name="إيطاليا", kind="country", country="IT", mentions=[span("إيطاليا")]),
            Actor(id="a4", name="طرابلس", kind="place", country="LY", mentions=[span("طرابلس")]),
            Actor(
                id="a5",
                name="ليبيا",
                kind="country",
                country="LY",
                aliases=["الليبي"],
                mentions=[span("الليبي")],
            ),
        ],
        agreements=[
            Agreement(
                id="g1",
                name="اتفاقية تعاون عسكري",
                kind="agreement",
                parties=["a5", "a3"],
                signatories=["a1"],
                signed_on=dt.date(2020, 12, 4),
                place="a4",
                clauses=[
                    Clause(index=0, text="تدريب القوات", span=span("تدريب القوات"), topics=["training"]),
                    Clause(index=1, text="إزالة الألغام", span=span("إزالة الألغام"), topics=["demining"]),
                ],
                mentions=[span("اتفاقية تعاون عسكري")],
            )
        ],
        events=[
            Event(
                id="e1",
                kind="sign",
                trigger=span("وقّع"),
                sentence=span(sentence),
                date=dt.date(2020, 12, 4),
                actors=["a1", "a3"],
                place="a4",
                agreement="g1",
                cameo="057",
            ),
            Event(
                id="e2",
                kind="meet",
                trigger=span("اجتماعات"),
                sentence=span("وقالت مصادر مطلعة إن حكومة الوفاق الوطني لم تعقد اجتماعات."),
                actors=["a2"],
                negated=True,
                cameo="040",
            ),
        ],
        attributions=[Attribution(source="مصادر مطلعة", span=span("قالت مصادر مطلعة"))],
    )


class _Marks(HTMLParser):
    """Collects the article text of a rendered page as (characters, classes, hover) pieces."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[tuple[str, frozenset[str], str]] = []
        self.depth = 0
        self.mark: tuple[frozenset[str], str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "div" and found.get("class") == "ln-text":
            self.depth = 1
        elif self.depth and tag == "div":
            self.depth += 1
        elif self.depth and tag == "mark":
            self.mark = (frozenset((found.get("class") or "").split()), found.get("title") or "")

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == "div":
            self.depth -= 1
        elif tag == "mark":
            self.mark = None

    def handle_data(self, data: str) -> None:
        if self.depth:
            classes, hover = self.mark or (frozenset(), "")
            self.pieces.append((data, classes, hover))


def marks_of(page: str) -> _Marks:
    parser = _Marks()
    parser.feed(page)
    parser.close()
    return parser


def classes_per_char(page: str) -> list[frozenset[str]]:
    return [classes for data, classes, _ in marks_of(page).pieces for _ in data]


def test_text_round_trips_and_html_is_escaped() -> None:
    page = render_html(sample_article())
    assert "".join(data for data, _, _ in marks_of(page).pieces) == TEXT
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&amp; &quot;quoted&quot;" in page


def test_no_javascript_at_all() -> None:
    page = render_html(sample_article())
    assert not re.search(r"<script|\son[a-z]+\s*=|javascript:", page, flags=re.IGNORECASE)


def test_page_is_a_whole_rtl_document() -> None:
    page = render_html(sample_article(), title="A <title>")
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "<title>A &lt;title&gt;</title>" in page
    assert '<div class="ln-text" dir="rtl" lang="ar">' in page


@pytest.mark.parametrize(
    ("fragment", "css"),
    [
        ("4 ديسمبر 2020", "ln-date"),
        ("صلاح الدين النمروش", "ln-person"),
        ("حكومة الوفاق الوطني", "ln-organization"),
        ("إيطاليا", "ln-country"),
        ("طرابلس", "ln-place"),
        ("وزير الدفاع", "ln-title"),
        ("اتفاقية تعاون عسكري", "ln-agreement"),
        ("تدريب القوات", "ln-clause"),
        ("وقّع", "ln-event"),
        ("اجتماعات", "ln-negated"),
        ("قالت مصادر مطلعة", "ln-source"),
    ],
)
def test_each_kind_is_highlighted_with_its_class(fragment: str, css: str) -> None:
    per_char = classes_per_char(render_html(sample_article()))
    start = TEXT.index(fragment)
    assert all(css in per_char[i] for i in range(start, start + len(fragment)))
    assert css not in per_char[start - 1]


def test_nested_spans_keep_both_highlights() -> None:
    """A country adjective inside a title: the characters carry both classes."""
    per_char = classes_per_char(render_html(sample_article()))
    inner = TEXT.index("الليبي")
    assert {"ln-title", "ln-country"} <= per_char[inner]
    assert per_char[TEXT.index("وزير")] == {"ln-title"}


@pytest.mark.parametrize(
    ("fragment", "hover"),
    [
        ("4 ديسمبر 2020", "date: 2020-12-04 (day, gregorian)"),
        ("صلاح الدين النمروش", "person a1: صلاح الدين النمروش (LY)"),
        ("إيطاليا", "country a3: إيطاليا (IT)"),
        ("وقّع", "event e1: sign; CAMEO 057; 2020-12-04; with صلاح الدين النمروش, إيطاليا; at طرابلس"),
        ("اجتماعات", "event e2: meet; CAMEO 040; with حكومة الوفاق الوطني; negated"),
        ("وزير الدفاع", "title of صلاح الدين النمروش = minister.defense"),
        ("تدريب القوات", "clause g1.0 of اتفاقية تعاون عسكري [training]"),
    ],
)
def test_hover_text(fragment: str, hover: str) -> None:
    pieces = marks_of(render_html(sample_article())).pieces
    position = TEXT.index(fragment)
    offset = 0
    for data, _, title in pieces:
        if offset <= position < offset + len(data):
            assert hover in title.split("\n")
            return
        offset += len(data)
    raise AssertionError(f"{fragment} not found")


def test_legend_lists_every_kind() -> None:
    page = render_html(sample_article())
    legend = page[page.index('class="ln-legend"') :]
    for css, label in LEGEND:
        assert f'<mark class="{css}">{label}</mark>' in legend


@pytest.mark.parametrize(
    ("caption", "cells"),
    [
        ("Dates (1)", ["4 ديسمبر 2020", "2020-12-04"]),
        ("Actors (5)", ["a1", "صلاح الدين النمروش", "person", "LY", "وزير الدفاع الليبي"]),
        ("Agreements (1)", ["g1", "اتفاقية تعاون عسكري", "ليبيا, إيطاليا", "طرابلس"]),
        ("Clauses (2)", ["إزالة الألغام", "demining"]),
        ("Events (2)", ["e1", "sign", "057", "e2", "meet", "True"]),
        ("Sources (1)", ["قالت مصادر مطلعة"]),
    ],
)
def test_tables_under_the_text(caption: str, cells: list[str]) -> None:
    page = render_html(sample_article())
    section = page[page.index(f"<h4>{caption}</h4>") :]
    section = section[: section.index("</table>")]
    for cell in cells:
        assert f'<td dir="auto">{cell}</td>' in section


def test_empty_article_says_none_found() -> None:
    page = render_html(Article(text="نص بلا شيء"))
    assert page.count("none found") == 6
    assert "".join(d for d, _, _ in marks_of(page).pieces) == "نص بلا شيء"


def test_repr_html_is_the_fragment() -> None:
    article = sample_article()
    fragment = article._repr_html_()
    assert fragment == article_html(article)
    assert fragment.startswith('<div class="libnews"><style>')
    assert fragment in render_html(article)


def test_parsed_example_renders() -> None:
    article = parse_article_example()
    page = render_html(article)
    assert "".join(d for d, _, _ in marks_of(page).pieces) == article.text


def parse_article_example() -> Article:
    from libnews import parse_article

    return parse_article(example_text(), published=EXAMPLE_PUBLISHED)


@st.composite
def overlapping_articles(draw: st.DrawFn) -> Article:
    """Random dates and person mentions over a short text: crossing, nested, touching, empty spans."""
    text = draw(st.text(alphabet="وزير <&>\"'\nابت", min_size=1, max_size=30))
    bounds = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted)
    spans = [Span(start=a, end=b, text=text[a:b]) for a, b in draw(st.lists(bounds, max_size=6))]
    half = len(spans) // 2
    return Article(
        text=text,
        dates=[DateMention(span=s, value=None) for s in spans[:half]],
        actors=[Actor(id="a1", name="x", kind="person", mentions=spans[half:])] if spans[half:] else [],
    )


@given(overlapping_articles())
def test_any_overlap_renders_each_character_once_with_its_covering_classes(article: Article) -> None:
    page = render_html(article)
    per_char = classes_per_char(page)
    assert "".join(d for d, _, _ in marks_of(page).pieces) == article.text
    for position in range(len(article.text)):
        expected = set()
        if any(d.span.start <= position < d.span.end for d in article.dates):
            expected.add("ln-date")
        for actor in article.actors:
            if any(s.start <= position < s.end for s in actor.mentions):
                expected.add("ln-person")
        assert per_char[position] == expected
