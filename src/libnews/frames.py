"""Flat tables of what libnews extracts: one row per date, actor, title, agreement, clause, event.

`iter_rows` needs nothing but the standard library (``libnews table`` streams
CSV from it); `to_frames` and `Article.to_frames` build pandas DataFrames
with fixed columns and dtypes (install the ``[pandas]`` extra).

Column types are declared once in `COLUMNS`, so an empty table has the same
columns and dtypes as a full one (Dask needs that for its ``meta``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal

from libnews.models import Article

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COLUMNS",
    "KINDS",
    "Kind",
    "article_frames",
    "empty_frame",
    "iter_rows",
    "rows_frame",
    "to_frames",
]

Kind = Literal["dates", "actors", "titles", "agreements", "clauses", "events", "attributions"]
Row = dict[str, Any]

COLUMNS: dict[str, dict[str, str]] = {
    "dates": {
        "article_id": "str",
        "start": "int",
        "end": "int",
        "text": "str",
        "value": "date",
        "value_end": "date",
        "grain": "str",
        "calendar": "str",
        "year_inferred": "bool",
        "rule": "str",
    },
    "actors": {
        "article_id": "str",
        "actor_id": "str",
        "name": "str",
        "kind": "str",
        "country": "str",
        "aliases": "list",
        "roles": "list",
        "mentions": "int",
        "first_start": "int?",
    },
    "titles": {
        "article_id": "str",
        "actor_id": "str",
        "actor_name": "str",
        "text": "str",
        "role": "str",
        "organization": "str",
        "start": "int",
        "end": "int",
    },
    "agreements": {
        "article_id": "str",
        "agreement_id": "str",
        "name": "str",
        "kind": "str",
        "parties": "list",
        "signatories": "list",
        "signed_on": "date",
        "place": "str",
        "clauses": "int",
        "first_start": "int?",
    },
    "clauses": {
        "article_id": "str",
        "agreement_id": "str",
        "index": "int",
        "parent": "int?",
        "text": "str",
        "topics": "list",
        "start": "int",
        "end": "int",
    },
    "events": {
        "article_id": "str",
        "event_id": "str",
        "kind": "str",
        "cameo": "str",
        "trigger": "str",
        "start": "int",
        "end": "int",
        "date": "date",
        "actors": "list",
        "actor_names": "list",
        "place": "str",
        "place_name": "str",
        "negated": "bool",
        "agreement": "str",
        "sentence": "str",
    },
    "attributions": {
        "article_id": "str",
        "source": "str",
        "source_name": "str",
        "text": "str",
        "start": "int",
        "end": "int",
    },
}
"""Columns of each table and their logical types: ``str`` (nullable), ``int``, ``int?`` (nullable),
``bool``, ``date`` (nullable) and ``list`` (of str)."""

KINDS: tuple[Kind, ...] = ("dates", "actors", "titles", "agreements", "clauses", "events", "attributions")
"""The tables, in the order `to_frames` returns them."""

_PANDAS_DTYPES = {
    "str": "string",
    "int": "int64",
    "int?": "Int64",
    "bool": "bool",
    "date": "datetime64[s]",
    "list": "object",
}


def _dates(article: Article, article_id: str | None) -> Iterator[Row]:
    for mention in article.dates:
        yield {
            "article_id": article_id,
            "start": mention.span.start,
            "end": mention.span.end,
            "text": mention.span.text,
            "value": mention.value,
            "value_end": mention.end,
            "grain": mention.grain,
            "calendar": mention.calendar,
            "year_inferred": mention.year_inferred,
            "rule": mention.rule,
        }


def _actors(article: Article, article_id: str | None) -> Iterator[Row]:
    for actor in article.actors:
        yield {
            "article_id": article_id,
            "actor_id": actor.id,
            "name": actor.name,
            "kind": actor.kind,
            "country": actor.country,
            "aliases": list(actor.aliases),
            "roles": [title.role or title.text for title in actor.titles],
            "mentions": len(actor.mentions),
            "first_start": min((span.start for span in actor.mentions), default=None),
        }


def _titles(article: Article, article_id: str | None) -> Iterator[Row]:
    for actor in article.actors:
        for title in actor.titles:
            yield {
                "article_id": article_id,
                "actor_id": actor.id,
                "actor_name": actor.name,
                "text": title.text,
                "role": title.role,
                "organization": title.organization,
                "start": title.span.start,
                "end": title.span.end,
            }


def _agreements(article: Article, article_id: str | None) -> Iterator[Row]:
    for agreement in article.agreements:
        yield {
            "article_id": article_id,
            "agreement_id": agreement.id,
            "name": agreement.name,
            "kind": agreement.kind,
            "parties": list(agreement.parties),
            "signatories": list(agreement.signatories),
            "signed_on": agreement.signed_on,
            "place": agreement.place,
            "clauses": len(agreement.clauses),
            "first_start": min((span.start for span in agreement.mentions), default=None),
        }


def _clauses(article: Article, article_id: str | None) -> Iterator[Row]:
    for agreement in article.agreements:
        for clause in agreement.clauses:
            yield {
                "article_id": article_id,
                "agreement_id": agreement.id,
                "index": clause.index,
                "parent": clause.parent,
                "text": clause.text,
                "topics": list(clause.topics),
                "start": clause.span.start,
                "end": clause.span.end,
            }


def _events(article: Article, article_id: str | None) -> Iterator[Row]:
    names = {actor.id: actor.name for actor in article.actors}
    for event in article.events:
        yield {
            "article_id": article_id,
            "event_id": event.id,
            "kind": event.kind,
            "cameo": event.cameo,
            "trigger": event.trigger.text,
            "start": event.trigger.start,
            "end": event.trigger.end,
            "date": event.date,
            "actors": list(event.actors),
            "actor_names": [names.get(ident, ident) for ident in event.actors],
            "place": event.place,
            "place_name": names.get(event.place) if event.place else None,
            "negated": event.negated,
            "agreement": event.agreement,
            "sentence": event.sentence.text,
        }


def _attributions(article: Article, article_id: str | None) -> Iterator[Row]:
    names = {actor.id: actor.name for actor in article.actors}
    for attribution in article.attributions:
        yield {
            "article_id": article_id,
            "source": attribution.source,
            "source_name": names.get(attribution.source, attribution.source),
            "text": attribution.span.text,
            "start": attribution.span.start,
            "end": attribution.span.end,
        }


_ROWS: dict[str, Callable[[Article, str | None], Iterator[Row]]] = {
    "dates": _dates,
    "actors": _actors,
    "titles": _titles,
    "agreements": _agreements,
    "clauses": _clauses,
    "events": _events,
    "attributions": _attributions,
}


def iter_rows(article: Article, kind: Kind, article_id: str | None = None) -> Iterator[Row]:
    """Yield the rows of one table for one article, as plain dicts keyed by `COLUMNS`.

    Examples:
        >>> from libnews import parse_article
        >>> article = parse_article("وصل الوزير يوم 4 ديسمبر 2020.")
        >>> [row["value"] for row in iter_rows(article, "dates", "a1")]
        [datetime.date(2020, 12, 4)]
    """
    if kind not in _ROWS:
        raise ValueError(f"unknown table {kind!r}: choose one of {', '.join(KINDS)}")
    return _ROWS[kind](article, article_id)


def empty_frame(kind: Kind) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of table *kind*."""
    import pandas as pd  # noqa: PLC0415 - pandas is an optional extra

    return pd.DataFrame({name: pd.Series(dtype=_PANDAS_DTYPES[t]) for name, t in COLUMNS[kind].items()})


