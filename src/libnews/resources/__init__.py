"""The data libnews matches with: shipped tables plus the user's own.

Every ``*.toml`` file in ``libnews/data`` holds arrays of tables
(``[[country]]``, ``[[title]]``, ``[[month]]`` …).  Each table name has an
entry model in `libnews.resources.schema` that validates its entries and
names their merge key.  User files of the same shape are merged onto the
shipped tables by that key: list fields are unioned, and ``replace = true``
swaps the whole entry.

>>> res = default_resources()
>>> len(res.entries("title")) > 0
True

The parsed form of each file is cached on disk (``~/.cache/libnews``;
``LIBNEWS_CACHE_DIR`` moves it, empty turns it off), which halves the cost
of loading the tables in a fresh process: see `libnews.resources.toml_cache`.

`Resources` is immutable and caches what matchers compile from it
(`Resources.compiled`), so a resource set is passed around as a value and
nothing is global but the cached default.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from os import PathLike
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from libnews.errors import ResourceError
from libnews.resources.schema import ENTRY_MODELS, Entry

__all__ = ["Resources", "default_resources", "load_resources"]

E = TypeVar("E", bound=Entry)
T = TypeVar("T")

# Data files that are not entry tables (read by their own modules).
_NOT_TABLES = frozenset({"charmap.toml"})


class Resources:
    """An immutable set of validated data tables and what was compiled from them."""

    def __init__(self, tables: Mapping[str, tuple[Entry, ...]], sources: tuple[str, ...]) -> None:
        self._tables = dict(tables)
        self.sources = sources
        """The files these tables were read from, shipped first."""
        self._compiled: dict[str, Any] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(rows)}" for name, rows in sorted(self._tables.items()))
        return f"Resources({counts})"

    def __contains__(self, table: str) -> bool:
        return table in self._tables

    @property
    def tables(self) -> tuple[str, ...]:
        """Names of the tables present."""
        return tuple(sorted(self._tables))

    def entries(self, table: str, model: type[E] | None = None) -> tuple[E, ...]:
        """The validated entries of *table* (empty if absent)."""
        rows = self._tables.get(table, ())
        if model is not None:
            for row in rows:
                if not isinstance(row, model):
                    raise TypeError(f"table {table!r} holds {type(row).__name__}, not {model.__name__}")
        return rows  # type: ignore[return-value]

    def compiled(self, key: str, build: Callable[[Resources], T]) -> T:
        """``build(self)``, computed once per resource set and cached under *key*."""
        try:
            return self._compiled[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        with self._lock:
            if key not in self._compiled:
                self._compiled[key] = build(self)
            return self._compiled[key]  # type: ignore[no-any-return]

    def extended(self, *files: str | PathLike[str], **entries: Iterable[Mapping[str, Any]]) -> Resources:
        """A new resource set with *files* and keyword *entries* (``title=[{...}]``) merged on."""
        raw: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
        for path in files:
            _collect(raw, Path(path).read_text("utf-8"), str(path))
        for table, rows in entries.items():
            raw.setdefault(table, []).extend(("<python>", dict(row)) for row in rows)
        tables = {name: list(rows) for name, rows in self._tables.items()}
        for table, collected in raw.items():
            _merge(tables, table, collected)
        return Resources({k: tuple(v) for k, v in tables.items()}, self.sources + tuple(map(str, files)))


def _collect(raw: dict[str, list[tuple[str, Mapping[str, Any]]]], text: str, source: str) -> None:
    import tomllib  # noqa: PLC0415 (data is read on first use, not at import)

    from libnews.resources import toml_cache  # noqa: PLC0415 (as above)

    try:
        data = toml_cache.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ResourceError(f"{source}: not valid TOML: {exc}") from exc
    for table, rows in data.items():
        if table not in ENTRY_MODELS:
            known = ", ".join(sorted(ENTRY_MODELS))
            raise ResourceError(f"{source}: unknown table [[{table}]] (known: {known})")
        if not isinstance(rows, list):
            raise ResourceError(f"{source}: {table} must be an array of tables ([[{table}]])")
        raw.setdefault(table, []).extend((source, row) for row in rows)


def _merge(tables: dict[str, list[Entry]], table: str, rows: list[tuple[str, Mapping[str, Any]]]) -> None:
    model = ENTRY_MODELS[table]
    current = tables.setdefault(table, [])
    position = {entry.key(): i for i, entry in enumerate(current)}
    for source, given in rows:
        row = dict(given)
        replace = bool(row.pop("replace", False))
        try:
            entry = model.model_validate(row)
        except ValidationError as exc:
            raise ResourceError(f"{source}: bad [[{table}]] entry {row!r}: {exc}") from exc
        key = entry.key()
        if key in position and not replace:
            current[position[key]] = current[position[key]].merged_with(entry)
        elif key in position:
            current[position[key]] = entry
        else:
            position[key] = len(current)
            current.append(entry)


def _shipped_files() -> list[tuple[str, str]]:
    from importlib import resources as importlib_resources  # noqa: PLC0415 (as above)

    folder = importlib_resources.files("libnews.data")
    files = [
        (item.name, item.read_text("utf-8"))
        for item in folder.iterdir()
        if item.name.endswith(".toml") and item.name not in _NOT_TABLES
    ]
    return sorted(files)


def load_resources(extra: Iterable[str | PathLike[str]] = (), *, shipped: bool = True) -> Resources:
    """Read the shipped tables (unless ``shipped=False``) and merge *extra* files onto them."""
    base = _shipped_resources() if shipped else Resources({}, ())
    extra = list(extra)
    return base.extended(*extra) if extra else base


def _shipped_resources() -> Resources:
    """The shipped tables, validated (read back from the cache when these files were seen before)."""
    from libnews.resources import toml_cache  # noqa: PLC0415 (data is read on first use, not at import)

    files = _shipped_files()
    texts = [text for _, text in files]
    sources = tuple(f"libnews/data/{name}" for name, _ in files)
    tables = toml_cache.load_built(texts)
    if not _well_formed(tables):
        raw: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
        for text, source in zip(texts, sources, strict=True):
            _collect(raw, text, source)
        built: dict[str, list[Entry]] = {}
        for table, rows in raw.items():
            _merge(built, table, rows)
        tables = {name: tuple(rows) for name, rows in built.items()}
        toml_cache.store_built(texts, tables)
    return Resources(tables, sources)


def _well_formed(tables: object) -> bool:
    """Whether a cached object is a table set of the current entry models."""
    return isinstance(tables, dict) and all(
        isinstance(rows, tuple) and all(isinstance(row, ENTRY_MODELS.get(name, ())) for row in rows)
        for name, rows in tables.items()
    )


@cache
def default_resources() -> Resources:
    """The shipped tables, read and validated once per process."""
    return load_resources()
