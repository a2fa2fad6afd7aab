"""The libnews benchmark suite: one command, every figure of ``docs/performance.md``.

Run from the repository root::

    .venv/bin/python benchmarks/run.py             # the full run (a few minutes)
    .venv/bin/python benchmarks/run.py --quick     # a smoke run (seconds)
    .venv/bin/python benchmarks/run.py --json out.json
    .venv/bin/python benchmarks/run.py --profile   # cProfile of parse_article over the corpus

Everything is measured in the same run on the same articles: the shared
corpus (``../shared/corpus/news_ar.jsonl``) and the seed article
(``../shared/seed/libya_italy_2020.txt``, or the bundled copy).  Import time,
first parse, batch throughput and peak memory are measured in fresh
subprocesses, so the numbers are what a user's process sees.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "news_ar.jsonl"
SEED = SHARED / "seed" / "libya_italy_2020.txt"
SEED_PUBLISHED = "2020-12-15"

# The targets of issue #6; a figure is "ok" when it meets its target.
TARGETS = {
    "speedup_vs_dateparser": (20.0, ">="),
    "ms_median_3k": (2.0, "<="),
    "import_ms": (150.0, "<="),
    "first_parse_ms": (300.0, "<="),
    "workers_2_speedup": (1.7, ">="),
    "batch_peak_rss_mb": (300.0, "<="),
    "scaling_ratio_1mb_vs_3kb": (1.3, "<="),
}


@dataclass
class Article:
    """One benchmark input."""

    id: str
    text: str
    published: str | None


@dataclass
class Report:
    """The figures of one run, printed as a table and optionally dumped as JSON."""

    figures: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, key: str, value: Any, label: str, unit: str = "") -> None:
        self.figures[key] = {"value": value, "label": label, "unit": unit}
        target = TARGETS.get(key)
        verdict = ""
        if target is not None and isinstance(value, int | float):
            bound, op = target
            ok = value >= bound if op == ">=" else value <= bound
            verdict = f"  target {op} {bound:g}: {'ok' if ok else 'MISSED'}"
            self.figures[key]["target"] = f"{op} {bound:g}"
            self.figures[key]["ok"] = ok
        shown = f"{value:,.3f}" if isinstance(value, float) else str(value)
        print(f"  {label:<58} {shown:>14} {unit:<9}{verdict}", flush=True)

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", flush=True)


# --------------------------------------------------------------------------- inputs


def load_articles(limit: int | None = None) -> list[Article]:
    """The seed article first, then the corpus (if present)."""
    if SEED.exists():
        seed_text = SEED.read_text("utf-8")
    else:
        from libnews.examples import example_text

        seed_text = example_text()
    articles = [Article("seed", seed_text, SEED_PUBLISHED)]
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                articles.append(Article(record["id"], record["text"], record.get("published")))
    return articles[:limit] if limit else articles


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    model = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import libnews

    return {
        "cpu": model,
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "libnews": libnews.__version__,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "load_average_at_start": os.getloadavg()[0],
    }


# --------------------------------------------------------------------------- timing helpers


def best_of(function: Callable[[], object], repeat: int) -> float:
    """Fastest of *repeat* calls, in seconds (the least disturbed by the machine)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def per_article(
    articles: Sequence[Article], function: Callable[[Article], object], repeat: int
) -> list[float]:
    """Seconds per article (best of *repeat*), garbage collector off while timing."""
    timings = []
    enabled = gc.isenabled()
    gc.disable()
    try:
        for article in articles:
            timings.append(best_of(partial(function, article), repeat))
            gc.collect()
    finally:
        if enabled:
            gc.enable()
    return timings


def us_per_kchar(articles: Sequence[Article], timings: Sequence[float]) -> float:
    """Median over articles of microseconds per 1,000 characters."""
    return statistics.median(1e9 * t / max(len(a.text), 1) for a, t in zip(articles, timings, strict=True))


