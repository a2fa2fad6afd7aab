"""Linear time: a long article costs per character about what a short one does.

libnews runs over millions of articles, some of them whole newspaper dumps
glued into one string.  A quadratic pass (a loop over every actor for every
mention, a pattern that rescans the text from each match) costs nothing on a
3 KB article and hours on a 1 MB one, so it has to be caught here.

The bound is generous, to stay green on a noisy CI machine: the per-character
time at 400 KB must stay under `MAX_PER_CHAR_RATIO` times the one at 4 KB.  A
quadratic pass makes that ratio about 100 (the size ratio); linear code keeps
it near 1 (``benchmarks/run.py`` measures it precisely).  The sizes go up by
10× at a time, so a quadratic pass fails at 40 KB before the test gets slow.

The fixed cost is guarded too: ``import libnews`` loads no data and no stage.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import time

import pytest

from libnews import parse_article

MAX_PER_CHAR_RATIO = 8.0

# A made-up news paragraph with the things every stage looks for: dates of
# several forms, titled people, countries, an agreement with clauses, events,
# an attribution, quotes.  Repeated, it makes an article of any length.
_PIECES = (
    "وقع وزير الخارجية الليبي محمد سيالة ونظيره الإيطالي لويجي دي مايو، يوم الثلاثاء 15 ديسمبر 2020، ",
    "في روما مذكرة تفاهم للتعاون في مجالات التدريب ومكافحة الهجرة غير الشرعية وأمن الحدود.",
    "وقالت وكالة الأنباء الليبية إن الجانبين اتفقا على عقد اجتماع للجنة المشتركة في شهر يناير المقبل، ",
    "وذلك بعد زيارة رئيس المجلس الرئاسي فايز السراج إلى أنقرة في 24 نوفمبر الماضي.",
    "وتنص الاتفاقية على: تبادل الخبرات، وتدريب الكوادر، ونزع الألغام، ودعم «خفر السواحل» الليبي.",
    "وأعلنت الأمم المتحدة عن جولة جديدة من المحادثات في جنيف مطلع الشهر المقبل، ",
    "على أن تجرى الانتخابات في 24 ديسمبر 2021، الموافق 19 جمادى الأولى 1443 هـ.",
    "من جهته، أكد رئيس الوزراء التونسي خلال اتصال هاتفي مع الرئيس الجزائري أمس دعم وقف إطلاق النار.",
)
SYNTHETIC = "".join(piece + "\n" if piece.endswith(".") else piece for piece in _PIECES)


def _sized(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def _seconds(text: str, repeat: int) -> float:
    """Fastest of *repeat* parses, garbage collection out of the way."""
    best = float("inf")
    gc.collect()
    for _ in range(repeat):
        start = time.perf_counter()
        parse_article(text, published="2020-12-15")
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.slow
def test_per_character_time_does_not_grow_with_length() -> None:
    # The made-up text is denser in dates, titles and triggers than real news,
    # so a pass that is quadratic in their number shows here first.  The real
    # corpus at 1 MB is measured by benchmarks/run.py.
    unit = SYNTHETIC
    parse_article(_sized(unit, 4_000))  # warm-up: data loading and compiled patterns
    base = _seconds(_sized(unit, 4_000), repeat=7) / 4_000
    for chars in (40_000, 400_000):
        per_char = _seconds(_sized(unit, chars), repeat=1) / chars
        ratio = per_char / base
        assert ratio < MAX_PER_CHAR_RATIO, (
            f"{chars:,} chars: {1e9 * per_char:.0f} µs per 1,000 chars, "
            f"{ratio:.1f}× the {1e9 * base:.0f} µs at 4,000 chars: something is not linear"
        )


_LAZY = (
    "libnews.match.dates",
    "libnews.assemble.actors",
    "libnews.assemble.events",
    "hijridate",
    "tomllib",
)


def test_import_loads_no_data_and_no_stage() -> None:
    # `import libnews` must stay cheap (target: under 150 ms): the stages (dozens of compiled
    # patterns, the Hijri calendar) and the data tables load on the first parse.
    code = "import sys, libnews; print(' '.join(sorted(sys.modules)))"
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert not loaded & set(_LAZY), f"imported by `import libnews`: {sorted(loaded & set(_LAZY))}"
