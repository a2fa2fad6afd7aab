"""Entry models: one Pydantic model per data table, listed in one place.

A table named ``title`` in a TOML file (``[[title]]``) is validated by the
model registered under ``"title"`` in `ENTRY_MODELS`.  Each model says which
fields form its merge key (so a user file can add forms to a shipped entry)
and merges list fields by union (`Entry.merged_with`).  The models live
beside the domain that reads them; this module only gathers them.
"""

from __future__ import annotations

from libnews.resources import actors_schema, dates_schema, events_schema, gazetteer_schema
from libnews.resources.entry import Entry

__all__ = ["ENTRY_MODELS", "Entry"]

ENTRY_MODELS: dict[str, type[Entry]] = {
    **dates_schema.MODELS,
    **gazetteer_schema.MODELS,
    **events_schema.MODELS,
    **actors_schema.MODELS,
}
