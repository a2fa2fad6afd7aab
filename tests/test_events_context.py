"""The word look-ups of the assemblers' `Context`, against a plain reference.

`Context.word_end_after` and `Context.word_start_before` split sentences into words
lazily and stop early at a *limit* or *floor*; whatever they skip, they must answer as
the plain definition does: every word of every sentence found with one regex, then
clamped.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from pathlib import Path

import pytest
import regex

from libnews.assemble.event_context import Context, build_context
from libnews.document import Document

SEED = Path(__file__).resolve().parent.parent / "src" / "libnews" / "examples" / "libya_italy_2020.txt"
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*|\d+(?:[.,]\d+)*")

TEXTS = {
    "seed": SEED.read_text("utf-8"),
    "punctuation-only sentences": "... !!! ؟\nوقع الوزير الاتفاق. ... \n\n!!\nثم عاد.",
    "numbers and marks": "بلغت 1,5 مليون و2.75 في المئة. ثم ́ قال: 2020. وانتهى",
    "no words": "... ؟! -- ...",
    "one word": "وقع",
    "leading wordless sentence": "!!\n؟\nقال الوزير إن الاتفاق وقع أمس في روما.",
}


def _context(text: str) -> Context:
    return build_context(Document.prepare(text, dt.date(2020, 12, 15)), [], [])


def _words(ctx: Context) -> list[list[tuple[int, int]]]:
    """Each sentence's words, found the plain way."""
    return [[m.span() for m in _WORD.finditer(ctx.text, s.start, s.end)] for s in ctx.sentences]


def _end_after(ctx: Context, words: list[list[tuple[int, int]]], position: int, count: int) -> int:
    """The reference: walk the sentences from the one holding *position*."""
    if count <= 0:
        return position
    index = ctx.sentence_index(position) if ctx.sentences else 0
    while index < len(ctx.sentences):
        starts = [start for start, _ in words[index]]
        first = bisect_left(starts, position)
        if first + count - 1 < len(starts):
            return words[index][first + count - 1][1]
        count -= len(starts) - first
        index += 1
    return len(ctx.text)


def _start_before(ctx: Context, words: list[list[tuple[int, int]]], position: int, count: int) -> int:
    """The reference: walk the sentences back from the one holding *position*."""
    index = ctx.sentence_index(position) if ctx.sentences else -1
    first_start: int | None = None
    while index >= 0:
        starts = [start for start, _ in words[index]]
        before = bisect_left(starts, position)
        if before - count >= 0:
            return starts[before - count]
        count -= before
        if starts:
            first_start = starts[0]
        index -= 1
    return first_start if first_start is not None else 0


@pytest.mark.parametrize("name", list(TEXTS), ids=list(TEXTS))
def test_word_lookups_match_the_reference(name: str) -> None:
    ctx = _context(TEXTS[name])
    words = _words(ctx)
    size = len(ctx.text)
    bounds = sorted({0, size, *(s.start for s in ctx.sentences), *(s.end for s in ctx.sentences)})
    checked = 0
    for position in range(size + 1):
        for count in (1, 2, 6, 24):
            end = _end_after(ctx, words, position, count)
            start = _start_before(ctx, words, position, count)
            for bound in bounds:
                # A fresh context each time would be slow: the word cache is shared, which is the point.
                assert ctx.word_end_after(position, count, bound) == min(bound, end), (position, count, bound)
                assert ctx.word_start_before(position, count, bound) == max(bound, start), (position, count)
                checked += 1
            assert ctx.word_end_after(position, count) == end
            assert ctx.word_start_before(position, count) == start
    assert checked > 0


@pytest.mark.parametrize("name", list(TEXTS), ids=list(TEXTS))
def test_early_stops_on_a_fresh_context(name: str) -> None:
    """With nothing cached yet, a floor or limit may skip sentences: the answer is the same."""
    reference = _context(TEXTS[name])
    words = _words(reference)
    size = len(reference.text)
    for position in range(0, size + 1, max(1, size // 60)):
        for bound in (0, position // 2, position, min(size, position + 40), size):
            fresh = _context(TEXTS[name])
            assert fresh.word_start_before(position, 12, bound) == max(
                bound, _start_before(reference, words, position, 12)
            )
            fresh = _context(TEXTS[name])
            assert fresh.word_end_after(position, 12, bound) == min(
                bound, _end_after(reference, words, position, 12)
            )
