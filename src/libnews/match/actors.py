"""Actor mentions in normalized text: gazetteer hits, organization patterns, person names.

Everything here works on the normalized text (`AlignedText.text`) and yields
candidates in normalized coordinates; `libnews.assemble.actors` merges them
into `Actor` models with exact spans.

The text is tokenized once (`Tokens`); gazetteer and title forms are found in
one pass of the lexicon's phrase matcher; organization names are grown from
their head noun (``حكومة`` + ``الوفاق الوطني``) over the tokens that follow;
person names are read over the tokens around titles, reporting verbs, quotes
and appositions.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

import regex

from libnews.match.lexicon import LATIN_ACRONYM, Lex, Lexicon
from libnews.match.phrases import PhraseHit, select_longest

__all__ = [
    "EntityMention",
    "PersonName",
    "Tokens",
    "find_entities",
    "read_name",
]

_TOKEN = regex.compile(r"[\p{L}\p{M}]+|\d+")
# What may sit between two words of one name or phrase: spaces only.
_JOINED = regex.compile(r"[ ]+")
_CLITIC_PREFIX = regex.compile(r"^(?:[وف]?[بلك]|[وف])")
# Second words of compound given names (صلاح الدين، نور الدين، عبد الله).
_COMPOUND_TAILS = frozenset({"الدين", "الله", "الرحمن", "الاسلام"})


@dataclass(frozen=True, slots=True)
class Tok:
    """A word of the normalized text."""

    start: int
    end: int
    text: str


class Tokens:
    """The words of a text, with lookups by position."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.items = [Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        self.starts = [t.start for t in self.items]
        self.spans = [(t.start, t.end) for t in self.items]
        self._by_start = {t.start: i for i, t in enumerate(self.items)}
        self._by_end = {t.end: i for i, t in enumerate(self.items)}

    def __len__(self) -> int:
        return len(self.items)

    def at_start(self, position: int) -> int | None:
        """Index of the token starting at *position*."""
        return self._by_start.get(position)

    def at_end(self, position: int) -> int | None:
        """Index of the token ending at *position*."""
        return self._by_end.get(position)

    def covering(self, position: int) -> int:
        """Index of the first token ending after *position*."""
        return bisect_left(self.starts, position + 1) - 1 if self.items else 0

    def gap(self, i: int) -> str:
        """What stands between token *i* and token *i + 1*."""
        if i + 1 >= len(self.items):
            return self.text[self.items[i].end :] if self.items else ""
        return self.text[self.items[i].end : self.items[i + 1].start]

    def joined(self, i: int) -> bool:
        """Token *i* and the next one are separated by spaces only."""
        return i + 1 < len(self.items) and _JOINED.fullmatch(self.gap(i)) is not None


@dataclass(slots=True)
class EntityMention:
    """A country, place or organization named in the text (normalized offsets)."""

    start: int
    end: int
    kind: str
    """``country``, ``place``, ``org``, ``nisba`` or ``org_adj``."""
    key: str
    """What merges mentions into one actor (``country:LY``, ``org:un``, ``orgp:<words>``)."""
    name: str
    """The display name: the gazetteer name, or the text as written for pattern matches."""
    country: str | None = None
    org_type: str | None = None
    head: str | None = None
    """Head noun of a pattern organization (``حكومة``)."""
    words: tuple[str, ...] = ()
    """Folded words after the head (pattern organizations)."""
    place_country: str | None = None
    """For ``حكومة طرابلس``: the country whose capital names the body."""
    gazetteer: bool = True
    inner: list[EntityMention] = field(default_factory=list)
    """Gazetteer hits swallowed by a pattern organization."""


def _lex_mention(hit: PhraseHit[Lex], lex: Lex) -> EntityMention:
    if lex.kind == "country":
        return EntityMention(hit.start, hit.end, "country", f"country:{lex.key}", lex.name, lex.country)
    if lex.kind == "place":
        return EntityMention(
            hit.start, hit.end, "place", f"place:{lex.key}", lex.name, lex.country, lex.category
        )
    if lex.kind in ("org", "org_adj"):
        return EntityMention(
            hit.start, hit.end, lex.kind, f"org:{lex.key}", lex.name, lex.country, lex.category
        )
    return EntityMention(hit.start, hit.end, "nisba", f"nisba:{lex.key}", lex.name, lex.country)


_ENTITY_KINDS = ("org", "country", "place", "nisba", "org_adj")


def _entity_lex(values: tuple[Lex, ...]) -> Lex | None:
    for kind in _ENTITY_KINDS:
        for lex in values:
            if lex.kind == kind:
                return lex
    return None


def _head_lex(values: tuple[Lex, ...]) -> Lex | None:
    return next((lex for lex in values if lex.kind == "head"), None)


