"""The streaming batch engine behind ``libnews batch`` and `libnews.parse_many`.

A batch reads articles one at a time (a JSONL file, standard input, or a
folder of ``.txt`` files), parses them in order, optionally in worker
processes, and writes one JSON record per input item:

    {"line": 3, "id": "ant-bbc-0001", "article": {...the Article...}}
    {"line": 4, "id": null, "error": {"type": "JSONDecodeError", "message": "..."}}

The output is append-only JSONL, flushed after every record, so a run that is
killed leaves only whole records (at most one torn last line, which
`prepare_resume` drops), and ``--resume`` carries on where it stopped:
outputs are in input order, one per input, so the records already written
say how many inputs to skip.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import signal
import sys
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self, TypeVar

from libnews.parse import parse_article

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = [
    "BatchStats",
    "InputItem",
    "RecordFields",
    "WorkerDiedError",
    "count_complete_records",
    "iter_folder",
    "iter_jsonl",
    "ordered_map",
    "parse_item",
    "prepare_resume",
    "run_batch",
]

T = TypeVar("T")
R = TypeVar("R")

CHUNK_SIZE = 8
"""Items sent to a worker at a time: enough to amortize the pickling, small enough to keep order cheap."""

_PR_SET_PDEATHSIG = 1
"""prctl option: the signal a process gets when its parent dies (Linux)."""

MAX_LISTED_FAILURES = 20
"""Failed line numbers kept for the summary (the output has them all)."""

IN_FLIGHT_PER_WORKER = 4
"""Chunks queued per worker: bounds memory however long the input is."""


class WorkerDiedError(RuntimeError):
    """A worker process ended abruptly (killed, out of memory): the batch stops with whole records."""


@dataclass(frozen=True)
class RecordFields:
    """Names of the fields of a JSONL input record."""

    text: str = "text"
    published: str = "published"
    id: str = "id"


@dataclass(frozen=True)
class InputItem:
    """One input item before parsing: its 1-based line (or file) number and raw bytes."""

    line: int
    data: bytes
    id: str | None = None
    """Set for folder input (the file name); JSONL items take their id from the record."""
    is_text: bool = False
    """True when *data* is the article text itself (a .txt file), not a JSON record."""
    read_error: str | None = None
    """Why the item could not be read (it still gets its error record)."""


@dataclass
class BatchStats:
    """What a batch did, for the summary line and the exit code."""

    total: int = 0
    failed: int = 0
    skipped: int = 0
    """Records already in the output when resuming."""
    failed_lines: list[int] = field(default_factory=list)
    interrupted: bool = False


def iter_jsonl(stream: IO[bytes]) -> Iterator[InputItem]:
    """Yield the lines of a JSONL byte stream, numbered from 1, without decoding them.

    A last line without a newline counts; an empty final line after the last
    newline does not.  Lines are read one at a time (constant memory).
    """
    for number, raw in enumerate(stream, start=1):
        data = raw.rstrip(b"\r\n")
        if number == 1:
            data = data.removeprefix(codecs.BOM_UTF8)  # files saved by Windows tools often start with one
        yield InputItem(line=number, data=data)


def folder_files(folder: Path) -> list[Path]:
    """The ``.txt`` files of *folder* and its subfolders, in a stable (sorted) order."""
    return sorted(path for path in folder.rglob("*.txt") if path.is_file())


def iter_folder(folder: Path, files: list[Path] | None = None, *, first: int = 1) -> Iterator[InputItem]:
    """Yield the ``.txt`` files of *folder* as input items, numbered from *first*, id = relative path.

    Args:
        folder: The folder the ids are relative to.
        files: The files to read (default: `folder_files`).
        first: Number of the first file (to resume a run after the files already done).
    """
    for number, path in enumerate(files if files is not None else folder_files(folder), start=first):
        ident = path.relative_to(folder).with_suffix("").as_posix()
        try:
            data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
            yield InputItem(line=number, data=data, id=ident, is_text=True)
        except OSError as exc:
            # Still one record per input: the error is reported in the output.
            yield InputItem(line=number, data=b"", id=ident, is_text=True, read_error=str(exc.strerror))


def _error(item: InputItem, ident: object, kind: str, message: str) -> dict[str, Any]:
    return {"line": item.line, "id": ident, "error": {"type": kind, "message": message}}


def _record_id(value: object) -> str | int | None:
    if value is None or isinstance(value, str | int):
        return value
    return str(value)


def parse_item(item: InputItem, fields: RecordFields, published: str | None) -> tuple[str, bool]:
    """Parse one input item into its output record, serialized as one JSON line (no newline).

    Never raises for a bad item: invalid UTF-8, invalid JSON, a missing or
    non-string text, a bad date, and bugs in the parser all become an error
    record carrying the line number.

    Returns:
        The record, and True when it is an error record.
    """
    ident: object = item.id
    try:
        if item.read_error is not None:
            return _dump(_error(item, ident, "OSError", f"cannot read: {item.read_error}"))
        try:
            decoded = item.data.decode("utf-8")
        except UnicodeDecodeError as exc:
            message = f"not valid UTF-8 at byte {exc.start}: decode the file to UTF-8 first"
            return _dump(_error(item, ident, "UnicodeDecodeError", message))
        day: object = published
        if item.is_text:
            text: object = decoded
        else:
            if not decoded.strip():
                return _dump(_error(item, ident, "EmptyLine", "empty line"))
            try:
                record = json.loads(decoded)
            except json.JSONDecodeError as exc:
                return _dump(_error(item, ident, "JSONDecodeError", str(exc)))
            if not isinstance(record, dict):
                message = f"expected a JSON object, got {type(record).__name__}"
                return _dump(_error(item, ident, "TypeError", message))
            ident = _record_id(record.get(fields.id))
            if fields.text not in record:
                message = f"missing field {fields.text!r}"
                return _dump(_error(item, ident, "MissingField", message))
            text = record[fields.text]
            if record.get(fields.published) is not None:
                day = record[fields.published]
        article = parse_article(text, published=day)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - one bad article must never stop a corpus run
        return _dump(_error(item, ident, type(exc).__name__, str(exc)))
    ident_json = json.dumps(ident, ensure_ascii=False)
    return f'{{"line":{item.line},"id":{ident_json},"article":{article.model_dump_json()}}}', False


def _dump(record: dict[str, Any]) -> tuple[str, bool]:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")), True


def _parse_chunk(
    items: list[InputItem], fields: RecordFields, published: str | None
) -> list[tuple[str, bool]]:
    return [parse_item(item, fields, published) for item in items]


def _worker_setup() -> None:
    """Run in each worker process as it starts."""
    # Workers leave Ctrl-C to the main process, which stops the run between records.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The main process's SIGTERM handler was inherited through fork(); a worker just dies.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        # A main process killed with SIGKILL cannot stop its workers: ask the kernel to.
        import ctypes  # noqa: PLC0415 - only in workers

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _ready() -> bool:
    return True


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass(frozen=True)
class _Failure:
    """An exception raised while reading the input, handed from the reader thread to the consumer."""

    error: BaseException


def ordered_map(
    function: Callable[[list[T]], list[R]],
    items: Iterable[T],
    *,
    workers: int = 1,
    chunk_size: int = CHUNK_SIZE,
) -> Generator[R, None, None]:
    """Apply *function* to chunks of *items* and yield the results in input order.

    With ``workers <= 1`` each item is handled as soon as it is read (chunks
    of one).  With more, a reader thread cuts the input into chunks and
    submits them to a process pool, at most ``workers * IN_FLIGHT_PER_WORKER``
    ahead of the results yielded, so memory stays bounded on an input of any
    length, and a slow input (a pipe) does not hold back results already
    computed.  *function* must be picklable.
    """
    if workers <= 1:
        for item in items:
            yield from function([item])
        return
    # Imported here: multiprocessing costs ~30 ms, which `import libnews` should not pay.
    import queue  # noqa: PLC0415
    import threading  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    submitted: queue.Queue[Future[list[R]] | _Failure | None] = queue.Queue(workers * IN_FLIGHT_PER_WORKER)
    stopping = threading.Event()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_setup)
    # Start the workers from this thread: the kernel ties a worker's death signal to the thread that
    # forked it, and the reader thread may end long before the workers do.
    pool.submit(_ready).result()

    def hand_over(entry: Future[list[R]] | _Failure | None) -> bool:
        while not stopping.is_set():
            try:
                submitted.put(entry, timeout=0.1)
            except queue.Full:
                continue
            return True
        return False

    def read() -> None:
        try:
            for chunk in _chunks(items, chunk_size):
                if not hand_over(pool.submit(function, chunk)):
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer, which raises it
            hand_over(_Failure(exc))
        hand_over(None)

    reader = threading.Thread(target=read, name="libnews-reader", daemon=True)
    reader.start()
    try:
        while (entry := submitted.get()) is not None:
            if isinstance(entry, _Failure):
                raise entry.error
            yield from entry.result()
    finally:
        stopping.set()
        while True:
            try:
                entry = submitted.get_nowait()
            except queue.Empty:
                break
            if entry is not None and not isinstance(entry, _Failure):
                entry.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def count_complete_records(path: Path) -> tuple[int, int | None]:
    """Count the whole records of an output file and find where they end.

    Returns ``(records, truncate_at)``: *truncate_at* is the byte size to cut
    the file to when its last line is torn (no final newline), else None.
    """
    records = 0
    good_end = 0
    with path.open("rb") as stream:
        for raw in stream:
            if not raw.endswith(b"\n"):
                return records, good_end
            records += 1
            good_end += len(raw)
    return records, None


def prepare_resume(path: Path) -> int:
    """Make an interrupted output file resumable; returns how many records it holds.

    Drops a torn last line (a record cut off by a kill) so that the file holds
    only whole records again.
    """
    if not path.exists():
        return 0
    records, truncate_at = count_complete_records(path)
    if truncate_at is not None:
        with path.open("r+b") as stream:
            stream.truncate(truncate_at)
    return records


def last_record_line(path: Path) -> int | None:
    """The ``line`` of the last record of an output file (None if empty or unreadable)."""
    size = path.stat().st_size
    if size == 0:
        return None
    with path.open("rb") as stream:
        # Records can be long: read backwards in growing blocks until a whole last line is in hand.
        block = 1 << 16
        while True:
            start = max(0, size - block)
            stream.seek(start)
            tail = stream.read(size - start).rstrip(b"\n")
            cut = tail.rfind(b"\n")
            if cut >= 0 or start == 0:
                last = tail[cut + 1 :]
                break
            block *= 4
    try:
        value = json.loads(last).get("line")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, int) else None


class _StopFlag:
    """Defers SIGINT/SIGTERM while a record is being written, so no record is ever cut.

    Outside a write the signal interrupts at once (a read blocked on a pipe,
    a wait for a worker); during a write it is noted and acted on right after.
    """

    def __init__(self) -> None:
        self.raised = False
        self.writing = False
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> Self:
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum: int, frame: object) -> None:
        self.raised = True
        if not self.writing:
            raise KeyboardInterrupt

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)


def run_batch(
    items: Iterable[InputItem],
    output: IO[str],
    *,
    fields: RecordFields | None = None,
    published: str | None = None,
    workers: int = 1,
    on_record: Callable[[], None] | None = None,
    stats: BatchStats | None = None,
) -> BatchStats:
    """Parse every item and write one record per item to *output*, in input order.

    Each record is written whole and flushed before the next, so a killed run
    leaves only whole records.  SIGINT/SIGTERM (Ctrl-C) stop the run between
    two records; `BatchStats.interrupted` then says so.

    Args:
        items: The input, e.g. `iter_jsonl` or `iter_folder`.
        output: A text stream opened for writing (append mode to resume).
        fields: Field names of JSONL records.
        published: Publication day for records that carry none.
        workers: Worker processes (1 parses in this process).
        on_record: Called after each record is written (progress display).
        stats: Counters to update (a new `BatchStats` by default).
    """
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415 - see ordered_map

    fields = fields or RecordFields()
    stats = stats or BatchStats()
    task = _ChunkTask(fields, published)
    with _StopFlag() as stop:
        results = ordered_map(task, items, workers=workers)
        try:
            for line, failed in results:
                stop.writing = True
                output.write(line + "\n")
                output.flush()
                stop.writing = False
                stats.total += 1
                if failed:
                    stats.failed += 1
                    if len(stats.failed_lines) < MAX_LISTED_FAILURES:
                        stats.failed_lines.append(int(json.loads(line)["line"]))
                if on_record is not None:
                    on_record()
                if stop.raised:
                    break
        except KeyboardInterrupt:
            pass  # raised by _StopFlag between records: the output is whole
        except BrokenProcessPool as exc:
            raise WorkerDiedError(f"a worker process died after {stats.total} records ({exc})") from exc
        finally:
            stop.writing = True  # from here on a signal is only noted: the clean-up must finish
            results.close()
        stats.interrupted = stop.raised
    return stats


@dataclass(frozen=True)
class _ChunkTask:
    """A picklable ``chunk -> records`` function for the worker processes."""

    fields: RecordFields
    published: str | None

    def __call__(self, items: list[InputItem]) -> list[tuple[str, bool]]:
        return _parse_chunk(items, self.fields, self.published)


def default_workers() -> int:
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
