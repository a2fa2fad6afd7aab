"""The example article bundled with libnews (used by ``libnews demo``)."""

from __future__ import annotations

from importlib import resources

__all__ = ["EXAMPLE_PUBLISHED", "example_text"]

EXAMPLE_PUBLISHED = "2020-12-15"
"""Publication day of the bundled example article."""


def example_text() -> str:
    """The bundled example: a December 2020 report on a Libya-Italy military agreement."""
    return resources.files(__name__).joinpath("libya_italy_2020.txt").read_text("utf-8")
