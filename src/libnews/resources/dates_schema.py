"""Entry models of the dates tables."""

from __future__ import annotations

from libnews.resources.entry import Entry

__all__ = ["MODELS"]

MODELS: dict[str, type[Entry]] = {}
