"""The actor lexicon: every gazetteer form, title form and actor word list, compiled once.

`actor_lexicon(resources)` builds (and caches on the resource set) one
`PhraseMatcher` over the folded forms of countries (names and the nationality
adjectives expanded from their ``nisba`` stems), places, organizations (names,
forms, adjectives), organization head nouns, titles, counterpart words and
honorifics, plus the word sets the person matcher needs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cache
from typing import Literal, TypeVar

import regex

from libnews import gazetteer
from libnews.match.phrases import PhraseMatcher
from libnews.resources import Resources
from libnews.resources.actors_schema import (
    ActorWordsEntry,
    AttributionCueEntry,
    DynastyEntry,
    HomeCueEntry,
    KnownPersonEntry,
    OrgHeadEntry,
)
from libnews.resources.gazetteer_schema import (
    CountryEntry,
    NameListEntry,
    OrganizationEntry,
    PlaceEntry,
    TitleEntry,
)
from libnews.text.normalize import fold

T = TypeVar("T")

__all__ = [
    "FOLDED_ALA",
    "EntityFields",
    "FormRole",
    "Lex",
    "LexKind",
    "Lexicon",
    "Listed",
    "actor_lexicon",
    "clitic_surface",
    "nisba_forms",
    "pyarabic_given_names",
]

LexKind = Literal["country", "nisba", "place", "org", "org_adj", "head", "title", "counterpart", "honorific"]

# Endings of a nationality adjective after its stem: masculine, feminine (ة folded to ه),
# plurals and duals.
_NISBA_ENDINGS = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ات")


@dataclass(frozen=True, slots=True)
class Lex:
    """What one form of the lexicon stands for."""

    kind: LexKind
    key: str
    """Country code, place name, organization id, head word or role key."""
    name: str
    """The display name of the entry (as written in the data file)."""
    country: str | None = None
    category: str | None = None
    """Title category, organization or place type."""
    needs_nisba: bool = False
    takes_lam: bool = False
    event: bool = False
    stands_alone: bool = False
    takes_organization: bool = True


EntityFields = tuple[str, str, str, str | None, str | None]
"""What a gazetteer form makes of an entity mention: kind, key, name, country, type
(`libnews.match.actors.EntityMention`)."""
FormRole = tuple[EntityFields | None, bool, bool]
"""What a form of `Lexicon.phrases` is: an entity (its fields), a head noun, a title-layer word."""


class Listed(IntEnum):
    """The word lists the actor stage looks every word of a text up in: scanned together, once
    per text (`Lexicon.listed`, `libnews.match.actors.Tokens.listed`)."""

    PHRASES = 0
    """`Lexicon.phrases` (its `PhraseMatcher.surface`)."""
    TITLE_MODIFIERS = 1
    HOME_CUES = 2
    ATTRIBUTION_CUES = 3
    GIVEN = 4
    REPORTING = 5
    """`Lexicon.reporting_surface`."""
    WAW_GIVEN = 6
    ALA = 7
    """`FOLDED_ALA`."""
    KNOWN_ALONE = 8
    """`Lexicon.known_alone_surface`."""


# على (on) and وعلى fold onto علي, a given name: where they stand, the original spelling tells.
FOLDED_ALA = frozenset({"علي", "وعلي"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the actor matchers look up, folded."""

    phrases: PhraseMatcher[Lex]
    acronyms: PhraseMatcher[Lex]
    given: frozenset[str]
    """Given names from the data files (strong evidence of a name)."""
    weak_given: frozenset[str]
    """Given names of pyarabic's classical list (a name only in a name context)."""
    particles: frozenset[str]
    family: frozenset[str]
    stop: frozenset[str]
    function: frozenset[str]
    reporting_verbs: frozenset[str]
    title_modifiers: PhraseMatcher[str]
    place_prepositions: frozenset[str]
    statements: frozenset[str]
    source_nouns: frozenset[str]
    capitals: dict[str, str] = field(default_factory=dict)
    """Folded capital name -> country code."""
    capital_countries: frozenset[str] = frozenset()
    """Country names that are also another country's capital (``عمان``), folded."""
    country_words: frozenset[str] = frozenset()
    """Country names that are also common words (``مالي``), folded: see `CountryEntry.also_words`."""
    org_words: frozenset[str] = frozenset()
    """Organization names that are also common words (``وات``), folded: see
    `OrganizationEntry.also_words`."""
    cues: PhraseMatcher[AttributionCueEntry] | None = None
    reporting_surface: frozenset[str] = frozenset()
    """`reporting_verbs` as they may be written, clitics included (`clitic_surface`)."""
    home_cues: PhraseMatcher[tuple[str, ...]] | None = None
    """Words that narrow down the country an article is written in, to its candidates."""
    dynasties: dict[tuple[str, ...], str] = field(default_factory=dict)
    """Words of a ruling family's name (``("ال", "نهيان")``) -> the country it rules."""
    waw_given: frozenset[str] = frozenset()
    """`given` names after the conjunction و (``وخليفة``), to find coordinated names fast."""
    known_persons: dict[tuple[str, ...], str | None] = field(default_factory=dict)
    """Two or more consecutive words of a known person's name (`name_words`) -> their country,
    or None where the words belong to people of different countries (عبد الفتاح)."""
    known_full: frozenset[tuple[str, ...]] = frozenset()
    """The whole names of `known_persons`: a longer name holding one is that person."""
    known_alone: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    """Folded words that alone name a known person (``اردوغان``) -> (their name, their country)."""
    known_last: dict[str, str] = field(default_factory=dict)
    """The last word of a known person's name (``مرسي``) -> their country, where one country has it."""
    known_alone_surface: frozenset[str] = frozenset()
    """`known_alone` as it may be written, clitics included (`clitic_surface`)."""
    madda_titles: frozenset[str] = frozenset()
    """Folded title forms written with a madda (آمر): written with hamza (أمر) they are another word."""
    org_heads: frozenset[str] = frozenset()
    """Head nouns of organization names, folded (``حكومه``, ``المجلس``)."""
    org_stop: frozenset[str] = frozenset()
    """Words that end an organization's name (``السابق``, ``المنحل``)."""
    supranational: frozenset[str] = frozenset()
    """Words that make a body's name span several countries (``الاوروبي``, ``دول``), folded."""
    eponym_heads: frozenset[str] = frozenset()
    """Nouns of places and institutions named after a person (``جامعه``), folded."""
    form_roles: dict[str, FormRole] = field(default_factory=dict)
    """What each form of `phrases` is, worked out on its first hit (see `gazetteer_hits`)."""
    listed: dict[str, tuple[Listed, ...]] = field(default_factory=dict)
    """Every word of the `Listed` word lists -> the lists holding it."""

    def __post_init__(self) -> None:
        # The phrases' surface is by far the largest list: it fills the index in one go.
        self.listed.update(dict.fromkeys(self.phrases.surface, (Listed.PHRASES,)))
        others: dict[Listed, frozenset[str]] = {
            Listed.TITLE_MODIFIERS: self.title_modifiers.surface,
            Listed.HOME_CUES: self.home_cues.surface if self.home_cues is not None else frozenset(),
            Listed.ATTRIBUTION_CUES: self.cues.surface if self.cues is not None else frozenset(),
            Listed.GIVEN: self.given,
            Listed.REPORTING: self.reporting_surface,
            Listed.WAW_GIVEN: self.waw_given,
            Listed.ALA: FOLDED_ALA,
            Listed.KNOWN_ALONE: self.known_alone_surface,
        }
        for which, words in others.items():
            for word in words:
                self.listed[word] = (*self.listed.get(word, ()), which)


