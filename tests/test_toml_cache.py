"""The on-disk cache of parsed data files (``resources/toml_cache.py``): same data, never stale."""

from __future__ import annotations

import pickle
import tomllib
from pathlib import Path

import pytest

from libnews.resources import load_resources, toml_cache

DATA = Path(toml_cache.__file__).resolve().parent.parent / "data"

CASES = [
    pytest.param('[[title]]\nform = "وزير"\n', id="one-table"),
    pytest.param('[[a]]\nx = [1, 2.5, true, "نص"]\n[[a]]\ny = { z = "w" }\n', id="values-of-every-kind"),
    pytest.param("", id="empty"),
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(toml_cache.ENVIRONMENT_VARIABLE, str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.mark.parametrize("text", CASES)
def test_a_cached_file_reads_back_what_tomllib_parses(folder: Path, text: str) -> None:
    first = toml_cache.loads(text)
    assert len(list(folder.iterdir())) == 1
    assert toml_cache.loads(text) == first == tomllib.loads(text)


def test_every_shipped_data_file_reads_back_unchanged(folder: Path) -> None:
    for path in sorted(DATA.glob("*.toml")):
        text = path.read_text("utf-8")
        toml_cache.loads(text)
        assert toml_cache.loads(text) == tomllib.loads(text), path.name


def test_an_edited_file_is_parsed_again_not_read_from_the_old_entry(folder: Path) -> None:
    assert toml_cache.loads('x = "old"\n') == {"x": "old"}
    assert toml_cache.loads('x = "new"\n') == {"x": "new"}


@pytest.mark.parametrize(
    "garbage", [b"", b"\x00\x01garbage", b"\xe9" * 3], ids=["empty", "binary", "truncated"]
)
def test_a_damaged_entry_is_parsed_again_and_rewritten(folder: Path, garbage: bytes) -> None:
    text = 'x = "value"\n'
    toml_cache.loads(text)
    (entry,) = folder.iterdir()
    entry.write_bytes(garbage)
    assert toml_cache.loads(text) == {"x": "value"}
    assert toml_cache.loads(text) == {"x": "value"}


def test_values_marshal_cannot_write_are_parsed_every_time(folder: Path) -> None:
    text = "day = 2020-12-15\n"
    assert toml_cache.loads(text) == tomllib.loads(text)
    assert not folder.exists() or not list(folder.iterdir())


def test_an_empty_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(toml_cache.ENVIRONMENT_VARIABLE, "")
    assert toml_cache.cache_folder() is None
    assert toml_cache.loads("x = 1\n") == {"x": 1}


def test_a_folder_that_cannot_be_written_only_costs_the_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(toml_cache.ENVIRONMENT_VARIABLE, str(blocker / "cache"))
    assert toml_cache.loads("x = 1\n") == {"x": 1}


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(toml_cache.ENVIRONMENT_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert toml_cache.cache_folder() == tmp_path / "libnews"


def test_resources_read_through_the_cache_equal_resources_read_without(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached = load_resources()
    again = load_resources()
    monkeypatch.setenv(toml_cache.ENVIRONMENT_VARIABLE, "")
    plain = load_resources()
    for table in plain.tables:
        assert cached.entries(table) == again.entries(table) == plain.entries(table), table


def test_the_shipped_tables_read_back_from_the_cache_equal_the_built_ones(folder: Path) -> None:
    built = load_resources()  # builds and stores
    assert any(path.name.startswith("tables-") for path in folder.iterdir())
    again = load_resources()  # reads the stored tables back
    for table in built.tables:
        assert again.entries(table) == built.entries(table), table


def test_a_damaged_table_cache_is_rebuilt(folder: Path) -> None:
    load_resources()
    (stored,) = [path for path in folder.iterdir() if path.name.startswith("tables-")]
    stored.write_bytes(b"not a pickle")
    assert load_resources().entries("country")
    assert stored.read_bytes() != b"not a pickle"


def test_a_foreign_object_in_the_table_cache_is_not_used(folder: Path) -> None:
    load_resources()
    (stored,) = [path for path in folder.iterdir() if path.name.startswith("tables-")]
    stored.write_bytes(pickle.dumps({"country": ("not an entry",)}))
    assert all(entry.code for entry in load_resources().entries("country"))
