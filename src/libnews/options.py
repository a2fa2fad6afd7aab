"""Options of `parse_article`, as one frozen, typed model."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["ParseOptions"]


class ParseOptions(BaseModel):
    """How `parse_article` resolves what the text leaves open."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True, defer_build=True)

    weekday_direction: Literal["past", "future"] = "past"
    """A bare weekday (``يوم الثلاثاء``) in a sentence with no tense cue: the last one
    before `published` (news reports what happened) or the next one after it."""
    max_chars: int | None = None
    """Parse only the first *max_chars* characters (None: the whole text)."""
    infer_published: bool = True
    """With no `published` given, take the full date the article opens with (its dateline,
    ``الأربعاء 18 جويلية 2012``) as the reference, and say so in `Article.published_inferred`."""
