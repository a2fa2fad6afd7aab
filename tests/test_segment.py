"""Sentence splitting and word tokenization."""

from __future__ import annotations

import pytest

from libnews.text.normalize import normalize
from libnews.text.segment import split_sentences, words

# (text, expected sentences)
SENTENCES = [
    ("ذهب. ثم عاد", ["ذهب.", "ثم عاد"]),
    ("هل ذهب؟ نعم!", ["هل ذهب?", "نعم!"]),
    ("السطر الأول\nالسطر الثاني", ["السطر الاول", "السطر الثاني"]),
    ("بلغ 5.5 مليون دولار.", ["بلغ 5.5 مليون دولار."]),
    ("اللجنة العسكرية 5 + 5 اجتمعت.", ["اللجنه العسكريه 5 + 5 اجتمعت."]),
    ("قال د. محمد إنه وصل.", ["قال د. محمد انه وصل."]),
    ("وصل في 2020. وقال إنه", ["وصل في 2020.", "وقال انه"]),
    ("وقّع، ثم غادر", ["وقع, ثم غادر"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[s[0] or "empty" for s in SENTENCES])
def test_sentences(text: str, expected: list[str]) -> None:
    aligned = normalize(text)
    segments = split_sentences(aligned)
    assert [s.text for s in segments] == expected
    for segment in segments:
        assert aligned.text[segment.start : segment.end] == segment.text


def test_many_sentences_are_all_split() -> None:
    # pyarabic's sentence_tokenize stops after 32 splits; ours must not
    text = " ".join(f"جملة رقم {i}." for i in range(100))
    assert len(split_sentences(normalize(text))) == 100


def test_words() -> None:
    assert [w.text for w in words("وقع الوزير 3 اتفاقيات بقيمة 1,5 مليار")] == [
        "وقع",
        "الوزير",
        "3",
        "اتفاقيات",
        "بقيمة",
        "1,5",
        "مليار",
    ]
