"""Date matcher (being written: issue #2)."""

from __future__ import annotations

from libnews.document import Document
from libnews.models import DateMention

__all__ = ["find_dates"]


def find_dates(doc: Document) -> list[DateMention]:
    """Every date expression of *doc*, in text order."""
    return []