def gazetteer_hits(
    tokens: Tokens, lexicon: Lexicon
) -> tuple[list[EntityMention], list[PhraseHit[Lex]], list[PhraseHit[Lex]]]:
    """One pass of the phrase matcher: entity candidates, head-noun hits, title-layer hits."""
    text = tokens.text
    entities: list[EntityMention] = []
    heads: list[PhraseHit[Lex]] = []
    titles: list[PhraseHit[Lex]] = []
    for hit in lexicon.phrases.iter_all(text, words=tokens.spans):
        lex = _entity_lex(hit.values)
        if lex is not None:
            entities.append(_lex_mention(hit, lex))
        if _head_lex(hit.values) is not None:
            heads.append(hit)
        if any(v.kind in ("title", "counterpart", "honorific") for v in hit.values):
            titles.append(hit)
    entities.extend(
        EntityMention(match.start(), match.end(), "org", f"org:{lex.key}", lex.name, lex.country)
        for match in LATIN_ACRONYM.finditer(text)
        for lex in lexicon.acronyms.values(match.group())
    )
    return entities, heads, titles


def _is_definite(word: str) -> bool:
    return word.startswith("ال") and len(word) > 3


def _grow_organization(
    head: PhraseHit[Lex],
    lex: Lex,
    tokens: Tokens,
    entities_at: dict[int, EntityMention],
    lexicon: Lexicon,
    *,
    title_starts: set[int],
) -> EntityMention | None:
    """Head noun + the words that complete it, or None when nothing does."""
    last = tokens.at_end(head.end)
    if last is None:
        return None
    words: list[str] = []
    inner: list[EntityMention] = []
    country: str | None = None
    place_country: str | None = None
    has_nisba = False
    end = head.end
    k = last + 1
    while k < len(tokens) and len(words) < 7:
        gap = tokens.gap(k - 1).strip(" ")
        tok = tokens.items[k]
        if gap and not (gap == "+" and tok.text.isdigit() and words):
            break
        if tok.start in title_starts and words:
            break
        found = entities_at.get(tok.start)
        if found is not None and found.kind != "org_adj":
            if found.kind == "nisba":
                country = country or found.country
                has_nisba = True
            elif found.kind in ("country", "place"):
                if found.kind == "place" and not words and found.country:
                    place_country = found.country
                country = country or found.country
            elif found.kind == "org" and found.country:
                country = country or found.country
            inner.append(found)
            words.append(tokens.text[found.start : found.end])
            end = found.end
            k = (tokens.at_end(found.end) or k) + 1
            continue
        word = tok.text
        if word in lexicon.stop or word in lexicon.reporting_verbs:
            break
        if word.isdigit():
            if not words:
                break
            words.append(word)
            end = tok.end
            k += 1
            continue
        if _is_definite(word):
            words.append(word)
            end = tok.end
            k += 1
            continue
        nxt = tokens.items[k + 1].text if k + 1 < len(tokens) and tokens.joined(k) else ""
        if lex.takes_lam and words and word.startswith("لل") and len(word) > 4:
            words.append(word)
            end = tok.end
            k += 1
            continue
        if lex.takes_lam and words and word.startswith("ل") and _is_definite(nxt):
            words.extend((word, nxt))
            end = tokens.items[k + 1].end
            k += 2
            continue
        # A noun in construct with what follows: جامعة الدول، خارجية روسيا.
        next_is_entity = bool(nxt) and tokens.items[k + 1].start in entities_at
        if not words and len(word) > 2 and (_is_definite(nxt) or next_is_entity):
            words.append(word)
            end = tok.end
            k += 1
            continue
        break
    # Trailing digits need a preceding word (اللجنة العسكرية المشتركة 5 + 5), and never end on "+".
    if not words or (lex.needs_nisba and not has_nisba):
        return None
    if lex.needs_nisba:
        # الحكومة الإيطالية: the head and its adjective only, agreeing in gender, and the head
        # not itself an adjective of the noun before it (الشؤون الداخلية السورية).
        first = inner[0] if inner and inner[0].kind == "nisba" else None
        if first is None or first.start != tokens.items[last + 1].start:
            return None
        adjective = tokens.text[first.start : first.end]
        if lex.key.endswith("ه") and not adjective.endswith(("ه", "ات")):
            return None
        own = tokens.covering(head.start)
        if not head.clitic and own > 0 and tokens.joined(own - 1):
            previous = tokens.items[own - 1].text
            if any(form.startswith("ال") for form in strip_clitic(previous)):
                return None
        end = first.end
        words = [tokens.text[first.start : first.end]]
        inner = [first]
    folded = tuple(_strip_article_variants(w) for w in words)
    return EntityMention(
        head.start,
        end,
        "org",
        "orgp:" + " ".join((lex.key, *folded)),
        tokens.text[head.start : end],
        country,
        lex.category,
        head=lex.key,
        words=folded,
        place_country=place_country,
        gazetteer=False,
        inner=inner,
    )


def _strip_article_variants(word: str) -> str:
    return word


