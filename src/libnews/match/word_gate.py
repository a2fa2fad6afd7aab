"""Running a large word-list pattern only where one of its words occurs.

A pattern built from hundreds of forms (``(?<!\\p{L})[وف]?(?P<core>وقع|اتفق|…)``)
costs the regex engine a try at every character of the text.  Most articles
hold a handful of its words at most, and every match of such a pattern starts
where a run of letters starts, a run the word list fully determines: a clitic
prefix, the first word of a form and, for one-word forms, a suffix.
`GatedPattern` lists those runs once per `Resources`; per text it intersects
them with the text's letter runs (computed once, see `letter_runs`) and tries
the pattern only at the few places those runs occur.  The matches are the ones
``pattern.finditer`` would give, in the same order.

>>> import regex
>>> gated = GatedPattern(regex.compile(r"(?<!\\p{L})[وف]?(?:وقع|التقي)(?!\\p{L})"),
...                      surface_runs(["وقع", "التقي"], ["", "و", "ف"]))
>>> text = "ثم ووقع الوزير وتوقع"
>>> [m.group() for m in gated.finditer(text, letter_runs(text))]
['ووقع']
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import product

import regex

__all__ = ["GatedPattern", "LetterRuns", "Surface", "letter_runs", "prefix_combinations", "surface_runs"]

_LETTERS = regex.compile(r"\p{L}+")
_LEADING_LETTERS = regex.compile(r"\p{L}*")
# Characters the look-ups of one text may scan with str.find before indexing every run instead.
_SCAN_BUDGET = 2_000_000


class LetterRuns:
    """The distinct maximal runs of letters of one text, and where they stand (looked up on demand)."""

    __slots__ = ("_indexed", "_positions", "_scanned", "runs", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        # Most whitespace-separated words are one run: only the others need the regex.
        words = set(text.split())
        odd = {word for word in words if not word.isalpha()}
        words -= odd
        if odd:
            words.update(_LETTERS.findall(" ".join(odd)))
        self.runs = frozenset(words)
        self._positions: dict[str, list[int]] = {}
        self._scanned = 0
        self._indexed = False

    def positions(self, run: str) -> list[int]:
        """Where *run* stands as a whole run of letters, in text order."""
        found = self._positions.get(run)
        if found is None:
            if self._indexed:
                return []
            if self._scanned > _SCAN_BUDGET:
                # Each look-up scans the whole text: past a budget, index every run in one pass
                # instead, or a long text (which asks for many runs) would take quadratic time.
                self._index_all()
                return self._positions.get(run, [])
            self._scanned += len(self.text)
            found = _occurrences(self.text, run)
            self._positions[run] = found
        return found

    def _index_all(self) -> None:
        positions: dict[str, list[int]] = {}
        for match in _LETTERS.finditer(self.text):
            positions.setdefault(match.group(), []).append(match.start())
        self._positions = positions
        self._indexed = True


def letter_runs(text: str) -> LetterRuns:
    """The letter runs of *text*, for `GatedPattern.finditer`."""
    return LetterRuns(text)


def prefix_combinations(*slots: Iterable[str]) -> list[str]:
    """Every concatenation of one choice per slot (``""`` for an optional slot).

    >>> prefix_combinations(["", "و"], ["", "ال"])
    ['', 'ال', 'و', 'وال']
    """
    return sorted({"".join(choice) for choice in product(*[list(slot) for slot in slots])})


@dataclass(frozen=True, slots=True)
class Surface:
    """The letter runs the matches of a word list can start with."""

    runs: frozenset[str]
    next_words: dict[str, tuple[str, ...]]
    """Runs that only start forms of several words (``في اطار``): how the next word can start."""


def surface_runs(
    forms: Iterable[str], prefixes: Iterable[str], suffixes: Iterable[str] = ("",)
) -> Surface | None:
    """The letter runs a match of one of *forms* (folded) can start with.

    Returns None when a form does not start with a letter: such a list cannot be gated.
    """
    free: set[str] = set()
    chained: dict[str, set[str]] = {}
    for form in forms:
        words = form.split()
        if not words:
            continue
        head = _LEADING_LETTERS.match(words[0])
        letters = head.group() if head else ""
        if not letters:
            return None
        second = _LEADING_LETTERS.match(words[1]) if len(words) > 1 and letters == words[0] else None
        if second is not None and second.group():
            chained.setdefault(letters, set()).add(second.group())
        elif len(words) == 1 and letters == words[0]:
            # A one-word form made of letters may carry a suffix in the same run.
            free.update(letters + suffix for suffix in suffixes)
        else:
            free.add(letters)
    starts = prefix_combinations(prefixes)
    runs = {prefix + word for prefix in starts for word in free}
    # One run can start forms in several ways (وفي = و + في, or the form وفي): any of their next words.
    following: dict[str, set[str]] = {}
    for word, seconds in chained.items():
        for prefix in starts:
            if prefix + word not in runs:
                following.setdefault(prefix + word, set()).update(seconds)
    next_words = {run: tuple(sorted(seconds)) for run, seconds in following.items()}
    return Surface(frozenset(runs | next_words.keys()), next_words)


@dataclass(frozen=True, slots=True)
class GatedPattern:
    """A compiled pattern whose matches start at one of the letter runs of its `surface`."""

    pattern: regex.Pattern[str]
    surface: Surface | None
    """Where a match can start; None tries every position (plain ``finditer``)."""

    def possible(self, runs: LetterRuns) -> bool:
        """Whether the text of *runs* holds a run a match can start with (if False, nothing matches)."""
        return self.surface is None or not self.surface.runs.isdisjoint(runs.runs)

    def finditer(
        self, text: str, runs: LetterRuns, start: int = 0, end: int | None = None
    ) -> Iterator[regex.Match[str]]:
        """The matches ``pattern.finditer(text, start, end)`` gives, trying only where they can start.

        Args:
            text: The (normalized) text.
            runs: ``letter_runs(text)``, computed once per text.
            start: Where to start looking.
            end: Where matches must end (as ``endpos``).
        """
        stop = len(text) if end is None else end
        surface = self.surface
        if surface is None or stop < len(text) or runs.text is not text:
            # A word cut at *stop* is a run the gate does not know: scan the plain way.
            yield from self.pattern.finditer(text, start, stop)
            return
        hits = runs.runs & surface.runs
        if not hits:
            return
        candidates: set[int] = set()
        for run in hits:
            seconds = surface.next_words.get(run)
            if seconds is None:
                candidates.update(runs.positions(run))
                continue
            for position in runs.positions(run):
                after = position + len(run)
                while after < stop and text[after].isspace():
                    after += 1
                if after > position + len(run) and text.startswith(seconds, after):
                    candidates.add(position)
        positions = sorted(candidates)
        reached = start
        for position in positions[bisect_left(positions, start) :]:
            if position < reached:
                continue  # inside the previous match: finditer resumes after it
            match = self.pattern.match(text, position, stop)
            if match is not None:
                reached = max(match.end(), position + 1)
                yield match


def _occurrences(text: str, run: str) -> list[int]:
    """Where the letter run *run* stands as a whole run in *text*."""
    found: list[int] = []
    position = text.find(run)
    while position >= 0:
        after = position + len(run)
        if (position == 0 or not text[position - 1].isalpha()) and (
            after >= len(text) or not text[after].isalpha()
        ):
            found.append(position)
        # A whole run cannot start inside this occurrence: its letters would precede it.
        position = text.find(run, after)
    return found
