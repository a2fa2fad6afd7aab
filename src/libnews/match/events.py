"""Event triggers and the cues around them, found in the normalized text.

The trigger lexicon is ``data/events.toml``: per event kind its verbs (in
their conjugations), verbal nouns and participles.  Everything is compiled
once per `Resources` into one alternation per form class, longest form first,
so a text is scanned once whatever the size of the lexicon.

>>> from libnews.resources import default_resources
>>> from libnews.text.normalize import fold
>>> [(t.kind, t.form) for t in find_triggers(fold("ووقّع الوزير الاتفاقية"), default_resources())]
[('sign', 'verb')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Literal, NamedTuple

import regex

from libnews.match.word_gate import GatedPattern, LetterRuns, letter_runs, prefix_combinations, surface_runs
from libnews.resources import Resources
from libnews.resources.events_schema import AgreementHeadEntry, EventCueEntry, EventKindEntry, TopicEntry
from libnews.text.normalize import fold

__all__ = [
    "NOUN_PREFIXES",
    "VERB_PREFIXES",
    "Cue",
    "Trigger",
    "bare_alternation",
    "find_cues",
    "find_triggers",
    "phrase_alternation",
    "reference_markdown",
]

FormClass = Literal["verb", "noun", "participle"]

# Clitics before a verb (conjunction) and before a noun (conjunction, preposition, article).
_VERB_PREFIX = r"(?P<conj>[وف])?"
_NOUN_PREFIX = r"(?P<conj>[وف])?(?P<prep>لل|[بلك])?(?P<article>ال)?"
_NOUN_SUFFIX = r"(?P<suffix>هما|هم|ها|ه|نا)?"
# The same clitics as letter strings, for the word gate (match/word_gate.py).
VERB_PREFIXES = ("", "و", "ف")
NOUN_PREFIXES = tuple(prefix_combinations(VERB_PREFIXES, ("", "لل", "ب", "ل", "ك"), ("", "ال")))
_NOUN_SUFFIXES = ("", "هما", "هم", "ها", "ه", "نا")


def phrase_alternation(forms: Iterable[str]) -> str:
    """One regex alternation of *forms* (already folded) that prefers the longest form.

    Each form must end at a word boundary, unless its last word is a single
    letter (``حل ب``, ``سعيا ل``): that letter is a clitic of the next word.
    """
    return _trie_alternation(forms, bounded=True)


def _trie_alternation(forms: Iterable[str], *, bounded: bool) -> str:
    """*forms* as a regex trie: one branch per next letter, so a position costs one test per letter.

    At each node the longer continuations are tried before ending there, which is what a
    longest-first alternation does; words are joined by ``\\s+``.
    """
    root: dict[str, object] = {}
    for form in {form for form in forms if form}:
        words = form.split()
        node = root
        for number, word in enumerate(words):
            for key in ([" "] if number else []) + list(word):
                node = node.setdefault(key, {})  # type: ignore[assignment]
        clitic = len(words) > 1 and len(words[-1]) == 1
        node[""] = r"(?!\p{L})" if bounded and not clitic else ""
    return "(?:" + _emit(root) + ")" if root else "(?!)"


def _emit(node: dict[str, object]) -> str:
    branches = [
        (r"\s+" if key == " " else regex.escape(key)) + _emit(child)  # type: ignore[arg-type]
        for key, child in sorted((key, child) for key, child in node.items() if key)
    ]
    if "" in node:
        branches.append(str(node[""]))  # ending here comes after every longer continuation
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that signals an event, in normalized coordinates."""

    kind: str
    cameo: str | None
    start: int
    """Start of the trigger word, after a conjunction or preposition clitic."""
    end: int
    form: FormClass
    definite: bool
    """A noun with ``ال`` or a possessive suffix: it refers to something already known."""
    purpose: bool
    """A noun after ``ل`` (``للقاء``): the event the preceding verb was for."""
    needs: str
    plural: Literal["singular", "dual", "plural"]
    """Number of a verb's subject, from its ending (``وقعا`` dual, ``وقعوا`` plural)."""
    pronoun: bool = False
    """An object or possessive pronoun is attached (``وقعته``, ``توقيعه``, ``لقائه``)."""
    series: bool = False
    """A noun naming a series of events (``الزيارات``)."""


class Cue(NamedTuple):
    """A negation, aim, date-carrying or other cue, in normalized coordinates."""

    role: str
    start: int
    end: int
    window: int


