"""`parse_many`: parse a stream of articles, in order, optionally in worker processes."""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from libnews.batch import ordered_map
from libnews.models import Article
from libnews.parse import PublishedInput, parse_article

__all__ = ["parse_many"]

ArticleInput = str | Mapping[str, Any]
"""What `parse_many` accepts per article: the text, or a record with ``text`` and optional ``published``."""


@dataclass(frozen=True)
class _ParseChunk:
    """A picklable ``chunk -> articles`` function."""

    published: PublishedInput

    def __call__(self, chunk: list[ArticleInput]) -> list[Article]:
        return [self.parse(item) for item in chunk]

    def parse(self, item: ArticleInput) -> Article:
        if isinstance(item, Mapping):
            if "text" not in item:
                raise ValueError(f"record has no 'text' field (fields: {sorted(item)})")
            published = item.get("published")
            return parse_article(item["text"], published if published is not None else self.published)
        return parse_article(item, self.published)


def parse_many(
    texts_or_records: Iterable[ArticleInput],
    *,
    workers: int = 1,
    published: PublishedInput = None,
) -> Iterator[Article]:
    """Parse many articles and yield them in input order.

    The input is consumed lazily, so a generator over a huge file works in
    constant memory.  With ``workers > 1`` articles are parsed in a pool of
    worker processes (a bounded number in flight), still yielded in order.

    Args:
        texts_or_records: Article texts, or records (mappings) with a
            ``text`` field and an optional ``published`` field.
        workers: Number of processes; 1 parses in this process.
        published: Publication day for texts and records that carry none.

    Raises:
        TypeError: An item is neither a ``str`` nor a mapping with a ``str`` text.
        ValueError: A record has no ``text``, or a publication day is not a date.

    Examples:
        >>> texts = ["عاد الوزير اليوم.", "وصل الرئيس أمس."]
        >>> [a.text for a in parse_many(texts, published="2020-12-15")]
        ['عاد الوزير اليوم.', 'وصل الرئيس أمس.']
    """
    if workers <= 1:
        return ordered_map(_ParseChunk(published), texts_or_records, workers=workers)
    # Articles cross from the workers as JSON: smaller than pickles, and validating it back costs the
    # main process less than unpickling, which leaves more of the machine to the workers.
    return _validated(ordered_map(_ParseChunkToJson(published), texts_or_records, workers=workers))


def _validated(serialized: Generator[str, None, None]) -> Iterator[Article]:
    """The articles of their JSON, closing *serialized* (and so its worker pool) when closed early."""
    try:
        for line in serialized:
            yield Article.model_validate_json(line)
    finally:
        serialized.close()


@dataclass(frozen=True)
class _ParseChunkToJson:
    """A picklable ``chunk -> articles as JSON`` function for the worker processes."""

    published: PublishedInput

    def __call__(self, chunk: list[ArticleInput]) -> list[str]:
        parse = _ParseChunk(self.published).parse
        return [parse(item).model_dump_json() for item in chunk]
