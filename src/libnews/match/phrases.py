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

import itertools
from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter, le, lt, sub
from typing import Generic, NamedTuple, Protocol, TypeVar

import regex

__all__ = ["PhraseHit", "PhraseMatcher", "Spanned", "select_longest"]

T = TypeVar("T")

_ARTICLE = "ال"


class PhraseHit(NamedTuple, Generic[T]):
    """One occurrence of a form in the (normalized) text.

    A named tuple: matching makes many of them, and a frozen dataclass takes
    several times as long to build.
    """

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
    found = list(candidates)
    if not found:
        return []
    starts = list(map(_START, found))
    ends = list(map(_END, found))
    following = starts[1:]
    if all(map(lt, starts, ends)) and all(map(le, ends, following)) and all(map(lt, starts, following)):
        return found  # in text order already, and none overlaps another: all are kept
    # Longest first, then earliest, then as given: sorting tuples keeps every comparison in C
    # (a key function is a Python call per candidate).
    ranked = sorted(zip(map(sub, starts, ends), starts, ends, itertools.count()))
    # One byte per character: a candidate is kept when none of its characters is taken yet.
    taken = bytearray(max(ends) + 1)
    kept: list[int] = []
    for _, start, end, n in ranked:
        if end > start:
            if taken.find(1, start, end) != -1:
                continue
            taken[start:end] = b"\x01" * (end - start)
        kept.append(n)
    kept.sort(key=starts.__getitem__)
    return [found[n] for n in kept]


_START = attrgetter("start")
_END = attrgetter("end")


_WORD = regex.compile(r"[\p{L}\p{M}]+|\d+")
# How a written word opens forms: the length of its clitic, whether the article's alef is
# restored, the word counts of the forms (longest first), the second words of the longer ones.
_Reading = tuple[int, bool, tuple[int, ...], frozenset[str]]
_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


