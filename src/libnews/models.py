"""The public data model: what `parse_article` returns.

Every model is a frozen Pydantic v2 model.  Field docstrings become the
descriptions of `Article.model_json_schema()`.  The names and types here are
the public contract (``CONTRACT.md``); fields may be added, never renamed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal, Self

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import PydanticSerializationError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Actor",
    "ActorKind",
    "Agreement",
    "AgreementKind",
    "Article",
    "Attribution",
    "Calendar",
    "Clause",
    "DateMention",
    "Event",
    "Grain",
    "Span",
    "Title",
    "iter_spans",
]

Grain = Literal["day", "week", "month", "year"]
Calendar = Literal["gregorian", "hijri"]
ActorKind = Literal["person", "organization", "country", "place"]
AgreementKind = Literal[
    "agreement", "memorandum", "treaty", "protocol", "ceasefire", "contract", "declaration"
]


# UTF-8 cannot encode a lone surrogate (U+D800-U+DFFF), which a Python str may hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(value: object) -> object:
    """*value* (from ``model_dump()``) with every surrogate replaced by U+FFFD, one for one."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {key: _without_surrogates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    return value


class _Model(BaseModel):
    # defer_build: schemas are built on first use, not at ``import libnews``.
    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True, extra="forbid", defer_build=True)

    if not TYPE_CHECKING:  # the signatures stay pydantic's for type checkers

        def model_dump_json(self, **kwargs):
            """JSON of the model; a lone surrogate in any text becomes U+FFFD, so offsets still hold."""
            try:
                return super().model_dump_json(**kwargs)
            except PydanticSerializationError:
                # Rare: only input with lone surrogates gets here, so the common path costs nothing.
                return self._json_safe().model_dump_json(**kwargs)

    def _json_safe(self) -> Self:
        return self.model_validate(_without_surrogates(super().model_dump()))


class Span(_Model):
    """A stretch of `Article.text`: ``article.text[start:end] == text``, always."""

    start: int = Field(ge=0)
    """Offset of the first character in `Article.text`."""
    end: int = Field(ge=0)
    """Offset one past the last character (end exclusive)."""
    text: str
    """The characters of `Article.text` between `start` and `end`, unchanged."""

    def __str__(self) -> str:
        return f"{self.text}@{self.start}:{self.end}"


class DateMention(_Model):
    """A date expression found in the text and the calendar days it denotes."""

    span: Span
    """The whole expression, without a leading preposition (``4 ديسمبر``)."""
    value: dt.date | None
    """First Gregorian day it denotes; None when it cannot be resolved."""
    end: dt.date | None = None
    """Last day, for ranges and periods (``من 4 إلى 6 ديسمبر``, ``الشهر الماضي``)."""
    grain: Grain = "day"
    """Precision of the expression."""
    calendar: Calendar = "gregorian"
    """Calendar the text is written in."""
    year_inferred: bool = False
    """True when the year was not written and came from `Article.published`."""
    rule: str | None = None
    """Name of the date rule that matched (for debugging and tests)."""

    def __str__(self) -> str:
        value = "?" if self.value is None else self.value.isoformat()
        if self.end is not None and self.end != self.value:
            value += f"..{self.end.isoformat()}"
        flags = f"{self.grain} {self.calendar}" + (" inferred" if self.year_inferred else "")
        return f"DateMention[{value} {flags}]{{{self.span.text}}}"


class Title(_Model):
    """A role attached to a person in the text (``وزير دفاع حكومة الوفاق الوطني``)."""

    text: str
    """The title as written."""
    role: str | None = None
    """Normalized role key (``minister.defense``, ``prime_minister``)."""
    organization: str | None = None
    """Actor id of the body the role belongs to."""
    span: Span
    """Where the title is written."""


class Actor(_Model):
    """A distinct person, organization, country or place, listed once per article."""

    id: str
    """Stable within one Article (``a3``)."""
    name: str
    """Fullest surface name, without quotes or «» (``فايز السراج``)."""
    kind: ActorKind
    """person, organization, country, or place (a city or region)."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code (``LY``), from a title, nationality adjective or gazetteer."""
    aliases: list[str] = Field(default_factory=list)
    """Other names it goes by in this article (``السراج``, ``حكومة طرابلس``)."""
    titles: list[Title] = Field(default_factory=list)
    """Roles attached to it in the text."""
    mentions: list[Span] = Field(default_factory=list)
    """Every place in the text that names or clearly refers to it."""


