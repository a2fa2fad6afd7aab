"""The actor lexicon: nationality adjectives, pyarabic's names, user data."""

from __future__ import annotations

from pathlib import Path

import pytest

from libnews import load_resources, parse_article
from libnews.assemble.actors import _known_country
from libnews.match.actors import Tokens
from libnews.match.lexicon import (
    FOLDED_ALA,
    Lexicon,
    Listed,
    actor_lexicon,
    nisba_forms,
    pyarabic_given_names,
)
from libnews.resources import default_resources
from libnews.text.normalize import fold

# (stem, forms that must be produced)
NISBA_CASES = [
    ("إيطالي", ["الايطالي", "الايطاليه", "الايطاليون", "الايطاليين", "ايطالي", "ايطاليه", "الايطاليتان"]),
    ("ألماني", ["الالماني", "الالمانيه", "الالمان" + "يون"]),
    ("أمريكي", ["الامريكي", "الامريكيه", "الامريكيين"]),
    ("ليبي", ["الليبي", "الليبيه", "الليبيون"]),
]


@pytest.mark.parametrize(("stem", "forms"), NISBA_CASES, ids=[c[0] for c in NISBA_CASES])
def test_nisba_forms(stem: str, forms: list[str]) -> None:
    produced = set(nisba_forms(stem))
    assert set(forms) <= produced


@pytest.mark.parametrize(
    ("word", "code"),
    [("الإيطالي", "IT"), ("الإيطالية", "IT"), ("الليبيين", "LY"), ("الروسي", "RU"), ("الأمريكية", "US")],
)
def test_shipped_nationality_adjectives(word: str, code: str) -> None:
    values = actor_lexicon(default_resources()).phrases.values(fold(word))
    assert any(v.kind == "nisba" and v.country == code for v in values)


def test_pyarabic_given_names_are_read() -> None:
    names = pyarabic_given_names()
    assert len(names) > 1000
    assert fold("محمد") in names
    assert all(" " not in name for name in names)


def test_user_file_adds_a_title_and_an_organization(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[title]]\nrole = "minister.space"\ncategory = "minister"\nforms = ["وزير الفضاء"]\n\n'
        '[[organization]]\nid = "xx.space_agency"\nname = "وكالة النجوم"\ncountry = "IT"\ntype = "agency"\n',
        encoding="utf-8",
    )
    resources = load_resources(extra=[extra])
    text = "قال وزير الفضاء الإيطالي ماركو بيانكي إن وكالة النجوم جاهزة."
    article = parse_article(text, resources=resources)
    person = next(a for a in article.actors if a.kind == "person")
    assert person.titles[0].role == "minister.space"
    assert person.country == "IT"
    assert any(a.name == "وكالة النجوم" for a in article.actors)


# (name as read in an article, country the known-persons table gives it or None)
KNOWN_PERSON_CASES = [
    ("محمد بن زايد", "AE"),
    ("محمد بن زايد آل نهيان", "AE"),  # holds a whole listed name
    ("عبدالفتاح السيسي", "EG"),  # عبد joined or spaced
    ("عبد الفتاح السيسي", "EG"),
    ("عبد الفتاح", None),  # words of two people of different countries
    ("السيسي", None),  # one word is never enough
    ("سالم العبري", None),
]


@pytest.mark.parametrize(("name", "code"), KNOWN_PERSON_CASES, ids=[c[0] for c in KNOWN_PERSON_CASES])
def test_known_person_country(name: str, code: str | None) -> None:
    lexicon = actor_lexicon(default_resources())
    assert _known_country(tuple(fold(name).split()), lexicon) == code


def _lists(lexicon: Lexicon) -> dict[Listed, frozenset[str]]:
    assert lexicon.home_cues is not None
    assert lexicon.cues is not None
    return {
        Listed.PHRASES: lexicon.phrases.surface,
        Listed.TITLE_MODIFIERS: lexicon.title_modifiers.surface,
        Listed.HOME_CUES: lexicon.home_cues.surface,
        Listed.ATTRIBUTION_CUES: lexicon.cues.surface,
        Listed.GIVEN: lexicon.given,
        Listed.REPORTING: lexicon.reporting_surface,
        Listed.WAW_GIVEN: lexicon.waw_given,
        Listed.ALA: FOLDED_ALA,
        Listed.KNOWN_ALONE: lexicon.known_alone_surface,
    }


@pytest.mark.parametrize("which", list(Listed), ids=[w.name for w in Listed])
def test_one_scan_finds_each_lists_words(which: Listed) -> None:
    """`Tokens.listed` finds, for every list at once, the words a scan of that list alone finds."""
    lexicon = actor_lexicon(default_resources())
    text = fold(
        "وقال الرئيس المصري عبد الفتاح السيسي، وفقا لوكالة الأنباء، إن وزير الخارجية الأسبق "
        "ومحمد بن سلمان اتفقا في جوان على دعم الحكومة الليبية وعلى الحوار في طرابلس بحسب مصادر، وقال أردوغان"
    )
    tokens = Tokens(text)
    words = _lists(lexicon)[which]
    expected = [i for i, word in enumerate(tokens.texts) if word in words]
    assert tokens.listed(lexicon, which) == expected
    assert expected, "the text holds words of every list"