# Clitic prefixes a word may carry: a conjunction (و، ف), a preposition (ب، ل، ك), or both.
_CLITIC_PREFIXES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def clitic_surface(words: Iterable[str]) -> frozenset[str]:
    """Every way *words* may be written with a clitic prefix: the words `strip_clitic` maps back to them.

    A word of three letters or more may carry a prefix (``قال`` → ``وقال``, ``فقال``); a
    word with the article may lose its alef after ``لل`` (``الرئيس`` → ``للرئيس``).  Checking
    one set membership per word of a text is then as good as stripping each word.

    >>> sorted(clitic_surface(["قال"]))[:4]
    ['بقال', 'فبقال', 'فقال', 'فكقال']
    """
    out: set[str] = set()
    for word in words:
        out.add(word)
        if len(word) >= 3:
            out.update(prefix + word for prefix in _CLITIC_PREFIXES)
        if word.startswith("ال") and len(word) > 4:
            out.add("لل" + word[2:])
    return frozenset(out)


def nisba_forms(stem: str) -> list[str]:
    """Folded forms of a nationality adjective from its masculine stem.

    >>> nisba_forms("إيطالي")[:4]
    ['الايطالي', 'الايطاليه', 'الايطاليون', 'الايطاليين']
    >>> nisba_forms("ألماني")[0]
    'الالماني'
    """
    # Only a written article is dropped: ألماني folds to الماني, whose alef is the stem's own.
    base = fold(stem.removeprefix("ال"))
    definite = ["ال" + base + ending for ending in _NISBA_ENDINGS]
    indefinite = [base + ending for ending in _NISBA_ENDINGS]
    return definite + indefinite


