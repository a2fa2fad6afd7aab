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
from dataclasses import dataclass, field, replace

import regex

from libnews.assemble.agreements import (
    AgreementDraft,
    AgreementMention,
    find_agreement_mentions,
    resolve_mentions,
)
from libnews.assemble.event_context import ActorMention, Context, build_context
from libnews.document import Document
from libnews.match.clauses import Opener, Piece, bullet_end, clause_topics, find_openers, split_provisions
from libnews.match.events import Trigger, find_triggers
from libnews.models import Actor, Agreement, Clause, DateMention, Event
from libnews.resources import Resources
from libnews.resources.gazetteer_schema import TitleEntry
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
_REFER_SENTENCES = 8
_DEMONSTRATIVE = regex.compile(r"(?<!\p{L})(?:هذه|هذا|تلك|ذلك|هذين|هاتين)\s+$")


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
    mentions = find_agreement_mentions(ctx)
    triggers = _usable_triggers(ctx, find_triggers(ctx.text, doc.resources), mentions)
    links = _link_signings(ctx, triggers, mentions)
    openers = find_openers(ctx.text, doc.resources)
    anchored = set(links.values()) | _described(ctx, openers, mentions)
    drafts, owner = resolve_mentions(ctx, mentions, anchored)

    events = _events(ctx, triggers, links, owner, mentions)
    _assign_dates(ctx, events, mentions, owner, drafts)
    events = _merge(events)
    for event in events:
        if event.agreement is not None:
            drafts[event.agreement].signed = drafts[event.agreement].signed or event.trigger.kind == "sign"
    _origins(ctx, drafts, events)
    clauses = _clauses(ctx, openers=openers, mentions=mentions, owner=owner, drafts=drafts, events=events)
    for event in events:
        # An agreement described by its sides (اتفقت روما وطرابلس على …) dates from its signing.
        if event.date is None and event.agreement is not None:
            event.date = drafts[event.agreement].signed_on
    agreements = _agreements(ctx, drafts, events, clauses)
    return agreements, _public_events(ctx, events, drafts)


# --- triggers and links -------------------------------------------------------------------------


def _usable_triggers(
    ctx: Context, triggers: list[Trigger], mentions: list[AgreementMention]
) -> list[Trigger]:
    """Triggers that are not part of an agreement's or organization's name, nor only hoped for."""
    kept = []
    for trigger in triggers:
        if any(
            m.start <= trigger.start and trigger.end <= m.end and not (trigger.start <= m.start)
            for m in mentions
        ):
            continue
        if any(
            a.start <= trigger.start and trigger.end <= a.end and a.actor.kind == "organization"
            for a in ctx.actors_in(max(0, trigger.start - 80), trigger.start + 1)
        ):
            continue
        if ctx.reached("aim", trigger.start):
            continue
        kept.append(trigger)
    return kept


def _link_signings(ctx: Context, triggers: list[Trigger], mentions: list[AgreementMention]) -> dict[int, int]:
    """Trigger index → index of the agreement mention it signs or reaches."""
    links: dict[int, int] = {}
    for index, trigger in enumerate(triggers):
        if trigger.kind not in ("sign", "agree"):
            continue
        sentence = ctx.sentence(trigger.start)
        if trigger.form == "participle":
            before = [
                i for i, m in enumerate(mentions) if m.end <= trigger.start and trigger.start - m.end <= 3
            ]
            if before:
                links[index] = before[-1]
            continue
        if trigger.kind == "agree":
            inside = [i for i, m in enumerate(mentions) if trigger.start <= m.start < trigger.end]
            if inside:
                links[index] = inside[0]
            continue
        limit = min(sentence.end, ctx.word_end_after(trigger.end, 14))
        following = [i for i, m in enumerate(mentions) if trigger.end <= m.start < limit and not m.negated]
        later_signing = [t.start for t in triggers[index + 1 :] if t.kind == "sign" and t.start < limit]
        if following and (not later_signing or mentions[following[0]].start < later_signing[0]):
            links[index] = following[0]
    return links


