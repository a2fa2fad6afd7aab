"""The release: `python -m build` makes an sdist and a wheel that hold the data, `twine check` passes, and
the wheel installed into a fresh virtual environment runs (the "pip install from PyPI" experience)."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import libnews

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "libnews"

pytest.importorskip("build")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return out


def _shipped_data() -> list[str]:
    """Package files that are not Python: every one must be in the wheel."""
    return sorted(
        path.relative_to(PACKAGE.parent).as_posix()
        for pattern in ("data/*.toml", "examples/*.txt", "py.typed")
        for path in PACKAGE.glob(pattern)
    )


def test_wheel_and_sdist_hold_the_data(dist: Path) -> None:
    (wheel,) = dist.glob(f"libnews-{libnews.__version__}-py3-none-any.whl")
    (sdist,) = dist.glob(f"libnews-{libnews.__version__}.tar.gz")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = _shipped_data()
    assert len(expected) > 3
    assert [name for name in expected if name not in names] == []
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    with tarfile.open(sdist) as archive:
        members = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert [f"src/{name}" for name in expected if f"src/{name}" not in members] == []
    assert {"README.md", "CHANGELOG.md", "LICENSE", "pyproject.toml"} <= members


def test_twine_check(dist: Path) -> None:
    pytest.importorskip("twine")
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.iterdir())],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_wheel_installs_into_a_fresh_venv_and_runs(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    bin_dir = venv / "bin"
    install = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-3000:]

    demo = subprocess.run(
        [str(bin_dir / "libnews"), "demo"], capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(demo.stdout)["published"] == "2020-12-15"

    text = "وقّع الوزير الاتفاقية في 4 ديسمبر 2020."
    parse = subprocess.run(
        [str(bin_dir / "libnews"), "parse", "-", "--published", "2020-12-15"],
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert json.loads(parse.stdout) == json.loads(libnews.parse_article(text, "2020-12-15").model_dump_json())

    version = subprocess.run(
        [str(bin_dir / "python"), "-c", "import libnews; print(libnews.__version__, libnews.__file__)"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    installed_version, location = version.stdout.split()
    assert installed_version == libnews.__version__
    assert str(venv) in location  # the installed copy, not the checkout
