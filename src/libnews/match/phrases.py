"""The one phrase matcher: folded forms, Arabic clitic prefixes, longest-then-earliest.

A `PhraseMatcher` compiles every form of a word list into a single ``regex``
named list (a trie), so a text is scanned once whatever the number of forms.
A form may carry the clitics Arabic writes onto the next word: ``و`` and
``ف`` (and), ``ب`` ``ل`` ``ك`` (prepositions), and their combinations
(``وب``, ``ول``, ``فب`` …).  Before a form that starts with the article ``ال``,
``ل`` swallows its alef (``للأمم المتحدة`` = ``ل`` + ``الأمم المتحدة``); the
hit then covers ``لأمم المتحدة``, the name as written.  A clitic may be joined
to the name by a quote (``لـ«النمروش»`` is folded to ``ل"النمروش"``).

Spans are always on the name itself, never on the clitic.

>>> m = PhraseMatcher([("روما", "place"), ("الامم المتحده", "org")])
>>> [(h.text, h.clitic, h.values) for h in m.find("زار بروما ثم للامم المتحده")]
[('روما', 'ب', ('place',)), ('لامم المتحده', 'لل', ('org',))]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

import regex

__all__ = ["PhraseHit", "PhraseMatcher", "Spanned", "select_longest"]

T = TypeVar("T")

_ARTICLE = "ال"


@dataclass(frozen=True, slots=True)
class PhraseHit(Generic[T]):
    """One occurrence of a form in the (normalized) text."""

    start: int
    """Where the name starts (after any clitic)."""
    end: int
    """Where the name ends."""
    text: str
    """The name as it is in the normalized text."""
    form: str
    """The folded form of the word list that matched."""
    clitic: str
    """The clitic letters written before the name (``""``, ``"و"``, ``"لل"``…)."""
    values: tuple[T, ...]
    """What the word list says about the form (one value per entry holding it)."""


class Spanned(Protocol):
    """Anything with normalized ``start`` and ``end``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)


def select_longest(candidates: Iterable[S]) -> list[S]:
    """The overlap policy: keep the longest candidates, then the earliest, never two that overlap.

    Returns the kept candidates in text order.
    """
    ranked = sorted(candidates, key=lambda c: (c.start - c.end, c.start))
    if not ranked:
        return []
    # One byte per character: a candidate is kept when none of its characters is taken yet.
    taken = bytearray(max(c.end for c in ranked) + 1)
    kept: list[S] = []
    for cand in ranked:
        if cand.end > cand.start and taken.find(1, cand.start, cand.end) != -1:
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


_WORD = regex.compile(r"[\p{L}\p{M}]+|\d+")
_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
# The clitic readings worth trying for a word, by its first letter.
_BY_FIRST = {
    letter: ("", *(c for c in _CLITICS if c.startswith(letter))) for letter in {c[0] for c in _CLITICS if c}
}


class PhraseMatcher(Generic[T]):
    """A word list indexed by first word; see the module docstring.

    Matching walks the words of the text once: at each word it strips each
    possible clitic, looks the rest up among the first words of the forms, and
    tries the forms starting with it, longest first.  The cost is a few dict
    look-ups per word, whatever the size of the list.

    Args:
        entries: ``(form, value)`` pairs; forms must already be folded
            (`libnews.text.normalize.fold`).  A form listed twice keeps every value.
        clitics: Recognise the Arabic clitic prefixes before a form.
    """

    def __init__(self, entries: Iterable[tuple[str, T]], *, clitics: bool = True) -> None:
        values: dict[str, list[T]] = {}
        for written, value in entries:
            form = " ".join(written.split())
            if not form or _WORD.search(form) is None:
                continue
            bucket = values.setdefault(form, [])
            if value not in bucket:
                bucket.append(value)
        self._values: dict[str, tuple[T, ...]] = {form: tuple(v) for form, v in values.items()}
        self._clitics = _CLITICS if clitics else ("",)
        # First word -> the word counts of the forms it opens, longest first.
        lengths: dict[str, set[int]] = {}
        for form in self._values:
            words = _WORD.findall(form)
            if _WORD.match(form) is None:
                continue  # a form must start on a word
            lengths.setdefault(words[0], set()).add(len(words))
        self._first: dict[str, tuple[int, ...]] = {
            w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()
        }

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, form: object) -> bool:
        return form in self._values

    def values(self, form: str) -> tuple[T, ...]:
        """The values of a folded *form* (empty if unknown)."""
        return self._values.get(form, ())

    def _longest(
        self, text: str, words: Sequence[tuple[int, int]], i: int, offset: int, first: str, *, lam: bool
    ) -> PhraseHit[T] | None:
        counts = self._first.get(("ا" + first) if lam else first)
        if not counts:
            return None
        begin = words[i][0] + offset
        for count in counts:
            if i + count > len(words):
                continue
            stop = words[i + count - 1][1]
            written = text[begin:stop]
            form = ("ا" + written) if lam else written
            found = self._values.get(form)
            if found is not None:
                clitic = text[words[i][0] : begin] + ("ل" if lam else "")
                return PhraseHit(begin, stop, written, form, clitic, found)
        return None

    def iter_all(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        words: Sequence[tuple[int, int]] | None = None,
    ) -> Iterator[PhraseHit[T]]:
        """Every hit, overlapping ones included: the longest form at each word (and clitic reading).

        *words* may pass the ``(start, end)`` of the words of *text*, when the
        caller has them already.
        """
        if not self._values:
            return
        if words is None:
            stop = len(text) if end is None else end
            words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, stop)]
        # The readings of a word that open some form depend on the word alone: worked out
        # once per distinct word of the text.
        openings: dict[str, tuple[tuple[int, bool], ...]] = {}
        for i, (word_start, word_end) in enumerate(words):
            word = text[word_start:word_end]
            readings = openings.get(word)
            if readings is None:
                readings = openings[word] = self._openings(word)
            for offset, lam in readings:
                hit = self._longest(text, words, i, offset, word[offset:], lam=lam)
                if hit is not None:
                    yield hit

    def _openings(self, word: str) -> tuple[tuple[int, bool], ...]:
        """``(clitic length, alef restored)`` of each reading of *word* that opens a form."""
        found: list[tuple[int, bool]] = []
        clitics = _BY_FIRST.get(word[:1], ("",)) if len(self._clitics) > 1 else ("",)
        for clitic in clitics:
            size = len(clitic)
            if clitic and (not word.startswith(clitic) or len(word) - size < 2):
                continue
            rest = word[size:]
            if rest in self._first:
                found.append((size, False))
            elif clitic.endswith("ل") and rest.startswith("ل") and "ا" + rest in self._first:
                # لل + (ا)لأمم: the article's alef is not written after the preposition.
                found.append((size, True))
        return tuple(found)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PhraseHit[T]]:
        """Hits that do not overlap, chosen by `select_longest`, in text order."""
        return select_longest(self.iter_all(text, start, end))


def hits_by_start(hits: Sequence[Spanned]) -> dict[int, int]:
    """Index of the first hit starting at each position (for token-wise lookups)."""
    index: dict[int, int] = {}
    for i, hit in enumerate(hits):
        index.setdefault(hit.start, i)
    return index
