"""Entry models of the actor-matching tables: organization head nouns, attribution cues, word lists.

These tables hold the language knowledge the actor matchers use beyond the
gazetteer: which nouns open an organization name (``حكومة``, ``وزارة``),
which phrases attribute information to a source (``نقلت … عن``, ``وفقا ل``),
and small word lists (reporting verbs, words that never belong to a name).
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from libnews.resources.entry import Entry
from libnews.resources.gazetteer_schema import OrganizationType

__all__ = [
    "MODELS",
    "ActorWordsEntry",
    "AttributionCueEntry",
    "DynastyEntry",
    "HomeCueEntry",
    "OrgHeadEntry",
]


class OrgHeadEntry(Entry):
    """A noun that opens an organization name (``[[org_head]]``): ``حكومة`` + ``الوفاق الوطني``."""

    key_fields: ClassVar[tuple[str, ...]] = ("word",)
    word: str
    """The head noun as written, definite or construct (``حكومة``, ``الحكومة``, ``اللجنة``)."""
    type: OrganizationType = "other"
    """What sort of organization it names."""
    needs_nisba: bool = False
    """Only an organization when a nationality adjective follows (``الحكومة الإيطالية``)."""
    takes_lam: bool = False
    """The name may go on with ``ل``/``لل`` (``المرصد السوري لحقوق الإنسان``, ``المؤسسة الوطنية للنفط``)."""
    stands_alone: bool = False
    """With nothing after it, the head alone names the article's own body (``وقالت الحكومة``)."""
    event: bool = False
    """The noun names an event, not an actor (``مؤتمر برلين``): matched only to be skipped."""


class AttributionCueEntry(Entry):
    """A phrase that attributes information to a source (``[[attribution_cue]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("name",)
    name: str = Field(pattern=r"^[a-z0-9_]+$")
    """Stable key of the cue (``according_to``)."""
    forms: list[str]
    """The cue as written; the source follows it (``وفقا ل``, ``بحسب``, ``نقلت``)."""
    source: Literal["after", "after_then_an", "noun_after"] = "after"
    """Where the source is: right after the cue, or after it and before ``عن`` (``نقلت X عن Y``),
    or (``noun_after``) a source noun right after the cue and never a named actor (``قالت مصادر
    مطلعة``: a named speaker after ``قال`` makes a statement, not an attribution)."""


class ActorWordsEntry(Entry):
    """A named word list used by the actor matchers (``[[actor_words]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("kind",)
    kind: Literal[
        "function",
        "stop",
        "reporting_verb",
        "title_modifier",
        "title_place_preposition",
        "counterpart",
        "statement",
        "honorific",
        "source_noun",
        "org_stop",
        "supranational",
        "eponym_head",
    ]
    """Which list: function words (``function``: particles, prepositions, pronouns; never a name
    nor a title), other words never part of a name (``stop``), verbs that introduce a speaker
    (``reporting_verb``), words that may follow a title inside it (``title_modifier``: ``الخاص``),
    prepositions that bring a place into a diplomat's title (``title_place_preposition``: ``في``),
    words that refer back to a counterpart (``counterpart``: ``نظيره``), nouns of a statement
    (``statement``: ``بيان``), honorifics before a name (``honorific``: ``معالي``) and nouns that
    can be a source when no actor is named (``source_noun``: ``مصادر``, ``تقارير``), and words that
    end an organization's name because they describe the body's state (``org_stop``: ``السابق``,
    ``المنحل``), and words that make a body's name span several countries (``supranational``:
    ``الأوروبي``, ``الدولية``): such a body takes no country from the article around it, and nouns of
    places and institutions named after a person (``eponym_head``: ``جامعة``, ``مستشفى``): the title
    and name after them (``جامعة الملك سعود``) are part of that name, not a person."""
    words: list[str]
    """The words, as written."""


class HomeCueEntry(Entry):
    """Words that tell which country an article is written in (``[[home_cue]]``).

    An outlet writes its own officials without a nationality (``وزير الشؤون الخارجية``);
    where no agency dateline says where it is, its spelling may: Tunisian and Algerian
    papers name the months ``جانفي``, ``فيفري``, Moroccan ones ``يوليوز``, ``غشت``.  Of the
    countries a cue allows, the one the article names most is taken as its home.
    """

    key_fields: ClassVar[tuple[str, ...]] = ("name",)
    name: str = Field(pattern=r"^[a-z0-9_]+$")
    """Stable key of the cue (``maghreb_months``)."""
    countries: list[str] = Field(min_length=1)
    """ISO 3166-1 alpha-2 codes of the countries whose press writes these words."""
    words: list[str] = Field(min_length=1)
    """The words or phrases, as written."""


class DynastyEntry(Entry):
    """A ruling family whose name says a person's country (``[[dynasty]]``: ``آل نهيان`` → AE)."""

    key_fields: ClassVar[tuple[str, ...]] = ("country",)
    country: str = Field(pattern=r"^[A-Z]{2}$")
    """ISO 3166-1 alpha-2 code of the country the family rules."""
    names: list[str] = Field(min_length=1)
    """The family names as written in a person's name (``آل نهيان``)."""


class KnownPersonEntry(Entry):
    """A public figure whose name says their country (``[[person]]``: ``عبد الفتاح السيسي`` → EG).

    Used only when the article gives the person no nationality of their own (no title with a
    country or a body): a bare ``الرئيس`` before the name, or none at all.  Users extend the
    list with their own ``[[person]]`` tables (`libnews.gazetteer.add_person`).
    """

    key_fields: ClassVar[tuple[str, ...]] = ("name",)
    name: str
    """The name as the press usually writes it (``محمد بن زايد``)."""
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """ISO 3166-1 alpha-2 code of the person's country; none for the officials of international
    bodies (``أنطونيو غوتيريش``), whose nationality is not what the news reports of them."""
    forms: list[str] = Field(default_factory=list)
    """Other spellings of the full name (``عبدالفتاح السيسي``, ``بوتن``)."""
    alone: list[str] = Field(default_factory=list)
    """Words that name the person on their own, as the press writes them (``أردوغان``, ``الأسد``):
    a surname found nowhere else in the article is this person.  A form with ``ال`` is also a
    common word (الأسد the lion, السراج the lamp): it counts only in an article that names the
    person's country.  A form listed for two people counts for neither."""


MODELS: dict[str, type[Entry]] = {
    "org_head": OrgHeadEntry,
    "attribution_cue": AttributionCueEntry,
    "actor_words": ActorWordsEntry,
    "home_cue": HomeCueEntry,
    "dynasty": DynastyEntry,
    "person": KnownPersonEntry,
}
