"""The shipped gazetteer tables (countries, places, organizations, titles, names) and how users extend them.

Checks are table-driven: a new spot check is one row in a table below; an
accepted ambiguity goes into one of the ``*_EXCEPTIONS`` tables with the
reason, so every exception is visible here.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources as importlib_resources
from pathlib import Path

import pytest
import regex

from libnews import gazetteer, parse_article
from libnews.errors import ResourceError
from libnews.match.lexicon import nisba_forms
from libnews.resources import Resources, default_resources, load_resources
from libnews.resources.actors_schema import KnownPersonEntry
from libnews.resources.gazetteer_schema import (
    CountryEntry,
    NameListEntry,
    OrganizationEntry,
    PlaceEntry,
    TitleEntry,
)
from libnews.text.normalize import fold

GAZETTEER_FILES = {
    "countries.toml": ("country", ("code",)),
    "places.toml": ("place", ("name", "country")),
    "organizations.toml": ("organization", ("id",)),
    "titles.toml": ("title", ("role",)),
    "names.toml": ("names", ("kind",)),
}

# ISO 3166-1 alpha-2 codes officially assigned (249, Debian iso-codes 4.x),
# plus XK, the user-assigned code for Kosovo in general use.
_ISO_ALPHA2_TEXT = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV
    BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES
    ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE
    IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY
    MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU
    NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM
    SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE
    VG VI VN VU WF WS YE YT ZA ZM ZW
    XK
"""
ISO_ALPHA2 = frozenset(_ISO_ALPHA2_TEXT.split())

# The 193 member states of the United Nations.
_UN_MEMBERS_TEXT = """
    AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD
    CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD
    GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW
    MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG KP MK NO OM PK PW PA PG PY PE
    PH PL PT QA KR RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ
    TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW
"""
UN_MEMBERS = frozenset(_UN_MEMBERS_TEXT.split())

TERRITORIES = ("PS", "EH", "XK", "TW", "HK", "VA")

# Folded surface forms that name two different things, accepted on purpose.
# (form, what it collides with, why)
PLACE_COUNTRY_EXCEPTIONS = {
    fold("عمان"): "Amman (JO capital) and Oman are spelt alike without tashkeel; context decides",
}
ORGANIZATION_EXCEPTIONS: dict[str, str] = {}
TITLE_EXCEPTIONS: dict[str, str] = {}


def _data_text(name: str) -> str:
    return importlib_resources.files("libnews.data").joinpath(name).read_text("utf-8")


@pytest.fixture(scope="module")
def res() -> Resources:
    return default_resources()


def countries(res: Resources) -> tuple[CountryEntry, ...]:
    return res.entries("country", CountryEntry)


def places(res: Resources) -> tuple[PlaceEntry, ...]:
    return res.entries("place", PlaceEntry)


def organizations(res: Resources) -> tuple[OrganizationEntry, ...]:
    return res.entries("organization", OrganizationEntry)


def titles(res: Resources) -> tuple[TitleEntry, ...]:
    return res.entries("title", TitleEntry)


def name_lists(res: Resources) -> dict[str, NameListEntry]:
    return {entry.kind: entry for entry in res.entries("names", NameListEntry)}


def country_forms(entry: CountryEntry) -> Iterable[str]:
    yield from (fold(form) for form in (entry.name, *entry.forms, *entry.adjectives))
    for stem in entry.nisba:
        yield from nisba_forms(stem)


def collisions(pairs: Iterable[tuple[str, str | None]]) -> dict[str, set[str | None]]:
    seen: dict[str, set[str | None]] = defaultdict(set)
    for form, owner in pairs:
        seen[form].add(owner)
    return {form: owners for form, owners in seen.items() if len(owners) > 1}


# ---------------------------------------------------------------------------- files


