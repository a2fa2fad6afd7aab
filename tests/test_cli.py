"""The command line: parse and demo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from libnews.cli import main


def test_demo_prints_the_example_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    article = json.loads(capsys.readouterr().out)
    assert article["published"] == "2020-12-15"
    assert "السراج" in article["text"]


def test_parse_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text("عاد الوزير اليوم.", encoding="utf-8")
    assert main(["parse", str(source), "--published", "2020-12-15"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == "عاد الوزير اليوم."


def test_parse_bad_published_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text("نص", encoding="utf-8")
    assert main(["parse", str(source), "--published", "15/12/2020"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "missing.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err