def find_entities(
    tokens: Tokens, lexicon: Lexicon
) -> tuple[list[EntityMention], list[PhraseHit[Lex]], list[EntityMention]]:
    """Countries, places, organizations (gazetteer and patterns) and nationality adjectives.

    Returns the non-overlapping entity mentions (nisba adjectives included),
    the title-layer hits (titles, counterpart words, honorifics), and the
    spans of event nouns (``مؤتمر برلين``) that are not actors.
    """
    candidates, heads, title_hits = gazetteer_hits(tokens, lexicon)
    gazetteer = select_longest(candidates)
    entities_at = {m.start: m for m in gazetteer}
    titles = select_longest(title_hits)
    title_starts = {t.start for t in titles}
    grown: list[EntityMention] = []
    events: list[EntityMention] = []
    for head in heads:
        lex = _head_lex(head.values)
        if lex is None:
            continue
        org = _grow_organization(head, lex, tokens, entities_at, lexicon, title_starts=title_starts)
        if org is None:
            continue
        if lex.event:
            events.append(org)
            continue
        media_alias = lex.category == "media" and len(org.inner) == 1 and org.inner[0].kind == "org"
        prefix = next((m for m in org.inner if m.kind == "org" and m.start == org.start), None)
        if media_alias:
            # وكالة فرانس برس is فرانس برس.
            org.key, org.name, org.country = org.inner[0].key, org.inner[0].name, org.inner[0].country
            org.gazetteer = True
        elif prefix is not None:
            org.key = prefix.key
        grown.append(org)
    # Gazetteer hits first, so that a pattern organization of the same extent gives way.
    chosen = select_longest([*gazetteer, *grown])
    return chosen, titles, events


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name read over tokens (normalized offsets)."""

    start: int
    end: int
    words: tuple[str, ...]
    quoted: bool = False


def strip_clitic(word: str) -> list[str]:
    """*word* and the words it may be once a clitic prefix is removed (``وبوتين`` → ``بوتين``)."""
    out = [word]
    match = _CLITIC_PREFIX.match(word)
    if match:
        out.extend(word[size:] for size in range(1, match.end() + 1) if len(word) - size >= 3)
    if word.startswith("لل") and len(word) > 4:
        out.append("ال" + word[2:])
    return out


def _name_like(word: str, lexicon: Lexicon) -> bool:
    return word not in lexicon.stop and word not in lexicon.reporting_verbs and len(word) > 1


def _given(word: str, lexicon: Lexicon, *, weak: bool) -> bool:
    if word in lexicon.given:
        return True
    if word.startswith("عبد") and len(word) > 5:  # عبدالعزيز written as one word
        return True
    return weak and word in lexicon.weak_given


def read_name(
    tokens: Tokens,
    i: int,
    lexicon: Lexicon,
    blocked: set[int],
    *,
    loose: bool,
    weak: bool = True,
    limit: int = 6,
) -> int | None:
    """Read a person's name starting at token *i*; the index of its last token, or None.

    A name is a chain of given names and particles (``محمد بن سلمان بن عبدالعزيز``)
    and then one family name.  With *loose* (right after a title or honorific)
    its first words need not be known given names: one or two words that look
    like a name are taken (``الرئيس دوتيرتي``, ``السفير وو جيشان``).
    *blocked* holds the starts of tokens that belong to other mentions.
    """
    items = tokens.items
    n = len(items)
    if i >= n or items[i].start in blocked:
        return None
    first = items[i].text
    if not _name_like(first, lexicon) or first.isdigit():
        return None
    j = i
    chain = False
    nasab = False
    # Given names and particles.
    while j < n:
        word = items[j].text
        if word in lexicon.particles and j + 1 < n and tokens.joined(j) and items[j + 1].start not in blocked:
            nasab = nasab or word in ("بن", "ابن", "بنت")
            j += 2 if items[j + 1].text not in lexicon.particles else 1
            chain = True
            if j - 1 >= n:
                return None
            if not tokens.joined(j - 1) or j >= n:
                return j - 1
            continue
        compound = word in _COMPOUND_TAILS and j > i
        if compound or (
            _given(word, lexicon, weak=weak) and (not word.startswith("ال") or word in lexicon.given)
        ):
            chain = True
            if j + 1 < n and tokens.joined(j) and items[j + 1].start not in blocked:
                j += 1
                continue
            return j
        break
    if not chain:
        if not loose or any(form.startswith("ال") for form in strip_clitic(first)):
            return None
        if first.endswith(("ها", "هم", "هما", "كم", "نا")) and len(first) > 4:
            return None  # a word with a pronoun suffix (لديها), not a name
        if first.endswith("ا") and j + 1 < n and tokens.joined(j) and items[j + 1].text.endswith("ا"):
            return None  # an indefinite noun and its adjective (مؤتمرا صحفيا), not a name
        # One unknown word, and a second one if it does not look like a verb or a prefixed word.
        if j + 1 < n and tokens.joined(j) and j + 1 - i < limit:
            second = items[j + 1].text
            if (
                items[j + 1].start not in blocked
                and _name_like(second, lexicon)
                and not second.startswith("ال")
                and not second.isdigit()
                and not (second[0] in "وفبلك" and len(second) >= 4)
                and not (second.endswith("ا") and len(second) >= 4)
            ):
                return j + 1
        return j
    # j is the first word after the chain: the family name, if it is one.
    word = items[j].text
    if items[j].start in blocked or not _name_like(word, lexicon) or word.isdigit():
        return j - 1
    if nasab and not word.startswith("ال") and word not in lexicon.family:
        return j - 1
    if word in lexicon.reporting_verbs:
        return j - 1
    return j
