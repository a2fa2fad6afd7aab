"""Provision openers and the clause splitter, on normalized text.

Agreements list their provisions as run-on enumerations: ``نصت الاتفاقية على
المشاركة في التدريبات والمناورات العسكرية، وتنظيم المؤسسات …``.  `find_openers`
finds where such a list starts (``data/clauses.toml``, role ``opener``);
`split_provisions` cuts it into items:

- at commas and semicolons, and before joiners (``وكذلك``, ``وفي``, ``فضلا عن``);
- before ``و`` when it joins a new verbal noun without ``ال`` (``وتنظيم``, ``وحث``), or a
  definite one that governs a preposition (``والتأكد من``) after an item of a few words, but not
  inside a noun phrase (``الحدود البرية والبحرية``, ``دخول ومرور القوات`` stay whole);
- ``من خلال …`` / ``عبر …`` details become sub-items of the item before them;
- joining words are trimmed from each item, and a relative clause (``التي …``) ends the list.

>>> from libnews.resources import default_resources
>>> from libnews.text.normalize import fold
>>> text = fold("المشاركة في التدريبات والمناورات العسكرية، وتنظيم المؤسسات")
>>> [text[p.start:p.end] for p in split_provisions(text, 0, len(text), default_resources())]
['المشاركه في التدريبات والمناورات العسكريه', 'تنظيم المؤسسات']
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from libnews.match.events import VERB_PREFIXES, phrase_alternation
from libnews.match.word_gate import GatedPattern, LetterRuns, letter_runs, surface_runs
from libnews.resources import Resources
from libnews.resources.events_schema import ClauseMarkerEntry, TopicEntry
from libnews.text.normalize import fold

__all__ = [
    "Opener",
    "Piece",
    "bullet_end",
    "clause_topics",
    "find_openers",
    "split_provisions",
]

# Verbal-noun shapes without ال (تفعيل، تفاعل، إفعال، افتعال، استفعال، مفاعلة): after a bare و
# they start a new item.
_MASDAR = (
    r"(?:ت\p{L}ا\p{L}{2}|ت\p{L}{2}ي\p{L}|ا\p{L}{2}ا\p{L}|ا\p{L}ت\p{L}ا\p{L}|است\p{L}{2}ا\p{L}"
    r"|م\p{L}ا\p{L}{2}ه)(?!\p{L})"
)
_MASDAR_AFTER = regex.compile(r"\s+(?:ال)?" + _MASDAR)
# والتأكد من …، والالتزام ب…: a definite verbal noun (form V تفعّل too) that governs a preposition
# starts a new item once the item has a few words (الحوار والمشاورات حول … stays whole).
_DEFINITE_MASDAR = (
    r"ال(?:ت\p{L}ا\p{L}{2}|ت\p{L}{2}ي\p{L}|ا\p{L}{2}ا\p{L}|ا\p{L}ت\p{L}ا\p{L}|است\p{L}{2}ا\p{L}|ت\p{L}{3})"
    r"\s+(?:(?:من|عن|علي|في|الي|مع)(?!\p{L})|ب(?=" + _MASDAR + "))"
)
_BARE_MASDAR = regex.compile(_MASDAR)
_WORDS_BEFORE_DEFINITE = 3
_WORDS_BEFORE_VERBAL_NOUN = 2
# يلتزم بموجبه باتخاذ …: the ب the verb governs, left on the first verbal noun.
_LEAD_BA = regex.compile(r"ب(?=(?:ال)?" + _MASDAR + ")")
_DETAIL = regex.compile(
    r"(?:\d|من\s(?!خلال)|ب(?!ال)\p{L}{2,}|ل(?!ل)\p{L}{3,}|ل\d|علي مدي|مدي \d|بما|مما|ما يعادل)"
)
_EDGE = " \t\n,;:.\"'()[]-–—"
# التعاون في مجالات الطاقة، والصحة، إضافة إلى السياحة: short definite nouns after a list of
# fields name more fields of the same item, not new provisions.
_FIELDS = regex.compile(r"(?<!\p{L})(?:ال)?(?:مجالات|مجالي|قطاعات|قطاعي|ميادين)(?!\p{L})")
_FIELD_NOUN = regex.compile(r"ال\p{L}+(?:\s+ال\p{L}+)?")
_SUBJECT_WORDS = 4
_NOT_THEN = r"(?!موجب|مقتضي)"
_SENTENCE_END = regex.compile(r"[.?!\n]")
# تجسيدا لما جاء في الإعلان، وفقا لما نص عليه الاتفاق: "what the agreement says", referred to, not quoted.
_WHAT_BEFORE = regex.compile(r"(?<!\p{L})(?:[لبم]|عم)?ما\s+[وف]?$")


@dataclass(frozen=True, slots=True)
class Opener:
    """Where a list of provisions starts, in normalized coordinates."""

    name: str
    needs: str
    verb_start: int
    verb_end: int
    start: int
    """First character of the provisions (after ``على``, ``في`` …)."""


@dataclass(frozen=True, slots=True)
class Piece:
    """One provision, in normalized coordinates."""

    start: int
    end: int
    parent: int | None
    """Index (in the returned list) of the item this one details."""


@dataclass(frozen=True, slots=True)
class _Markers:
    openers: tuple[tuple[ClauseMarkerEntry, GatedPattern], ...]
    cuts: regex.Pattern[str]
    trims: regex.Pattern[str]
    stops: regex.Pattern[str]
    scope: regex.Pattern[str]
    keep: frozenset[str]
    verbal_nouns: frozenset[str]
    bullets: regex.Pattern[str]
    topics: regex.Pattern[str]
    topic_of: dict[str, tuple[str, ...]]


def _forms(resources: Resources, role: str) -> list[str]:
    return [
        fold(form)
        for entry in resources.entries("clause_marker", ClauseMarkerEntry)
        if entry.role == role
        for form in entry.forms
    ]


def _build(resources: Resources) -> _Markers:
    openers = []
    for entry in resources.entries("clause_marker", ClauseMarkerEntry):
        if entry.role != "opener":
            continue
        verbs = phrase_alternation(fold(form) for form in entry.forms)
        if entry.then:
            then = phrase_alternation(fold(form) for form in entry.then)
            gap = r"(?:\s+[^\s,.;:?!]+){0,%d}?".replace("%d", str(entry.gap))
            # تلتزم بموجبه ب…: the ب of بموجب is not the one that opens the list.
            pattern = (
                r"(?<!\p{L})[وف]?(?P<verb>" + verbs + ")" + gap + r"\s+(?P<then>" + then + ")" + _NOT_THEN
            )
        else:
            pattern = r"(?<!\p{L})[وف]?(?P<verb>" + verbs + ")(?P<then>)"
        gate = surface_runs((fold(form) for form in entry.forms), VERB_PREFIXES)
        openers.append((entry, GatedPattern(regex.compile(pattern), gate)))
    joiners = phrase_alternation(_forms(resources, "joiner"))
    subs = phrase_alternation(_forms(resources, "sub_item"))
    verbal_nouns = phrase_alternation(_forms(resources, "verbal_noun"))
    cuts = regex.compile(
        r"(?P<punct>[,;:])"
        r"|(?<=\s)(?P<sub>" + subs + ")"
        r"|(?<=\s)(?P<joiner>" + joiners + ")"
        r"|(?<=\s)(?P<waw>و(?=" + _MASDAR + "))"
        r"|(?<=\s)(?P<waw_noun>و(?=(?:" + verbal_nouns + r")(?!\p{L})))"
        r"|(?<=\s)(?P<waw_definite>و(?=" + _DEFINITE_MASDAR + "))"
        # "قبول النتائج" و"توحيد المؤسسات": quoted items joined by و.
        r"|(?<=\"\s*)(?P<quoted>و)(?=\")"
    )
    trims = regex.compile(
        r"(?:" + phrase_alternation(_forms(resources, "joiner") + _forms(resources, "trim")) + r")\s*"
    )
    stops = regex.compile(phrase_alternation(_forms(resources, "stop")))
    scope = regex.compile(phrase_alternation(_forms(resources, "scope")))
    bullets = regex.compile(
        r"(?m)^\s*(?:"
        + "|".join(
            f"(?:{form})"
            for entry in resources.entries("clause_marker", ClauseMarkerEntry)
            if entry.role == "bullet"
            for form in entry.forms
        )
        + r")\s*"
    )
    topic_of: dict[str, list[str]] = {}
    for topic in resources.entries("topic", TopicEntry):
        for keyword in topic.keywords:
            topic_of.setdefault(fold(keyword), []).append(topic.topic)
    topics = regex.compile(
        r"(?<!\p{L})[وف]?(?:لل|[بلك])?(?:ال)?(?P<core>" + phrase_alternation(topic_of) + ")"
    )
    return _Markers(
        openers=tuple(openers),
        cuts=cuts,
        trims=trims,
        stops=stops,
        scope=scope,
        keep=frozenset(_forms(resources, "keep")),
        verbal_nouns=frozenset(_forms(resources, "verbal_noun")),
        bullets=bullets,
        topics=topics,
        topic_of={key: tuple(value) for key, value in topic_of.items()},
    )


def _markers(resources: Resources) -> _Markers:
    return resources.compiled("clauses.markers", _build)


def find_openers(
    text: str,
    resources: Resources,
    start: int = 0,
    end: int | None = None,
    runs: LetterRuns | None = None,
) -> list[Opener]:
    """Provision openers in ``text[start:end]`` (normalized), in text order.

    *runs* is ``letter_runs(text)`` when the caller has it already.
    """
    stop = len(text) if end is None else end
    runs = letter_runs(text) if runs is None else runs
    found = [
        Opener(entry.name, entry.needs, match.start("verb"), match.end("verb"), match.end())
        for entry, pattern in _markers(resources).openers
        if pattern.possible(runs)
        for match in pattern.finditer(text, runs, start, stop)
    ]
    found.sort(key=lambda opener: opener.verb_start)
    kept: list[Opener] = []
    for opener in found:
        if _WHAT_BEFORE.search(text, max(0, opener.verb_start - 8), opener.verb_start):
            continue
        if (
            kept
            and opener.start == opener.verb_end
            and kept[-1].start <= opener.verb_start
            and text[opener.verb_start - 1 : opener.verb_start].isspace()
            and _SENTENCE_END.search(text, kept[-1].start, opener.verb_start) is None
            and len(text[kept[-1].start : opener.verb_start].split()) > _SUBJECT_WORDS
        ):
            # ينص على إنشاء شراكة … تشمل المجالات …: a verb without و deep in the provisions of
            # its sentence describes the noun before it; it opens no list of its own (but
            # تشير إلى أن الاتفاق الجديد يتضمن …: right after an opener, it has the agreement as subject).
            continue
        if not kept or opener.verb_start >= kept[-1].start:
            kept.append(opener)
    return kept


def bullet_end(text: str, position: int, resources: Resources) -> int | None:
    """End of the list marker (``1-``, ``أولا``, ``•``) that starts the line at *position*, if any."""
    match = _markers(resources).bullets.match(text, position)
    return match.end() if match else None


_LETTER_RUN = regex.compile(r"\p{L}+")


def split_provisions(text: str, start: int, end: int, resources: Resources) -> list[Piece]:
    """Cut the provision list ``text[start:end]`` (normalized) into trimmed items."""
    markers = _markers(resources)
    bounds: list[tuple[int, int, bool]] = []  # (start, end, is_sub)
    piece_start, sub = start, False
    for match in markers.cuts.finditer(text, start, end):
        if match.group("sub") == "عبر" and not _MASDAR_AFTER.match(text, match.end()):
            continue  # عبر الأردن is "via Jordan"; عبر تأهيل … details the item
        if match.group("waw_noun") is not None or match.group("waw_definite") is not None:
            least = _WORDS_BEFORE_VERBAL_NOUN if match.group("waw_noun") else _WORDS_BEFORE_DEFINITE
            before = text[piece_start : match.start()].split()
            if (
                len(before) < least
                or before[-1].startswith("وال")
                or _BARE_MASDAR.fullmatch(before[-1]) is not None
                or before[-1] in markers.verbal_nouns
            ):
                # دخول ومرور القوات، التشغيل والهجرة وإعادة الإدماج، تشجيع وحماية الاستثمار:
                # nouns of one item, or two verbal nouns sharing their object.
                continue
        bounds.append((piece_start, match.start(), sub))
        if match.group("sub") is not None:
            sub = True
            piece_start = match.end()
        elif match.group("punct") is not None or match.group("quoted") is not None:
            piece_start = match.end()
        elif match.group("waw_noun") is not None or match.group("waw_definite") is not None:
            piece_start = match.end()  # the و only: وحث is too short for the trimming of a leading و
        else:
            piece_start = match.start()
    bounds.append((piece_start, end, sub))
    pieces: list[Piece] = []
    parent: int | None = None
    for raw_first, raw_last, is_sub in bounds:
        lead = raw_first
        while lead < raw_last and text[lead] in _EDGE:
            lead += 1
        if markers.stops.match(text, lead):
            break  # وفقا لما نقلته …: checked before a leading و is trimmed as a conjunction
        first, last = _trim(text, raw_first, raw_last, markers)
        if last - first < 2:
            continue
        if markers.stops.match(text, first):
            break
        if not pieces and markers.scope.match(text, first):
            return []  # تشمل كل دول القارة: what the agreement covers, not what it provides
        if pieces and _DETAIL.match(text, first):
            # بقيمة …، على مدى …: a detail of the item before, not an item of its own.
            pieces[-1] = Piece(pieces[-1].start, last, pieces[-1].parent)
            continue
        if not is_sub and parent == len(pieces) - 1 and _more_fields(text, pieces[-1], first, last):
            pieces[parent] = Piece(pieces[parent].start, last, None)
            continue
        if not is_sub:
            parent = len(pieces)
            pieces.append(Piece(first, last, None))
        else:
            pieces.append(Piece(first, last, parent))
    return pieces


def _more_fields(text: str, item: Piece, first: int, last: int) -> bool:
    """Whether ``text[first:last]`` only names one more field of *item*'s list of fields."""
    return (
        _FIELD_NOUN.fullmatch(text, first, last) is not None
        and _FIELDS.search(text, item.start, item.end) is not None
    )


def _trim(text: str, first: int, last: int, markers: _Markers) -> tuple[int, int]:
    for _ in range(4):
        while first < last and text[first] in _EDGE:
            first += 1
        match = markers.trims.match(text, first, last)
        if match and match.end() > first:
            first = match.end()
            continue
        if _LEAD_BA.match(text, first, last):
            first += 1
            continue
        word = _LETTER_RUN.match(text, first, last)
        if (
            word
            and word.group().startswith("و")
            and len(word.group()) >= 4
            and word.group() not in markers.keep
        ):
            first += 1
            continue
        break
    while last > first and text[last - 1] in _EDGE:
        last -= 1
    return first, last


def clause_topics(text: str, resources: Resources) -> list[str]:
    """Topic keys of a provision (normalized *text*), in ``topics.toml`` order of first match."""
    markers = _markers(resources)
    found: list[str] = []
    for match in markers.topics.finditer(text):
        for key in markers.topic_of.get(match.group("core"), ()):
            if key not in found:
                found.append(key)
    return found
