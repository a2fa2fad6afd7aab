"""Normalizers keep offsets: every normalized stretch maps back exactly."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from libnews.text.normalize import (
    CHARMAP_STEPS,
    MATCHING,
    Normalizer,
    charmap_step,
    collapse_whitespace,
    fold,
)

# (step names, input, expected output)
CASES = [
    (["strip_tashkeel"], "وَقَّعَ", "وقع"),
    (["remove_tatweel"], "بــــأسعار", "بأسعار"),
    (["fold_alef"], "أإآٱ", "اااا"),
    (["fold_yeh"], "على مستوى", "علي مستوي"),
    (["fold_teh_marbuta"], "الجمعة", "الجمعه"),
    (["fold_digits"], "٢٠٢١ و۱۴", "2021 و14"),
    (["fold_punctuation"], "«السراج»، نعم؟ “لا”؛", '"السراج", نعم? "لا";'),
    (["remove_controls"], "ab\u200f\u200dc\u202bd\ufeff", "abcd"),
    ([collapse_whitespace], "a  \t b \n\n  c", "a b\nc"),
]


@pytest.mark.parametrize(("steps", "text", "expected"), CASES, ids=[c[2] for c in CASES])
def test_step(steps: list[str], text: str, expected: str) -> None:
    assert Normalizer(steps).normalize(text).text == expected


def test_pipeline_folds_everything() -> None:
    assert fold("وقّعَ «السّراج» في ٤ ديسمبر  ١٤٤٢هـ") == 'وقع "السراج" في 4 ديسمبر 1442ه'


def test_composed_maps_apply_in_order() -> None:
    # alef folding must see the letter that an earlier step produced, whatever the order of tables
    assert charmap_step("fold_alef", "fold_yeh")(MATCHING.normalize("إلى")).text == "الي"


def test_unknown_step_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown normalizer step"):
        Normalizer(["no_such_step"])


def test_span_maps_to_original() -> None:
    original = "وقّع «السّراج» في ٤ ديسمبر"
    aligned = MATCHING.normalize(original)
    start = aligned.text.index("السراج")
    span = aligned.span(start, start + len("السراج"))
    assert span.text == "السّراج"
    assert original[span.start : span.end] == span.text


@given(st.text())
def test_any_stretch_maps_back(original: str) -> None:
    aligned = MATCHING.normalize(original)
    assert len(aligned.index) == len(aligned.text) + 1
    for start in range(0, len(aligned.text) + 1, 3):
        for end in (start, min(len(aligned.text), start + 1), len(aligned.text)):
            span = aligned.span(start, end)
            assert original[span.start : span.end] == span.text
    assert list(aligned.index) == sorted(aligned.index)


@given(st.text(alphabet=st.sampled_from("وقّع «السّراج» ـ ٤ \u200f\n\t،؟إأى ة")))
def test_arabic_heavy_stretches_map_back(original: str) -> None:
    aligned = MATCHING.normalize(original)
    for start in range(len(aligned.text)):
        span = aligned.span(start, start + 1)
        assert MATCHING.fold(span.text).strip() == aligned.text[start].strip() or aligned.text[start] in " \n"


# The plain definition of the pipeline: one str.translate of the merged maps, then runs
# of Unicode white space (``regex``'s ``\s``) collapsed.  The shipped steps take faster
# paths (replacing only the characters present, scanning with ``re``): same result.
_REFERENCE_SPACE = regex.compile(r"\s+")


def _reference(original: str) -> str:
    mapped = original.translate(charmap_step(*CHARMAP_STEPS).table)  # type: ignore[attr-defined]
    return _REFERENCE_SPACE.sub(lambda m: "\n" if "\n" in m.group() else " ", mapped)


@given(st.text())
def test_fast_paths_equal_the_plain_definition(original: str) -> None:
    assert MATCHING.normalize(original).text == _reference(original)
    assert fold(original) == _reference(original)


@given(st.text(alphabet=st.sampled_from("أإآى ة٤،؟«»\u200f\u00a0\u2028\u3000\x1c\x85\t\n\r ـ")))
def test_fast_paths_on_the_mapped_characters(original: str) -> None:
    assert MATCHING.normalize(original).text == _reference(original)
    assert fold(original) == _reference(original)
