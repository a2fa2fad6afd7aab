"""Reading TOML data files, with their parsed (and validated) form cached on disk.

`tomllib` is pure Python: parsing the shipped tables (about 300 KB) takes some
60 ms, a fifth of a process's first parse.  The parsed tables are plain dicts,
lists and strings, which `marshal` (the format of ``.pyc`` files) reads back in
a tenth of that time.  So the parsed form of each file is kept in a cache
folder under a name made of a hash of the file's text: an edited file gets a
new name, and a stale entry is never read.

The shipped tables, validated, are kept too (`load_built`, `store_built`): building
the entry models' validators and validating some 2,000 entries costs another
30 ms that reading them back from a `pickle` does not.  Their name is a hash
of every data file's text and of the versions of Python, Pydantic and libnews.

The folder is ``$LIBNEWS_CACHE_DIR`` if set (set it empty to turn the cache
off), else ``$XDG_CACHE_HOME/libnews`` or ``~/.cache/libnews``.  A folder that
cannot be written, or an entry that cannot be read, only costs the parse it
would have saved.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["cache_folder", "load_built", "loads", "store_built"]

ENVIRONMENT_VARIABLE = "LIBNEWS_CACHE_DIR"

# marshal's format changes between Python versions: entries are kept apart by both.
_FORMAT = f"py{sys.version_info.major}{sys.version_info.minor}-m{marshal.version}"


def cache_folder() -> Path | None:
    """Where parsed data files are cached, or None when the cache is off."""
    chosen = os.environ.get(ENVIRONMENT_VARIABLE)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "libnews"


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, read from the cache when this text was parsed before.

    Raises:
        tomllib.TOMLDecodeError: *text* is not valid TOML.
    """
    folder = cache_folder()
    entry: Path | None = None
    if folder is not None:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:40]
        entry = folder / f"{digest}.{_FORMAT}.marshal"
        try:
            found = marshal.loads(entry.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            found = None
        if isinstance(found, dict):
            return found
    import tomllib  # noqa: PLC0415 (only on a cache miss: importing it costs about 10 ms)

    data = tomllib.loads(text)
    if entry is not None:
        _store(entry, data)
    return data


def load_built(texts: list[str]) -> Any:
    """What `store_built` kept for these data file *texts*, or None."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        with (folder / _built_name(texts)).open("rb") as stream:
            return pickle.load(stream)
    except Exception:  # noqa: BLE001 - a missing, partial or foreign entry is only a miss
        return None


def store_built(texts: list[str], built: Any) -> None:
    """Keep *built* (picklable) for the data file *texts*; failures are ignored."""
    folder = cache_folder()
    if folder is not None:
        _write(folder / _built_name(texts), pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))


def _built_name(texts: list[str]) -> str:
    from pydantic import VERSION  # noqa: PLC0415 (only when the cache is used)

    from libnews._version import __version__  # noqa: PLC0415

    digest = hashlib.sha256()
    for part in (_FORMAT, VERSION, __version__, *texts):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return f"tables-{digest.hexdigest()[:40]}.pickle"


def _store(entry: Path, data: dict[str, Any]) -> None:
    try:
        blob = marshal.dumps(data)
    except ValueError:
        return  # a value marshal cannot write (a TOML date): parse this file every time
    _write(entry, blob)


def _write(entry: Path, blob: bytes) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: a process reading meanwhile sees the whole entry or none.
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(blob)
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass
