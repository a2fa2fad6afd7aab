"""Titles: the written extent of a title, its role, country and organization."""

from __future__ import annotations

import pytest

from libnews import parse_article
from libnews.text.normalize import fold

# (sentence, person, title as written, role prefix, country of the person)
TITLE_CASES = [
    (
        "وصل وزير دفاع حكومة الوفاق الوطني صلاح الدين النمروش.",
        "صلاح الدين النمروش",
        "وزير دفاع حكومة الوفاق الوطني",
        "minister.defense",
        "LY",
    ),
    (
        "التقى رئيس وزراء حكومة الوفاق الوطني «فايز السراج» الوفد.",
        "فايز السراج",
        "رئيس وزراء حكومة الوفاق الوطني",
        "prime_minister",
        "LY",
    ),
    (
        "توجه الوزير الإيطالي «لورينسو غويريني» إلى طرابلس.",
        "لورينسو غويريني",
        "الوزير الإيطالي",
        "minister",
        "IT",
    ),
    (
        "كما جدد وزير الخارجية الروسي سيرغي لافروف موقف بلاده.",
        "سيرغي لافروف",
        "وزير الخارجية الروسي",
        "minister.foreign",
        "RU",
    ),
    (
        "دعت الصين إلى دعم كوفي أنان المبعوث الأممي الخاص الى سورية.",
        "كوفي أنان",
        "المبعوث الأممي الخاص الى سورية",
        "",
        None,
    ),
    ("جدد سفير الصين في لبنان وو جيشان موقف بلاده.", "وو جيشان", "سفير الصين في لبنان", "", "CN"),
    (
        "قال المتحدث باسم وزارة الخارجية ليو ويه خلال مؤتمر صحفي إن الحل سياسي.",
        "ليو ويه",
        "المتحدث باسم وزارة الخارجية",
        "",
        None,
    ),
    (
        "وقال وزير الخارجية الكويتي، صباح الخالد، إن الاتفاق مهم.",
        "صباح الخالد",
        "وزير الخارجية الكويتي",
        "minister.foreign",
        "KW",
    ),
    (
        "يعتزم الرئيس الفرنسي إيمانويل ماكرون والمستشارة الألمانية أنغيلا ميركل زيارة موسكو.",
        "أنغيلا ميركل",
        "المستشارة الألمانية",
        "",
        "DE",
    ),
    ("بحث مع نظيره الفلبيني بيتر كايتانو العلاقات.", "بيتر كايتانو", "نظيره الفلبيني", "", "PH"),
]


@pytest.mark.parametrize(
    ("text", "person", "title", "role", "country"), TITLE_CASES, ids=[c[2] for c in TITLE_CASES]
)
def test_title_forms(text: str, person: str, title: str, role: str, country: str | None) -> None:
    article = parse_article(text)
    actor = next(a for a in article.actors if fold(a.name) == fold(person))
    found = {fold(t.text): t for t in actor.titles}
    assert fold(title) in found, [t.text for t in actor.titles]
    got = found[fold(title)]
    assert (got.role or "").startswith(role)
    assert text[got.span.start : got.span.end] == got.text
    if country is not None:
        assert actor.country == country


def test_title_organization_is_the_actor_id() -> None:
    article = parse_article("وصل وزير دفاع حكومة الوفاق الوطني صلاح الدين النمروش إلى روما.")
    gna = next(a for a in article.actors if a.name == "حكومة الوفاق الوطني")
    person = next(a for a in article.actors if a.kind == "person")
    assert person.titles[0].organization == gna.id


# (text, bare title, who it refers to)
COREFERENCE_CASES = [
    (
        "وصل وزير الدفاع الليبي صلاح الدين النمروش إلى روما. وقال الوزير الليبي إن الزيارة ناجحة.",
        "الوزير الليبي",
        "صلاح الدين النمروش",
    ),
    (
        (
            "التقى الوزير الإيطالي «لورينسو غويريني» بالوزير الليبي «صلاح الدين النمروش». "
            "وأشاد الوزير الإيطالي بالتعاون."
        ),
        "الوزير الإيطالي",
        "لورينسو غويريني",
    ),
    (
        (
            "قال رئيس الوزراء الليبي عبد الحميد الدبيبة إن الانتخابات ستجري. "
            "وأضاف رئيس الوزراء أن الحكومة مستعدة."
        ),
        "رئيس الوزراء",
        "عبد الحميد الدبيبة",
    ),
]


@pytest.mark.parametrize(("text", "bare", "person"), COREFERENCE_CASES, ids=[c[1] for c in COREFERENCE_CASES])
def test_bare_titles_refer_to_their_holder(text: str, bare: str, person: str) -> None:
    article = parse_article(text)
    actor = next(a for a in article.actors if fold(a.name) == fold(person))
    last = text.rindex(bare)
    assert any(m.start == last and m.text == bare for m in actor.mentions), [m.text for m in actor.mentions]
