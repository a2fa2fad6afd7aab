"""Agreement mentions: head nouns, names, and which mentions are one agreement.

A mention is a head noun from ``data/agreements.toml`` (``اتفاقية``, ``مذكرة
تفاهم``, ``اتفاق وقف إطلاق النار``) with its name: a quoted title introduced
after it (``الذي يعرف بـ "…"``) or the head with its genitive complement
(``اتفاقية التعاون العسكري``), stopped by prepositions, dates, participles and
verbs.  Hoped-for (``بهدف التوصل إلى اتفاق``) and generic uses
(``بالاتفاق مع``) are dropped.  `resolve_mentions` groups the mentions that
refer to one agreement.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from libnews.assemble.event_context import Context
from libnews.match.events import NOUN_PREFIXES, bare_alternation, phrase_alternation
from libnews.match.word_gate import GatedPattern, surface_runs
from libnews.models import AgreementKind
from libnews.resources import Resources
from libnews.resources.events_schema import AgreementHeadEntry, AgreementWordEntry
from libnews.text.normalize import fold

__all__ = ["URGENT", "AgreementDraft", "AgreementMention", "find_agreement_mentions", "resolve_mentions"]

# Kinds a bare اتفاق / اتفاقية may refer back to.
_GENERIC_HEADS = frozenset({"اتفاق", "اتفاقيه"})
_VERB_SHAPED = regex.compile(r"^(?:ي\p{L}{2,}|ت\p{L}{2,4}|س[يتن]\p{L}{2,})$")
# A word with a preposition clitic starts a new phrase (للتعاون، لاستضافة، بشأن).
_SUFFIXED_PREPOSITION = regex.compile(
    r"^(?:مع|عن|من|في|علي|الي|بين|لدي|عند|ل|ب|به|منذ)(?:ه|ها|هم|هما|هن|نا|كم|ي)$"
)
_PREPOSED = regex.compile(r"^(?:لل|لا|ل\p{L}{3,}$|ب\p{L}{4,}$)")
# Adjectives after a definite head: nisba forms (السياسي، النووية) and a few others.
# ل + a verbal noun (للتعاون, لانشاء, لترسيم, لمكافحه), not ل + a pronoun or a length of time.
_PURPOSE_COMPLEMENT = regex.compile(r"^(?:لل\p{L}{3,}|ل(?!مده|مدة|فتره|صالح)[اتم]\p{L}{3,})$")
_ADJECTIVE = regex.compile(
    r"^ال\p{L}+(?:ي|يه|يين|يان|يتين)$|^ال(?:شامل|شامله|نهائي|كامل|كامله|تاريخي|مبدئي)$"
)
_MASDAR_SHAPED = regex.compile(r"^(?:ت\p{L}ا\p{L}{2}|ت\p{L}{2}ي\p{L}|ت\p{L}{2}ي\p{L}ه)$")
_COUNTED = regex.compile(r"(?:\d+|(?<!\p{L})(?:عدد من|عده|عشرات|ثلاث|اربع|خمس|ست|سبع|ثماني|تسع|عشر))\s+$")
# A truce asked for, not made (هدنة عاجلة, وقف فوري لإطلاق النار): shared with the event stage.
URGENT = regex.compile(r"\s+(?:\p{L}+\s+)?(?:عاجله|فوريه|فوري|عاجل)(?!\p{L})")
_ANOTHER = regex.compile(r"\s+(?:(?:ال)?(?:اخري|اخر)|ثانيه|جديده|جديد)(?!\p{L})")
_THAT_WORD = regex.compile(r"(?<!\p{L})(?:ان|انه|انها|انا|نحن)(?!\p{L})")
_HEAD_VARIANT = regex.compile(r"(?<!\p{L})(?:ال)?اتفاقيه(?!\p{L})")
_ANY = regex.compile(r"(?<!\p{L})اي\s+$")
_PUNCTUATION = regex.compile(r"[.,;:?!\n]")
_SIGNED_WORDS = 24  # how far a signed object may follow its verb (titles and adjuncts come between)
_WORD = regex.compile(r"\s*(?P<word>[^\s,;:.?!\"'()]+)")


@dataclass
class AgreementMention:
    """One reference to an agreement, in normalized coordinates."""

    start: int
    end: int
    """End of the mention with its name."""
    head_end: int
    kind: AgreementKind
    head: str
    definite: bool
    strength: str
    name: tuple[int, int] | None = None
    """Normalized stretch of the name (without quotes)."""
    quoted: tuple[int, int] | None = None
    """A quoted title introduced after the mention (``الذي يعرف بـ "…"``)."""
    negated: bool = False
    proper: bool = False
    """Its name holds an actor (``إعلان تونس``) or is quoted."""
    counted: bool = False
    """After a number (``توقيع 13 اتفاقية``): several agreements, signed but not one of them named."""
    another: bool = False
    """Followed by أخرى / جديدة: not the one in focus."""
    praise: bool = False
    """Its name only praises it (``الاتفاق التاريخي``): it refers back like an unnamed mention."""
    back_only: bool = False
    """A bare definite head kept only because a provision opener governs it (``وينص الاتفاق على``):
    it refers back to an agreement already told and never starts one."""


@dataclass
class AgreementDraft:
    """Mentions grouped into one agreement, before its details are filled in."""

    kind: AgreementKind
    mentions: list[AgreementMention] = field(default_factory=list)
    name: tuple[int, int] | None = None
    described: tuple[int, int] | None = None
    """A praising name (``الاتفاق التاريخي``), shown when no mention names the agreement."""
    signed: bool = False
    signed_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class _Words:
    heads: GatedPattern
    head_kind: dict[str, tuple[AgreementKind, str]]
    intro: regex.Pattern[str]
    stops: frozenset[str]
    praise: frozenset[str]
    generic: GatedPattern
    masdar_prep: regex.Pattern[str]
    pair: regex.Pattern[str]
    field: regex.Pattern[str]


def _build(resources: Resources) -> _Words:
    head_kind: dict[str, tuple[AgreementKind, str]] = {}
    for entry in resources.entries("agreement_head", AgreementHeadEntry):
        for form in entry.forms:
            head_kind.setdefault(fold(form), (entry.kind, entry.strength))
        for form in entry.plural:
            head_kind.setdefault(fold(form), (entry.kind, "plural"))
    words: dict[str, list[str]] = {}
    for word_entry in resources.entries("agreement_word", AgreementWordEntry):
        words.setdefault(word_entry.role, []).extend(fold(form) for form in word_entry.forms)
    heads = GatedPattern(
        regex.compile(
            r"(?<!\p{L})(?P<conj>[وف])?(?P<prep>لل|[بلك])?(?P<article>ال)?(?P<core>"
            + bare_alternation(head_kind)
            + r")(?P<acc>(?<=[^ه])ا)?(?!\p{L})"
        ),
        surface_runs(head_kind, NOUN_PREFIXES, ("", "ا")),
    )
    return _Words(
        heads=heads,
        head_kind=head_kind,
        intro=regex.compile(
            r"\s*,?\s*(?P<intro>"
            + phrase_alternation(words.get("name_intro", []))
            + r")?\s*\"(?P<title>[^\"\n]{3,120})\""
        ),
        stops=frozenset(words.get("name_stop", [])),
        praise=frozenset(words.get("praise", [])),
        generic=GatedPattern(
            regex.compile(r"(?<!\p{L})(?:" + phrase_alternation(words.get("generic", [])) + ")"),
            surface_runs(words.get("generic", []), ("",)),
        ),
        masdar_prep=regex.compile(r"\s+(?:" + phrase_alternation(words.get("masdar_prep", [])) + ")"),
        pair=regex.compile(r"\s+(?:" + phrase_alternation(words.get("party_pair", [])) + ")"),
        field=regex.compile(phrase_alternation(words.get("name_field", []))),
    )


def _words(resources: Resources) -> _Words:
    return resources.compiled("agreements.words", _build)


def find_agreement_mentions(
    ctx: Context, signings: Sequence[int] = (), opener_ends: Sequence[int] = ()
) -> list[AgreementMention]:
    """Agreement mentions of the article, in text order, without hopes and generic uses.

    Args:
        ctx: The article's context.
        signings: Sorted end offsets of signing verbs and nouns (``وقع``, ``توقيع``).  A weak head
            (``إعلان``, ``وثيقة``) is an agreement when it is named by a place or a quote, or when it
            is what is signed (``وقع … الجمعة في موسكو إعلان الشراكة``); its other definite mentions
            with the same head then refer to it too.
        opener_ends: Sorted end offsets of the verbs of provision openers that need a mention
            (``ينص``, ``تنص``).  A bare definite ``الاتفاق على`` they govern is the agreement whose
            provisions follow, not the act of agreeing.
    """
    table = _words(ctx.doc.resources)
    signed_heads: set[str] = set()
    tentative: list[AgreementMention] = []
    text = ctx.text
    generic = [match.span() for match in table.generic.finditer(text, ctx.runs)]
    generic_starts = [g_start for g_start, _ in generic]
    mentions: list[AgreementMention] = []
    covered_until = -1
    for match in table.heads.finditer(text, ctx.runs):
        core = " ".join(match.group("core").split())
        kind, strength = table.head_kind[core]
        start = match.start("article") if match.group("article") else match.start("core")
        head_end = match.end()
        if start < covered_until:
            continue
        if _in_generic(generic, generic_starts, start, head_end):
            continue
        if _ANY.search(text, max(0, start - 4), start):
            continue  # لم يوقعا أي اتفاق: any agreement at all, none in particular
        back_only = False
        if core == "اتفاق" and _masdar(table, text, head_end) and not _after_reach(text, start):
            if not (match.group("article") and _governed(ctx, opener_ends, start)):
                continue  # الاتفاق على …: the act of agreeing, not an instrument
            back_only = True  # وينص الاتفاق على …: the provisions of one already told
        words = core.split()
        definite = bool(match.group("article")) or match.group("prep") == "لل"
        definite = definite or (len(words) > 1 and words[1].startswith("ال"))
        if not definite and ctx.reached("aim", start):
            continue  # بهدف التوصل إلى اتفاق: hoped for; تنفيذ الاتفاق السياسي is an existing one
        if not definite and kind == "ceasefire" and URGENT.match(text, head_end):
            continue  # طلبوا إقرار هدنة عاجلة: an urgent truce is one asked for, not one in force
        mention = AgreementMention(
            start=start,
            end=head_end,
            head_end=head_end,
            kind=kind,
            head=core,
            definite=definite,
            strength=strength,
            negated=ctx.reached("negation", start),
            back_only=back_only,
        )
        _name(ctx, table, mention, inside_quotes=text[start - 1 : start] == '"')
        mention.counted = strength == "plural" or _COUNTED.search(text, max(0, start - 12), start) is not None
        mention.another = _ANOTHER.match(text, mention.head_end) is not None
        if mention.quoted:
            covered_until = mention.quoted[1]
        if strength == "weak" and not mention.proper:
            if _signed_object(ctx, signings, start):
                signed_heads.add(core)
            elif mention.definite:
                tentative.append(mention)
                continue
            else:
                continue
        mentions.append(mention)
    if signed_heads and tentative:
        # الإعلان السياسي … ووقع الإعلان: once one is signed, the others with its head refer to it.
        mentions.extend(m for m in tentative if m.head in signed_heads)
        mentions.sort(key=lambda m: m.start)
    return mentions


def _governed(ctx: Context, opener_ends: Sequence[int], start: int) -> bool:
    """A provision opener's verb ends at most one word before *start* (``وتنص بنود الاتفاق``)."""
    before = bisect_right(opener_ends, start) - 1
    if before < 0:
        return False
    end = opener_ends[before]
    return ctx.word_start_before(start, 2, end) <= end and _PUNCTUATION.search(ctx.text, end, start) is None


