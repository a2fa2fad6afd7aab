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

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate

import regex

from libnews.match.lexicon import LATIN_ACRONYM, EntityFields, FormRole, Lex, Lexicon, Listed
from libnews.match.phrases import PhraseHit, select_longest

__all__ = [
    "NASAB",
    "REGNAL_ORDINALS",
    "EntityMention",
    "PersonName",
    "Tokens",
    "common_word_shape",
    "find_entities",
    "is_given",
    "read_name",
]

_TOKEN_SPLIT = regex.compile(r"([\p{L}\p{M}]+|\d+)")
# The same split for the common text, in the standard library's engine (twice as fast per
# word): runs of ASCII or basic Arabic letters (all of them in \p{L}), or of ASCII digits.
# Where everything left between the runs is ASCII (punctuation and white space: no letter,
# mark or digit of any script), the runs are exactly `_TOKEN_SPLIT`'s (see `_split`).
_COMMON_SPLIT = re.compile(r"([A-Za-z\u0621-\u064a]+|[0-9]+)")
# What may sit between two words of one name or phrase: spaces only.
# Second words of compound given names (صلاح الدين، نور الدين، عبد الله).
_COMPOUND_TAILS = frozenset({"الدين", "الله", "الرحمن", "الاسلام"})
# Adjectives in the names' stop list that still go on an organization's name
# (الاتحاد الوطني للصناعة، المجلس العربي), folded.
_ORG_ADJECTIVES = frozenset({"الوطني", "الوطنيه", "العربي", "العربيه"})
# Ordinals after a monarch's given name (عبدالله الثاني), folded.
REGNAL_ORDINALS = frozenset({"الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن"})
# Second words of compound family names (خطيب زاده، جاويش أوغلو), folded.
_SURNAME_TAILS = frozenset({"زاده", "اوغلو"})


def _split(text: str) -> list[str]:
    """*text* split as `_TOKEN_SPLIT` splits it: gaps and tokens alternating, gaps first."""
    parts = _COMMON_SPLIT.split(text)
    # A gap holding anything but ASCII may hold letters, marks or digits `_COMMON_SPLIT`
    # does not know (ی، ـ، a combining mark, ٣…): then only `_TOKEN_SPLIT` knows the tokens.
    if "".join(parts[0::2]).isascii():
        return parts
    return _TOKEN_SPLIT.split(text)


class Tokens:
    """The words of a text, with lookups by position.

    Kept as parallel lists (`starts`, `ends`, `texts`) rather than one object per
    word: the matchers read them by index, and building an object per word cost
    more than all the matching.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # One split gives the words and the gaps between them; the offsets are running sums.
        parts = _split(text)
        offsets = list(accumulate(map(len, parts)))
        self.texts: list[str] = parts[1::2]
        self.starts: list[int] = offsets[0:-1:2]
        self.ends: list[int] = offsets[1::2]
        self.spans: list[tuple[int, int]] = list(zip(self.starts, self.ends, strict=True))
        # Whether each token and the next are separated by spaces only (white space is
        # collapsed, so nearly every such gap is one space).
        gaps = parts[2:-1:2]
        if "  " in text:
            self._joined = [gap == " " or (gap != "" and not gap.strip(" ")) for gap in gaps]
        else:  # (normalized text: no run of spaces, so a gap of spaces only is one space)
            self._joined = list(map(" ".__eq__, gaps))
        self._joined.append(False)
        self._variants: dict[str, list[str]] = {}
        self._listed: tuple[Lexicon, list[list[int]]] | None = None

    def __len__(self) -> int:
        return len(self.starts)

    # (Bisection rather than dicts by position: an article asks a few dozen times, and
    # building the dicts cost more than all the asking.)
    def at_start(self, position: int) -> int | None:
        """Index of the token starting at *position*."""
        i = bisect_left(self.starts, position)
        return i if i < len(self.starts) and self.starts[i] == position else None

    def at_end(self, position: int) -> int | None:
        """Index of the token ending at *position*."""
        i = bisect_left(self.ends, position)
        return i if i < len(self.ends) and self.ends[i] == position else None

    def covering(self, position: int) -> int:
        """Index of the first token ending after *position*."""
        return bisect_left(self.starts, position + 1) - 1 if self.starts else 0

    def gap(self, i: int) -> str:
        """What stands between token *i* and token *i + 1*."""
        if i + 1 >= len(self.starts):
            return self.text[self.ends[i] :] if self.starts else ""
        return self.text[self.ends[i] : self.starts[i + 1]]

    def joined(self, i: int) -> bool:
        """Token *i* and the next one are separated by spaces only."""
        return 0 <= i < len(self._joined) and self._joined[i]

    def flags(self, surface: frozenset[str]) -> list[bool]:
        """For each token, whether it is in *surface* (a word set expanded by `clitic_surface`)."""
        return [word in surface for word in self.texts]

    def listed(self, lexicon: Lexicon, which: Listed) -> list[int]:
        """Indices of the tokens in the *lexicon*'s word list *which*, in text order.

        The first call scans the text once for all the `Listed` lists: the matchers would
        otherwise each look every word up in their own list.
        """
        if self._listed is None or self._listed[0] is not lexicon:
            found: list[list[int]] = [[] for _ in Listed]
            holding, texts = lexicon.listed, self.texts
            phrases, only_phrases = found[Listed.PHRASES], (Listed.PHRASES,)
            for i in [i for i, word in enumerate(texts) if word in holding]:
                lists = holding[texts[i]]
                if lists == only_phrases:  # most words found (a gazetteer or title word)
                    phrases.append(i)
                    continue
                for n in lists:
                    found[n].append(i)
            self._listed = (lexicon, found)
        return self._listed[1][which]

    def variants(self, i: int) -> list[str]:
        """`strip_clitic` of token *i* (cached: the matchers ask often)."""
        word = self.texts[i]
        found = self._variants.get(word)
        if found is None:
            found = self._variants[word] = strip_clitic(word)
        return found


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
    lam: bool = False
    """Written after ل without the article's alef (للأمم المتحدة): the name is ا + the text."""