class Clause(_Model):
    """One provision of an agreement."""

    index: int = Field(ge=0)
    """0-based order within the agreement."""
    text: str
    """The provision, trimmed of joining words (``و``, ``وكذلك``, ``وفي``)."""
    span: Span
    """Where the provision is written."""
    parent: int | None = None
    """Index of the clause this one details (``من خلال …`` sub-items)."""
    topics: list[str] = Field(default_factory=list)
    """Topic keys (``training``, ``migration``, ``border_security``, ``demining``)."""


class Agreement(_Model):
    """A distinct agreement, memorandum, treaty, protocol, ceasefire, contract or declaration."""

    id: str
    """Stable within one Article (``g1``)."""
    name: str | None = None
    """Its name as written, without quotes (``اتفاقية تعاون فني عسكري مشترك``)."""
    kind: AgreementKind
    """What sort of instrument it is."""
    parties: list[str] = Field(default_factory=list)
    """Actor ids of the sides (countries, governments, factions)."""
    signatories: list[str] = Field(default_factory=list)
    """Actor ids of the people who signed."""
    signed_on: dt.date | None = None
    """Day it was signed, as for `Event.date`."""
    place: str | None = None
    """Actor id of where it was signed."""
    clauses: list[Clause] = Field(default_factory=list)
    """Its provisions, one item each, in text order."""
    mentions: list[Span] = Field(default_factory=list)
    """Every reference to it."""


class Event(_Model):
    """Something that happened or is scheduled: a signing, a visit, a meeting…"""

    id: str
    """Stable within one Article (``e4``)."""
    kind: str
    """Event kind (``sign``, ``visit``, ``meet``, ``call``, ``talks``, …)."""
    trigger: Span
    """The word that signals it (``وقّع``, ``زيارة``, ``التقى``)."""
    sentence: Span
    """The sentence it is in."""
    date: dt.date | None = None
    """When it happened or is planned (for a month or year, its first day)."""
    actors: list[str] = Field(default_factory=list)
    """Actor ids of the participants."""
    place: str | None = None
    """Actor id of where it happened."""
    negated: bool = False
    """True for a denied or negated event (``لم يعقد اجتماعات``)."""
    agreement: str | None = None
    """Agreement id, for sign / agree / ceasefire events."""
    cameo: str | None = None
    """CAMEO code where one applies."""


class Attribution(_Model):
    """Who the article says its information comes from."""

    source: str
    """Actor id, or the source's text when it is not an actor (``مصادر مطلعة``)."""
    span: Span
    """The attributing phrase (``نقلت وكالة … عن …``, ``وفقا لتقارير …``)."""


class Article(_Model):
    """Everything libnews extracts from one article."""

    text: str
    """The input, unchanged."""
    published: dt.date | None = None
    """The reference date used to resolve dates."""
    published_inferred: bool = False
    """No publication day was given: `published` is the full date the article opens with
    (its dateline); see `ParseOptions.infer_published`."""
    dates: list[DateMention] = Field(default_factory=list)
    """Every date expression, in text order."""
    actors: list[Actor] = Field(default_factory=list)
    """Each distinct person, organization, country or place, once."""
    agreements: list[Agreement] = Field(default_factory=list)
    """Each distinct agreement, once."""
    events: list[Event] = Field(default_factory=list)
    """Events, in text order."""
    attributions: list[Attribution] = Field(default_factory=list)
    """Who the article says its information comes from."""

    def _repr_html_(self) -> str:
        """Jupyter's rich display: the highlighted article and its tables (see `libnews.render_html`)."""
        from libnews.html import article_html  # noqa: PLC0415 - keeps `import libnews` light

        return article_html(self)

    def to_frames(self, article_id: str | None = None) -> dict[str, pd.DataFrame]:
        """The extracted items as pandas DataFrames, one per table (needs the ``[pandas]`` extra).

        Returns a dict with the keys ``dates``, ``actors``, ``titles``,
        ``agreements``, ``clauses``, ``events`` and ``attributions``; see
        `libnews.frames.COLUMNS` for the columns and their types.
        """
        from libnews.frames import article_frames  # noqa: PLC0415 - pandas is optional

        return article_frames(self, article_id)


def iter_spans(article: Article) -> Iterator[Span]:
    """Yield every `Span` held anywhere in *article* (for invariant checks)."""
    for mention in article.dates:
        yield mention.span
    for actor in article.actors:
        yield from actor.mentions
        for title in actor.titles:
            yield title.span
    for agreement in article.agreements:
        yield from agreement.mentions
        for clause in agreement.clauses:
            yield clause.span
    for event in article.events:
        yield event.trigger
        yield event.sentence
    for attribution in article.attributions:
        yield attribution.span
