"""Actors and attributions: mentions merged into one `Actor` each, with titles and coreference.

The stage runs in this order, all in normalized coordinates until the end:

1. `find_entities`: countries, places, organizations (gazetteer and head-noun
   patterns), nationality adjectives, and the title-layer hits.
2. `grow_titles`: each title form grown to its written extent, with its
   country and organization.
3. Person names around titles, reporting verbs, quotes and appositions.
4. Titles attached to people (before, after, in apposition, chained).
5. Coreference: a surname or part of a name joins the full name; a bare title
   (``الوزير الليبي``, ``نظيره الإيطالي``) joins the person holding it;
   ``حكومة طرابلس`` joins the government of the country whose capital it names.
6. Ids ``a1``, ``a2``… in order of first mention; spans cut from the original.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from typing import TypeVar

import regex

from libnews.document import Document
from libnews.match.actors import (
    NASAB,
    REGNAL_ORDINALS,
    EntityMention,
    Tokens,
    common_word_shape,
    find_entities,
    is_given,
    read_name,
)
from libnews.match.attribution import find_attributions
from libnews.match.lexicon import Lexicon, Listed, actor_lexicon, clitic_surface, name_words
from libnews.match.titles import TitleMention, grow_titles, is_honorific
from libnews.models import Actor, ActorKind, Attribution, Title
from libnews.text.aligned import AlignedText
from libnews.text.normalize import fold

T = TypeVar("T")

__all__ = ["find_actors"]

# Between a title and the name it introduces: spaces, a short gloss in parentheses
# (رئيس برلمان طبرق (شرق) عقيلة صالح), a comma, an opening quote.
_TITLE_TO_NAME = regex.compile(r'[ ]*(?:\([^()\n]{1,20}\)[ ]*)?,?[ ]*"?')
# Between a name and the title that follows it in apposition.
_NAME_TO_TITLE = regex.compile(r'"?[ ]*,?[ ]*')
# A seat clause is the spaces and comma of _TITLE_TO_NAME's kind, then the clause itself.  Two
# patterns, not one: `regex` answers a match() whose pattern opens with `[ ]*` and needs a literal
# by scanning the rest of the text for that literal, which made each call cost the article's length.
# The clause cannot start with a space or a comma, so the greedy gap is the only one that can fit.
_GAP = regex.compile(r"[ ]*,?[ ]*")
_SEAT_CLAUSE = regex.compile(r"(?:و|الذي |التي )?مقر(?:ه|ها) (?:ال\w+ ال\w+|\w+)(?=[ ]*,?[ ])")
# How a seat clause starts: checked before running the pattern, which seldom matches.
_SEAT_OPENINGS = ("مقر", "ومقر", "الذي مقر", "التي مقر")
_QUOTED = regex.compile(r'"([^"\n]{2,60})"')
_QUOTES = regex.compile(r"[\"«»“”']")
# Invisible format characters (RLM, ZWJ, BOM …) and tatweel sit inside names in real text;
# a name is reported without them (its mentions keep them, as spans must).
_INVISIBLE = regex.compile(r"[\p{Cf}\u0640]")
_PUNCT = regex.compile(r"[.,;:!?()\[\]\"'\n-]")


@dataclass(slots=True)
class _Person:
    start: int
    end: int
    words: tuple[str, ...]
    titles: list[TitleMention] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    loose: bool = False
    """Read from unknown words after a title (less sure than a known given name)."""
    generic: bool = False
    """… after a title that names no country or body (``الرئيس``)."""
    display: str | None = None
    """The name to report when the text names the person by a surname only (``بشار الأسد``)."""
    lam: set[tuple[int, int]] = field(default_factory=set)
    """Mentions written after ل without the article's alef (للأسد): their name is ا + the text."""


@dataclass(slots=True)
class _Cluster:
    kind: ActorKind
    name: str
    key: str
    country: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    titles: list[TitleMention] = field(default_factory=list)
    org_type: str | None = None
    head: str | None = None
    words: tuple[str, ...] = ()
    gazetteer: bool = True
    nisba: bool = False
    """The name carries a nationality adjective (``الخارجية الروسية``)."""
    actor_id: str = ""
    lam: set[tuple[int, int]] = field(default_factory=set)
    """Mentions written after ل without the article's alef: their name is ا + the text."""
    referring: set[tuple[int, int]] = field(default_factory=set)
    """Mentions that refer without naming (bare titles): not aliases."""


def _coverage(size: int, spans: Iterable[tuple[int, int]]) -> bytearray:
    """One byte per character of a text of *size* characters: 1 where one of *spans* covers it."""
    covered = bytearray(size + 1)
    for start, end in spans:
        if end > start:
            covered[start:end] = b"\x01" * (end - start)
    return covered


def _form_span(tokens: Tokens, i: int, form: str) -> tuple[int, int]:
    """Where *form*, one of token *i*'s clitic readings (`Tokens.variants`), stands in the text."""
    if _after_lam(tokens.texts[i], form):
        return tokens.starts[i] + 1, tokens.ends[i]
    return tokens.ends[i] - len(form), tokens.ends[i]


def _after_lam(word: str, form: str) -> bool:
    """Whether *form* (الأسد) is read in *word* after ل, which dropped its alef (للأسد)."""
    return form.startswith("ال") and word.startswith("لل")


def _mark(tokens: Tokens, spans: list[tuple[int, int]]) -> set[int]:
    """Starts of the tokens lying inside any of *spans*."""
    blocked: set[int] = set()
    starts, ends = tokens.starts, tokens.ends
    count = len(starts)
    for start, end in spans:
        i = max(tokens.covering(start), 0)
        while i < count and starts[i] < end:
            if ends[i] > start:
                blocked.add(starts[i])
            i += 1
    return blocked


def _eponym_names(
    tokens: Tokens, titles: list[TitleMention], lexicon: Lexicon
) -> dict[tuple[int, int], tuple[int, int]]:
    """Titles that, with the name after them, name a place or institution (جامعة الملك سعود).

    Returns each such title's span -> the span of the title and the name, which is nobody of
    the article: a title right after an `eponym_heads` noun (``جامعة``, ``مستشفى``) and up to
    three name words after it (more through بن), to punctuation or the next title.
    """
    found: dict[tuple[int, int], tuple[int, int]] = {}
    title_starts = {t.start for t in titles}
    for title in titles:
        i = tokens.at_start(title.start)
        if i is None or i == 0 or not tokens.joined(i - 1):
            continue
        if tokens.texts[i - 1] not in lexicon.eponym_heads:
            continue
        last = tokens.at_end(title.end)
        if last is None:
            continue
        end, words, k = title.end, 0, last + 1
        while k < len(tokens) and tokens.joined(k - 1) and tokens.starts[k] not in title_starts:
            word = tokens.texts[k]
            if word in lexicon.stop and word not in ("بن", "ابن"):
                break
            if words >= 3 and tokens.texts[k - 1] not in ("بن", "ابن") and word not in ("بن", "ابن"):
                break
            end, words, k = tokens.ends[k], words + 1, k + 1
        if words:
            found[(title.start, title.end)] = (title.start, end)
    return found


