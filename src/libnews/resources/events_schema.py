"""Entry models of the events tables.

``events.toml`` holds the trigger lexicon (``[[event]]``) and the cues that
change what a trigger means (``[[event_cue]]``: negation, aims, date carried
by reference); ``agreements.toml`` the head nouns of agreements
(``[[agreement_head]]``) and the words around them (``[[agreement_word]]``);
``clauses.toml`` the provision openers and joiners (``[[clause_marker]]``);
``topics.toml`` the clause topics (``[[topic]]``).

Forms are written in ordinary Arabic spelling; the matchers fold them with
`libnews.text.normalize.fold` exactly as they fold the article text.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from libnews.resources.entry import Entry

__all__ = [
    "MODELS",
    "AgreementHeadEntry",
    "AgreementWordEntry",
    "ClauseMarkerEntry",
    "EventCueEntry",
    "EventKindEntry",
    "TopicEntry",
]


class EventKindEntry(Entry):
    """One event kind and the words that signal it (``[[event]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("kind", "cameo", "needs")
    kind: str = Field(pattern=r"^[a-z_]+$")
    """Event kind (``sign``, ``visit``, ``meet`` …)."""
    cameo: str | None = None
    """CAMEO code of the kind (``057``)."""
    verbs: list[str] = Field(default_factory=list)
    """Verb forms in their conjugations (``وقع``, ``وقعت``, ``يوقع``, ``سيوقع``, ``وقعا``).

    A leading ``و`` or ``ف`` is allowed by the matcher; list everything else.
    """
    nouns: list[str] = Field(default_factory=list)
    """Verbal nouns and nouns without ``ال`` (``توقيع``, ``زيارة``).

    The matcher allows ``و``/``ف``, ``ب``/``ل``/``ك`` and ``ال`` before them and
    a possessive suffix (``ه``, ``ها``, ``هم``, ``هما``) after them.
    """
    participles: list[str] = Field(default_factory=list)
    """Participles that describe a thing by the event (``الموقعة``, ``المنعقد``): they report it."""
    pronoun_verbs: list[str] = Field(default_factory=list)
    """Verb forms with an object pronoun (``وقعته``, ``أبرمها``): their object was named just before
    (``الاتفاق الذي وقعته تونس وألمانيا``)."""
    series: list[str] = Field(default_factory=list)
    """Nouns naming a series of events (``زيارات``, ``لقاءات``): an event only with a date of its own.

    They take the same clitics and suffixes as `nouns`."""
    needs: Literal[
        "agreement", "partner", "destination", "declared", "held", "settlement", "phone", "none"
    ] = "none"
    """What must be near for a trigger to count: an agreement mention in the sentence
    (``وقع`` also means "happened"), a partner (``مع``) later in the sentence, a destination
    (``إلى`` + a place), a declaring word just before (``أعلن هدنة``), or a word of holding or a date
    (``إجراء الانتخابات``, ``الانتخابات المقررة في …``), or ``إلى`` + a settlement word
    (``توصل الطرفان إلى تسوية``), or ``هاتفيا`` later in the clause (``اتصل الرئيس … هاتفيا``)."""
    exclude_after: list[str] = Field(default_factory=list)
    """Words that, right after the trigger, show another sense (``مؤتمر صحفي`` is still a conference;
    ``عقد`` + ``من الزمن`` is a decade)."""


class EventCueEntry(Entry):
    """Words that change what a nearby trigger means (``[[event_cue]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("role", "group")
    role: Literal[
        "negation",
        "aim",
        "carry_date",
        "schedule",
        "origin",
        "just_now",
        "declare",
        "not_place",
        "hold",
        "settlement",
        "report",
        "witness",
        "new_topic",
    ]
    """``negation``: sets `Event.negated` (``لم``); ``aim``: the following trigger is only hoped for
    (``بهدف``); ``carry_date``: the event takes the date of the one referred to (``في تلك المناسبة``);
    ``schedule``: the following date is planned (``المقرر``); ``origin``: an agreement issued by a
    following event (``الصادر عن``); ``just_now``: happened on the publication day (``قبل قليل``);
    ``declare``: a ``declared`` trigger right after it is an event (``أعلن``); ``not_place``:
    after ``إلى`` it is no destination (``وصل إلى اتفاق``); ``hold``: a ``held`` trigger right
    after it is an event (``إجراء``);
    ``settlement``: what a ``settlement`` trigger must reach (``اتفاق``, ``تسوية``); ``report``: a
    report of what the sentence told before (``تم الإعلان عنه``), whose date is its own; ``witness``:
    the persons it reaches attend a signing without signing it (``بحضور``); ``new_topic``: the story
    moves on (``في سياق آخر``): provisions after it are not carried to the agreement before."""
    forms: list[str] = Field(min_length=1)
    """Written forms."""
    window: int = Field(default=3, ge=0, le=12)
    """How many words after the cue it reaches (0: the rest of its sentence)."""
    group: str = Field(default="main", pattern=r"^[a-z_]+$")
    """Name of the group, for cues of one role with different windows."""


class AgreementHeadEntry(Entry):
    """Head nouns of one kind of agreement (``[[agreement_head]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("kind", "strength")
    kind: Literal["agreement", "memorandum", "treaty", "protocol", "ceasefire", "contract", "declaration"]
    """Agreement kind the nouns name."""
    forms: list[str] = Field(default_factory=list)
    """Singular forms without ``ال`` (``اتفاقية``, ``مذكرة تفاهم``, ``اتفاق وقف إطلاق النار``)."""
    plural: list[str] = Field(default_factory=list)
    """Plural forms (``اتفاقيات``): several agreements, signed but not one of them named."""
    strength: Literal["strong", "weak"] = "strong"
    """``weak`` nouns have everyday senses too (``إعلان`` "announcement", ``عقد`` "decade"): they name
    an agreement only with a quoted title, a proper complement, or as what is signed."""


class AgreementWordEntry(Entry):
    """Words around agreement mentions (``[[agreement_word]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("role",)
    role: Literal[
        "name_intro", "name_stop", "name_field", "attached", "generic", "party_pair", "masdar_prep", "praise"
    ]
    """``name_intro``: introduces a quoted title (``الذي يعرف ب``); ``name_stop``: ends a name
    (prepositions, relative pronouns, participles); ``name_field``: a preposition with the noun that
    continues a name past it (``في مجال``, ``في مشروع``); ``attached``: participles that attach a date or
    place to the agreement (``الموقعة``); ``generic``: phrases where the head noun is not an agreement
    (``بالاتفاق مع``); ``party_pair``: words for "the two sides" (``البلدين``, ``الطرفين``);
    ``masdar_prep``: a preposition after ``اتفاق`` that makes it the act of agreeing (``على``);
    ``praise``: words that describe an agreement without telling it apart (``التاريخي``, ``طموحا``):
    a name made of them only refers back like an unnamed mention."""
    forms: list[str] = Field(min_length=1)
    """Written forms."""


class ClauseMarkerEntry(Entry):
    """Words that open, join or detail provisions (``[[clause_marker]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("role", "name")
    role: Literal["opener", "joiner", "trim", "sub_item", "bullet", "stop", "keep", "scope", "verbal_noun"]
    """``opener``: verbs after which provisions follow (``نصت … على``); ``joiner``: words that join
    items: the text is cut before them and they are trimmed (``وكذلك``, ``وفي``); ``trim``: words
    trimmed from the start of an item without cutting (``على أن``); ``keep``: words that start with
    ``و`` as part of the word (``وقف``, ``وزير``): their ``و`` is not a conjunction; ``sub_item``:
    details of the previous item
    (``من خلال``); ``bullet``: list markers at a line start (``1-``, ``أولا``, ``•``);
    ``stop``: words that end a provision list (``التي``); ``scope``: words that, opening the first
    item, show the verb tells what the agreement covers, not what it provides (``تشمل كل دول
    القارة``): no provisions are taken from that list; ``verbal_noun``: verbal nouns of the
    simple verb (``حث``, ``نقل``) that start a new item after a bare ``و`` once the item has
    two words (the derived forms, ``تنظيم``, ``إلغاء``, are known by their shape)."""
    name: str = Field(pattern=r"^[a-z_]+$")
    """Stable name of the marker group."""
    forms: list[str] = Field(min_length=1)
    """Written forms (for ``bullet``: regular expressions)."""
    then: list[str] = Field(default_factory=list)
    """For openers: the word(s) that must follow within `gap` words (``على``, ``في``); empty: none."""
    gap: int = Field(default=0, ge=0, le=10)
    """For openers: how many words may stand between the verb and `then` (the agreement, ``أيضا``)."""
    needs: Literal["mention", "signed", "none"] = "none"
    """For openers: ``mention``: an agreement mention next to the verb; ``signed``: an agreement signed
    earlier in the article (``اتفق الجانبان على`` after a signing)."""


class TopicEntry(Entry):
    """A clause topic and its keywords (``[[topic]]``)."""

    key_fields: ClassVar[tuple[str, ...]] = ("topic",)
    topic: str = Field(pattern=r"^[a-z_]+$")
    """Topic key (``training``, ``migration``)."""
    keywords: list[str] = Field(min_length=1)
    """Words or phrases, without ``ال``; a clause holding one (with clitics and ``ال``) has the topic."""
    description: str = ""
    """What the topic covers (for the docs)."""


MODELS: dict[str, type[Entry]] = {
    "event": EventKindEntry,
    "event_cue": EventCueEntry,
    "agreement_head": AgreementHeadEntry,
    "agreement_word": AgreementWordEntry,
    "clause_marker": ClauseMarkerEntry,
    "topic": TopicEntry,
}
