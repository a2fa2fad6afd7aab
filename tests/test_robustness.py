"""Properties that hold for every input: hypothesis over arbitrary and Arabic-heavy text.

For any string, `parse_article` returns an `Article` (it never raises), every
`Span` is cut exactly from the input, ids are unique and every id referenced
anywhere exists, dates are in order and in range, the JSON dumps (even with
lone surrogates) and round-trips, and the output depends only on the input:
the same text gives the same JSON, whatever was parsed before it.

Example counts are kept modest so the suite stays fast; the fuzzer
(``fuzz/fuzz_parse.py``, ``nox -s fuzz``) runs the same checks for longer.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import assert_spans_exact

from libnews import Article, parse_article

_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,  # the same examples on every run: CI never flakes on a new draw
)

_ACTOR_ID = regex.compile(r"a\d+")


def check_invariants(article: Article, text: str) -> None:
    """Everything that must hold for the result of ``parse_article(text)``."""
    assert article.text == text
    assert_spans_exact(article)

    actor_ids = [actor.id for actor in article.actors]
    agreement_ids = [agreement.id for agreement in article.agreements]
    event_ids = [event.id for event in article.events]
    every_id = actor_ids + agreement_ids + event_ids
    assert len(set(every_id)) == len(every_id), f"duplicate ids: {every_id}"
    actors, agreements = set(actor_ids), set(agreement_ids)

    for actor in article.actors:
        assert actor.name, actor
        for title in actor.titles:
            assert title.organization is None or title.organization in actors, title
    for agreement in article.agreements:
        assert set(agreement.parties) <= actors, agreement
        assert set(agreement.signatories) <= actors, agreement
        assert agreement.place is None or agreement.place in actors, agreement
        for position, clause in enumerate(agreement.clauses):
            assert clause.index == position, clause
            assert clause.parent is None or 0 <= clause.parent < len(agreement.clauses), clause
            assert clause.parent != clause.index, clause
    for event in article.events:
        assert set(event.actors) <= actors, event
        assert event.place is None or event.place in actors, event
        assert event.agreement is None or event.agreement in agreements, event
        assert event.sentence.start <= event.trigger.start <= event.trigger.end <= event.sentence.end, event
    for attribution in article.attributions:
        if _ACTOR_ID.fullmatch(attribution.source):
            assert attribution.source in actors, attribution

    starts = [mention.span.start for mention in article.dates]
    assert starts == sorted(starts), "dates are not in text order"
    for mention in article.dates:
        if mention.value is not None and mention.end is not None:
            assert mention.value <= mention.end, mention
        for day in (mention.value, mention.end):
            assert day is None or dt.date(1, 1, 1) <= day <= dt.date(9999, 12, 31)
    triggers = [event.trigger.start for event in article.events]
    assert triggers == sorted(triggers), "events are not in text order"

    dumped = article.model_dump_json()
    data = json.loads(dumped)
    assert len(data["text"]) == len(text)
    if not regex.search(r"[\ud800-\udfff]", text):
        assert Article.model_validate_json(dumped) == article


def _parse(text: str) -> Article:
    article = parse_article(text, published="2020-12-15")
    check_invariants(article, text)
    return article


# --------------------------------------------------------------------------- arbitrary Unicode

_ANY_CHAR = st.characters(codec=None, exclude_categories=())  # surrogates and controls included


@_SETTINGS
@given(st.text(alphabet=_ANY_CHAR, max_size=300))
def test_any_unicode_never_raises(text: str) -> None:
    _parse(text)


# --------------------------------------------------------------------------- Arabic-heavy text

_MONTHS = [
    "يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر", "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
    "تشرين الأول", "تشرين الثاني", "كانون الأول", "جانفي", "فيفري", "أفريل", "ماي", "جوان", "جويلية",
    "أوت", "يوليوز", "غشت", "دجنبر", "محرم", "صفر", "ربيع الأول", "جمادى الآخرة", "رجب", "شعبان",
    "رمضان", "شوال", "ذو القعدة", "ذي الحجة",
]  # fmt: skip
_DATE_WORDS = [
    "يوم", "اليوم", "أمس", "غدا", "الماضي", "المقبل", "القادم", "الجاري", "الشهر", "الأسبوع", "العام",
    "السنة", "منذ", "خلال", "من", "إلى", "حتى", "بين", "و", "الموافق", "هـ", "م", "عام", "الثلاثاء",
    "الجمعة", "الأحد", "مطلع", "أواخر", "منتصف", "نهاية", "بداية", "الخامس عشر", "الأول", "ثلاثة", "أيام",
]  # fmt: skip
_TITLES = [
    "وزير", "الوزير", "وزير الخارجية", "وزير الدفاع", "رئيس", "الرئيس", "رئيس الوزراء", "رئيس الحكومة",
    "المتحدث باسم", "السفير", "سفير", "الأمين العام", "نائب", "قائد", "الملك", "الأمير", "الشيخ", "السيد",
    "مدير", "المبعوث الأممي", "وزيرة", "العقيد", "اللواء",
]  # fmt: skip
_NAMES = [
    "محمد", "أحمد", "علي", "على", "عبد الله", "فايز السراج", "السراج", "ماكرون", "بوتين", "الأمم المتحدة",
    "ليبيا", "إيطاليا", "تونس", "مصر", "روما", "طرابلس", "الجزائر", "المغرب", "الرياض", "حكومة الوفاق",
    "الاتحاد الأوروبي", "مجلس الأمن", "الليبي", "الإيطالي", "حماس", "وكالة الأنباء",
]  # fmt: skip
_EVENT_WORDS = [
    "وقع", "وقّع", "توقيع", "وقعت", "اتفاقية", "اتفاق", "مذكرة تفاهم", "معاهدة", "بروتوكول", "وقف إطلاق النار",
    "هدنة", "زيارة", "زار", "التقى", "لقاء", "اجتماع", "اتصال هاتفي", "محادثات", "مفاوضات", "مؤتمر", "قمة",
    "انتخابات", "عاد إلى", "لم", "لن", "قال", "أكد", "نقلت", "عن", "وفقا لـ", "مصادر مطلعة", "بهدف",
    "التوصل إلى", "تتضمن", "من خلال", "وكذلك", "في مجال", "التدريب", "الهجرة", "الحدود",
]  # fmt: skip
_DIGITS = st.one_of(
    st.integers(0, 3000).map(str),
    st.integers(0, 3000).map(lambda n: str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))),
    st.sampled_from(["2020", "1442", "15/12/2020", "2020-12-15", "4.5", "1,000", "٢٠٢١", "24"]),
)
_PUNCTUATION = st.sampled_from(
    [".", "،", "؛", "؟", "!", ":", "-", "–", "(", ")", "«", "»", '"', "“", "”", "/", "\n", "\n\n", "...", "'"]
)
_CLITIC = st.sampled_from(["", "", "", "", "", "", "و", "ف", "ب", "ل", "وب", "ول", "لل", "ك", "ال"])
_NOISE = st.sampled_from(["", "ـــ", "\u064e", "\u0651", "\u200f", "\u200d", "\u200c", "\u00a0"])
_DAY = st.one_of(st.integers(1, 31).map(str), st.sampled_from(["٤", "١٥", "الأول", "العاشر"]))
_YEAR = st.sampled_from(["", "", " 2020", " 2021", " 1442 هـ", " ٢٠١٩", " 2020م", " الجاري"])


@st.composite
def _phrase(draw: st.DrawFn) -> str:
    """A well-formed piece: a date, a titled name, or an event with its actors."""
    kind = draw(st.integers(0, 2))
    if kind == 0:
        return f"{draw(_DAY)} {draw(st.sampled_from(_MONTHS))}{draw(_YEAR)}"
    if kind == 1:
        return f"{draw(st.sampled_from(_TITLES))} {draw(st.sampled_from(_NAMES))}"
    event, left, right = (draw(st.sampled_from(words)) for words in (_EVENT_WORDS, _NAMES, _NAMES))
    return f"{event} {left} مع {right}"


@st.composite
def _arabic_token(draw: st.DrawFn) -> str:
    word = draw(
        st.one_of(
            st.sampled_from(_MONTHS),
            st.sampled_from(_DATE_WORDS),
            st.sampled_from(_TITLES),
            st.sampled_from(_NAMES),
            st.sampled_from(_EVENT_WORDS),
            _DIGITS,
            _PUNCTUATION,
            _phrase(),
            _phrase(),
        )
    )
    noise = draw(_NOISE) if draw(st.integers(0, 9)) == 0 else ""
    if noise and len(word) > 1:
        cut = draw(st.integers(1, len(word) - 1))
        word = word[:cut] + noise + word[cut:]
    return draw(_CLITIC) + word


_ARABIC_TEXT = st.lists(
    st.tuples(_arabic_token(), st.sampled_from([" ", " ", " ", "", "  ", "\n", "، ", " «", "» "])),
    max_size=80,
).map(lambda pairs: "".join(token + gap for token, gap in pairs))


@_SETTINGS
@given(_ARABIC_TEXT)
def test_arabic_heavy_text_never_raises(text: str) -> None:
    _parse(text)


@_SETTINGS
@given(_ARABIC_TEXT, st.sampled_from([None, "2020-12-15", "1999-01-01", "2031-06-30"]))
def test_any_published_day_keeps_the_invariants(text: str, published: str | None) -> None:
    check_invariants(parse_article(text, published=published), text)


@settings(_SETTINGS, max_examples=30)
@given(_ARABIC_TEXT, _ARABIC_TEXT)
def test_output_is_deterministic_and_independent_of_call_order(first: str, second: str) -> None:
    before = _parse(first).model_dump_json()
    _parse(second)
    assert _parse(first).model_dump_json() == before


@settings(_SETTINGS, max_examples=30)
@given(_ARABIC_TEXT, st.text(alphabet=_ANY_CHAR, max_size=40), _ARABIC_TEXT)
def test_garbage_between_arabic_text_keeps_the_invariants(left: str, garbage: str, right: str) -> None:
    _parse(left + garbage + right)


_CROSS_PROCESS = """
import json, sys
from libnews import parse_article
texts = json.loads(sys.stdin.read())
print(json.dumps([parse_article(t, published="2020-12-15").model_dump_json() for t in texts]))
"""


def test_output_is_the_same_in_another_process_with_another_hash_seed() -> None:
    # Set and dict-of-str iteration order changes with PYTHONHASHSEED: output must not follow it
    # (batch workers and Dask workers are other processes).
    from tests.test_scaling import SYNTHETIC

    texts = [SYNTHETIC, *SYNTHETIC.split("\n")]
    here = [parse_article(text, published="2020-12-15").model_dump_json() for text in texts]
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", _CROSS_PROCESS],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert json.loads(done.stdout) == here