@pytest.mark.parametrize("name", sorted(GAZETTEER_FILES))
def test_file_loads_alone(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(_data_text(name), "utf-8")
    table, _ = GAZETTEER_FILES[name]
    alone = load_resources([path], shipped=False)
    assert alone.tables == (table,)
    assert len(alone.entries(table)) > 0


@pytest.mark.parametrize("name", sorted(GAZETTEER_FILES))
def test_file_has_header_naming_sources(name: str) -> None:
    lines = _data_text(name).splitlines()
    header = "\n".join(lines[: next(i for i, line in enumerate(lines) if not line.startswith("#"))])
    assert header.startswith("# ")
    assert "Sources" in header
    assert "extra" in header or "extend" in header


@pytest.mark.parametrize("name", sorted(GAZETTEER_FILES))
def test_no_duplicate_keys(name: str) -> None:
    table, key_fields = GAZETTEER_FILES[name]
    rows = tomllib.loads(_data_text(name))[table]
    keys = [tuple(row.get(field) for field in key_fields) for row in rows]
    duplicates = {key for key in keys if keys.count(key) > 1}
    assert not duplicates


@pytest.mark.parametrize("name", sorted(GAZETTEER_FILES))
def test_no_form_repeated_within_an_entry(name: str) -> None:
    table, _ = GAZETTEER_FILES[name]
    repeated = []
    for row in tomllib.loads(_data_text(name))[table]:
        for field in ("forms", "words", "nisba", "adjectives"):
            values = [fold(value) for value in row.get(field, [])]
            repeated += [value for value in set(values) if values.count(value) > 1]
    assert not repeated


# ---------------------------------------------------------------------------- countries


def test_every_code_is_iso_3166_alpha2(res: Resources) -> None:
    assert {entry.code for entry in countries(res)} <= ISO_ALPHA2


def test_reference_tables_are_complete() -> None:
    assert (len(ISO_ALPHA2), len(UN_MEMBERS)) == (250, 193)
    assert UN_MEMBERS <= ISO_ALPHA2


def test_every_un_member_is_listed(res: Resources) -> None:
    assert UN_MEMBERS - {entry.code for entry in countries(res)} == set()


@pytest.mark.parametrize("code", TERRITORIES)
def test_commonly_named_territory_is_listed(res: Resources, code: str) -> None:
    assert code in {entry.code for entry in countries(res)}


def test_nisba_stems_end_in_yeh(res: Resources) -> None:
    bad = [(entry.code, stem) for entry in countries(res) for stem in entry.nisba if not stem.endswith("ي")]
    assert not bad


def test_nisba_stems_have_no_article(res: Resources) -> None:
    bad = [(entry.code, stem) for entry in countries(res) for stem in entry.nisba if stem.startswith("ال")]
    assert not bad


def test_no_surface_form_names_two_countries(res: Resources) -> None:
    pairs = [(form, entry.code) for entry in countries(res) for form in country_forms(entry)]
    assert collisions(pairs) == {}


def test_every_capital_is_a_place_of_its_country(res: Resources) -> None:
    known = {(entry.name, entry.country) for entry in places(res) if entry.type == "capital"}
    missing = [(c.code, c.capital) for c in countries(res) if c.capital and (c.capital, c.code) not in known]
    assert not missing


# ---------------------------------------------------------------------------- places


def test_every_place_country_exists(res: Resources) -> None:
    codes = {entry.code for entry in countries(res)}
    assert {entry.country for entry in places(res) if entry.country} - codes == set()


def test_no_surface_form_names_two_places_in_different_countries(res: Resources) -> None:
    pairs = [(fold(form), e.country) for e in places(res) for form in (e.name, *e.forms)]
    assert collisions(pairs) == {}


def test_place_names_differ_from_country_names(res: Resources) -> None:
    country_of = {form: entry.code for entry in countries(res) for form in country_forms(entry)}
    clashes = {
        fold(form)
        for entry in places(res)
        for form in (entry.name, *entry.forms)
        if fold(form) in country_of and country_of[fold(form)] != entry.country
    }
    assert clashes == set(PLACE_COUNTRY_EXCEPTIONS)


def test_regions_and_seas_without_country_exist(res: Resources) -> None:
    assert sum(1 for entry in places(res) if entry.country is None and entry.type in {"region", "sea"}) >= 30


# ---------------------------------------------------------------------------- organizations


def test_every_organization_country_exists(res: Resources) -> None:
    codes = {entry.code for entry in countries(res)}
    assert {entry.country for entry in organizations(res) if entry.country} - codes == set()


def test_no_surface_form_names_two_organizations(res: Resources) -> None:
    pairs = [(fold(f), e.id) for e in organizations(res) for f in (e.name, *e.forms, *e.adjectives)]
    pairs += [(acronym, e.id) for e in organizations(res) for acronym in e.acronyms]
    assert set(collisions(pairs)) == set(ORGANIZATION_EXCEPTIONS)


def test_organization_forms_are_not_country_or_place_forms(res: Resources) -> None:
    taken = {form for entry in countries(res) for form in country_forms(entry)}
    taken |= {fold(form) for entry in places(res) for form in (entry.name, *entry.forms)}
    clashes = {fold(f) for e in organizations(res) for f in (e.name, *e.forms, *e.adjectives)} & taken
    assert clashes == set()


def test_acronyms_are_latin(res: Resources) -> None:
    bad = [a for entry in organizations(res) for a in entry.acronyms if not (a.isascii() and a[:1].isalpha())]
    assert not bad


# ---------------------------------------------------------------------------- titles


def test_no_title_form_has_two_roles(res: Resources) -> None:
    pairs = [(fold(form), entry.role) for entry in titles(res) for form in entry.forms]
    assert set(collisions(pairs)) == set(TITLE_EXCEPTIONS)


def test_honorifics_take_no_organization(res: Resources) -> None:
    bad = [t.role for t in titles(res) if t.category == "honorific" and t.takes_organization]
    assert not bad


@pytest.mark.parametrize(
    "portfolio",
    [
        "defense", "foreign_affairs", "interior", "finance", "economy", "oil", "energy", "health",
        "education", "higher_education", "justice", "labour", "trade", "transport", "tourism", "culture",
        "information", "agriculture", "water", "electricity", "communications", "housing",
        "social_affairs", "youth_sports", "religious_affairs", "planning", "industry", "environment",
    ],
)  # fmt: skip
def test_every_portfolio_has_masculine_and_feminine_forms(res: Resources, portfolio: str) -> None:
    (entry,) = [t for t in titles(res) if t.role == f"minister.{portfolio}"]
    assert any(form.startswith("وزير ") for form in entry.forms)
    assert any(form.startswith("وزيرة ") for form in entry.forms)


# ---------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("kind", "at_least"),
    [
        ("given", 300),
        ("given_foreign", 80),
        ("particle", 9),
        ("honorific", 10),
        ("stop", 100),
        ("family", 50),
    ],
)
def test_name_list_size(res: Resources, kind: str, at_least: int) -> None:
    assert len(name_lists(res)[kind].words) >= at_least


