"""Every article of the shared corpus, whole and cut short at random points, keeps the invariants.

Real articles carry what generated text does not: site boilerplate, broken
encodings, odd punctuation.  Truncation makes every kind of unfinished
construct (a date cut after its day, an open quote, half a title).  The cut
points are drawn from a fixed seed per article, so a failure is reproducible
by its test id.  Skipped when ``../shared/corpus`` is not beside the checkout.
"""

from __future__ import annotations

import random
import zlib

import pytest
from tests.conftest import corpus_records
from tests.test_robustness import check_invariants

from libnews import parse_article

CUTS = 4
"""Truncations per article, besides the whole text."""

RECORDS = list(corpus_records())


def _cuts(record_id: str, length: int) -> list[int]:
    rng = random.Random(zlib.crc32(record_id.encode()))
    return sorted(rng.randrange(length + 1) for _ in range(CUTS))


@pytest.mark.skipif(not RECORDS, reason="shared corpus not found")
@pytest.mark.parametrize("record", RECORDS, ids=[str(r["id"]) for r in RECORDS])
def test_article_and_its_truncations_keep_the_invariants(record: dict[str, str | None]) -> None:
    text = str(record["text"])
    for cut in [len(text), *_cuts(str(record["id"]), len(text))]:
        piece = text[:cut]
        check_invariants(parse_article(piece, published=record.get("published")), piece)
