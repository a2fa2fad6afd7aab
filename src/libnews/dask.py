"""libnews on a Dask cluster: parse a bag of articles, get Dask DataFrames of events and actors.

Install the ``[dask]`` extra.  The same code runs on a laptop (threads or
processes) and on a multi-machine ``distributed`` cluster::

    import json
    import dask.bag as db
    from libnews.dask import parse_bag, to_dataframes

    records = db.read_text("articles-*.jsonl").map(json.loads)
    articles = parse_bag(records, with_ids=True)
    frames = to_dataframes(articles, kinds=("events", "actors"))
    frames["events"].to_parquet("events/")

Each partition is parsed by one task, so the work spreads over the workers
with no shared state; the result does not depend on how the bag is
partitioned.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from libnews.frames import Kind, empty_frame, iter_rows, rows_frame
from libnews.models import Article
from libnews.parse import PublishedInput, parse_article

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

__all__ = ["parse_bag", "to_dataframes"]


@dataclass(frozen=True)
class _ParseRecord:
    """A picklable ``item -> Article`` function, shipped to the Dask workers."""

    published: PublishedInput
    text_field: str
    published_field: str
    id_field: str
    with_ids: bool

    def __call__(self, item: str | Mapping[str, Any]) -> Article | tuple[str | None, Article]:
        ident: str | None = None
        if isinstance(item, Mapping):
            if self.text_field not in item:
                raise ValueError(f"record has no {self.text_field!r} field (fields: {sorted(item)})")
            day = item.get(self.published_field)
            article = parse_article(item[self.text_field], day if day is not None else self.published)
            ident = None if item.get(self.id_field) is None else str(item[self.id_field])
        else:
            article = parse_article(item, self.published)
        return (ident, article) if self.with_ids else article


def parse_bag(
    bag: db.Bag,
    *,
    published: PublishedInput = None,
    with_ids: bool = False,
    text_field: str = "text",
    published_field: str = "published",
    id_field: str = "id",
) -> db.Bag:
    """Parse every article of a Dask bag (lazily, like every bag operation).

    Args:
        bag: A bag of article texts, or of records (dicts) with a text field
            and optional publication day and id fields, e.g.
            ``db.read_text("*.jsonl").map(json.loads)``.
        published: Publication day for items that carry none.
        with_ids: Yield ``(id, Article)`` pairs (the record's id field, or
            None) instead of Articles, so tables can say which article a row
            comes from.
        text_field: Name of the text field of records.
        published_field: Name of the publication day field of records.
        id_field: Name of the id field of records.

    Returns:
        A bag of `Article`, or of ``(id, Article)`` pairs.
    """
    parse = _ParseRecord(published, text_field, published_field, id_field, with_ids)
    return cast("db.Bag", bag.map(parse))  # type: ignore[no-untyped-call]


def _partition_frame(items: Iterable[Article | Sequence[Any]], kind: Kind) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, Article):
            rows.extend(iter_rows(item, kind, None))
        else:
            ident, article = item
            rows.extend(iter_rows(article, kind, ident))
    return rows_frame(kind, rows)


def to_dataframes(articles: db.Bag, kinds: Sequence[Kind] = ("events", "actors")) -> dict[str, dd.DataFrame]:
    """Turn a bag of parsed articles into Dask DataFrames, one per table.

    Args:
        articles: The output of `parse_bag`: Articles, or ``(id, Article)``
            pairs (then the ``article_id`` column holds the ids).
        kinds: The tables to build (see `libnews.frames.COLUMNS`).

    Returns:
        A dict from table name to a lazy Dask DataFrame with the same columns
        and dtypes as `libnews.to_frames` gives.
    """
    import dask  # noqa: PLC0415
    import dask.dataframe as dd  # noqa: PLC0415 - dask is an optional extra
    from dask.delayed import delayed  # noqa: PLC0415

    parts = articles.to_delayed()  # type: ignore[no-untyped-call]
    frames: dict[str, dd.DataFrame] = {}
    # Dask would turn every object column into strings, lists included: the dtypes stay as libnews sets them.
    with dask.config.set({"dataframe.convert-string": False}):
        for kind in kinds:
            tasks = [delayed(_partition_frame)(part, kind) for part in parts]
            frames[kind] = dd.from_delayed(tasks, meta=empty_frame(kind), verify_meta=False)
    return frames