def test_given_names_are_not_stop_words(res: Resources) -> None:
    lists = name_lists(res)
    given = {fold(word) for word in lists["given"].words + lists["given_foreign"].words}
    assert given & {fold(word) for word in lists["stop"].words} == set()


def test_given_names_are_not_country_or_title_forms(res: Resources) -> None:
    lists = name_lists(res)
    given = {fold(word) for word in lists["given"].words + lists["given_foreign"].words}
    taken = {form for entry in countries(res) for form in country_forms(entry)}
    taken |= {fold(form) for entry in titles(res) for form in entry.forms}
    assert given & taken == set()


# ---------------------------------------------------------------------------- spot checks


def _country_of(res: Resources, surface: str) -> set[str]:
    return {entry.code for entry in countries(res) if fold(surface) in set(country_forms(entry))}


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("إيطاليا", "IT"),
        ("الإيطالية", "IT"),
        ("الإيطاليين", "IT"),
        ("الإيطاليون", "IT"),
        ("ليبيا", "LY"),
        ("الليبي", "LY"),
        ("الأمريكي", "US"),
        ("الأميركي", "US"),
        ("أمريكا", "US"),
        ("أميركا", "US"),
        ("الولايات المتحدة الأمريكية", "US"),
        ("الأمريكان", "US"),
        ("الإمارات العربية المتحدة", "AE"),
        ("دولة الإمارات", "AE"),
        ("المملكة العربية السعودية", "SA"),
        ("السعودي", "SA"),
        ("جمهورية مصر العربية", "EG"),
        ("سورية", "SY"),
        ("سوريا", "SY"),
        ("الأتراك", "TR"),
        ("التركي", "TR"),
        ("الروس", "RU"),
        ("روسيا الاتحادية", "RU"),
        ("المملكة المتحدة", "GB"),
        ("فلسطين", "PS"),
        ("الفلسطينيين", "PS"),
        ("كوسوفو", "XK"),
        ("الفلبين", "PH"),
        ("الكويتي", "KW"),
        ("التونسية", "TN"),
    ],
)
def test_country_surface(res: Resources, surface: str, code: str) -> None:
    assert _country_of(res, surface) == {code}


