"""The checklist files: shipped content matches checklist.md, bad files give clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tikdesk.domain.checklist import (
    ChecklistError,
    available_profiles,
    load_profile,
    load_profiles,
    search_dirs,
)
from tikdesk.domain.enums import Gate
from tikdesk.domain.i18n import set_language
from tikdesk.paths import resource_dir

SHIPPED = resource_dir() / "checklists"

# key → (gate, derived rule, condition) exactly as in checklist.md
GENERAL = {
    "people.listed": ("block", None, None),
    "people.consent_valid": ("block", "consent_valid", None),
    "people.no_withdrawn": ("block", "no_withdrawn", None),
    "people.bystanders": ("block", None, None),
    "people.exception_dsb": ("block", None, None),
    "people.staff_voluntary": ("block", None, None),
    "people.minors": ("block", "minors", None),
    "people.minors_settings": ("block", None, "minor_present"),
    "people.citizens": ("block", None, None),
    "people.art13": ("block", None, None),
    "exposure.screens_docs": ("block", None, None),
    "exposure.security": ("block", None, None),
    "exposure.addresses_plates": ("warn", None, None),
    "exposure.secrets": ("block", None, None),
    "exposure.reflections_audio": ("warn", None, None),
    "exposure.metadata": ("block", None, None),
    "rights.music": ("block", None, None),
    "rights.third_party_works": ("block", None, None),
    "rights.advertising": ("block", None, None),
    "rights.ai_label": ("block", None, None),
    "public.neutrality": ("block", None, None),
    "public.remit": ("warn", None, None),
    "public.captions": ("warn", None, None),
    "public.paid_promotion": ("block", None, "paid_promotion"),
    "public.filed": ("warn", None, None),
}
POLICE = {
    "police.no_suspects": ("block", None, None),
    "police.no_assemblies": ("block", None, None),
    "police.no_tactics": ("block", None, None),
    "police.uniform_weapons": ("warn", None, None),
}
THEATRE = {"rights.performers": ("block", None, None)}


@pytest.fixture(autouse=True)
def _german() -> None:
    set_language("de")


def _table(profile: str) -> dict[str, tuple[str, str | None, str | None]]:
    definition = load_profile(profile, [SHIPPED])
    return {i.key: (i.gate.value, i.derived, i.applies_when) for i in definition.post_items}


@pytest.mark.parametrize(
    ("profile", "expected"),
    [("general", GENERAL), ("police", GENERAL | POLICE), ("theatre", GENERAL | THEATRE)],
)
def test_shipped_profiles_hold_exactly_the_items_of_checklist_md(profile, expected):
    assert _table(profile) == expected


def test_every_item_has_both_languages_help_and_basis():
    for definition in load_profiles([SHIPPED]).values():
        for item in definition.items:
            assert item.label_de and item.label_en, item.key
            assert item.help_de and item.help_en, item.key
            assert item.basis, item.key


def test_sections_in_document_order_and_account_items_separate():
    police = load_profile("police", [SHIPPED])
    assert [s.key for s in police.sections] == [
        "people",
        "exposure",
        "police",
        "rights",
        "public",
        "account",
    ]
    theatre = load_profile("theatre", [SHIPPED])
    rights = [i.key for i in theatre.items if i.section == "rights"]
    assert rights.index("rights.performers") == rights.index("rights.third_party_works") + 1
    account = load_profile("general", [SHIPPED]).account_items
    assert len(account) >= 3 and all(i.gate is Gate.ACCOUNT for i in account)
    assert police.notice_de.startswith("Die Checkliste unterstützt")


def test_available_profiles_lists_shipped_and_organisation_files(tmp_path):
    (tmp_path / "rentenversicherung.toml").write_text(
        '[profile]\ninclude = ["general"]\nlabel_de = "DRV"\n', encoding="utf-8"
    )
    dirs = search_dirs(tmp_path, SHIPPED)
    assert available_profiles(dirs) == ["general", "police", "theatre", "rentenversicherung"]
    drv = load_profile("rentenversicherung", dirs)
    assert drv.label == "DRV" and drv.item("people.minors") is not None


def test_organisation_file_overrides_shipped_and_is_inherited(tmp_path):
    text = (SHIPPED / "general.toml").read_text(encoding="utf-8")
    text = text.replace(
        'key = "public.remit"\nsection = "public"',
        'key = "public.remit"\nsection = "public"\n# DSB: strict here',
    ).replace(
        'basis = "BVerwG 10 C 6.16"\ngate = "warn"', 'basis = "BVerwG 10 C 6.16"\ngate = "block"'
    )
    (tmp_path / "general.toml").write_text(text, encoding="utf-8")
    dirs = search_dirs(tmp_path, SHIPPED)
    assert load_profile("general", dirs).item("public.remit").gate is Gate.BLOCK
    # police includes general → the organisation's version
    assert load_profile("police", dirs).item("public.remit").gate is Gate.BLOCK
    assert load_profile("police", [SHIPPED]).item("public.remit").gate is Gate.WARN


def test_exclude_drops_an_inherited_item(tmp_path):
    (tmp_path / "small.toml").write_text(
        '[profile]\ninclude = ["general"]\nexclude = ["public.filed"]\n', encoding="utf-8"
    )
    small = load_profile("small", search_dirs(tmp_path, SHIPPED))
    assert small.item("public.filed") is None and small.item("public.remit") is not None


def _write(tmp_path: Path, body: str, name: str = "broken") -> list[Path]:
    (tmp_path / f"{name}.toml").write_text(body, encoding="utf-8")
    return search_dirs(tmp_path, SHIPPED)


GOOD_HEAD = '[profile]\n[[section]]\nkey = "s"\nlabel_de = "S"\n'


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        # TOML syntax error: tomllib's line
        ('[profile]\nlabel_de = "x"\n[[item]]\nkey = "a.b"\nlabel_de = "ohne Ende\n', 5, ["TOML"]),
        # unknown gate: item key, file, line of the gate
        (
            GOOD_HEAD + '[[item]]\nkey = "a.b"\nsection = "s"\nlabel_de = "A"\ngate = "stop"\n',
            9,
            ["a.b", "stop", "block, warn, account"],
        ),
        # unknown section
        (
            GOOD_HEAD + '[[item]]\nkey = "a.b"\nsection = "x"\nlabel_de = "A"\ngate = "warn"\n',
            7,
            ["a.b", "„x“"],
        ),
        # misspelt field
        (
            GOOD_HEAD + '[[item]]\nkey = "a.b"\nsection = "s"\nlabel_de = "A"\ngates = "warn"\n',
            9,
            ["a.b", "gates"],
        ),
        # missing label
        (GOOD_HEAD + '[[item]]\nkey = "a.b"\nsection = "s"\ngate = "warn"\n', 6, ["label_de"]),
        # unknown derived rule
        (
            GOOD_HEAD + '[[item]]\nkey = "a.b"\nsection = "s"\nlabel_de = "A"\ngate = "block"\n'
            'derived = "magic"\n',
            10,
            ["magic", "consent_valid"],
        ),
        # a derived consent item that an organisation tried to make a mere warning
        (
            GOOD_HEAD + '[[item]]\nkey = "a.b"\nsection = "s"\nlabel_de = "A"\ngate = "warn"\n'
            'derived = "consent_valid"\n',
            9,
            ["a.b", "block"],
        ),
        # duplicate key
        (
            GOOD_HEAD + '[[item]]\nkey = "a.b"\nsection = "s"\nlabel_de = "A"\ngate = "warn"\n'
            '[[item]]\nkey = "a.b"\nsection = "s"\nlabel_de = "B"\ngate = "warn"\n',
            11,
            ["doppelt"],
        ),
        # include of a missing profile
        ('[profile]\ninclude = ["nope"]\n', None, ["nope", "nicht gefunden"]),
    ],
)
def test_malformed_file_names_file_and_line(tmp_path, body, line, words):
    dirs = _write(tmp_path, body)
    with pytest.raises(ChecklistError) as info:
        load_profile("broken", dirs)
    text = str(info.value)
    if line is not None:
        assert "broken.toml" in text
        assert f"Zeile {line}" in text
        assert info.value.line == line
    for word in words:
        assert word in text


def test_include_cycle_is_reported(tmp_path):
    _write(tmp_path, '[profile]\ninclude = ["b"]\n', "a")
    dirs = _write(tmp_path, '[profile]\ninclude = ["a"]\n', "b")
    with pytest.raises(ChecklistError, match="a → b → a"):
        load_profile("a", dirs)


def test_error_in_english(tmp_path):
    set_language("en")
    dirs = _write(
        tmp_path,
        GOOD_HEAD + '[[item]]\nkey = "a.b"\nsection = "s"\nlabel_de = "A"\ngate = "stop"\n',
    )
    with pytest.raises(ChecklistError, match=r"broken\.toml, line 9: .*unknown gate 'stop'"):
        load_profile("broken", dirs)


def test_basis_has_an_english_variant_where_it_is_not_a_citation():
    item = load_profile("general", [SHIPPED]).item("exposure.reflections_audio")
    assert item.basis_text == "Praxis"
    set_language("en")
    assert item.basis_text == "practice"
    # citations are the same in both languages
    assert load_profile("general", [SHIPPED]).item("people.art13").basis_text == "Art. 13 DSGVO"
