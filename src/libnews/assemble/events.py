"""Agreements (with their clauses) and events, assembled from triggers, dates and actors.

The steps, in order:

1. triggers (``match/events.py``) and agreement mentions (``assemble/agreements.py``);
   a signing trigger needs an agreement mention after it (``وقّع … اتفاقية``) or just
   before it (``الاتفاقية الموقعة``), hoped-for triggers (``بهدف …``) are dropped;
2. mentions grouped into agreements;
3. per event: participants from the actors between the neighbouring triggers of its
   sentence, a place from a locative mention (``في جنيف``, ``لروما``), and anaphora
   (``الوزير``, a dual verb) resolved to the actors in focus;
4. dates: each date of a sentence belongs to the nearest trigger or agreement mention
   before it; undated events then take a date by reference (``خلالها``, ``للقاء``);
5. events describing one happening are merged (one signing per agreement);
6. agreements get parties, signatories, date and place from their signing, and
   clauses from the provision lists (``match/clauses.py``).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from itertools import pairwise

import regex

from libnews.assemble.agreements import (
    URGENT,
    AgreementDraft,
    AgreementMention,
    find_agreement_mentions,
    resolve_mentions,
)
from libnews.assemble.event_context import ActorMention, Context, DateAt, build_context
from libnews.assemble.statements import find_statements
from libnews.document import Document
from libnews.match.clauses import Opener, Piece, bullet_end, clause_topics, find_openers, split_provisions
from libnews.match.events import VERB_PREFIXES, Trigger, find_triggers
from libnews.match.lexicon import actor_lexicon
from libnews.match.word_gate import GatedPattern, prefix_combinations, surface_runs
from libnews.models import Actor, Agreement, Clause, DateMention, Event, Span
from libnews.resources import Resources
from libnews.resources.gazetteer_schema import CountryEntry, OrganizationEntry, PlaceEntry, TitleEntry
from libnews.text.normalize import fold

__all__ = ["find_agreements_and_events"]

_LOCATIVE = regex.compile(
    r"(?:(?<!\p{L})(?:في|الي|داخل|نحو|بمدينه|بالعاصمه|العاصمه)\s+|(?<![^\s\"(])[بل])\"?$"
)
_PARTNER = regex.compile(r"(?<!\p{L})(?:مع|ب\p{L}+ه(?:ا|م)?|نظير\p{L}*)(?!\p{L})")
_DESTINATION = regex.compile(r"(?<!\p{L})(?:الي|ل(?=\p{L}))")
_CONTINUATION = regex.compile(r"(?:من|في|عبر|مثل|ل\p{L}+)(?!\p{L})")
_AGENT_KINDS = ("person", "organization", "country")
_CARRY_SENTENCES = 3
_PLACE_WORDS = 40
_FOCUS_EVENTS = 12
_NAME_CHARS = 160
_CLAUSE = 600
_NOT_WHEN = regex.compile(
    r"(?<!\p{L})(?:(?:منذ|مند|بحلول|حتي|علي مدار|علي مدي|طوال)\s*(?:(?:ال)?(?:عام|سنه)\s*)?"
    r"|(?:منذ|مند)\s[^,.;:\n\d]{1,36})$"
)
_COLLECTIVE = frozenset({"conference", "election", "ceasefire"})
_REFER_SENTENCES = 8
_DECLARE_WORDS = 3
_SUBJECT_HOPS = 3
_REACH_WORDS = 24
_PHONE_WORDS = 10
_PHONE = regex.compile(r"(?<!\p{L})هاتفيا(?!\p{L})")
_PHONE_PARTNER_WORDS = 14  # بحث … مع نظيره …: both long names come before هاتفيا
_CALL_CAMEO = "041"
_SIGNED_WORDS = 24
_TOPIC = regex.compile(
    r"(?<!\p{L})(?:بشان|حول|حيال|ازاء|تجاه|مثل"
    r"|[وب]?(?:ال)?(?:قضايا|قضيه|ملف|ملفات|ازمه|اوضاع|وضع|تطورات|مستجدات))(?!\p{L})"
)
_AGREED_ON = regex.compile(r"(?<!\p{L})علي(?!\p{L})")
_VENUE = regex.compile(r"(?<!\p{L})في\s+(?:(?:قصر|مقر)\s+)?$")
_LIGHT_WORDS = 14
_LIGHT_VERB = regex.compile(
    r"(?<!\p{L})[وف]?(?:اجري|اجرت|اجريا|اجروا|يجري|تجري|عقد|عقدت|عقدا|عقدوا|يعقد|تعقد|تلقي|تلقت|يتلقي|تتلقي)(?!\p{L})"
)
_SINCE = regex.compile(r"(?<!\p{L})(?:منذ|مند|قبل|بعد)\s+(?:اجراء\s+)?$")
_MAY = regex.compile(r"(?<!\p{L})[وف]?قد\s+$")
_PRESENT = regex.compile(r"[يتن]|س[يتن]")
_TO = regex.compile(r"(?<!\p{L})الي(?!\p{L})")
_GATHERINGS = frozenset({"meet", "talks", "call"})
# Told by the lead with no day of their own, they are the day's news (توصلت الأطراف … إلى اتفاق).
_LEAD_DATED = frozenset({"sign", "agree", "ceasefire"})
# دبي، الإمارات العربية المتحدة (CNN)-- : where the story was filed, not who takes part.
_DATELINE = regex.compile(r"[^.\n]{0,80}?\([^()\n]{1,30}\)\s*[-–—]+")
_PRONOUN_WORDS = 6  # how far back the agreement a pronoun refers to may be named (الاتفاق الذي تم توقيعه)
_DEMONSTRATIVE = regex.compile(r"(?<!\p{L})[وف]?(?:هذه|هذا|تلك|ذلك|هذين|هاتين)\s+$")


@dataclass
class _Event:
    trigger: Trigger
    sentence: int
    actors: list[Actor] = field(default_factory=list)
    place: Actor | None = None
    date: dt.date | None = None
    own_date: bool = False
    negated: bool = False
    mention: int | None = None
    """Index of the agreement mention it is linked to."""
    agreement: int | None = None
    """Index of the agreement draft."""
    focus_from: _Event | None = None
    merged: bool = False
    demonstrative: bool = False
    """Introduced by هذه/تلك: it refers back to the one just named."""
    month_only: bool = False
    """Its own date names only a month (الشهر الماضي): a day of that month told elsewhere is the same."""
    told_in: set[int] = field(default_factory=set)
    """Sentences of the mentions merged into it (where its witnesses are told)."""
    setting: bool = False
    """A known event named as the setting of another (قبيل مراسم التوقيع): who is named around it
    speaks or acts there, and takes no part in it."""


def find_agreements_and_events(
    doc: Document, dates: list[DateMention], actors: list[Actor]
) -> tuple[list[Agreement], list[Event]]:
    """Agreements (with clauses) and events of *doc*, in text order.

    Args:
        doc: The article being parsed.
        dates: Its date mentions, in text order (original-text spans).
        actors: Its actors, with every mention (original-text spans).

    Returns:
        The agreements (ids ``g1``…) and the events (ids ``e1``…, in text order).
    """
    ctx = build_context(doc, dates, actors)
    found = find_triggers(ctx.text, doc.resources, ctx.runs)
    signings = [t.end for t in found if t.kind == "sign" and t.form != "participle" and not t.pronoun]
    openers = find_openers(ctx.text, doc.resources, runs=ctx.runs)
    opener_ends = sorted(o.verb_end for o in openers if o.needs == "mention")
    mentions = find_agreement_mentions(ctx, signings, opener_ends)
    # Statements are told apart: they neither bound the other events' participants nor take their dates.
    said = [t for t in found if t.kind == "statement"]
    triggers = _usable_triggers(ctx, [t for t in found if t.kind != "statement"], mentions)
    links = _link_signings(ctx, triggers, mentions)
    anchored = set(links.values()) | _described(ctx, openers, mentions)
    drafts, owner = resolve_mentions(ctx, mentions, anchored)
    triggers, links = _without_dangling(triggers, links, owner)

    media = _media_ids(ctx)
    events = _events(ctx, triggers, links, owner, mentions, media=media)
    _share_settings(ctx, events)
    _assign_dates(ctx, events, mentions, owner, drafts)
    events = [e for e in _merge(events) if not _bare(e) and not _unanchored(e)]
    for event in events:
        if event.agreement is not None:
            drafts[event.agreement].signed = drafts[event.agreement].signed or event.trigger.kind == "sign"
    origins = _origins(ctx, drafts, events)
    clauses = _clauses(ctx, openers=openers, mentions=mentions, owner=owner, drafts=drafts, events=events)
    drafts, clauses, origins = _fold_records(ctx, drafts, events, clauses, origins)
    # واتفق الأطراف على "…": agreeing on the provisions of an agreement already told is that agreement.
    events = _merge(events)
    for event in events:
        # An agreement described by its sides (اتفقت روما وطرابلس على …) dates from its signing.
        # Reaching one (توصل إلى اتفاق … تم توقيعه الثلاثاء) may come before its signing.
        if event.date is None and event.agreement is not None and event.trigger.needs != "settlement":
            event.date = drafts[event.agreement].signed_on
    agreements = _agreements(ctx, drafts, events, clauses, origins)
    statements = find_statements(ctx, sorted([*triggers, *said], key=lambda t: t.start), media)
    told = [
        _Event(trigger=s.trigger, sentence=s.sentence, actors=s.actors, date=s.date, negated=s.negated)
        for s in statements
    ]
    return agreements, _public_events(ctx, [*events, *told], drafts)


# --- triggers and links -------------------------------------------------------------------------


def _usable_triggers(
    ctx: Context, triggers: list[Trigger], mentions: list[AgreementMention]
) -> list[Trigger]:
    """Triggers that are not part of an agreement's or organization's name, nor only hoped for."""
    kept = []
    starts = [m.start for m in mentions]
    for trigger in triggers:
        # Mentions starting before the trigger (by less than a name's length) that contain it.
        near = mentions[bisect_left(starts, trigger.start - _NAME_CHARS) : bisect_left(starts, trigger.start)]
        if trigger.kind != "election" and any(trigger.end <= m.end for m in near):
            continue  # an election inside a name (اتفاق لتنظيم انتخابات في …) is still to be held
        if any(
            a.start <= trigger.start and trigger.end <= a.end and a.actor.kind == "organization"
            for a in ctx.actors_in(max(0, trigger.start - 80), trigger.start + 1)
        ):
            continue
        if ctx.reached("aim", trigger.start) and not _pluperfect(ctx, trigger):
            continue
        if trigger.kind == "ceasefire" and trigger.form == "noun" and URGENT.match(ctx.text, trigger.end):
            continue  # طلبوا إقرار هدنة عاجلة: an urgent truce is asked for, not declared
        if trigger.kind == "ceasefire" and _BREACH.search(
            ctx.text, max(0, trigger.start - 16), trigger.start
        ):
            continue  # شهدت المدينة خروقات للهدنة: a breach of a truce told before, not a truce
        kept.append(trigger)
    return kept


def _pluperfect(ctx: Context, trigger: Trigger) -> bool:
    """``قد`` before a past verb (``كان … قد زار``) says it happened; before a present one, that it may."""
    if trigger.form != "verb" or _PRESENT.match(ctx.text, trigger.start):
        return False
    return _MAY.search(ctx.text, max(0, trigger.start - 4), trigger.start) is not None


def _link_signings(ctx: Context, triggers: list[Trigger], mentions: list[AgreementMention]) -> dict[int, int]:
    """Trigger index → index of the agreement mention it signs or reaches."""
    links: dict[int, int] = {}
    starts = [m.start for m in mentions]
    ends = sorted((m.end, i) for i, m in enumerate(mentions))
    end_keys = [end for end, _ in ends]
    for index, trigger in enumerate(triggers):
        if trigger.kind not in ("sign", "agree", "ceasefire"):
            continue
        sentence = ctx.sentence(trigger.start)
        if trigger.pronoun and trigger.kind == "sign":
            # الاتفاق الذي وقعته تونس / الذي تم توقيعه: the pronoun is the agreement just named.
            floor = ctx.word_start_before(trigger.start, _PRONOUN_WORDS, sentence.start)
            before = [
                i for _, i in ends[bisect_left(end_keys, floor) : bisect_right(end_keys, trigger.start)]
            ]
            if before:
                links[index] = before[-1]
                continue
        if trigger.form == "participle":
            before = [
                i
                for _, i in ends[
                    bisect_left(end_keys, trigger.start - 3) : bisect_right(end_keys, trigger.start)
                ]
            ]
            if before:
                links[index] = before[-1]
            continue
        if trigger.kind == "ceasefire":
            # أعلن … وقفا لإطلاق النار / هدنة: the declared truce is the agreement.
            inside = list(range(bisect_left(starts, trigger.start), bisect_left(starts, trigger.end)))
            if inside and _needs_met(ctx, trigger, False) and not ctx.reached("negation", trigger.start):
                links[index] = inside[0]
            continue
        if trigger.kind == "agree":
            inside = list(range(bisect_left(starts, trigger.start), bisect_left(starts, trigger.end)))
            if inside:
                links[index] = inside[0]
                continue
            # توصلت الأطراف إلى اتفاق لـ… / اتفق المشاركون على الإعلان السياسي: what was reached.
            reached_at = _settlement(ctx, trigger) if trigger.needs == "settlement" else None
            reach = ctx.word_end_after(trigger.end, 8, ctx.clause_end(trigger.end))
            if reached_at is not None:
                reach = ctx.word_end_after(reached_at, 2)
            after = bisect_left(starts, reached_at or trigger.end)
            if (
                after < len(mentions)
                and mentions[after].start < reach
                and not mentions[after].negated
                and _REACHED.search(ctx.text, trigger.end, mentions[after].start)
            ):
                links[index] = after
            continue
        # A verb-first subject with titles and adjuncts (وقع الشيخ … ولي عهد أبوظبي …، والرئيس …،
        # الجمعة، في موسكو، إعلان …) may hold twenty words before the object.
        limit = ctx.word_end_after(trigger.end, _SIGNED_WORDS, sentence.end)
        following = [
            i
            for i in range(bisect_left(starts, trigger.end), bisect_left(starts, limit))
            if not mentions[i].negated and not _THAT.search(ctx.text, trigger.end, mentions[i].start)
        ]
        later_signing = [
            t.start
            for t in triggers[index + 1 : index + 1 + _FOCUS_EVENTS]
            if t.kind == "sign" and t.start < limit
        ]
        if following and (not later_signing or mentions[following[0]].start < later_signing[0]):
            links[index] = following[0]
    return links


def _without_dangling(
    triggers: list[Trigger], links: dict[int, int], owner: dict[int, int]
) -> tuple[list[Trigger], dict[int, int]]:
    """Drop signings by pronoun whose antecedent is no agreement of the article.

    ``الاتفاقيات التي وقعتها أرامكو`` refers to signings already told (or to several unnamed ones):
    it is no happening of its own, and as a trigger it would cut the participants of its neighbours.
    """
    kept: list[Trigger] = []
    relinked: dict[int, int] = {}
    for index, trigger in enumerate(triggers):
        if trigger.pronoun and trigger.kind == "sign" and links.get(index) not in owner:
            continue
        if index in links:
            relinked[len(kept)] = links[index]
        kept.append(trigger)
    return kept, relinked


# How many words before a provision opener its agreement may start: in its clause, or after a comma.
_OPENER_SUBJECT_WORDS = 4
_OPENER_AFTER_COMMA_WORDS = 10


def _described(ctx: Context, openers: list[Opener], mentions: list[AgreementMention]) -> set[int]:
    """Mentions that are the subject of a provision opener (``نصت الاتفاقية على``)."""
    found = set()
    starts = [m.start for m in mentions]  # in text order
    for opener in openers:
        if opener.needs != "mention":
            continue
        index = _opener_mention(ctx, opener, starts)
        if index is not None:
            found.add(index)
    return found


def _opener_mention(ctx: Context, opener: Opener, starts: list[int]) -> int | None:
    """Index of the last mention starting near the opener's verb, of those starting at *starts*."""
    floor, words = ctx.clause_start(opener.verb_start), _OPENER_SUBJECT_WORDS
    if floor > 0 and ctx.text[floor - 1] == "," and not ctx.text[floor : opener.verb_start].strip(" وف"):
        # وقعت قطر اتفاقية مع الحلف الأربعاء، تتيح …: a verb opening the clause after a comma
        # tells what the agreement of the clause before provides.
        floor, words = ctx.clause_start(floor - 1), _OPENER_AFTER_COMMA_WORDS
    low = ctx.word_start_before(opener.verb_start, words, floor)
    high = max(opener.start, ctx.word_end_after(opener.verb_end, 2))
    last = bisect_left(starts, high) - 1
    return last if last >= 0 and starts[last] >= low else None


