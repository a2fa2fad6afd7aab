"""The ``libnews`` command line.

libnews parse FILE|- [--published YYYY-MM-DD] [--pretty] [--only PART] [--html PAGE]
libnews batch INPUT OUTPUT [--workers N] [--resume] ...
libnews table INPUT --kind KIND [-o OUT.csv|OUT.parquet]
libnews demo [--html PAGE]

Exit codes: 0 ok, 1 some inputs failed, 2 usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from libnews import __version__
from libnews.batch import (
    BatchStats,
    InputItem,
    RecordFields,
    WorkerDiedError,
    default_workers,
    folder_files,
    iter_folder,
    iter_jsonl,
    last_record_line,
    prepare_resume,
    run_batch,
)
from libnews.examples import EXAMPLE_PUBLISHED, example_text
from libnews.frames import COLUMNS, KINDS, Kind, iter_rows
from libnews.models import Article
from libnews.parse import parse_article

__all__ = ["build_parser", "main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

PARTS = ("dates", "actors", "agreements", "events", "attributions")


class UsageError(Exception):
    """A problem with the command line or its files: reported in one line, exit code 2."""


def _read(source: str) -> str:
    data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{source} is not UTF-8 (byte {exc.start}): convert it first, e.g. with iconv"
        ) from exc


def _write_html(article: Article, page: str) -> None:
    from libnews.html import render_html  # noqa: PLC0415 - only when asked for

    Path(page).write_text(render_html(article), encoding="utf-8")
    print(f"libnews: wrote {page}", file=sys.stderr)


def _dump(article: Article, only: str | None, pretty: bool) -> str:
    indent = 2 if pretty else None
    if only is None:
        return article.model_dump_json(indent=indent)
    part = article.model_dump(mode="json", include={only})[only]
    return json.dumps(part, ensure_ascii=False, indent=indent)


def _cmd_parse(args: argparse.Namespace) -> int:
    try:
        text = _read(args.file)
    except OSError as exc:
        raise UsageError(f"cannot read {args.file}: {exc.strerror}") from exc
    try:
        article = parse_article(text, published=args.published)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    sys.stdout.write(_dump(article, args.only, args.pretty) + "\n")
    if args.html:
        _write_html(article, args.html)
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    article = parse_article(example_text(), published=EXAMPLE_PUBLISHED)
    sys.stdout.write(_dump(article, args.only, True) + "\n")
    if args.html:
        _write_html(article, args.html)
    return EXIT_OK


class Progress:
    """A one-line progress display on stderr: count, articles/s and, when the size is known, ETA."""

    def __init__(self, stream: IO[str], total: int | None, done_of: Callable[[], int]) -> None:
        self.stream = stream
        self.total = total
        self.done_of = done_of
        self.count = 0
        self.started = time.monotonic()
        self.shown = 0.0

    def tick(self, before: Callable[[], None]) -> Callable[[], None]:
        """The per-record callback: *before*, then a redraw."""

        def on_record() -> None:
            before()
            self()

        return on_record

    def __call__(self) -> None:
        self.count += 1
        now = time.monotonic()
        if now - self.shown >= 0.2:  # redraw at most 5 times a second
            self.shown = now
            self.draw(now)

    def draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = self.count / elapsed
        line = f"{self.count:,} articles  {rate:,.1f}/s  {_clock(elapsed)}"
        if self.total:
            fraction = min(1.0, self.done_of() / self.total)
            width = 24
            filled = int(fraction * width)
            eta = elapsed * (1 - fraction) / fraction if fraction > 0 else 0.0
            line = f"[{'#' * filled}{'.' * (width - filled)}] {fraction:4.0%}  {line}  ETA {_clock(eta)}"
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        self.draw(time.monotonic())
        self.stream.write("\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class _ByteCounter:
    """Counts the input bytes whose records are written (the progress fraction).

    Items are read ahead of the records written (up to the in-flight bound),
    so the size of each item read waits in a queue until its record is out.
    """

    def __init__(self) -> None:
        self.done = 0
        self._sizes: deque[int] = deque()

    def count(self, items: Iterable[InputItem]) -> Iterator[InputItem]:
        for item in items:
            self._sizes.append(len(item.data) + 1)
            yield item

    def written(self) -> None:
        if self._sizes:
            self.done += self._sizes.popleft()


def _skip(
    items: Iterator[InputItem], records: int, output: Path, counter: _ByteCounter
) -> Iterator[InputItem]:
    """Skip the inputs whose records are already in *output*, checking that they line up."""
    last: InputItem | None = None
    for item in itertools.islice(items, records):
        last = item
        counter.written()
    if records and (last is None or last_record_line(output) != last.line):
        raise UsageError(
            f"{output} holds {records} records that do not match the first {records} inputs: "
            "was it written from another input? Use --force to start over"
        )
    return items


def _cmd_batch(args: argparse.Namespace) -> int:
    source, target = Path(args.input), args.output
    fields = RecordFields(text=args.text_field, published=args.published_field, id=args.id_field)
    if args.published:
        try:
            dt.date.fromisoformat(args.published)
        except ValueError as exc:
            raise UsageError(f"--published {args.published!r} is not a YYYY-MM-DD date") from exc
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if target == "-" and args.resume:
        raise UsageError("--resume needs an output file, not standard output")
    out_path = Path(target)
    already = 0
    if target != "-" and out_path.exists() and out_path.stat().st_size > 0:
        if args.resume:
            already = prepare_resume(out_path)
        elif not args.force:
            raise UsageError(f"{out_path} exists: add --resume to continue it or --force to overwrite it")

    counter = _ByteCounter()
    stats = BatchStats(skipped=already)
    stream: IO[bytes] | None = None
    if source.is_dir() and args.input != "-":
        files = folder_files(source)
        if already and (already > len(files) or last_record_line(out_path) != already):
            raise UsageError(f"{out_path} holds {already} records that do not match the files of {source}")
        items: Iterator[InputItem] = iter_folder(source, files[already:], first=already + 1)
        total: int | None = len(files)
        done: Callable[[], int] = lambda: stats.skipped + stats.total  # noqa: E731
    elif args.input == "-" or source.is_file():
        stream = sys.stdin.buffer if args.input == "-" else source.open("rb")
        total = None if args.input == "-" else source.stat().st_size
        items = counter.count(iter_jsonl(stream))
        done = lambda: counter.done  # noqa: E731
    else:
        raise UsageError(f"cannot read {args.input}: no such file or folder")

    progress = Progress(sys.stderr, total, done) if sys.stderr.isatty() and not args.quiet else None
    started = time.monotonic()
    try:
        if already and stream is not None:
            items = _skip(items, already, out_path, counter)
        output: IO[str]
        if target == "-":
            output = sys.stdout
        else:
            try:
                output = out_path.open("a" if args.resume else "w", encoding="utf-8", newline="\n")
            except OSError as exc:
                raise UsageError(f"cannot write {out_path}: {exc.strerror}") from exc
        try:
            run_batch(
                items,
                output,
                fields=fields,
                published=args.published,
                workers=args.workers,
                on_record=None if progress is None else progress.tick(counter.written),
                stats=stats,
            )
        except WorkerDiedError as exc:
            # What was written is whole; the parse that killed the worker is not retried here.
            print(
                f"libnews batch: {exc}; the output holds whole records: --resume continues", file=sys.stderr
            )
            return EXIT_FAILED
        finally:
            if output is not sys.stdout:
                output.close()
            if progress is not None:
                progress.close()
    finally:
        if stream is not None and stream is not sys.stdin.buffer:
            stream.close()
    elapsed = time.monotonic() - started
    return _summary(stats, target, elapsed)


def _summary(stats: BatchStats, target: str, elapsed: float) -> int:
    rate = stats.total / elapsed if elapsed > 0 else 0.0
    where = "standard output" if target == "-" else target
    resumed = f" (after {stats.skipped:,} already there)" if stats.skipped else ""
    message = (
        f"libnews batch: {stats.total:,} records written to {where}{resumed} in {elapsed:.1f} s "
        f"({rate:,.1f} articles/s); {stats.failed:,} failed"
    )
    if stats.failed:
        listed = ", ".join(str(line) for line in stats.failed_lines)
        more = ", …" if stats.failed > len(stats.failed_lines) else ""
        message += f" (lines {listed}{more}; see their error records)"
    print(message, file=sys.stderr)
    if stats.interrupted:
        print("libnews batch: interrupted; run the same command with --resume to continue", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_FAILED if stats.failed else EXIT_OK


def _batch_articles(stream: IO[bytes], source: str) -> Iterator[tuple[str | None, Article]]:
    """Read ``libnews batch`` output (or one Article JSON per line); error records are skipped."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except ValueError as exc:
            raise UsageError(f"{source}, line {number}: not JSON ({exc})") from exc
        if not isinstance(record, dict) or "error" in record:
            continue
        if "article" in record:
            ident = record.get("id")
            yield (None if ident is None else str(ident)), Article.model_validate(record["article"])
        elif "text" in record and "dates" in record:
            yield str(number), Article.model_validate(record)
        else:
            raise UsageError(f"{source}, line {number}: neither a libnews batch record nor an Article")


