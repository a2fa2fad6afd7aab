"""Actors: table-driven cases (tests/cases/actors.toml) and whole-article invariants."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import assert_spans_exact

from libnews import Article, parse_article
from libnews.examples import EXAMPLE_PUBLISHED, example_text
from libnews.text.normalize import fold

_CASE_DIR = Path(__file__).parent / "cases"
# actors.toml: the stage's own cases; actors_newswire.toml: hand-written wire sentences from many
# countries, kept apart to measure how the stage does on text it was not tuned on.
CASES = [
    case
    for name in ("actors.toml", "actors_newswire.toml")
    for case in tomllib.loads((_CASE_DIR / name).read_text("utf-8"))["case"]
]


def _params() -> list[Any]:
    marks = lambda c: [pytest.mark.xfail(reason=c["xfail"], strict=True)] if "xfail" in c else []  # noqa: E731
    return [pytest.param(case, id=case["id"], marks=marks(case)) for case in CASES]


def _find(article: Article, name: str) -> Any:
    wanted = fold(name)
    for actor in article.actors:
        if fold(actor.name) == wanted or wanted in {fold(a) for a in actor.aliases}:
            return actor
    raise AssertionError(f"no actor {name!r} in {[a.name for a in article.actors]}")


@pytest.mark.parametrize("case", _params())
def test_actor_case(case: dict[str, Any]) -> None:
    article = parse_article(case["text"])
    assert_spans_exact(article)
    expected = set()
    for row in case["actors"]:
        kind, name, country = row.split("|")
        actor = _find(article, name)
        assert actor.kind == kind, (name, actor.kind)
        if country != "?":
            assert actor.country == (None if country == "-" else country), (name, actor.country)
        expected.add(actor.id)
    if not case["actors"]:
        assert [a.name for a in article.actors if a.kind in ("person", "organization")] == []
    for row in case.get("mentions", []):
        name, count = row.split("|")
        assert len(_find(article, name).mentions) == int(count), name
    for row in case.get("titles", []):
        name, title = row.split("|")
        assert fold(title) in {fold(t.text) for t in _find(article, name).titles}, (name, title)
    persons = [a for a in article.actors if a.kind == "person"]
    names = [fold(a.name) for a in persons]
    assert len(names) == len(set(names)), "one actor per person"


def test_seed_article_people_once_with_all_mentions() -> None:
    article = parse_article(example_text(), published=EXAMPLE_PUBLISHED)
    assert_spans_exact(article)
    serraj = _find(article, "فايز السراج")
    assert serraj.country == "LY"
    assert {"السراج"} <= set(serraj.aliases)
    namroush = _find(article, "صلاح الدين النمروش")
    assert "النمروش" in namroush.aliases
    guerini = _find(article, "لورينسو غويريني")
    assert guerini.country == "IT"
    assert len(guerini.mentions) >= 3
    gna = _find(article, "حكومة الوفاق الوطني")
    assert any(t.organization == gna.id for t in namroush.titles)
    for actor in article.actors:
        texts = [m.text for m in actor.mentions]
        assert sorted(actor.mentions, key=lambda m: m.start) == actor.mentions, texts


def test_ids_follow_first_mention() -> None:
    article = parse_article(example_text(), published=EXAMPLE_PUBLISHED)
    firsts = [min(m.start for m in a.mentions) for a in article.actors]
    assert firsts == sorted(firsts)
    assert [a.id for a in article.actors] == [f"a{n}" for n in range(1, len(article.actors) + 1)]


def test_corpus_runs_with_exact_spans(corpus: list[dict[str, str | None]]) -> None:
    for record in corpus:
        article = parse_article(str(record["text"]), published=record["published"])
        assert_spans_exact(article)
        people = [fold(a.name) for a in article.actors if a.kind == "person"]
        assert len(people) == len(set(people)), record["id"]


def test_hamza_verb_is_not_the_madda_title() -> None:
    # آمر (commander) and أمر (ordered) fold alike: only the madda spelling is the title.
    article = parse_article("وأمر القوات الأفغانية بعدم تنفيذ أي هجوم.")
    assert_spans_exact(article)
    assert [a.name for a in article.actors if a.kind == "person"] == []
    assert all(not actor.titles for actor in article.actors)


@pytest.mark.parametrize(
    ("text", "code", "named"),
    [
        pytest.param("وقال مسؤول إن وزير الدفاع التركي زار الحدود.", "TR", True, id="in-a-title"),
        pytest.param("وقال عبد الله التركماني إن الوضع صعب.", "TM", False, id="nisba-family-name"),
        pytest.param("وقال محلل إن الشعب المصري يرفض الغلاء.", "EG", False, id="free-standing"),
        pytest.param("وستجرى الانتخابات البرلمانية العراقية في مايو.", "IQ", False, id="adjective-as-title"),
    ],
)
def test_nationality_adjective_names_a_country(text: str, code: str, named: bool) -> None:
    """An adjective that says whose a title or person is gives a country actor; a free one does not."""
    article = parse_article(text)
    assert_spans_exact(article)
    countries = [a for a in article.actors if a.kind == "country" and a.country == code]
    assert bool(countries) is named, [(a.kind, a.name) for a in article.actors]
    if named:
        assert len(countries) == 1
        assert countries[0].titles == []


@pytest.mark.parametrize("invisible", ["\u200f", "\u200d", "\ufeff", "\u0640\u0640"])
def test_names_drop_invisible_characters_but_mentions_keep_them(invisible: str) -> None:
    text = f"وأعلنت وزارة الإعمار {invisible}والإسكان خطة جديدة، وقالت وزارة الإعمار والإسكان إنها ستنفذها."
    article = parse_article(text)
    ministries = [a for a in article.actors if a.kind == "organization" and "والاسكان" in fold(a.name)]
    assert len(ministries) == 1
    assert invisible not in ministries[0].name
    assert all(text[m.start : m.end] == m.text for m in ministries[0].mentions)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("وتبلغ التعرفة 18 هللة لكل كيلو وات في الساعة.", "وات"),
        ("حصلت الحكومة على دعم مالي كبير.", "مالي"),
    ],
    ids=["watt-is-no-agency", "financial-is-no-country"],
)
def test_a_common_word_that_spells_a_name_is_no_actor(text: str, word: str) -> None:
    mentioned = {fold(m.text) for actor in parse_article(text).actors for m in actor.mentions}
    assert fold(word) not in mentioned
