"""The word gate (``match/word_gate.py``) finds exactly what a plain scan finds, only faster."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from libnews.assemble.agreements import _words as agreement_words
from libnews.assemble.events import _title_words
from libnews.match.clauses import _markers
from libnews.match.events import _build_cues, _lexicon
from libnews.match.word_gate import GatedPattern, letter_runs, surface_runs
from libnews.resources import default_resources
from libnews.text.normalize import normalize


def _is_title(match: regex.Match[str]) -> bool:
    titles = _title_words(default_resources())[0]
    word = match.group("word")
    for ending in ("ان", "ين"):
        if word.endswith(ending) and word[: -len(ending)] in titles:
            word = word[: -len(ending)]
    return word in titles


def _gated_patterns() -> list[tuple[str, GatedPattern]]:
    resources = default_resources()
    lexicon = _lexicon(resources)
    words = agreement_words(resources)
    patterns = [
        ("verbs", lexicon.verbs),
        ("nouns", lexicon.nouns),
        ("participles", lexicon.participles),
        ("cues", resources.compiled("events.cues", _build_cues)[0]),
        ("agreement heads", words.heads),
        ("generic agreement uses", words.generic),
        ("bare titles", _title_words(resources)[1]),
    ]
    patterns += [(f"opener {entry.name}", gate) for entry, gate in _markers(resources).openers]
    return patterns


# Clitics, suffixes, glued punctuation and digits, forms of several words across a line break,
# one run that starts forms in two ways (وفي = و + في), and a text ending inside a form.
TRICKY = [
    "ووقّع الوزيران اتفاقية التعاون، ثم وقعته الحكومة.وقعت.",
    "وفي ختام الزيارة التقى الرئيس بنظيره في\nإطار اللقاء، 5وقع 2020وقعا «اتفاقية»",
    "لم يعقد الوزير اجتماعاته ولن يوقعها؛ بهدف التوصل إلى اتفاق في",
    "بالاتفاق مع الطرفين وللاتفاقية الموقعة والاتفاقيتين وزيارتهما لقائه لقاءاتهم",
    "نصت الاتفاقية على تدريب، وتنظيم، وتشمل المناورات. الرئيس والوزيران والسفيرين",
]


@pytest.mark.parametrize(("name", "gate"), [pytest.param(*pair, id=pair[0]) for pair in _gated_patterns()])
def test_gate_matches_the_plain_scan(
    name: str, gate: GatedPattern, corpus: list[dict[str, str | None]]
) -> None:
    # The bare-title gate lets through title words only: the plain scan is filtered the same way.
    keep = _is_title if name == "bare titles" else (lambda match: True)
    texts = [normalize(text).text for text in TRICKY]
    texts += [normalize(record["text"] or "").text for record in corpus]
    for text in texts:
        plain = [(m.span(), m.groupdict()) for m in gate.pattern.finditer(text) if keep(m)]
        gated = [(m.span(), m.groupdict()) for m in gate.finditer(text, letter_runs(text)) if keep(m)]
        assert gated == plain, (name, text[:80])


def test_a_list_with_a_form_not_starting_with_a_letter_is_not_gated() -> None:
    assert surface_runs(["وقع", "5+1"], [""]) is None


def test_next_word_condition_keeps_runs_that_also_stand_alone() -> None:
    surface = surface_runs(["في اطار", "وفي"], ["", "و"])
    assert surface is not None
    assert "وفي" not in surface.next_words  # the one-word form وفي needs no next word
    assert surface.next_words["في"] == ("اطار",)


def test_a_stretch_cut_inside_a_word_scans_the_plain_way() -> None:
    gate = GatedPattern(regex.compile(r"(?<!\p{L})وقع(?!\p{L})"), surface_runs(["وقع"], [""]))
    text = "ثم وقعت"
    assert [m.span() for m in gate.finditer(text, letter_runs(text), 0, 6)] == [(3, 6)]


@given(
    st.text(alphabet="وفي قع٣3ـ.\u064b\u200c\naب", max_size=60),
    st.sampled_from(["في", "وقع", "ب", "a", "فيوقع"]),
)
def test_indexing_every_run_finds_what_scanning_for_one_finds(text: str, run: str) -> None:
    # A long text switches from str.find per run to one index of every run: both must agree.
    scanned = letter_runs(text).positions(run)
    indexed = letter_runs(text)
    indexed._index_all()
    assert indexed.positions(run) == scanned


def test_a_long_text_is_indexed_once_its_look_ups_would_scan_too_much() -> None:
    text = normalize("وقع الوزير في القاهرة " * 50_000).text
    runs = letter_runs(text)
    for run in ("وقع", "الوزير", "في", "القاهره", "غائب", "وقع"):
        whole = regex.compile(rf"(?<!\p{{L}}){run}(?!\p{{L}})")
        assert runs.positions(run) == [m.start() for m in whole.finditer(text)]
    assert runs._indexed
