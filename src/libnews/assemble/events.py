"""Agreements and events (being written: issue #4)."""

from __future__ import annotations

from libnews.document import Document
from libnews.models import Actor, Agreement, DateMention, Event

__all__ = ["find_agreements_and_events"]


def find_agreements_and_events(
    doc: Document, dates: list[DateMention], actors: list[Actor]
) -> tuple[list[Agreement], list[Event]]:
    """Agreements (with clauses) and events of *doc*."""
    return [], []