def _csv_cell(value: object) -> object:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else value


def _write_csv(rows: Iterable[dict[str, Any]], kind: Kind, output: IO[str]) -> int:
    writer = csv.DictWriter(output, fieldnames=list(COLUMNS[kind]))
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({name: _csv_cell(value) for name, value in row.items()})
        count += 1
    return count


def _write_parquet(rows: Iterable[dict[str, Any]], kind: Kind, path: str) -> int:
    try:
        import pyarrow as pa  # noqa: PLC0415 - optional
        import pyarrow.parquet as pq  # noqa: PLC0415
    except ImportError as exc:
        raise UsageError("writing Parquet needs pyarrow: pip install pyarrow (or write .csv)") from exc
    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "int?": pa.int64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    schema = pa.schema([(name, types[logical]) for name, logical in COLUMNS[kind].items()])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in itertools.chain(rows, [None]):
            if row is not None:
                batch.append(row)
                count += 1
            if batch and (row is None or len(batch) >= 10_000):
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if count == 0:
            writer.write_table(schema.empty_table())
    return count


def _cmd_table(args: argparse.Namespace) -> int:
    kind: Kind = args.kind
    out = args.output
    parquet = args.format == "parquet" or (args.format is None and str(out).endswith(".parquet"))
    if parquet and out == "-":
        raise UsageError("Parquet needs an output file: -o table.parquet")
    try:
        stream = sys.stdin.buffer if args.input == "-" else Path(args.input).open("rb")  # noqa: SIM115
    except OSError as exc:
        raise UsageError(f"cannot read {args.input}: {exc.strerror}") from exc
    try:
        rows = (
            row
            for article_id, article in _batch_articles(stream, args.input)
            for row in iter_rows(article, kind, article_id)
        )
        if parquet:
            count = _write_parquet(rows, kind, out)
        elif out == "-":
            count = _write_csv(rows, kind, sys.stdout)
        else:
            # The byte-order mark lets Excel recognise UTF-8 (and show the Arabic); pandas skips it.
            with Path(out).open("w", encoding="utf-8-sig", newline="") as handle:
                count = _write_csv(rows, kind, handle)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    if out != "-":
        print(f"libnews table: {count:,} {kind} rows written to {out}", file=sys.stderr)
    return EXIT_OK


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, summary: str, examples: str
) -> argparse.ArgumentParser:
    return commands.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog="examples:\n" + examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``libnews`` command."""
    parser = argparse.ArgumentParser(
        prog="libnews",
        description="Turn Arabic news articles into structured, typed data.",
        epilog=(
            "examples:\n  libnews demo\n  libnews parse article.txt --published 2020-12-15 --pretty\n"
            "  libnews batch articles.jsonl parsed.jsonl --workers 4\n"
            "  libnews table parsed.jsonl --kind events -o events.csv\n\n"
            "exit codes: 0 ok, 1 some inputs failed, 2 usage error, 130 interrupted"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"libnews {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = _command(
        commands,
        "parse",
        "parse one article and print it as JSON",
        "  libnews parse article.txt --published 2020-12-15 --pretty\n"
        "  cat article.txt | libnews parse - --only dates\n"
        "  libnews parse article.txt --html article.html",
    )
    parse.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for standard input")
    parse.add_argument("--published", metavar="YYYY-MM-DD", help="publication day, to resolve relative dates")
    parse.add_argument("--pretty", action="store_true", help="indent the JSON")
    parse.add_argument("--only", choices=PARTS, help="print only this part of the result (a JSON list)")
    parse.add_argument("--html", metavar="PAGE", help="also write the highlighted article to this HTML file")
    parse.set_defaults(handler=_cmd_parse)

    batch = _command(
        commands,
        "batch",
        "parse many articles: one JSON record per input line, in input order",
        "  libnews batch articles.jsonl parsed.jsonl\n"
        "  libnews batch articles.jsonl parsed.jsonl --workers 4 --published 2021-03-01\n"
        "  libnews batch texts/ parsed.jsonl                  # a folder of .txt files\n"
        "  libnews batch dump.jsonl out.jsonl --text-field body --id-field url\n"
        "  libnews batch articles.jsonl parsed.jsonl --resume  # continue an interrupted run\n\n"
        'output records: {"line": N, "id": ..., "article": {...}} or {"line": N, "id": ..., "error": {...}}\n'
        "exit codes: 0 all parsed, 1 some inputs failed (see their error records), 2 usage error,\n"
        "130 interrupted (the output holds whole records only; --resume continues it)",
    )
    batch.add_argument(
        "input", metavar="INPUT", help="a JSONL file (one article per line), a folder of .txt, or -"
    )
    batch.add_argument("output", metavar="OUTPUT", help="the JSONL file to write, or - for standard output")
    batch.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help=f"worker processes (default 1; this machine has {default_workers()})",
    )
    batch.add_argument("--published", metavar="YYYY-MM-DD", help="publication day for records without one")
    batch.add_argument("--text-field", default="text", metavar="NAME", help="field holding the text (text)")
    batch.add_argument(
        "--published-field", default="published", metavar="NAME", help="field holding the day (published)"
    )
    batch.add_argument("--id-field", default="id", metavar="NAME", help="field holding the article id (id)")
    mode = batch.add_mutually_exclusive_group()
    mode.add_argument("--resume", action="store_true", help="continue an interrupted run into OUTPUT")
    mode.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")
    batch.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    batch.set_defaults(handler=_cmd_batch)

    table = _command(
        commands,
        "table",
        "turn libnews batch output into a flat table, one row per item with its article id",
        "  libnews table parsed.jsonl --kind events -o events.csv\n"
        "  libnews table parsed.jsonl --kind clauses -o clauses.parquet   # needs pyarrow\n"
        "  libnews table parsed.jsonl --kind actors > actors.csv",
    )
    table.add_argument("input", metavar="INPUT", help="output of libnews batch (JSONL), or -")
    table.add_argument("--kind", required=True, choices=KINDS, help="which items to list")
    table.add_argument(
        "-o", "--output", default="-", metavar="OUT", help="CSV or .parquet file (default: stdout)"
    )
    table.add_argument("--format", choices=("csv", "parquet"), help="default: from the OUT suffix, else CSV")
    table.set_defaults(handler=_cmd_table)

    demo = _command(
        commands,
        "demo",
        "parse the bundled example article and print the result",
        "  libnews demo\n  libnews demo --only events\n  libnews demo --html demo.html",
    )
    demo.add_argument("--only", choices=PARTS, help="print only this part of the result")
    demo.add_argument("--html", metavar="PAGE", help="also write the highlighted article to this HTML file")
    demo.set_defaults(handler=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 some inputs failed, 2 usage error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except UsageError as exc:
        print(f"libnews {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"libnews {args.command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `libnews table ... | head`
        return EXIT_OK
    return code


if __name__ == "__main__":
    sys.exit(main())
