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
        "وقع الوزير أحمد اتفاقية تعاون تواجه الحمائية التي ينتهجها الرئيس محمود.",
        ["person:أحمد", "person:محمود"],
        ["أحمد"],
        id="named in a relative clause after the agreement",
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


# (text, agreement names): praising words name no agreement of their own.
NAMES = [
    pytest.param(
        "وقع الاتحاد واليابان اتفاقا طموحا للتبادل الحر. ويعد الاتفاق التاريخي ردا على الحمائية.",
        [],
        ["اتفاقا طموحا"],
        id="praise refers back",
    ),
    pytest.param(
        "وقع البلدان اتفاقية التعاون العسكري. ثم وقعا اتفاقية التبادل التجاري.",
        [],
        ["اتفاقية التعاون العسكري", "اتفاقية التبادل التجاري"],
        id="different names stay different",
    ),
]


@pytest.mark.parametrize(("text", "specs", "expected"), NAMES)
def test_praising_names(text: str, specs: list[str], expected: list[str]) -> None:
    agreements, _ = assemble(text, build_actors(text, specs), [])
    assert [g.name for g in agreements] == expected


# (text, clause counts per agreement): `اتفق … على` after a signing, carried or not.
CARRIED = [
    pytest.param(
        "وقع البلدان اتفاقية تعاون في مجال الطاقة. واتفق الجانبان على تبادل الخبرات، وتدريب الكوادر.",
        [2],
        id="agreeing right after the signing lists its provisions",
    ),
    pytest.param(
        "وقع البلدان اتفاقية تعاون في مجال الطاقة. وفي سياق آخر، اتفق الجانبان على تبادل الخبرات.",
        [0],
        id="not after the story moved on",
    ),
    pytest.param(
        "وقع البلدان مذكرة تفاهم حول المصنع. واتفق البلدان على العمل المشترك، عملا باتفاق ثنائي للاستثمار.",
        [0],
        id="not when the list names another agreement",
    ),
]


@pytest.mark.parametrize(("text", "counts"), CARRIED)
def test_agreeing_after_a_signing(text: str, counts: list[int]) -> None:
    agreements, _ = assemble(text, [], [])
    assert [len(g.clauses) for g in agreements] == counts
