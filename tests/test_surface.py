"""The public surface is pinned: what `libnews.__all__` lists is what users get."""

from __future__ import annotations

import libnews


def test_all_is_sorted_and_complete() -> None:
    # Submodules show up in vars(libnews) once imported (lazily, by other tests): not the surface.
    modules = {name for name, value in vars(libnews).items() if type(value).__name__ == "module"}
    public = sorted(
        (name for name in vars(libnews) if not name.startswith("_") and name not in modules | _MODULES),
        key=str.casefold,
    )
    assert sorted(libnews.__all__, key=str.casefold) == sorted([*public, "__version__"], key=str.casefold)


_MODULES = {name for name, value in vars(libnews).items() if type(value).__name__ == "module"} | {
    "annotations"
}


def test_version_is_a_real_version() -> None:
    major, minor, patch = libnews.__version__.split(".")[:3]
    assert major.isdigit()
    assert minor.isdigit()
    assert patch[0].isdigit()