@dataclass(frozen=True, slots=True)
class _Lexicon:
    verbs: GatedPattern
    nouns: GatedPattern
    participles: GatedPattern
    entries: dict[tuple[FormClass, str], EventKindEntry]
    barriers: dict[tuple[FormClass, str], regex.Pattern[str]]
    """What may not follow a form (its entry's ``exclude_after``), by the form's key in `entries`."""
    noun_forms: frozenset[str]
    pronoun_verbs: frozenset[str]
    series: frozenset[str]


def _build_lexicon(resources: Resources) -> _Lexicon:
    entries: dict[tuple[FormClass, str], EventKindEntry] = {}
    by_class: dict[FormClass, list[str]] = {"verb": [], "noun": [], "participle": []}
    pronoun_verbs: set[str] = set()
    series: set[str] = set()
    for entry in resources.entries("event", EventKindEntry):
        pronoun_verbs.update(fold(form) for form in entry.pronoun_verbs)
        series.update(fold(form) for form in entry.series)
        for form_class, forms in (
            ("verb", [*entry.verbs, *entry.pronoun_verbs]),
            ("noun", [*entry.nouns, *entry.series]),
            ("participle", entry.participles),
        ):
            for form in forms:
                folded = fold(form)
                # The first entry that lists a form owns it: a form means one kind.
                entries.setdefault((form_class, folded), entry)  # type: ignore[arg-type]
                by_class[form_class].append(folded)  # type: ignore[index]
    excluded = {
        entry.kind + "|" + (entry.cameo or "") + "|" + entry.needs: regex.compile(
            r"\s*" + phrase_alternation(fold(f) for f in entry.exclude_after)
        )
        for entry in resources.entries("event", EventKindEntry)
        if entry.exclude_after
    }
    # Before a possessive suffix ة is written ت (زيارته) and a final hamza sits on a seat (لقائه).
    seated = {"ه": ("ت",), "ء": ("ئ", "ؤ")}
    nouns = by_class["noun"] + [
        form[:-1] + seat for form in by_class["noun"] for seat in seated.get(form[-1:], ())
    ]
    # Looked up per form, not per entry: kind, CAMEO code and needs are what an exclusion is keyed by.
    barriers = {
        key: excluded[owner]
        for key, entry in entries.items()
        if (owner := entry.kind + "|" + (entry.cameo or "") + "|" + entry.needs) in excluded
    }
    return _Lexicon(
        verbs=GatedPattern(
            regex.compile(
                r"(?<!\p{L})" + _VERB_PREFIX + "(?P<core>" + phrase_alternation(by_class["verb"]) + ")"
            ),
            surface_runs(by_class["verb"], VERB_PREFIXES),
        ),
        nouns=GatedPattern(
            regex.compile(
                r"(?<!\p{L})"
                + _NOUN_PREFIX
                + "(?P<core>"
                + bare_alternation(nouns)
                + ")"
                + _NOUN_SUFFIX
                + r"(?!\p{L})"
            ),
            surface_runs(nouns, NOUN_PREFIXES, _NOUN_SUFFIXES),
        ),
        participles=GatedPattern(
            regex.compile(r"(?<!\p{L})[وف]?(?P<core>" + phrase_alternation(by_class["participle"]) + ")"),
            surface_runs(by_class["participle"], VERB_PREFIXES),
        ),
        entries=entries,
        barriers=barriers,
        noun_forms=frozenset(by_class["noun"]),
        pronoun_verbs=frozenset(pronoun_verbs),
        series=frozenset(series),
    )


def bare_alternation(forms: Iterable[str]) -> str:
    """Like `phrase_alternation`, without a word boundary after the forms."""
    return _trie_alternation(forms, bounded=False)


def _lexicon(resources: Resources) -> _Lexicon:
    return resources.compiled("events.lexicon", _build_lexicon)


def _plural(word: str) -> Literal["singular", "dual", "plural"]:
    first = word.split(maxsplit=1)[0]
    if first.endswith(("وا", "ون")):
        return "plural"
    if first.endswith(("ا", "تا", "ان")) and not first.endswith("ى"):
        return "dual"
    return "singular"