# --- events -------------------------------------------------------------------------------------


def _events(
    ctx: Context,
    triggers: list[Trigger],
    links: dict[int, int],
    owner: dict[int, int],
    mentions: list[AgreementMention],
    *,
    media: frozenset[str],
) -> list[_Event]:
    events: list[_Event] = []
    names = sorted((m.head_end, m.end) for m in mentions if m.end > m.head_end)
    titled = _title_stretches(ctx)
    for index, found in enumerate(triggers):
        trigger = found
        sentence_index = ctx.sentence_index(trigger.start)
        sentence = ctx.sentences[sentence_index] if ctx.sentences else None
        if sentence is None:
            continue
        if not _needs_met(ctx, trigger, index in links):
            continue
        if trigger.form == "noun" and not trigger.definite and _construct(ctx, trigger):
            trigger = replace(trigger, definite=True)  # زيارة مرسي: a construct names a known event
        if trigger.needs == "partner" and _PHONE.search(ctx.text, trigger.end, _phone_reach(ctx, trigger)):
            trigger = replace(trigger, kind="call", cameo=_CALL_CAMEO)  # بحث … مع نظيره … هاتفيا: by phone
        event = _Event(
            trigger=trigger,
            sentence=sentence_index,
            # A participle (الاتفاق الموقع) is not what a preceding negation denies.
            negated=trigger.form != "participle" and ctx.reached("negation", trigger.start),
            demonstrative=trigger.definite
            and _DEMONSTRATIVE.search(ctx.text, max(0, trigger.start - 8), trigger.start) is not None,
            setting=trigger.form == "noun" and trigger.definite and _linked_noun(ctx, trigger),
        )
        if index in links and links[index] in owner:
            event.mention = links[index]
            event.agreement = owner[links[index]]
        # The neighbouring triggers of the sentence bound the participants (a long clause is cut).
        low, high = max(sentence.start, trigger.start - _CLAUSE), min(sentence.end, trigger.end + _CLAUSE)
        dateline = _DATELINE.match(ctx.text, sentence.start, trigger.start)
        if dateline is not None:
            low = max(low, dateline.end())
        if index > 0 and triggers[index - 1].start >= sentence.start:
            low = max(low, triggers[index - 1].end)
        if index + 1 < len(triggers) and triggers[index + 1].start < sentence.end:
            high = min(high, triggers[index + 1].start)
        if trigger.form != "verb":
            # A noun's participants are its complements and its own clause, not the sentence's subject,
            # unless a light verb makes it the predicate: أجرى الوزير، الخميس، اتصالا هاتفيا.
            reach = ctx.word_start_before(trigger.start, _LIGHT_WORDS, low)
            light = _LIGHT_VERB.search(ctx.text, reach, trigger.start)
            low = max(low, light.start() if light else ctx.clause_start(trigger.start))
            # توقيع اتفاق …، وما أعقب ذلك من … بين القاهرة وموسكو: a comma and و open the next clause.
            joined = _NEXT_CLAUSE.search(ctx.text, trigger.end, high)
            if joined is not None:
                high = joined.start()
        if index in links and links[index] >= 0 and mentions[links[index]].end > trigger.end:
            # وقع … اتفاقا … ضد الحمائية التي ينتهجها ترامب: a relative clause after the agreement
            # describes it; who it names takes no part in the signing.
            relative = _RELATIVE.search(ctx.text, mentions[links[index]].end, high)
            if relative is not None:
                high = relative.start()
        _participants(ctx, event, (low, high), names, media=media, titled=titled)
        if trigger.form == "noun" and trigger.pronoun:
            _add_possessor(ctx, event, sentence.start)
        _resolve_focus(ctx, event, events)
        events.append(event)
    return events