def _signed_object(ctx: Context, signings: Sequence[int], start: int) -> bool:
    """A signing verb or noun ends shortly before *start*, in its sentence."""
    before = bisect_right(signings, start) - 1
    if before < 0:
        return False
    sentence = ctx.sentence(start)
    end = signings[before]
    return end >= sentence.start and ctx.word_start_before(start, _SIGNED_WORDS, sentence.start) <= end


def _in_generic(generic: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a generic use (the sorted, disjoint *generic* stretches)."""
    holding = bisect_right(starts, start) - 1
    if holding >= 0 and start < generic[holding][1]:
        return True
    following = bisect_left(starts, start)
    return following < len(starts) and starts[following] < end


def _masdar(table: _Words, text: str, head_end: int) -> bool:
    """``اتفاق (الطرفين) على …``: the act of agreeing."""
    if table.masdar_prep.match(text, head_end):
        return True
    pair = table.pair.match(text, head_end)
    return bool(pair and table.masdar_prep.match(text, pair.end()))


def _after_reach(text: str, start: int) -> bool:
    """The mention follows ``إلى`` (``التوصل إلى اتفاق على …`` is an agreement reached)."""
    return text[max(0, start - 4) : start].strip().endswith("الي")


def _name(ctx: Context, table: _Words, mention: AgreementMention, *, inside_quotes: bool) -> None:
    text = ctx.text
    if inside_quotes:
        close = text.find('"', mention.start)
        quoted = text[mention.start : close].split()
        # A short quote that opens with the head is a title; a long one is a quoted statement.
        if (
            0 < close - mention.start <= 120
            and len(quoted) <= 7
            and "\n" not in text[mention.start : close]
            and not any(word.startswith("ي") and len(word) > 3 for word in quoted)
        ):
            mention.name = (mention.start, close)
            mention.proper = True
            mention.end = close
            return
    intro = table.intro.match(text, mention.head_end)
    if intro and not intro.group("intro"):
        # A bare quote right after the head is its title if it reads like one: two words or more,
        # not opening with a verb (الاتفاقية "تمنح …"), nor after a comma (a quote that follows).
        title = intro.group("title").split()
        between = text[mention.head_end : intro.start("title")]
        if (
            len(title) < 2
            or len(title) > 8
            or _THAT_WORD.search(intro.group("title"))
            or "," in between
            or not title[0][0].isalpha()
            or (_VERB_SHAPED.match(title[0]) and not _MASDAR_SHAPED.match(title[0]))
        ):
            intro = None
    if intro:
        mention.quoted = intro.span("title")
        mention.proper = True
    position = mention.head_end
    last = mention.head_end
    taken = 0
    closed = False
    date_at = {d.start: d for d in ctx.dates_in(mention.head_end, mention.head_end + 80)}
    actor_spans = {
        a.start: (a.end, a.actor.kind) for a in ctx.actors_in(mention.head_end, mention.head_end + 80)
    }
    while taken < 6:
        match = _WORD.match(text, position)
        if not match:
            break
        word = match.group("word")
        word_start = match.start("word")
        if "\n" in text[position:word_start]:
            break  # a name ends with its line (a dateline or a heading follows)
        if word_start in date_at and taken == 0 and date_at[word_start].date.rule == "holiday":
            # هدنة عيد الفطر: a truce named by the feast it kept; nothing follows the feast's name.
            position = last = date_at[word_start].end
            taken += 1
            closed = mention.proper = True
            continue
        if word_start in date_at or word.isdigit():
            break
        if word_start in actor_spans and actor_spans[word_start][0] > word_start and not mention.definite:
            position = last = actor_spans[word_start][0]
            # إعلان جنيف names a declaration; إعلان الرئاسة is an announcement.  (Only right after
            # the head: in عقد الرئيس الفلسطيني the country is the president's, not a name.)
            mention.proper = mention.proper or (
                taken == 0 and actor_spans[word_start][1] in ("place", "country")
            )
            taken += 1
            continue
        bare = word[1:] if word.startswith("و") and word[1:].startswith("ال") else word
        if word in table.stops or bare in table.stops:
            field_words = table.field.match(text, word_start) if word == "في" else None
            if field_words:
                # في مجال الطاقة، في مشروع إنشاء …: the field goes with the name, and a new
                # construct starts after it.
                position = last = field_words.end()
                closed = False
                continue
            break
        if taken == 0 and not mention.definite and _PURPOSE_COMPLEMENT.match(word):
            # اتفاقية للتعاون الاقتصادي, مذكرة تفاهم لمكافحة الإرهاب: a ل-complement names what it is for.
            position = last = match.end()
            taken += 1
            continue
        if _PREPOSED.match(word) or _SUFFIXED_PREPOSITION.match(word):
            break
        if bare.startswith("ال"):
            if bare is not word and taken == 0:
                break
            if mention.definite and not _ADJECTIVE.match(bare):
                break  # الاتفاق + a definite noun is no construct: only adjectives follow (الاتفاق النووي)
            closed = True
        elif mention.definite or closed or word.startswith("و"):
            break  # after a definite word only its adjectives follow
        elif _VERB_SHAPED.match(word) and not _MASDAR_SHAPED.match(word):
            break
        position = last = match.end()
        taken += 1
    own_name = " " in mention.head and mention.kind in ("agreement", "treaty")
    if last > mention.head_end or mention.kind == "ceasefire" or own_name:
        # اتفاق سلام names what the agreement is (مذكرة تفاهم alone does not).
        mention.name = (mention.start, last)
        mention.end = last
        rest = text[mention.head_end : last].split()
        mention.praise = bool(rest) and not mention.proper and all(word in table.praise for word in rest)
    if mention.quoted:
        mention.name = mention.quoted


def _compatible(draft: AgreementDraft, mention: AgreementMention) -> bool:
    if draft.kind == mention.kind:
        return True
    return mention.head in _GENERIC_HEADS and mention.name is None


def _same_name(ctx: Context, one: tuple[int, int], other: tuple[int, int]) -> bool:
    first, second = (_HEAD_VARIANT.sub("اتفاق", ctx.text[a:b]) for a, b in (one, other))
    return first == second or first in second or second in first


def _one_word(ctx: Context, name: tuple[int, int]) -> bool:
    """A name that is the head noun alone (``الهدنة``)."""
    return " " not in ctx.text[name[0] : name[1]].strip()


def _named_later(ctx: Context, one: tuple[int, int], other: tuple[int, int]) -> bool:
    """``الهدنة`` and ``هدنة عيد الفطر``: the same head noun, alone in one of the two names."""
    if not (_one_word(ctx, one) or _one_word(ctx, other)):
        return False
    heads = [ctx.text[a:b].split()[0].removeprefix("ال") if b > a else "" for a, b in (one, other)]
    return heads[0] == heads[1] != ""


def resolve_mentions(
    ctx: Context, mentions: list[AgreementMention], anchored: set[int]
) -> tuple[list[AgreementDraft], dict[int, int]]:
    """Group *mentions* into agreements.

    A mention starts a new agreement when it is named differently from the one in focus, or when it
    is anchored (signed, reached, or described) and nothing compatible came before; an unnamed
    mention refers back to the last compatible agreement.  Returns the drafts and, per mention
    index, its draft index.
    """
    drafts: list[AgreementDraft] = []
    owner: dict[int, int] = {}
    last_sentence: dict[int, int] = {}
    for index, mention in enumerate(mentions):
        if mention.counted:
            continue
        sentence = ctx.sentence_index(mention.start)
        name = None if mention.praise else mention.name
        target: int | None = None
        for candidate in range(len(drafts) - 1 if not mention.another else -1, -1, -1):
            draft = drafts[candidate]
            if not _compatible(draft, mention):
                continue
            if name is not None and draft.name is not None and not _same_name(ctx, name, draft.name):
                if draft.kind != "ceasefire" or not _named_later(ctx, draft.name, name):
                    continue
                # الهدنة … هدنة عيد الفطر … الهدنة: one truce, named once by the feast it kept.
                if _one_word(ctx, draft.name):
                    draft.name = name
            # A fresh indefinite "an agreement" that is signed is new unless the last one is close.
            fresh = name is None and not mention.definite and index in anchored
            if fresh and sentence - last_sentence[candidate] > 2:
                break
            target = candidate
            break
        if target is None:
            if mention.back_only:
                continue
            if mention.negated or (index not in anchored and mention.name is None):
                continue
            if mention.name is not None and not (index in anchored or mention.proper or mention.definite):
                continue
            drafts.append(AgreementDraft(kind=mention.kind))
            target = len(drafts) - 1
        draft = drafts[target]
        draft.mentions.append(mention)
        if draft.name is None and name is not None:
            draft.name = name
        if draft.described is None and mention.praise:
            draft.described = mention.name
        owner[index] = target
        last_sentence[target] = sentence
    return drafts, owner