@pytest.mark.parametrize("surface", ["واشنطن", "العرب", "العربية", "المالية", "مالية", "المملكة"])
def test_not_a_country_surface(res: Resources, surface: str) -> None:
    assert _country_of(res, surface) == set()


@pytest.mark.parametrize("surface", ["ليبية", "تركية", "إيطالية"])
def test_feminine_adjective_is_not_a_country_name(res: Resources, surface: str) -> None:
    names = {fold(form) for entry in countries(res) for form in (entry.name, *entry.forms)}
    assert fold(surface) not in names


@pytest.mark.parametrize(
    ("surface", "country", "kind"),
    [
        ("روما", "IT", "capital"),
        ("طرابلس", "LY", "capital"),
        ("جنيف", "CH", "city"),
        ("برلين", "DE", "capital"),
        ("طبرق", "LY", "city"),
        ("بنغازي", "LY", "city"),
        ("مصراتة", "LY", "city"),
        ("غزة", "PS", "city"),
        ("رام الله", "PS", "city"),
        ("واشنطن", "US", "capital"),
        ("شرم الشيخ", "EG", "city"),
        ("إسطنبول", "TR", "city"),
        ("اسطنبول", "TR", "city"),
        ("شمال إفريقيا", None, "region"),
        ("شمال أفريقيا", None, "region"),
        ("الشرق الأوسط", None, "region"),
        ("الساحل", None, "region"),
        ("دول الخليج", None, "region"),
        ("البحر المتوسط", None, "sea"),
    ],
)
def test_place_surface(res: Resources, surface: str, country: str | None, kind: str) -> None:
    found = {
        (e.country, e.type) for e in places(res) if fold(surface) in {fold(f) for f in (e.name, *e.forms)}
    }
    assert found == {(country, kind)}


