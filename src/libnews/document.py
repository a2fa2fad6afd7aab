"""What every stage of the pipeline reads: the text, normalized, and its context."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from libnews.options import ParseOptions
from libnews.resources import Resources
from libnews.text.aligned import AlignedText
from libnews.text.segment import Segment

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