def _mention_fields(lex: Lex) -> EntityFields:
    """The fields after start and end of the `EntityMention` a hit of *lex* makes."""
    if lex.kind == "country":
        return "country", f"country:{lex.key}", lex.name, lex.country, None
    if lex.kind == "place":
        return "place", f"place:{lex.key}", lex.name, lex.country, lex.category
    if lex.kind in ("org", "org_adj"):
        return lex.kind, f"org:{lex.key}", lex.name, lex.country, lex.category
    return "nisba", f"nisba:{lex.key}", lex.name, lex.country, None


_ENTITY_KINDS = ("org", "country", "place", "nisba", "org_adj")


def _entity_lex(values: tuple[Lex, ...]) -> Lex | None:
    for kind in _ENTITY_KINDS:
        for lex in values:
            if lex.kind == kind:
                return lex
    return None


def _head_lex(values: tuple[Lex, ...]) -> Lex | None:
    return next((lex for lex in values if lex.kind == "head"), None)


def _form_role(form: str, values: tuple[Lex, ...], lexicon: Lexicon) -> FormRole:
    """What a form of the lexicon is: its entity reading (as `_mention_fields`), whether it is a
    head noun, a title-layer word."""
    lex = _entity_lex(values)
    if (
        lex is not None
        and " " not in form
        and strip_clitic(form)[1:2]
        and any(variant in lexicon.function for variant in strip_clitic(form)[1:])
    ):
        lex = None  # a form that reads as clitic + function word (ومع) needs more than itself
    is_title = any(v.kind in ("title", "counterpart", "honorific") for v in values)
    return None if lex is None else _mention_fields(lex), _head_lex(values) is not None, is_title


def gazetteer_hits(
    tokens: Tokens, lexicon: Lexicon
) -> tuple[list[EntityMention], list[PhraseHit[Lex]], list[PhraseHit[Lex]]]:
    """One pass of the phrase matcher: entity candidates, head-noun hits, title-layer hits."""
    text = tokens.text
    entities: list[EntityMention] = []
    heads: list[PhraseHit[Lex]] = []
    titles: list[PhraseHit[Lex]] = []
    roles = lexicon.form_roles
    openers = tokens.listed(lexicon, Listed.PHRASES)
    unsure: list[EntityMention] = []  # bodies named by a common word (وات), kept if the text agrees
    for hit in lexicon.phrases.iter_all(text, words=tokens.spans, texts=tokens.texts, openers=openers):
        role = roles.get(hit.form)
        if role is None:
            role = roles[hit.form] = _form_role(hit.form, hit.values, lexicon)
        fields, is_head, is_title = role
        if fields is not None and hit.form in lexicon.country_words and not _country_in_context(hit, tokens):
            fields = None  # دعم مالي: the word, not the country
        if (
            fields is not None
            and fields[0] == "nisba"
            and (_given_name_here(tokens, hit) or _family_name_here(tokens, hit, lexicon))
        ):
            fields = None  # الأمير تركي، عبد الله التركماني: a name, not a nationality
        if (
            fields is not None
            and hit.form in lexicon.org_words
            and fields[0] == "org"
            and not _bracketed(text, hit.start, hit.end)
        ):
            unsure.append(EntityMention(hit.start, hit.end, *fields))
            fields = None
        if fields is not None:
            if fields[0] == "country" and hit.form in lexicon.capital_countries:
                fields = _capital_in_context(hit, fields, text, lexicon)
            mention = EntityMention(hit.start, hit.end, *fields)
            if hit.form != hit.text:
                # Written after ل without the article's alef (للأمم المتحدة).
                mention.lam = hit.form.startswith("ال")
            entities.append(mention)
        if is_head:
            heads.append(hit)
        if is_title:
            titles.append(hit)
    entities.extend(
        EntityMention(match.start(), match.end(), "org", f"org:{lex.key}", lex.name, lex.country)
        for match in LATIN_ACRONYM.finditer(text)
        for lex in lexicon.acronyms.values(match.group())
    )
    if unsure:
        # كيلو وات is a unit; وات after وكالة تونس أفريقيا للأنباء (وات) is the agency.
        named = {mention.key for mention in entities}
        entities.extend(mention for mention in unsure if mention.key in named)
    return entities, heads, titles


def _bare_token(tokens: Tokens, hit: PhraseHit[Lex]) -> int | None:
    """The index of the token *hit* is, written as its form with no clitic, if it is one."""
    if hit.text != hit.form:
        return None
    i = tokens.at_start(hit.start)
    return i if i is not None and tokens.ends[i] == hit.end else None


