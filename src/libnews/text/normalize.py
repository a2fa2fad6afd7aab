"""Offset-keeping Arabic normalizers.

Each normalizer is a named step, ``AlignedText -> AlignedText``, that maps a
character to one character or deletes it.  The character maps live in
``data/charmap.toml``; `collapse_whitespace` is the only step written as a
pattern.  `Normalizer` composes steps, merging consecutive character maps
into a single ``str.translate`` table once, when it is built.

>>> at = normalize("وقّع «السّراج» في ٤ ديسمبر")
>>> at.text
'وقع "السراج" في 4 ديسمبر'
>>> at.span(1, 3).text  # the deleted shadda is kept inside the original span
'قّع'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from libnews.text.aligned import AlignedText

__all__ = [
    "CHARMAP_STEPS",
    "MATCHING",  # noqa: F822 (built on first use by the module __getattr__)
    "Normalizer",
    "collapse_whitespace",
    "fold",
    "matching",
    "normalize",
]

# The order in which the shipped steps run in the default matching pipeline.
CHARMAP_STEPS = (
    "remove_controls",
    "strip_tashkeel",
    "remove_tatweel",
    "fold_alef",
    "fold_yeh",
    "fold_teh_marbuta",
    "fold_digits",
    "fold_punctuation",
)

Step = Callable[[AlignedText], AlignedText]


@cache
def _charmaps() -> Mapping[str, dict[int, str | None]]:
    from importlib import resources  # noqa: PLC0415 (the data is read on first use, not at import)

    from libnews.resources import toml_cache  # noqa: PLC0415

    raw = toml_cache.loads(resources.files("libnews.data").joinpath("charmap.toml").read_text("utf-8"))
    tables: dict[str, dict[int, str | None]] = {}
    for step in raw["step"]:
        table: dict[int, str | None] = {}
        for key, value in step["map"].items():
            if len(value) > 1:
                raise ValueError(f"charmap step {step['name']!r}: {key!r} maps to more than one character")
            first, _, last = key.partition("-") if len(key) == 3 else (key, "", key)
            if len(first) != 1 or len(last) != 1:
                raise ValueError(f"charmap step {step['name']!r}: bad key {key!r}")
            for code in range(ord(first), ord(last) + 1):
                table[code] = value or None
        tables[step["name"]] = table
    return tables


def _deletable(table: Mapping[int, str | None]) -> re.Pattern[str] | None:
    deleted = sorted(code for code, value in table.items() if value is None)
    if not deleted:
        return None
    return re.compile("[" + "".join(re.escape(chr(code)) for code in deleted) + "]+")


# Unicode White_Space, spelt out: what ``regex``'s ``\s`` matches.  The patterns that scan
# every character of an article are plain character classes, which the standard ``re``
# module scans about ten times as fast as ``regex``.
_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# A run of two or more white-space characters, or one that is not a plain space.
# (Equivalent to "a run holding a newline, or of 2+, or one odd space", and
# twice as fast: no alternative has to scan a run of spaces looking for a newline.)
_WHITESPACE_RUN = re.compile(f"[{_SPACE}]{{2,}}|[{_SPACE.replace(' ', '')}]")


def _collapse(run: str) -> str:
    return "\n" if "\n" in run else " "


def _collapse_match(match: re.Match[str]) -> str:
    return _collapse(match.group())


def collapse_whitespace(text: AlignedText) -> AlignedText:
    """Runs of white space become one space, or one newline if they hold a line break."""
    # A replacement keeps the origin of the first character of its run; the rest is deleted.
    return text.substitute(_WHITESPACE_RUN, _collapse)


# Code points below this are also looked up in a list, which str.translate reads
# twice as fast as a dict.  The few mapped characters above it (U+3000, U+FEFF)
# send the rare text that holds one to the dict.
_DENSE_LIMIT = 0x3000


@dataclass(frozen=True, slots=True)
class _CharmapStep:
    table: dict[int, str | None]
    deletable: re.Pattern[str] | None
    dense: list[str | None]
    """`table` as a list indexed by code point, up to its highest key below `_DENSE_LIMIT`."""
    sparse: tuple[str, ...]
    """Mapped characters past the end of `dense`."""

    present: re.Pattern[str] | None = None
    """Any mapped character; set when no mapped character maps to another mapped one, so that
    replacing the few distinct ones an article holds, one after the other, equals the table."""

    @classmethod
    def build(cls, table: dict[int, str | None]) -> _CharmapStep:
        size = max((code for code in table if code < _DENSE_LIMIT), default=-1) + 1
        dense: list[str | None] = [chr(code) for code in range(size)]
        for code, value in table.items():
            if code < size:
                dense[code] = value
        sparse = tuple(chr(code) for code in table if code >= size)
        chain_free = all(value is None or table.get(ord(value), value) == value for value in table.values())
        present = (
            re.compile("[" + "".join(re.escape(chr(code)) for code in table) + "]")
            if table and chain_free
            else None
        )
        return cls(table, _deletable(table), dense, sparse, present)

    def fold(self, text: str) -> str:
        """The step on a plain string (no offsets kept)."""
        if self.present is None:
            return text.translate(self.table)
        # An article holds a handful of the mapped characters: replacing each is about
        # twice as fast as translating every character.
        for char in set(self.present.findall(text)):
            text = text.replace(char, self.table[ord(char)] or "")
        return text

    def __call__(self, text: AlignedText) -> AlignedText:
        if self.present is not None:
            folded = self.fold(text.text)
        else:
            # str.translate leaves a character past the end of a list alone.
            table = self.table if any(char in text.text for char in self.sparse) else self.dense
            folded = text.text.translate(table)
        if len(folded) == len(text.text):
            return AlignedText(text.original, folded, text.index)
        assert self.deletable is not None, "a deleting table needs its deletable pattern"
        # As `AlignedText.translate`: the deleted characters leave the index.
        kept: list[int] = []
        previous = 0
        for match in self.deletable.finditer(text.text):
            kept.extend(text.index[previous : match.start()])
            previous = match.end()
        kept.extend(text.index[previous:])
        return AlignedText(text.original, folded, kept)


def charmap_step(*names: str) -> Step:
    """One step applying the named character maps of ``charmap.toml``, in order."""
    merged: dict[int, str | None] = {}
    for name in names:
        table = _charmaps()[name]
        # Compose: a character already mapped by an earlier step is mapped again by this one.
        for code, value in list(merged.items()):
            if value is not None and ord(value) in table:
                merged[code] = table[ord(value)]
        for code, value in table.items():
            merged.setdefault(code, value)
    return _CharmapStep.build(merged)


class Normalizer:
    """A pipeline of named steps; consecutive character maps run as one table."""

    def __init__(self, steps: Iterable[str | Step]) -> None:
        self.names: tuple[str, ...] = ()
        self._steps: list[Step] = []
        pending: list[str] = []
        names: list[str] = []
        for step in steps:
            if isinstance(step, str) and step in _charmaps():
                pending.append(step)
                names.append(step)
                continue
            if pending:
                self._steps.append(charmap_step(*pending))
                pending = []
            if isinstance(step, str):
                raise ValueError(f"unknown normalizer step {step!r}")  # noqa: TRY004 (a bad value, not type)
            names.append(getattr(step, "__name__", repr(step)))
            self._steps.append(step)
        if pending:
            self._steps.append(charmap_step(*pending))
        self.names = tuple(names)

    def __repr__(self) -> str:
        return f"Normalizer({list(self.names)!r})"

    def normalize(self, text: str) -> AlignedText:
        """Run every step over *text* and keep the offsets back to it."""
        aligned = AlignedText.identity(text)
        for step in self._steps:
            aligned = step(aligned)
        return aligned

    def fold(self, text: str) -> str:
        """The normalized string alone (for data-file entries and queries).

        Runs the character maps and the white-space step on the plain string:
        the lexicons fold thousands of entries, and keeping offsets for them
        would only be thrown away.
        """
        for step in self._steps:
            if isinstance(step, _CharmapStep):
                text = step.fold(text)
            elif step is collapse_whitespace:
                text = _WHITESPACE_RUN.sub(_collapse_match, text)
            else:
                text = step(AlignedText.identity(text)).text
        return text


@cache
def matching() -> Normalizer:
    """The pipeline every matcher works on: all folds, then white space collapsed.

    Built on first use, not at ``import libnews``: it reads ``charmap.toml``.
    Also available as the module attribute ``MATCHING``.
    """
    return Normalizer([*CHARMAP_STEPS, collapse_whitespace])


def __getattr__(name: str) -> Normalizer:
    if name == "MATCHING":
        return matching()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def normalize(text: str) -> AlignedText:
    """Normalize *text* with the `MATCHING` pipeline."""
    return matching().normalize(text)


def fold(text: str) -> str:
    """Fold *text* exactly as article text is folded before matching."""
    return matching().fold(text)
