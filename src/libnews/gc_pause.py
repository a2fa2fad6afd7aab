"""Pausing Python's cyclic garbage collector around work that allocates much and frees little.

The collector runs a full pass each time the surviving objects grow by a quarter,
and each full pass walks every live object, the loaded resources included.  A
long article builds hundreds of thousands of small objects (tokens, spans,
matches) that live until the parse ends, so the passes cost more the longer the
text: paused, parsing stays linear in the text's length.  Nothing a parse builds
holds a reference cycle that outlives it, and whatever does is collected at the
collector's next run.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collection_paused"]


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (left as it was, even on errors).

    Another thread may re-enable it meanwhile: that costs time, never correctness.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