def _is_boundary_before(tokens: Tokens, i: int, lexicon: Lexicon, title_ends: set[int]) -> bool:
    if i == 0:
        return True
    if _PUNCT.search(tokens.gap(i - 1)):
        return True
    return tokens.ends[i - 1] in title_ends or any(
        w in lexicon.stop or w in lexicon.reporting_verbs for w in tokens.variants(i - 1)
    )


def _find_persons(
    tokens: Tokens,
    lexicon: Lexicon,
    titles: list[TitleMention],
    *,
    blocked: set[int],
    honorific_spans: list[tuple[int, int]],
    title_blocked: set[int],
    name_after: dict[int, int],
) -> list[_Person]:
    text = tokens.text
    candidates: list[_Person] = []
    title_ends = {t.end for t in titles}
    honorific_at = dict(honorific_spans)

    def add(i: int, j: int | None, *, loose: bool = False, generic: bool = False, clitic: int = 0) -> None:
        if j is None or j < i:
            return
        start, end = tokens.starts[i] + clitic, tokens.ends[j]
        words = (tokens.texts[i][clitic:], *tokens.texts[i + 1 : j + 1])
        candidates.append(_Person(start, end, words, loose=loose, generic=generic))

    # 1. After a title (and honorifics), possibly in quotes or after a comma.
    for title in titles:
        position = name_after[title.end]
        i = tokens.at_start(position)
        if i is None:
            continue
        if text[position - 1 : position] == '"':
            close = text.find('"', position)
            if 0 < close - position <= 50:
                j = tokens.at_end(close)
                # A quoted name after a title is a name even where its words are also a place;
                # one quoted word with the article is a term ("القوات"), not a name.
                # Nor one word shaped like a common word: مدير عام "مواصفات" names a body.
                single_definite = j == i and (
                    tokens.texts[i].startswith("ال") or common_word_shape(tokens.texts[i], lexicon)
                )
                if (
                    j is not None
                    and not single_definite
                    and all(tokens.texts[k] not in lexicon.stop for k in range(i, min(j + 1, len(tokens))))
                    and j - i < 5
                    and all(tokens.starts[k] not in title_blocked for k in range(i, j + 1))
                ):
                    add(i, j)
                    continue
        end = read_name(tokens, i, lexicon, blocked, loose=title.complete)
        # A nasab (مفرج بن سعد الحقباني) is as sure a name as a known given name.
        loose = not is_given(tokens.texts[i], lexicon) and not (
            end is not None and any(tokens.texts[k] in NASAB for k in range(i + 1, end))
        )
        if end is None or end == i:
            # صلاح الدين النمروش: a given name that is also a place.
            strict = read_name(tokens, i, lexicon, title_blocked, loose=False, weak=False)
            if strict is not None and strict > i:
                end, loose = strict, False
        if end is not None and "," in text[title.end : tokens.starts[i]]:
            # TITLE، NAME، : the apposition runs to the next comma, and must be closed by one
            # unless the name starts with a known given name.
            strict = read_name(tokens, i, lexicon, blocked, loose=False, weak=False)
            k = end
            while k + 1 < len(tokens) and tokens.joined(k) and k - i < 4:
                if tokens.starts[k + 1] in blocked or tokens.texts[k + 1] in lexicon.stop:
                    break
                k += 1
            if k + 1 < len(tokens) and tokens.gap(k).strip(" ") in (",", "."):
                end = k
            elif strict is None:
                end = None
        add(i, end, loose=loose, generic=loose and not title.specific)

    # 1b. After an honorific alone (والسيدة روز كوتامولر): the honorific says a name follows.
    title_starts = {t.start for t in titles}
    for _, honorific_end in honorific_spans:
        position = _skip_to_name(text, honorific_end, honorific_at)
        i = tokens.at_start(position)
        if i is None or position in title_starts or position in honorific_at:
            continue
        # A given name first, and a second word after it.
        if not is_given(tokens.texts[i], lexicon):
            continue
        end = read_name(tokens, i, lexicon, blocked, loose=True)
        if end is not None and end > i:
            add(i, end)

    # 2. Before a title in apposition: فايز السراج، رئيس المجلس الرئاسي.
    for title in titles:
        t = tokens.at_start(title.start)
        if t is None:
            t = tokens.covering(title.start)
        # A name read never ends on a blocked token: none can end right before this title.
        if t <= 0 or tokens.starts[t - 1] in blocked or _NAME_TO_TITLE.fullmatch(tokens.gap(t - 1)) is None:
            continue
        # A name is words joined by spaces: it cannot start before the last other gap.
        first = t - 1
        while first > max(0, t - 5) and tokens.joined(first - 1):
            first -= 1
        for s in range(first, t):
            if tokens.starts[s] in blocked:
                continue
            end = read_name(tokens, s, lexicon, blocked, loose=False)
            if end == t - 1 and _is_boundary_before(tokens, s, lexicon, title_ends):
                add(s, end)
                break
        else:
            # مع ينس ستولتنبرغ، أمين عام …: two unknown words closed by a comma and a title.
            s = t - 2
            if (
                s >= first
                and "," in tokens.gap(t - 1)
                and tokens.starts[s] not in blocked
                and _is_boundary_before(tokens, s, lexicon, title_ends)
                and read_name(tokens, s, lexicon, blocked, loose=True) == t - 1
            ):
                add(s, t - 1, loose=True)

    # 3. Names after reporting verbs, and names led by a known given name anywhere.
    given = lexicon.given
    texts = tokens.texts
    # Only words after a reporting verb or that are given names may start a name here.
    openers = sorted(
        {*tokens.listed(lexicon, Listed.GIVEN)}
        | {i + 1 for i in tokens.listed(lexicon, Listed.REPORTING) if tokens.joined(i)}
    )
    # A name read after a title is surer than one a given name inside it starts (قيس سعيد | بقصر).
    inside = _coverage(len(text), ((p.start + 1, p.end) for p in candidates if not p.loose))
    for i in openers:
        if inside[tokens.starts[i]]:
            continue
        if tokens.starts[i] in blocked:
            # صلاح الدين النمروش: a given name that is also a place, when a family name follows
            # the place's words.
            if tokens.starts[i] not in title_blocked and texts[i] in given:
                end = read_name(tokens, i, lexicon, title_blocked, loose=False, weak=False)
                if end is not None and end > i and tokens.starts[end] not in blocked:
                    add(i, end)
            continue
        # Only the given names of the data lists here: pyarabic's (كامل، حسن، خيار) are also
        # common words, trusted only next to a title or in quotes.
        end = read_name(tokens, i, lexicon, blocked, loose=False, weak=False)
        if end is not None and end > i:
            add(i, end)
            first, last = tokens.starts[i] + 1, tokens.ends[end]
            inside[first:last] = b"\x01" * (last - first)
    ends = {p.end for p in candidates} | title_ends
    # A name joined to the one before by و (فايز السراج وخليفة حفتر): a known given name after
    # the conjunction, and a family name after it.
    for i in tokens.listed(lexicon, Listed.WAW_GIVEN):
        if (
            tokens.starts[i] not in blocked
            and i > 0
            and (tokens.ends[i - 1] in ends or tokens.gap(i - 1).strip(" ") == ",")
        ):
            end = read_name(tokens, i, lexicon, blocked, loose=False, weak=False, clitic=1)
            if end is not None and end > i:
                add(i, end, clitic=1)

    # 4. Quoted names: «لورينسو غويريني».
    for match in _QUOTED.finditer(text):
        i, j = tokens.at_start(match.start(1)), tokens.at_end(match.end(1))
        if i is None or j is None or j - i > 3:
            continue
        end = read_name(tokens, i, lexicon, blocked, loose=False)
        if end == j and j > i:
            add(i, j)

    from libnews.match.phrases import select_longest  # noqa: PLC0415

    chosen = select_longest(candidates)
    # After a bare role (الرئيس، المستشار) unknown words are a name only if the article says
    # so twice: the same reading again, or the surname of a name read elsewhere.
    readings = Counter(p.words[0] for p in chosen if p.loose)
    known = {w for p in chosen if not p.loose for w in p.words[1:]}
    family = lexicon.family
    chosen = [
        p
        for p in chosen
        if not p.generic or readings[p.words[0]] > 1 or p.words[0] in known or p.words[0] in family
    ]
    # مرسي أدى، مبارك طلب: a two-word reading whose first word is another name's surname is
    # that surname alone (unless its second word is a surname too, or a given name).
    lasts = Counter(p.words[-1] for p in chosen if len(p.words) > 1 and not p.loose)
    for person in chosen:
        second = person.words[1] if len(person.words) == 2 else ""
        own = 1 if second and not person.loose else 0
        first_is_surname = person.words[0] in lasts or person.words[0] in lexicon.family
        if (
            second
            and first_is_surname
            and lasts[second] <= own
            and second not in lexicon.given
            and second not in REGNAL_ORDINALS
        ):
            person.words = person.words[:1]
            person.end = person.start + len(person.words[0])
    return chosen


