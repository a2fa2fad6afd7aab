r"""No regular expression in libnews backtracks catastrophically.

Every compiled pattern is collected: module-level patterns of every libnews
module, and whatever the matchers compiled into `Resources.compiled` during a
parse.  Each one whose source holds a nested quantifier (a repeated group that
itself contains an unbounded repeat, the shape of ``(a+)+``) is run over 100 KB
adversarial inputs built from its own literals and character classes, each
followed by a character that makes the match fail; every run must finish well
under a second.  ``regex``'s own ``timeout`` stops a runaway pattern, so a bad
pattern fails the test instead of hanging it.

Patterns without nested quantifiers can still be quadratic when searched over
a whole text (``\s+X`` over a long run of spaces); the matchers only ever
anchor those (``match(text, pos)``) or search a short window, and the
whole-pipeline test at the end covers them as they are used.
"""

from __future__ import annotations

import importlib
import pkgutil
import time
from collections.abc import Iterator
from typing import Any

import pytest
import regex

import libnews
from libnews import default_resources, parse_article
from libnews.text.normalize import normalize

SIZE = 100_000
LIMIT = 1.0
"""Seconds a pattern may take over one 100 KB input (typical: a few milliseconds)."""

_PATTERN_TYPES = (type(regex.compile("")), type(__import__("re").compile("")))


