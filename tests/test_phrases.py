"""The phrase matcher: clitics, the لل form, overlap policy."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from libnews.match.actors import Tokens, strip_clitic
from libnews.match.lexicon import clitic_surface
from libnews.match.phrases import PhraseMatcher, select_longest
from libnews.text.normalize import fold

FORMS = ["روما", "إيطاليا", "الأمم المتحدة", "النمروش", "مجلس الأمن", "مجلس الأمن الدولي", "بغداد", "لبنان"]
MATCHER = PhraseMatcher((fold(form), form) for form in FORMS)

# (text, [(name as written in the normalized text, clitic)])
CLITIC_CASES = [
    ("بروما", [("روما", "ب")]),
    ("لروما", [("روما", "ل")]),
    ("وإيطاليا", [("ايطاليا", "و")]),
    ("فإيطاليا", [("ايطاليا", "ف")]),
    ("وبروما", [("روما", "وب")]),
    ("للأمم المتحدة", [("لامم المتحده", "لل")]),
    ("وللأمم المتحدة", [("لامم المتحده", "ولل")]),
    ("والأمم المتحدة", [("الامم المتحده", "و")]),
    ("بالأمم المتحدة", [("الامم المتحده", "ب")]),
    ("لـ«النمروش»", [("النمروش", "")]),
    ("بغداد", [("بغداد", "")]),
    ("لبنان ولبنان", [("لبنان", ""), ("لبنان", "و")]),
    ("مجلس الأمن الدولي", [("مجلس الامن الدولي", "")]),
    ("مجلس الأمن الدولية", [("مجلس الامن", "")]),
    ("الرومانية", []),
    ("مروما", []),
]


@pytest.mark.parametrize(("text", "expected"), CLITIC_CASES, ids=[c[0] for c in CLITIC_CASES])
def test_clitics(text: str, expected: list[tuple[str, str]]) -> None:
    folded = fold(text)
    hits = MATCHER.find(folded)
    assert [(h.text, h.clitic) for h in hits] == expected
    for hit in hits:
        assert folded[hit.start : hit.end] == hit.text


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int


def test_overlap_policy_is_longest_then_earliest() -> None:
    kept = select_longest([_Cand(0, 3), _Cand(2, 8), _Cand(7, 10), _Cand(9, 12)])
    assert kept == [_Cand(2, 8), _Cand(9, 12)]


def test_equal_length_keeps_the_earliest() -> None:
    assert select_longest([_Cand(3, 6), _Cand(1, 4)]) == [_Cand(1, 4)]


# (candidates as (start, end), the kept ones in text order)
SELECTION_CASES = [
    ("none-overlap", [(0, 3), (4, 6), (6, 9)], [(0, 3), (4, 6), (6, 9)]),
    ("none-overlap-unordered", [(4, 6), (0, 3)], [(0, 3), (4, 6)]),
    ("contained", [(2, 4), (0, 9)], [(0, 9)]),
    ("same-span-twice", [(1, 4), (1, 4)], [(1, 4)]),
    ("empty-inside-another", [(0, 5), (2, 2)], [(0, 5), (2, 2)]),
    ("empty-at-a-start", [(3, 3), (3, 6)], [(3, 6), (3, 3)]),
    ("chain", [(0, 2), (1, 4), (3, 5), (4, 8)], [(1, 4), (4, 8)]),
]


@pytest.mark.parametrize(
    ("spans", "expected"), [c[1:] for c in SELECTION_CASES], ids=[c[0] for c in SELECTION_CASES]
)
def test_selection_keeps_longest_then_earliest_in_text_order(
    spans: list[tuple[int, int]], expected: list[tuple[int, int]]
) -> None:
    kept = select_longest([_Cand(start, end) for start, end in spans])
    assert [(c.start, c.end) for c in kept] == expected


def test_acronyms_are_case_sensitive_whole_words() -> None:
    acronyms = PhraseMatcher([("NOC", "noc")], clitics=False)
    assert [h.text for h in acronyms.find("شركة (NOC) و noc وNOCs")] == ["NOC"]


# Words and whether clitic_surface(["قال", "الرئيس"]) holds them: what strip_clitic maps back.
SURFACE_CASES = [
    ("قال", True),
    ("وقال", True),
    ("فقال", True),
    ("بقال", True),
    ("وبقال", True),
    ("مقال", False),
    ("الرئيس", True),
    ("للرئيس", True),
    ("والرئيس", True),
    ("ولرئيس", False),
    ("قالت", False),
]


@pytest.mark.parametrize(("word", "expected"), SURFACE_CASES, ids=[c[0] for c in SURFACE_CASES])
def test_clitic_surface_is_what_strip_clitic_maps_back(word: str, expected: bool) -> None:
    words = {"قال", "الرئيس"}
    assert (word in clitic_surface(words)) is expected
    assert bool(set(strip_clitic(word)) & words) is expected


def test_words_passed_in_give_the_same_hits() -> None:
    text = fold("زار الوفد بروما ثم للأمم المتحدة ومجلس الأمن الدولي في لبنان")
    tokens = Tokens(text)
    given = list(MATCHER.iter_all(text, words=tokens.spans, texts=tokens.texts))
    assert given == list(MATCHER.iter_all(text))
    assert [h.text for h in given] == ["روما", "لامم المتحده", "مجلس الامن الدولي", "لبنان"]


def test_openers_passed_in_give_the_same_hits() -> None:
    """A caller that scanned the words for `surface` itself (`Tokens.listed`) gets the same hits."""
    text = fold("زار الوفد بروما ثم للأمم المتحدة ومجلس الأمن الدولي في لبنان")
    tokens = Tokens(text)
    openers = [i for i, word in enumerate(tokens.texts) if word in MATCHER.surface]
    given = list(MATCHER.iter_all(text, words=tokens.spans, texts=tokens.texts, openers=openers))
    assert given == list(MATCHER.iter_all(text))
    assert [tokens.texts[i] for i in openers] == ["بروما", "للامم", "ومجلس", "لبنان"]
