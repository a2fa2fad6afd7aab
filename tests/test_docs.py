"""The documentation: the generated model page is current, the site builds, the HTML renders in Chromium."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import headless
from libnews import parse_article, render_html
from libnews.examples import EXAMPLE_PUBLISHED, example_text
from test_html import marks_of

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _gen_model() -> object:
    spec = importlib.util.spec_from_file_location("gen_model", DOCS / "gen_model.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_model_page_is_generated_from_the_current_schema() -> None:
    gen = _gen_model()
    assert (DOCS / "model.md").read_text(encoding="utf-8") == gen.render(), (  # type: ignore[attr-defined]
        "docs/model.md is out of date: run python docs/gen_model.py"
    )


def test_model_page_lists_every_field() -> None:
    from libnews import Article

    page = (DOCS / "model.md").read_text(encoding="utf-8")
    schema = Article.model_json_schema()
    for name, model in {"Article": schema, **schema["$defs"]}.items():
        assert f"## {name}\n" in page
        for field in model["properties"]:
            assert f"| `{field}` |" in page


def test_every_nav_page_exists() -> None:
    yaml = pytest.importorskip("yaml")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    pages = [next(iter(entry.values())) for entry in config["nav"]]
    assert [page for page in pages if not (DOCS / page).exists()] == []


@pytest.mark.slow
def test_site_builds_strictly(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "site" / "model" / "index.html").exists()


def _headless(*args: str) -> subprocess.CompletedProcess[str]:
    if headless.binary() is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return headless.run(*args)


@pytest.mark.slow
def test_chromium_renders_the_highlights(tmp_path: Path) -> None:
    article = parse_article(example_text(), published=EXAMPLE_PUBLISHED)
    page = tmp_path / "demo.html"
    page.write_text(render_html(article), encoding="utf-8")
    dom = _headless("--dump-dom", page.as_uri()).stdout
    pieces = marks_of(dom).pieces
    assert "".join(text for text, _, _ in pieces) == article.text  # the browser kept every character
    shown = {css for _, classes, _ in pieces for css in classes}
    expected = {"ln-date"} if article.dates else set()
    expected |= {f"ln-{actor.kind}" for actor in article.actors}
    expected |= {"ln-event"} if article.events else set()
    expected |= {"ln-clause"} if any(g.clauses for g in article.agreements) else set()
    assert expected <= shown
    assert expected, "the example article should have something to highlight"


@pytest.mark.slow
def test_chromium_screenshot(tmp_path: Path) -> None:
    page = tmp_path / "demo.html"
    page.write_text(render_html(parse_article(example_text(), published=EXAMPLE_PUBLISHED)), encoding="utf-8")
    shot = tmp_path / "demo.png"
    _headless(f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (DOCS / "img" / "demo.png").exists()