def _described(ctx: Context, openers: list[Opener], mentions: list[AgreementMention]) -> set[int]:
    """Mentions that are the subject of a provision opener (``نصت الاتفاقية على``)."""
    found = set()
    for opener in openers:
        if opener.needs != "mention":
            continue
        index = _opener_mention(ctx, opener, mentions)
        if index is not None:
            found.add(index)
    return found


def _opener_mention(ctx: Context, opener: Opener, mentions: list[AgreementMention]) -> int | None:
    low = max(ctx.clause_start(opener.verb_start), ctx.word_start_before(opener.verb_start, 4))
    high = max(opener.start, ctx.word_end_after(opener.verb_end, 2))
    near = [i for i, m in enumerate(mentions) if low <= m.start < high]
    return near[-1] if near else None


# --- events -------------------------------------------------------------------------------------


def _events(
    ctx: Context,
    triggers: list[Trigger],
    links: dict[int, int],
    owner: dict[int, int],
    mentions: list[AgreementMention],
) -> list[_Event]:
    events: list[_Event] = []
    titles = _title_words(ctx.doc.resources)
    names = [m.name for m in mentions if m.name is not None and m.name[0] > m.start] + [
        (m.head_end, m.end) for m in mentions if m.end > m.head_end
    ]
    for index, found in enumerate(triggers):
        trigger = found
        sentence_index = ctx.sentence_index(trigger.start)
        sentence = ctx.sentences[sentence_index] if ctx.sentences else None
        if sentence is None:
            continue
        if not _needs_met(ctx, trigger, index in links and links[index] in owner):
            continue
        if trigger.form == "noun" and not trigger.definite and _construct(ctx, trigger):
            trigger = replace(trigger, definite=True)  # زيارة مرسي: a construct names a known event
        event = _Event(
            trigger=trigger,
            sentence=sentence_index,
            negated=ctx.reached("negation", trigger.start),
            demonstrative=trigger.definite
            and _DEMONSTRATIVE.search(ctx.text, max(0, trigger.start - 8), trigger.start) is not None,
        )
        if index in links and links[index] in owner:
            event.mention = links[index]
            event.agreement = owner[links[index]]
        same = [t for t in triggers if sentence.start <= t.start < sentence.end]
        position = next(i for i, t in enumerate(same) if t.start == trigger.start)
        low = same[position - 1].end if position > 0 else sentence.start
        high = same[position + 1].start if position + 1 < len(same) else sentence.end
        if trigger.form != "verb":
            # A noun's participants are its complements and its own clause, not the sentence's subject.
            low = max(low, ctx.clause_start(trigger.start))
        _participants(ctx, event, (low, high), titles, names)
        _resolve_focus(ctx, event, events)
        events.append(event)
    return events


_NEXT_DEFINITE = regex.compile(r"\s+(?:ال|لل)\p{L}")


def _construct(ctx: Context, trigger: Trigger) -> bool:
    """A noun followed by a definite word or a name (``زيارة الرئيس``, ``اجتماع جنيف``)."""
    if _NEXT_DEFINITE.match(ctx.text, trigger.end):
        return True
    following = ctx.actors_in(trigger.end, trigger.end + 3)
    return bool(following) and following[0].start <= trigger.end + 2


def _needs_met(ctx: Context, trigger: Trigger, linked: bool) -> bool:
    text = ctx.text
    if trigger.needs == "agreement":
        return linked
    if trigger.needs == "partner":
        end = min(ctx.sentence(trigger.start).end, ctx.word_end_after(trigger.end, 12))
        return _PARTNER.search(text, trigger.end, end) is not None
    if trigger.needs == "destination":
        end = min(ctx.clause_end(trigger.end), ctx.word_end_after(trigger.end, 6))
        for found in _DESTINATION.finditer(text, trigger.end, end):
            if ctx.cue_between("not_place", found.end(), ctx.word_end_after(found.end(), 1) + 1):
                continue  # وصل إلى اتفاق / عاد إلى السلطة: reaching a state, not a place
            # The destination is a named place, country or body (توجه … إلى طرابلس), not a quantity.
            if any(
                m.actor.kind in ("place", "country", "organization")
                for m in ctx.actors_in(found.end(), ctx.word_end_after(found.end(), 2) + 1)
            ):
                return True
        return False
    if trigger.needs == "held":
        before = ctx.word_start_before(trigger.start, 3)
        if ctx.cue_between("hold", before, trigger.start):
            return True
        return bool(
            ctx.dates_in(trigger.end, min(ctx.clause_end(trigger.end), ctx.word_end_after(trigger.end, 8)))
        )
    if trigger.needs == "declared":
        return ctx.cue_between("declare", ctx.word_start_before(trigger.start, 3), trigger.start)
    return True


