"""Build the inputs of the agreement and event assembler by hand, from the text.

Dates and actors come from their own stages in the pipeline; these tests give
them explicitly (found in the text by search, with exact spans) so that the
assembler is tested on its own.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from libnews.assemble.events import find_agreements_and_events
from libnews.document import Document
from libnews.models import Actor, Agreement, DateMention, Event, Span

CASES = Path(__file__).parent / "cases"


def load_cases(name: str) -> list[dict[str, Any]]:
    """The ``[[case]]`` rows of ``tests/cases/<name>``."""
    cases: list[dict[str, Any]] = tomllib.loads((CASES / name).read_text("utf-8"))["case"]
    return cases


def spans_of(text: str, form: str) -> list[Span]:
    """Every occurrence of *form* in *text* as a Span."""
    found, start = [], text.find(form)
    while start >= 0:
        found.append(Span(start=start, end=start + len(form), text=form))
        start = text.find(form, start + len(form))
    return found


def build_actors(text: str, specs: list[str]) -> list[Actor]:
    """Actors from ``kind:form`` specs, one per spec, with every occurrence as a mention."""
    actors = []
    for number, spec in enumerate(specs, start=1):
        kind, form = spec.split(":", 1)
        actors.append(Actor(id=f"a{number}", name=form, kind=kind, mentions=spans_of(text, form)))
    return actors


def build_dates(text: str, specs: list[str]) -> list[DateMention]:
    """Dates from ``surface=YYYY-MM-DD`` specs (``surface#n=…`` for the n-th occurrence)."""
    dates = []
    for spec in specs:
        surface, value = spec.split("=")
        surface, _, nth = surface.partition("#")
        span = spans_of(text, surface)[int(nth or 0)]
        dates.append(DateMention(span=span, value=dt.date.fromisoformat(value)))
    return sorted(dates, key=lambda d: d.span.start)


def assemble(
    text: str, actors: list[Actor], dates: list[DateMention], published: str | None = None
) -> tuple[list[Agreement], list[Event]]:
    """Run the agreement and event assembler alone on *text*."""
    doc = Document.prepare(text, dt.date.fromisoformat(published) if published else None)
    return find_agreements_and_events(doc, dates, actors)