_NEXT_CLAUSE = regex.compile(r",\s*و")
_RELATIVE = regex.compile(r"(?<!\p{L})(?:التي|الذي|الذين|اللذين|اللتين|اللذان|اللتان)(?!\p{L})")
_NEXT_DEFINITE = regex.compile(r"\s+(?:ال|لل)\p{L}")


def _construct(ctx: Context, trigger: Trigger) -> bool:
    """A noun followed by a definite word or a name (``زيارة الرئيس``, ``اجتماع جنيف``)."""
    if _NEXT_DEFINITE.match(ctx.text, trigger.end):
        return True
    following = ctx.actors_in(trigger.end, trigger.end + 3)
    return bool(following) and following[0].start <= trigger.end + 2


def _settlement(ctx: Context, trigger: Trigger) -> int | None:
    """End of the ``إلى`` that reaches a settlement (``توصل الطرفان إلى تسوية``), if any.

    The subject of a verb-first sentence may hold a relative clause (``توصلت الأطراف، الذين عقدوا
    اجتماعا …، إلى اتفاق``): the first ``إلى`` of the sentence after the verb is the one that counts.
    """
    end = ctx.word_end_after(trigger.end, _REACH_WORDS, ctx.sentence(trigger.start).end)
    first = _TO.search(ctx.text, trigger.end, end)
    if first is None:
        return None
    if ctx.cue_between("settlement", first.end(), ctx.word_end_after(first.end(), 1) + 1):
        return first.end()
    return None


def _needs_met(ctx: Context, trigger: Trigger, linked: bool) -> bool:
    text = ctx.text
    if trigger.needs == "agreement":
        return linked
    if trigger.needs == "partner":
        end = ctx.word_end_after(trigger.end, 12, ctx.sentence(trigger.start).end)
        return _PARTNER.search(text, trigger.end, end) is not None
    if trigger.needs == "destination":
        end = ctx.word_end_after(trigger.end, 6, ctx.clause_end(trigger.end))
        for found in _DESTINATION.finditer(text, trigger.end, end):
            if ctx.cue_between("not_place", found.end(), ctx.word_end_after(found.end(), 1) + 1):
                continue  # وصل إلى اتفاق / عاد إلى السلطة: reaching a state, not a place
            # The destination is a named place, country or body (توجه … إلى طرابلس), not a quantity;
            # one returns to a place (عاد إلى مجلس الأمن is taking a matter back to it).
            kinds = ("place", "country") if trigger.kind == "return" else ("place", "country", "organization")
            if any(
                m.actor.kind in kinds
                for m in ctx.actors_in(found.end(), ctx.word_end_after(found.end(), 2) + 1)
            ):
                return True
        return False
    if trigger.needs == "settlement":
        return _settlement(ctx, trigger) is not None
    if trigger.needs == "held":
        if _SINCE.search(ctx.text, max(0, trigger.start - 12), trigger.start):
            return False  # منذ انتخابات 2014, قبل إجراء انتخابات: a point in time, not an election told
        before = ctx.word_start_before(trigger.start, 3)
        if ctx.cue_between("hold", before, trigger.start):
            return True
        return bool(
            ctx.dates_in(trigger.end, ctx.word_end_after(trigger.end, 8, ctx.clause_end(trigger.end)))
        )
    if trigger.needs == "phone":
        end = ctx.word_end_after(trigger.end, _PHONE_WORDS, ctx.clause_end(trigger.end))
        return _PHONE.search(text, trigger.end, end) is not None
    if trigger.needs == "declared":
        low = _declare_floor(ctx, trigger)
        # طلب ممثلو الوكالات … إقرار هدنة: a declaring that is asked for declares nothing.
        return any(
            not ctx.reached("aim", cue.start) for cue in ctx.cues_between("declare", low, trigger.start)
        )
    return True


def _phone_reach(ctx: Context, trigger: Trigger) -> int:
    """Where the ``هاتفيا`` of a discussing verb with a partner may end: its clause, a few words on."""
    return ctx.word_end_after(trigger.end, _PHONE_PARTNER_WORDS, ctx.clause_end(trigger.end))


def _declare_floor(ctx: Context, trigger: Trigger) -> int:
    """Where a truce's declaring verb may start: a few words before it, not counting a named subject.

    A verb-first subject with its title and name comes between the verb and the truce (``أعلن الرئيس
    الأفغاني أشرف غني وقف إطلاق النار``): its words are skipped rather than counted.
    """
    floor = ctx.clause_start(trigger.start)
    low = ctx.word_start_before(trigger.start, _DECLARE_WORDS, floor)
    stretches = _title_stretches(ctx)
    stretch_starts = ctx.memo("title_stretch_starts", lambda c: [start for start, _ in _title_stretches(c)])
    for _ in range(_SUBJECT_HOPS):
        starts = [m.start for m in ctx.actors_in(max(floor, low - _NAME_CHARS), trigger.start) if m.end > low]
        first, last = bisect_left(stretch_starts, floor), bisect_left(stretch_starts, trigger.start)
        starts += [start for start, end in stretches[first:last] if end > low]
        if not starts:
            break
        wider = ctx.word_start_before(min(starts), _DECLARE_WORDS, floor)
        if wider >= low:
            break
        low = wider
    return low


# Bodies named by what they are: a news agency, a channel, a paper (وكالة الأنباء البحرينية).
# Social networks are where something is said (غرد على تويتر), never who takes part.
_MEDIA_HEAD = regex.compile(
    r"(?:وكاله (?:ال)?انباء|قناه|صحيفه|جريده|تلفزيون|اذاعه|شبكه) |(?:تويتر|فيسبوك|فيس بوك|يوتيوب|انستغرام)$"
)


def _media_ids(ctx: Context) -> frozenset[str]:
    """Ids of the article's news agencies and media (gazetteer ``type`` agency or media)."""

    def build(res: Resources) -> frozenset[str]:
        return frozenset(
            fold(name)
            for entry in res.entries("organization", OrganizationEntry)
            if entry.type in ("agency", "media")
            for name in (entry.name, *entry.forms)
        )

    names = ctx.doc.resources.compiled("events.media_names", build)
    bodies = {m.actor.id: m.actor for m in ctx.actors if m.actor.kind == "organization"}
    return frozenset(
        actor.id
        for actor in bodies.values()
        if any(
            folded in names or _MEDIA_HEAD.match(folded)
            for folded in (ctx.folded(name) for name in (actor.name, *actor.aliases))
        )
    )


def _title_stretches(ctx: Context) -> list[tuple[int, int]]:
    """The persons' title spans (``ولي عهد أبوظبي``), in normalized coordinates, sorted and disjoint."""
    return ctx.memo("title_stretches", _build_title_stretches)