def rows_frame(kind: Kind, rows: Iterable[Row]) -> pd.DataFrame:
    """Build the DataFrame of table *kind* from rows made by `iter_rows`, with its fixed dtypes."""
    import pandas as pd  # noqa: PLC0415 - pandas is an optional extra

    columns = COLUMNS[kind]
    records = list(rows)
    if not records:
        return empty_frame(kind)
    data: dict[str, pd.Series[Any]] = {}
    for name, logical in columns.items():
        values = [record[name] for record in records]
        if logical == "list":
            data[name] = pd.Series(values, dtype="object")
        elif logical == "date":
            stamps = [None if v is None else dt.datetime(v.year, v.month, v.day) for v in values]
            data[name] = pd.Series(stamps, dtype="datetime64[s]")
        else:
            data[name] = pd.Series(values, dtype=_PANDAS_DTYPES[logical])
    return pd.DataFrame(data)


def article_frames(article: Article, article_id: str | None = None) -> dict[str, pd.DataFrame]:
    """All the tables of one article (what `Article.to_frames` returns)."""
    return {kind: rows_frame(kind, iter_rows(article, kind, article_id)) for kind in KINDS}


def to_frames(
    articles: Iterable[Article] | Mapping[str, Article],
    *,
    ids: Iterable[str] | None = None,
) -> dict[str, pd.DataFrame]:
    """The tables of many articles, concatenated, with an ``article_id`` column.

    Args:
        articles: Articles, or a mapping from article id to Article.
        ids: Article ids, in the order of *articles* (default: the mapping's
            keys, else the position ``"0"``, ``"1"``, …).

    Returns:
        A dict from table name (``dates``, ``actors``, ``titles``,
        ``agreements``, ``clauses``, ``events``, ``attributions``) to a
        pandas DataFrame; the columns and their types are in `COLUMNS`.

    Examples:
        >>> from libnews import parse_many
        >>> frames = to_frames(parse_many(["وصل الوزير يوم 4 ديسمبر 2020."]))
        >>> frames["dates"][["article_id", "text"]].values.tolist()
        [['0', '4 ديسمبر 2020']]
    """
    if isinstance(articles, Mapping):
        pairs: Iterable[tuple[str, Article]] = articles.items()
    elif ids is not None:
        pairs = zip(ids, articles, strict=True)
    else:
        pairs = ((str(position), article) for position, article in enumerate(articles))
    rows: dict[Kind, list[Row]] = {kind: [] for kind in KINDS}
    for article_id, article in pairs:
        for kind in KINDS:
            rows[kind].extend(iter_rows(article, kind, article_id))
    return {kind: rows_frame(kind, rows[kind]) for kind in KINDS}