def _skip_to_name(text: str, position: int, honorific_at: dict[int, int]) -> int:
    """Past the spaces, comma, quote and honorifics that may stand between a title and a name."""
    # رئيس مجلس الدولة ومقره طرابلس خالد المشري: where the body sits, said in passing.
    gap = _GAP.match(text, position)
    seat = (
        _SEAT_CLAUSE.match(text, gap.end())
        if gap is not None and text.startswith(_SEAT_OPENINGS, gap.end())
        else None
    )
    position = seat.end() if seat else position
    while True:
        match = _TITLE_TO_NAME.match(text, position)
        position = match.end() if match else position
        if position not in honorific_at:
            return position
        position = honorific_at[position]


def _attach_titles(
    persons: list[_Person], titles: list[TitleMention], text: str, name_after: dict[int, int]
) -> list[TitleMention]:
    """Attach titles to the people they name; returns the titles left over (bare titles).

    *name_after* maps each title's end to where a name after it would start (`_skip_to_name`).
    """
    used: set[int] = set()
    by_start = {t.start: n for n, t in enumerate(titles)}
    # Backward: a title right before the name (spaces, a comma, a quote or honorifics between).
    person_at = {p.start: p for p in persons}
    for n, title in enumerate(titles):
        person = person_at.get(name_after[title.end])
        # المتحدث باسم غني: the name after باسم is whom the spokesperson speaks for.
        if person is not None and not text.endswith("باسم", 0, title.end):
            person.titles.append(title)
            used.add(n)
            _chain_back(person, titles, n, used, text)
    for person in persons:
        # Forward: titles in apposition after the name, possibly a chain of them.
        position = person.end
        while True:
            match = _NAME_TO_TITLE.match(text, position)
            nxt = by_start.get(match.end() if match else position)
            if nxt is None or nxt in used or titles[nxt].counterpart:
                break
            person.titles.append(titles[nxt])
            used.add(nxt)
            position = titles[nxt].end
    return [t for n, t in enumerate(titles) if n not in used]


def _chain_back(person: _Person, titles: list[TitleMention], n: int, used: set[int], text: str) -> None:
    """خادم الحرمين الشريفين العاهل السعودي الملك سلمان: titles of the same role and no other
    country, one right after the other, all name the person the last one names.

    (Not titles of another role or country: in استقبل الرئيس المصري وزير الخارجية الأمريكي
    بلينكن, the first is the verb's subject.)
    """
    last = titles[n]
    k = n - 1
    while k >= 0 and k not in used:
        title = titles[k]
        if text[title.end : last.start].strip(" ") or title.role is None or title.role != last.role:
            break
        if title.country and person.country and title.country != person.country:
            break
        if title.country and last.country and title.country != last.country:
            break
        person.titles.append(title)
        used.add(k)
        last = title
        k -= 1


def _fit(bare: TitleMention, bare_text: str, person: _Person, text: str) -> int:
    """How well a bare title fits a person: 3 same words, 2 same role, 1 same family, 0 not."""
    if bare.country is not None and person.country not in (None, bare.country):
        return 0
    if bare.counterpart:
        return 1 if bare.country is not None and person.country == bare.country else 0
    best = 0
    for title in person.titles:
        if title.counterpart or not title.role or not bare.role:
            continue
        if bare.country and title.country and bare.country != title.country:
            continue
        # رئيس صندوق طريق الحرير does not make its holder رئيس دولة الإمارات.
        if bare.organization is not None and (
            title.organization is None or title.organization.key != bare.organization.key
        ):
            continue
        if (
            title.organization is not None
            and bare.organization is None
            and bare.country is not None
            and (title.country or title.organization.country) != bare.country
        ):
            continue
        if text[title.start : title.end] == bare_text:  # both already folded
            best = max(best, 3)
        elif title.role == bare.role or title.role.startswith(bare.role + "."):
            best = max(best, 2)
        elif "." not in bare.role and bare.category == title.category:
            best = max(best, 1)
    return best


def _dynasty_country(words: tuple[str, ...], lexicon: Lexicon) -> str | None:
    """The country of a ruling family named in *words* (محمد بن زايد آل نهيان → AE)."""
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            country = lexicon.dynasties.get(words[start : start + size])
            if country is not None:
                return country
    return None


def _alone_country(words: tuple[str, ...], lexicon: Lexicon, *, titled: bool = False) -> str | None:
    """The country of a known public figure named by a surname of theirs alone (الرئيس دوتيرتي);
    after a title, any listed person's last name will do (الرئيس مرسي), if only one country has it."""
    if len(words) != 1:
        return None
    known = lexicon.known_alone.get(words[0])
    if known is not None:
        return known[1]
    return lexicon.known_last.get(words[0]) if titled else None


