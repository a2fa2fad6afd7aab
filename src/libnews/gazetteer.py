"""Add to the gazetteer at run time: titles, country aliases, organizations, places, names, people.

The shipped tables live in ``libnews/data/*.toml``.  A user extends them
without editing code in one of two ways:

* a TOML file of the same shape, passed to
  ``libnews.resources.load_resources(extra=["my.toml"])``;
* the helpers here, which take a `Resources` and return a new one
  (`Resources` is immutable, so the original set is left as it was).

Entries are merged by their key (a title's ``role``, a country's ``code``,
an organization's ``id``, a place's ``name`` and ``country``, a name list's
``kind``): list fields are unioned, so adding a form to a shipped entry never
drops the shipped forms.

>>> from libnews.resources import default_resources
>>> res = add_title(default_resources(), role="minister.space", forms=["وزير الفضاء"], category="minister")
>>> [t.forms for t in res.entries("title") if t.role == "minister.space"]
[['وزير الفضاء']]

The module also reads the name lists that ship with pyarabic
(`pyarabic_proper_nouns`, `pyarabic_given_names`): pyarabic's own loader
splits on tabs while its data is separated by spaces, so its
``PROPER_NOUNS`` dict comes out empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from libnews.errors import ResourceError
from libnews.resources import Resources
from libnews.resources.gazetteer_schema import CountryEntry

__all__ = [
    "add_country_alias",
    "add_names",
    "add_organization",
    "add_person",
    "add_place",
    "add_title",
    "parse_pyarabic_proper_nouns",
    "pyarabic_given_names",
    "pyarabic_proper_nouns",
]


def add_title(
    resources: Resources,
    *,
    role: str,
    forms: Iterable[str],
    category: str | None = None,
    takes_organization: bool | None = None,
) -> Resources:
    """A resource set with a title added, or forms added to an existing role.

    Args:
        resources: The set to extend.
        role: Dotted lowercase role key (``minister.space``, ``rank.colonel``).
            An existing role gets the new forms on top of its own.
        forms: Written forms, e.g. ``["وزير الفضاء", "وزيرة الفضاء"]``.
        category: One of the `TitleEntry` categories; kept as shipped when None.
        takes_organization: Whether a following body completes the title;
            kept as shipped (or True for a new role) when None.

    Returns:
        A new `Resources`; *resources* is unchanged.

    Raises:
        ResourceError: The entry is not valid (bad role key, no forms …).
    """
    row = _given(role=role, forms=list(forms), category=category, takes_organization=takes_organization)
    return resources.extended(title=[row])


def add_country_alias(
    resources: Resources,
    code: str,
    forms: Iterable[str] = (),
    *,
    nisba: Iterable[str] = (),
    adjectives: Iterable[str] = (),
) -> Resources:
    """A resource set where the country *code* is also known by *forms*.

    Args:
        resources: The set to extend.
        code: ISO 3166-1 alpha-2 code of a country already in the set (``"LY"``).
        forms: Extra names (``["الجماهيرية"]``).
        nisba: Extra nationality stems, masculine singular without ال.
        adjectives: Extra irregular adjective forms.

    Returns:
        A new `Resources`; *resources* is unchanged.

    Raises:
        ResourceError: No country has that code (add a whole ``[[country]]``
            entry from a TOML file to add a new country).
    """
    current = _country(resources, code)
    row = {
        "code": current.code,
        "name": current.name,
        "forms": list(forms),
        "nisba": list(nisba),
        "adjectives": list(adjectives),
    }
    return resources.extended(country=[row])


def add_organization(
    resources: Resources,
    *,
    id: str,
    name: str,
    forms: Iterable[str] = (),
    acronyms: Iterable[str] = (),
    adjectives: Iterable[str] = (),
    country: str | None = None,
    type: str | None = None,
) -> Resources:
    """A resource set with an organization added, or merged onto the one with that *id*.

    Args:
        resources: The set to extend.
        id: Stable dotted key (``ly.hcs``); an existing id gets the new forms.
        name: The usual Arabic name.
        forms: Other names, spellings and Arabic abbreviations.
        acronyms: Latin acronyms, matched case-sensitively (``"HCS"``).
        adjectives: Adjectives that refer to it.
        country: ISO code, None for international bodies.
        type: One of the `OrganizationEntry` types; ``"other"`` for a new one when None.

    Returns:
        A new `Resources`; *resources* is unchanged.

    Raises:
        ResourceError: The entry is not valid.
    """
    row = _given(
        id=id,
        name=name,
        forms=list(forms),
        acronyms=list(acronyms),
        adjectives=list(adjectives),
        country=country,
        type=type,
    )
    return resources.extended(organization=[row])


def add_place(
    resources: Resources,
    *,
    name: str,
    country: str | None = None,
    forms: Iterable[str] = (),
    type: str | None = None,
) -> Resources:
    """A resource set with a place added (or forms added to the place of that name and country).

    Args:
        resources: The set to extend.
        name: The usual Arabic name.
        country: ISO code; None for regions spanning countries.
        forms: Other spellings.
        type: ``capital``, ``city``, ``region``, ``province``, ``sea`` or ``other``.

    Returns:
        A new `Resources`; *resources* is unchanged.
    """
    return resources.extended(place=[_given(name=name, forms=list(forms), country=country, type=type)])


def add_person(
    resources: Resources,
    *,
    name: str,
    country: str,
    forms: Iterable[str] = (),
    alone: Iterable[str] = (),
) -> Resources:
    """A resource set with a known public figure added (``[[person]]`` in ``persons.toml``).

    The actor stage gives a person this country when the article itself gives none (no
    title with a nationality or a body).

    Args:
        resources: The set to extend.
        name: The name as the press usually writes it (``عبد الفتاح السيسي``).
        country: ISO 3166-1 alpha-2 code.
        forms: Other spellings of the whole name.
        alone: Surnames that name the person on their own (``السيسي``); one with ``ال``
            counts only in an article that names *country*.

    Returns:
        A new `Resources`; *resources* is unchanged.

    Examples:
        >>> from libnews import parse_article
        >>> from libnews.resources import default_resources
        >>> res = add_person(default_resources(), name="جاسيندا أرديرن", country="NZ", alone=["أرديرن"])
        >>> [(a.name, a.country) for a in parse_article("وقالت أرديرن إن", resources=res).actors]
        [('جاسيندا أرديرن', 'NZ')]
    """
    entry = {"name": name, "country": country, "forms": list(forms), "alone": list(alone)}
    return resources.extended(person=[entry])


def add_names(resources: Resources, kind: str, words: Iterable[str]) -> Resources:
    """A resource set whose name list *kind* (``given``, ``given_foreign``, ``stop`` …) has *words* too.

    Returns:
        A new `Resources`; *resources* is unchanged.
    """
    return resources.extended(names=[{"kind": kind, "words": list(words)}])


def _given(**fields: Any) -> dict[str, Any]:
    """An entry of the fields given: one left at None keeps what the data file (or model) says."""
    return {name: value for name, value in fields.items() if value is not None}


def _country(resources: Resources, code: str) -> CountryEntry:
    for entry in resources.entries("country", CountryEntry):
        if entry.code == code:
            return entry
    raise ResourceError(f"no [[country]] with code {code!r}; add a full entry to create one")


def parse_pyarabic_proper_nouns(text: str) -> dict[str, frozenset[str]]:
    """Entries of pyarabic's proper-noun text, grouped by their tag.

    Each line is an entry, then white space, then a Latin tag (``محمد nom``,
    ``أبا زيد konia``).  Entries may hold spaces; tags are lowercased
    (the data has both ``nom`` and ``Nom``).  Lines without a Latin tag are
    skipped.

    >>> sorted(parse_pyarabic_proper_nouns("محمد    nom\\nأبا زيد konia\\n")["konia"])
    ['أبا زيد']
    """
    grouped: dict[str, set[str]] = {}
    for line in text.splitlines():
        parts = line.strip().rsplit(None, 1)
        if len(parts) != 2 or not parts[1].isascii() or parts[0].isascii():
            continue
        entry, tag = " ".join(parts[0].split()), parts[1].lower()
        grouped.setdefault(tag, set()).add(entry)
    return {tag: frozenset(entries) for tag, entries in grouped.items()}


@cache
def pyarabic_proper_nouns() -> Mapping[str, frozenset[str]]:
    """`parse_pyarabic_proper_nouns` of ``pyarabic.propernouns.TEXT`` (read once).

    Tags: ``nom`` (given names), ``konia`` (kunyas, أبو …), ``nasab``
    (nisba-like family names), ``laqab``, ``kabila`` (tribes) and a few more.
    Empty if pyarabic is missing.
    """
    try:
        from pyarabic import propernouns  # noqa: PLC0415 (optional data, read on first use)
    except ImportError:  # pragma: no cover - pyarabic is a dependency
        return {}
    return parse_pyarabic_proper_nouns(str(propernouns.TEXT))


# Entries tagged ``nom`` that are not names: kinship words and common nouns
# the classical source tags as names in context.
_NOT_GIVEN_NAMES = frozenset({"جدتها", "البريد", "السكين"})


@cache
def pyarabic_given_names() -> frozenset[str]:
    """Single-word given names of pyarabic's data (tag ``nom``), as written.

    Classical-leaning (محمد, خالد, عقيلة but not فايز or سامح); the shipped
    ``names.toml`` lists modern names.  Fold them before matching.
    """
    names = pyarabic_proper_nouns().get("nom", frozenset())
    return frozenset(name for name in names if " " not in name and name not in _NOT_GIVEN_NAMES)
