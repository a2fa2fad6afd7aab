"""What every stage of the pipeline reads: the text, normalized, and its context."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from libnews.options import ParseOptions
from libnews.resources import Resources, default_resources
from libnews.text.aligned import AlignedText
from libnews.text.normalize import normalize
from libnews.text.segment import Segment, split_sentences

__all__ = ["Document"]


@dataclass(frozen=True, slots=True)
class Document:
    """One article on its way through the pipeline (internal)."""

    text: str
    """The input, unchanged."""
    published: dt.date | None
    """The reference date for relative and year-less dates."""
    aligned: AlignedText
    """`text` after the matching normalizer, with offsets back to `text`."""
    sentences: list[Segment]
    """Sentences, in `aligned` coordinates."""
    resources: Resources
    """The data tables to match with."""
    options: ParseOptions
    """How to resolve what the text leaves open."""

    @classmethod
    def prepare(
        cls,
        text: str,
        published: dt.date | None = None,
        *,
        resources: Resources | None = None,
        options: ParseOptions | None = None,
    ) -> Document:
        """*text* normalized and split into sentences, as every stage reads it.

        Only the first ``options.max_chars`` characters are read, if set; the default
        resources and options serve when none are given.
        """
        options = options or ParseOptions()
        aligned = normalize(text if options.max_chars is None else text[: options.max_chars])
        return cls(
            text=text,
            published=published,
            aligned=aligned,
            sentences=split_sentences(aligned),
            resources=resources or default_resources(),
            options=options,
        )

    def sentence_at(self, position: int) -> Segment | None:
        """The sentence holding normalized *position*, if any."""
        low, high = 0, len(self.sentences)
        while low < high:
            middle = (low + high) // 2
            if self.sentences[middle].end <= position:
                low = middle + 1
            else:
                high = middle
        if low < len(self.sentences) and self.sentences[low].start <= position:
            return self.sentences[low]
        return None