def _build_title_stretches(ctx: Context) -> list[tuple[int, int]]:
    persons = {id(m.actor): m.actor for m in ctx.actors if m.actor.kind == "person"}
    aligned = ctx.doc.aligned
    spans = sorted(
        (aligned.normalized_offset(t.span.start), aligned.normalized_offset(t.span.end))
        for actor in persons.values()
        for t in actor.titles
    )
    stretches: list[tuple[int, int]] = []
    for start, end in spans:
        if stretches and start < stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(end, stretches[-1][1]))
        else:
            stretches.append((start, end))
    return stretches


def _holds(actors: list[Actor], actor: Actor) -> bool:
    """Whether *actor* is in *actors* (by identity: comparing the models field by field is slow)."""
    return any(other is actor for other in actors)


def _inside(stretches: list[tuple[int, int]], position: int) -> bool:
    """Whether *position* lies in one of the sorted, non-overlapping *stretches*."""
    index = bisect_right(stretches, (position, 1 << 62)) - 1
    return index >= 0 and stretches[index][0] <= position < stretches[index][1]


def _is_locative(ctx: Context, mention: ActorMention) -> bool:
    if mention.actor.kind not in ("place", "country"):
        return False
    return _LOCATIVE.search(ctx.text[max(0, mention.start - 12) : mention.start]) is not None


def _participants(
    ctx: Context,
    event: _Event,
    window: tuple[int, int],
    names: list[tuple[int, int]],
    *,
    media: frozenset[str],
    titled: list[tuple[int, int]],
) -> None:
    low, high = window
    trigger = event.trigger
    places_after: list[Actor] = []
    places_before: list[Actor] = []
    for mention in ctx.actors_in(low, high):
        actor = mention.actor
        if _inside(names, mention.start):
            continue  # إعلان تونس …في ليبيا: a word of a name, not a participant
        if actor.id in media:
            continue  # ذكرت وام / قالت وكالة الأنباء: the source of the news, not a party to it
        if actor.kind in ("place", "organization") and _inside(titled, mention.start):
            continue  # ولي عهد أبوظبي / رئيس مجلس النواب: a word of a person's title takes no part
        if (
            trigger.kind == "agree"
            and trigger.form == "verb"
            and mention.start > trigger.end
            and _AGREED_ON.search(ctx.text, trigger.end, mention.start)
        ):
            continue  # اتفقوا على "حث مجلس النواب …": what they agree on, not who agrees
        if (
            trigger.kind in _GATHERINGS
            and mention.start > trigger.end
            and actor.kind in ("country", "place")
            and _TOPIC.search(ctx.text, trigger.end, mention.start)
        ):
            continue  # بحثا … القضايا الإقليمية مثل ليبيا واليمن: what they talk about, not who talks
        if actor.kind == "organization" and _VENUE.search(
            ctx.text, max(0, mention.start - 12), mention.start
        ):
            continue  # عقد في الإليزيه, وقعه … في قصر الإليزيه: a palace or a seat is where it happens
        if _is_locative(ctx, mention):
            (places_after if mention.start >= trigger.end else places_before).append(actor)
            continue
        if not _holds(event.actors, actor):
            event.actors.append(actor)
    following = ctx.actors_in(trigger.end, trigger.end + 2)
    if trigger.form == "noun" and following and following[0].actor.kind == "place":
        # A place right after a noun is its genitive: مؤتمر برلين, قمة الرياض.
        event.place = following[0].actor
    elif places_after or places_before:
        event.place = (places_after or places_before)[0]
    elif trigger.kind in ("visit", "return", "conference", "sign", "meet", "election"):
        sentence = ctx.sentence(trigger.start)
        near = (
            ctx.word_start_before(trigger.start, _PLACE_WORDS, sentence.start),
            ctx.word_end_after(trigger.end, _PLACE_WORDS, sentence.end),
        )
        around = [m for m in ctx.actors_in(*near) if _is_locative(ctx, m)]
        after = [m.actor for m in around if m.start >= trigger.end]
        before = [m.actor for m in around if m.start < trigger.start]
        if after or before:
            event.place = after[0] if after else before[-1]
    for actor in _title_anaphora(ctx, low, high):
        if not _holds(event.actors, actor):
            event.actors.append(actor)
    if event.place is None and trigger.kind == "visit" and trigger.form == "verb":
        # زار / يزور القاهرة: the visited place is the verb's object.
        visited = [a for a in event.actors if a.kind in ("place", "country")]
        after = [m.actor for m in ctx.actors_in(trigger.end, high) if _holds(visited, m.actor)]
        if after:
            event.place = after[0]
    if event.place is not None and _holds(event.actors, event.place):
        event.actors = [a for a in event.actors if a is not event.place]
    if trigger.kind in ("sign", "agree"):
        # وقع … في دبي: a city that is no capital is where they sign, not a side (روما does stand
        # for its government).
        event.actors = [a for a in event.actors if not _mere_place(ctx, a)]
    if trigger.kind in _GATHERINGS:
        # اللقاء الذي عقد في الإليزيه: a palace or a city is where people meet, not who meets.
        venues = [a for a in event.actors if a.kind == "place" and _mere_place(ctx, a)]
        if venues:
            event.place = event.place or venues[0]
            event.actors = [a for a in event.actors if not _holds(venues, a)]


@dataclass(frozen=True, slots=True)
class _BareTitle:
    """A title word with the article and no name (``الوزير``, ``الوزيران``), in normalized coordinates."""

    start: int
    end: int
    word_start: int
    word: str
    """The title word, without article and dual ending."""
    dual: bool


def _add_possessor(ctx: Context, event: _Event, floor: int) -> None:
    """``أكد الوزير … لدى لقائه الرئيس``: the pronoun of the noun is the agent named last before it.

    ``ه`` is a person, ``هما`` two persons, ``ها`` a country or a body; ``نا`` and ``هم`` are left alone.
    """
    trigger = event.trigger
    suffix = _POSSESSIVE.search(ctx.text, trigger.start, trigger.end)
    if suffix is None:
        return
    kinds = ("country", "organization") if suffix.group() == "ها" else ("person",)
    wanted = 2 if suffix.group() == "هما" else 1
    found: list[Actor] = []
    for mention in reversed(ctx.actors_in(floor, trigger.start)):
        if (
            mention.actor.kind in kinds
            and not _holds(found, mention.actor)
            and not _is_locative(ctx, mention)
        ):
            found.append(mention.actor)
            if len(found) == wanted:
                break
    for actor in reversed(found):
        if not _holds(event.actors, actor):
            event.actors.insert(0, actor)


_POSSESSIVE = regex.compile(r"(?:هما|ها|ه)$")


def _title_words(resources: Resources) -> tuple[frozenset[str], GatedPattern]:
    def build(res: Resources) -> tuple[frozenset[str], GatedPattern]:
        heads = set()
        for entry in res.entries("title", TitleEntry):
            for form in entry.forms:
                first = fold(form).split()[0] if form.strip() else ""
                if len(first) > 2 and not first.startswith("ال"):
                    heads.add(first)
        # Only a title word (or its dual, see _bare_titles) can be such an anaphor: gate on them.
        gate = surface_runs(heads, prefix_combinations(VERB_PREFIXES, ("ال", "لل")), ("", "ان", "ين", "ينان"))
        return frozenset(heads), GatedPattern(_BARE_TITLE, gate)

    return resources.compiled("events.title_words", build)


_BARE_TITLE = regex.compile(r"(?<!\p{L})[وف]?(?:ال|لل)(?P<word>\p{L}{3,})(?!\p{L})")


def _bare_titles(ctx: Context) -> list[_BareTitle]:
    """Every bare title of the article, in text order."""
    titles, pattern = _title_words(ctx.doc.resources)
    found = []
    for match in pattern.finditer(ctx.text, ctx.runs):
        word = match.group("word")
        dual = False
        for ending in ("ان", "ين"):
            if word.endswith(ending) and word[: -len(ending)] in titles:
                word, dual = word[: -len(ending)], True
        if word in titles:
            found.append(_BareTitle(match.start(), match.end(), match.start("word"), word, dual))
    return found


def _title_anaphora(ctx: Context, low: int, high: int) -> list[Actor]:
    """Actors referred to by a bare title (``الوزير``, ``الوزيران``) in ``[low, high)``."""
    found: list[Actor] = []
    for title in _unnamed_titles(ctx, low, high):
        if title.end > high:
            continue
        word = title.word
        wanted = 2 if title.dual else 1
        starts, holders = ctx.title_holders(word)
        # الرئيس الإريتري: a nationality after the title rules out the holders of another one.
        # (Not for two holders: الزعيمين الأمريكي والكوري الشمالي.)
        nationality = None if title.dual else _nationality_after(ctx, title.end)
        said = ctx.text[title.end + 1 : title.end + 1 + 40].split(" ", 1)[0] if nationality else ""
        for index in range(bisect_left(starts, title.start) - 1, -1, -1):
            actor = holders[index].actor
            if _holds(found, actor):
                continue
            if (
                nationality is not None
                and actor.country is not None
                and actor.country != nationality
                and not any(said in text for text in ctx.titles_of(actor))
            ):
                continue  # (unless a title of theirs says it: الزعيم الكوري الشمالي)
            found.append(actor)
            wanted -= 1
            if not wanted:
                break
    return found


