"""Hostile input: odd, broken or adversarial text never crashes, never hangs, never shifts a span.

Each row is one kind of hostility.  Every row must give an `Article` whose text
is the input itself, whose spans are exact, whose JSON dumps, and it must come
back within `BUDGET` seconds (catastrophic backtracking or a quadratic loop
takes minutes on these sizes, so the bound is generous and still catches it).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import time
from pathlib import Path
from types import ModuleType

import pytest
from tests.conftest import assert_spans_exact

from libnews import Article, parse_article

BUDGET = 3.0
"""Seconds any hostile input may take (typical: well under 0.1 s)."""

_SENTENCE = "وقع وزير الخارجية الليبي مع نظيره الإيطالي اتفاقية تعاون في مجال الأمن والهجرة يوم الثلاثاء"
_WORDS = _SENTENCE.split(" ")

HOSTILE: dict[str, str] = {
    # control characters
    "nul-bytes-in-a-sentence": "وقع\x00 الوزير\x00 الاتفاقية في 4\x00 ديسمبر 2020\x00",
    "all-c0-controls": "".join(chr(c) for c in range(32)) + " في 4 ديسمبر 2020 " + "\x7f\x85",
    "nul-only": "\x00" * 5000,
    # lone surrogates (a Python str may hold them; UTF-8 cannot)
    "lone-high-surrogate": "\ud800",
    "lone-surrogates-inside-a-date": "وقع الوزير في 4 \udfffديسمبر\ud800 2020",
    "surrogates-everywhere": "\ud83d" + "\udc00 وزير " * 500,
    # bidi marks and zero-width joiners inside words and numbers
    "rlm-inside-numbers": "في 2\u200f0\u200f2\u200f0 و4\u200e ديسمبر \u200f2020",
    "zwj-inside-words": "وز\u200dير الخار\u200cجية وقّع اتفا\u200dقية في دي\u200dسمبر 2020",
    "bidi-embeddings": "\u202bوقع الوزير\u202c \u2067في 4 ديسمبر 2020\u2069 \u202e2020\u202c",
    "bom-and-word-joiner": "\ufeffوقع\u2060 الوزير\ufeff في\u2060 4 ديسمبر",
    # tatweel and stacked marks
    "tatweel-stretched": "بــــأسعار ديـــــســـمبر وزيـــــر الخـــارجيـــة ــــــ" * 50,
    "tatweel-only": "ـ" * 20_000,
    "stacked-tashkeel": "ب" + "\u064e\u0651\u0650" * 5000 + " في 4 ديسمبر",
    # thousands of repeated triggers
    "repeated-fi": "في " * 10_000,
    "repeated-minister": "وزير " * 10_000,
    "repeated-month": "يناير " * 10_000,
    "repeated-guillemet": "«" * 10_000,
    "repeated-quote-pairs": "«»" * 5_000 + '""' * 5_000,
    "repeated-title-chain": "وزير خارجية وزير دفاع رئيس حكومة " * 2_000,
    "repeated-agreement": "اتفاقية مذكرة تفاهم بروتوكول " * 2_000,
    "repeated-date": "4 ديسمبر 2020 " * 3_000,
    "repeated-relative-dates": "أمس اليوم غدا الأسبوع الماضي الشهر المقبل " * 1_000,
    "repeated-hijri": "15 رمضان 1442 هـ " * 2_000,
    "repeated-clitics": "وبال" * 5_000 + "وزير",
    "repeated-punctuation": ".،؛؟!" * 5_000,
    "repeated-newlines": "\n" * 20_000 + "في 4 ديسمبر",
    "repeated-spaces": " " * 50_000 + "في 4 ديسمبر",
    "repeated-dots-in-numbers": "1." * 20_000,
    # one huge line without punctuation
    "line-50k-without-punctuation": " ".join(_WORDS[i % len(_WORDS)] for i in range(9_000))[:50_000],
    "word-50k-without-space": "ا" * 50_000,
    # digits
    "digits-only": "1234567890" * 5_000,
    "arabic-indic-digits-only": "٠١٢٣٤٥٦٧٨٩" * 5_000,
    "number-like-runs": "2020/12/4 " * 3_000 + "4-12-2020 " * 3_000,
    "huge-year": "في 4 ديسمبر 99999999999999999999999",
    "year-zero-and-out-of-range": "في 31 فبراير 0000 و 0 يناير 10000 و 32 ديسمبر 2020 و 2020-13-45",
    # mixed scripts and markup
    "mixed-latin-arabic": "وقع Macron مع السراج agreement في 4 December 2020 في Rome روما",
    "html-fragment": (
        '<p dir="rtl">وقع <b>الوزير</b> اتفاقية</p><script>alert("في 4 ديسمبر")</script>'
        "&nbsp;&amp;&#1608;<a href='x'>رابط</a><!-- تعليق -->"
    ),
    "html-heavy": "<div><span>في</span></div>" * 3_000,
    "emoji-and-symbols": "🇱🇾🤝🇮🇹 وقع الوزير ✍️ في ٤ ديسمبر ٢٠٢٠ 🎉" * 200,
    "private-use-and-noncharacters": "\ue000\uffff\ufffe في 4 ديسمبر \U0010ffff",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_parses_quickly_with_exact_spans(text: str) -> None:
    start = time.perf_counter()
    article = parse_article(text, published="2020-12-15")
    elapsed = time.perf_counter() - start
    assert isinstance(article, Article)
    assert article.text == text
    assert_spans_exact(article)
    dumped = json.loads(article.model_dump_json())
    assert len(dumped["text"]) == len(text)  # lone surrogates become U+FFFD one for one
    assert elapsed < BUDGET, f"{elapsed:.2f} s"


def test_lone_surrogate_json_keeps_offsets() -> None:
    text = "وقع الوزير \ud800 الاتفاقية في 4 ديسمبر 2020"
    article = parse_article(text, published="2020-12-15")
    dumped = json.loads(article.model_dump_json())
    assert dumped["text"] == text.replace("\ud800", "\ufffd")
    assert article.text == text  # the Python object keeps the exact input
    for mention in dumped["dates"]:
        span = mention["span"]
        assert dumped["text"][span["start"] : span["end"]] == span["text"]


class _StrSubclass(str):
    """A str subclass is a str: accepted."""


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        pytest.param(b"\xd9\x88\xd9\x82\xd8\xb9", TypeError, "decode", id="bytes-hint-decode"),
        pytest.param(bytearray(b"abc"), TypeError, "decode", id="bytearray-hint-decode"),
        pytest.param(memoryview(b"abc"), TypeError, "text must be str", id="memoryview"),
        pytest.param(None, TypeError, "text must be str", id="none-names-text"),
        pytest.param(42, TypeError, "text must be str", id="int"),
        pytest.param(["وقع"], TypeError, "text must be str", id="list"),
    ],
)
def test_bad_text_is_a_type_error(value: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        parse_article(value)  # type: ignore[arg-type]


def test_str_subclass_is_accepted() -> None:
    article = parse_article(_StrSubclass("في 4 ديسمبر 2020"), published="2020-12-15")
    assert_spans_exact(article)


@pytest.mark.parametrize(
    "published",
    [
        pytest.param("15/12/2020", id="day-first"),
        pytest.param("yesterday", id="word"),
        pytest.param("2020-02-30", id="no-such-day"),
        pytest.param("", id="empty"),
        pytest.param("\x00", id="nul"),
        pytest.param("٢٠٢٠-١٢-١٥", id="arabic-indic-digits"),
        pytest.param(20201215, id="int"),
        pytest.param(1.5, id="float"),
        pytest.param(b"2020-12-15", id="bytes"),
        pytest.param(dt.time(12, 0), id="time"),
    ],
)
def test_bad_published_names_the_accepted_forms(published: object) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD") as caught:
        parse_article("في 4 ديسمبر", published=published)  # type: ignore[arg-type]
    assert "datetime.date" in str(caught.value)


def _fuzz_target() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "fuzz" / "fuzz_parse.py"
    spec = importlib.util.spec_from_file_location("fuzz_parse", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_FUZZ_CORPUS = sorted((Path(__file__).resolve().parent.parent / "fuzz" / "corpus").glob("*"))


@pytest.mark.parametrize("path", _FUZZ_CORPUS, ids=[path.name for path in _FUZZ_CORPUS])
def test_fuzz_corpus_replays_clean(path: Path) -> None:
    """Seeds and every crasher the fuzzer ever found (``crash-*``) keep the invariants."""
    start = time.perf_counter()
    _fuzz_target().check(path.read_bytes())
    assert time.perf_counter() - start < BUDGET
