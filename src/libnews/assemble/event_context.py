"""What the agreement and event assemblers look things up in: one article's
normalized text with its sentences, words, cues, dates and actor mentions,
all in normalized coordinates and sorted for range queries."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

import regex

from libnews.document import Document
from libnews.match.events import Cue, find_cues
from libnews.match.word_gate import LetterRuns, letter_runs
from libnews.models import Actor, DateMention
from libnews.text.normalize import fold
from libnews.text.segment import Segment

T = TypeVar("T")

__all__ = ["ActorMention", "Context", "DateAt", "build_context"]

# The words of `libnews.text.segment.words`, indexed per sentence on demand.
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*|\d+(?:[.,]\d+)*")
_STOP = regex.compile(r"[,;:.?!\n]")
_STOP_BACK = regex.compile(r"[,;:.?!\n]", flags=regex.REVERSE)
_CLAUSE = 600  # characters: a clause longer than this is cut (keeps every lookup local)
_MAX_WINDOW = 12  # the largest `window` an event cue may have (events_schema)


class ActorMention(NamedTuple):
    """One mention of an actor, in normalized coordinates (a tuple: thousands are made per article)."""

    start: int
    end: int
    actor: Actor


class DateAt(NamedTuple):
    """One date mention, in normalized coordinates."""

    start: int
    end: int
    date: DateMention


@dataclass
class Context:
    """One article, indexed for the assemblers."""

    doc: Document
    text: str
    sentences: list[Segment]
    runs: LetterRuns
    """The distinct letter runs of `text` (for the word-gated lexicons)."""
    cues: list[Cue]
    actors: list[ActorMention]
    dates: list[DateAt]
    _actor_starts: list[int] = field(default_factory=list)
    _date_starts: list[int] = field(default_factory=list)
    _words: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)
    _sentence_ends: list[int] = field(default_factory=list)
    _cues_by_role: dict[str, list[Cue]] = field(default_factory=dict)
    _cue_starts: dict[str, list[int]] = field(default_factory=dict)
    _titles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _holders: dict[str, tuple[list[int], list[ActorMention]]] = field(default_factory=dict)
    _memo: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._actor_starts = [m.start for m in self.actors]
        self._date_starts = [d.start for d in self.dates]
        self._sentence_ends = [s.end for s in self.sentences]
        for cue in sorted(self.cues, key=lambda c: c.start):
            self._cues_by_role.setdefault(cue.role, []).append(cue)
            self._cue_starts.setdefault(cue.role, []).append(cue.start)

    def sentence_index(self, position: int) -> int:
        """Index of the sentence holding (or following) normalized *position*."""
        return min(bisect_right(self._sentence_ends, position), max(len(self.sentences) - 1, 0))

    def sentence(self, position: int) -> Segment:
        """The sentence holding normalized *position*."""
        return self.sentences[self.sentence_index(position)]

    def actors_in(self, start: int, end: int) -> list[ActorMention]:
        """Actor mentions starting in ``[start, end)``."""
        low = bisect_left(self._actor_starts, start)
        high = bisect_left(self._actor_starts, end)
        return self.actors[low:high]

    def dates_in(self, start: int, end: int) -> list[DateAt]:
        """Date mentions starting in ``[start, end)``."""
        low = bisect_left(self._date_starts, start)
        high = bisect_left(self._date_starts, end)
        return self.dates[low:high]

    def _sentence_words(self, index: int) -> tuple[list[int], list[int]]:
        """Starts and ends of the words of sentence *index* (sentences hold every word)."""
        found = self._words.get(index)
        if found is None:
            sentence = self.sentences[index]
            spans = [m.span() for m in _WORD.finditer(self.text, sentence.start, sentence.end)]
            starts, ends = zip(*spans, strict=True) if spans else ((), ())
            found = (list(starts), list(ends))
            self._words[index] = found
        return found

    def word_end_after(self, position: int, count: int) -> int:
        """End of the *count*-th word starting at or after *position* (or the text end)."""
        if count <= 0:
            return position
        index = self.sentence_index(position) if self.sentences else 0
        while index < len(self.sentences):
            starts, ends = self._sentence_words(index)
            first = bisect_left(starts, position)
            if first + count - 1 < len(starts):
                return ends[first + count - 1]
            count -= len(starts) - first
            index += 1
        return len(self.text)

    def word_start_before(self, position: int, count: int) -> int:
        """Start of the *count*-th word ending at or before *position*."""
        index = self.sentence_index(position) if self.sentences else -1
        first_start: int | None = None
        while index >= 0:
            starts, _ = self._sentence_words(index)
            before = bisect_left(starts, position)
            if before - count >= 0:
                return starts[before - count]
            count -= before
            if starts:
                first_start = starts[0]
            index -= 1
        return first_start if first_start is not None else 0

    def clause_end(self, position: int) -> int:
        """First punctuation mark at or after *position* (or the sentence end), at most `_CLAUSE` away."""
        sentence = self.sentence(position)
        limit = min(sentence.end, position + _CLAUSE)
        match = _STOP.search(self.text, position, limit)
        return match.start() if match else limit

    def clause_start(self, position: int) -> int:
        """Just after the last punctuation mark before *position* (or the sentence start).

        At most `_CLAUSE` characters back.
        """
        sentence = self.sentence(position)
        floor = max(sentence.start, position - _CLAUSE)
        match = _STOP_BACK.search(self.text, floor, position)
        return match.end() if match else floor

    def cues_between(self, role: str, start: int, end: int) -> list[Cue]:
        """The cues of *role* starting in ``[start, end)``."""
        starts = self._cue_starts.get(role, [])
        return self._cues_by_role.get(role, [])[bisect_left(starts, start) : bisect_left(starts, end)]

    def reached(self, role: str, position: int) -> bool:
        """Whether a cue of *role* before *position* reaches it (same clause, within its window)."""
        sentence = self.sentence(position)
        candidates = self.cues_between(role, sentence.start, position)
        if not candidates:
            return False
        if candidates[-1].window == 0:
            return True  # a cue reaching the rest of its sentence
        # No window is longer than _MAX_WINDOW words: older cues cannot reach.
        floor = max(sentence.start, self.word_start_before(position, _MAX_WINDOW + 2))
        for cue in candidates:
            if cue.start < floor:
                continue
            if cue.window == 0:
                return True
            reach = min(self.word_end_after(cue.end, cue.window), self.clause_end(cue.end))
            if position < reach:
                return True
        return False

    def cue_between(self, role: str, start: int, end: int) -> bool:
        """Whether a cue of *role* lies in ``[start, end)``."""
        return bool(self.cues_between(role, start, end))

    def memo(self, key: str, build: Callable[[Context], T]) -> T:
        """``build(self)``, computed once per article (indexes several assemblers share)."""
        if key not in self._memo:
            self._memo[key] = build(self)
        return self._memo[key]  # type: ignore[no-any-return]

    def title_holders(self, word: str) -> tuple[list[int], list[ActorMention]]:
        """Mentions of persons with a title containing *word*, in text order, and their starts.

        Built once per word and article, so resolving every bare title walks only the
        mentions of people who could hold it, never the whole article again.
        """
        found = self._holders.get(word)
        if found is None:
            by_person = self.memo("mentions_by_person", _mentions_by_person)
            indexes = sorted(
                index
                for actor, held in by_person
                if any(word in text for text in self.titles_of(actor))
                for index in held
            )
            mentions = [self.actors[index] for index in indexes]
            found = ([mention.start for mention in mentions], mentions)
            self._holders[word] = found
        return found

    def titles_of(self, actor: Actor) -> tuple[str, ...]:
        """The folded texts of *actor*'s titles (folded once per article)."""
        found = self._titles.get(actor.id)
        if found is None:
            found = tuple(fold(title.text) for title in actor.titles)
            self._titles[actor.id] = found
        return found