def _titled_subject(ctx: Context, trigger: Trigger) -> bool:
    """Whether a bare title stands next to the verb, as its subject (الرئيس الفرنسي قد زار، زار الوزير)."""
    low = ctx.word_start_before(trigger.start, _SUBJECT_WORDS, ctx.clause_start(trigger.start))
    high = ctx.word_end_after(trigger.end, _SUBJECT_WORDS, ctx.clause_end(trigger.end))
    return bool(_unnamed_titles(ctx, low, high))


def _unnamed_titles(ctx: Context, low: int, high: int) -> list[_BareTitle]:
    """The bare titles starting in ``[low, high)`` that are no part of an actor's mention."""
    if not ctx.titled_persons():
        return []  # nobody holds a title: no bare title can refer to anyone (and none need be found)
    bare = ctx.memo("bare_titles", _bare_titles)
    bare_starts = ctx.memo("bare_title_starts", lambda _: [title.start for title in bare])
    candidates = bare[bisect_left(bare_starts, low) : bisect_left(bare_starts, high)]
    if not candidates:
        return []
    covered = [(m.start, m.end) for m in ctx.actors_in(max(0, low - 80), high)]
    return [title for title in candidates if not any(s <= title.word_start < e for s, e in covered)]


_SUBJECT_WORDS = 3
_NEXT_WORD = regex.compile(r"\s(\p{L}+)")


def _nationality_after(ctx: Context, position: int) -> str | None:
    """The country of a nationality adjective right after *position* (الرئيس | الإريتري), if any."""
    match = _NEXT_WORD.match(ctx.text, position)
    if match is None:
        return None
    lexicon = actor_lexicon(ctx.doc.resources)
    return next(
        (lex.country for lex in lexicon.phrases.values(match.group(1)) if lex.kind in ("nisba", "country")),
        None,
    )


def _resolve_focus(ctx: Context, event: _Event, earlier: list[_Event]) -> None:
    """A verb with no subject of its own (``اتفقا``, ``أكد``) takes the actors in focus."""
    kinds = ("person",) if event.trigger.plural == "dual" else _AGENT_KINDS
    agents = [a for a in event.actors if a.kind in kinds]
    need = 2 if event.trigger.plural in ("dual", "plural") else 1
    if len(agents) >= need or event.trigger.form != "verb":
        return
    if not agents and _titled_subject(ctx, event.trigger):
        return  # وكان الرئيس الفرنسي قد زار: a subject of its own, even if the article names nobody for it
    for previous in reversed(earlier[-_FOCUS_EVENTS:]):
        if event.sentence - previous.sentence > _CARRY_SENTENCES:
            break
        persons = [a for a in previous.actors if a.kind in kinds]
        if len(persons) >= need:
            for actor in persons:
                if not _holds(event.actors, actor):
                    event.actors.append(actor)
            event.focus_from = previous
            return


def _share_settings(ctx: Context, events: list[_Event]) -> None:
    """``تم الاتفاق عليه خلال اجتماع …``: an event inside another one shares its participants and place."""
    for previous, event in pairwise(events):
        if previous.sentence != event.sentence or event.trigger.form != "noun":
            continue
        if not _LINKING.search(ctx.text, max(0, event.trigger.start - 12), event.trigger.start):
            continue
        for actor in event.actors:
            if not _holds(previous.actors, actor) and actor is not previous.place:
                previous.actors.append(actor)
        previous.place = previous.place or event.place


# --- dates --------------------------------------------------------------------------------------


def _assign_dates(
    ctx: Context,
    events: list[_Event],
    mentions: list[AgreementMention],
    owner: dict[int, int],
    drafts: list[AgreementDraft],
) -> None:
    by_sentence: dict[int, list[tuple[int, _Event | int | None]]] = {}
    for event in events:
        by_sentence.setdefault(event.sentence, []).append((event.trigger.start, event))
    for index, mention in enumerate(mentions):
        if index in owner:
            by_sentence.setdefault(ctx.sentence_index(mention.start), []).append((mention.start, index))
    for sentence_index, anchors in by_sentence.items():
        # وقعته تونس … وتم الإعلان عنه أمس: a date after a report of what came before is the report's.
        sentence = ctx.sentences[sentence_index]
        first = min(position for position, _ in anchors)
        anchors.extend((cue.start, None) for cue in ctx.cues_between("report", first + 1, sentence.end))
    attached: dict[int, dt.date] = {}
    signing: dict[int, list[_Event]] = {}
    for event in events:
        if event.mention is not None:
            signing.setdefault(event.mention, []).append(event)
    positions: dict[int, list[int]] = {}
    for sentence_index, anchors in by_sentence.items():
        anchors.sort(key=lambda pair: pair[0])
        positions[sentence_index] = [position for position, _ in anchors]
        sentence = ctx.sentences[sentence_index]
        # The date attached to an anchor wins: first the nearest after it in its clause (الانتخابات المقرر
        # إجراؤها في العاشر من ديسمبر), then the nearest before it in its clause, then any other.
        ranked: list[tuple[int, int, DateAt, _Event | int]] = []
        for date in ctx.dates_in(sentence.start, sentence.end):
            if date.date.value is None or _NOT_WHEN.search(ctx.text, max(0, date.start - 44), date.start):
                continue  # منذ 2010, بحلول 2020: the bounds of a period, not when anything happened
            cut = bisect_left(positions[sentence_index], date.start)
            if cut > 0:
                anchor, target = anchors[cut - 1]
                parted = _CLAUSE_BREAK.search(ctx.text, anchor, date.start)
                # هدنة بمناسبة عيد الفطر: the occasion of a truce declared on another day
                rank = 2 if parted or _OCCASION.search(ctx.text, max(0, date.start - 12), date.start) else 0
            else:
                later = bisect_left(positions[sentence_index], date.end)
                if later >= len(anchors):
                    continue
                anchor, target = anchors[later]
                if isinstance(target, _Event) and target.trigger.form == "participle":
                    continue  # الاتفاقية الموقعة describes a past signing: a date before is not its
                rank = 2 if _CLAUSE_BREAK_BACK.search(ctx.text, date.end, anchor) else 1
            if target is not None:
                ranked.append((rank, -date.start if rank == 1 else date.start, date, target))
        ranked.sort(key=lambda item: (item[0], item[1]))
        for _, _, date, target in ranked:
            value = date.date.value
            if value is None:
                continue
            if isinstance(target, int):
                # A date after an agreement mention: its signing's, or the agreement's own.
                linked = [e for e in signing.get(target, []) if e.sentence == sentence_index]
                if not linked:
                    reference = mentions[target]
                    if not _RENEWED.search(ctx.text, max(0, reference.start - 10), reference.start):
                        # تكرار الهدنة خلال عيد الأضحى: the day of a repeat to come, not of the truce.
                        attached.setdefault(owner[target], value)
                    continue
                event = linked[0]
            else:
                event = target
            if not event.own_date:
                event.date, event.own_date = value, True
                event.month_only = date.date.grain == "month"
    for event in events:
        # سيتم يوم 9 جوان القادم بجنيف … إمضاء اتفاق: the day between تم and its verbal noun is the noun's.
        if event.trigger.form != "noun":
            continue
        floor = ctx.word_start_before(event.trigger.start, _REACH_WORDS, ctx.sentences[event.sentence].start)
        auxiliaries = list(_AUXILIARY.finditer(ctx.text, floor, event.trigger.start))
        if not auxiliaries:
            continue
        between = ctx.dates_in(auxiliaries[-1].end(), event.trigger.start)
        if between and between[0].date.value is not None:
            event.date, event.own_date = between[0].date.value, True
    seen = [_witnessed(ctx, event) for event in events]
    # زيارة بوتين للقاهرة، والتي شهدت توقيع اتفاق …: what a gathering saw happened where it was held.
    for (previous, event), cue in zip(pairwise(events), seen[1:], strict=True):
        if (
            cue is not None
            and previous.sentence == event.sentence
            and previous.trigger.kind in _WITNESSING_KINDS
            and previous.place is not None
        ):
            event.place = previous.place
    for position, (event, cue) in enumerate(zip(events, seen, strict=True)):
        # بزيارة بوتين للقاهرة في 11 ديسمبر، والتي شهدت توقيع …: the signing was during that visit;
        # a date further on in the sentence is another matter's.  (A relative clause ties it to the
        # event with a date of its own before it; تخللها or a bare شهدت only to the one just before.)
        if cue is None or cue.group("relative") is None or cue.group("verb") not in ("شهدت", "شهد"):
            continue
        host = [e for e in events[:position] if e.sentence == event.sentence and e.own_date]
        if host:
            event.date, event.own_date = host[-1].date, True
            if not event.actors:
                # زيارة بوتين للقاهرة التي شهدت توقيع اتفاق: who came and where take part in what it saw.
                event.actors = list(host[-1].actors)
                event.place = event.place or host[-1].place
    # Signings without a date of their own take their agreement's.
    signed_on: dict[int, dt.date] = {}
    for event in events:
        if event.agreement is not None and event.own_date and event.date is not None:
            signed_on.setdefault(event.agreement, event.date)
    for draft_index, value in attached.items():
        signed_on.setdefault(draft_index, value)
    for event in events:
        if event.trigger.needs == "settlement":
            continue  # reaching an agreement (توصل إلى اتفاق … تم توقيعه الثلاثاء) may precede its signing
        if event.date is None and event.agreement is not None and event.agreement in signed_on:
            event.date = signed_on[event.agreement]
    # The events of each sentence, and the last dated event (and verb) before the current one:
    # looked up per event, never by scanning all events again (linear in a long text).
    in_sentence: dict[int, list[_Event]] = {}
    for event in events:
        in_sentence.setdefault(event.sentence, []).append(event)
    last_dated: _Event | None = None
    last_dated_verb: dict[int, _Event] = {}
    for position, event in enumerate(events):
        if position:
            before = events[position - 1]
            if before.date is not None:
                last_dated = before
                if before.trigger.form == "verb":
                    last_dated_verb[before.sentence] = before
        if event.date is not None:
            continue
        if (
            event.trigger.form in ("noun", "participle")
            and not event.trigger.pronoun  # خلال مشاوراتهما: the talks told before, merged into them
            and _linked_noun(ctx, event.trigger)
        ):
            near = [e for e in in_sentence[event.sentence] if e is not event and e.date is not None]
            preceding = [e for e in near if e.trigger.start < event.trigger.start]
            if near:
                source = preceding[-1] if preceding else near[0]
                event.date, event.month_only = source.date, source.month_only
                continue
        if event.trigger.form == "verb":
            # يزور القاهرة ويلتقي …: a verb shares the date of a verb before it in its sentence.
            verb = last_dated_verb.get(event.sentence)
            if verb is not None:
                event.date, event.month_only = verb.date, verb.month_only
                continue
        sentence = ctx.sentences[event.sentence]
        # The first carrying cue from the sentence start on decides; most articles have none at all.
        carrying = ctx.first_cue("carry_date", sentence.start)
        if (
            carrying is not None
            and carrying.start < ctx.word_end_after(event.trigger.end, 2)
            and last_dated is not None
        ):
            event.date, event.month_only = last_dated.date, last_dated.month_only
            continue
        if event.focus_from is not None and event.focus_from.date is not None:
            event.date, event.month_only = event.focus_from.date, event.focus_from.month_only
            continue
        # A signing the lead reports, or one "just now", happened on the publication day.
        just_now = event.sentence == 0 or ctx.cue_between("just_now", sentence.start, sentence.end)
        lead_told = event.trigger.kind == "sign" or event.trigger.form == "verb"
        if event.trigger.kind in _LEAD_DATED and just_now and lead_told:
            event.date = ctx.doc.published
    for event in events:
        if event.agreement is not None and event.date is not None:
            signed_on.setdefault(event.agreement, event.date)
    for draft_index, draft in enumerate(drafts):
        draft.signed_on = signed_on.get(draft_index)


