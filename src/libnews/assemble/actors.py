"""Actors and attributions (being written: issue #3)."""

from __future__ import annotations

from libnews.document import Document
from libnews.models import Actor, Attribution

__all__ = ["find_actors"]


def find_actors(doc: Document) -> tuple[list[Actor], list[Attribution]]:
    """Each distinct actor of *doc* once, and who the article cites."""
    return [], []