def _mentions_by_person(ctx: Context) -> list[tuple[Actor, list[int]]]:
    """Each person with titles, and the indexes of their mentions in ``ctx.actors``."""
    held: dict[str, tuple[Actor, list[int]]] = {}
    for index, mention in enumerate(ctx.actors):
        if mention.actor.kind == "person" and mention.actor.titles:
            held.setdefault(mention.actor.id, (mention.actor, []))[1].append(index)
    return list(held.values())


def build_context(doc: Document, dates: list[DateMention], actors: list[Actor]) -> Context:
    """Index *doc* with its *dates* and *actors* for the assemblers."""
    aligned = doc.aligned
    index, size = aligned.index, len(aligned.text)
    # bisect_left here is `AlignedText.normalized_offset`, in C.
    mentions = []
    for actor in actors:
        for span in actor.mentions:
            start = bisect_left(index, span.start, 0, size)
            end = bisect_left(index, span.end, 0, size)
            if end > start:
                mentions.append(ActorMention(start, end, actor))
    mentions.sort(key=lambda m: (m.start, -m.end))
    placed = []
    for mention in dates:
        start = bisect_left(index, mention.span.start, 0, size)
        end = bisect_left(index, mention.span.end, 0, size)
        placed.append(DateAt(start, max(end, start), mention))
    placed.sort(key=lambda d: d.start)
    runs = letter_runs(aligned.text)
    return Context(
        doc=doc,
        text=aligned.text,
        sentences=doc.sentences,
        runs=runs,
        cues=find_cues(aligned.text, doc.resources, runs),
        actors=mentions,
        dates=placed,
    )