@pytest.mark.parametrize(
    ("surface", "org_id", "country"),
    [
        ("الأمم المتحدة", "un", None),
        ("الأممية", "un", None),
        ("مجلس الأمن الدولي", "un.security_council", None),
        ("الاتحاد الإفريقي", "au", None),
        ("الاتحاد الأفريقي", "au", None),
        ("حلف الناتو", "nato", None),
        ("NOC", "ly.noc", "LY"),
        ("شركة النفط الوطنية", "ly.noc", "LY"),
        ("UNSMIL", "un.unsmil", "LY"),
        ("أنسا", "agency.ansa", "IT"),
        ("فرانس برس", "agency.afp", "FR"),
        ("أ ف ب", "agency.afp", "FR"),
        ("واس", "agency.spa", "SA"),
        ("ومع", "agency.map", "MA"),
        ("وكالة أنباء الشرق الأوسط", "agency.mena", "EG"),
        ("حكومة الوفاق الوطني", "ly.gna", "LY"),
        ("الجيش الوطني الليبي", "ly.lna", "LY"),
        ("أنصار الله", "ye.houthis", "YE"),
        ("البنتاغون", "us.pentagon", "US"),
        ("الكرملين", "ru.kremlin", "RU"),
        ("فرانس 24", "media.france24", "FR"),
    ],
)
def test_organization_surface(res: Resources, surface: str, org_id: str, country: str | None) -> None:
    found = {
        (e.id, e.country)
        for e in organizations(res)
        if fold(surface) in {fold(f) for f in (e.name, *e.forms, *e.adjectives)} or surface in e.acronyms
    }
    assert found == {(org_id, country)}


@pytest.mark.parametrize(
    ("surface", "role"),
    [
        ("وزير دفاع", "minister.defense"),
        ("وزير الدفاع", "minister.defense"),
        ("وزيرة الدفاع", "minister.defense"),
        ("وزيرة الخارجية", "minister.foreign_affairs"),
        ("وزير الخارجية والمغتربين", "minister.foreign_affairs"),
        ("وزير الشؤون الخارجية", "minister.foreign_affairs"),
        ("وزير خارجية", "minister.foreign_affairs"),
        ("وزير الدولة لشؤون", "minister.state"),
        ("الوزير", "minister"),
        ("رئيس الوزراء", "prime_minister"),
        ("رئيس وزراء", "prime_minister"),
        ("رئيس الحكومة", "prime_minister"),
        ("رئيس مجلس الوزراء", "prime_minister"),
        ("النائب الثاني لرئيس مجلس الوزراء", "prime_minister.deputy"),
        ("رئيس المجلس الرئاسي", "presidential_council.head"),
        ("ولي العهد", "crown_prince"),
        ("ولي ولي العهد", "crown_prince"),
        ("خادم الحرمين الشريفين", "head_of_state.king"),
        ("المشير", "rank.field_marshal"),
        ("الفريق أول", "rank.general"),
        ("العقيد", "rank.colonel"),
        ("رئيس الأركان", "military.chief_of_staff"),
        ("السفير", "diplomat.ambassador"),
        ("المبعوث الأممي", "diplomat.envoy"),
        ("الممثل الخاص للأمين العام", "diplomat.special_representative"),
        ("القائم بالأعمال", "diplomat.charge_d_affaires"),
        ("رئيس مجلس النواب", "parliament.speaker"),
        ("المتحدث باسم", "spokesperson"),
        ("الناطقة الرسمية", "spokesperson"),
        ("الأمين العام", "secretary_general"),
        ("عميد بلدية", "mayor"),
        ("شيخ الأزهر", "religious.grand_imam"),
        ("المستشارة", "chancellor"),
        ("السيد", "honorific.mr"),
        ("الدكتورة", "honorific.doctor"),
        ("فخامة", "honorific.excellency"),
    ],
)
def test_title_surface(res: Resources, surface: str, role: str) -> None:
    assert {t.role for t in titles(res) if fold(surface) in {fold(f) for f in t.forms}} == {role}


@pytest.mark.parametrize(
    ("kind", "word"),
    [
        ("given", "فايز"),
        ("given", "صلاح"),
        ("given", "سامح"),
        ("given", "عقيلة"),
        ("given", "خليفة"),
        ("given_foreign", "لورينسو"),
        ("given_foreign", "إيمانويل"),
        ("given_foreign", "فلاديمير"),
        ("particle", "عبد"),
        ("particle", "آل"),
        ("honorific", "الشيخ"),
        ("stop", "قال"),
    ],
)
def test_name_list_holds(res: Resources, kind: str, word: str) -> None:
    assert fold(word) in {fold(w) for w in name_lists(res)[kind].words}


# ---------------------------------------------------------------------------- extension API


