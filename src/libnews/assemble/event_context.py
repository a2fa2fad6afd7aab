"""What the agreement and event assemblers look things up in: one article's
normalized text with its sentences, words, cues, dates and actor mentions,
all in normalized coordinates and sorted for range queries."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import regex

from libnews.document import Document
from libnews.match.events import Cue, find_cues
from libnews.models import Actor, DateMention
from libnews.text.segment import Segment, words

__all__ = ["ActorMention", "Context", "DateAt", "build_context"]

_STOP = regex.compile(r"[,;:.?!\n]")
_STOP_BACK = regex.compile(r"[,;:.?!\n]", flags=regex.REVERSE)
_CLAUSE = 600  # characters: a clause longer than this is cut (keeps every lookup local)
_MAX_WINDOW = 12  # the largest `window` an event cue may have (events_schema)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One mention of an actor, in normalized coordinates."""

    start: int
    end: int
    actor: Actor


@dataclass(frozen=True, slots=True)
class DateAt:
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
    words: list[Segment]
    cues: list[Cue]
    actors: list[ActorMention]
    dates: list[DateAt]
    _actor_starts: list[int] = field(default_factory=list)
    _date_starts: list[int] = field(default_factory=list)
    _word_starts: list[int] = field(default_factory=list)
    _sentence_ends: list[int] = field(default_factory=list)
    _cues_by_role: dict[str, list[Cue]] = field(default_factory=dict)
    _cue_starts: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._actor_starts = [m.start for m in self.actors]
        self._date_starts = [d.start for d in self.dates]
        self._word_starts = [w.start for w in self.words]
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

    def word_end_after(self, position: int, count: int) -> int:
        """End of the *count*-th word starting at or after *position* (or the text end)."""
        index = bisect_left(self._word_starts, position) + count - 1
        if count <= 0:
            return position
        if index >= len(self.words):
            return len(self.text)
        return self.words[index].end

    def word_start_before(self, position: int, count: int) -> int:
        """Start of the *count*-th word ending at or before *position*."""
        index = bisect_left(self._word_starts, position) - count
        return self.words[max(index, 0)].start if self.words else 0

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
        if any(cue.window == 0 for cue in self.cues_between(role, sentence.start, position)[-1:]):
            return True  # a cue reaching the rest of its sentence
        # No window is longer than _MAX_WINDOW words: older cues cannot reach.
        floor = max(sentence.start, self.word_start_before(position, _MAX_WINDOW + 2))
        for cue in self.cues_between(role, floor, position):
            if cue.window == 0:
                return True
            reach = min(self.word_end_after(cue.end, cue.window), self.clause_end(cue.end))
            if position < reach:
                return True
        return False

    def cue_between(self, role: str, start: int, end: int) -> bool:
        """Whether a cue of *role* lies in ``[start, end)``."""
        return bool(self.cues_between(role, start, end))


def build_context(doc: Document, dates: list[DateMention], actors: list[Actor]) -> Context:
    """Index *doc* with its *dates* and *actors* for the assemblers."""
    aligned = doc.aligned
    mentions = []
    for actor in actors:
        for span in actor.mentions:
            start = aligned.normalized_offset(span.start)
            end = aligned.normalized_offset(span.end)
            if end > start:
                mentions.append(ActorMention(start, end, actor))
    mentions.sort(key=lambda m: (m.start, -m.end))
    placed = []
    for mention in dates:
        start = aligned.normalized_offset(mention.span.start)
        end = aligned.normalized_offset(mention.span.end)
        placed.append(DateAt(start, max(end, start), mention))
    placed.sort(key=lambda d: d.start)
    return Context(
        doc=doc,
        text=aligned.text,
        sentences=doc.sentences,
        words=words(aligned.text),
        cues=find_cues(aligned.text, doc.resources),
        actors=mentions,
        dates=placed,
    )