def python(code: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run *code* in a fresh interpreter (the benchmark's own)."""
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )


# --------------------------------------------------------------------------- the measurements


def bench_parse(report: Report, articles: Sequence[Article], repeat: int) -> dict[str, list[float]]:
    """parse_article per article, and the date stage alone on a prebuilt Document."""
    from libnews import parse_article
    from libnews.assemble.actors import find_actors
    from libnews.assemble.events import find_agreements_and_events
    from libnews.document import Document
    from libnews.match.dates import find_dates
    from libnews.parse import parse_published

    for article in articles:  # warm-up: lazy data, compiled patterns
        parse_article(article.text, published=article.published)

    def document(article: Article) -> Document:
        # Built exactly as parse_article builds it.
        return Document.prepare(article.text, parse_published(article.published))

    documents = {article.id: document(article) for article in articles}
    full = per_article(articles, lambda a: parse_article(a.text, published=a.published), repeat)
    dates = per_article(articles, lambda a: find_dates(documents[a.id]), repeat)
    prepare = per_article(articles, document, repeat)
    found_dates = {a.id: find_dates(documents[a.id]) for a in articles}
    found_actors = {a.id: find_actors(documents[a.id])[0] for a in articles}
    actors = per_article(articles, lambda a: find_actors(documents[a.id]), repeat)
    events = per_article(
        articles,
        lambda a: find_agreements_and_events(documents[a.id], found_dates[a.id], found_actors[a.id]),
        repeat,
    )
    results = {a.id: parse_article(a.text, published=a.published) for a in articles}
    dumps = per_article(articles, lambda a: results[a.id].model_dump_json(), repeat)
    report.add("ms_median", 1e3 * statistics.median(full), "parse_article, median per article", "ms")
    report.add("ms_p95", 1e3 * _quantile(full, 0.95), "parse_article, 95th percentile", "ms")
    report.add("us_per_kchar", us_per_kchar(articles, full), "parse_article, median per 1,000 chars", "µs")
    around_3k = [t for a, t in zip(articles, full, strict=True) if 2500 <= len(a.text) <= 3500]
    if around_3k:
        report.add(
            "ms_median_3k",
            1e3 * statistics.median(around_3k),
            f"parse_article, median of {len(around_3k)} articles of 2.5-3.5k chars",
            "ms",
        )
    report.add(
        "ms_seed", 1e3 * full[0], f"parse_article, seed article ({len(articles[0].text):,} chars)", "ms"
    )
    report.add("ms_prepare_median", 1e3 * statistics.median(prepare), "normalize + sentences, median", "ms")
    report.add(
        "ms_dates_median", 1e3 * statistics.median(dates), "date stage alone (find_dates), median", "ms"
    )
    report.add(
        "us_per_kchar_dates", us_per_kchar(articles, dates), "date stage alone, median per 1,000 chars", "µs"
    )
    report.add(
        "ms_actors_median", 1e3 * statistics.median(actors), "actor stage alone (find_actors), median", "ms"
    )
    report.add(
        "ms_events_median",
        1e3 * statistics.median(events),
        "agreement and event stage alone, median",
        "ms",
    )
    report.add(
        "ms_dump_median",
        1e3 * statistics.median(dumps),
        "model_dump_json of the result, median",
        "ms",
    )
    found = sum(len(parse_article(a.text, published=a.published).dates) for a in articles)
    report.add("dates_found", found, "date mentions found by libnews")
    return {"full": full, "dates": dates}


def bench_dateparser(
    report: Report, articles: Sequence[Article], libnews_times: dict[str, list[float]], repeat: int
) -> None:
    """dateparser's search_dates on the same texts, as a ratio to libnews."""
    try:
        from dateparser.search import search_dates  # type: ignore[import-untyped]
    except ImportError:
        report.note("dateparser is not installed (pip install --group bench): comparison skipped")
        return
    import warnings

    warnings.filterwarnings("ignore")  # dateparser warns about pytz/tz deprecations
    search_dates("وقع الاتفاق في 4 ديسمبر 2020", languages=["ar"])  # warm-up: its own lazy loading
    theirs = per_article(articles, lambda a: search_dates(a.text, languages=["ar"]), repeat)
    found = 0
    for article in articles:
        found += len(search_dates(article.text, languages=["ar"]) or [])
    full, dates = libnews_times["full"], libnews_times["dates"]
    report.add(
        "dateparser_ms_median", 1e3 * statistics.median(theirs), "dateparser search_dates, median", "ms"
    )
    report.add("dateparser_ms_seed", 1e3 * theirs[0], "dateparser search_dates, seed article", "ms")
    report.add("dateparser_found", found, "date strings found by dateparser")
    report.add(
        "speedup_vs_dateparser",
        sum(theirs) / sum(full),
        "full parse_article vs dateparser date search (total time)",
        "× faster",
    )
    report.add(
        "speedup_vs_dateparser_median",
        statistics.median(t / f for t, f in zip(theirs, full, strict=True)),
        "  same, median of per-article ratios",
        "× faster",
    )
    report.add(
        "speedup_dates_vs_dateparser",
        sum(theirs) / sum(dates),
        "date stage alone vs dateparser (total time)",
        "× faster",
    )


def compile_bytecode() -> None:
    """Compile libnews's modules to bytecode, as ``pip install`` does for an installed wheel.

    An editable checkout (or ``PYTHONDONTWRITEBYTECODE=1``) would otherwise compile every module
    from source in each fresh process, a cost no installed user pays.
    """
    import compileall

    import libnews

    compileall.compile_dir(Path(libnews.__file__).parent, quiet=1)


def bench_import(report: Report, repeat: int) -> None:
    """Cold-process import time and the first parse (lazy data loading), with bytecode compiled."""
    compile_bytecode()

    def timed(code: str) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            python(code)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    def cpu(code: str) -> float:
        # CPU seconds (user + system) of the child: steadier than wall time on a busy machine.
        times = []
        for _ in range(repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            python(code)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        return min(times)

    bare = timed("pass")
    with_import = timed("import libnews")
    report.add(
        "import_ms", 1e3 * (with_import - bare), "import libnews (process time minus bare python)", "ms"
    )
    report.add(
        "import_cpu_ms",
        1e3 * (cpu("import libnews") - cpu("pass")),
        "  same, CPU time (best run)",
        "ms",
    )

    # -X importtime's own count (cumulative µs of the top-level package).
    cumulative = []
    for _ in range(repeat):
        lines = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import libnews"],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stderr.splitlines()
        top = [line for line in lines if line.rstrip().endswith("| libnews")]
        if top:
            cumulative.append(int(top[-1].split("|")[1]))
    if cumulative:
        report.add(
            "importtime_ms",
            statistics.median(cumulative) / 1e3,
            "import libnews (-X importtime cumulative)",
            "ms",
        )

    code = textwrap.dedent(
        """
        import json, sys, time
        text = open(sys.argv[1], encoding="utf-8").read()
        start = time.perf_counter()
        import libnews
        imported = time.perf_counter()
        libnews.parse_article(text, published=sys.argv[2])
        first = time.perf_counter()
        libnews.parse_article(text, published=sys.argv[2])
        second = time.perf_counter()
        print(json.dumps([imported - start, first - imported, second - first]))
        """
    )
    seed = SEED if SEED.exists() else ROOT / "src" / "libnews" / "examples" / "libya_italy_2020.txt"
    runs = [json.loads(python(code, str(seed), SEED_PUBLISHED).stdout) for _ in range(repeat)]
    report.add(
        "first_parse_ms", 1e3 * statistics.median(r[1] for r in runs), "first parse after import (seed)", "ms"
    )
    report.add("second_parse_ms", 1e3 * statistics.median(r[2] for r in runs), "second parse (seed)", "ms")
    report.add(
        "import_plus_first_parse_ms",
        1e3 * statistics.median(r[0] + r[1] for r in runs),
        "import + first parse, in process",
        "ms",
    )


# A child process that runs one batch and reports its own children's peak RSS.
_BATCH_CHILD = textwrap.dedent(
    """
    import json, resource, subprocess, sys, time
    mode, source, target, workers = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    if mode == "cli":
        command = [sys.executable, "-m", "libnews", "batch", source, target, "--workers", str(workers)]
        command += ["-q", "--force"]
    else:
        command = [sys.executable, "-c", sys.argv[5], mode, source, target, str(workers)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    error = done.stderr[-2000:]
    print(json.dumps({"seconds": elapsed, "peak_kb": peak_kb, "code": done.returncode, "stderr": error}))
    """
)

# Batch without the CLI: parse_many when it exists, else a plain loop / process pool.
_BATCH_PYTHON = textwrap.dedent(
    """
    import json, sys
    mode, source, target, workers = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    import libnews

    def records():
        with open(source, encoding="utf-8") as lines:
            for line in lines:
                yield json.loads(line)

    def one(record):
        return libnews.parse_article(record["text"], published=record.get("published")).model_dump_json()

    with open(target, "w", encoding="utf-8") as out:
        if mode == "parse_many":
            for article in libnews.parse_many(records(), workers=workers):
                out.write(article.model_dump_json() + "\\n")
        elif workers == 1:
            for record in records():
                out.write(one(record) + "\\n")
        else:
            import multiprocessing
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for line in pool.imap(one, records(), chunksize=16):
                    out.write(line + "\\n")
    """
)


def batch_modes() -> list[tuple[str, str]]:
    """How to run a batch with what exists now: the CLI and parse_many, else a plain loop."""
    modes = []
    help_text = python("from libnews.cli import build_parser; build_parser().print_help()").stdout
    if " batch" in help_text:
        modes.append(("cli", "`libnews batch INPUT OUTPUT --workers N -q`"))
    if "parse_many" in python("import libnews; print(dir(libnews))").stdout:
        modes.append(("parse_many", "`libnews.parse_many(records, workers=N)`"))
    if not modes:
        modes.append(
            (
                "loop",
                (
                    "neither `libnews batch` nor `parse_many` exists yet: a plain loop over parse_article "
                    "(1 worker) and a forked multiprocessing pool with imap (2 workers)"
                ),
            )
        )
    return modes


def write_jsonl(path: Path, articles: Sequence[Article], count: int) -> None:
    """*count* records made by repeating *articles*, each with a unique id."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            article = articles[i % len(articles)]
            record = {"id": f"{article.id}#{i}", "text": article.text, "published": article.published}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def bench_batch(report: Report, articles: Sequence[Article], sizes: Sequence[int]) -> None:
    """Throughput with 1 and 2 workers, and peak RSS as the input grows.

    The first available mode (the CLI when it exists) gives the target figures;
    `parse_many` is measured too, on the smallest input.
    """
    modes = batch_modes()
    with tempfile.TemporaryDirectory(prefix="libnews-bench-") as folder:
        sources = {}
        for size in sizes:
            sources[size] = Path(folder) / f"in-{size}.jsonl"
            write_jsonl(sources[size], articles, size)
        for rank, (mode, description) in enumerate(modes):
            report.note(f"batch measured with {description}")
            # The CLI gets every size (memory must not grow with it); parse_many the smallest.
            runs = [(size, 1) for size in sizes] + [(max(sizes), 2)]
            if rank > 0:
                runs = [(min(sizes), 1), (min(sizes), 2)]
            rate: dict[int, float] = {}
            rss: dict[int, float] = {}
            for size, workers in runs:
                target = Path(folder) / f"out-{mode}-{size}-{workers}.jsonl"
                child = python(
                    _BATCH_CHILD, mode, str(sources[size]), str(target), str(workers), _BATCH_PYTHON
                )
                done = json.loads(child.stdout)
                if done["code"] != 0:
                    report.note(f"{mode}: {size} articles with {workers} worker(s) failed: {done['stderr']}")
                    continue
                with target.open(encoding="utf-8") as out:
                    written = sum(1 for _ in out)
                if written != size:
                    report.note(f"{mode}: {size} articles with {workers} worker(s) wrote {written} records")
                peak_mb = done["peak_kb"] / 1024
                per_second = size / done["seconds"]
                name = f"{mode}_{size}_w{workers}"
                report.add(
                    f"{name}_per_s", per_second, f"{mode}: {size:,} articles, {workers} worker(s)", "art/s"
                )
                report.add(f"{name}_rss_mb", peak_mb, "  peak RSS of the largest process", "MB")
                if workers == 1:
                    rss[size] = peak_mb
                if size == runs[-1][0]:
                    rate[workers] = per_second
            prefix = "" if rank == 0 else f"{mode}_"
            if 1 in rate and 2 in rate:
                report.add(f"{prefix}workers_2_speedup", rate[2] / rate[1], f"{mode}: 2 workers vs 1", "×")
            if rank == 0 and max(sizes) in rss:
                report.add(
                    "batch_peak_rss_mb", rss[max(sizes)], f"{mode}: peak RSS on {max(sizes):,} articles", "MB"
                )
                if len(rss) > 1:
                    growth = rss[max(sizes)] / rss[min(sizes)]
                    report.add(
                        "batch_rss_growth",
                        growth,
                        f"  peak RSS {max(sizes):,} vs {min(sizes):,} articles",
                        "×",
                    )


def bench_scaling(report: Report, articles: Sequence[Article], big_chars: int) -> None:
    """Per-character time of one huge article against 3,000-character ones."""
    from libnews import parse_article

    corpus = "\n\n".join(a.text for a in articles)
    big = (corpus * (big_chars // len(corpus) + 1))[:big_chars]
    slices = [corpus[i : i + 3000] for i in range(0, min(len(corpus), 60 * 3000), 3000)][:40]
    for piece in slices:
        parse_article(piece)
    small_per_char = statistics.median(
        best_of(partial(parse_article, piece), 3) / len(piece) for piece in slices
    )
    gc.collect()
    big_seconds = best_of(lambda: parse_article(big), 2)
    report.add("scaling_big_s", big_seconds, f"parse_article on one {len(big):,}-char article", "s")
    report.add(
        "scaling_us_per_kchar_3kb",
        1e9 * small_per_char,
        "  per 1,000 chars, 3,000-char slices (median)",
        "µs",
    )
    report.add(
        "scaling_us_per_kchar_big", 1e9 * big_seconds / len(big), "  per 1,000 chars, the big article", "µs"
    )
    report.add(
        "scaling_ratio_1mb_vs_3kb",
        (big_seconds / len(big)) / small_per_char,
        "per-char time, big vs 3,000 chars",
        "×",
    )


def profile(articles: Sequence[Article], top: int) -> str:
    """cProfile of parse_article over *articles* (after a warm-up), by own time."""
    from libnews import parse_article

    for article in articles:
        parse_article(article.text, published=article.published)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(3):
        for article in articles:
            parse_article(article.text, published=article.published)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def _quantile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suite; print a table; optionally write JSON."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run: few articles, few repeats")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of parse_article and stop")
    parser.add_argument(
        "--only",
        choices=["parse", "import", "batch", "scaling"],
        action="append",
        help="run only these parts (repeatable)",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))  # a checkout without an installed package still runs

    articles = load_articles(limit=12 if args.quick else None)
    if args.profile:
        print(profile(articles, 30))
        return 0
    parts = set(args.only or ["parse", "import", "batch", "scaling"])
    report = Report()
    report.figures["machine"] = {"value": machine(), "label": "machine", "unit": ""}
    print("libnews benchmarks", json.dumps(report.figures["machine"]["value"], ensure_ascii=False))
    if not CORPUS.exists():
        report.note(f"corpus not found at {CORPUS}: only the seed article is measured")
    if "parse" in parts:
        print("\nparse_article and the date stage vs dateparser (same articles)")
        times = bench_parse(report, articles, repeat=2 if args.quick else 5)
        bench_dateparser(report, articles, times, repeat=1 if args.quick else 2)
    if "import" in parts:
        print("\nimport and first parse (fresh processes)")
        bench_import(report, repeat=3 if args.quick else 11)
    if "scaling" in parts:
        print("\nlinear time")
        bench_scaling(report, articles, big_chars=100_000 if args.quick else 1_000_000)
    if "batch" in parts:
        print("\nbatch throughput and memory (fresh processes)")
        bench_batch(report, articles, sizes=(200,) if args.quick else (2_500, 10_000))
    # Other jobs on the machine bias wall times (the 2-worker figure most): say how busy it was.
    report.add("load_average_at_end", os.getloadavg()[0], "load average (1 min) at the end of the run")
    missed = [key for key, figure in report.figures.items() if figure.get("ok") is False]
    print("\ntargets missed: " + (", ".join(missed) if missed else "none"))
    if args.json:
        payload = {"figures": report.figures, "notes": report.notes, "quick": args.quick}
        Path(args.json).write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