def _title_forms(res: Resources, role: str) -> list[str]:
    return [form for entry in titles(res) if entry.role == role for form in entry.forms]


def test_extra_toml_file_adds_title_alias_and_organization(res: Resources, tmp_path: Path) -> None:
    extra = tmp_path / "my.toml"
    extra.write_text(
        """
[[title]]
role = "minister.space"
category = "minister"
forms = ["وزير الفضاء", "وزيرة الفضاء"]

[[title]]
role = "minister.defense"
forms = ["وزير الحربية"]

[[country]]
code = "LY"
name = "ليبيا"
forms = ["الجماهيرية"]

[[organization]]
id = "ly.hcs"
name = "المجلس الأعلى للدولة الليبي"
acronyms = ["HCS"]
country = "LY"
type = "government"
""",
        "utf-8",
    )
    extended = load_resources(extra=[extra])
    assert _title_forms(extended, "minister.space") == ["وزير الفضاء", "وزيرة الفضاء"]
    defense = _title_forms(extended, "minister.defense")
    assert "وزير الحربية" in defense
    assert "وزير دفاع" in defense
    (libya,) = [c for c in countries(extended) if c.code == "LY"]
    assert "الجماهيرية" in libya.forms
    assert (libya.nisba, libya.capital) == (["ليبي"], "طرابلس")
    assert [o.country for o in organizations(extended) if o.id == "ly.hcs"] == ["LY"]
    assert str(extra) in extended.sources


def test_add_title(res: Resources) -> None:
    extended = gazetteer.add_title(res, role="minister.space", forms=["وزير الفضاء"], category="minister")
    (entry,) = [t for t in titles(extended) if t.role == "minister.space"]
    assert (entry.forms, entry.category, entry.takes_organization) == (["وزير الفضاء"], "minister", True)
    assert _title_forms(res, "minister.space") == []


def test_add_title_forms_to_shipped_role_keeps_its_category(res: Resources) -> None:
    extended = gazetteer.add_title(res, role="rank.colonel", forms=["الكولونيل"])
    (entry,) = [t for t in titles(extended) if t.role == "rank.colonel"]
    assert {"الكولونيل", "العقيد"} <= set(entry.forms)
    assert (entry.category, entry.takes_organization) == ("military", False)


def test_add_country_alias(res: Resources) -> None:
    extended = gazetteer.add_country_alias(res, "GB", ["المملكة البريطانية"], nisba=["بريطاني"])
    assert _country_of(extended, "المملكة البريطانية") == {"GB"}
    assert _country_of(res, "المملكة البريطانية") == set()
    (britain,) = [c for c in countries(extended) if c.code == "GB"]
    assert britain.nisba.count("بريطاني") == 1


def test_add_country_alias_needs_a_known_country(res: Resources) -> None:
    with pytest.raises(ResourceError):
        gazetteer.add_country_alias(res, "QQ", ["بلاد الواق واق"])


def test_add_organization(res: Resources) -> None:
    extended = gazetteer.add_organization(
        res,
        id="ly.hcs",
        name="المجلس الأعلى للدولة الليبي",
        acronyms=["HCS"],
        country="LY",
        type="government",
    )
    (entry,) = [o for o in organizations(extended) if o.id == "ly.hcs"]
    assert (entry.acronyms, entry.country, entry.type) == (["HCS"], "LY", "government")
    assert "ly.hcs" not in {o.id for o in organizations(res)}


def test_add_organization_form_to_shipped_body(res: Resources) -> None:
    extended = gazetteer.add_organization(res, id="un", name="الأمم المتحدة", forms=["المنظمة الدولية"])
    (entry,) = [o for o in organizations(extended) if o.id == "un"]
    assert "المنظمة الدولية" in entry.forms
    assert "الأممية" in entry.adjectives
    assert entry.type == "international"


