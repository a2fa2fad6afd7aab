"""`libnews.dask` on a real two-process `distributed.LocalCluster` gives the single-process result."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from libnews import parse_article, to_frames
from libnews.frames import COLUMNS
from test_html import sample_article

pd = pytest.importorskip("pandas")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from libnews.dask import parse_bag, to_dataframes  # noqa: E402 - after the skips

ARTICLES = 200


@pytest.fixture(scope="module")
def records(corpus: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """200 corpus records (the corpus repeated), each with its own id."""
    repeated = itertools.islice(itertools.cycle(corpus), ARTICLES)
    return [{**record, "id": f"{n}:{record['id']}"} for n, record in enumerate(repeated)]


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def _normalized(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Same dtypes and a fresh index, so frames from Dask and from pandas compare cell by cell."""
    frame = frame.reset_index(drop=True)
    for name, logical in COLUMNS[kind].items():
        if logical == "str":
            frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    return frame


@pytest.mark.slow
def test_cluster_equals_single_process(client: distributed.Client, records: list[dict[str, Any]]) -> None:
    assert len(client.scheduler_info()["workers"]) == 2
    bag = db.from_sequence(records, npartitions=8)
    parsed = client.persist(parse_bag(bag, with_ids=True))  # parse once, on the workers
    frames = to_dataframes(parsed, kinds=("events", "actors", "dates"))
    computed = client.compute(list(frames.values()), sync=True)
    computed_articles = client.compute(parsed, sync=True)

    expected_articles = [(r["id"], parse_article(r["text"], r["published"])) for r in records]
    assert [ident for ident, _ in computed_articles] == [r["id"] for r in records]
    differing = [
        (ident, [field for field in type(got).model_fields if getattr(got, field) != getattr(want, field)])
        for (ident, got), (_, want) in zip(computed_articles, expected_articles, strict=True)
        if got != want
    ]
    assert differing == []
    expected = to_frames(dict(expected_articles))
    for kind, frame in zip(frames, computed, strict=True):
        assert list(frame.columns) == list(COLUMNS[kind])
        pd.testing.assert_frame_equal(_normalized(frame, kind), _normalized(expected[kind], kind))


def test_bag_of_texts_and_plain_articles() -> None:
    """Without ids (and without a cluster: the default scheduler)."""
    article = sample_article()
    bag = db.from_sequence([article.text, {"text": article.text, "published": "2020-12-15"}], npartitions=2)
    parsed = parse_bag(bag, published="2021-01-01").compute()
    assert [a.published.isoformat() for a in parsed if a.published] == ["2021-01-01", "2020-12-15"]
    events = to_dataframes(db.from_sequence([article], npartitions=1), kinds=("events",))["events"].compute()
    assert events["event_id"].tolist() == ["e1", "e2"]
    assert events["article_id"].isna().all()


def test_record_without_text_fails_loudly() -> None:
    bag = db.from_sequence([{"body": "x"}], npartitions=1)
    with pytest.raises(ValueError, match="no 'text' field"):
        parse_bag(bag).compute()
