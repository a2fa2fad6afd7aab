"""Exceptions raised by libnews.

LibnewsError
└── ResourceError      a data file or entry is malformed (names the file and entry)
"""

from __future__ import annotations

__all__ = ["LibnewsError", "ResourceError"]


class LibnewsError(Exception):
    """Base class of every error libnews raises on purpose."""


class ResourceError(LibnewsError, ValueError):
    """A data table (shipped or the user's) cannot be read or validated."""