# توقع ترمب أن يتوصلوا إلى اتفاق: "expected that", a complement clause, not a signing.
_THAT = regex.compile(r"(?<!\p{L})(?:ان|انه|بان)(?!\p{L})")
_REACHED = regex.compile(r"(?<!\p{L})(?:الي|علي)\s+$")
_AUXILIARY = regex.compile(r"(?<!\p{L})[وف]?(?:سيتم|يتم|تم|سيجري|يجري|جري|ستجري|تجري)(?!\p{L})")
# Where a clause ends: punctuation, a relative clause, or و with a present verb (ويلتقي, وسيوقع).
_NEW_CLAUSE = (
    r"(?<!\p{L})(?:التي|الذي|اللذين|اللتين|الذين|حيث|علي ان|بعد ان)(?!\p{L})|(?<!\p{L})و(?:سي|ست|ي)\p{L}{3}"
)
_CLAUSE_BREAK = regex.compile(r"[,;:]|" + _NEW_CLAUSE)
# A date put before its clause (وفي 3 مايو، وقع …) is set off by a comma, which does not part them.
_CLAUSE_BREAK_BACK = regex.compile(r"[;:]|" + _NEW_CLAUSE)
_OCCASION = regex.compile(r"(?<!\p{L})(?:بمناسبه|لمناسبه)\s+$")
_BREACH = regex.compile(
    r"(?<!\p{L})[وب]?(?:خرق|خرقا|خروقات|خروق|انتهاك|انتهاكا|انتهاكات|انهيار)\s+(?:لل|ل|ال)?$"
)
_RENEWED = regex.compile(r"(?<!\p{L})[وب]?(?:تكرار|تجديد|تمديد)\s+$")
# What a gathering saw: (والتي) شهدت، تخللها، تم خلالها … right before an event's noun.
_WITNESSED = regex.compile(
    r"(?<!\p{L})(?P<relative>[وف]?(?:التي|الذي)\s+)?"
    r"(?P<verb>شهدت|شهد|تخللها|تخلله|تم\sخلالها|جري\sخلالها)\s+$"
)
_WITNESSING_KINDS = frozenset({"visit", "meet", "conference", "talks"})
_LINKING = regex.compile(r"(?:خلال|اثناء|عقب|بعد|قبل|قبيل|هامش|ختام|بمناسبه|حيث|مراسم|مراسيم|حفل)\s*$")


def _witnessed(ctx: Context, event: _Event) -> regex.Match[str] | None:
    """The cue that makes a noun event something a gathering saw (``والتي شهدت توقيع``), if any."""
    if event.trigger.form != "noun":
        return None
    return _WITNESSED.search(ctx.text, max(0, event.trigger.start - 20), event.trigger.start)


def _linked_noun(ctx: Context, trigger: Trigger) -> bool:
    """A noun that is the purpose or the setting of another event (``للقاء``, ``خلال زيارة``)."""
    before = ctx.text[max(0, trigger.start - 12) : trigger.start]
    return trigger.purpose or trigger.form == "participle" or _LINKING.search(before) is not None


def _unanchored(event: _Event) -> bool:
    """A series (``الزيارات``) or a signing described in passing (``الاتفاقيات الموقعة``) with no day of
    its own and no agreement of the article names no one happening (unless it is denied)."""
    if event.own_date:
        return False
    if event.trigger.series:
        return not event.negated  # لم يعقد اجتماعات: that none was held is news
    return event.trigger.form == "participle" and event.trigger.kind == "sign" and event.agreement is None


def _bare(event: _Event) -> bool:
    """A noun with nobody, no day, no place and no agreement (``المشاورات``) names no happening."""
    if event.trigger.kind == "election" and event.negated:
        return False  # تأجيل الانتخابات البلدية: that they will not be held is news
    return (
        event.trigger.form == "noun"
        and not event.actors
        and event.date is None
        and event.place is None
        and event.agreement is None
        and event.mention is None
    )


# --- merging ------------------------------------------------------------------------------------


def _delegations(event: _Event) -> bool:
    """A gathering attended only by countries (their delegations), with no day and no agreement of its own."""
    return (
        event.trigger.kind in _GATHERINGS
        and bool(event.actors)
        and all(a.kind == "country" for a in event.actors)
        and event.date is None
        and event.agreement is None
    )


def _same_month(one: _Event, other: _Event) -> bool:
    """Whether one of two dated events is dated only by a month, the month of the other's day."""
    if one.date is None or other.date is None or not (one.month_only or other.month_only):
        return False
    return (one.date.year, one.date.month) == (other.date.year, other.date.month)


