"""`Tokens`: the words of a text, as one `regex` split over the whole text gives them."""

from __future__ import annotations

from itertools import accumulate

import pytest
import regex

from libnews.match.actors import Tokens

# The definition of a token: a run of letters and marks, or of digits.
_REFERENCE = regex.compile(r"([\p{L}\p{M}]+|\d+)")


def _reference(text: str) -> tuple[list[str], list[int], list[int], list[bool]]:
    parts = _REFERENCE.split(text)
    offsets = list(accumulate(map(len, parts)))
    joined = [gap == " " or (gap != "" and not gap.strip(" ")) for gap in parts[2:-1:2]] + [False]
    return parts[1::2], offsets[0:-1:2], offsets[1::2], joined


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="spaces"),
        pytest.param("قال الوزير", id="two-words"),
        pytest.param(" قال  الوزير ", id="edge-and-double-spaces"),
        pytest.param('قال: "الوزير", إن 5 + 5 مرات.\nثم', id="punctuation-digits-lines"),
        pytest.param("abc123def 2020م NOC_UN", id="letters-digits-underscore"),
        pytest.param("مَرحبا بِكم", id="combining-marks"),
        pytest.param("بــــأسعار\u200fالوزير\u200d", id="tatweel-and-format-characters"),
        pytest.param("پیام گروه ٣٤٥ ۱۲", id="persian-letters-and-other-digits"),
        pytest.param("ملف • بند – قسم … ²³ ½ Ⅻ", id="non-ascii-punctuation-and-numbers"),
        pytest.param("Émile Zoë ñandú", id="latin-with-diacritics"),
        pytest.param("\x00\ud800وزير", id="nul-and-surrogate"),
    ],
)
def test_tokens_are_one_regex_split(text: str) -> None:
    tokens = Tokens(text)
    texts, starts, ends, joined = _reference(text)
    assert (tokens.texts, tokens.starts, tokens.ends) == (texts, starts, ends)
    assert [tokens.joined(i) for i in range(len(joined))] == joined
