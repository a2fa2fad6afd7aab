"""The quickstart notebook runs top to bottom (so it cannot rot) and shows what it promises."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")
pytest.importorskip("pandas")

NOTEBOOKS = Path(__file__).resolve().parent.parent / "docs" / "notebooks"


@pytest.fixture(scope="module")
def executed() -> object:
    notebook = nbformat.read(NOTEBOOKS / "quickstart.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    return notebook


@pytest.mark.slow
def test_notebook_is_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOKS / "quickstart.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")


@pytest.mark.slow
def test_notebook_runs_and_shows_the_article_the_table_and_a_plot(executed: object) -> None:
    outputs = [output for cell in executed.cells if cell.cell_type == "code" for output in cell.outputs]  # type: ignore[attr-defined]
    assert not [output for output in outputs if output.output_type == "error"]
    html = [output["data"]["text/html"] for output in outputs if "text/html" in output.get("data", {})]
    assert any(page.startswith('<div class="libnews">') and "ln-text" in page for page in html)
    assert any("event_id" in page and "<table" in page for page in html)
    assert any("image/png" in output.get("data", {}) for output in outputs)