def _merge(events: list[_Event]) -> list[_Event]:
    """One event per happening: a later mention of the same one is folded into the first."""
    kept: list[_Event] = []
    by_agreement: dict[tuple[int, str, bool], _Event] = {}
    for event in events:
        target = None
        overlap_only = False
        if event.agreement is not None:
            target = by_agreement.get((event.agreement, event.trigger.kind, event.negated))
        # Other references look back a bounded number of events (linear time).
        for previous in reversed(kept[-_FOCUS_EVENTS * 2 :] if target is None else []):
            if previous.trigger.kind != event.trigger.kind or previous.negated != event.negated:
                continue
            if event.agreement is not None or previous.agreement is not None:
                continue
            if event.demonstrative and not event.own_date:
                target = previous  # وهذه المحادثات: the talks just named
                break
            overlap = (
                not event.actors
                or event.trigger.kind in _COLLECTIVE
                or bool({a.id for a in event.actors} & {a.id for a in previous.actors})
                or (
                    event.place is not None
                    and previous.place is not None
                    and event.place.id == previous.place.id
                )
            )
            same_day = event.date is not None and (
                event.date == previous.date or _same_month(event, previous)
            )
            refers_back = (
                event.trigger.definite
                and not event.own_date
                and (event.date is None or event.date == previous.date or _same_month(event, previous))
            )
            distance = event.sentence - previous.sentence
            clash = (
                event.own_date
                and previous.date is not None
                and event.date != previous.date
                and not _same_month(event, previous)
            )
            if overlap and distance == 0 and not clash:
                target = previous  # وصل إلى باريس في زيارة رسمية: one visit, told twice in one sentence
                break
            if overlap and (
                (
                    same_day
                    and distance <= (_REFER_SENTENCES if _same_month(event, previous) else _CARRY_SENTENCES)
                )
                or (refers_back and distance <= _REFER_SENTENCES)
            ):
                target = previous
                break
            if same_day and event.trigger.kind in _COLLECTIVE:
                target = previous  # the elections of 10 December, named again further on
                break
            venue_only = all(a.kind == "place" for a in event.actors)
            if refers_back and event.trigger.form == "noun" and venue_only and distance <= _REFER_SENTENCES:
                # اللقاء الذي عقد في الإليزيه: the one in focus, told again with only where it was.
                target, overlap_only = previous, True
                break
            if (
                refers_back
                and event.trigger.form == "noun"
                and _delegations(event)
                and previous.date is not None
            ):
                # وحضر ممثلون من 20 دولة … فعاليات الاجتماع: the countries attend the meeting already
                # told, however far back; they hold no meeting of their own.
                target, overlap_only = previous, True
                break
        if target is None and event.trigger.form == "noun" and event.trigger.definite and _delegations(event):
            continue  # وحضرت الاجتماع وفود من الكويت …: a meeting known to the reader, not a new one
        if target is None:
            kept.append(event)
            if event.agreement is not None:
                by_agreement[(event.agreement, event.trigger.kind, event.negated)] = event
            continue
        target.told_in |= {event.sentence, *event.told_in}
        for actor in [] if overlap_only or event.setting else event.actors:
            if not _holds(target.actors, actor):
                target.actors.append(actor)
        if target.month_only and not event.month_only and _same_month(event, target):
            target.date, target.month_only = event.date, False  # the day, not just its month
        target.date = target.date or event.date
        target.place = target.place or event.place
        event.merged = True
    return kept


def _origins(ctx: Context, drafts: list[AgreementDraft], events: list[_Event]) -> dict[int, _Event]:
    """An agreement ``الصادر عن اجتماع …`` takes the date and sides of that meeting."""
    origins: dict[int, _Event] = {}
    for index, draft in enumerate(drafts):
        for mention in draft.mentions:
            reach = ctx.word_end_after(mention.end, 3)
            cues = ctx.cues_between("origin", mention.end, reach)
            if not cues:
                continue
            cue = cues[0]
            limit = ctx.word_end_after(cue.end, 2)
            source = next((e for e in events if cue.end <= e.trigger.start < limit), None)
            if source is None:
                continue
            origins[index] = source
            if draft.signed_on is None:
                draft.signed_on = source.date
            break
    return origins


def _unnamed(ctx: Context, draft: AgreementDraft) -> bool:
    """An agreement told only by what it is for (``اتفاق لتنظيم انتخابات``), with no name of its own."""
    if draft.name is None:
        return True
    words = ctx.text[draft.name[0] : draft.name[1]].split()
    return len(words) > 1 and words[1].startswith("ل") and not words[1].startswith("ال")


def _fold_records(
    ctx: Context,
    drafts: list[AgreementDraft],
    events: list[_Event],
    provisions: list[_Provision],
    origins: dict[int, _Event],
) -> tuple[list[AgreementDraft], list[_Provision], dict[int, _Event]]:
    """``توصلوا إلى اتفاق لتنظيم انتخابات`` … ``ووقعوا الإعلان السياسي``: an unnamed agreement reached on the
    day a declaration is signed, by no other sides, is what that declaration records: one agreement.

    Events are relinked in place; the drafts, provisions and origins come back renumbered.
    """
    sides: dict[int, set[str]] = {}
    for event in events:
        if event.agreement is not None:
            sides.setdefault(event.agreement, set()).update(a.id for a in event.actors)
    declared: dict[dt.date, int] = {}
    for index, draft in enumerate(drafts):
        if draft.kind == "declaration" and draft.signed_on is not None:
            declared.setdefault(draft.signed_on, index)
    into: dict[int, int] = {}
    for index, draft in enumerate(drafts):
        if draft.kind != "agreement" or draft.signed_on is None or not _unnamed(ctx, draft):
            continue
        other = declared.get(draft.signed_on)
        own = sides.get(index, set())
        if other is not None and (not own or not own.isdisjoint(sides.get(other, set()))):
            into[index] = other
    if not into:
        return drafts, provisions, origins
    for index, other in into.items():
        drafts[other].mentions = sorted(
            [*drafts[other].mentions, *drafts[index].mentions], key=lambda m: m.start
        )
        drafts[other].signed = drafts[other].signed or drafts[index].signed
    kept = [index for index in range(len(drafts)) if index not in into]
    number = {old: new for new, old in enumerate(kept)}
    number.update({index: number[other] for index, other in into.items()})
    for event in events:
        if event.agreement is not None:
            event.agreement = number[event.agreement]
    renumbered = {number[index]: origin for index, origin in origins.items() if index not in into}
    return (
        [drafts[index] for index in kept],
        [replace(p, draft=number[p.draft]) for p in provisions],
        renumbered,
    )


# --- clauses ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Provision:
    draft: int
    start: int
    end: int
    parent: int | None
    """Offset, within the same list, of the item this one details."""


def _clauses(
    ctx: Context,
    *,
    openers: list[Opener],
    mentions: list[AgreementMention],
    owner: dict[int, int],
    drafts: list[AgreementDraft],
    events: list[_Event],
) -> list[_Provision]:
    resources = ctx.doc.resources
    provisions: list[_Provision] = []
    signed = {e.agreement for e in events if e.agreement is not None and e.trigger.kind == "sign"}
    last_list: tuple[int, int] | None = None  # (sentence index, draft) of the last provision list
    names = sorted((m.start, m.end) for m in mentions)
    starts = [m.start for m in mentions]
    for position, opener in enumerate(openers):
        if _inside(names, opener.verb_start):
            continue  # اتفاقية تعاون … في: a word of an agreement's name, not a verb opening its provisions
        sentence_index = ctx.sentence_index(opener.verb_start)
        sentence = ctx.sentences[sentence_index]
        draft: int | None = None
        start = opener.start
        if opener.needs == "mention":
            mention = _opener_mention(ctx, opener, starts)
            if mention is not None and mention in owner:
                draft = owner[mention]
                if opener.start == opener.verb_end and mentions[mention].start >= opener.verb_end:
                    start = mentions[mention].end
            elif last_list is not None and sentence_index - last_list[0] <= 1:
                draft = last_list[1]
        elif last_list is not None and sentence_index - last_list[0] <= 2:
            draft = last_list[1]
        else:
            # The last mention before the verb that belongs to an agreement (mentions are in text order).
            before = next(
                (i for i in range(bisect_left(starts, opener.verb_start) - 1, -1, -1) if i in owner), None
            )
            earlier = [owner[before]] if before is not None else []
            if earlier and earlier[-1] in signed:
                last = mentions[before].start if before is not None else 0
                # عملا باتفاق ثنائي: a list naming another agreement is about that one, not the signed one.
                other = any(
                    owner.get(i, -1) != earlier[-1]
                    for i in range(bisect_left(starts, start), bisect_left(starts, sentence.end))
                )
                if (
                    sentence_index - ctx.sentence_index(last) <= _CARRY_SENTENCES
                    and not other
                    and not _scene_changes(ctx, last, opener.verb_start)
                ):
                    draft = earlier[-1]
        if draft is None:
            continue
        end = sentence.end
        if position + 1 < len(openers) and openers[position + 1].verb_start < end:
            end = openers[position + 1].verb_start
        end = _extend(ctx, sentence_index, end)
        items = split_provisions(ctx.text, start, end, resources) + _bullets(ctx, end, resources)
        items = [item for item in items if not _only_a_name(ctx, item)]
        base = len(provisions)
        provisions.extend(_Provision(draft, item.start, item.end, item.parent) for item in items)
        if len(provisions) > base:
            last_list = (ctx.sentence_index(end - 1), draft)
        for event in events:
            if event.trigger.start == opener.verb_start and event.agreement is None:
                event.agreement = draft
    return provisions


_SCENE = regex.compile(r"[وف]?(?:في|من|الي)\s+")


def _scene_changes(ctx: Context, start: int, end: int) -> bool:
    """Whether the story moves on between *start* and *end*: a topic shift (``وفي سياق آخر``) or a
    sentence opening on another place (``وفي فرنسا، …``)."""
    if ctx.cue_between("new_topic", start, end):
        return True
    first = ctx.sentence_index(start) + 1
    for sentence in ctx.sentences[first : ctx.sentence_index(end) + 1]:
        lead = _SCENE.match(ctx.text, sentence.start, sentence.end)
        if lead is None:
            continue
        following = ctx.actors_in(lead.end(), lead.end() + 1)
        if following and following[0].actor.kind in ("place", "country"):
            return True
    return False


def _only_a_name(ctx: Context, item: Piece) -> bool:
    """An item that is nothing but a name (``وزارة الصحة``) lists a party, not a provision."""
    return any(
        mention.start <= item.start + 1 and item.end <= mention.end + 1
        for mention in ctx.actors_in(max(0, item.start - 80), item.start + 2)
    )


