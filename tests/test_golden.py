"""Whole articles against their reviewed golden JSON (see tests/golden_articles.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.golden_articles import HERE, render

ARTICLES = sorted(HERE.glob("*.txt"))


@pytest.mark.parametrize("text_file", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_article_matches_golden(text_file: Path) -> None:
    expected = text_file.with_suffix(".json")
    regenerate = "run `python tests/golden_articles.py` and review the diff"
    assert expected.exists(), f"no golden file {expected.name}: {regenerate}"
    assert render(text_file) == expected.read_text("utf-8"), f"{text_file.stem}: output changed; {regenerate}"


def test_every_golden_article_has_a_publication_day() -> None:
    assert ARTICLES, "tests/golden holds no article"
    for text_file in ARTICLES:
        assert text_file.with_suffix(".published").exists(), text_file.name
