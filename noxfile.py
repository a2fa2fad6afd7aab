# /// script
# dependencies = ["nox>=2024.10"]
# ///
"""Development sessions: ``nox -l`` lists them, ``nox`` runs the default ones."""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["tests", "lint", "typecheck", "docs"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = ["3.11", "3.12", "3.13", "3.14"]


def _group(name: str) -> list[str]:
    return list(nox.project.dependency_groups(PYPROJECT, name))


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the test suite."""
    session.install("-e", ".", *_group("test"))
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style with ruff (lint and format)."""
    session.install(*_group("lint"))
    session.run("ruff", "check", "src", "tests", "benchmarks", "fuzz", "noxfile.py")
    session.run("ruff", "format", "--check", "src", "tests", "benchmarks", "fuzz", "noxfile.py")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Type-check the package with mypy --strict."""
    session.install("-e", ".", *_group("typecheck"))
    session.run("mypy", "--strict", "src/libnews")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site with warnings as errors."""
    session.install("-e", ".", *_group("docs"))
    session.run("python", "docs/gen_model.py", "--check")
    session.run("mkdocs", "build", "--strict")


@nox.session(default=False)
def golden(session: nox.Session) -> None:
    """Regenerate tests/golden/*.json after an intended output change (review the diff)."""
    session.install("-e", ".")
    session.run("python", "tests/golden_articles.py")


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Run the benchmark suite against dateparser (``-- --quick`` for a smoke run)."""
    session.install("-e", ".", *_group("bench"))
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session(default=False)
def fuzz(session: nox.Session) -> None:
    """Fuzz parse_article with atheris for a bounded time (10 minutes; ``-- -max_total_time=N``)."""
    session.install("-e", ".", "atheris")
    # New coverage goes to a scratch folder; only crashers land in fuzz/corpus (replayed by the tests).
    work = session.create_tmp()
    # A single input that takes over 10 s is reported like a crash: nothing may hang.
    limits = session.posargs or ["-max_total_time=600", "-max_len=4096", "-timeout=10"]
    session.run(
        "python", "fuzz/fuzz_parse.py", work, "fuzz/corpus", "-artifact_prefix=fuzz/corpus/crash-", *limits
    )


@nox.session(default=False)
def screenshot(session: nox.Session) -> None:
    """Re-take docs/img/demo.png: the demo article in headless Chromium (apt-get install chromium)."""
    session.install("-e", ".")
    page = Path(session.create_tmp()).resolve() / "demo.html"
    session.run("libnews", "demo", "--html", str(page), silent=True)
    shot = ("--screenshot=docs/img/demo.png", "--window-size=1200,1600")
    session.run("python", "tests/headless.py", *shot, page.as_uri())
