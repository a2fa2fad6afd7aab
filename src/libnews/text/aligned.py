"""Text that remembers where every character came from.

`AlignedText` pairs a normalized string with an index into the original
input.  Normalizers only ever map one character to one character or delete
it, so any stretch of the normalized text maps back to an exact stretch of
the original, and every `Span` libnews reports is cut from the original.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import regex

from libnews.models import Span

__all__ = ["AlignedText"]


@dataclass(frozen=True, slots=True)
class AlignedText:
    """A normalized `text` with `index[i]` = offset in `original` of `text[i]`.

    `index` has one extra trailing entry, ``len(original)``, so that an empty
    stretch at the very end also maps back.
    """

    original: str
    text: str
    index: Sequence[int]

    @classmethod
    def identity(cls, original: str) -> AlignedText:
        """The original text, aligned to itself."""
        return cls(original, original, range(len(original) + 1))

    def __len__(self) -> int:
        return len(self.text)

    def original_offsets(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` to ``(start, end)`` offsets in `original`."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"stretch {start}:{end} is outside 0:{len(self.text)}")
        begin = self.index[start]
        if end == start:
            return begin, begin
        return begin, self.index[end - 1] + 1

    def span(self, start: int, end: int) -> Span:
        """The `Span` of the original text that ``text[start:end]`` came from."""
        begin, finish = self.original_offsets(start, end)
        return Span(start=begin, end=finish, text=self.original[begin:finish])

    def normalized_offset(self, original_offset: int) -> int:
        """Smallest normalized position whose original offset is >= *original_offset*."""
        return bisect_left(self.index, original_offset, 0, len(self.text))

    def translate(
        self, table: Mapping[int, str | None] | Sequence[str | None], deletable: regex.Pattern[str] | None
    ) -> AlignedText:
        """Apply a one-to-one-or-nothing character map (a dict, or a list indexed by code point).

        *deletable* must match exactly the characters *table* deletes; it lets
        the common case (nothing deleted) keep the index as it is.
        """
        text = self.text.translate(table)
        if len(text) == len(self.text):
            return AlignedText(self.original, text, self.index)
        assert deletable is not None, "a deleting table needs its deletable pattern"
        kept: list[int] = []
        previous = 0
        for match in deletable.finditer(self.text):
            kept.extend(self.index[previous : match.start()])
            previous = match.end()
        kept.extend(self.index[previous:])
        return AlignedText(self.original, text, kept)

    def substitute(
        self, pattern: regex.Pattern[str] | re.Pattern[str], replace: Callable[[str], str]
    ) -> AlignedText:
        """Replace each match of *pattern* by ``replace(match)``, never longer than the match.

        Character ``j`` of a replacement keeps the origin of character ``j``
        of the match it replaces; the rest of the match is deleted.
        """
        pieces: list[str] = []
        kept: list[int] = []
        previous = 0
        changed = False
        for match in pattern.finditer(self.text):
            start, end = match.span()
            replacement = replace(match.group())
            if len(replacement) > end - start:
                raise ValueError(f"replacement {replacement!r} is longer than {match.group()!r}")
            if replacement == match.group():
                continue
            changed = True
            pieces.append(self.text[previous:start])
            kept.extend(self.index[previous:start])
            pieces.append(replacement)
            kept.extend(self.index[start : start + len(replacement)])
            previous = end
        if not changed:
            return self
        pieces.append(self.text[previous:])
        kept.extend(self.index[previous:])
        return AlignedText(self.original, "".join(pieces), kept)
