"""pytest-benchmark view of the hot paths (``pytest benchmarks --benchmark-only``).

`benchmarks/run.py` is the suite that prints every figure of
``docs/performance.md``; these benchmarks are for comparing two commits with
pytest-benchmark's own tools (``--benchmark-autosave``, ``--benchmark-compare``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from libnews import parse_article
from libnews.document import Document
from libnews.examples import EXAMPLE_PUBLISHED, example_text
from libnews.match.dates import find_dates
from libnews.parse import parse_published
from libnews.text.normalize import normalize
from libnews.text.segment import split_sentences

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "libya_italy_2020.txt"
TEXT = SEED.read_text("utf-8") if SEED.exists() else example_text()


def test_parse_article_seed(benchmark: Any) -> None:
    parse_article(TEXT, published=EXAMPLE_PUBLISHED)
    article = benchmark(parse_article, TEXT, published=EXAMPLE_PUBLISHED)
    assert article.dates


def test_normalize_and_split_seed(benchmark: Any) -> None:
    sentences = benchmark(lambda: split_sentences(normalize(TEXT)))
    assert sentences


def test_find_dates_seed(benchmark: Any) -> None:
    doc = Document.prepare(TEXT, parse_published(EXAMPLE_PUBLISHED))
    find_dates(doc)
    assert benchmark(find_dates, doc)


def test_dateparser_search_dates_seed(benchmark: Any) -> None:
    search = pytest.importorskip("dateparser.search")
    search.search_dates(TEXT, languages=["ar"])
    benchmark(search.search_dates, TEXT, languages=["ar"])