class PhraseMatcher(Generic[T]):
    """A word list indexed by first word; see the module docstring.

    Every first word of a form is indexed once with each clitic it may carry
    (``بروما``, ``للامم``), so matching looks each word of the text up once and
    tries the forms starting with it, longest first, only at the few words
    that open one.  The cost is one set look-up per word, whatever the size
    of the list.

    Args:
        entries: ``(form, value)`` pairs; forms must already be folded
            (`libnews.text.normalize.fold`).  A form listed twice keeps every value.
        clitics: Recognise the Arabic clitic prefixes before a form.
    """

    def __init__(self, entries: Iterable[tuple[str, T]], *, clitics: bool = True) -> None:
        values: dict[str, list[T]] = {}
        for written, value in entries:
            form = " ".join(written.split())
            bucket = values.get(form)
            if bucket is None:
                values[form] = [value]
            elif value not in bucket:
                bucket.append(value)
        self._values: dict[str, tuple[T, ...]] = {}
        self._clitics = _CLITICS if clitics else ("",)
        # First word -> the word counts of the forms it opens, longest first, and the second
        # words of those of several words.
        lengths: dict[str, set[int]] = {}
        seconds: dict[str, set[str]] = {}
        for form, found in values.items():
            words = _WORD.findall(form)
            if not words:
                continue  # no word to match
            self._values[form] = tuple(found)
            if form.startswith(words[0]):  # a form must start on a word
                lengths.setdefault(words[0], set()).add(len(words))
                if len(words) > 1:
                    seconds.setdefault(words[0], set()).add(words[1])
        self._first: dict[str, tuple[int, ...]] = {
            w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()
        }
        self._seconds = {w: frozenset(found) for w, found in seconds.items()}
        # Every written word that opens a form: first words, with each clitic they may carry
        # (بروما، للامم).  Matching looks each word of a text up here once; the readings of
        # the few that are in it are worked out on first sight and kept (`_openings`).
        prefixes = [c for c in self._clitics if c]
        self._surface = frozenset(
            [
                *self._first,
                *(c + f for f in self._first if len(f) >= 2 for c in prefixes),
                *(
                    c + f[1:]
                    for f in self._first
                    if f.startswith("ال") and len(f) >= 3
                    for c in prefixes
                    if c.endswith("ل")
                ),
                *(
                    c + f[2:]
                    for f in self._first
                    if f.startswith("الل") and len(f) >= 4
                    for c in prefixes
                    if c.endswith("ل")
                ),
            ]
        )
        self._readings: dict[str, tuple[_Reading, ...]] = {}

    def __len__(self) -> int:
        return len(self._values)

    @property
    def surface(self) -> frozenset[str]:
        """Every written word a form may start at (first words, with the clitics they may carry)."""
        return self._surface

    def __contains__(self, form: object) -> bool:
        return form in self._values

    def values(self, form: str) -> tuple[T, ...]:
        """The values of a folded *form* (empty if unknown)."""
        return self._values.get(form, ())

    def iter_all(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        words: Sequence[tuple[int, int]] | None = None,
        texts: Sequence[str] | None = None,
        *,
        openers: Iterable[int] | None = None,
    ) -> Iterator[PhraseHit[T]]:
        """Every hit, overlapping ones included: the longest form at each word (and clitic reading).

        *words* may pass the ``(start, end)`` of the words of *text*, and *texts*
        the words themselves, when the caller has them already; *openers* the
        indices of the words of *texts* that are in `surface`, in order, when the
        caller found them already (one scan of a text for several word lists).
        """
        if not self._values:
            return
        if words is None:
            stop = len(text) if end is None else end
            words = [m.span() for m in _WORD.finditer(text, start, stop)]
        if texts is None:
            texts = [text[s:e] for s, e in words]
        surface, readings, values = self._surface, self._readings, self._values
        count_words = len(words)
        if openers is None:
            # Most words open no form: one set look-up each, in a comprehension.
            openers = [i for i, word in enumerate(texts) if word in surface]
        for i in openers:
            word = texts[i]
            found = readings.get(word)
            if found is None:
                found = readings[word] = self._openings(word)
            word_start = words[i][0]
            for offset, lam, counts, seconds in found:
                begin = word_start + offset
                tried = counts
                if counts[0] > 1 and (i + 1 >= count_words or texts[i + 1] not in seconds):
                    # No form of several words goes on with the next word (the text between
                    # the two words is the form's, so the next word is its second).
                    tried = counts[-1:] if counts[-1] == 1 else ()
                # The longest form first: the most words that still match as written.
                for count in tried:
                    last = i + count - 1
                    if last >= count_words:
                        continue
                    stop = words[last][1]
                    written = text[begin:stop]
                    form = ("ا" + written) if lam else written
                    value = values.get(form)
                    if value is not None:
                        clitic = text[word_start:begin] + ("ل" if lam else "")
                        yield PhraseHit(begin, stop, written, form, clitic, value)
                        break

    def _openings(self, word: str) -> tuple[_Reading, ...]:
        """Each reading of *word* that opens a form: clitic length, alef restored, word counts,
        second words."""
        found: list[_Reading] = []
        none: frozenset[str] = frozenset()
        for clitic in self._clitics:
            size = len(clitic)
            if clitic and (not word.startswith(clitic) or len(word) - size < 2):
                continue
            rest = word[size:]
            counts = self._first.get(rest)
            if counts is not None:
                found.append((size, False, counts, self._seconds.get(rest, none)))
            elif clitic.endswith("ل") and rest.startswith("ل") and "ا" + rest in self._first:
                # لل + (ا)لأمم: the article's alef is not written after the preposition.
                first = "ا" + rest
                found.append((size, True, self._first[first], self._seconds.get(first, none)))
            if clitic.endswith("ل") and rest.startswith("ل") and "ال" + rest in self._first:
                # ل + (ال)لجنة: before a word starting with lam the article's alef and lam are
                # not written (للجنة العليا); the hit covers the preposition's lam as well.
                first = "ال" + rest
                found.append((size - 1, True, self._first[first], self._seconds.get(first, none)))
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
