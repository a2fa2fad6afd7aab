"""The clause splitter, table-driven from ``tests/cases/clauses.toml``."""

from __future__ import annotations

from typing import Any

import pytest

from event_support import assemble, load_cases
from libnews.match.clauses import clause_topics, find_openers, split_provisions
from libnews.resources import default_resources
from libnews.text.normalize import fold

CASES = load_cases("clauses.toml")


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_split(case: dict[str, Any]) -> None:
    text = fold(case["text"])
    pieces = split_provisions(text, 0, len(text), default_resources())
    assert [text[p.start : p.end] for p in pieces] == case["items"]
    if "parents" in case:
        assert [-1 if p.parent is None else p.parent for p in pieces] == case["parents"]


# (text, opener name, the provisions start with)
OPENERS = [
    ("نصت الاتفاقية الموقعة في 4 ديسمبر على المشاركة", "provide", "المشاركه"),
    ("اتفقت روما وطرابلس على تشكيل لجنة", "agree", "تشكيل"),
    ("سيتعاون الجانبان في مكافحة الهجرة", "cooperate", "مكافحه"),
    ("وتنص أيضا على أن أرباب العمل ملزمون", "provide", "ارباب"),
    ("الاتفاق الجديد يتضمن تحسينات", "include", " تحسينات"),
    ("نسخة من الاتفاقية تشير إلى أنه يسمح للعمال", "point", "يسمح"),
    # A verb without و deep in the provisions describes the noun before it, and opens nothing.
    ("وينص الإعلان على إنشاء شراكة للعلاقات القائمة بين البلدين تشمل المجالات السياسية", "provide", "انشاء"),
    ("وتهدف المذكرة إلى تطوير التعاون", "aim", "تطوير"),
    ("وتهدف الاتفاقية الجديدة إلى توسيع التجارة", "aim", "توسيع"),
    ("وتتيح الاتفاقية للشركات الاستثمار", "enable", " الاتفاقيه"),
    ("وبموجب الاتفاق ستفتح المعابر", "under", " الاتفاق"),
    ("ومن أبرز بنود الاتفاق إنشاء صندوق", "highlights", " الاتفاق"),
    ("وتنص بنود الاتفاق على تبادل الأسرى", "provide", "تبادل"),
    ("ويشمل التعاون مجالات الطاقة", "cooperation_covers", "مجالات"),
    # The ب of بموجب is not the one that opens the commitments.
    ("ويلتزم الطرفان بموجبه بحماية الاستثمارات", "under", "بحمايه"),
    ("وحدد الاتفاق إجراء الانتخابات في موعدها", "set", " الاتفاق"),
    ("كما يعزز الإعلان الحوار بين البلدين", "set", " الاعلان"),
    ("وجاء في البيان الختامي أن الطرفين", "states", " البيان"),
]

# Verbs that name an agreement's content without quoting it: no provisions follow.
NOT_OPENERS = [
    "تجسيدا لما جاء في الإعلان الختامي",
    "وفقا لما نصت عليه الاتفاقية",
    "بما يتضمنه الاتفاق من بنود",
]


@pytest.mark.parametrize("text", NOT_OPENERS)
def test_what_an_agreement_says_referred_to_opens_nothing(text: str) -> None:
    assert find_openers(fold(text), default_resources()) == []


@pytest.mark.parametrize(("text", "name", "start"), OPENERS, ids=[o[1] + ": " + o[0] for o in OPENERS])
def test_openers(text: str, name: str, start: str) -> None:
    folded = fold(text)
    openers = find_openers(folded, default_resources())
    assert [o.name for o in openers] == [name]
    assert folded[openers[0].start :].lstrip().startswith(start.strip())


# (clause, expected topics)
TOPICS = [
    ("مكافحة الهجرة غير الشرعية", ["migration"]),
    ("ضمان أمن الحدود البرية والبحرية", ["border_security"]),
    ("عمليات التخلص من الذخائر والألغام", ["demining"]),
    ("أنشطة التعاون في مجال الطب العسكري", ["military_medicine"]),
    ("تبادل الخبرات", ["expertise_exchange"]),
]


@pytest.mark.parametrize(("clause", "topics"), TOPICS, ids=[t[0] for t in TOPICS])
def test_topics(clause: str, topics: list[str]) -> None:
    assert clause_topics(fold(clause), default_resources()) == topics


def test_bulleted_provisions() -> None:
    text = (
        "ووقع الوزيران اتفاقية التعاون الفني. ونصت الاتفاقية على ما يلي:\n"
        "1- التعاون في مجال الطاقة\n2- تبادل الخبرات"
    )
    agreements, _ = assemble(text, [], [])
    assert [c.text for c in agreements[0].clauses] == ["التعاون في مجال الطاقة", "تبادل الخبرات"]
