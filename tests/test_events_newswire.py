"""Events and agreements of short newswire sentences through the whole pipeline.

The rows live in ``tests/cases/events_newswire.toml``: shapes of agency copy (verb-first sentences with
adjuncts before the object, passives, verbal nouns, duals, ceasefires, visits, meetings, calls, talks,
summits, elections, negation and hopes), written to measure how the stage generalizes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from event_support import load_cases
from libnews import parse_article
from libnews.models import Actor, Agreement, Article, Event
from libnews.text.normalize import fold

SCORED = {"sign", "agree", "visit", "meet", "call", "talks", "return", "conference", "ceasefire", "election"}
CASES = load_cases("events_newswire.toml")


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
    return pytest.param(case, id=case["id"], marks=marks)


def _named(expected: list[str], ids: list[str], actors: dict[str, Actor]) -> bool:
    """Every expected form is contained in the name of one of the actors *ids*."""
    names = [fold(actors[i].name) for i in ids]
    return all(any(fold(form) in name for name in names) for form in expected)


def _event_matches(expected: str, event: Event, actors: dict[str, Actor]) -> bool:
    kind, date, who = expected.split(" ", 2)
    negated = who.endswith(" negated")
    who = who.removesuffix(" negated")
    if event.kind != kind or (date != "*" and str(event.date) != ("None" if date == "-" else date)):
        return False
    if event.negated != negated:
        return False
    if who == "*":
        return True
    if who == "-":
        return not event.actors
    return _named(who.split("+"), event.actors, actors)


def _agreement_matches(expected: dict[str, Any], agreement: Agreement, actors: dict[str, Actor]) -> bool:
    if agreement.kind != expected["kind"]:
        return False
    if expected["name"] != "*" and fold(agreement.name or "") != fold(expected["name"]):
        return False
    if "clauses" in expected and len(agreement.clauses) != expected["clauses"]:
        return False
    sides = [fold(actors[i].name) for i in (*agreement.signatories, *agreement.parties)]
    if any(fold(form) in name for form in expected.get("absent", []) for name in sides):
        return False
    return _named(expected.get("parties", []), agreement.parties, actors) and _named(
        expected.get("signatories", []), agreement.signatories, actors
    )


def _shown(article: Article, actors: dict[str, Actor]) -> list[str]:
    events = [
        f"{e.kind} {e.date} {[actors[i].name for i in e.actors]}{' negated' if e.negated else ''}"
        for e in article.events
        if e.kind in SCORED
    ]
    agreements = [
        f"{g.kind} {g.name!r} parties={[actors[i].name for i in g.parties]} "
        f"signatories={[actors[i].name for i in g.signatories]} clauses={len(g.clauses)}"
        for g in article.agreements
    ]
    return events + agreements


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_newswire(case: dict[str, Any]) -> None:
    published = dt.date.fromisoformat(case.get("published", "2018-06-01"))
    article = parse_article(case["text"], published)
    actors = {a.id: a for a in article.actors}
    shown = _shown(article, actors)
    scored = [e for e in article.events if e.kind in SCORED]
    assert len(scored) == len(case["events"]), shown
    for expected, event in zip(case["events"], scored, strict=True):
        assert _event_matches(expected, event, actors), (expected, shown)
    for form in case.get("not_participants", []):
        # ولي عهد أبوظبي: a place or body named inside a title, or what the sides agree on, takes no part.
        assert not any(fold(form) in fold(actors[i].name) for e in scored for i in e.actors), (form, shown)
    if "agreements" in case:
        assert len(article.agreements) == len(case["agreements"]), shown
        for wanted, agreement in zip(case["agreements"], article.agreements, strict=True):
            assert _agreement_matches(wanted, agreement, actors), (wanted, shown)
