"""The agreement and event assembler on the seed article and the shared corpus."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from event_support import assemble, build_actors, build_dates
from libnews.models import Actor, Title

SEED = Path(__file__).resolve().parent.parent / "src" / "libnews" / "examples" / "libya_italy_2020.txt"

# The seed article's actors and dates, as the actor and date stages give them.
SEED_ACTORS = [
    "country:إيطاليا",
    "country:ليبيا",
    "organization:حكومة الوفاق الوطني",
    "person:السراج",
    "person:النمروش",
    "place:روما",
    "place:طرابلس",
    "person:غويريني",
    "place:جنيف",
    "organization:الجيش الوطني الليبي",
    "place:برلين",
]
SEED_DATES = [
    "15 ديسمبر=2020-12-15",
    "4 ديسمبر=2020-12-04",
    "4 ديسمبر#1=2020-12-04",
    "5 أغسطس=2020-08-05",
    "19 يناير=2020-01-19",
    "23 أكتوبر=2020-10-23",
    "24 ديسمبر 2021=2021-12-24",
]


def _seed_actors(text: str) -> list[Actor]:
    actors = build_actors(text, SEED_ACTORS)
    # النمروش's title names the government he signs for.
    title_text = "وزير دفاع حكومة الوفاق الوطني"
    start = text.index(title_text)
    span = {"start": start, "end": start + len(title_text), "text": title_text}
    title = Title.model_validate({"text": title_text, "organization": "a3", "span": span})
    return [a.model_copy(update={"titles": [title]}) if a.name == "النمروش" else a for a in actors]


def test_seed_article() -> None:
    text = SEED.read_text("utf-8")
    actors = _seed_actors(text)
    names = {a.id: a.name for a in actors}
    agreements, events = assemble(text, actors, build_dates(text, SEED_DATES), "2020-12-15")

    cooperation, ceasefire = agreements
    assert (cooperation.kind, cooperation.name) == ("agreement", "اتفاقية تعاون فني عسكري مشترك")
    assert cooperation.signed_on == dt.date(2020, 12, 4)
    assert {names[p] for p in cooperation.parties} >= {"حكومة الوفاق الوطني", "إيطاليا"}
    assert [names[s] for s in cooperation.signatories] == ["النمروش"]
    assert cooperation.place is not None
    assert names[cooperation.place] == "روما"
    assert len(cooperation.clauses) == 15
    assert [c.parent for c in cooperation.clauses][-3:] == [11, 11, 11]
    assert "migration" in cooperation.clauses[4].topics
    assert (ceasefire.kind, ceasefire.signed_on) == ("ceasefire", dt.date(2020, 10, 23))
    assert ceasefire.place is not None
    assert names[ceasefire.place] == "جنيف"

    summary = [(e.kind, str(e.date)) for e in events if not e.negated]
    for expected in [
        ("return", "2020-12-15"),
        ("sign", "2020-12-04"),
        ("visit", "2020-12-04"),
        ("meet", "2020-12-04"),
        ("visit", "2020-08-05"),
        ("meet", "2020-08-05"),
        ("conference", "2020-01-19"),
        ("sign", "2020-10-23"),
        ("election", "2021-12-24"),
    ]:
        assert expected in summary
    assert sum(1 for e in events if e.kind == "sign") == 2  # one signing each, told several times
    for clause in cooperation.clauses:
        assert text[clause.span.start : clause.span.end] == clause.text


@pytest.mark.slow
def test_corpus_runs_in_linear_time(corpus: list[dict[str, str | None]]) -> None:
    """Every article assembles without an error, with exact spans, quickly."""
    from libnews import parse_article

    started = time.perf_counter()
    for record in corpus:
        text = record["text"] or ""
        article = parse_article(text, record["published"])
        for agreement in article.agreements:
            for span in [*agreement.mentions, *(c.span for c in agreement.clauses)]:
                assert text[span.start : span.end] == span.text
        for event in article.events:
            assert text[event.trigger.start : event.trigger.end] == event.trigger.text
            assert text[event.sentence.start : event.sentence.end] == event.sentence.text
    assert time.perf_counter() - started < 60