def _known_country(words: tuple[str, ...], lexicon: Lexicon) -> str | None:
    """The country of a known public figure named by *words* (``persons.toml``).

    The name may hold a whole listed name (محمد بن زايد آل نهيان ⊃ محمد بن زايد) or be two or
    more consecutive words of one; words shared by people of different countries tell nothing.
    """
    canonical = name_words(words)
    for size in range(len(canonical), 1, -1):
        for start in range(len(canonical) - size + 1):
            part = canonical[start : start + size]
            if part in lexicon.known_full:
                return lexicon.known_persons.get(part)
    return lexicon.known_persons.get(canonical) if len(canonical) > 1 else None


def _resolve_bare_titles(bare: list[TitleMention], persons: list[_Person], text: str) -> None:
    """A title with no name next to it refers to the person holding it.

    The best fit wins (same words, then same role, then same family of titles);
    among equals the most recent person before it, else the first after it.
    """
    named = [(p, _Person(p.start, p.end, p.words, list(p.titles), country=p.country)) for p in persons]
    # Only people holding a title of the same words, role (or a narrower one) or family can fit a
    # bare title, and a counterpart only people of its country: index them so (scoring every bare
    # title against every person is quadratic).
    by_text: dict[str, list[int]] = {}
    by_role: dict[str, list[int]] = {}
    by_category: dict[object, list[int]] = {}
    by_country: dict[str, list[int]] = {}
    for n, (_, holder) in enumerate(named):
        if holder.country is not None:
            by_country.setdefault(holder.country, []).append(n)
        for title in holder.titles:
            by_text.setdefault(text[title.start : title.end], []).append(n)
            by_category.setdefault(title.category, []).append(n)
            if title.role:
                parts = title.role.split(".")
                for size in range(1, len(parts) + 1):
                    by_role.setdefault(".".join(parts[:size]), []).append(n)
    # A fit depends on what the bare title says, not where it is: worked out once per kind
    # of bare title (an article may repeat الرئيس a hundred times).
    fitted: dict[tuple[object, ...], _Holders | None] = {}
    for title in bare:
        bare_text = text[title.start : title.end]
        organization = title.organization.key if title.organization is not None else None
        key = (bare_text, title.role, title.category, title.country, title.counterpart, organization)
        if key not in fitted:
            if title.counterpart:
                candidates = set(by_country.get(title.country, ())) if title.country is not None else set()
            elif title.role:
                candidates = {*by_text.get(bare_text, ()), *by_role.get(title.role, ())}
                if "." not in title.role:
                    candidates.update(by_category.get(title.category, ()))
            else:
                candidates = set()
            scored = [
                (score, named[n][0])
                for n in sorted(candidates)
                for score in (_fit(title, bare_text, named[n][1], text),)
                if score
            ]
            best = max((score for score, _ in scored), default=0)
            fitted[key] = _Holders([p for score, p in scored if score == best]) if scored else None
        holders = fitted[key]
        if holders is None:
            continue
        target = holders.before(title.start)
        target.mentions.append((title.start, title.end))
        target.titles.append(title)


class _Holders:
    """The people a kind of bare title fits best, in the order they were scored."""

    def __init__(self, fits: list[_Person]) -> None:
        order = sorted(range(len(fits)), key=lambda n: (fits[n].start, n))
        self._fits = fits
        self._starts = [fits[n].start for n in order]
        # The latest-scored of the first k people by start, for each k.
        self._latest: list[int] = list(accumulate(order, max))
        self._earliest = fits[order[0]]

    def before(self, position: int) -> _Person:
        """The last-scored fit that starts before *position*, else the one that starts first."""
        count = bisect_left(self._starts, position)
        return self._fits[self._latest[count - 1]] if count else self._earliest


def _merge_persons(
    persons: list[_Person], tokens: Tokens, lexicon: Lexicon, blocked: set[int]
) -> list[_Person]:
    """One person per name: shorter names that are part of a longer one join it."""
    merged: list[_Person] = []
    # A name is part of another only if each of its words is one of the other's: look only among
    # the names holding its rarest word (comparing every name with every other is quadratic).
    holding: dict[str, list[int]] = {}
    for person in sorted(persons, key=lambda p: -len(p.words)):
        home = None
        if person.words:
            rarest = min(person.words, key=lambda word: len(holding.get(word, ())))
            for n in holding.get(rarest, ()):
                if _part_of(person.words, merged[n].words):
                    home = merged[n]
                    break
        else:
            home = next((other for other in merged if _part_of(person.words, other.words)), None)
        if home is None:
            person.mentions.append((person.start, person.end))
            for word in set(person.words):
                holding.setdefault(word, []).append(len(merged))
            merged.append(person)
        else:
            home.mentions.append((person.start, person.end))
            home.titles.extend(person.titles)
            alias = " ".join(person.words)
            if alias not in home.aliases:
                home.aliases.append(alias)
    # Surnames and tails of names standing alone elsewhere: «السراج», وقال بوتين, داود أوغلو.
    tails: dict[str, _Person] = {}
    for person in merged:
        if len(person.words) < 2:
            continue
        last = person.words[-1]
        if len(last) >= 3 and last not in lexicon.stop:
            tails.setdefault(last, person)
    # Characters already inside a person's mention.
    covered = _coverage(len(tokens.text), (span for person in merged for span in person.mentions))
    if tails:
        text = tokens.text
        surface = clitic_surface(tails)
        found = [i for i, word in enumerate(tokens.texts) if word in surface]
        for i, form, holder in _first_readings(tokens, found, blocked, tails):
            span = _form_span(tokens, i, form)
            start, tok_end = span[0], tokens.ends[i]
            if covered.find(0, span[0], span[1]) == -1 and span[1] > span[0]:
                continue
            if form.startswith("ال") or form in lexicon.given:
                # Also a word or a given name (عباس): a surname only quoted or after a verb.
                quoted = text[max(0, start - 1) : start] == '"' or text[tok_end : tok_end + 1] == '"'
                near_verb = i > 0 and tokens.texts[i - 1] in lexicon.reporting_surface
                if not (quoted or near_verb):
                    continue
            # Two-word tails (داود أوغلو) are found as the second word's mention grows left.
            if i > 0 and tokens.joined(i - 1) and len(holder.words) >= 3:
                prev = tokens.texts[i - 1]
                if prev == holder.words[-2] and tokens.starts[i - 1] not in blocked:
                    span = (tokens.starts[i - 1], tok_end)
            holder.mentions.append(span)
            alias = text[span[0] : span[1]]
            if alias not in holder.aliases and " ".join(holder.words) != alias:
                holder.aliases.append(alias)
            covered[span[0] : span[1]] = b"\x01" * (span[1] - span[0])
    return merged