def _given_name_here(tokens: Tokens, hit: PhraseHit[Lex]) -> bool:
    """Whether a bare nationality word (تركي) is a given name here: before بن/ابن/بنت (its bearer's
    father) or right after a royal or courtesy title (الأمير تركي)."""
    if hit.form.startswith("ال"):
        return False  # الإيطالي: a definite nationality word is never a given name
    i = _bare_token(tokens, hit)
    if i is None:
        return False
    if i + 1 < len(tokens) and tokens.joined(i) and tokens.texts[i + 1] in NASAB:
        return True
    return i > 0 and tokens.joined(i - 1) and tokens.texts[i - 1] in _NAME_TITLES


def _family_name_here(tokens: Tokens, hit: PhraseHit[Lex], lexicon: Lexicon) -> bool:
    """Whether a nationality word is a family name: right after a given name (عبد الله التركماني،
    محمد المصري), where a nationality would have no noun to describe."""
    if not hit.form.startswith("ال") or not hit.form.endswith("ي"):
        return False
    i = _bare_token(tokens, hit)
    if i is None or i == 0 or not tokens.joined(i - 1):
        return False
    before = tokens.texts[i - 1]
    return before in lexicon.given or (before in _COMPOUND_TAILS and i > 1 and tokens.texts[i - 2] == "عبد")


NASAB = frozenset({"بن", "ابن", "بنت"})
"""The words between a name and its bearer's father's (son of, daughter of)."""
# Titles after which a nationality word is a given name (folded).
_NAME_TITLES = frozenset({"الامير", "الاميره", "الشيخ", "الشيخه", "الملك", "السلطان", "سمو"})