def _is_locative(ctx: Context, mention: ActorMention) -> bool:
    before = ctx.text[max(0, mention.start - 12) : mention.start]
    return mention.actor.kind in ("place", "country") and _LOCATIVE.search(before) is not None


def _participants(
    ctx: Context, event: _Event, window: tuple[int, int], titles: frozenset[str], names: list[tuple[int, int]]
) -> None:
    low, high = window
    trigger = event.trigger
    places_after: list[Actor] = []
    places_before: list[Actor] = []
    for mention in ctx.actors_in(low, high):
        actor = mention.actor
        if any(start <= mention.start < end for start, end in names):
            continue  # إعلان تونس …في ليبيا: a word of a name, not a participant
        if _is_locative(ctx, mention):
            (places_after if mention.start >= trigger.end else places_before).append(actor)
            continue
        if actor not in event.actors:
            event.actors.append(actor)
    following = ctx.actors_in(trigger.end, trigger.end + 2)
    if trigger.form == "noun" and following and following[0].actor.kind == "place":
        # A place right after a noun is its genitive: مؤتمر برلين, قمة الرياض.
        event.place = following[0].actor
    elif places_after or places_before:
        event.place = (places_after or places_before)[0]
    elif trigger.kind in ("visit", "return", "conference", "sign", "meet", "election"):
        sentence = ctx.sentence(trigger.start)
        around = [m for m in ctx.actors_in(sentence.start, sentence.end) if _is_locative(ctx, m)]
        after = [m.actor for m in around if m.start >= trigger.end]
        before = [m.actor for m in around if m.start < trigger.start]
        if after or before:
            event.place = after[0] if after else before[-1]
    for actor in _title_anaphora(ctx, low, high, titles):
        if actor not in event.actors:
            event.actors.append(actor)
    if event.place is not None and event.place in event.actors:
        event.actors.remove(event.place)


def _title_words(resources: Resources) -> frozenset[str]:
    def build(res: Resources) -> frozenset[str]:
        heads = set()
        for entry in res.entries("title", TitleEntry):
            for form in entry.forms:
                first = fold(form).split()[0] if form.strip() else ""
                if len(first) > 2 and not first.startswith("ال"):
                    heads.add(first)
        return frozenset(heads)

    return resources.compiled("events.title_words", build)


_BARE_TITLE = regex.compile(r"(?<!\p{L})[وف]?(?:ال|لل)(?P<word>\p{L}{3,})(?!\p{L})")


def _title_anaphora(ctx: Context, low: int, high: int, titles: frozenset[str]) -> list[Actor]:
    """Actors referred to by a bare title (``الوزير``, ``الوزيران``) in ``[low, high)``."""
    found: list[Actor] = []
    covered = [(m.start, m.end) for m in ctx.actors_in(max(0, low - 80), high)]
    for match in _BARE_TITLE.finditer(ctx.text, low, high):
        word = match.group("word")
        dual = False
        for ending in ("ان", "ين"):
            if word.endswith(ending) and word[: -len(ending)] in titles:
                word, dual = word[: -len(ending)], True
        if word not in titles or any(s <= match.start("word") < e for s, e in covered):
            continue
        wanted = 2 if dual else 1
        for mention in reversed(ctx.actors_in(0, match.start())):
            actor = mention.actor
            if actor.kind != "person" or actor in found:
                continue
            if any(word in fold(title.text) for title in actor.titles):
                found.append(actor)
                wanted -= 1
                if not wanted:
                    break
    return found


