"""`parse_article`: the pipeline, top to bottom."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from libnews.document import Document
from libnews.gc_pause import collection_paused
from libnews.models import Actor, Agreement, Article, Attribution, DateMention, Event
from libnews.options import ParseOptions
from libnews.resources import Resources

__all__ = ["parse_article", "parse_published"]

PublishedInput = str | dt.date | dt.datetime | None
"""What `published` accepts: an ISO ``YYYY-MM-DD`` string, a date, a datetime, or None."""

_Stages = tuple[
    Callable[[Document], list[DateMention]],
    Callable[[Document], tuple[list[Actor], list[Attribution]]],
    Callable[[Document, list[DateMention], list[Actor]], tuple[list[Agreement], list[Event]]],
]


@cache
def _stages() -> _Stages:
    """The extraction stages, imported on the first parse rather than at ``import libnews``.

    Their modules compile dozens of patterns and pull in the Hijri calendar:
    about half of the import time, which a script that only reads results
    (or ``libnews --help``) should not pay.
    """
    from libnews.assemble.actors import find_actors  # noqa: PLC0415
    from libnews.assemble.events import find_agreements_and_events  # noqa: PLC0415
    from libnews.match.dates import find_dates  # noqa: PLC0415

    return find_dates, find_actors, find_agreements_and_events


def parse_published(published: PublishedInput) -> dt.date | None:
    """Check and convert the `published` argument.

    >>> parse_published("2020-12-15")
    datetime.date(2020, 12, 15)
    """
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        value = published.strip()
        try:
            # Accept a full ISO timestamp too: corpora often store one.
            return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else dt.date.fromisoformat(value)
        except ValueError:
            pass
        raise ValueError(
            f"published={published!r} is not a date: pass an ISO 'YYYY-MM-DD' string, "
            "a datetime.date, a datetime.datetime, or None"
        )
    raise ValueError(
        f"published must be an ISO 'YYYY-MM-DD' string, a datetime.date, a datetime.datetime "
        f"or None, not {type(published).__name__}"
    )


# How far into the article its dateline may stand (characters of the original text).
_DATELINE_CHARS = 300


def _dateline_day(dates: list[DateMention]) -> dt.date | None:
    """The full date the article opens with (الأربعاء 18 جويلية 2012, 1-3-2012), if any."""
    first = dates[0] if dates else None
    if (
        first is None
        or first.span.start >= _DATELINE_CHARS
        or first.grain != "day"
        or first.year_inferred
        or first.end is not None
    ):
        return None
    return first.value


def parse_article(
    text: str,
    published: PublishedInput = None,
    *,
    resources: Resources | None = None,
    options: ParseOptions | None = None,
) -> Article:
    """Parse one Arabic news article into an `Article`.

    Args:
        text: The article, as a ``str``.  It is never modified: ``Article.text``
            is this string and every `Span` points into it.
        published: The publication day, used to resolve relative dates
            (``أمس``) and dates written without a year: an ISO
            ``YYYY-MM-DD`` string, a `datetime.date`, or None.
        resources: Data tables to match with (default: the shipped ones;
            see `libnews.load_resources` to add your own).
        options: How to resolve what the text leaves open.

    Raises:
        TypeError: *text* is not a ``str`` (bytes must be decoded first).
        ValueError: *published* is not a date or an ISO date string.

    Examples:
        >>> article = parse_article("وقّع الوزير الاتفاقية في 4 ديسمبر 2020.")
        >>> [str(d) for d in article.dates]
        ['DateMention[2020-12-04 day gregorian]{4 ديسمبر 2020}']
    """
    if isinstance(text, bytes | bytearray):
        raise TypeError("text must be str, not bytes: decode it first, e.g. data.decode('utf-8')")
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    day = parse_published(published)
    with collection_paused():
        options = options or ParseOptions()
        doc = Document.prepare(text, day, resources=resources, options=options)
        find_dates, find_actors, find_agreements_and_events = _stages()
        dates = find_dates(doc)
        inferred = False
        if day is None and options.infer_published:
            opening = _dateline_day(dates)
            if opening is not None:
                doc = replace(doc, published=opening)
                dates, inferred = find_dates(doc), True
        actors, attributions = find_actors(doc)
        agreements, events = find_agreements_and_events(doc, dates, actors)
        return Article(
            text=text,
            published=doc.published,
            published_inferred=inferred,
            dates=dates,
            actors=actors,
            agreements=agreements,
            events=events,
            attributions=attributions,
        )