def _first_readings(
    tokens: Tokens, found: list[int], blocked: set[int], table: Mapping[str, T]
) -> Iterator[tuple[int, str, T]]:
    """For each token of *found* not *blocked*, its first clitic reading that *table* holds:
    (token index, the reading, its value)."""
    for i in found:
        if tokens.starts[i] in blocked:
            continue
        for form in tokens.variants(i):
            value = table.get(form)
            if value is not None:
                yield i, form, value
                break


def _add_known_surnames(
    persons: list[_Person],
    tokens: Tokens,
    lexicon: Lexicon,
    blocked: set[int],
    *,
    entities: list[EntityMention],
    titles: list[TitleMention],
) -> None:
    """Mentions of known people by a surname alone (وقال أردوغان، لا دور للأسد), from ``persons.toml``.

    The surname joins a person of the article whose name ends with it; otherwise it is the known
    person, named in full.  A surname that is also a common word (ال…) counts only when the
    article names the person's country.
    """
    found = tokens.listed(lexicon, Listed.KNOWN_ALONE)
    if not found:
        return
    covered = _coverage(len(tokens.text), (span for person in persons for span in person.mentions))
    named: set[str] | None = None  # the countries the article names, gathered when first needed
    by_name: dict[str, _Person] = {}
    for i, form, (full, country) in _first_readings(tokens, found, blocked, lexicon.known_alone):
        tok_start, tok_end, word = tokens.starts[i], tokens.ends[i], tokens.texts[i]
        span = _form_span(tokens, i, form)
        if covered.find(1, span[0], span[1]) != -1:
            continue
        if form == word and _extend_name(persons, tokens, i):
            covered[tok_start:tok_end] = b"\x01" * (tok_end - tok_start)
            continue
        holder = next((p for p in persons if p.words and p.words[-1] == form), None)
        if holder is None and form.startswith("ال"):
            if named is None:
                named = {m.country for m in entities if m.country}
                named |= {t.country for t in titles if t.country}
            if country not in named:
                continue
        if holder is None:
            holder = by_name.get(full)
        if holder is None:
            holder = _Person(span[0], span[1], (form,), country=country, display=full)
            by_name[full] = holder
            persons.append(holder)
        holder.mentions.append(span)
        if _after_lam(word, form):
            holder.lam.add(span)
        covered[span[0] : span[1]] = b"\x01" * (span[1] - span[0])


def _extend_name(persons: list[_Person], tokens: Tokens, i: int) -> bool:
    """Let token *i* end the name written just before it (الباجي قايد السبسي), if there is one."""
    if i == 0 or not tokens.joined(i - 1):
        return False
    before, end = tokens.ends[i - 1], tokens.ends[i]
    for person in persons:
        if person.end == before:
            person.mentions = [
                (s, end) if (s, e) == (person.start, before) else (s, e) for s, e in person.mentions
            ]
            person.end = end
            person.words = (*person.words, tokens.texts[i])
            return True
    return False


def _part_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    if len(short) >= len(long):
        return short == long
    size = len(short)
    # محمد بن سلمان is part of محمد بن سلمان بن عبدالعزيز; سلمان بن عبدالعزيز is the father.
    first = 0 if size >= 2 else 1
    return any(
        long[offset : offset + size] == short and (offset == 0 or long[offset - 1] not in NASAB)
        for offset in range(first, len(long) - size + 1)
    )


# Titles and bodies an outlet leaves unmarked when they are its own country's.  (A bare
# الرئيس is not among them: the press also writes other countries' presidents so.)
_GOVERNMENT_TITLES = frozenset({"minister", "head_of_government"})
_MONARCH_ROLES = ("head_of_state.", "crown_prince")
_GOVERNMENT_BODIES = frozenset({"ministry", "government"})


def _in_dateline(text: str, start: int, end: int) -> bool:
    """An agency in a dateline or byline: at a line's edge, in parentheses, beside a dash."""
    left = text[max(0, start - 8) : start].rstrip(" ")[-1:]
    right = text[end : end + 8].lstrip(" ")[:1]
    return left in ("", "\n", "(", "-", "/") or right in ("", "\n", ")", "-", "/")


class _CountryContext:
    """The country an unmarked organization or official most likely belongs to.

    In order: the home of the news agency in the dateline (``واس`` → SA: an
    unmarked ``وزير الخارجية`` in its wire is its own country's); for a minister or a
    ministry, the home the outlet's spelling tells (`home_cue_country`); the country
    named just before (a heading ``الصين:`` over ``المتحدث باسم وزارة الخارجية``); the
    country the article names most.
    """

    _NEAR = 150

    def __init__(
        self,
        entities: list[EntityMention],
        text: str,
        cues: list[tuple[str, ...]],
        *,
        foreign: Sequence[tuple[int, int]] = (),
    ) -> None:
        # *foreign*: spans whose countries belong to someone else (the titles of people): the
        # nationality in وزير الخارجية الأمريكي is that minister's, not his neighbours'.
        if foreign:
            mask = _coverage(len(text), foreign)
            entities = [m for m in entities if not mask[m.start]]
        self.home = next(
            (
                m.country
                for m in entities
                if m.start < self._NEAR
                and m.kind == "org"
                and m.gazetteer
                and m.org_type in ("agency", "media")
                and m.country
                and _in_dateline(text, m.start, m.end)
            ),
            None,
        )
        # One pass for the countries named, by name, adjective or place (how often, in what
        # order) and where a country or adjective stands.
        counts: Counter[str] = Counter()
        order: list[str] = []
        marks: list[tuple[int, str]] = []
        for mention in entities:
            for part in (mention, *mention.inner) if mention.inner else (mention,):
                if part.country and part.kind in ("country", "nisba", "place"):
                    counts[part.country] += 1
                    order.append(part.country)
                    if part.kind != "place":
                        marks.append((part.start, part.country))
        self.dominant = _most_named(counts, order)
        # The outlet's home, if its spelling tells and the article names it: an article from
        # Tunis about Libya still writes Tunisia's own minister without a nationality.
        self.outlet = home_cue_country(cues, counts)
        marks.sort()
        self.marks = marks
        self.starts = [start for start, _ in self.marks]

    def at(self, position: int, *, governmental: bool = False) -> str | None:
        """The country for an unmarked actor at *position*.

        A *governmental* one (a minister, a head of state, a ministry) is the outlet's
        home when its spelling tells: the press marks other countries' officials.
        """
        if self.home:
            return self.home
        if governmental and self.outlet:
            return self.outlet
        k = bisect_left(self.starts, position) - 1
        if k >= 0 and self.starts[k] >= position - self._NEAR:
            return self.marks[k][1]
        return self.dominant