def _resolve_focus(ctx: Context, event: _Event, earlier: list[_Event]) -> None:
    """A verb with no subject of its own (``اتفقا``, ``أكد``) takes the actors in focus."""
    kinds = ("person",) if event.trigger.plural == "dual" else _AGENT_KINDS
    agents = [a for a in event.actors if a.kind in kinds]
    need = 2 if event.trigger.plural in ("dual", "plural") else 1
    if len(agents) >= need or event.trigger.form != "verb":
        return
    for previous in reversed(earlier):
        if event.sentence - previous.sentence > _CARRY_SENTENCES:
            break
        persons = [a for a in previous.actors if a.kind in kinds]
        if len(persons) >= need:
            for actor in persons:
                if actor not in event.actors:
                    event.actors.append(actor)
            event.focus_from = previous
            return


# --- dates --------------------------------------------------------------------------------------


def _assign_dates(
    ctx: Context,
    events: list[_Event],
    mentions: list[AgreementMention],
    owner: dict[int, int],
    drafts: list[AgreementDraft],
) -> None:
    by_sentence: dict[int, list[tuple[int, _Event | int]]] = {}
    for event in events:
        by_sentence.setdefault(event.sentence, []).append((event.trigger.start, event))
    for index, mention in enumerate(mentions):
        if index in owner:
            by_sentence.setdefault(ctx.sentence_index(mention.start), []).append((mention.start, index))
    attached: dict[int, dt.date] = {}
    for sentence_index, anchors in by_sentence.items():
        anchors.sort(key=lambda pair: pair[0])
        sentence = ctx.sentences[sentence_index]
        for date in ctx.dates_in(sentence.start, sentence.end):
            if date.date.value is None:
                continue
            before = [anchor for position, anchor in anchors if position < date.start]
            after = [anchor for position, anchor in anchors if position >= date.end]
            target = before[-1] if before else (after[0] if after else None)
            if isinstance(target, int):
                linked = [e for e in events if e.mention == target and e.sentence == sentence_index]
                if linked:
                    target = linked[0]
                else:
                    attached.setdefault(owner[target], date.date.value)
                    continue
            if isinstance(target, _Event) and not target.own_date:
                target.date, target.own_date = date.date.value, True
    # Signings without a date of their own take their agreement's.
    signed_on: dict[int, dt.date] = {}
    for event in events:
        if event.agreement is not None and event.own_date and event.date is not None:
            signed_on.setdefault(event.agreement, event.date)
    for draft_index, value in attached.items():
        signed_on.setdefault(draft_index, value)
    for event in events:
        if event.date is None and event.agreement is not None and event.agreement in signed_on:
            event.date = signed_on[event.agreement]
    for position, event in enumerate(events):
        if event.date is not None:
            continue
        if event.trigger.form in ("noun", "participle") and _linked_noun(ctx, event.trigger):
            near = [
                e for e in events if e.sentence == event.sentence and e is not event and e.date is not None
            ]
            before = [e for e in near if e.trigger.start < event.trigger.start]
            if before or near:
                event.date = (before or near)[-1 if before else 0].date
                continue
        sentence = ctx.sentences[event.sentence]
        if ctx.cue_between("carry_date", sentence.start, ctx.word_end_after(event.trigger.end, 2)):
            previous = [e for e in events[:position] if e.date is not None]
            if previous:
                event.date = previous[-1].date
                continue
        if event.focus_from is not None and event.focus_from.date is not None:
            event.date = event.focus_from.date
            continue
        # A signing the lead reports, or one "just now", happened on the publication day.
        just_now = event.sentence == 0 or ctx.cue_between("just_now", sentence.start, sentence.end)
        if event.trigger.kind == "sign" and just_now:
            event.date = ctx.doc.published
    for event in events:
        if event.agreement is not None and event.date is not None:
            signed_on.setdefault(event.agreement, event.date)
    for draft_index, draft in enumerate(drafts):
        draft.signed_on = signed_on.get(draft_index)


_LINKING = regex.compile(r"(?:خلال|اثناء|عقب|بعد|قبل|هامش|ختام|بمناسبه|حيث)\s*$")


def _linked_noun(ctx: Context, trigger: Trigger) -> bool:
    """A noun that is the purpose or the setting of another event (``للقاء``, ``خلال زيارة``)."""
    before = ctx.text[max(0, trigger.start - 12) : trigger.start]
    return trigger.purpose or trigger.form == "participle" or _LINKING.search(before) is not None


