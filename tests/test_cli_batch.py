"""The command line beyond `parse`: batch over JSONL and folders, resume after a kill, tables, help.

The contract of ``libnews batch``: one output record per input line, in input
order, an error record (with its line number) for every input that cannot be
parsed, exit 0 / 1 / 2, and an output of whole records whatever happens to
the process.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from libnews import Article, parse_article, parse_many
from libnews.cli import main

ARTICLES = [
    {"id": "a1", "text": "وقّع وزير الدفاع اتفاقية مع إيطاليا في 4 ديسمبر 2020.", "published": "2020-12-15"},
    {"id": "a2", "text": "عاد الرئيس إلى طرابلس أمس بعد زيارة إلى روما.", "published": "2021-01-10"},
    {"id": "a3", "text": "التقى وزير الخارجية نظيره المصري في القاهرة."},
]


def _jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _corpus_lines(repeat: int) -> bytes:
    """Synthetic but varied input lines (the shared corpus is not needed for the CLI contract)."""
    lines = [
        json.dumps({**record, "id": f"{record['id']}-{n}"}, ensure_ascii=False)
        for n in range(repeat)
        for record in ARTICLES
    ]
    return ("\n".join(lines) + "\n").encode()


# --- parse -----------------------------------------------------------------------------------


@pytest.mark.parametrize("part", ["dates", "actors", "agreements", "events"])
def test_parse_only_prints_that_part(tmp_path: Path, capsys: pytest.CaptureFixture[str], part: str) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ARTICLES[0]["text"], encoding="utf-8")
    assert main(["parse", str(source), "--published", "2020-12-15", "--only", part]) == 0
    expected = parse_article(ARTICLES[0]["text"], "2020-12-15").model_dump(mode="json")[part]
    assert json.loads(capsys.readouterr().out) == expected


def test_parse_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLES[1]["text"].encode())))
    assert main(["parse", "-", "--pretty"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("{\n  ")
    assert Article.model_validate_json(out).text == ARTICLES[1]["text"]


def test_parse_non_utf8_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes("وزير".encode("cp1256"))
    assert main(["parse", str(source)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_parse_and_demo_write_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "demo.html"
    assert main(["demo", "--html", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert json.loads(capsys.readouterr().out)["published"] == "2020-12-15"


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["parse", "--help"], ["batch", "--help"], ["table", "--help"], ["demo", "--help"]],
    ids=" ".join,
)
def test_help_everywhere_has_examples(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    assert "examples:" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [[], ["parse"], ["batch", "in.jsonl"], ["table", "x.jsonl"], ["table", "x.jsonl", "--kind", "nope"]],
    ids=lambda argv: " ".join(argv) or "no command",
)
def test_bad_arguments_exit_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2


# --- batch: the happy path -------------------------------------------------------------------


def test_batch_writes_one_record_per_line_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _jsonl(tmp_path / "in.jsonl", ARTICLES)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), str(out)]) == 0
    records = _records(out)
    assert [r["line"] for r in records] == [1, 2, 3]
    assert [r["id"] for r in records] == ["a1", "a2", "a3"]
    for record, given in zip(records, ARTICLES, strict=True):
        assert Article.model_validate(record["article"]) == parse_article(
            given["text"], given.get("published")
        )
    err = capsys.readouterr().err
    assert "3 records written" in err
    assert "0 failed" in err
    assert "\r" not in err  # stderr is not a terminal here: no progress bar


def test_batch_default_published_applies_to_records_without_one(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", ARTICLES)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), str(out), "--published", "2019-05-05"]) == 0
    assert [r["article"]["published"] for r in _records(out)] == ["2020-12-15", "2021-01-10", "2019-05-05"]


def test_batch_field_names_are_configurable(tmp_path: Path) -> None:
    renamed = [{"url": r["id"], "body": r["text"], "day": r.get("published")} for r in ARTICLES]
    source = _jsonl(tmp_path / "in.jsonl", renamed)
    out = tmp_path / "out.jsonl"
    argv = ["batch", str(source), str(out), "--text-field", "body", "--id-field", "url"]
    assert main([*argv, "--published-field", "day"]) == 0
    records = _records(out)
    assert [r["id"] for r in records] == ["a1", "a2", "a3"]
    assert records[0]["article"]["published"] == "2020-12-15"


def test_batch_over_a_folder_of_text_files(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(ARTICLES[1]["text"], encoding="utf-8")
    (folder / "a.txt").write_text(ARTICLES[0]["text"], encoding="utf-8")
    (folder / "sub" / "c.txt").write_bytes(b"\xff\xfe broken")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), str(out), "--published", "2020-12-15"]) == 1
    records = _records(out)
    assert [(r["line"], r["id"]) for r in records] == [(1, "a"), (2, "b"), (3, "sub/c")]
    assert records[0]["article"]["text"] == ARTICLES[0]["text"]
    assert records[2]["error"]["type"] == "UnicodeDecodeError"


def test_batch_empty_input_writes_nothing_and_succeeds(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), str(out)]) == 0
    assert out.read_bytes() == b""


def test_batch_with_two_workers_equals_one(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(_corpus_lines(30) + b"not json\n")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["batch", str(source), str(one)]) == 1
    assert main(["batch", str(source), str(two), "--workers", "2"]) == 1
    assert one.read_bytes() == two.read_bytes()
    assert len(_records(two)) == 91


def test_batch_to_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _jsonl(tmp_path / "in.jsonl", ARTICLES[:2])
    assert main(["batch", str(source), "-"]) == 0
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == ["a1", "a2"]


# --- batch: bad input lines become error records ---------------------------------------------

BAD_LINES = [
    pytest.param(b"{not json", "JSONDecodeError", None, id="invalid JSON"),
    pytest.param(b"", "EmptyLine", None, id="empty line"),
    pytest.param(b'["a list"]', "TypeError", None, id="not an object"),
    pytest.param(b'{"id": "x1", "title": "no text"}', "MissingField", "x1", id="missing text"),
    pytest.param(b'{"id": 7, "text": null}', "TypeError", 7, id="text is null"),
    pytest.param(b'{"id": "x2", "text": 42}', "TypeError", "x2", id="text is a number"),
    pytest.param(b'{"text": "\xd9\x88\xff"}', "UnicodeDecodeError", None, id="non-UTF-8 bytes"),
    pytest.param(b'{"id": "x3", "text": "t", "published": "15/12/2020"}', "ValueError", "x3", id="bad date"),
]


@pytest.mark.parametrize(("line", "error_type", "ident"), BAD_LINES)
def test_batch_bad_line_gets_an_error_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: bytes, error_type: str, ident: object
) -> None:
    good = json.dumps(ARTICLES[0], ensure_ascii=False).encode()
    source = tmp_path / "in.jsonl"
    source.write_bytes(good + b"\n" + line + b"\n" + good + b"\n")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), str(out)]) == 1
    records = _records(out)
    assert len(records) == 3
    assert [r["line"] for r in records] == [1, 2, 3]
    assert "article" in records[0]
    assert "article" in records[2]
    assert records[1]["error"]["type"] == error_type
    assert records[1]["error"]["message"]
    assert records[1]["id"] == ident
    assert "1 failed (lines 2;" in capsys.readouterr().err


def test_batch_a_parser_bug_becomes_an_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, published: object = None) -> Article:
        if "إيطاليا" in text:
            raise RuntimeError("boom")
        return parse_article(text, published)  # type: ignore[arg-type]

    monkeypatch.setattr("libnews.batch.parse_article", broken)
    source = _jsonl(tmp_path / "in.jsonl", ARTICLES)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), str(out)]) == 1
    records = _records(out)
    assert records[0] == {"line": 1, "id": "a1", "error": {"type": "RuntimeError", "message": "boom"}}
    assert "article" in records[1]


def test_batch_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + _corpus_lines(1))
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLES[0]["text"].encode())
    for given in (source, folder):
        out = tmp_path / "out.jsonl"
        assert main(["batch", str(given), str(out), "--force"]) == 0
        assert _records(out)[0]["article"]["text"] == ARTICLES[0]["text"]


def test_batch_last_line_without_newline_counts(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(_corpus_lines(1).rstrip(b"\n"))
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), str(out)]) == 0
    assert len(_records(out)) == 3


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["batch", "{missing}", "{out}"], "no such file"),
        (["batch", "{source}", "{out}", "--workers", "0"], "--workers"),
        (["batch", "{source}", "{out}", "--published", "yesterday"], "YYYY-MM-DD"),
        (["batch", "{source}", "-", "--resume"], "--resume"),
        (["batch", "{source}", "{missing}/out.jsonl"], "cannot write"),
    ],
    ids=["missing input", "zero workers", "bad published", "resume to stdout", "output folder missing"],
)
def test_batch_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    source = _jsonl(tmp_path / "in.jsonl", ARTICLES)
    paths = {"missing": tmp_path / "missing.jsonl", "out": tmp_path / "out.jsonl", "source": source}
    assert main([arg.format(**paths) for arg in argv]) == 2
    assert message in capsys.readouterr().err


def test_batch_refuses_to_clobber_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _jsonl(tmp_path / "in.jsonl", ARTICLES)
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    assert main(["batch", str(source), str(out)]) == 2
    assert "--resume" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert main(["batch", str(source), str(out), "--force"]) == 0
    assert len(_records(out)) == 3


# --- batch: nothing lost when interrupted ----------------------------------------------------


def test_resume_drops_a_torn_last_line_and_completes(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(_corpus_lines(4))
    full = tmp_path / "full.jsonl"
    assert main(["batch", str(source), str(full)]) == 0
    whole = full.read_bytes().splitlines(keepends=True)
    partial = tmp_path / "partial.jsonl"
    partial.write_bytes(b"".join(whole[:5]) + whole[5][:40])  # as a kill in mid-write would leave it
    assert main(["batch", str(source), str(partial), "--resume"]) == 0
    assert partial.read_bytes() == full.read_bytes()


def test_resume_of_a_finished_run_adds_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _jsonl(tmp_path / "in.jsonl", ARTICLES)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), str(out)]) == 0
    before = out.read_bytes()
    assert main(["batch", str(source), str(out), "--resume"]) == 0
    assert out.read_bytes() == before
    assert "after 3 already there" in capsys.readouterr().err


def test_resume_against_another_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _jsonl(tmp_path / "in.jsonl", ARTICLES)
    out = tmp_path / "out.jsonl"
    out.write_text('{"line": 9, "id": "other", "article": {}}\n', encoding="utf-8")
    assert main(["batch", str(source), str(out), "--resume"]) == 2
    assert "do not match" in capsys.readouterr().err


def test_resume_of_a_folder_run(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    for n, record in enumerate(ARTICLES * 3):
        (folder / f"{n:02d}.txt").write_text(record["text"], encoding="utf-8")
    full, partial = tmp_path / "full.jsonl", tmp_path / "partial.jsonl"
    assert main(["batch", str(folder), str(full)]) == 0
    partial.write_bytes(b"".join(full.read_bytes().splitlines(keepends=True)[:4]))
    assert main(["batch", str(folder), str(partial), "--resume"]) == 0
    assert partial.read_bytes() == full.read_bytes()


def _start_batch(tmp_path: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    """A batch reading standard input, so the test decides how far it can get before the kill."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "libnews", "batch", "-", str(out), *extra],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=env,
    )


