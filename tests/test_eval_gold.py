"""Format checks for the held-out development gold articles in tests/eval_gold/.

Only the shape of the files is checked (keys, types, offsets, references between items), never libnews'
scores: the scores are measured with ../shared/eval/score.py and must not become test expectations.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

GOLD_DIR = Path(__file__).resolve().parent / "eval_gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))

SECTIONS = ("dates", "actors", "agreements", "events", "attributions")
TOP_KEYS = {"id", "text_file", "published", "notes", *SECTIONS}
ACTOR_KINDS = {"person", "organization", "country", "place"}
AGREEMENT_KINDS = {"agreement", "memorandum", "treaty", "protocol", "ceasefire", "contract", "declaration"}
SCORED_EVENT_KINDS = {
    "sign", "agree", "visit", "meet", "call", "talks", "return", "conference", "ceasefire", "election",
}  # fmt: skip

# (section, required keys) for every item of a list section.
ITEM_KEYS = [
    ("dates", {"start", "text", "value"}),
    ("actors", {"name", "kind", "aliases", "country"}),
    ("agreements", {"name", "kind", "signed_on", "parties", "signatories", "place", "clauses"}),
    ("events", {"kind", "date", "actors"}),
    ("attributions", {"source"}),
]


def _load(path: Path) -> tuple[dict[str, Any], str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / gold["text_file"]).read_text(encoding="utf-8")
    return gold, text


def _is_iso_day(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _actor_names(gold: dict[str, Any]) -> set[str]:
    names: set[str] = set()
    for actor in gold["actors"]:
        names.add(actor["name"])
        names.update(actor["aliases"])
    return names


gold_file = pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])


def test_there_are_gold_files() -> None:
    assert len(GOLD_FILES) >= 5


@gold_file
def test_top_level_keys(path: Path) -> None:
    gold, text = _load(path)
    assert set(gold) == TOP_KEYS
    assert gold["id"] == path.stem
    assert gold["text_file"] == f"{path.stem}.txt"
    assert _is_iso_day(gold["published"])
    assert text
    assert text.strip() == text


@gold_file
@pytest.mark.parametrize(("section", "keys"), ITEM_KEYS, ids=[s for s, _ in ITEM_KEYS])
def test_items_have_required_keys(path: Path, section: str, keys: set[str]) -> None:
    gold, _ = _load(path)
    for item in gold[section]:
        assert keys <= set(item), (section, item)
        assert isinstance(item.get("optional", False), bool), item


@gold_file
def test_date_offsets_point_at_their_text(path: Path) -> None:
    gold, text = _load(path)
    starts = [d["start"] for d in gold["dates"]]
    assert starts == sorted(starts), "dates must be in text order"
    for date in gold["dates"]:
        start = date["start"]
        assert text[start : start + len(date["text"])] == date["text"], date
        assert date["value"] is None or _is_iso_day(date["value"]), date


@gold_file
def test_actors_are_well_formed(path: Path) -> None:
    gold, _ = _load(path)
    seen: set[tuple[str, str]] = set()
    for actor in gold["actors"]:
        assert actor["kind"] in ACTOR_KINDS, actor
        assert actor["country"] is None or (len(actor["country"]) == 2 and actor["country"].isupper()), actor
        assert (actor["name"], actor["kind"]) not in seen, actor
        seen.add((actor["name"], actor["kind"]))
        if actor["kind"] == "person":
            assert {"titles", "optional_titles"} <= set(actor), actor
        else:
            assert "titles" not in actor, actor


@gold_file
def test_names_are_written_in_the_text(path: Path) -> None:
    """Every required actor name, alias and title occurs in the article as written."""
    gold, text = _load(path)
    for actor in gold["actors"]:
        if actor.get("optional"):
            continue
        for form in [actor["name"], *actor["aliases"], *actor.get("titles", [])]:
            assert form in text, (actor["name"], form)


@gold_file
def test_agreements_and_events_refer_to_listed_actors(path: Path) -> None:
    gold, _ = _load(path)
    names = _actor_names(gold)
    for agreement in gold["agreements"]:
        assert agreement["kind"] in AGREEMENT_KINDS, agreement
        assert agreement["signed_on"] is None or _is_iso_day(agreement["signed_on"]), agreement
        for party in [*agreement["parties"], *agreement["signatories"]]:
            assert set(party.split("|")) <= names, party
        assert agreement["place"] is None or agreement["place"] in names, agreement
        assert all(isinstance(c, str) and c for c in agreement["clauses"]), agreement
    for event in gold["events"]:
        assert event["kind"] in SCORED_EVENT_KINDS, event
        assert event["date"] is None or _is_iso_day(event["date"]), event
        assert set(event["actors"]) <= names, event
        assert event.get("place") is None or event["place"] in names, event
        assert isinstance(event.get("negated", False), bool), event