def test_add_place_and_names(res: Resources) -> None:
    extended = gazetteer.add_place(res, name="أوباري", country="LY", forms=["اوبارى"])
    extended = gazetteer.add_names(extended, "given_foreign", ["غويدو"])
    (place,) = [p for p in places(extended) if p.name == "أوباري"]
    assert "اوبارى" in place.forms
    assert place.type == "city"
    assert "غويدو" in name_lists(extended)["given_foreign"].words


def test_known_persons_have_valid_countries_and_unique_names(res: Resources) -> None:
    codes = {c.code for c in res.entries("country", CountryEntry)}
    persons = res.entries("person", KnownPersonEntry)
    assert len(persons) >= 50
    assert {p.country for p in persons if p.country is not None} <= codes
    names = [fold(form) for p in persons for form in (p.name, *p.forms)]
    assert len(names) == len(set(names))


def test_add_person_gives_an_untitled_name_its_country(res: Resources) -> None:
    text = "وقال سالم العبري إن الاتفاق مهم."
    assert _person_country(text, res) != "OM"
    extended = gazetteer.add_person(res, name="سالم العبري", country="OM")
    assert _person_country(text, extended) == "OM"


def _person_country(text: str, resources: Resources) -> str | None:
    article = parse_article(text, resources=resources)
    return next((a.country for a in article.actors if a.kind == "person"), None)


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda r: gazetteer.add_person(r, name="س", country="Egypt"), id="bad-person-country"),
        pytest.param(lambda r: gazetteer.add_title(r, role="Minister Space", forms=["وزير"]), id="bad-role"),
        pytest.param(lambda r: gazetteer.add_title(r, role="minister.x", forms=[]), id="no-forms"),
        pytest.param(
            lambda r: gazetteer.add_organization(r, id="x", name="س", country="Libya"), id="bad-country"
        ),
        pytest.param(lambda r: gazetteer.add_names(r, "nicknames", ["س"]), id="bad-kind"),
    ],
)
def test_invalid_additions_are_resource_errors(res: Resources, call: object) -> None:
    with pytest.raises(ResourceError):
        call(res)  # type: ignore[operator]


DOCS = Path(__file__).resolve().parent.parent / "docs" / "extending.md"


def test_extending_doc_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = DOCS.read_text("utf-8")
    (toml_block,) = regex.findall(r"```toml\n(.*?)```", text, flags=regex.DOTALL)
    python_blocks = regex.findall(r"```python\n(.*?)```", text, flags=regex.DOTALL)
    (tmp_path / "my_gazetteer.toml").write_text(toml_block, "utf-8")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for block in python_blocks:
        exec(block, namespace)  # noqa: S102 (the documentation's own examples)
    res = namespace["res"]
    assert isinstance(res, Resources)
    assert _title_forms(res, "minister.space") == ["وزير الفضاء", "وزيرة الفضاء"]
    assert _country_of(res, "الجماهيرية") == {"LY"}


# ---------------------------------------------------------------------------- pyarabic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("محمد    nom\n", {"nom": {"محمد"}}, id="spaces"),
        pytest.param("محمد\tnom\n", {"nom": {"محمد"}}, id="tab"),
        pytest.param("أبا زيد konia\n", {"konia": {"أبا زيد"}}, id="multiword"),
        pytest.param("البريد Nom\n", {"nom": {"البريد"}}, id="tag-case"),
        pytest.param("\nالعلم   النوع\nمحمد\n", {}, id="no-tag"),
        pytest.param("nom nom\n", {}, id="latin-entry"),
    ],
)
def test_parse_pyarabic_proper_nouns(text: str, expected: dict[str, set[str]]) -> None:
    assert gazetteer.parse_pyarabic_proper_nouns(text) == {k: frozenset(v) for k, v in expected.items()}


def test_pyarabic_given_names() -> None:
    names = gazetteer.pyarabic_given_names()
    assert {"محمد", "خالد", "عقيلة"} <= names
    assert len(names) > 1000
    assert all(" " not in name for name in names)