def home_cue_country(cues: list[tuple[str, ...]], named: Counter[str]) -> str | None:
    """The country an article is written in, from the candidates of its home cues.

    The countries most cues allow are kept; of them, the one the article names most
    (*named*: mentions by country).  None when the article names none of them: the
    cue then only says where the outlet is, not that the story is about its country.

    >>> home_cue_country([("TN", "DZ"), ("TN", "DZ", "MA")], Counter({"LY": 5, "TN": 2, "DZ": 1}))
    'TN'
    """
    votes: Counter[str] = Counter(code for countries in cues for code in countries)
    if not votes:
        return None
    best = max(votes.values())
    kept = [code for code, count in votes.items() if count == best]
    ranked = sorted(kept, key=lambda code: -named[code])
    return ranked[0] if named[ranked[0]] > 0 else None


def _most_named(counts: Counter[str], order: list[str]) -> str | None:
    """The country the article is most about: most named (*counts*, by country, adjective or
    place), the first named (*order*: each mention's country in text order) among equals."""
    if not counts:
        return None
    best = max(counts.values())
    return next(code for code in order if counts[code] == best)


def _cluster_entities(entities: list[EntityMention], lexicon: Lexicon, text: str) -> dict[str, _Cluster]:
    clusters: dict[str, _Cluster] = {}
    for mention in entities:
        if mention.kind in ("nisba", "org_adj"):
            continue
        kind: ActorKind = "organization" if mention.kind == "org" else mention.kind  # type: ignore[assignment]
        cluster = clusters.get(mention.key)
        if cluster is None:
            cluster = _Cluster(
                kind,
                mention.name.strip('"'),
                mention.key,
                mention.country,
                org_type=mention.org_type,
                head=mention.head,
                words=mention.words,
                gazetteer=mention.gazetteer,
                nisba=any(part.kind == "nisba" for part in mention.inner),
            )
            clusters[mention.key] = cluster
        cluster.mentions.append((mention.start, mention.end))
        if mention.lam:
            cluster.lam.add((mention.start, mention.end))
        if cluster.country is None:
            cluster.country = mention.country
    _merge_organizations(clusters, entities, lexicon)
    _merge_parenthesized(clusters, entities, text)
    return clusters


_PARENTHESIS = regex.compile(r"[ ]*\([ ]*")


def _merge_parenthesized(clusters: dict[str, _Cluster], entities: list[EntityMention], text: str) -> None:
    """شركة النفط الوطنية (NOC): an organization and its acronym in parentheses are one."""
    for first, second in pairwise(entities):
        if first.kind != "org" or second.kind != "org" or first.key == second.key:
            continue
        gap = _PARENTHESIS.fullmatch(text, first.end, second.start)
        if gap is None or text[second.end : second.end + 2].strip(" ")[:1] != ")":
            continue
        one, other = clusters.get(first.key), clusters.get(second.key)
        if one is None or other is None:
            continue
        keep, drop = (other, one) if other.gazetteer and not one.gazetteer else (one, other)
        keep.mentions.extend(drop.mentions)
        keep.country = keep.country or drop.country
        del clusters[drop.key]
        for mention in entities:
            if mention.key == drop.key:
                mention.key = keep.key


def _merge_organizations(
    clusters: dict[str, _Cluster], entities: list[EntityMention], lexicon: Lexicon
) -> None:
    """حكومة الوفاق ⊂ حكومة الوفاق الوطني; حكومة طرابلس = the government of Libya."""
    orgs = [c for c in clusters.values() if c.kind == "organization"]
    governments = [c for c in orgs if c.org_type == "government" and c.country]
    for mention in entities:
        if mention.kind != "org" or mention.place_country is None or mention.head is None:
            continue
        own = clusters.get(mention.key)
        if own is None or len(own.mentions) > 1 or own.org_type != "government":
            continue
        same = [g for g in governments if g.key != own.key and g.country == mention.place_country]
        if len(same) > 1:
            same = [g for g in same if fold(g.name).split(" ")[0] == mention.head]
        if len(same) == 1:
            target = same[0]
            target.mentions.extend(own.mentions)
            del clusters[own.key]
    # Only bodies with the same head (articles aside), or a ministry of it, can hold a short form.
    stems = {c.key: tuple(map(_stem, (c.head, *c.words) if c.head else fold(c.name).split())) for c in orgs}
    by_head: dict[str, list[int]] = {}
    for n, org in enumerate(orgs):
        if stems[org.key]:
            by_head.setdefault(stems[org.key][0], []).append(n)
        if org.head in _MINISTRY_HEADS and org.words:
            by_head.setdefault(_MINISTRY_HEADS_KEY + org.words[0], []).append(n)
    for short in sorted(orgs, key=lambda c: len(c.words)):
        if short.key not in clusters or short.gazetteer or short.head is None:
            continue
        head_stem = _stem(short.head)
        candidates = sorted({*by_head.get(head_stem, ()), *by_head.get(_MINISTRY_HEADS_KEY + short.head, ())})
        for long in (orgs[n] for n in candidates):
            if (
                long is not short
                and long.key in clusters
                and (
                    (
                        long.head == short.head
                        and len(long.words) > len(short.words)
                        and long.words[: len(short.words)] == short.words
                    )
                    # اللجنة المشتركة = اللجنة المصرية الروسية المشتركة, مجلس الدولة = المجلس الأعلى
                    # للدولة: a short form keeping the head and some of the words, in order.
                    # (Not a nationality alone: الاتحاد التونسي is not الاتحاد العام التونسي للشغل.)
                    or (not short.nisba and _short_form(short.words, head_stem, stems[long.key]))
                    # قوات الحلف = قوات حلف شمال الأطلسي: the short form cuts a name the long one
                    # holds whole, and makes its first word definite.
                    or (long.head == short.head and _cut_inner_name(short.words, long.words))
                    # القوات السورية النظامية = القوات النظامية السورية: adjectives in another order.
                    or (
                        long.head == short.head
                        and long.words != short.words
                        and sorted(long.words) == sorted(short.words)
                    )
                    # الخارجية المصرية = وزارة الخارجية المصرية: the body without its head noun.
                    or (long.head in _MINISTRY_HEADS and long.words == (short.head, *short.words))
                )
                and short.country in (None, long.country)
                # وزارة الخارجية is not وزارة الخارجية الروسية: a nationality makes another body.
                and not (
                    short.country is None
                    and long.country is not None
                    and long.nisba
                    and long.words[: len(short.words)] == short.words
                )
            ):
                long.mentions.extend(short.mentions)
                del clusters[short.key]
                break
    del lexicon


_MINISTRY_HEADS = frozenset({"وزاره"})
_MINISTRY_HEADS_KEY = "\x00"  # marks a ministry indexed by its first word


def _short_form(short_words: tuple[str, ...], head_stem: str, stems: tuple[str, ...]) -> bool:
    """A body of head *head_stem* and *short_words* keeps the head of the body whose words'
    stems are *stems* and some of its words, in order (articles aside)."""
    short_stems = tuple(map(_stem, short_words))
    return (
        len(stems) > len(short_words) + 1
        and stems[0] == head_stem
        # A prefix (الجيش السوري | الحر) may be another body: only words left out inside count.
        and stems[1 : 1 + len(short_stems)] != short_stems
        and _in_order(short_stems, stems[1:])
    )


