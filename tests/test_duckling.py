"""Duckling's public Arabic time corpus, as a yardstick for the date matcher.

``../shared/eval/duckling_ar_time.json`` holds every Arabic example of
Duckling's ``Time/AR/Corpus.hs`` (BSD-3-Clause, Copyright (c) 2016-present,
Facebook, Inc.) with the value Duckling returns, against the reference time
Tuesday 2013-02-12.  For each example of day, week, month or year grain we
check that one date mention covers the whole text (a leading preposition may
stay outside) with the same first day and, for intervals, the same last day
(Duckling's interval end is exclusive, ours inclusive).  Duckling resolves a
bare weekday to the next one, hence ``weekday_direction="future"``.

Hour, minute and second examples are out of scope (times of day).  The misses
judged out of scope are in `OUT_OF_SCOPE`, run as ``xfail(strict=True)`` rows,
so fixing one turns its row red.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from conftest import SHARED
from libnews import parse_article
from libnews.options import ParseOptions

CORPUS = SHARED / "eval" / "duckling_ar_time.json"
REFERENCE = "2013-02-12"
GRAINS = {"day", "week", "month", "year"}
LEADING = ("في ", "من ", "قرابة ", "عند ", "حوالي ", "بحدود ")

OUT_OF_SCOPE: dict[str, str] = {
    "من اسبوع": "'من أسبوع' is 'for a week' far more often than 'a week ago' in news text",
    "الاسابيع الثلاثة القادمة": "a span of the next N weeks: a duration, not a date of the news",
    "ثالث ثلاثاء بعد كريسماس 2014": "counting weekdays after a holiday is not a newspaper date form",
}


def _load() -> dict[str, Any]:
    if not CORPUS.exists():
        return {"examples": [], "negative_examples": []}
    return json.loads(CORPUS.read_text("utf-8"))  # type: ignore[no-any-return]


def _expected(example: dict[str, Any]) -> tuple[dt.date, dt.date | None]:
    expected = example["expected"]
    if expected["type"] == "interval":
        start = dt.date.fromisoformat(expected["value"]["start"][:10])
        end = dt.date.fromisoformat(expected["value"]["end"][:10]) - dt.timedelta(days=1)
        return start, end
    return dt.date.fromisoformat(expected["value"][:10]), None


def _params() -> list[Any]:
    rows = []
    for example in _load()["examples"]:
        if example["expected"]["grain"] not in GRAINS:
            continue
        text = example["text"]
        marks = []
        if text in OUT_OF_SCOPE:
            marks.append(pytest.mark.xfail(strict=True, reason=OUT_OF_SCOPE[text]))
        rows.append(pytest.param(example, id=text, marks=marks))
    return rows


pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason=f"{CORPUS} not found")


@pytest.mark.parametrize("example", _params())
def test_duckling_example(example: dict[str, Any]) -> None:
    text = example["text"]
    article = parse_article(text, published=REFERENCE, options=ParseOptions(weekday_direction="future"))
    assert len(article.dates) == 1, [str(d) for d in article.dates]
    mention = article.dates[0]
    covered = text[: mention.span.start]
    assert covered == "" or covered in LEADING, f"span {mention.span.text!r} does not cover {text!r}"
    assert mention.span.end == len(text), f"span {mention.span.text!r} does not cover {text!r}"
    value, end = _expected(example)
    assert mention.value == value, str(mention)
    if end is not None:
        assert (mention.end or mention.value) == end, str(mention)


@pytest.mark.parametrize("text", _load()["negative_examples"])
def test_duckling_negative(text: str) -> None:
    assert parse_article(text, published=REFERENCE).dates == []