@cache
def pyarabic_given_names() -> frozenset[str]:
    """Single-word given names of pyarabic's list, folded (read by `libnews.gazetteer`)."""
    return frozenset(fold(name) for name in gazetteer.pyarabic_given_names())


def _words(resources: Resources, kind: str) -> list[str]:
    out: list[str] = []
    for entry in resources.entries("actor_words", ActorWordsEntry):
        if entry.kind == kind:
            out.extend(entry.words)
    return out


def _names(resources: Resources, *kinds: str) -> frozenset[str]:
    return frozenset(
        fold(word)
        for entry in resources.entries("names", NameListEntry)
        if entry.kind in kinds
        for word in entry.words
    )


def _build(resources: Resources) -> Lexicon:
    entries: list[tuple[str, Lex]] = []
    capitals: dict[str, str] = {}
    also_words: set[str] = set()
    org_words: set[str] = set()
    function = {fold(w) for w in _words(resources, "function")}
    stop = function | {fold(w) for w in _words(resources, "stop")} | _names(resources, "stop")
    for country in resources.entries("country", CountryEntry):
        also_words.update(fold(form) for form in country.also_words)
        lex = Lex("country", country.code, country.name, country.code)
        entries.extend((fold(form), lex) for form in (country.name, *country.forms))
        nisba = Lex("nisba", country.code, country.name, country.code)
        for stem in country.nisba:
            entries.extend((form, nisba) for form in nisba_forms(stem))
        entries.extend((fold(form), nisba) for form in country.adjectives)
        if country.capital:
            capitals[fold(country.capital)] = country.code
    for place in resources.entries("place", PlaceEntry):
        lex = Lex("place", f"{place.name}|{place.country}", place.name, place.country, place.type)
        entries.extend((fold(form), lex) for form in (place.name, *place.forms))
        if place.type == "capital" and place.country:
            capitals.setdefault(fold(place.name), place.country)
    acronyms: list[tuple[str, Lex]] = []
    for org in resources.entries("organization", OrganizationEntry):
        org_words.update(fold(form) for form in org.also_words)
        lex = Lex("org", org.id, org.name, org.country, org.type)
        entries.extend((fold(form), lex) for form in (org.name, *org.forms))
        adjective = Lex("org_adj", org.id, org.name, org.country, org.type)
        entries.extend((fold(form), adjective) for form in org.adjectives)
        acronyms.extend((form, lex) for form in org.acronyms)
    for head in resources.entries("org_head", OrgHeadEntry):
        lex = Lex(
            "head",
            fold(head.word),
            head.word,
            None,
            head.type,
            needs_nisba=head.needs_nisba,
            takes_lam=head.takes_lam,
            event=head.event,
            stands_alone=head.stands_alone,
        )
        entries.append((fold(head.word), lex))
    for title in resources.entries("title", TitleEntry):
        lex = Lex(
            "title",
            title.role,
            title.forms[0],
            None,
            title.category,
            takes_organization=title.takes_organization,
        )
        # A title form that folds onto a function word (إمام → امام = أمام) is never a title.
        entries.extend((fold(form), lex) for form in title.forms if fold(form) not in function)
    counterpart = Lex("counterpart", "counterpart", "نظير", None, "counterpart")
    entries.extend((fold(word), counterpart) for word in _words(resources, "counterpart"))
    honorific = Lex("honorific", "honorific", "", None, "honorific")
    entries.extend(
        (fold(word), honorific) for word in (*_words(resources, "honorific"), *_names(resources, "honorific"))
    )
    cues = [
        (fold(form), cue)
        for cue in resources.entries("attribution_cue", AttributionCueEntry)
        for form in cue.forms
    ]
    given = _names(resources, "given", "given_foreign")
    reporting = frozenset(fold(w) for w in _words(resources, "reporting_verb"))
    known = _known_persons(resources)
    alone = _known_alone(resources)
    return Lexicon(
        phrases=PhraseMatcher(entries),
        acronyms=PhraseMatcher(acronyms, clitics=False),
        # The first word of a multi-word given name (صلاح الدين) opens a name; its second word
        # (الدين، السلام) is not a name alone.
        given=frozenset(w.split()[0] for w in given),
        weak_given=frozenset(pyarabic_given_names() - stop),
        particles=_names(resources, "particle") | {"بن", "ابن", "بنت", "ابو", "ابي", "ال", "عبد"},
        family=_names(resources, "family"),
        stop=frozenset(stop),
        function=frozenset(function),
        reporting_verbs=reporting,
        title_modifiers=PhraseMatcher(
            [(fold(w), "modifier") for w in _words(resources, "title_modifier")], clitics=False
        ),
        place_prepositions=frozenset(fold(w) for w in _words(resources, "title_place_preposition")),
        statements=frozenset(fold(w) for w in _words(resources, "statement")),
        source_nouns=frozenset(fold(w) for w in _words(resources, "source_noun")),
        capitals=capitals,
        cues=PhraseMatcher(cues, clitics=False),
        reporting_surface=clitic_surface(reporting),
        org_stop=frozenset(fold(w) for w in _words(resources, "org_stop")),
        supranational=frozenset(fold(w) for w in _words(resources, "supranational")),
        eponym_heads=frozenset(fold(w) for w in _words(resources, "eponym_head")),
        home_cues=PhraseMatcher(
            (fold(word), tuple(cue.countries))
            for cue in resources.entries("home_cue", HomeCueEntry)
            for word in cue.words
        ),
        org_heads=frozenset(fold(head.word) for head in resources.entries("org_head", OrgHeadEntry)),
        dynasties={
            tuple(fold(name).split()): dynasty.country
            for dynasty in resources.entries("dynasty", DynastyEntry)
            for name in dynasty.names
        },
        waw_given=frozenset("و" + w.split()[0] for w in given if len(w.split()[0]) > 2),
        known_persons=known[0],
        known_full=known[1],
        known_alone=alone,
        known_last=_known_last(resources, given),
        country_words=frozenset(also_words),
        capital_countries=_capital_countries(entries),
        org_words=frozenset(org_words),
        known_alone_surface=frozenset(clitic_surface(alone)),
        madda_titles=frozenset(
            fold(form)
            for title in resources.entries("title", TitleEntry)
            for form in title.forms
            if form.startswith("آ")
        ),
    )


