"""Statements (CAMEO 010): a named actor says, stresses or announces something.

Only the verb-first order of news prose is read (``أكد وزير الخارجية سامح شكري أن …``,
``وقالت الخارجية الروسية …``): the subject is the first person, body or country named
after the verb, before any ``أن``/``إن`` that opens what was said, and before any other
trigger.  A verb with no such subject (``وأضاف أن …``) makes no statement, so every
statement has a named speaker.  Statements take no part in the other events' participants,
dates or merging: they are found last and only added to the output.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from libnews.assemble.event_context import Context
from libnews.match.events import Trigger
from libnews.models import Actor

__all__ = ["Statement", "find_statements"]

_SUBJECT_WORDS = 6  # a title of four words and a name of two (وزير الخارجية والتعاون الدولي)
# إن / أن / بأن open what was said: an actor after them is its content, not the speaker.
_CONTENT = regex.compile(r"(?<!\p{L})(?:ان|انه|انها|انهم|بان|بانه|بانها)(?!\p{L})|[.?!:;\"\n]")
_SPEAKERS = ("person", "organization", "country")
# Between the verb and its subject stand titles and honorifics, never a preposition
# (وصرح مسؤول في الوفد بالكويت: the speaker is the unnamed official, not Kuwait).
_NOT_SUBJECT = regex.compile(
    r"(?<!\p{L})(?:في|من|الي|علي|عن|مع|لدي|عند|خلال|حول|بين|امام|عبر)(?!\p{L})|(?<!\p{L})[وفبلك]\"?$"
)


@dataclass
class Statement:
    """One statement, in normalized coordinates."""

    trigger: Trigger
    sentence: int
    actors: list[Actor] = field(default_factory=list)
    date: dt.date | None = None
    negated: bool = False


def find_statements(ctx: Context, triggers: list[Trigger], media: frozenset[str]) -> list[Statement]:
    """Statements of the article from its ``statement`` triggers (verbs only), in text order.

    Args:
        ctx: The indexed article.
        triggers: Every trigger of the article, in text order (other kinds bound the subject search).
        media: Ids of news agencies and media: a report of theirs is no statement of an actor.
    """
    found: list[Statement] = []
    for index, trigger in enumerate(triggers):
        if trigger.kind != "statement" or trigger.form != "verb" or not ctx.sentences:
            continue
        if ctx.reached("aim", trigger.start):
            continue
        sentence_index = ctx.sentence_index(trigger.start)
        sentence = ctx.sentences[sentence_index]
        limit = ctx.word_end_after(trigger.end, _SUBJECT_WORDS, sentence.end)
        if index + 1 < len(triggers):
            limit = min(limit, triggers[index + 1].start)
        content = _CONTENT.search(ctx.text, trigger.end, limit)
        if content is not None:
            limit = content.start()
        named = ctx.actors_in(trigger.end, limit)
        if not named or _NOT_SUBJECT.search(ctx.text, trigger.end, named[0].start):
            continue
        # رئيس هيئة الأركان الجنرال فلان: a body in a person's title, the person named after it speaks.
        first = next((m for m in named if m.actor.kind == "person"), named[0])
        if first is not named[0] and _NOT_SUBJECT.search(ctx.text, named[0].end, first.start):
            first = named[0]
        if first.actor.kind not in _SPEAKERS or first.actor.id in media:
            continue
        # The day stands by the verb and its subject (قال الوزير أمس إن …), not in what was said.
        date_end = ctx.word_end_after(first.end, 3)
        opened = _CONTENT.search(ctx.text, first.end, date_end)
        if opened is not None:
            date_end = opened.start()
        dates = [d.date.value for d in ctx.dates_in(trigger.end, date_end) if d.date.value]
        found.append(
            Statement(
                trigger=trigger,
                sentence=sentence_index,
                actors=[first.actor],
                date=dates[0] if dates else None,
                negated=ctx.reached("negation", trigger.start),
            )
        )
    return found