def _bracketed(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands in quotes or brackets: (وات), "وات"."""
    before = text[max(0, start - 2) : start].rstrip(" ")
    after = text[end : end + 2].lstrip(" ")
    return before.endswith(('"', "(", "'")) and after.startswith(('"', ")", "'"))


# العاصمة الأردنية عمان، عمان، الأردن: a country's name that is also a capital's, told as the capital.
_CAPITAL_BEFORE = regex.compile(r"(?<!\p{L})العاصمه(?:\s+\p{L}+)?\s+$")
_COUNTRY_AFTER = regex.compile(r"\s*[,(]\s*(\p{L}+)")


# Words after which a country name that is also a common word (مالي) is the country.
_COUNTRY_BEFORE = frozenset(
    {
        "في",
        "الي",
        "من",
        "مع",
        "عن",
        "حول",
        "بين",
        "دوله",
        "جمهوريه",
        "شمال",
        "جنوب",
        "شرق",
        "غرب",
        "وسط",
        "حكومه",
        "رئيس",
        "عاصمه",
        "داخل",
        "خارج",
        "نحو",
        "تجاه",
        "ضد",
        "لدي",
    }
)


def _country_in_context(hit: PhraseHit[Lex], tokens: Tokens) -> bool:
    """Whether a country name that is also a word (مالي) names the country here: with ب or ل
    attached (لمالي), or after a preposition or a word like دولة (في مالي، شمال مالي)."""
    if hit.text != hit.form and hit.text.endswith(hit.form) and hit.text[0] in "بل":
        return True
    i = tokens.at_start(hit.start)
    if i is None or i == 0 or not tokens.joined(i - 1):
        return False
    return any(variant in _COUNTRY_BEFORE for variant in tokens.variants(i - 1))


def _capital_in_context(
    hit: PhraseHit[Lex], fields: EntityFields, text: str, lexicon: Lexicon
) -> EntityFields:
    """The place reading of a form that names a country and another country's capital (عمان), in
    context: after العاصمة (and its nisba), or before a comma and the capital's country."""
    country = fields[3]
    place = next((v for v in hit.values if v.kind == "place" and v.country != country), None)
    if place is None:
        return fields
    if _CAPITAL_BEFORE.search(text, max(0, hit.start - 30), hit.start):
        return _mention_fields(place)
    after = _COUNTRY_AFTER.match(text, hit.end)
    if after is not None and any(
        v.kind in ("country", "nisba") and v.country == place.country
        for v in lexicon.phrases.values(after.group(1))
    ):
        return _mention_fields(place)
    return fields


# Genitives of body names that are masculine or human plurals (مجلس الوزراء، مجلس الأمن), folded.
_MASCULINE_GENITIVES = frozenset(
    {"الوزراء", "النواب", "الشيوخ", "الاعيان", "الامناء", "الشعب", "الامن", "الشوري", "المحافظين"}
)


def _is_definite(word: str) -> bool:
    return word.startswith("ال") and len(word) > 3


def _agrees(feminine: bool, word: str) -> bool:
    """Whether a definite *word* may be an adjective of a head of that gender.

    A feminine head (``المحكمة``, ``القوات``) takes feminine adjectives (``الدستوريه``,
    ``العليا``, ``الكبري``); a masculine one never takes a word ending in ة (``المجلس`` |
    ``القضيه``).  Nouns that only look like adjectives still pass: this only stops the
    plain mismatches.
    """
    if feminine:
        return word.endswith(("ه", "ات", "ا", "ي"))
    return not word.endswith("ه")


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
    indefinite_head = not head.form.startswith("ال")
    # After a definite head every word is an adjective agreeing with it, up to a ل phrase.
    adjectives_only = not indefinite_head
    head_feminine = head.form.endswith(("ه", "ات"))
    after_conjunction = False
    lam_phrase = False
    heads = lexicon.org_heads
    count = len(tokens.starts)
    # A ل phrase may coordinate several nouns (للتعاون التجاري والاقتصادي والعلمي والفني).
    while k < count and len(words) < (11 if lam_phrase else 7):
        gap = "" if tokens.joined(k - 1) else tokens.gap(k - 1).strip(" ")
        tok_start, tok_end, word = tokens.starts[k], tokens.ends[k], tokens.texts[k]
        if gap and not (gap == "+" and word.isdigit() and words):
            break
        if tok_start in title_starts:
            break  # الجيش العماد …: a title starts a new phrase
        found = entities_at.get(tok_start)
        if found is not None and _bare_short_name(found, tokens.text):
            found = None
        if found is not None and found.kind != "org_adj":
            if found.kind == "nisba":
                country = country or found.country
                has_nisba = True
            elif found.kind in ("country", "place"):
                if (
                    not lam_phrase
                    and (not indefinite_head or (words and _is_definite(words[-1])))
                    and (found.kind == "place" or not _is_definite(tokens.text[found.start : found.end]))
                ):
                    # القوات المسلحة | واشنطن، الجيش | مدينة دوما: a definite name takes no
                    # genitive, so a place after it starts the rest of the sentence.
                    break
                if found.kind == "place" and not words and found.country:
                    place_country = found.country
                if words and tokens.text[found.start : found.end].endswith("يه"):
                    has_nisba = True  # مجلس الغرف التجارية السعودية: the country's name as an adjective
                country = country or found.country
            elif found.kind == "org" and found.country:
                country = country or found.country
            inner.append(found)
            words.append(tokens.text[found.start : found.end])
            end = found.end
            k = (tokens.at_end(found.end) or k) + 1
            continue
        if word == "بشان" and not lam_phrase and k + 1 < count and tokens.joined(k):
            subject = entities_at.get(tokens.starts[k + 1])
            if (
                subject is not None
                and subject.kind in ("country", "place")
                and subject.end == tokens.ends[k + 1]
            ):
                # مجموعة العمل بشأن سورية، المؤتمر الدولي بشأن ليبيا: the country the body is about.
                inner.append(subject)
                words.extend((word, tokens.text[subject.start : subject.end]))
                end = subject.end
                break
        if (
            word == "وراء"
            and words
            and k + 1 < count
            and tokens.joined(k)
            and tokens.texts[k + 1] == "البحار"
        ):
            # دائرة العمل وراء البحار: "overseas" is part of a body's name, not a preposition.
            words.extend((word, tokens.texts[k + 1]))
            end = tokens.ends[k + 1]
            k += 2
            continue
        if (word in lexicon.stop and word not in _ORG_ADJECTIVES) or word in lexicon.reporting_verbs:
            break
        if word.isdigit():
            # Numbers belong to a name only in the "5 + 5" shape.
            after = tokens.gap(k).strip(" ") if k + 1 < count else ""
            if not words or "+" not in (gap, after):
                break
            words.append(word)
            end = tok_end
            k += 1
            continue
        if word in lexicon.org_stop:
            break  # السابق، المنحل: the body's state, not its name
        if _is_definite(word):
            if after_conjunction and not word.endswith(("ي", "يه", "يين", "يون")):
                break  # حزب العدالة والبناء | الذراع: only a relational adjective goes on
            if lam_phrase and words[-1].startswith("لل"):
                # المجلس المصري للشؤون | الخارجية: the adjective goes with the ل phrase's noun,
                # so only a relational adjective is taken, whatever the head's gender.
                if not word.endswith(("ي", "يه")):
                    break
            elif (
                (adjectives_only or has_nisba)
                # وزارة الداخلية | الترخيص: after a definite genitive, a feminine head's
                # adjective agrees with it (or is an elative: جمعية الهلال الأحمر).
                or (
                    indefinite_head
                    and head_feminine
                    and words
                    and _is_definite(words[-1])
                    and not word.startswith("الا")
                )
            ) and not _agrees(head_feminine, word):
                # المحكمة الدستورية العليا | اليمين, وزارة الخارجية القطرية | الهجوم: a noun,
                # not an adjective of the head.
                break
            elif (
                indefinite_head
                and not head_feminine
                and len(words) == 1
                and words[0] in _MASCULINE_GENITIVES
                and word.endswith("ه")
            ):
                # جلسة مجلس الوزراء | الأسبوعية: after a masculine head and a masculine genitive, a
                # feminine adjective belongs to a noun before the name.  (Broken plurals of things,
                # مجلس الغرف التجارية, take feminine adjectives: only known genitives are checked.)
                break
            words.append(word)
            end = tok_end
            k += 1
            continue
        nxt = tokens.texts[k + 1] if k + 1 < count and tokens.joined(k) else ""
        if (
            indefinite_head
            and len(words) == 1
            and not inner
            and word.startswith("وال")
            and len(word) > 4
            and word[1:] not in heads
        ):
            # حزب العدالة والتنمية، وزارة الإعمار والإسكان: a coordinated genitive (not another
            # body: مجلس النواب | والمجلس الأعلى).
            after_conjunction = True
            words.append(word)
            end = tok_end
            k += 1
            continue
        if lam_phrase and word.startswith("وال") and len(word) > 5 and word[1:] not in heads:
            # للتعاون التجاري والاقتصادي والعلمي، للصناعة والتجارة: words coordinated in the ل
            # phrase (not another body: للشغل | والحكومة).
            words.append(word)
            end = tok_end
            k += 1
            continue
        if lex.takes_lam and words and word.startswith("لل") and len(word) > 4 and not after_conjunction:
            lam_phrase = True
            adjectives_only = False
            words.append(word)
            end = tok_end
            k += 1
            continue
        if lex.takes_lam and words and word.startswith("ل") and _is_definite(nxt) and not after_conjunction:
            lam_phrase = True
            adjectives_only = False
            words.extend((word, nxt))
            end = tokens.ends[k + 1]
            k += 2
            continue
        # A noun in construct with what follows: جامعة الدول، خارجية روسيا.
        next_is_entity = bool(nxt) and tokens.starts[k + 1] in entities_at
        # (Only an indefinite head is in construct: الجيش فتح المعابر is a sentence.)
        indefinite = not head.form.startswith("ال")
        if not words and indefinite and len(word) > 2 and (_is_definite(nxt) or next_is_entity):
            words.append(word)
            end = tok_end
            k += 1
            continue
        break
    # Trailing digits need a preceding word (اللجنة العسكرية المشتركة 5 + 5), and never end on "+".
    if not words and lex.stands_alone:
        # وقالت الحكومة: the article's own government (its country comes from context).
        return EntityMention(
            head.start,
            head.end,
            "org",
            "orgp:" + lex.key,
            tokens.text[head.start : head.end],
            None,
            lex.category,
            head=lex.key,
            gazetteer=False,
            lam=head.form != head.text and head.form.startswith("ال"),
        )
    if not words or (lex.needs_nisba and not has_nisba):
        return None
    if lex.needs_nisba:
        # الحكومة الإيطالية: the head and its adjective only, agreeing in gender, and the head
        # not itself an adjective of the noun before it (الشؤون الداخلية السورية).
        first = inner[0] if inner and inner[0].kind == "nisba" else None
        if first is None or first.start != tokens.starts[last + 1]:
            return None
        adjective = tokens.text[first.start : first.end]
        if lex.key.endswith("ه") and not adjective.endswith(("ه", "ات")):
            return None
        own = tokens.covering(head.start)
        if not head.clitic and own > 0 and tokens.joined(own - 1):
            previous = tokens.texts[own - 1]
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
        lam=head.form != head.text and head.form.startswith("ال"),
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
        if not org.words and not org.inner and not _acting_body(org, tokens, lexicon, titles):
            continue
        alias = (
            lex.category in _NAMING_HEADS
            and len(org.inner) == 1
            and org.inner[0].kind == "org"
            and org.inner[0].end == org.end
        )
        prefix = next((m for m in org.inner if m.kind == "org" and m.start == org.start), None)
        if alias:
            # وكالة فرانس برس is فرانس برس, حركة حماس is حماس.
            org.key, org.name, org.country = org.inner[0].key, org.inner[0].name, org.inner[0].country
            org.gazetteer = True
        elif prefix is not None:
            org.key = prefix.key
        grown.append(org)
    # Gazetteer hits first, so that a pattern organization of the same extent gives way.
    chosen = select_longest([*gazetteer, *grown])
    chosen = [m for m in chosen if not _bare_short_name(m, tokens.text)]
    return chosen, titles, events


# Words after which a bare body (الحكومة) is the one acting or agreeing, not an institution in
# general (إلغاء الحكومة والمؤسسات): a subordinating particle or a preposition of parties.
_BARE_BODY_CUES = frozenset({"ان", "وان", "بان", "لان", "اذ", "بين", "مع", "ومع"})


def _acting_body(org: EntityMention, tokens: Tokens, lexicon: Lexicon, titles: list[PhraseHit[Lex]]) -> bool:
    """Whether a bare head (``الحكومة``) stands for the article's own body here.

    Only without a clitic, outside a title (رئيس الحكومة), and after a reporting verb
    (قالت الحكومة), a particle (أن الحكومة، بين الحكومة …) or at the start of a sentence.
    """
    i = tokens.at_start(org.start)
    if i is None or org.lam:
        return False
    opens = i == 0 or tokens.gap(i - 1).strip(" ")[-1:] in (".", "\n", ":")
    if not opens:
        previous = tokens.texts[i - 1]
        cued = previous in _BARE_BODY_CUES or previous in lexicon.reporting_surface
        if not (tokens.joined(i - 1) and cued):
            return False
    # A title holding the word is checked last: few bare heads get this far.
    return not any(t.start <= org.start < t.end for t in titles)


# Heads that only say what sort of body the name after them is (وكالة، حركة، شركة).
_NAMING_HEADS = frozenset({"media", "party", "armed_group", "ngo", "company"})


def _bare_short_name(mention: EntityMention, text: str) -> bool:
    """A one-word name of three letters (فتح، وام) standing in running text reads as a common word.

    Such names count where the text sets them apart: in quotes or parentheses, at a
    line's edge, or before punctuation (``حماس وفتح.``); or inside a longer name.
    """
    if mention.kind != "org" or not mention.gazetteer or mention.end - mention.start > 3:
        return False
    if " " in text[mention.start : mention.end]:
        return False
    left = text[max(0, mention.start - 8) : mention.start].rstrip(" ")[-1:]
    right = text[mention.end : mention.end + 8].lstrip(" ")[:1]
    apart = left in ("", "\n", "(", '"', "-", "/") or right in ("", "\n", ")", '"', "-", "/", ",", ".")
    return not apart


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name read over tokens (normalized offsets)."""

    start: int
    end: int
    words: tuple[str, ...]
    quoted: bool = False


def _clitic_size(word: str) -> int:
    """Length of the longest clitic prefix *word* may carry (``وب`` → 2, ``ل`` → 1)."""
    size = 1 if word[:1] in ("و", "ف") else 0
    if word[size : size + 1] in ("ب", "ل", "ك"):
        size += 1
    return size


def strip_clitic(word: str) -> list[str]:
    """*word* and the words it may be once a clitic prefix is removed (``وبوتين`` → ``بوتين``)."""
    out = [word]
    longest = _clitic_size(word)
    out.extend(word[size:] for size in range(1, longest + 1) if len(word) - size >= 3)
    if word.startswith("لل") and len(word) > 4:
        out.append("ال" + word[2:])
    return out


def _name_like(word: str, lexicon: Lexicon) -> bool:
    if word in lexicon.stop or word in lexicon.reporting_verbs or len(word) < 2:
        return False
    # وهذه، وهو، ومن: a clitic on a function word.
    for size in range(1, _clitic_size(word) + 1):
        if len(word) - size >= 2 and word[size:] in lexicon.function:
            return False
    return True


def _unknown_word_is_no_name(word: str, lexicon: Lexicon, *, surname: bool = False) -> bool:
    """Shapes of an unknown word that make it a common word rather than a name.

    Only for words in no name list: a clitic before the article (بالإيجابي), ب before an
    alef-initial word (بإعادة), a conjunction (وضيفه), an imperfect verb (يغطي، تحصل),
    a pronoun suffix (لديها، إننا), a sound feminine plural (مواصفات), or a verbal noun of
    the افتعال / استفعال / إفعال patterns (احترام، استعراض، إعلان).  A *surname* (after a
    known given name) is not judged by its verb shape: ترمب، يلدريم.
    """
    if word in lexicon.given or word in lexicon.family:
        return False
    if any(form.startswith("ال") for form in strip_clitic(word)):
        return True
    size = len(word)
    if size >= 4 and (word.startswith("با") or word[0] == "و"):
        return word not in lexicon.weak_given
    # Imperfect verbs: ي + root (يغطي، يعتبر), or ت/ن + a three-letter root (تحصل); longer
    # ت-words are often foreign names (ترامب، ترودو).
    verb_shape = (size >= 4 and word[0] == "ي") or (size == 4 and word[0] in "تن")
    if verb_shape and not surname and word not in lexicon.weak_given:
        return True
    if size >= 5 and word[:2] in ("سي", "ست", "سن", "بت", "لت"):
        return word not in lexicon.weak_given  # future and prefixed imperfect verbs (سيعود، بتقديم)
    if size >= 4 and word.endswith(("ها", "هم", "هما", "كم", "نا", "ات")):
        return True
    if word[0] == "ا" and size >= 5 and word[-2] == "ا":
        return size == 5 or word[2] == "ت" or word.startswith("است")
    return False


def common_word_shape(word: str, lexicon: Lexicon) -> bool:
    """*word* is in no name list and has a shape names lack (a plural in ات, a verb, a clitic …)."""
    return _unknown_word_is_no_name(word, lexicon)


def _verb_after_name(word: str, lexicon: Lexicon) -> bool:
    """A verb right after a name, where a family name would stand: an imperfect of the استفعل
    family (سعد | يستهدف).  (Not a past in ت: شوكت، مدحت are names.)"""
    if word in lexicon.family or word in lexicon.given or word in lexicon.weak_given:
        return False
    return len(word) >= 5 and word.startswith(("يست", "تست"))


def _prepositional_noun(word: str, lexicon: Lexicon) -> bool:
    """A preposition on a feminine noun (لزيارة، بمناسبة), which ends a name rather than closing it.

    Family names of that shape start ``بو`` (بوتفليقة) or ``لع`` (لعمامرة); listed family
    names always pass.
    """
    return (
        len(word) >= 5
        and word[0] in "بل"
        and word[1] not in "وع"
        and word.endswith("ه")
        and word not in lexicon.family
    )


def _common_word_shape(word: str) -> bool:
    """Shapes a first name never has: a preposition on a feminine noun (بزيارة، لمدينة),
    an accusative participle (مؤكدا، قائلا), a feminine past verb (تناولت)."""
    size = len(word)
    if size >= 5 and word[0] in "بل" and word.endswith("ه"):
        return True
    if size >= 5 and word.endswith("ا") and (word[0] == "م" or word[1] == "ا"):
        return True
    return size >= 5 and word[0] == "ت" and word.endswith("ت")


def is_given(word: str, lexicon: Lexicon) -> bool:
    """*word* is a given name of any list (the data files or pyarabic's)."""
    return _given(word, lexicon, weak=True)


def _given(word: str, lexicon: Lexicon, *, weak: bool) -> bool:
    if word in lexicon.given:
        return True
    if word.startswith("عبد") and len(word) > 5:  # عبدالعزيز written as one word
        return True
    return weak and word in lexicon.weak_given


def _loose_next(
    tokens: Tokens, k: int, lexicon: Lexicon, blocked: set[int], *, syllable: bool = False
) -> bool:
    """Whether an unknown word *k* may go on a name read loosely after a title.

    Not when it looks like a verb or a prefixed word, has the article, or is a number.
    A *syllable* of a name of short words (بينغ in شي جين بينغ) may start like a preposition.
    """
    word = tokens.texts[k]
    # ب/ل/ك on a noun (بزيارة، لوزير), but not a listed family name (لعمامرة) nor a long foreign
    # name with a long vowel after its first letter (كاغامي، ليتشيانغ).
    prefixed = (
        word[0] in "بلك"
        and len(word) >= (5 if syllable else 4)
        and word not in lexicon.family
        and not (len(word) >= 6 and word[1] in "اوي" and not word.endswith(("ه", "ا")))
        # A final نغ is foreign (ليفنغ، لينغ): no Arabic noun ends so.
        and not word.endswith("نغ")
    )
    return (
        tokens.starts[k] not in blocked
        and _name_like(word, lexicon)
        and not word.startswith("ال")
        and not word.isdigit()
        and not _unknown_word_is_no_name(word, lexicon)
        and not prefixed
        and not (word.endswith("ا") and len(word) >= 4)
    )


# What follows a name as a clause's subject: the reported speech (قال … إن) or a comma.
_AFTER_SUBJECT = frozenset({"ان", "انه", "انها"})


def _closing_syllable(tokens: Tokens, k: int, blocked: set[int]) -> bool:
    """A last syllable of a name of short words that is also a function word (وانغ ون بين),
    when the clause goes on right after it (``… بين إن``, ``… بين،``) rather than the word
    governing what follows (بين الدولتين)."""
    word = tokens.texts[k]
    if tokens.starts[k] in blocked or len(word) > 3 or word.startswith("ال") or word.isdigit():
        return False
    if not tokens.joined(k):
        return tokens.gap(k).strip(" ")[:1] == ","
    return k + 1 < len(tokens) and tokens.texts[k + 1] in _AFTER_SUBJECT


def read_name(
    tokens: Tokens,
    i: int,
    lexicon: Lexicon,
    blocked: set[int],
    *,
    loose: bool,
    weak: bool = True,
    limit: int = 6,
    clitic: int = 0,
) -> int | None:
    """Read a person's name starting at token *i*; the index of its last token, or None.

    A name is a chain of given names and particles (``محمد بن سلمان بن عبدالعزيز``)
    and then one family name.  With *loose* (right after a title or honorific)
    its first words need not be known given names: one or two words that look
    like a name are taken (``الرئيس دوتيرتي``, ``السفير وو جيشان``).
    *blocked* holds the starts of tokens that belong to other mentions.  The first
    *clitic* letters of token *i* are a conjunction, not part of the name (``وخليفة``).
    """
    starts, texts = tokens.starts, tokens.texts
    n = len(starts)
    if i >= n or starts[i] in blocked:
        return None
    first = texts[i][clitic:]
    if not loose and first not in lexicon.particles and not _given(first, lexicon, weak=weak):
        return None  # (what the chain below comes to: most calls, told cheaply)
    if not _name_like(first, lexicon) or first.isdigit():
        return None
    j = i
    chain = False
    nasab = False
    # Given names and particles.
    run = 0  # given names in a row, and whether the last one is only in pyarabic's list
    weak_last = False
    strong = False  # some given name of the chain is in the data lists
    particle = False
    while j < n:
        word = texts[j] if j > i else first
        if j > i and starts[j] in blocked:
            break
        if word in lexicon.particles and j + 1 < n and tokens.joined(j) and starts[j + 1] not in blocked:
            run = 0
            particle = True
            nasab = nasab or word in ("بن", "ابن", "بنت")
            j += 2 if texts[j + 1] not in lexicon.particles else 1
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
            run += 1
            weak_last = not compound and not _given(word, lexicon, weak=False)
            strong = strong or not weak_last
            if j + 1 < n and tokens.joined(j) and starts[j + 1] not in blocked:
                j += 1
                continue
            return j
        break
    if not chain:
        if not loose or _unknown_word_is_no_name(first, lexicon) or _common_word_shape(first):
            return None
        if first.endswith("ا") and j + 1 < n and tokens.joined(j) and texts[j + 1].endswith("ا"):
            return None  # an indefinite noun and its adjective (مؤتمرا صحفيا), not a name
        # One unknown word, and a second one if it does not look like a verb or a prefixed word.
        if first in lexicon.family and first.startswith("ال"):
            return j  # الرئيس الأسد | أردوغان: a family name standing for the person
        if j + 1 < n and tokens.joined(j) and texts[j + 1] in lexicon.particles:
            # ثاني بن أحمد الزيودي: an unknown given name, then a chain of the usual kind.
            rest = read_name(tokens, j + 1, lexicon, blocked, loose=False, weak=weak, limit=limit - 1)
            if rest is not None and rest > j + 1:
                return rest
        if (
            j + 1 < n
            and tokens.joined(j)
            and j + 1 - i < limit
            and _loose_next(tokens, j + 1, lexicon, blocked)
        ):
            # ليو ويه مين، شي جين بينغ: names of one-syllable words run to three.
            third = j + 2
            if (
                len(first) <= 4
                and len(texts[j + 1]) <= 4
                and third < n
                and tokens.joined(j + 1)
                and len(texts[third]) <= 5
                and third - i < limit
                and (
                    _loose_next(tokens, third, lexicon, blocked, syllable=True)
                    or _closing_syllable(tokens, third, blocked)
                )
            ):
                return third
            return j + 1
        return j
    # j is the first word after the chain: the family name, if it is one.
    word = texts[j]
    # عبد الله الثاني: one compound given name (عبد + its word) counts as one given name.
    single = (run == 1 and not particle) or (run == 0 and j - i == 2 and first == "عبد")
    if word in REGNAL_ORDINALS and single and starts[j] not in blocked:
        # عبدالله الثاني، محمد السادس: a monarch's ordinal, and his father's name after it
        # (عبدالله الثاني ابن الحسين).
        nasab_next = j + 2 < n and tokens.joined(j) and tokens.joined(j + 1) and texts[j + 1] in ("بن", "ابن")
        if nasab_next and starts[j + 2] not in blocked and _given(texts[j + 2], lexicon, weak=False):
            return j + 2
        return j
    if starts[j] in blocked or not _name_like(word, lexicon) or word.isdigit():
        return j - 1
    if nasab and not word.startswith("ال") and word not in lexicon.family:
        return j - 1
    if (
        len(word) >= 5
        and word.endswith("ا")
        and word[0] == "ا"
        and word[1] != "ل"
        and word not in lexicon.family
    ):
        return j - 1  # محمود عباس | اجتماعا، اتفاقا، اتصالا: an indefinite object, not a family name
    if word.startswith("ال") and len(word) >= 7 and word.endswith("يه") and word not in lexicon.family:
        return j - 1  # عبدالله | الاقتصاديه: a feminine adjective, not a family name
    if (
        word.startswith("ال")
        and word not in lexicon.family
        and (
            (len(word) == 7 and word.startswith("الا") and word[4] == "ا" and word.endswith("ه"))
            or (len(word) >= 6 and word.endswith("ات"))
        )
    ):
        return j - 1  # طيب | الإقامة، جني | الثمرات: a verbal noun or a plural, not a family name
    # ميشال عون: a second given name that is only in the classical list is the family name.
    # (Unless the next word is long and looks like a name itself: رجب طيب أردوغان; a short
    # one is mostly a verb: ميشال عون كلف.)
    if (
        run >= 2
        and weak_last
        and not word.startswith("ال")
        and word not in lexicon.family
        and (len(word) < 5 or _unknown_word_is_no_name(word, lexicon) or _common_word_shape(word))
    ):
        return j - 1
    if not word.startswith("ال") and (
        _unknown_word_is_no_name(word, lexicon, surname=True)
        or _prepositional_noun(word, lexicon)
        or _verb_after_name(word, lexicon)
    ):
        return j - 1
    # After a name only pyarabic knows (كامل، حسن), the next word must look like a name too,
    # unless a title or quotes already say a name is coming.
    if (
        not strong
        and not particle
        and not loose
        and (_unknown_word_is_no_name(word, lexicon) or _common_word_shape(word) or word.endswith("ا"))
    ):
        return j - 1
    if word in lexicon.reporting_verbs:
        return j - 1
    # عبدربه منصور هادي | جملة (three given names are a whole name), قيس سعيد | بقصر (after two,
    # a preposition on a noun ends the name).
    if (
        run >= 2
        and len(word) >= 4
        and word not in lexicon.family
        and not word.startswith("ال")
        and (run >= 3 or (word[0] in "بلك" and word[1] not in "اوي"))
    ):
        return j - 1
    if word.startswith("ال"):
        # نواف الأحمد الجابر الصباح: a chain of family names up to a listed one.
        end = j
        for k in range(j + 1, min(j + 3, n)):
            if not tokens.joined(k - 1) or starts[k] in blocked or not texts[k].startswith("ال"):
                break
            if texts[k] in lexicon.family:
                end = k
        if end > j:
            return end
    if j + 1 < n and tokens.joined(j) and texts[j + 1] in _SURNAME_TAILS and starts[j + 1] not in blocked:
        return j + 1  # خطيب زاده، جاويش أوغلو
    if (
        run == 1
        and j - i == 1
        and word not in lexicon.given
        and word not in lexicon.family
        and len(first) <= 4
        and len(word) <= 3
        and j + 1 < n
        and tokens.joined(j)
        and _closing_syllable(tokens, j + 1, blocked)
    ):
        return j + 1  # وانغ ون بين: three short syllables, the last also a function word
    # رجب طيب أردوغان: an unknown middle name before a listed family name.
    if (
        j + 1 < n
        and tokens.joined(j)
        and texts[j + 1] in lexicon.family
        and starts[j + 1] not in blocked
        and word not in lexicon.family
        and not word.startswith("ال")
        and not first.startswith("ال")
    ):
        return j + 1
    return j