# --- merging ------------------------------------------------------------------------------------


def _merge(events: list[_Event]) -> list[_Event]:
    """One event per happening: a later mention of the same one is folded into the first."""
    kept: list[_Event] = []
    for event in events:
        target = None
        for previous in reversed(kept):
            if previous.trigger.kind != event.trigger.kind or previous.negated != event.negated:
                continue
            if event.agreement is not None and previous.agreement == event.agreement:
                target = previous
                break
            if event.agreement is not None or previous.agreement is not None:
                continue
            if event.demonstrative and not event.own_date:
                target = previous  # وهذه المحادثات: the talks just named
                break
            overlap = (
                not event.actors
                or bool({a.id for a in event.actors} & {a.id for a in previous.actors})
                or (
                    event.place is not None
                    and previous.place is not None
                    and event.place.id == previous.place.id
                )
            )
            same_day = event.date is not None and event.date == previous.date
            refers_back = (
                event.trigger.definite
                and not event.own_date
                and (event.date is None or event.date == previous.date)
            )
            distance = event.sentence - previous.sentence
            if overlap and (
                (same_day and distance <= _CARRY_SENTENCES) or (refers_back and distance <= _REFER_SENTENCES)
            ):
                target = previous
                break
        if target is None:
            kept.append(event)
            continue
        for actor in event.actors:
            if actor not in target.actors:
                target.actors.append(actor)
        target.date = target.date or event.date
        target.place = target.place or event.place
        event.merged = True
    return kept


