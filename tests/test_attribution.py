"""Attributions: cue, source actor or source text, span of the phrase."""

from __future__ import annotations

import pytest

from libnews import parse_article

# (text, source: an actor name or the source text, the phrase starts with)
ATTRIBUTION_CASES = [
    (
        "ونقلت وكالة فرانس برس عن مسؤول في الوفد قوله إن الأزمة انتهت.",
        "actor:فرانس برس",
        "ونقلت وكالة فرانس برس عن",
    ),
    (
        "ويعمل في الكويت أكثر من 260 ألف فلبيني، بحسب الخارجية الفلبينية، في المنازل.",
        "actor:الخارجية الفلبينية",
        "بحسب الخارجية الفلبينية",
    ),
    (
        "وقتل أكثر من 500 مدني، وفق المرصد السوري لحقوق الإنسان.",
        "actor:المرصد السوري لحقوق الإنسان",
        "وفق المرصد",
    ),
    ("وبحسب مصادر مطلعة فإن الاجتماع تأجل.", "text:مصادر مطلعة", "وبحسب مصادر مطلعة"),
    ("وقال الرئيس الروسي فلاديمير بوتين في بيان إن بلاده مستعدة.", "actor:فلاديمير بوتين", "وقال"),
    # A reporting verb with a source noun right after it.
    ("وقالت مصادر محلية إن القصف استمر.", "text:مصادر محلية", "وقالت مصادر محلية"),
    ("وأوضحت المصادر أن الاجتماع تأجل.", "text:المصادر", "وأوضحت المصادر"),
    ("وأفادت تقارير صحفية بأن الوفد وصل.", "text:تقارير صحفية", "وأفادت تقارير صحفية"),
    ("وتوقع خبراء أن ترتفع الأسعار.", "text:خبراء", "وتوقع خبراء"),
    ("وقالت قناة الميادين إن الهجوم فشل.", "actor:الميادين", "وقالت قناة الميادين"),
]


@pytest.mark.parametrize(
    ("text", "source", "phrase"), ATTRIBUTION_CASES, ids=[c[2] for c in ATTRIBUTION_CASES]
)
def test_attribution_cues(text: str, source: str, phrase: str) -> None:
    article = parse_article(text)
    assert article.attributions, "no attribution found"
    first = article.attributions[0]
    assert first.span.text.startswith(phrase)
    assert text[first.span.start : first.span.end] == first.span.text
    kind, wanted = source.split(":", 1)
    if kind == "actor":
        actor = next(a for a in article.actors if a.id == first.source)
        assert actor.name == wanted or wanted in actor.aliases
    else:
        assert first.source == wanted


def test_no_cue_no_attribution() -> None:
    assert parse_article("وصل الوزير إلى روما اليوم.").attributions == []


@pytest.mark.parametrize(
    "text",
    [
        "وتم ذلك وفقا لقرارات مجلس الأمن الدولي.",
        "وجرى نقل السلطة إلى الرئيس المنتخب.",
        "وذلك وفقا للقانون.",
        "وقال لوكالة الأنباء الفرنسية إن الوضع هادئ.",
        "وأكد الوزير أن بلاده مستعدة.",
        "وقال، في مؤتمر صحفي، إن بلاده مستعدة.",
    ],
    ids=[
        "according-to-resolutions",
        "transfer-of-power",
        "according-to-the-law",
        "said-to-an-agency",
        "a-named-speaker-makes-a-statement",
        "no-source-after-the-verb",
    ],
)
def test_not_an_attribution(text: str) -> None:
    assert parse_article(text).attributions == []