def _cut_inner_name(short_words: tuple[str, ...], long_words: tuple[str, ...]) -> bool:
    """Whether *short_words* are the first words of the name *long_words* opens with, the last
    of them made definite (الحلف for حلف شمال الاطلسي), the articles aside."""
    if not short_words or not long_words or " " not in long_words[0]:
        return False
    inner = long_words[0].split(" ")
    if len(short_words) >= len(inner) or inner[0].startswith("ال"):
        return False
    return tuple(map(_stem, short_words)) == tuple(map(_stem, inner[: len(short_words)]))


def _stem(word: str) -> str:
    """*word* without the article or ل + article (المجلس، للدوله → مجلس، دوله)."""
    for prefix in ("لل", "ال"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix) :]
    return word


def _in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether every word of *short* is in *long*, in the same order."""
    remaining = iter(long)
    return bool(short) and all(word in remaining for word in short)


def find_actors(doc: Document) -> tuple[list[Actor], list[Attribution]]:
    """Each distinct actor of *doc* once, and who the article cites.

    Returns:
        The actors, with ids ``a1``, ``a2``… in order of first mention, and the
        attributions in text order.
    """
    lexicon = actor_lexicon(doc.resources)
    text = doc.aligned.text
    tokens = Tokens(text)
    entities, title_hits, _events = find_entities(tokens, lexicon)
    # آمر (commander) folds onto أمر (ordered, matter): the original spelling tells them apart.
    title_hits = [
        hit
        for hit in title_hits
        if hit.form not in lexicon.madda_titles
        or doc.aligned.span(hit.start, hit.start + 1).text not in ("أ", "إ")
    ]
    entities_at = {m.start: m for m in entities}
    honorific_spans = [(h.start, h.end) for h in title_hits if is_honorific(h)]
    titles = grow_titles(title_hits, tokens, entities_at, lexicon)
    eponyms = _eponym_names(tokens, titles, lexicon)
    if eponyms:
        titles = [t for t in titles if (t.start, t.end) not in eponyms]
    title_blocked = _mark(tokens, [(t.start, t.end) for t in titles] + honorific_spans)
    blocked = title_blocked | _mark(tokens, [(m.start, m.end) for m in entities] + list(eponyms.values()))
    # على folds to علي (a given name): the original spelling tells the preposition.
    for i in tokens.listed(lexicon, Listed.ALA):
        start = tokens.starts[i]
        if _original_text(doc.aligned, start, tokens.ends[i]).endswith(("ى", "ی")):
            blocked.add(start)
            title_blocked.add(start)
    # Where a name after each title would start: asked when reading names and attaching titles.
    honorific_at = dict(honorific_spans)
    name_after = {t.end: _skip_to_name(text, t.end, honorific_at) for t in titles}
    persons = _find_persons(
        tokens,
        lexicon,
        titles,
        blocked=blocked,
        honorific_spans=honorific_spans,
        title_blocked=title_blocked,
        name_after=name_after,
    )
    # A person's name wins over a place or organization read inside it.
    if persons:
        taken = _coverage(len(text), ((person.start, person.end) for person in persons))
        entities = [m for m in entities if taken.find(1, m.start, m.end) == -1]
    bare = _attach_titles(persons, titles, text, name_after)
    for person in persons:
        person.country = next((t.country for t in person.titles if t.country), None)
    persons = _merge_persons(persons, tokens, lexicon, blocked)
    if lexicon.known_alone:
        _add_known_surnames(persons, tokens, lexicon, blocked, entities=entities, titles=titles)
    for person in persons:
        if person.country is None:
            person.country = next((t.country for t in person.titles if t.country), None)
    own_titles = {id(person): len(person.titles) for person in persons}
    _resolve_bare_titles(bare, persons, text)
    for person in persons:
        if person.country is None:
            person.country = (
                _known_country(person.words, lexicon)
                or _dynasty_country(person.words, lexicon)
                or _alone_country(person.words, lexicon, titled=bool(person.titles))
            )
        if person.country is None:
            # A bare title that names the country (الوزير الإيطالي), joined to this person: sure
            # enough for someone untitled, or when it repeats a role of their own (الملك → العاهل
            # الأردني); a bare الرئيس المصري resolved onto a king is not.
            own = person.titles[: own_titles[id(person)]]
            roles = [t.role for t in own if t.role]
            person.country = next(
                (
                    t.country
                    for t in person.titles[len(own) :]
                    if t.country
                    and (
                        not own or any(t.role and (t.role == r or t.role.startswith(r + ".")) for r in roles)
                    )
                ),
                None,
            )

    clusters = _cluster_entities(entities, lexicon, text)
    cues = (
        [
            hit.values[0]
            for hit in lexicon.home_cues.iter_all(
                text, words=tokens.spans, texts=tokens.texts, openers=tokens.listed(lexicon, Listed.HOME_CUES)
            )
        ]
        if lexicon.home_cues is not None
        else []
    )
    context = _CountryContext(entities, text, cues)
    # The nationality in a title is its holder's: never another titled person's (السيسي …
    # بوزير الخارجية الأمريكي).  An untitled person in a list may still share it.
    titled_context: _CountryContext | None = None  # built when first needed
    for cluster in clusters.values():
        if (
            cluster.kind == "organization"
            and cluster.country is None
            and not cluster.gazetteer
            and lexicon.supranational.isdisjoint(fold(cluster.name).split())
        ):
            cluster.country = context.at(
                min(cluster.mentions)[0], governmental=cluster.org_type in _GOVERNMENT_BODIES
            )
    _merge_bare_bodies(clusters)
    for person in persons:
        international = any(
            t.organization is not None and t.organization.gazetteer and t.organization.country is None
            for t in person.titles
        )
        if person.country is None:
            organization = next((t.organization for t in person.titles if t.organization), None)
            key = _final_key(organization, clusters) if organization is not None else ""
            if key in clusters and clusters[key].country:
                person.country = clusters[key].country
            elif not international:
                governmental = any(
                    t.category in _GOVERNMENT_TITLES or (t.role or "").startswith(_MONARCH_ROLES)
                    for t in person.titles
                )
                person_context = context
                if own_titles[id(person)]:
                    if titled_context is None:
                        held = [(t.start, t.end) for t in titles]
                        titled_context = _CountryContext(entities, text, cues, foreign=held)
                    person_context = titled_context
                person.country = person_context.at(person.start, governmental=governmental)
        name = person.display or _clean(_original_text(doc.aligned, person.start, person.end))
        # A name from persons.toml stays as listed; others take their longest written form.
        listed = person.display is not None
        cluster = _Cluster("person", name, f"person:{name}", person.country, gazetteer=listed)
        cluster.mentions = person.mentions
        cluster.lam = person.lam
        cluster.titles = person.titles
        cluster.referring = {(t.start, t.end) for t in person.titles}
        clusters[cluster.key] = cluster
    _add_adjective_countries(clusters, entities, titles, persons, text)

    ordered = sorted(clusters.values(), key=lambda c: min(c.mentions))
    org_ids: dict[str, str] = {}
    for n, cluster in enumerate(ordered, 1):
        cluster.actor_id = f"a{n}"
        org_ids[cluster.key] = cluster.actor_id
    aligned = doc.aligned
    actors: list[Actor] = []
    owners: dict[tuple[int, int], str] | None = None  # built when first needed
    positions: list[tuple[int, int, str, str]] = []  # every mention, for the attributions
    cleaned: dict[str, str] = {}  # a name written several times is cleaned once
    for cluster in ordered:
        mentions = sorted(set(cluster.mentions))
        positions.extend((start, end, cluster.actor_id, cluster.kind) for start, end in mentions)
        spans = [aligned.span(s, e) for s, e in mentions]
        names: list[str] = []
        for (s, e), span in zip(mentions, spans, strict=True):
            if (s, e) in cluster.referring:
                continue
            written = cleaned.get(span.text)
            if written is None:
                written = cleaned[span.text] = _clean(span.text)
            names.append("ا" + written if (s, e) in cluster.lam else written)
        if not cluster.gazetteer and names:
            cluster.name = max(names, key=len)
        aliases: list[str] = []
        for alias in names:
            if alias and alias != cluster.name and alias not in aliases:
                aliases.append(alias)
        titles_out: list[Title] = []
        seen: set[tuple[int, int]] = set()
        for title in sorted(cluster.titles, key=lambda t: t.start):
            if (title.start, title.end) in seen:
                continue
            seen.add((title.start, title.end))
            span = aligned.span(title.start, title.end)
            org_id = None
            if title.organization is not None:
                organization = title.organization
                if organization.key in clusters:
                    org_id = org_ids.get(organization.key)
                else:
                    if owners is None:
                        owners = _span_owners(clusters)
                    span_key = (organization.start, organization.end)
                    org_id = org_ids.get(owners.get(span_key, organization.key))
            titles_out.append(Title(text=span.text, role=title.role, organization=org_id, span=span))
        actors.append(
            Actor(
                id=cluster.actor_id,
                name=cluster.name,
                kind=cluster.kind,
                country=cluster.country,
                aliases=aliases,
                titles=titles_out,
                mentions=spans,
            )
        )
    positions.sort()
    attributions = find_attributions(doc, tokens, lexicon, actors, positions)
    return actors, attributions


def _merge_bare_bodies(clusters: dict[str, _Cluster]) -> None:
    """وقالت الحكومة: the bare body is the named body of its kind the article means.

    The one named body of its kind and country (الحكومة المغربية … وأكدت الحكومة); failing
    that, the last one named before it (الحكومة السورية … مع الحكومة).  With none named,
    the bare one stays an actor of its own.
    """
    for bare in [c for c in clusters.values() if c.kind == "organization" and c.head and not c.words]:
        if bare.gazetteer or bare.head is None:
            continue
        head = _stem(bare.head)
        same = [
            c
            for c in clusters.values()
            if c is not bare
            and c.kind == "organization"
            and (
                (c.head is not None and _stem(c.head) == head)
                or (c.gazetteer and c.org_type == bare.org_type)
            )
        ]
        home = [c for c in same if bare.country is not None and c.country == bare.country]
        first = min(bare.mentions)[0]
        before = [c for c in same if min(c.mentions)[0] < first]
        target = (
            home[0]
            if len(home) == 1
            else max(before, key=lambda c: max(s for s, _ in c.mentions if s < first))
            if before
            else None
        )
        if target is not None:
            target.mentions.extend(bare.mentions)
            target.lam |= bare.lam
            del clusters[bare.key]


def _add_adjective_countries(
    clusters: dict[str, _Cluster],
    entities: list[EntityMention],
    titles: list[TitleMention],
    persons: list[_Person],
    text: str,
) -> None:
    """A nationality adjective that says whose a title or body is names that country.

    ``وزير الخارجية المصري``, ``ونظيره الروسي``: the adjective is a mention
    of the country (Egypt, Russia), merged with its name mentions, so that later stages can
    name the parties.  A free-standing adjective (``الشعب المصري``) is left alone.
    """
    # A title counts when it is someone's, or a noun in construct (وزير الخارجية الروسي): a
    # lone definite word may be an adjective read as a title (الانتخابات البرلمانية العراقية).
    held = {id(title) for person in persons for title in person.titles}
    in_title = _coverage(
        len(text),
        ((t.start, t.end) for t in titles if id(t) in held or not text.startswith("ال", t.start)),
    )
    # After a body, not after a name: a nisba after a name is mostly the family name
    # (عبد الله التركماني).  A plural after a body is its object (أمهل الاتحاد السودانيين).
    holder_ends = {m.end for m in entities if m.kind in ("org", "org_adj")}
    for mention in entities:
        if mention.kind != "nisba" or mention.country is None:
            continue
        inside = in_title[mention.start] == 1
        after = (
            mention.start - 1 in holder_ends
            and text[mention.start - 1] == " "
            and not text.endswith(("يين", "يون"), mention.start, mention.end)
        )
        if not (inside or after):
            continue
        key = f"country:{mention.country}"
        cluster = clusters.get(key)
        if cluster is None:
            cluster = _Cluster("country", mention.name, key, mention.country)
            clusters[key] = cluster
        cluster.mentions.append((mention.start, mention.end))
        cluster.referring.add((mention.start, mention.end))


def _original_text(aligned: AlignedText, start: int, end: int) -> str:
    """The original characters of normalized ``start:end``: `AlignedText.span`'s text, without
    building (and validating) a `Span` that is not reported."""
    begin, finish = aligned.original_offsets(start, end)
    return aligned.original[begin:finish]


def _clean(name: str) -> str:
    """A name without quotes, «», invisible format characters, tatweel or extra spaces."""
    if "\u0640" not in name and name.replace(" ", "").isalpha():
        # Letters and spaces only, as most names are: no quote nor format character to take
        # out (neither is a letter), and the regex substitutions can be skipped.
        return " ".join(name.split())
    return " ".join(_QUOTES.sub(" ", _INVISIBLE.sub("", name)).split())


def _span_owners(clusters: dict[str, _Cluster]) -> dict[tuple[int, int], str]:
    """For each mention span, the key of the first cluster holding it: `_final_key` for every
    mention at once, once the clusters no longer change (asking per mention is quadratic)."""
    owners: dict[tuple[int, int], str] = {}
    for cluster in clusters.values():
        for span in cluster.mentions:
            owners.setdefault(span, cluster.key)
    return owners


def _final_key(mention: EntityMention, clusters: dict[str, _Cluster]) -> str:
    """The key of the cluster a mention ended up in (merging may have renamed it)."""
    if mention.key in clusters:
        return mention.key
    return next((c.key for c in clusters.values() if (mention.start, mention.end) in c.mentions), mention.key)
