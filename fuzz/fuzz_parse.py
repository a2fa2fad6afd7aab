"""Coverage-guided fuzzing of `parse_article` with atheris (libFuzzer for Python).

Run it through nox (bounded time, new inputs kept out of the repository)::

    nox -s fuzz                       # 10 minutes
    nox -s fuzz -- -max_total_time=60

or by hand, with atheris installed (``pip install atheris``)::

    python fuzz/fuzz_parse.py /tmp/fuzz-work fuzz/corpus -max_total_time=600 -max_len=4096 \
        -artifact_prefix=fuzz/corpus/crash-

Each input becomes a text three ways (arbitrary code points including lone
surrogates, UTF-8 bytes decoded with replacement, or a sentence assembled from
Arabic news vocabulary) plus a `published` value, and the result is checked
against the invariants of ``tests/test_robustness.py``: exact spans, unique
ids, references that exist, dates in order, JSON that dumps.  A failing input
is written next to the seeds in ``fuzz/corpus/`` (``crash-*``), and
``tests/test_hostile.py`` replays every file there as a regression test.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import libnews
from libnews import Article, parse_article
from libnews.models import iter_spans

# Vocabulary the structured mode assembles sentences from: the words every stage keys on.
WORDS = (
    "في", "من", "إلى", "يوم", "أمس", "اليوم", "غدا", "الماضي", "المقبل", "الجاري", "الموافق", "هـ", "م",
    "يناير", "ديسمبر", "كانون الثاني", "تشرين الأول", "جانفي", "أوت", "دجنبر", "رمضان", "ذي الحجة",
    "شوال", "الثلاثاء", "الجمعة", "الشهر", "الأسبوع", "العام", "منذ", "خلال", "مطلع", "أواخر",
    "وزير", "وزير الخارجية", "رئيس", "رئيس الوزراء", "السفير", "المتحدث باسم", "الأمين العام", "السيد",
    "محمد", "علي", "على", "فايز السراج", "ليبيا", "إيطاليا", "تونس", "روما", "طرابلس", "الأمم المتحدة",
    "الليبي", "الإيطالي", "حكومة الوفاق", "مجلس الأمن", "وكالة الأنباء",
    "وقع", "وقّع", "توقيع", "اتفاقية", "مذكرة تفاهم", "معاهدة", "وقف إطلاق النار", "هدنة", "زيارة",
    "التقى", "اجتماع", "اتصال هاتفي", "محادثات", "مؤتمر", "قمة", "انتخابات", "عاد إلى", "لم", "قال",
    "نقلت", "عن", "وفقا لـ", "مصادر", "بهدف", "تتضمن", "من خلال", "وكذلك", "التدريب", "الهجرة",
    "4", "15", "2020", "1442", "٢٠٢١", "١٥", "24/12/2021", "2020-12-15", "الخامس عشر", "ثلاثة",
    "،", ".", "؛", "؟", ":", "«", "»", '"', "(", ")", "-", "\n", "ـــ", "\u064e", "\u200f", "\u200d",
    "و", "ف", "ب", "ل", "ال",
)  # fmt: skip
PUBLISHED = (None, "2020-12-15", "1999-01-01", "2031-06-30", dt.date(2015, 8, 1))


def text_from(data: bytes) -> tuple[str, str | dt.date | None]:
    """The article text and `published` value an input stands for."""
    if not data:
        return "", None
    mode, published, rest = data[0] % 3, PUBLISHED[data[-1] % len(PUBLISHED)], data[1:]
    if mode == 0:  # any code points, lone surrogates included (UTF-32-ish, 3 bytes a character)
        points = (int.from_bytes(rest[i : i + 3], "little") % 0x110000 for i in range(0, len(rest) - 2, 3))
        return "".join(map(chr, points)), published
    if mode == 1:
        return rest.decode("utf-8", errors="replace"), published
    # Each byte picks a word; its high bit glues the word to the previous one.
    pieces = [("" if byte & 0x80 else " ") + WORDS[(byte & 0x7F) % len(WORDS)] for byte in rest]
    return "".join(pieces), published


def check(data: bytes) -> Article:
    """Parse the input's text and check the invariants; raise AssertionError on any violation."""
    text, published = text_from(data)
    article = parse_article(text, published=published)
    assert article.text == text
    for span in iter_spans(article):
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start : span.end] == span.text, span
    ids = [a.id for a in article.actors] + [g.id for g in article.agreements] + [e.id for e in article.events]
    assert len(ids) == len(set(ids)), ids
    actors, agreements = {a.id for a in article.actors}, {g.id for g in article.agreements}
    for agreement in article.agreements:
        assert set(agreement.parties) | set(agreement.signatories) <= actors, agreement
        assert agreement.place is None or agreement.place in actors, agreement
    for event in article.events:
        assert set(event.actors) <= actors, event
        assert event.place is None or event.place in actors, event
        assert event.agreement is None or event.agreement in agreements, event
    for actor in article.actors:
        for title in actor.titles:
            assert title.organization is None or title.organization in actors, title
    for mention in article.dates:
        if mention.value is not None and mention.end is not None:
            assert mention.value <= mention.end, mention
    assert len(json.loads(article.model_dump_json())["text"]) == len(text)
    return article


def _target(data: bytes) -> None:
    check(data)


def main() -> None:
    """Hand the target to libFuzzer (arguments as for any libFuzzer binary)."""
    import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415 (only the fuzz session installs it)

    libnews.parse_article("تمهيد في 4 ديسمبر 2020")  # load data before instrumenting the hot code
    atheris.instrument_all()
    atheris.Setup(sys.argv, _target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