def _walk(value: Any, seen: set[int], depth: int = 0) -> Iterator[Any]:
    """Every compiled pattern reachable from *value* (containers and object attributes)."""
    if id(value) in seen or depth > 6:
        return
    seen.add(id(value))
    if isinstance(value, _PATTERN_TYPES):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _walk(item, seen, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _walk(item, seen, depth + 1)
    elif not isinstance(value, str | bytes | int | float | type) and hasattr(value, "__class__"):
        module = getattr(type(value), "__module__", "") or ""
        if module.startswith("libnews"):
            attributes = dict(getattr(value, "__dict__", {}))
            for slot in getattr(type(value), "__slots__", ()):
                if hasattr(value, slot):
                    attributes[slot] = getattr(value, slot)
            for item in attributes.values():
                yield from _walk(item, seen, depth + 1)


def _collect() -> dict[str, Any]:
    """Name → pattern, for every pattern of the package (module globals and compiled resources)."""
    found: dict[str, Any] = {}
    seen: set[int] = set()
    for info in pkgutil.walk_packages(libnews.__path__, "libnews."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra (pandas, dask) that is not installed
            continue
        for name, value in vars(module).items():
            for number, pattern in enumerate(_walk(value, seen)):
                found.setdefault(f"{info.name}.{name}" + (f"[{number}]" if number else ""), pattern)
    resources = default_resources()
    parse_article("وقع وزير الخارجية الاتفاقية في 4 ديسمبر 2020 في روما.", published="2020-12-15")
    cache = getattr(resources, "_compiled", {})
    for value in list(cache.values()):
        # Grammars that compile each rule on first use (the date grammar): compile them all.
        sources, compile_rule = getattr(value, "sources", None), getattr(value, "rule_pattern", None)
        if isinstance(sources, list | tuple) and callable(compile_rule):
            for index in range(len(sources)):
                compile_rule(index)
    for key, value in dict(cache).items():
        for number, pattern in enumerate(_walk(value, seen)):
            found.setdefault(f"compiled[{key}]" + (f"[{number}]" if number else ""), pattern)
    return found


_BRACES = regex.compile(r"\{(\d*)(,?)(\d*)\}")


def _tokens(source: str, verbose: bool) -> Iterator[tuple[str, int]]:
    """The pattern as ``("(", 0)``, ``(")", 0)``, ``("q", upper bound or -1)`` and ``("atom", 0)``."""
    i = 0
    while i < len(source):
        char = source[i]
        if verbose and char == "#":
            newline = source.find("\n", i)
            i = len(source) if newline < 0 else newline + 1
        elif verbose and char.isspace():
            i += 1
        elif char == "\\":
            i += 2
            # \p{L}, \N{...}, \x{...}, \L<name>: the braces belong to the escape
            if i < len(source) and source[i - 1] in "pPNx" and source[i] == "{":
                i = source.index("}", i) + 1
            elif i < len(source) and source[i - 1] == "L" and source[i] == "<":
                i = source.index(">", i) + 1
            yield "atom", 0
        elif char == "[":
            i += 1
            if i < len(source) and source[i] == "^":
                i += 1
            if i < len(source) and source[i] == "]":
                i += 1  # a leading ] is a literal
            while i < len(source) and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
            i += 1
            yield "atom", 0
        elif char == "(" and source.startswith("(?#", i):
            i = source.index(")", i) + 1
        elif char == "(":
            i += 1
            yield "(", 0
        elif char == ")":
            i += 1
            yield ")", 0
        elif char in "*+?" or (
            char == "{" and _BRACES.match(source, i) and _BRACES.match(source, i)[0] != "{,}"
        ):
            if char == "{":
                found = _BRACES.match(source, i)
                assert found is not None
                lower, comma, upper = found.groups()
                bound = -1 if comma and not upper else int(upper or lower)
                i = found.end()
            else:
                bound = 1 if char == "?" else -1
                i += 1
            if i < len(source) and source[i] in "?+":
                i += 1  # lazy or possessive
            yield "q", bound
        else:
            i += 1
            yield "atom", 0


def nested_quantifiers(source: str, verbose: bool) -> bool:
    """Whether a repeated group of *source* holds an unbounded repeat: ``(x+)+``, ``(?:a|b*){2,}``."""
    verbose = verbose or bool(regex.match(r"\(\?[a-zA-Z]*x", source))
    stack: list[bool] = []  # per open group: does it hold an unbounded repeat?
    group_unbounded = False  # the token just before was a ")" closing a group that holds one
    for kind, bound in _tokens(source, verbose):
        if kind == "(":
            stack.append(False)
            group_unbounded = False
        elif kind == ")":
            group_unbounded = stack.pop() if stack else False
            if stack and group_unbounded:
                stack[-1] = True
        elif kind == "q":
            if group_unbounded and (bound == -1 or bound >= 2):
                return True
            if bound == -1 and stack:
                stack[-1] = True
            group_unbounded = False
        else:
            group_unbounded = False
    return False


def _representatives(source: str) -> str:
    """Characters the pattern can match: its literals, plus one of each class it names."""
    letters = regex.sub(r"\\[pPN]\{[^}]*\}|\\L<[^>]*>|\\.|[()\[\]{}*+?|^$.,:=!<>-]|\d", " ", source)
    chars = [c for c in dict.fromkeys(letters) if not c.isspace()]
    classes = {r"\d": "7", r"\s": " ", r"\w": "ب", r"\p{L}": "ا", r"\p{N}": "٣", ".": "x", r"\p{M}": "\u064e"}
    chars += [example for name, example in classes.items() if name in source]
    return "".join(chars[:40]) or "ا"


def adversarial_inputs(pattern: Any) -> Iterator[tuple[str, str]]:
    """100 KB strings made to make *pattern* backtrack: repeated pieces it matches, then a mismatch.

    Matchers run on the normalized text, so the inputs are normalized too (a
    run of spaces, say, is one space by then).
    """
    alphabet = _representatives(pattern.pattern)
    words = list(dict.fromkeys(regex.findall(r"\p{L}{2,}", pattern.pattern)))[:60] or ["في"]
    pieces = {
        "own-chars": alphabet,
        "own-chars-spaced": " ".join(alphabet) + " ",
        "own-words": " ".join(words) + " ",
        "own-words-glued": "".join(words),
        "own-words-first-then-filler": words[0] + " " + "كلمة " * 40,
        "letters": "ا",
        "letter-runs": "بال ",
        "digits": "7",
        "digit-groups": "1,2.3 ",
        "quotes": '"',
        "guillemets": "«",
        "words": "وزير في يناير ",
    }
    for name, piece in pieces.items():
        body = (piece * (SIZE // len(piece) + 1))[: SIZE - 1]
        yield name, normalize(body + "\x00").text


PATTERNS = _collect()
NESTED = {
    name: pattern
    for name, pattern in PATTERNS.items()
    if nested_quantifiers(pattern.pattern, bool(pattern.flags & regex.VERBOSE))
}


def _run(pattern: Any, text: str) -> float:
    start = time.perf_counter()
    if isinstance(pattern, type(regex.compile(""))):
        for _ in pattern.finditer(text, timeout=LIMIT * 5):
            pass
    else:
        for _ in pattern.finditer(text):
            pass
    return time.perf_counter() - start


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(r"(a+)+$", True, id="classic"),
        pytest.param(r"(?:\s*\w+)*x", True, id="group-of-unbounded"),
        pytest.param(r"(?:ab|c{2,})+", True, id="brace-unbounded"),
        pytest.param(r"((?:a|b)*)+", True, id="two-levels"),
        pytest.param(r"(?:a|b)+", False, id="alternation-repeated"),
        pytest.param(r"\d+(?:[.,]\d+)*", True, id="separated-repeat-flagged-then-timed"),
        pytest.param(r"\p{L}[\p{L}\p{M}]*", False, id="class-with-braces"),
        pytest.param(r"[(+*]+", False, id="quantifier-chars-in-a-class"),
        pytest.param(r"(?:x{2})+", False, id="bounded-brace"),
        pytest.param(r"\L<words>+", False, id="named-list"),
    ],
)
def test_nested_quantifier_detector(source: str, expected: bool) -> None:
    assert nested_quantifiers(source, verbose=False) is expected


def test_patterns_were_found() -> None:
    assert len(PATTERNS) >= 5, sorted(PATTERNS)


@pytest.mark.parametrize("pattern", NESTED.values(), ids=NESTED.keys())
def test_nested_quantifier_pattern_is_safe_on_100kb(pattern: Any) -> None:
    for name, text in adversarial_inputs(pattern):
        elapsed = _run(pattern, text)
        assert elapsed < LIMIT, f"{name}: {elapsed:.2f} s over {len(text):,} chars"


_PIPELINE_BUDGET = 5.0
"""Seconds for a whole parse of 100 KB of adversarial text (all stages, all patterns)."""


@pytest.mark.slow
@pytest.mark.parametrize(
    "piece",
    [
        pytest.param("في " * 3 + "وزير " * 3 + "«", id="words-and-open-quotes"),
        pytest.param("1" * 30 + " ", id="long-numbers"),
        pytest.param("يناير 2020 " + "و" * 20, id="dates-and-clitic-runs"),
        pytest.param("ا" * 500 + "ـ" * 100, id="letter-and-tatweel-runs"),
        pytest.param("وقع اتفاقية «" + "تعاون " * 20, id="unclosed-agreement-name"),
    ],
)
def test_whole_pipeline_on_100kb_adversarial_text(piece: str) -> None:
    text = (piece * (SIZE // len(piece) + 1))[:SIZE]
    start = time.perf_counter()
    article = parse_article(text, published="2020-12-15")
    elapsed = time.perf_counter() - start
    assert article.text == text
    assert elapsed < _PIPELINE_BUDGET, f"{elapsed:.2f} s"
