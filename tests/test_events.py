"""Event triggers, negation, aims and dates carried over, from ``tests/cases/events.toml``."""

from __future__ import annotations

from typing import Any

import pytest

from event_support import assemble, build_actors, build_dates, load_cases
from libnews import parse_article
from libnews.match.events import find_triggers
from libnews.models import Actor, Event
from libnews.resources import default_resources
from libnews.text.normalize import fold

SCORED = {"sign", "agree", "visit", "meet", "call", "talks", "return", "conference", "ceasefire", "election"}
CASES = load_cases("events.toml")


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
    return pytest.param(case, id=case["id"], marks=marks)


def _matches(expected: str, event: Event, actors: dict[str, Actor]) -> bool:
    kind, date, who, *flags = expected.split()
    if event.kind != kind or str(event.date) != ("None" if date == "-" else date):
        return False
    if event.negated != ("negated" in flags):
        return False
    names = {actors[i].name for i in event.actors}
    if who == "*":
        return True
    if who == "-":
        return not names
    return set(who.split("+")) <= names


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_events(case: dict[str, Any]) -> None:
    text = case["text"]
    actors = build_actors(text, case.get("actors", []))
    _, events = assemble(text, actors, build_dates(text, case.get("dates", [])), case.get("published"))
    scored = [e for e in events if e.kind in SCORED]
    by_id = {a.id: a for a in actors}
    shown = [f"{e.kind} {e.date} {[by_id[i].name for i in e.actors]} {e.negated}" for e in scored]
    assert len(scored) == len(case["events"]), shown
    for expected, event in zip(case["events"], scored, strict=True):
        assert _matches(expected, event, by_id), (expected, shown)
    for event in events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text


# (text, kind): one verb in each conjugation, and verbal nouns with clitics.
CONJUGATIONS = [
    ("وقّع", "sign"),
    ("وقعت", "sign"),
    ("يوقع", "sign"),
    ("سيوقع", "sign"),
    ("وقعا", "sign"),
    ("وقعوا", "sign"),
    ("يوقعان", "sign"),
    ("وتوقيع", "sign"),
    ("بتوقيع", "sign"),
    ("التوقيع", "sign"),
    ("أبرمت", "sign"),
    ("اتفقت", "agree"),
    ("اتفقا", "agree"),
    ("توصلا إلى اتفاق", "agree"),
    ("زار", "visit"),
    ("زيارته", "visit"),
    ("بزيارة", "visit"),
    ("التقى", "meet"),
    ("التقت", "meet"),
    ("يلتقي", "meet"),
    ("للقاء", "meet"),
    ("لقائه", "meet"),
    ("الاجتماع", "meet"),
    ("اجتماعات", "meet"),
    ("اتصالا هاتفيا", "call"),
    ("محادثات", "talks"),
    ("المفاوضات", "talks"),
    ("مؤتمر", "conference"),
    ("القمة", "conference"),
    ("الانتخابات", "election"),
    ("للانتخابات", "election"),
]


@pytest.mark.parametrize(("text", "kind"), CONJUGATIONS, ids=[c[0] for c in CONJUGATIONS])
def test_trigger_forms(text: str, kind: str) -> None:
    triggers = find_triggers(fold(text), default_resources())
    assert [t.kind for t in triggers] == [kind]


# Words that look like triggers but are not.
NOT_TRIGGERS = ["الاجتماعي", "زيارات", "مؤتمرات", "توقيعات"]


@pytest.mark.parametrize("text", NOT_TRIGGERS)
def test_not_triggers(text: str) -> None:
    assert [t.kind for t in find_triggers(fold(text), default_resources()) if t.kind != "visit"] == []


def test_docs_page_lists_the_current_data() -> None:
    from pathlib import Path

    from libnews.match.events import reference_markdown

    page = (Path(__file__).parent.parent / "docs" / "events.md").read_text("utf-8")
    generated = page.split("<!-- reference:start -->\n", 1)[1].split("<!-- reference:end -->", 1)[0]
    assert generated == reference_markdown(default_resources()), (
        "regenerate docs/events.md with reference_markdown()"
    )


# (text, actors, expected statements as "speaker date"): a named subject right after the verb.
STATEMENTS = [
    pytest.param(
        "وقال وزير الخارجية سيرغي لافروف أمس إن موسكو اقترحت خريطة طريق.",
        ["person:سيرغي لافروف", "place:موسكو"],
        ["سيرغي لافروف 2018-06-04"],
        id="title then name",
    ),
    pytest.param(
        "وأضاف أن روسيا مستعدة للحوار.",
        ["country:روسيا"],
        [],
        id="no named subject: the actor is what was said",
    ),
    pytest.param(
        "وصرح مسؤول في الوفد بالكويت أن الأزمة انتهت.",
        ["country:الكويت"],
        [],
        id="a place after a preposition is no speaker",
    ),
    pytest.param(
        "وذكرت وكالة الأنباء الكويتية أن الوزير وصل.",
        ["organization:وكالة الأنباء الكويتية"],
        [],
        id="a news agency reports, it makes no statement",
    ),
    pytest.param(
        "وقال رئيس هيئة الأركان الجنرال شريف يافتالي إن الهدنة صامدة.",
        ["organization:هيئة الأركان", "person:شريف يافتالي"],
        ["شريف يافتالي None"],
        id="the person after a body in the title",
    ),
]


@pytest.mark.parametrize(("text", "specs", "expected"), STATEMENTS)
def test_statements(text: str, specs: list[str], expected: list[str]) -> None:
    actors = build_actors(text, specs)
    dates = build_dates(text, ["أمس=2018-06-04"] if "أمس" in text else [])
    _, events = assemble(text, actors, dates)
    names = {actor.id: actor.name for actor in actors}
    said = [e for e in events if e.kind == "statement"]
    assert [f"{names[e.actors[0]]} {e.date}" for e in said] == expected
    assert all(e.cameo == "010" for e in said)


def test_statements_leave_the_other_events_alone() -> None:
    text = "وقال الوزير سالم إن البلدين وقعا اتفاقية تعاون في 4 ديسمبر."
    actors = build_actors(text, ["person:سالم"])
    dates = build_dates(text, ["4 ديسمبر=2020-12-04"])
    _, events = assemble(text, actors, dates)
    assert [(e.kind, str(e.date)) for e in events] == [("statement", "None"), ("sign", "2020-12-04")]


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        (
            "توجت العلاقات بزيارة الرئيس الروسي للقاهرة في 11 ديسمبر، والتي شهدت توقيع اتفاق للتعاون في مصر.",
            "sign",
            "القاهرة",
        ),
    ],
    ids=["signing-seen-by-a-visit"],
)
def test_what_a_gathering_saw_happened_where_it_was_held(text: str, kind: str, place: str) -> None:
    article = parse_article(text, published="2018-06-01")
    places = {actor.id: actor.name for actor in article.actors}
    assert [places.get(e.place or "") for e in article.events if e.kind == kind] == [place]
