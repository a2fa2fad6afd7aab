"""`Article.to_frames` and `libnews.to_frames`: fixed columns and dtypes, one row per item."""

from __future__ import annotations

import datetime as dt

import pytest

from libnews import Article, parse_many, to_frames
from libnews.frames import COLUMNS, KINDS, empty_frame, iter_rows
from test_html import sample_article

pd = pytest.importorskip("pandas")

EXPECTED_DTYPES = {"str": "string", "int": "int64", "int?": "Int64", "bool": "bool", "date": "datetime64[s]"}


def _check_schema(frame: pd.DataFrame, kind: str) -> None:
    assert list(frame.columns) == list(COLUMNS[kind])
    for name, logical in COLUMNS[kind].items():
        dtype = frame[name].dtype
        if logical == "list":
            assert str(dtype) == "object", name
            assert all(isinstance(v, list) for v in frame[name]), name
        elif logical == "str":
            assert isinstance(dtype, pd.StringDtype), (name, dtype)
        else:
            assert str(dtype) == EXPECTED_DTYPES[logical], (name, dtype)


@pytest.mark.parametrize("kind", KINDS)
def test_frame_columns_and_dtypes(kind: str) -> None:
    frames = sample_article().to_frames(article_id="x1")
    assert list(frames) == list(KINDS)
    _check_schema(frames[kind], kind)
    assert set(frames[kind]["article_id"]) == {"x1"}


@pytest.mark.parametrize("kind", KINDS)
def test_empty_frames_have_the_same_schema(kind: str) -> None:
    frame = Article(text="لا شيء هنا").to_frames()[kind]
    assert frame.empty
    _check_schema(frame, kind)
    assert frame.dtypes.equals(empty_frame(kind).dtypes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "rows"),
    [("dates", 1), ("actors", 5), ("titles", 1), ("agreements", 1), ("clauses", 2), ("events", 2)],
)
def test_one_row_per_item(kind: str, rows: int) -> None:
    assert len(sample_article().to_frames()[kind]) == rows


def test_values_are_carried_over() -> None:
    frames = sample_article().to_frames()
    events = frames["events"].set_index("event_id")
    assert events.loc["e1", "date"] == pd.Timestamp(dt.date(2020, 12, 4))
    assert pd.isna(events.loc["e2", "date"])
    assert events.loc["e1", "actor_names"] == ["صلاح الدين النمروش", "إيطاليا"]
    assert events.loc["e1", "place_name"] == "طرابلس"
    assert bool(events.loc["e2", "negated"])
    clauses = frames["clauses"]
    assert clauses["topics"].tolist() == [["training"], ["demining"]]
    assert clauses["parent"].isna().all()
    text = sample_article().text
    for _, row in frames["dates"].iterrows():
        assert text[row["start"] : row["end"]] == row["text"]


def test_to_frames_of_many_adds_article_ids() -> None:
    article = sample_article()
    frames = to_frames([article, Article(text="نص"), article])
    assert frames["events"]["article_id"].tolist() == ["0", "0", "2", "2"]
    named = to_frames({"first": article, "second": article})
    assert named["clauses"]["article_id"].tolist() == ["first", "first", "second", "second"]
    given = to_frames([article], ids=["only"])
    assert given["actors"]["article_id"].unique().tolist() == ["only"]


def test_to_frames_matches_the_rows() -> None:
    articles = list(
        parse_many(["وصل الوزير إلى القاهرة يوم 4 ديسمبر 2020.", "عاد الرئيس أمس."], published="2020-12-15")
    )
    frames = to_frames(articles)
    for kind in KINDS:
        expected = sum(len(list(iter_rows(a, kind))) for a in articles)
        assert len(frames[kind]) == expected, kind


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown table"):
        list(iter_rows(sample_article(), "nope"))  # type: ignore[arg-type]
