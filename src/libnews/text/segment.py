"""Sentences and words, with offsets into the normalized text.

Works on the output of the matching normalizer, where Arabic punctuation is
already folded to ASCII (``؟`` → ``?``).  A sentence ends at ``.``, ``?``,
``!`` or a line break; a full stop does not end one inside a number
(``5.5``), after a one-letter abbreviation (``د.``, ``أ.``) or after a
Latin initial (``U.S.``).
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from libnews.text.aligned import AlignedText

__all__ = ["Segment", "split_sentences", "words"]


class Segment(NamedTuple):
    """``text[start:end]`` of an `AlignedText`; the segment's own text is `text`."""

    # A named tuple, not a frozen dataclass: `words` makes one per word of every
    # article, and a frozen dataclass takes about 3x as long to build.
    start: int
    end: int
    text: str


# A boundary: terminal punctuation (not a decimal point, not after a lone
# letter that abbreviates a word) followed by space or the end, or a line break.
_BOUNDARY = regex.compile(
    r"""
    (?<! (?:^|[\s."(]) \p{L} )        # not after a one-letter abbreviation
    (?<! \d ) [.!?]+ (?= [\s"')\]]* (?:\s|$) )   # terminal punctuation, then space or end
    [\s"')\]]*
  | (?<! \d) [.!?]+ $
  | \n+
    """,
    regex.VERBOSE,
)

# A full stop right after a digit ends a sentence only when a space follows and
# the next word is not a digit ("2020. وقال" ends one; "5.5" does not).
_DIGIT_STOP = regex.compile(r"(?<=\d)[.!?]+(?=\s+\D)")

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*|\d+(?:[.,]\d+)*")


def split_sentences(text: AlignedText) -> list[Segment]:
    """Sentences of *text* (normalized coordinates), trimmed, never empty."""
    source = text.text
    cuts = {m.end() for m in _BOUNDARY.finditer(source)}
    cuts.update(m.end() for m in _DIGIT_STOP.finditer(source))
    cuts.add(len(source))
    segments: list[Segment] = []
    start = 0
    for cut in sorted(cuts):
        piece = source[start:cut]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            first = start + lead
            segments.append(Segment(first, first + len(stripped), stripped))
        start = cut
    return segments


def words(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Words (letters, or digit groups like ``1,5``) of ``text[start:end]``."""
    return [
        Segment(m.start(), m.end(), m.group())
        for m in _WORD.finditer(text, start, len(text) if end is None else end)
    ]
