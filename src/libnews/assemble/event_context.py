"""What the agreement and event assemblers look things up in: one article's
normalized text with its sentences, words, cues, dates and actor mentions,
all in normalized coordinates and sorted for range queries."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar

import regex

from libnews.document import Document
from libnews.match.events import Cue, find_cues
from libnews.match.word_gate import LetterRuns, letter_runs
from libnews.models import Actor, DateMention
from libnews.resources import Resources
from libnews.text.normalize import fold
from libnews.text.segment import Segment

T = TypeVar("T")

__all__ = ["ActorMention", "Context", "DateAt", "build_context"]

# The words of `libnews.text.segment.words`, indexed per sentence on demand.
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*|\d+(?:[.,]\d+)*")
_WORD_SPLIT = regex.compile("(" + _WORD.pattern + ")")
_STOP = regex.compile(r"[,;:.?!\n]")
_STOP_BACK = regex.compile(r"[,;:.?!\n]", flags=regex.REVERSE)
_CLAUSE = 600  # characters: a clause longer than this is cut (keeps every lookup local)
_MAX_WINDOW = 12  # the largest `window` an event cue may have (events_schema)
_FOLDED_NAMES = 4096  # actor names and titles whose folded form is remembered


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
    _last_sentence: int = 0
    _first_worded: int | None = None
    _cues_by_role: dict[str, tuple[list[int], list[Cue]]] = field(default_factory=dict)
    """Per role, its cues in text order and their starts."""
    _titles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _holders: dict[str, tuple[list[int], list[ActorMention]]] = field(default_factory=dict)
    _memo: dict[str, Any] = field(default_factory=dict)
    _reaches: dict[Cue, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._actor_starts = [m.start for m in self.actors]
        self._date_starts = [d.start for d in self.dates]
        self._sentence_ends = [s.end for s in self.sentences]
        self._last_sentence = max(len(self.sentences) - 1, 0)
        for cue in sorted(self.cues, key=lambda c: c.start):
            starts, cues = self._cues_by_role.setdefault(cue.role, ([], []))
            starts.append(cue.start)
            cues.append(cue)

    def sentence_index(self, position: int) -> int:
        """Index of the sentence holding (or following) normalized *position*."""
        return min(bisect_right(self._sentence_ends, position), self._last_sentence)

    def sentence(self, position: int) -> Segment:
        """The sentence holding normalized *position*."""
        return self.sentences[min(bisect_right(self._sentence_ends, position), self._last_sentence)]

    def actors_in(self, start: int, end: int) -> list[ActorMention]:
        """Actor mentions starting in ``[start, end)``."""
        starts = self._actor_starts
        return self.actors[bisect_left(starts, start) : bisect_left(starts, end)]

    def dates_in(self, start: int, end: int) -> list[DateAt]:
        """Date mentions starting in ``[start, end)``."""
        starts = self._date_starts
        return self.dates[bisect_left(starts, start) : bisect_left(starts, end)]

    def _sentence_words(self, index: int) -> tuple[list[int], list[int]]:
        """Starts and ends of the words of sentence *index* (sentences hold every word)."""
        found = self._words.get(index)
        if found is None:
            sentence = self.sentences[index]
            # Splitting on the words (kept) alternates gap, word, gap … : the running sum of the piece
            # lengths gives every word's start and end without a match object per word.
            pieces = _WORD_SPLIT.split(self.text[sentence.start : sentence.end])
            bounds = list(accumulate(map(len, pieces), initial=sentence.start))
            found = (bounds[1:-1:2], bounds[2::2])
            self._words[index] = found
        return found

    def _first_worded_sentence(self) -> int:
        """Index of the first sentence holding a word (the number of sentences if none does)."""
        if self._first_worded is None:
            self._first_worded = next(
                (
                    index
                    for index, sentence in enumerate(self.sentences)
                    if _WORD.search(self.text, sentence.start, sentence.end)
                ),
                len(self.sentences),
            )
        return self._first_worded

    def word_end_after(self, position: int, count: int, limit: int | None = None) -> int:
        """End of the *count*-th word starting at or after *position* (or the text end).

        With *limit*, the smaller of that and *limit*: the sentences starting at or after *limit*
        then need not be split into words.
        """
        if count <= 0:
            return position if limit is None else min(limit, position)
        sentences = self.sentences
        index = self.sentence_index(position) if sentences else 0
        while index < len(sentences):
            if limit is not None and sentences[index].start >= limit:
                return limit  # every word from here on ends after the limit
            starts, ends = self._sentence_words(index)
            first = bisect_left(starts, position)
            if first + count - 1 < len(starts):
                end = ends[first + count - 1]
                return end if limit is None else min(limit, end)
            count -= len(starts) - first
            index += 1
        return len(self.text) if limit is None else min(limit, len(self.text))

    def word_start_before(self, position: int, count: int, floor: int = 0) -> int:
        """Start of the *count*-th word ending at or before *position*, and at least *floor*.

        Sentences ending at or before *floor* need not be split into words: whatever word they
        hold starts before it.
        """
        sentences = self.sentences
        index = self.sentence_index(position) if sentences else -1
        first_start: int | None = None
        while index >= 0:
            if sentences[index].end <= floor:
                if self._first_worded_sentence() <= index:
                    return floor  # the word found here or further back starts before the floor
                break  # no word this far back: the answer is the first word already seen
            starts, _ = self._sentence_words(index)
            before = bisect_left(starts, position)
            if before - count >= 0:
                return max(floor, starts[before - count])
            count -= before
            if starts:
                first_start = starts[0]
            index -= 1
        return max(floor, first_start if first_start is not None else 0)

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
        found = self._cues_by_role.get(role)
        if found is None:
            return []
        starts, cues = found
        return cues[bisect_left(starts, start) : bisect_left(starts, end)]

    def first_cue(self, role: str, start: int) -> Cue | None:
        """The first cue of *role* starting at or after *start*, if any."""
        found = self._cues_by_role.get(role)
        if found is None:
            return None
        starts, cues = found
        index = bisect_left(starts, start)
        return cues[index] if index < len(cues) else None

    def reached(self, role: str, position: int) -> bool:
        """Whether a cue of *role* before *position* reaches it (same clause, within its window)."""
        sentence = self.sentences[min(bisect_right(self._sentence_ends, position), self._last_sentence)]
        candidates = self.cues_between(role, sentence.start, position)
        if not candidates:
            return False
        if candidates[-1].window == 0:
            return True  # a cue reaching the rest of its sentence
        # No window is longer than _MAX_WINDOW words: older cues cannot reach.
        floor = self.word_start_before(position, _MAX_WINDOW + 2, sentence.start)
        for cue in candidates:
            if cue.start < floor:
                continue
            if cue.window == 0 or position < self._reach(cue):
                return True
        return False

    def _reach(self, cue: Cue) -> int:
        """Where the reach of *cue* (its window, within its clause) ends; asked for again and again."""
        found = self._reaches.get(cue)
        if found is None:
            found = self.word_end_after(cue.end, cue.window, self.clause_end(cue.end))
            self._reaches[cue] = found
        return found

    def cue_between(self, role: str, start: int, end: int) -> bool:
        """Whether a cue of *role* lies in ``[start, end)``."""
        return bool(self.cues_between(role, start, end))

    def memo(self, key: str, build: Callable[[Context], T]) -> T:
        """``build(self)``, computed once per article (indexes several assemblers share)."""
        if key not in self._memo:
            self._memo[key] = build(self)
        return self._memo[key]  # type: ignore[no-any-return]

    def titled_persons(self) -> list[tuple[Actor, list[int]]]:
        """Each person with titles, and the indexes of their mentions in `actors` (once per article)."""
        return self.memo("mentions_by_person", _mentions_by_person)

    def title_holders(self, word: str) -> tuple[list[int], list[ActorMention]]:
        """Mentions of persons with a title containing *word*, in text order, and their starts.

        Built once per word and article, so resolving every bare title walks only the
        mentions of people who could hold it, never the whole article again.
        """
        found = self._holders.get(word)
        if found is None:
            by_person = self.titled_persons()
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

    def folded(self, name: str) -> str:
        """``fold(name)`` of an actor's name or title, remembered per resource set.

        The same gazetteer names come back event after event and article after article;
        the memory is bounded (names found in the text vary without end).
        """
        return self.doc.resources.compiled("events.folded_names", _remembered_fold)(name)

    def titles_of(self, actor: Actor) -> tuple[str, ...]:
        """The folded texts of *actor*'s titles (folded once per article)."""
        found = self._titles.get(actor.id)
        if found is None:
            found = tuple(self.folded(title.text) for title in actor.titles)
            self._titles[actor.id] = found
        return found


def _remembered_fold(_: Resources) -> Callable[[str], str]:
    return lru_cache(maxsize=_FOLDED_NAMES)(fold)


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
    mentions = [
        ActorMention(bisect_left(index, span.start, 0, size), bisect_left(index, span.end, 0, size), actor)
        for actor in actors
        for span in actor.mentions
    ]
    mentions = [mention for mention in mentions if mention.end > mention.start]
    mentions.sort(key=lambda m: (m.start, -m.end))
    placed = []
    for mention in dates:
        start = bisect_left(index, mention.span.start, 0, size)
        end = bisect_left(index, mention.span.end, 0, size)
        placed.append(DateAt(start, max(end, start), mention))
    placed.sort(key=itemgetter(0))
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