def find_triggers(text: str, resources: Resources, runs: LetterRuns | None = None) -> list[Trigger]:
    """Every trigger in normalized *text*, in text order, overlaps resolved longest first.

    *runs* is ``letter_runs(text)`` when the caller has it already.
    """
    lexicon = _lexicon(resources)
    runs = letter_runs(text) if runs is None else runs
    found: list[Trigger] = []
    form_classes: tuple[tuple[FormClass, GatedPattern], ...] = (
        ("verb", lexicon.verbs),
        ("noun", lexicon.nouns),
        ("participle", lexicon.participles),
    )
    for form_class, pattern in form_classes:
        noun, verb = form_class == "noun", form_class == "verb"
        for match in pattern.finditer(text, runs):
            core = match.group("core")
            folded = " ".join(core.split())
            # Only the noun pattern has clitic groups besides the conjunction.
            article, prep, suffix = match.group("article", "prep", "suffix") if noun else (None, None, None)
            if noun and folded not in lexicon.noun_forms:
                # A seated form (زيارت، لقائ) only stands before a suffix.
                if not suffix:
                    continue
                folded = folded[:-1] + ("ه" if folded.endswith("ت") else "ء")
            key = (form_class, folded)
            entry = lexicon.entries.get(key)
            if entry is None:
                continue
            start, end = match.span("core")
            if article:
                start = match.start("article")
            if suffix:
                end = match.end("suffix")
            barrier = lexicon.barriers.get(key)
            if barrier is not None and barrier.match(text, end):
                continue
            found.append(
                Trigger(
                    kind=entry.kind,
                    cameo=entry.cameo,
                    start=start,
                    end=end,
                    form=form_class,
                    definite=bool(article or suffix or prep == "لل"),
                    purpose=prep in ("ل", "لل"),
                    needs=entry.needs,
                    plural=_plural(core) if verb else "singular",
                    pronoun=bool(suffix) or (verb and folded in lexicon.pronoun_verbs),
                    series=noun and folded in lexicon.series,
                )
            )
    return _longest_first(found)


def _longest_first(found: list[Trigger]) -> list[Trigger]:
    """Overlapping triggers resolved longest first, then earliest (linear in the text covered)."""
    taken: set[int] = set()
    kept: list[Trigger] = []
    for trigger in sorted(found, key=lambda t: (t.start - t.end, t.start)):
        cells = range(trigger.start, trigger.end)
        if taken.isdisjoint(cells):
            taken.update(cells)
            kept.append(trigger)
    return sorted(kept, key=attrgetter("start"))


def _build_cues(resources: Resources) -> tuple[GatedPattern, dict[str, list[EventCueEntry]]]:
    owners: dict[str, list[EventCueEntry]] = {}
    for entry in resources.entries("event_cue", EventCueEntry):
        for form in entry.forms:
            owners.setdefault(fold(form), []).append(entry)  # a form may serve several roles
    pattern = regex.compile(r"(?<!\p{L})[وف]?(?P<core>" + phrase_alternation(owners) + ")")
    return GatedPattern(pattern, surface_runs(owners, VERB_PREFIXES)), owners


def find_cues(text: str, resources: Resources, runs: LetterRuns | None = None) -> list[Cue]:
    """Every cue (negation, aim, date carried by reference …) in normalized *text*.

    *runs* is ``letter_runs(text)`` when the caller has it already.
    """
    pattern, owners = resources.compiled("events.cues", _build_cues)
    return [
        Cue(entry.role, match.start("core"), match.end("core"), entry.window)
        for match in pattern.finditer(text, letter_runs(text) if runs is None else runs)
        for entry in owners.get(" ".join(match.group("core").split()), ())
    ]


def reference_markdown(resources: Resources) -> str:
    """Markdown tables of the event kinds, agreement kinds and clause topics (for ``docs/events.md``)."""
    lines = [
        "### Event kinds",
        "",
        "| kind | CAMEO | needs | verbs | verbal nouns and participles |",
        "|---|---|---|---|---|",
    ]
    for entry in resources.entries("event", EventKindEntry):
        verbs = "، ".join(entry.verbs[:8]) + (" …" if len(entry.verbs) > 8 else "")
        nouns = "، ".join([*entry.nouns, *entry.series, *entry.participles][:8])
        lines.append(
            f"| `{entry.kind}` | {entry.cameo or '—'} | {entry.needs} | {verbs or '—'} | {nouns or '—'} |"
        )
    lines += ["", "### Cues", "", "| role | reach (words) | forms |", "|---|---|---|"]
    for cue in resources.entries("event_cue", EventCueEntry):
        reach = "sentence" if cue.window == 0 else str(cue.window)
        lines.append(f"| `{cue.role}` | {reach} | {'، '.join(cue.forms)} |")
    lines += ["", "### Agreement kinds", "", "| kind | head nouns | plural | strength |", "|---|---|---|---|"]
    for head in resources.entries("agreement_head", AgreementHeadEntry):
        plural = "، ".join(head.plural) or "—"
        lines.append(f"| `{head.kind}` | {'، '.join(head.forms)} | {plural} | {head.strength} |")
    lines += ["", "### Clause topics", "", "| topic | covers | keywords |", "|---|---|---|"]
    for topic in resources.entries("topic", TopicEntry):
        lines.append(f"| `{topic.topic}` | {topic.description} | {'، '.join(topic.keywords)} |")
    return "\n".join(lines) + "\n"
