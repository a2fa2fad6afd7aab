"""Titles as written: a title form and what completes it.

A title form from the data (``وزير دفاع``, ``الوزير``, ``المبعوث``) is grown
over the words that belong to it: a nationality adjective (``الإيطالي``), an
adjective of an organization (``الأممي``), modifiers (``الخاص``, ``السابق``),
the organization it belongs to (``وزير دفاع حكومة الوفاق الوطني``), a country
in construct (``سفير الصين``, ``وزير خارجية روسيا الاتحادية``), a place after a
diplomat's preposition (``سفير الصين في لبنان``, ``المبعوث … الى سورية``), and
a chained title after ``ل`` (``النائب الثاني لرئيس مجلس الوزراء``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from libnews.match.actors import EntityMention, Tokens
from libnews.match.lexicon import Lex, Lexicon, Listed
from libnews.match.phrases import PhraseHit

__all__ = ["TitleMention", "grow_titles", "is_honorific"]


# "For the affairs of", which brings a portfolio into a title (وزير الدولة لشؤون الدفاع), folded.
_AFFAIRS = frozenset({"لشؤون", "لشئون", "للشؤون", "للشئون"})
# Words that make the title after them a deputy's (نائب القائد الأعلى).
_DEPUTY = frozenset({"نائب", "نائبه"})


@dataclass(slots=True)
class TitleMention:
    """A title in the normalized text, grown to its full written extent."""

    start: int
    end: int
    role: str | None
    category: str | None
    country: str | None = None
    organization: EntityMention | None = None
    counterpart: bool = False
    complete: bool = True
    """The title says whose it is or is definite (``الوزير``, ``وزير الدفاع``): a name may follow
    it unmarked.  A lone indefinite noun (``صحفي``) is not."""
    specific: bool = False
    """The title names a country or body (``الوزير الإيطالي``), not just a role (``الرئيس``)."""


def _title_lex(hit: PhraseHit[Lex]) -> Lex | None:
    for kind in ("title", "counterpart"):
        for lex in hit.values:
            if lex.kind == kind and lex.category != "honorific":
                return lex
    return None


def is_honorific(hit: PhraseHit[Lex]) -> bool:
    """An honorific (``السيد``, ``معالي``, ``الأستاذ``): skipped before a name, never a title."""
    return _title_lex(hit) is None and any(
        v.kind == "honorific" or (v.kind == "title" and v.category == "honorific") for v in hit.values
    )


def _across(entities: list[EntityMention], starts: list[int], start: int, end: int) -> EntityMention | None:
    """The first entity starting inside ``start:end`` and running past *end*."""
    for k in range(bisect_left(starts, start), bisect_left(starts, end)):
        if end < entities[k].end:
            return entities[k]
    return None


def _inside(entities: list[EntityMention], starts: list[int], start: int, end: int) -> list[EntityMention]:
    """The entities lying inside ``start:end`` (*starts*: where each of *entities* starts)."""
    low = bisect_left(starts, start)
    out: list[EntityMention] = []
    while low < len(entities) and entities[low].start < end:
        if entities[low].end <= end:
            out.append(entities[low])
        low += 1
    return out


def grow_titles(
    hits: list[PhraseHit[Lex]],
    tokens: Tokens,
    entities_at: dict[int, EntityMention],
    lexicon: Lexicon,
) -> list[TitleMention]:
    """Grow every title hit over the words that complete it (see the module docstring)."""
    titles: list[TitleMention] = []
    hit_at = {h.start: h for h in hits}
    entities = sorted(entities_at.values(), key=lambda m: m.start)
    entity_starts = [m.start for m in entities]
    modifiers = {
        h.start: h.end
        for h in lexicon.title_modifiers.iter_all(
            tokens.text,
            words=tokens.spans,
            texts=tokens.texts,
            openers=tokens.listed(lexicon, Listed.TITLE_MODIFIERS),
        )
    }
    consumed_until = -1
    count = len(tokens.starts)
    for hit in hits:
        if hit.start < consumed_until:
            continue
        lex = _title_lex(hit)
        if lex is None:
            continue
        title = TitleMention(
            hit.start,
            hit.end,
            None if lex.kind == "counterpart" else lex.key,
            lex.category,
            counterpart=lex.kind == "counterpart",
        )
        # نائب القائد الأعلى …: a deputy of a title the data lists only whole.
        first = tokens.at_start(hit.start)
        if (
            first is not None
            and first > 0
            and tokens.joined(first - 1)
            and tokens.texts[first - 1] in _DEPUTY
            and title.role is not None
            and hit.text.startswith("ال")
        ):
            title.start = tokens.starts[first - 1]
            title.role = title.role.split(".")[0] + ".deputy"
        # What the form itself says: المستشارة الألمانية, رئيس المجلس الرئاسي.
        for part in _inside(entities, entity_starts, hit.start, hit.end):
            if part.kind == "nisba" or (part.kind == "country" and title.country is None):
                title.country = title.country or part.country
            elif part.kind in ("org", "org_adj") and lex.takes_organization:
                title.organization = part
                title.country = title.country or part.country
        # A body that starts inside the form and runs past it (رئيس المجلس الرئاسي الليبي).
        across = _across(entities, entity_starts, hit.start, hit.end)
        if across is not None and across.kind == "country" and not title.counterpart:
            title.country = title.country or across.country  # رئيس الجمهورية التونسية
            title.end = across.end
        elif across is not None and across.kind == "org" and lex.takes_organization:
            title.organization = across
            title.country = title.country or across.country
            title.end = across.end
        construct = not hit.text.startswith("ال")
        # ولي عهد, رئيس برلمان: the form ends in a noun in construct, so a place may complete it.
        open_construct = not hit.text.rsplit(" ", 1)[-1].startswith("ال")
        # المتحدث باسم …: whoever the spokesperson speaks for belongs to the title.
        speaks_for = hit.text.endswith(" باسم")
        last = tokens.at_end(title.end)
        k = None if last is None else last + 1
        while k is not None and k < count and tokens.joined(k - 1):
            tok_start, word = tokens.starts[k], tokens.texts[k]
            found = entities_at.get(tok_start)
            if found is None and word.startswith("ل") and lex.takes_organization:
                # الأمين العام للأمم المتحدة, القائد الأعلى للقوات المسلحة: the body after ل.
                body = entities_at.get(tok_start + 1)
                found = body if body is not None and body.kind == "org" else None
            if title.category == "spokesperson" and word == "باسم" and not speaks_for:
                speaks_for = True
                title.end = tokens.ends[k]
                k += 1
                continue
            if speaks_for and found is None:
                speaks_for = False
                chained = hit_at.get(tok_start)
                if chained is not None and _title_lex(chained) is not None:
                    title.end = consumed_until = chained.end
                elif word in lexicon.family or word in lexicon.given:
                    title.end = tokens.ends[k]  # المتحدث باسم غني: a person by name
                else:
                    break
                nxt = tokens.at_end(title.end)
                k = None if nxt is None else nxt + 1
                continue
            speaks_for = False
            if found is not None:
                if found.kind == "nisba":
                    title.country = title.country or found.country
                elif found.kind == "org_adj":
                    title.organization = title.organization or found
                elif found.kind == "org" and lex.takes_organization and not title.counterpart:
                    title.organization = found
                    title.country = title.country or found.country or found.place_country
                elif found.kind == "country" and construct and title.country is None:
                    title.country = found.country
                elif found.kind == "place" and open_construct and title.end == hit.end and found.country:
                    title.country = title.country or found.country
                else:
                    break
                title.end = found.end
                nxt = tokens.at_end(found.end)
                k = None if nxt is None else nxt + 1
                continue
            modifier_end = modifiers.get(tok_start)
            if modifier_end is not None:
                title.end = modifier_end
                nxt = tokens.at_end(modifier_end)
                k = None if nxt is None else nxt + 1
                continue
            if (
                word in _AFFAIRS
                and tokens.joined(k)
                and k + 1 < count
                and tokens.texts[k + 1].startswith("ال")
            ):
                # مفوض الاتحاد الأوروبي لشؤون التوسع: the portfolio after the body.
                title.end = tokens.ends[k + 1]
                k += 2
                continue
            chained = hit_at.get(tok_start + 1)
            if word.startswith("ل") and chained is not None and _title_lex(chained) is not None:
                title.end = chained.end
                consumed_until = chained.end
                nxt = tokens.at_end(chained.end)
                k = None if nxt is None else nxt + 1
                continue
            if (
                title.category == "diplomat"
                and word in lexicon.place_prepositions
                and tokens.joined(k)
                and k + 1 < count
            ):
                place = entities_at.get(tokens.starts[k + 1])
                if place is not None and place.kind in ("country", "place"):
                    title.end = place.end
                    nxt = tokens.at_end(place.end)
                    k = None if nxt is None else nxt + 1
                    continue
            break
        title.complete = title.end > hit.end or any(w.startswith("ال") for w in hit.text.split())
        title.specific = title.end > hit.end or title.country is not None or title.organization is not None
        titles.append(title)
    return titles
