"""The base of every data-table entry model: a merge key and a union merge."""

from __future__ import annotations

from typing import Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict

__all__ = ["Entry"]


class Entry(BaseModel):
    """Base of every data-table entry."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    key_fields: ClassVar[tuple[str, ...]] = ()

    def key(self) -> tuple[Any, ...]:
        """What identifies this entry when user data is merged onto shipped data."""
        return tuple(getattr(self, name) for name in self.key_fields)

    def merged_with(self, other: Self) -> Self:
        """This entry with *other*'s list items added and its set scalars taking over."""
        update: dict[str, Any] = {}
        for name in type(self).model_fields:
            mine, theirs = getattr(self, name), getattr(other, name)
            if isinstance(mine, list) and isinstance(theirs, list):
                update[name] = mine + [item for item in theirs if item not in mine]
            elif name in other.model_fields_set and name not in self.key_fields:
                update[name] = theirs
        return self.model_copy(update=update)