def name_words(words: Iterable[str]) -> tuple[str, ...]:
    """A person's folded words with ``عبد`` joined to what follows (``عبد الله`` = ``عبدالله``)."""
    out: list[str] = []
    glue = False
    for word in words:
        if glue:
            out[-1] += word
        else:
            out.append(word)
        glue = word == "عبد"
    return tuple(out)


def _known_persons(
    resources: Resources,
) -> tuple[dict[tuple[str, ...], str | None], frozenset[tuple[str, ...]]]:
    parts: dict[tuple[str, ...], str | None] = {}
    full: set[tuple[str, ...]] = set()
    for person in resources.entries("person", KnownPersonEntry):
        for form in (person.name, *person.forms):
            words = name_words(fold(form).split())
            full.add(words)
            for size in range(2, len(words) + 1):
                for start in range(len(words) - size + 1):
                    part = words[start : start + size]
                    if part[0] in ("بن", "ابن", "بنت", "ال"):
                        continue
                    seen = parts.get(part, person.country)
                    parts[part] = person.country if seen == person.country else None
    return parts, frozenset(full)


def _capital_countries(entries: list[tuple[str, Lex]]) -> frozenset[str]:
    countries: dict[str, set[str | None]] = {}
    places: dict[str, set[str | None]] = {}
    for form, lex in entries:
        if lex.kind == "country":
            countries.setdefault(form, set()).add(lex.country)
        elif lex.kind == "place":
            places.setdefault(form, set()).add(lex.country)
    return frozenset(form for form, codes in countries.items() if places.get(form, set()) - codes)


def _known_last(resources: Resources, given: frozenset[str]) -> dict[str, str]:
    def lasts() -> Iterable[tuple[str, str]]:
        for person in resources.entries("person", KnownPersonEntry):
            words = name_words(fold(person.name).split())
            if person.country is None or len(words) < 2:
                continue
            last = words[-1]
            # الأحمد، بن عبدالله، حسين: words, fathers' or given names, shared by many.
            if (
                len(last) >= 4
                and not last.startswith("ال")
                and last not in given
                and words[-2] not in ("بن", "ابن")
            ):
                yield last, person.country

    return _agreed(lasts())


def _known_alone(resources: Resources) -> dict[str, tuple[str, str | None]]:
    return _agreed(
        (fold(form), (person.name, person.country))
        for person in resources.entries("person", KnownPersonEntry)
        for form in person.alone
    )


def _agreed(pairs: Iterable[tuple[str, T]]) -> dict[str, T]:
    """Each key with its value, where every pair with that key gives the same value."""
    found: dict[str, T] = {}
    clashing: set[str] = set()
    for key, value in pairs:
        if found.setdefault(key, value) != value:
            clashing.add(key)
    return {key: value for key, value in found.items() if key not in clashing}


def actor_lexicon(resources: Resources) -> Lexicon:
    """The lexicon of *resources*, compiled once and cached on it."""
    return resources.compiled("actors.lexicon", _build)


LATIN_ACRONYM = regex.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9&.-]*[A-Z0-9](?![A-Za-z0-9])")
"""A Latin acronym as written in Arabic text (``NOC``, ``UNSMIL``)."""
