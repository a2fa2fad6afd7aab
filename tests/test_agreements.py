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