def _wait_for_records(path: Path, count: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        assert process.poll() is None, "the batch ended before it was interrupted"
        time.sleep(0.05)
    raise AssertionError(f"{path} never reached {count} records")


@pytest.mark.parametrize(
    ("sig", "workers", "expected_code"),
    [
        pytest.param(signal.SIGKILL, "1", -signal.SIGKILL, id="SIGKILL"),
        pytest.param(signal.SIGKILL, "2", -signal.SIGKILL, id="SIGKILL, 2 workers"),
        pytest.param(signal.SIGINT, "1", 130, id="Ctrl-C"),
        pytest.param(signal.SIGINT, "2", 130, id="Ctrl-C, 2 workers"),
    ],
)
def test_interrupted_batch_resumes_to_the_uninterrupted_output(
    tmp_path: Path, sig: signal.Signals, workers: str, expected_code: int
) -> None:
    data = _corpus_lines(20)  # 60 articles
    source = tmp_path / "in.jsonl"
    source.write_bytes(data)
    reference = tmp_path / "reference.jsonl"
    assert main(["batch", str(source), str(reference)]) == 0

    out = tmp_path / "out.jsonl"
    process = _start_batch(tmp_path, out, "--workers", workers)
    assert process.stdin is not None
    lines = data.splitlines(keepends=True)
    process.stdin.write(b"".join(lines[:24]))  # the rest of the input never comes
    process.stdin.flush()
    _wait_for_records(out, 16, process)
    process.send_signal(sig)
    _, err = process.communicate(timeout=60)
    assert process.returncode == expected_code, err.decode()
    if sig == signal.SIGINT:
        assert b"--resume" in err

    written = out.read_bytes()
    assert written.endswith(b"\n")
    kept = written.splitlines(keepends=True)
    assert 16 <= len(kept) <= 24
    assert kept == reference.read_bytes().splitlines(keepends=True)[: len(kept)]

    assert main(["batch", str(source), str(out), "--resume", "--workers", workers]) == 0
    assert out.read_bytes() == reference.read_bytes()


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    source = tmp_path / "in.jsonl"
    source.write_bytes(_corpus_lines(10))
    out = tmp_path / "out.jsonl"
    primary, secondary = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:  # read as it comes: a full terminal buffer would block the batch
        with contextlib.suppress(OSError):
            while chunk := os.read(primary, 65536):
                chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        process = subprocess.run(
            [sys.executable, "-m", "libnews", "batch", str(source), str(out)],
            stderr=secondary,
            timeout=120,
            check=False,
        )
    finally:
        os.close(secondary)
        reader.join(timeout=10)
        os.close(primary)
    shown = b"".join(chunks)
    assert process.returncode == 0
    assert b"30 articles" in shown
    assert b"\r[" in shown  # the bar redraws in place
    assert b"100%" in shown
    assert b"ETA" in shown


# --- table -----------------------------------------------------------------------------------


def _synthetic_batch_output(tmp_path: Path) -> Path:
    """Batch output holding hand-made articles, so the table test does not depend on the parser."""
    from test_html import sample_article  # the same hand-made article the HTML tests use

    article = sample_article()
    out = tmp_path / "parsed.jsonl"
    lines = [
        json.dumps(
            {"line": 1, "id": "first", "article": article.model_dump(mode="json")}, ensure_ascii=False
        ),
        json.dumps({"line": 2, "id": None, "error": {"type": "JSONDecodeError", "message": "x"}}),
        json.dumps(
            {"line": 3, "id": "second", "article": article.model_dump(mode="json")}, ensure_ascii=False
        ),
    ]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.mark.parametrize("kind", ["dates", "actors", "titles", "agreements", "clauses", "events"])
def test_table_to_csv_has_one_row_per_item_with_article_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    from libnews.frames import COLUMNS, iter_rows
    from test_html import sample_article

    per_article = len(list(iter_rows(sample_article(), kind)))  # type: ignore[arg-type]
    parsed = _synthetic_batch_output(tmp_path)
    target = tmp_path / f"{kind}.csv"
    assert main(["table", str(parsed), "--kind", kind, "-o", str(target)]) == 0
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert per_article > 0
    assert len(rows) == 2 * per_article
    assert [row["article_id"] for row in rows] == ["first"] * per_article + ["second"] * per_article
    assert list(rows[0]) == list(COLUMNS[kind])
    assert f"{2 * per_article} {kind} rows" in capsys.readouterr().err


def test_table_to_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    parsed = _synthetic_batch_output(tmp_path)
    target = tmp_path / "events.parquet"
    assert main(["table", str(parsed), "--kind", "events", "-o", str(target)]) == 0
    table = pq.read_table(target)
    assert table.column("article_id").to_pylist()[0] == "first"
    assert str(table.schema.field("date").type) == "date32[day]"
    assert str(table.schema.field("actors").type.value_type) == "string"


def test_table_on_real_batch_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _jsonl(tmp_path / "in.jsonl", ARTICLES)
    parsed = tmp_path / "parsed.jsonl"
    assert main(["batch", str(source), str(parsed)]) == 0
    capsys.readouterr()
    assert main(["table", str(parsed), "--kind", "dates"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    expected = sum(len(parse_article(a["text"], a.get("published")).dates) for a in ARTICLES)
    assert len(rows) == expected


def test_table_rejects_what_is_not_batch_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _jsonl(tmp_path / "in.jsonl", [{"whatever": 1}])
    assert main(["table", str(source), "--kind", "events"]) == 2
    assert "neither a libnews batch record nor an Article" in capsys.readouterr().err


# --- parse_many ------------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_parse_many_keeps_input_order(workers: int) -> None:
    texts = [record["text"] for record in ARTICLES] * 7
    expected = [parse_article(text, "2020-12-15") for text in texts]
    assert list(parse_many(texts, workers=workers, published="2020-12-15")) == expected


def test_parse_many_takes_records_with_their_own_day() -> None:
    articles = list(parse_many(ARTICLES, published="2019-01-01"))
    assert [a.published.isoformat() if a.published else None for a in articles] == [
        "2020-12-15",
        "2021-01-10",
        "2019-01-01",
    ]


def test_parse_many_is_lazy_on_an_endless_input() -> None:
    endless = itertools.cycle(record["text"] for record in ARTICLES)
    first = list(itertools.islice(parse_many(endless, workers=2), 5))
    assert [a.text for a in first] == [r["text"] for r in (ARTICLES * 2)[:5]]


@pytest.mark.parametrize(
    ("item", "error"),
    [({"body": "x"}, ValueError), (b"bytes", TypeError), (None, TypeError)],
    ids=["record without text", "bytes", "None"],
)
@pytest.mark.parametrize("workers", [1, 2])
def test_parse_many_raises_on_bad_items(item: object, error: type[Exception], workers: int) -> None:
    with pytest.raises(error):
        list(parse_many([item], workers=workers))  # type: ignore[list-item]


def test_parse_many_closed_early_stops_its_workers() -> None:
    articles = parse_many(itertools.cycle(record["text"] for record in ARTICLES), workers=2)
    assert next(articles).text == ARTICLES[0]["text"]
    articles.close()  # type: ignore[attr-defined]
    assert not [child for child in multiprocessing.active_children() if child.is_alive()]


def _exit_on_seven(chunk: list[int]) -> list[int]:
    """A worker that dies abruptly (as when the kernel kills it for memory) on item 7."""
    if 7 in chunk:
        os._exit(1)
    return chunk


def test_a_dying_worker_stops_the_map_with_an_error() -> None:
    from concurrent.futures.process import BrokenProcessPool

    from libnews.batch import ordered_map

    results: list[int] = []
    with pytest.raises(BrokenProcessPool):
        results.extend(ordered_map(_exit_on_seven, range(100), workers=2, chunk_size=1))
    assert results == list(range(len(results)))  # what came out is in order, nothing skipped
    assert len(results) <= 7


@pytest.mark.parametrize("workers", [1, 2])
def test_ordered_map_reads_only_a_bounded_way_ahead(workers: int) -> None:
    from libnews.batch import CHUNK_SIZE, IN_FLIGHT_PER_WORKER, ordered_map

    read = 0

    def source() -> Iterator[int]:
        nonlocal read
        for n in range(2000):
            read = n + 1
            yield n

    ahead = []
    for done, value in enumerate(ordered_map(_identity, source(), workers=workers), 1):
        assert value == done - 1
        ahead.append(read - done)
    # Queued chunks, plus the one being yielded and the one the reader waits to hand over.
    limit = (workers * IN_FLIGHT_PER_WORKER + 2) * CHUNK_SIZE if workers > 1 else 0
    assert max(ahead) <= limit


def _identity(chunk: list[int]) -> list[int]:
    """An identity that is picklable for the worker processes."""
    return chunk
