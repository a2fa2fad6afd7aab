"""An Article as HTML: the text right-to-left with every extraction highlighted, and its tables.

`render_html` makes a whole page (for saving or a browser); `article_html`
makes the fragment that Jupyter shows for ``Article._repr_html_``.  The
output is self-contained HTML and CSS, uses no JavaScript, and escapes every
piece of text, so an article containing ``<script>`` shows it as text.

Highlights may overlap (a date inside a clause, a title around a person).
The text is cut at every span boundary and each piece is one ``<mark>``
carrying the classes of every span covering it; each kind of highlight uses
its own CSS property (background, underline, outline), so the layers stay
visible on top of each other, and the hover text lists them all.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from libnews.models import Article, Span

__all__ = ["LEGEND", "STYLE", "article_html", "render_html"]

LEGEND: tuple[tuple[str, str], ...] = (
    ("ln-date", "date"),
    ("ln-person", "person"),
    ("ln-organization", "organization"),
    ("ln-country", "country"),
    ("ln-place", "place"),
    ("ln-title", "title"),
    ("ln-agreement", "agreement"),
    ("ln-clause", "clause"),
    ("ln-event", "event trigger"),
    ("ln-source", "source"),
)
"""CSS class and label of each kind of highlight, in legend order."""

STYLE = """
.libnews { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Segoe UI", Tahoma, sans-serif;
  color: #1f2328; line-height: 1.9; max-width: 60rem; }
.libnews .ln-head { direction: ltr; font-size: 0.85rem; color: #57606a; margin-bottom: 0.4rem; }
.libnews .ln-legend { direction: ltr; display: flex; flex-wrap: wrap; gap: 0.3rem 0.6rem;
  font-size: 0.8rem; margin: 0.3rem 0 0.6rem; }
.libnews .ln-text { direction: rtl; text-align: right; white-space: pre-wrap; font-size: 1.15rem;
  border: 1px solid #d0d7de; border-radius: 6px; padding: 0.8rem 1rem; background: #ffffff; }
.libnews mark { background: none; color: inherit; padding: 0 1px; border-radius: 2px; }
.libnews mark.ln-clause { background: #fff4c2; }
.libnews mark.ln-person { background: #cfe3ff; }
.libnews mark.ln-organization { background: #e4d4ff; }
.libnews mark.ln-country { background: #ffd7ad; }
.libnews mark.ln-place { background: #c6efe9; }
.libnews mark.ln-date { background: #bfeebf; }
.libnews mark.ln-title { border-bottom: 2px solid #0f766e; }
.libnews mark.ln-agreement { text-decoration: underline double #b45309; }
.libnews mark.ln-source { text-decoration: underline dashed #6e7781; }
.libnews mark.ln-event { outline: 2px solid #d1242f; font-weight: bold; }
.libnews mark.ln-negated { outline-style: dashed; }
.libnews h4 { direction: ltr; margin: 1rem 0 0.3rem; font-size: 0.95rem; }
.libnews table.ln-table { border-collapse: collapse; font-size: 0.85rem; margin-bottom: 0.5rem; }
.libnews table.ln-table th, .libnews table.ln-table td { border: 1px solid #d0d7de; padding: 2px 6px;
  vertical-align: top; }
.libnews table.ln-table th { background: #f6f8fa; text-align: left; }
.libnews .ln-none { direction: ltr; color: #6e7781; font-size: 0.85rem; }
"""
"""The stylesheet, scoped under ``.libnews``."""


@dataclass(frozen=True)
class _Highlight:
    start: int
    end: int
    classes: tuple[str, ...]
    hover: str


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _day(value: dt.date | None) -> str:
    return "?" if value is None else value.isoformat()


def _highlights(article: Article) -> list[_Highlight]:
    names = {actor.id: actor.name for actor in article.actors}
    found: list[_Highlight] = []

    def add(span: Span, classes: tuple[str, ...], hover: str) -> None:
        start, end = max(0, span.start), min(len(article.text), span.end)
        if start < end:
            found.append(_Highlight(start, end, classes, hover))

    for agreement in article.agreements:
        label = agreement.name or agreement.kind
        for clause in agreement.clauses:
            topics = f" [{', '.join(clause.topics)}]" if clause.topics else ""
            add(clause.span, ("ln-clause",), f"clause {agreement.id}.{clause.index} of {label}{topics}")
        for span in agreement.mentions:
            signed = f", signed {agreement.signed_on.isoformat()}" if agreement.signed_on else ""
            add(span, ("ln-agreement",), f"agreement {agreement.id}: {agreement.kind} {label}{signed}")
    for actor in article.actors:
        country = f" ({actor.country})" if actor.country else ""
        for span in actor.mentions:
            add(span, (f"ln-{actor.kind}",), f"{actor.kind} {actor.id}: {actor.name}{country}")
        for title in actor.titles:
            role = f" = {title.role}" if title.role else ""
            of = f" of {names.get(title.organization, title.organization)}" if title.organization else ""
            add(title.span, ("ln-title",), f"title of {actor.name}{role}{of}")
    for mention in article.dates:
        until = f" to {mention.end.isoformat()}" if mention.end and mention.end != mention.value else ""
        inferred = ", year inferred" if mention.year_inferred else ""
        hover = f"date: {_day(mention.value)}{until} ({mention.grain}, {mention.calendar}{inferred})"
        add(mention.span, ("ln-date",), hover)
    for event in article.events:
        details = [event.kind]
        if event.cameo:
            details.append(f"CAMEO {event.cameo}")
        if event.date:
            details.append(event.date.isoformat())
        if event.actors:
            details.append("with " + ", ".join(names.get(ident, ident) for ident in event.actors))
        if event.place:
            details.append("at " + names.get(event.place, event.place))
        if event.negated:
            details.append("negated")
        classes = ("ln-event", "ln-negated") if event.negated else ("ln-event",)
        add(event.trigger, classes, f"event {event.id}: " + "; ".join(details))
    for attribution in article.attributions:
        add(attribution.span, ("ln-source",), f"source: {names.get(attribution.source, attribution.source)}")
    return found


def _marked_text(text: str, highlights: Sequence[_Highlight]) -> str:
    """The text, escaped, cut at every highlight boundary, each covered piece in one ``<mark>``."""
    cuts = sorted({0, len(text), *(h.start for h in highlights), *(h.end for h in highlights)})
    by_start = sorted(highlights, key=lambda h: (h.start, -h.end))
    active: list[_Highlight] = []
    parts: list[str] = []
    next_index = 0
    for left, right in itertools.pairwise(cuts):
        while next_index < len(by_start) and by_start[next_index].start <= left:
            active.append(by_start[next_index])
            next_index += 1
        active = [h for h in active if h.end > left]
        piece = _esc(text[left:right])
        if not active:
            parts.append(piece)
            continue
        classes = " ".join(dict.fromkeys(c for h in active for c in h.classes))
        hover = "&#10;".join(_esc(tip) for tip in dict.fromkeys(h.hover for h in active))
        parts.append(f'<mark class="{classes}" title="{hover}">{piece}</mark>')
    return "".join(parts)


def _table(caption: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    body = ["<tr>" + "".join(f'<td dir="auto">{_esc(cell)}</td>' for cell in row) + "</tr>" for row in rows]
    if not body:
        return f'<h4>{_esc(caption)}</h4><p class="ln-none">none found</p>'
    head = "".join(f"<th>{_esc(name)}</th>" for name in header)
    return (
        f"<h4>{_esc(caption)} ({len(body)})</h4>"
        f'<table class="ln-table"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


def _tables(article: Article) -> str:
    names = {actor.id: actor.name for actor in article.actors}

    def named(ids: Iterable[str]) -> str:
        return ", ".join(names.get(ident, ident) for ident in ids)

    def opt_day(value: dt.date | None) -> str:
        return "" if value is None else value.isoformat()

    parts = [
        _table(
            "Dates",
            ["text", "value", "end", "grain", "calendar", "year inferred"],
            (
                (d.span.text, opt_day(d.value), opt_day(d.end), d.grain, d.calendar, d.year_inferred)
                for d in article.dates
            ),
        ),
        _table(
            "Actors",
            ["id", "name", "kind", "country", "aliases", "titles", "mentions"],
            (
                (
                    a.id,
                    a.name,
                    a.kind,
                    a.country or "",
                    "، ".join(a.aliases),
                    "، ".join(t.text for t in a.titles),
                    len(a.mentions),
                )
                for a in article.actors
            ),
        ),
        _table(
            "Agreements",
            ["id", "name", "kind", "parties", "signatories", "signed on", "place", "clauses"],
            (
                (
                    g.id,
                    g.name or "",
                    g.kind,
                    named(g.parties),
                    named(g.signatories),
                    opt_day(g.signed_on),
                    names.get(g.place, g.place) if g.place else "",
                    len(g.clauses),
                )
                for g in article.agreements
            ),
        ),
        _table(
            "Clauses",
            ["agreement", "index", "parent", "text", "topics"],
            (
                (g.id, c.index, "" if c.parent is None else c.parent, c.text, ", ".join(c.topics))
                for g in article.agreements
                for c in g.clauses
            ),
        ),
        _table(
            "Events",
            ["id", "kind", "CAMEO", "trigger", "date", "actors", "place", "negated", "agreement"],
            (
                (
                    e.id,
                    e.kind,
                    e.cameo or "",
                    e.trigger.text,
                    opt_day(e.date),
                    named(e.actors),
                    names.get(e.place, e.place) if e.place else "",
                    e.negated,
                    e.agreement or "",
                )
                for e in article.events
            ),
        ),
        _table(
            "Sources",
            ["source", "phrase"],
            ((names.get(s.source, s.source), s.span.text) for s in article.attributions),
        ),
    ]
    return "".join(parts)


def article_html(article: Article) -> str:
    """The article as an HTML fragment (a ``<div class="libnews">`` with its own ``<style>``).

    This is what Jupyter displays for an `Article`.
    """
    legend = "".join(f'<mark class="{css}">{_esc(label)}</mark>' for css, label in LEGEND)
    published = f"published {article.published.isoformat()} · " if article.published else ""
    counts = (
        f"{len(article.dates)} dates · {len(article.actors)} actors · "
        f"{len(article.agreements)} agreements · {len(article.events)} events"
    )
    return (
        f'<div class="libnews"><style>{STYLE}</style>'
        f'<div class="ln-head">{_esc(published)}{_esc(counts)} · {len(article.text)} characters</div>'
        f'<div class="ln-legend">{legend}</div>'
        f'<div class="ln-text" dir="rtl" lang="ar">{_marked_text(article.text, _highlights(article))}</div>'
        f"{_tables(article)}</div>"
    )


def render_html(article: Article, *, title: str = "libnews article") -> str:
    """The article as a whole, self-contained HTML page.

    The text is shown right-to-left with dates, actors (coloured by kind),
    titles, agreements, clauses, event triggers and sources highlighted, a
    legend, hover text on every highlight (the resolved date, the actor's id
    and country, the event's kind and CAMEO code), and the extracted tables
    under the text.  Everything is escaped and no JavaScript is used.

    Args:
        article: A parsed article.
        title: The page title.

    Examples:
        >>> from libnews import parse_article
        >>> page = render_html(parse_article("<script>alert(1)</script> عاد الوزير."))
        >>> "<script>" in page, "&lt;script&gt;" in page
        (False, True)
    """
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_esc(title)}</title>'
        f"</head><body>{article_html(article)}</body></html>\n"
    )
