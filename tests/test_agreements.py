"""Agreement naming and coreference, table-driven from ``tests/cases/agreements.toml``."""

from __future__ import annotations

from typing import Any

import pytest

from event_support import assemble, build_actors, load_cases

CASES = load_cases("agreements.toml")


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_agreements(case: dict[str, Any]) -> None:
    text = case["text"]
    agreements, _ = assemble(text, build_actors(text, case.get("actors", [])), [])
    got = [f"{g.kind} | {g.name or '-'} | {len(g.mentions)}" for g in agreements]
    assert got == case["agreements"]
    for agreement in agreements:
        for span in agreement.mentions:
            assert text[span.start : span.end] == span.text


# (text, actors, expected signatories): who signs, and who only attends.
SIGNATORIES = [
    pytest.param(
        "وقع الوزير أحمد اتفاقية مع إيطاليا بحضور الرئيس محمود.",
        ["person:أحمد", "person:محمود", "country:إيطاليا"],
        ["أحمد"],
        id="present at the signing",
    ),
    pytest.param(
        "شهد الرئيس محمود توقيع الوزير أحمد اتفاقية مع إيطاليا.",
        ["person:محمود", "person:أحمد", "country:إيطاليا"],
        ["أحمد"],
        id="witnessing the signing",
    ),
    pytest.param(
        "وقع الوزير أحمد ونظيره سالم اتفاقية تعاون.",
        ["person:أحمد", "person:سالم"],
        ["أحمد", "سالم"],
        id="two signatories",
    ),
]


@pytest.mark.parametrize(("text", "specs", "expected"), SIGNATORIES)
def test_signatories(text: str, specs: list[str], expected: list[str]) -> None:
    actors = build_actors(text, specs)
    agreements, _ = assemble(text, actors, [])
    names = {actor.id: actor.name for actor in actors}
    assert [[names[i] for i in g.signatories] for g in agreements] == [expected]
