"""Golden whole-article outputs: ``tests/golden/<name>.txt`` → ``<name>.json``.

The JSON is the `Article` as `parse_article` returns it (Arabic unescaped,
sorted keys, indent 2).  Any change to the output shows up as a diff of these
files, to be reviewed like code.  Regenerate them after an intended change:

    python tests/golden_articles.py          # or: nox -s golden
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "golden"


def published_of(text_file: Path) -> str | None:
    """The publication day kept beside the article (``<name>.published``), if any."""
    sidecar = text_file.with_suffix(".published")
    return sidecar.read_text("utf-8").strip() if sidecar.exists() else None


def render(text_file: Path) -> str:
    """The golden JSON for one article, as it should be written to disk."""
    from libnews import parse_article

    article = parse_article(text_file.read_text("utf-8"), published=published_of(text_file))
    data = article.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def main() -> int:
    """Rewrite every golden JSON file from its article."""
    for text_file in sorted(HERE.glob("*.txt")):
        text_file.with_suffix(".json").write_text(render(text_file), "utf-8")
        print(f"wrote {text_file.with_suffix('.json').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
