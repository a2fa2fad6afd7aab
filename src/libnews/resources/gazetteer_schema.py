"""Entry models of the gazetteer tables: countries, places, organizations, titles, names.

Surface forms are written in ordinary Arabic spelling; matchers fold them
(hamza, ى/ي, ة/ه, diacritics) exactly as they fold article text, so a form
needs to be listed once, not once per spelling.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, field_validator

from libnews.resources.entry import Entry

__all__ = [
    "MODELS",
    "CountryEntry",
    "NameListEntry",
    "OrganizationEntry",
    "OrganizationType",
    "PlaceEntry",
    "TitleEntry",
]


OrganizationType = Literal[
    "international",
    "regional",
    "agency",
    "government",
    "ministry",
    "military",
    "party",
    "armed_group",
    "company",
    "media",
    "ngo",
    "court",
    "parliament",
    "other",
]
"""What sort of organization: the shared vocabulary of gazetteer entries and head-noun patterns."""


class CountryEntry(Entry):
    """A country or territory (``[[country]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("code",)
    code: str = Field(pattern=r"^[A-Z]{2}$")
    """ISO 3166-1 alpha-2 code."""
    name: str
    """The usual Arabic name (``إيطاليا``)."""
    forms: list[str] = Field(default_factory=list)
    """Other names and spellings (``إيطاليه``, ``الولايات المتحدة الأمريكية``)."""
    nisba: list[str] = Field(default_factory=list)
    """Nationality adjective stems without ال, masculine singular (``إيطالي``, ``أمريكي``).

    Expanded by the loader to ال+stem, +ة, +ون, +ين, +ان, +تان, and the
    indefinite forms, so the four forms of the brief need one stem.
    """
    adjectives: list[str] = Field(default_factory=list)
    """Irregular adjective forms the nisba rule cannot produce (``الأتراك``)."""
    capital: str | None = None
    """Name of the capital city (also listed as a place)."""
    also_words: list[str] = Field(default_factory=list)
    """Names of the country that are also common words (``مالي``, "financial"): written bare,
    they name the country only after a preposition or a word like ``دولة``, ``جمهورية``, ``شمال``
    (``في مالي``), or with ``ب``/``ل`` attached (``لمالي``)."""


class PlaceEntry(Entry):
    """A city, region or other named place (``[[place]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("name", "country")
    name: str
    """The usual Arabic name (``روما``)."""
    forms: list[str] = Field(default_factory=list)
    """Other spellings (``رومية``)."""
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """ISO code of the country it is in; None for regions spanning countries."""
    type: Literal["capital", "city", "region", "province", "sea", "other"] = "city"
    """What sort of place."""


class OrganizationEntry(Entry):
    """A named organization (``[[organization]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("id",)
    id: str = Field(pattern=r"^[a-z0-9_.]+$")
    """Stable key (``un``, ``un.security_council``, ``agency.ansa``)."""
    name: str
    """The usual Arabic name (``الأمم المتحدة``)."""
    forms: list[str] = Field(default_factory=list)
    """Other names, spellings and Arabic abbreviations (adjectives go in `adjectives`)."""
    acronyms: list[str] = Field(default_factory=list)
    """Latin acronyms, matched case-sensitively as whole words (``UNSMIL``, ``NOC``)."""
    adjectives: list[str] = Field(default_factory=list)
    """Adjectives that refer to it (``الأممي``, ``الأممية``)."""
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """ISO code of its country; None for international bodies."""
    type: OrganizationType = "other"
    """What sort of organization."""
    also_words: list[str] = Field(default_factory=list)
    """Names of the body that are also common words (``وات``, "watt"): they name it only in
    quotes or brackets (``(وات)``), or in an article that names it another way too."""


class TitleEntry(Entry):
    """A title or role (``[[title]]``), e.g. ``minister.defense``."""

    key_fields: ClassVar[tuple[str, ...]] = ("role",)
    role: str = Field(pattern=r"^[a-z_]+(\.[a-z_]+)*$")
    """Normalized role key (``minister.defense``, ``prime_minister``, ``rank.general``)."""
    forms: list[str]
    """Written forms, masculine and feminine, definite and construct.

    (``وزير الدفاع``, ``وزيرة الدفاع``, ``وزير دفاع``)
    """
    category: Literal[
        "head_of_state",
        "head_of_government",
        "minister",
        "military",
        "diplomat",
        "parliament",
        "official",
        "spokesperson",
        "judiciary",
        "religious",
        "honorific",
        "other",
    ] = "official"
    """Broad family, used for coreference (``الوزير`` refers to the minister in focus)."""
    takes_organization: bool = True
    """Whether a following body completes the title (``وزير دفاع حكومة الوفاق``)."""

    @field_validator("forms")
    @classmethod
    def _not_empty(cls, forms: list[str]) -> list[str]:
        if not forms:
            raise ValueError("a title needs at least one form")
        return forms


class NameListEntry(Entry):
    """A list of personal-name parts (``[[names]]``): given names, family particles…"""

    key_fields: ClassVar[tuple[str, ...]] = ("kind",)
    kind: Literal["given", "given_foreign", "family", "particle", "honorific", "stop"]
    """Which list: Arab given names, foreign given names in Arabic script, family names,
    name particles (``بن``, ``أبو``, ``عبد``), honorifics (``السيد``, ``الدكتور``), or
    words never part of a name (``stop``)."""
    words: list[str]
    """The entries."""


MODELS: dict[str, type[Entry]] = {
    "country": CountryEntry,
    "place": PlaceEntry,
    "organization": OrganizationEntry,
    "title": TitleEntry,
    "names": NameListEntry,
}
