"""Attributions: who the article says its information comes from.

Cues come from ``data/attribution.toml`` (``نقلت … عن``, ``وفقا ل``, ``بحسب``,
``حسبما أفادت`` …).  The source is the first actor named right after the cue
(``وفقا لتقارير من الوزير الليبي`` → the minister, through coreference), or,
when no actor is there, the words that follow (``مصادر مطلعة``).  A speaker
followed by a statement noun (``قال X في بيان``) is an attribution too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import regex

from libnews.document import Document
from libnews.match.actors import Tokens, strip_clitic
from libnews.match.lexicon import Lexicon, Listed
from libnews.match.phrases import select_longest
from libnews.models import Actor, Attribution

__all__ = ["find_attributions"]

_SENTENCE_BREAK = regex.compile(r"[.!?;:\n]")
_CLAUSE_BREAK = regex.compile(r"[.!?;:,\n]")
_PHRASE_BREAK = regex.compile(r"[.!?;:,\n()]")
_AN = regex.compile(r"\sعن\s")
_WORDS = regex.compile(r"\p{L}+")
_STATEMENT = regex.compile(r"\s+(?:في|خلال)\s+(\p{L}+)")
# How far after a cue its source may start (characters of normalized text).
_REACH = 60


def _actor_positions(doc: Document, actors: list[Actor]) -> list[tuple[int, int, str, str]]:
    found: list[tuple[int, int, str, str]] = []
    for actor in actors:
        for span in actor.mentions:
            start = doc.aligned.normalized_offset(span.start)
            end = doc.aligned.normalized_offset(span.end)
            found.append((start, end, actor.id, actor.kind))
    found.sort()
    return found


def _noun_phrase(tokens: Tokens, position: int, lexicon: Lexicon, limit: int = 4) -> tuple[int, int] | None:
    """The words right after *position*, up to punctuation or a stop word."""
    i = tokens.covering(position)
    if i < 0 or i >= len(tokens) or tokens.starts[i] < position:
        i += 1
    if i >= len(tokens) or _PHRASE_BREAK.search(tokens.text[position : tokens.starts[i]]):
        return None
    first = i
    while i < len(tokens) and i - first < limit:
        word = tokens.texts[i]
        if i > first and (word in lexicon.stop or word in lexicon.reporting_verbs):
            break
        if not tokens.joined(i):
            i += 1
            break
        i += 1
    if i == first:
        return None
    return tokens.starts[first], tokens.ends[i - 1]


def _source_noun_next(tokens: Tokens, position: int, lexicon: Lexicon) -> bool:
    """Whether the word right after *position* is a source noun (``مصادر``, ``المصادر``)."""
    i = bisect_left(tokens.starts, position)
    if i >= len(tokens) or not tokens.text[position : tokens.starts[i]].isspace():
        return False
    word = tokens.texts[i]
    return word in lexicon.source_nouns or (word.startswith("ال") and word[2:] in lexicon.source_nouns)


def _organization_at(
    positions: Sequence[tuple[int, int, str, str]], starts: list[int], position: int
) -> tuple[str, int] | None:
    """(id, end) of an organization mentioned from *position* on, if one starts there."""
    k = bisect_left(starts, position)
    while k < len(positions) and positions[k][0] == position:
        if positions[k][3] == "organization":
            return positions[k][2], positions[k][1]
        k += 1
    return None


def _is_news_source(source: str, actors: list[Actor]) -> bool:
    actor = next((a for a in actors if a.id == source), None)
    return actor is not None and actor.kind == "organization"


def find_attributions(
    doc: Document,
    tokens: Tokens,
    lexicon: Lexicon,
    actors: list[Actor],
    positions: Sequence[tuple[int, int, str, str]] | None = None,
) -> list[Attribution]:
    """Every attribution of *doc*, in text order (see the module docstring).

    *positions* may pass the actors' mentions in normalized coordinates, sorted,
    as ``(start, end, actor id, kind)``, when the caller has them.
    """
    text = tokens.text
    if positions is None:
        positions = _actor_positions(doc, actors)
    starts = [p[0] for p in positions]
    found: list[tuple[int, int, str]] = []
    cues = (
        select_longest(
            lexicon.cues.iter_all(
                text,
                words=tokens.spans,
                texts=tokens.texts,
                openers=tokens.listed(lexicon, Listed.ATTRIBUTION_CUES),
            )
        )
        if lexicon.cues is not None
        else []
    )
    for hit in cues:
        cue = hit.values[0]
        position = hit.end
        if cue.source == "noun_after" and not _source_noun_next(tokens, position, lexicon):
            continue  # وقال الوزير: most reporting verbs have a named speaker, told at a glance
        # وفقا لتقارير: the preposition is written onto the next word.
        k = bisect_left(starts, position)
        source: str | None = None
        end = position
        while k < len(positions) and cue.source != "noun_after":
            start, stop, actor_id, kind = positions[k]
            if start - position > _REACH or _CLAUSE_BREAK.search(text, position, start):
                break
            if cue.name == "reported_by" and (kind != "organization" or start - position > 12):
                break
            # وفقا لقرارات مجلس الأمن is no attribution: words before the actor must name a source.
            between = _WORDS.findall(text, position, start)
            if between and not any(
                form in lexicon.source_nouns for word in between for form in strip_clitic(word)
            ):
                break
            source, end = actor_id, stop
            break
        if source is None:
            phrase = _noun_phrase(tokens, position, lexicon)
            if phrase is None:
                continue
            if cue.source == "noun_after" and not text[position : phrase[0]].isspace():
                continue  # قال، إن …: the source noun must follow the verb at once
            # وفقا لتقارير، بحسب مصادر: the source must be a source noun, not any noun (وفقا للقانون).
            head = text[phrase[0] : phrase[1]].split(" ")[0]
            # وقال لوكالة الأنباء: whom the speaker told, not the source.
            forms = [head] if cue.source == "noun_after" else strip_clitic(head)
            if head.startswith("ال"):
                forms.append(head[2:])  # وأوضحت المصادر: the sources named before
            if not any(form in lexicon.source_nouns for form in forms):
                continue
            named = _organization_at(positions, starts, phrase[0])
            if named is not None:
                # قالت قناة الميادين: a source noun that heads a named body is that body.
                found.append((hit.start, named[1], named[0]))
                continue
            source = " ".join(doc.aligned.span(*phrase).text.replace('"', " ").split())
            source = source.strip("«»\"' ")
            end = phrase[1]
            if not source:
                continue
        if cue.source == "after_then_an":
            # نقل is also "transfer" (نقل السلطة): only a source with عن … or a news source counts.
            an = _AN.search(text, end, min(len(text), end + 30))
            if an is not None and not _SENTENCE_BREAK.search(text, end, an.start()):
                tail = _noun_phrase(tokens, an.end(), lexicon, limit=3)
                end = tail[1] if tail else an.end() - 1
            elif not _is_news_source(source, actors):
                continue
        found.append((hit.start, end, source))
    # قال/أعلن X في بيان: a speaker and a statement noun.
    for start, stop, actor_id, _kind in positions:
        if not text[stop : stop + 1].isspace():
            continue  # (what `_STATEMENT` opens with: told without running it)
        window = text[stop : stop + 40]
        match = _STATEMENT.match(window)
        if not match or match.group(1) not in lexicon.statements:
            continue
        # The reporting verb may stand a few words before the name (وقال الرئيس الروسي X).
        i = tokens.covering(start)
        verb = None
        for k in range(i - 1, max(-1, i - 7), -1):
            if not tokens.joined(k):
                break
            if tokens.texts[k] in lexicon.reporting_surface:
                verb = k
                break
        if verb is not None:
            found.append((tokens.starts[verb], stop + match.end(), actor_id))
    found.sort()
    out: list[Attribution] = []
    last_end = -1
    for start, end, source in found:
        if start < last_end:
            continue
        out.append(Attribution(source=source, span=doc.aligned.span(start, end)))
        last_end = end
    return out
