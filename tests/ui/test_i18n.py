"""The German translation is complete, compiled and covers every tr() string of the UI."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def i18n() -> ModuleType:
    """packaging/i18n.py is a script, not part of the package: import it from its path."""
    spec = importlib.util.spec_from_file_location(
        "tikdesk_i18n_tool", ROOT / "packaging" / "i18n.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ts_file_is_finished(i18n: ModuleType) -> None:
    files = sorted(i18n.I18N.glob("*_de.ts"))
    assert any(f.name == "ideas_de.ts" for f in files)
    assert i18n.unfinished() == []


@pytest.mark.slow
def test_committed_qm_files_match_their_ts(i18n: ModuleType, tmp_path: Path) -> None:
    built = i18n.release(i18n.I18N, tmp_path)
    assert built
    stale = [
        qm.name
        for qm in built
        if not (i18n.I18N / qm.name).exists()
        or (i18n.I18N / qm.name).read_bytes() != qm.read_bytes()
    ]
    assert stale == [], "run `python packaging/i18n.py release` and commit the .qm files"


@pytest.mark.slow
def test_lupdate_finds_no_untranslated_strings(i18n: ModuleType, tmp_path: Path) -> None:
    """Running lupdate now adds nothing new: every tr() string is in a .ts and translated."""
    written = i18n.update(tmp_path)
    assert {p.name for p in written} >= {"ideas_de.ts", "shell_de.ts"}
    assert i18n.unfinished(tmp_path) == [], "run `python packaging/i18n.py update` and translate"
    # ... and drops nothing: a string lupdate cannot see (behind a wrapper such as
    # `_tr = lambda s: translate("Ctx", s)`) would vanish from the .ts at the next update
    for fresh in written:
        committed = {(c, s) for c, s, _t, _f in i18n.entries(i18n.ts_path(fresh.stem[:-3]))}
        found = {(c, s) for c, s, _t, _f in i18n.entries(fresh)}
        assert sorted(committed - found) == [], f"{fresh.name}: lupdate no longer finds these"


def test_ideas_translations_load(qapp: QApplication, i18n: ModuleType) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load("ideas_de", str(i18n.I18N))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("IdeasTab", "&New idea…") == "&Neue Idee…"
        assert QCoreApplication.translate("IdeaBoard", "Move card up") == "Karte nach oben"
    finally:
        QCoreApplication.removeTranslator(translator)
