"""Headless Chromium, as the docs tests and ``nox -s screenshot`` run it: one set of flags.

python tests/headless.py --screenshot=docs/img/demo.png --window-size=1200,1600 file:///…/demo.html
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile

BINARIES = ("chromium", "chromium-browser", "google-chrome")
# No sandbox (containers), no GPU, and no talk to Google's servers: a quiet, reproducible render.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def binary() -> str | None:
    """The Chromium installed on this machine, if any."""
    return next((found for name in BINARIES if (found := shutil.which(name))), None)


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Headless Chromium with *args*, in a throwaway profile.

    Raises:
        FileNotFoundError: No Chromium is installed.
    """
    found = binary()
    if found is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [found, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


if __name__ == "__main__":
    done = run(*sys.argv[1:])
    if done.returncode:
        sys.stderr.write(done.stderr)  # Chromium logs much that matters only when it fails
    sys.exit(done.returncode)