def _origins(ctx: Context, drafts: list[AgreementDraft], events: list[_Event]) -> None:
    """An agreement ``الصادر عن اجتماع …`` takes the date and sides of that meeting."""
    for draft in drafts:
        for mention in draft.mentions:
            reach = ctx.word_end_after(mention.end, 3)
            cue = next((c for c in ctx.cues if c.role == "origin" and mention.end <= c.start < reach), None)
            if cue is None:
                continue
            limit = ctx.word_end_after(cue.end, 2)
            source = next((e for e in events if cue.end <= e.trigger.start < limit), None)
            if source is None:
                continue
            draft.origin = source  # type: ignore[attr-defined]
            if draft.signed_on is None:
                draft.signed_on = source.date
            break


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
    for position, opener in enumerate(openers):
        sentence_index = ctx.sentence_index(opener.verb_start)
        sentence = ctx.sentences[sentence_index]
        draft: int | None = None
        start = opener.start
        if opener.needs == "mention":
            mention = _opener_mention(ctx, opener, mentions)
            if mention is not None and mention in owner:
                draft = owner[mention]
                if opener.start == opener.verb_end and mentions[mention].start >= opener.verb_end:
                    start = mentions[mention].end
            elif last_list is not None and sentence_index - last_list[0] <= 1:
                draft = last_list[1]
        elif last_list is not None and sentence_index - last_list[0] <= 2:
            draft = last_list[1]
        else:
            earlier = [owner[i] for i, m in enumerate(mentions) if m.start < opener.verb_start and i in owner]
            if earlier and earlier[-1] in signed:
                last = max(
                    m.start
                    for i, m in enumerate(mentions)
                    if i in owner and owner[i] == earlier[-1] and m.start < opener.verb_start
                )
                if sentence_index - ctx.sentence_index(last) <= _CARRY_SENTENCES:
                    draft = earlier[-1]
        if draft is None:
            continue
        end = sentence.end
        if position + 1 < len(openers) and openers[position + 1].verb_start < end:
            end = openers[position + 1].verb_start
        end = _extend(ctx, sentence_index, end)
        items = split_provisions(ctx.text, start, end, resources) + _bullets(ctx, end, resources)
        base = len(provisions)
        provisions.extend(_Provision(draft, item.start, item.end, item.parent) for item in items)
        if len(provisions) > base:
            last_list = (ctx.sentence_index(end - 1), draft)
        for event in events:
            if event.trigger.start == opener.verb_start and event.agreement is None:
                event.agreement = draft
    return provisions


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
    ctx: Context, drafts: list[AgreementDraft], events: list[_Event], provisions: list[_Provision]
) -> list[Agreement]:
    aligned = ctx.doc.aligned
    resources = ctx.doc.resources
    actors_by_id: dict[str, Actor] = {}
    for mention in ctx.actors:
        actors_by_id.setdefault(mention.actor.id, mention.actor)
    out = []
    for index, draft in enumerate(drafts):
        signings = [
            e for e in events if e.agreement == index and e.trigger.kind in ("sign", "agree", "ceasefire")
        ]
        signatories: list[str] = []
        parties: list[str] = []
        place: str | None = None
        for event in signings:
            for actor in event.actors:
                if actor.kind == "person" and event.trigger.kind == "sign":
                    _add(signatories, actor.id)
                    for side in _sides_of(actor, actors_by_id):
                        _add(parties, side)
                elif actor.kind != "person":
                    _add(parties, actor.id)
            if place is None and event.place is not None:
                place = event.place.id
        for mention in draft.mentions:
            for actor in _party_context(ctx, mention):
                _add(parties, actor.id)
        origin = getattr(draft, "origin", None)
        if isinstance(origin, _Event):
            for actor in origin.actors:
                if actor.kind in ("country", "organization"):
                    _add(parties, actor.id)
            if place is None and origin.place is not None:
                place = origin.place.id
        clauses: list[Clause] = []
        seen: set[tuple[int, int]] = set()
        list_base = 0
        for number, provision in enumerate(provisions):
            if provision.draft != index or (provision.start, provision.end) in seen:
                continue
            seen.add((provision.start, provision.end))
            if provision.parent is None:
                list_base = len(clauses)
            parent = None
            if provision.parent is not None:
                parent = _parent_index(provisions, number, clauses, list_base)
            span = aligned.span(provision.start, provision.end)
            clauses.append(
                Clause(
                    index=len(clauses),
                    text=span.text,
                    span=span,
                    parent=parent,
                    topics=clause_topics(ctx.text[provision.start : provision.end], resources),
                )
            )
        name = None
        if draft.name is not None:
            name = aligned.span(*draft.name).text.strip().strip('"«»“”').strip() or None
        spans = []
        for mention in draft.mentions:
            spans.append(aligned.span(mention.start, mention.end))
            if mention.quoted is not None:
                spans.append(aligned.span(*mention.quoted))
        out.append(
            Agreement(
                id=f"g{index + 1}",
                name=name,
                kind=draft.kind,
                parties=parties,
                signatories=signatories,
                signed_on=draft.signed_on,
                place=place,
                clauses=clauses,
                mentions=sorted({(s.start, s.end): s for s in spans}.values(), key=lambda s: s.start),
            )
        )
    return out


def _parent_index(
    provisions: list[_Provision], number: int, clauses: list[Clause], list_base: int
) -> int | None:
    # The parent is the last top-level clause written before this sub-item.
    for clause in reversed(clauses):
        if clause.parent is None:
            return clause.index
    return None


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


def _party_context(ctx: Context, mention: AgreementMention) -> list[Actor]:
    """Sides named right after a mention: ``مع إيطاليا``, ``بين الكويت والفلبين``."""
    end = min(ctx.clause_end(mention.end), ctx.word_end_after(mention.end, 6))
    found = []
    for actor_mention in ctx.actors_in(mention.end, end):
        before = ctx.text[mention.end : actor_mention.start]
        if regex.search(r"(?<!\p{L})(?:مع|بين)(?!\p{L})", before) and actor_mention.actor.kind != "person":
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
    for number, (event, kind, cameo) in enumerate(expanded, start=1):
        sentence = ctx.sentences[event.sentence]
        out.append(
            Event(
                id=f"e{number}",
                kind=kind,
                trigger=aligned.span(event.trigger.start, event.trigger.end),
                sentence=aligned.span(sentence.start, sentence.end),
                date=event.date,
                actors=[a.id for a in event.actors],
                place=event.place.id if event.place is not None else None,
                negated=event.negated,
                agreement=f"g{event.agreement + 1}" if event.agreement is not None else None,
                cameo=cameo,
            )
        )
    return out