def _extend(ctx: Context, sentence_index: int, end: int) -> int:
    """Carry a provision list into a short next sentence that starts with a preposition
    (a full stop the translation put inside the list: ``وفي أنشطة أخرى. من الدعم …``)."""
    sentence = ctx.sentences[sentence_index]
    if end != sentence.end or sentence_index + 1 >= len(ctx.sentences):
        return end
    following = ctx.sentences[sentence_index + 1]
    if _CONTINUATION.match(following.text) and len(following.text.split()) <= 12:
        return following.end
    return end


def _bullets(ctx: Context, end: int, resources: Resources) -> list[Piece]:
    """Bulleted or numbered lines right after a list opener that ends its line."""
    text = ctx.text
    if not text[:end].rstrip().endswith(":") and text.find("\n", end) != end and text[end : end + 1] != "\n":
        return []
    items: list[Piece] = []
    position = end
    while position < len(text):
        line_start = text.find("\n", position)
        if line_start < 0:
            break
        line_start += 1
        marker_end = bullet_end(text, line_start, resources)
        if marker_end is None:
            break
        line_end = text.find("\n", marker_end)
        line_end = len(text) if line_end < 0 else line_end
        items.extend(split_provisions(text, marker_end, line_end, resources))
        position = line_end
    return items


# --- output -------------------------------------------------------------------------------------


def _agreements(
    ctx: Context,
    drafts: list[AgreementDraft],
    events: list[_Event],
    provisions: list[_Provision],
    origins: dict[int, _Event],
) -> list[Agreement]:
    aligned = ctx.doc.aligned
    actors_by_id = {m.actor.id: m.actor for m in ctx.actors}
    out = []
    for index, draft in enumerate(drafts):
        signatories: list[str] = []
        parties: list[str] = []
        place: str | None = None
        sources = [
            e for e in events if e.agreement == index and e.trigger.kind in ("sign", "agree", "ceasefire")
        ]
        if index in origins:
            sources.append(origins[index])
        for event in sources:
            for actor in event.actors:
                if actor.kind == "person" and event.trigger.kind == "sign":
                    if not _witness(ctx, event, actor):
                        _add(signatories, actor.id)
                    for side in _sides_of(actor, actors_by_id):
                        _add(parties, _government_of(ctx, side, actors_by_id))
                elif actor.kind == "person" and event.trigger.kind == "ceasefire":
                    # أعلن الرئيس … هدنة: the declarer's side, or the leader himself, is a party.
                    for side in _sides_of(actor, actors_by_id) or [actor.id]:
                        _add(parties, _government_of(ctx, side, actors_by_id))
                elif (
                    actor.kind != "person" and not _mere_place(ctx, actor) and not _witness(ctx, event, actor)
                ):
                    _add(parties, _government_of(ctx, actor.id, actors_by_id))
            if place is None and event.place is not None:
                place = event.place.id
        for reference in draft.mentions:
            for actor in _party_context(ctx, reference):
                _add(parties, actor.id)
        name = None
        shown = draft.name or draft.described
        if shown is not None:
            name = aligned.span(*shown).text.strip().strip('"«»“”').strip() or None
        spans = []
        for reference in draft.mentions:
            spans.append(aligned.span(reference.start, reference.end))
            if reference.quoted is not None:
                spans.append(aligned.span(*reference.quoted))
        out.append(
            Agreement(
                id=f"g{index + 1}",
                name=name,
                kind=draft.kind,
                parties=parties,
                signatories=signatories,
                signed_on=draft.signed_on,
                place=place,
                clauses=_clause_list(ctx, [p for p in provisions if p.draft == index]),
                mentions=sorted({(s.start, s.end): s for s in spans}.values(), key=lambda s: s.start),
            )
        )
    return out


def _clause_list(ctx: Context, provisions: list[_Provision]) -> list[Clause]:
    """Clauses of one agreement; a sub-item's parent is the last top-level clause before it."""
    clauses: list[Clause] = []
    seen: set[tuple[int, int]] = set()
    parent: int | None = None
    for provision in provisions:
        if (provision.start, provision.end) in seen:
            continue
        seen.add((provision.start, provision.end))
        span = ctx.doc.aligned.span(provision.start, provision.end)
        clauses.append(
            Clause(
                index=len(clauses),
                text=span.text,
                span=span,
                parent=parent if provision.parent is not None else None,
                topics=clause_topics(ctx.text[provision.start : provision.end], ctx.doc.resources),
            )
        )
        if provision.parent is None:
            parent = len(clauses) - 1
    return clauses


def _witness(ctx: Context, event: _Event, person: Actor) -> bool:
    """A person present at a signing (``بحضور``, ``شهد``, ``تحت رعاية``) in its sentence, not signing it."""
    mentions = [
        m
        for index in sorted({event.sentence, *event.told_in})
        for m in ctx.actors_in(ctx.sentences[index].start, ctx.sentences[index].end)
        if m.actor is person
    ]
    # … الأمير تميم بن حمد حضر توقيع الاتفاقية: the subject of a witnessing verb that follows.
    return bool(mentions) and all(
        ctx.reached("witness", m.start) or ctx.cue_between("witness", m.end, ctx.word_end_after(m.end, 1) + 1)
        for m in mentions
    )


def _government_of(ctx: Context, actor_id: str, actors_by_id: dict[str, Actor]) -> str:
    """A capital standing for its government (اتفقت روما وطرابلس) is its country, when named."""
    actor = actors_by_id.get(actor_id)
    if actor is None or actor.kind != "place" or actor.country is None:
        return actor_id
    if ctx.folded(actor.name) not in _capitals(ctx.doc.resources):
        return actor_id
    for other in actors_by_id.values():
        if other.kind == "country" and other.country == actor.country:
            return other.id
    return actor_id


def _mere_place(ctx: Context, actor: Actor) -> bool:
    """A city or region that is no capital (دبي, جيجل) is where things happen, not a side."""
    return actor.kind == "place" and ctx.folded(actor.name) not in _capitals(ctx.doc.resources)


def _capitals(resources: Resources) -> frozenset[str]:
    def build(res: Resources) -> frozenset[str]:
        names = {fold(c.capital) for c in res.entries("country", CountryEntry) if c.capital}
        for place in res.entries("place", PlaceEntry):
            if place.type == "capital":
                names.add(fold(place.name))
                names.update(fold(form) for form in place.forms)
        return frozenset(names)

    return resources.compiled("events.capitals", build)


def _add(ids: list[str], actor_id: str) -> None:
    if actor_id not in ids:
        ids.append(actor_id)


def _sides_of(person: Actor, actors_by_id: dict[str, Actor]) -> list[str]:
    """The body or country a signatory acts for: its title's organization, else its country."""
    for title in person.titles:
        if title.organization and title.organization in actors_by_id:
            return [title.organization]
    if person.country:
        for actor in actors_by_id.values():
            if actor.kind == "country" and actor.country == person.country:
                return [actor.id]
    return []


_PARTY_CUE = regex.compile(r"\s*(?:مع|بين)\s+$")
_PARTY_WORD = regex.compile(r"(?<!\p{L})(?:مع|بين)(?!\p{L})")


def _party_context(ctx: Context, mention: AgreementMention) -> list[Actor]:
    """Sides named right after a mention: ``مع إيطاليا``, ``بين الكويت والفلبين``."""
    end = ctx.word_end_after(mention.end, 6, ctx.clause_end(mention.end))
    found = []
    for actor_mention in ctx.actors_in(mention.end, end):
        # Searched in the gap alone: the look-behind sees no letter of the mention before it.
        before = ctx.text[mention.end : actor_mention.start]
        if actor_mention.actor.kind != "person" and _PARTY_WORD.search(before):
            found.append(actor_mention.actor)
    return found


def _public_events(ctx: Context, events: list[_Event], drafts: list[AgreementDraft]) -> list[Event]:
    aligned = ctx.doc.aligned
    out: list[Event] = []
    expanded: list[tuple[_Event, str, str | None]] = []
    for event in events:
        expanded.append((event, event.trigger.kind, event.trigger.cameo))
        if (
            event.agreement is not None
            and drafts[event.agreement].kind == "ceasefire"
            and event.trigger.kind in ("sign", "agree")
        ):
            expanded.append((event, "ceasefire", "0871"))
    expanded.sort(key=lambda item: item[0].trigger.start)
    # Spans are frozen: the events of one sentence share its span.
    sentence_spans: dict[int, Span] = {}
    for number, (event, kind, cameo) in enumerate(expanded, start=1):
        sentence_span = sentence_spans.get(event.sentence)
        if sentence_span is None:
            sentence = ctx.sentences[event.sentence]
            sentence_span = sentence_spans[event.sentence] = aligned.span(sentence.start, sentence.end)
        out.append(
            Event(
                id=f"e{number}",
                kind=kind,
                trigger=aligned.span(event.trigger.start, event.trigger.end),
                sentence=sentence_span,
                date=event.date,
                actors=[a.id for a in event.actors],
                place=event.place.id if event.place is not None else None,
                negated=event.negated,
                agreement=f"g{event.agreement + 1}" if event.agreement is not None else None,
                cameo=cameo,
            )
        )
    return out
