"""Shared fixtures and helpers for the test suite."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from libnews import Article
from libnews.models import iter_spans

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "news_ar.jsonl"


def assert_spans_exact(article: Article) -> None:
    """Every Span of *article* is cut exactly from its text."""
    for span in iter_spans(article):
        assert 0 <= span.start <= span.end <= len(article.text), span
        assert article.text[span.start : span.end] == span.text, span


def corpus_records() -> Iterator[dict[str, str | None]]:
    """The shared development corpus, one record per article (empty if absent)."""
    if not CORPUS.exists():
        return
    with CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


@pytest.fixture(scope="session")
def corpus() -> list[dict[str, str | None]]:
    """The shared corpus; tests using it skip when ../shared is not beside the checkout."""
    records = list(corpus_records())
    if not records:
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return records
