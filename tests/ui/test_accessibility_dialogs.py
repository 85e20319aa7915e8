"""Every dialog is operable by keyboard and fits any size (issue 23, BITV "Operable",
WCAG 2.1.2, 2.4.3, 1.4.4, 1.4.10), in German, on a real SQLite demo database.

The registry :data:`DIALOGS` builds each dialog TikDesk opens — the way its caller does —
on demo data with the sample TikTok exports.  For every one:

- Tab and Shift+Tab leave every item view and text field (up to 300 presses);
- its Alt-keys are unique (on each page of its tabs), and every buddy label points at a
  widget that takes focus;
- at 960×540 logical pixels and with a 14 pt application font it fits, and no widget is
  smaller than its minimum size hint and no label is cut without a tooltip
  (``test_accessibility_scaling.clipped``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTabBar,
    QTabWidget,
    QWidget,
)
from test_accessibility import (
    _mnemonic,
    describe,
    german_database,
    has_label_buddy,
    settle,
)
from test_accessibility_keyboard import PRESSES, traps
from test_accessibility_scaling import SMALL, clipped


@dataclass
class Demo:
    ctx: Any
    settings: QSettings
    work: Path
    translators: Any = ()


@pytest.fixture(scope="module")
def demo(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The German demo database with imported analytics, in a temporary folder."""
    work = tmp_path_factory.mktemp("a11y-dialogs")
    with german_database(qapp, work) as (ctx, translators):
        settings = QSettings(str(work / "s.ini"), QSettings.Format.IniFormat)
        yield Demo(ctx, settings, work, translators)


# ------------------------------------------------------------------------------ registry
def _password(d: Demo) -> QWidget:
    from tikdesk.ui.team.connect import PasswordDialog

    return PasswordDialog("db.stadt.example:5432/tikdesk", retry=True)


def _team(d: Demo) -> QWidget:
    from tikdesk.ui.team.connect import TeamDatabaseDialog

    return TeamDatabaseDialog(d.settings)


def _report(d: Demo) -> QWidget:
    from tikdesk.ui.report.dialog import ReportDialog

    return ReportDialog(["@stadt_musterhausen", "@stadtwerke"], d.settings)


def _approve(d: Demo) -> QWidget:
    from tikdesk.ui.posts.dialogs import ApproveDialog

    return ApproveDialog("Mythos Büro: was wirklich im Rathaus passiert", "Anna Beispiel")


def _publish(d: Demo) -> QWidget:
    from tikdesk.ui.posts.dialogs import PublishDialog

    return PublishDialog("")


def _taken_down(d: Demo) -> QWidget:
    from tikdesk.ui.posts.dialogs import DateDialog

    return DateDialog("Als offline genommen markieren", "Offline genommen &am:")


def _new_post(d: Demo) -> QWidget:
    from tikdesk.ui.posts.dialogs import TextDialog

    return TextDialog("Neuer Beitrag", "&Titel:")


def _add_person(d: Demo) -> QWidget:
    from tikdesk.services.people import PeopleService
    from tikdesk.ui.posts.dialogs import AddPersonDialog

    people = [(p.id, p.display_name) for p in PeopleService(d.ctx).list_people()]
    return AddPersonDialog(people)


def _shown_as(d: Demo) -> QWidget:
    from tikdesk.ui.posts.dialogs import ShownAsDialog

    return ShownAsDialog(frozenset({"face"}))


def _preferences(d: Demo) -> QWidget:
    from tikdesk.ui.preferences import PreferencesDialog

    return PreferencesDialog(d.ctx, d.settings)


def _lock(d: Demo) -> QWidget:
    from tikdesk.ui.safety.dialogs import LockDialog

    return LockDialog(d.work / "demo.sqlite", "Ben Beispiel auf PC-0815 seit 09:12")


def _damaged(d: Demo) -> QWidget:
    from tikdesk.storage.backup import create_backup, list_backups
    from tikdesk.ui.safety.dialogs import DamagedDialog

    create_backup(d.ctx.db.path, d.ctx.backup_dir, "manual")
    newest = list_backups(d.ctx.backup_dir)[0]
    problems = ["Seite 12: Baumstruktur beschädigt", "Index ix_posts_status fehlt"]
    return DamagedDialog(d.work / "demo.sqlite", problems, d.work / "kaputt.sqlite", newest)


def _restore(d: Demo) -> QWidget:
    from tikdesk.services.erasure import ErasureService
    from tikdesk.storage.backup import create_backup, list_backups
    from tikdesk.ui.safety.dialogs import RestoreDialog

    create_backup(d.ctx.db.path, d.ctx.backup_dir, "manual")
    return RestoreDialog(
        list_backups(d.ctx.backup_dir), d.ctx.backup_dir, erasure=ErasureService(d.ctx)
    )


def _check(d: Demo) -> QWidget:
    from tikdesk.storage.check import full_check
    from tikdesk.ui.safety.dialogs import CheckResultDialog

    return CheckResultDialog(full_check(d.ctx.db))


def _crash(d: Demo) -> QWidget:
    from tikdesk.ui.crash import CrashDialog

    details = "Traceback (most recent call last):\n" + "  File …\n" * 40 + "ValueError: x"
    return CrashDialog(details, d.work / "logs")


def _idea_import(d: Demo) -> QWidget:
    from tikdesk.services import exchange
    from tikdesk.ui.exchange.dialog import ImportPreviewDialog

    path = SAMPLES / "ideas" / "ideen_brainstorming.xlsx"

    def rerun(sheet: str | None, mapping: dict[int, str | None] | None) -> Any:
        return exchange.preview_idea_import(d.ctx, path, sheet=sheet, mapping=mapping)

    return ImportPreviewDialog(rerun(None, None), rerun)


def _people_import(d: Demo) -> QWidget:
    from tikdesk.services import people_exchange
    from tikdesk.ui.exchange.dialog import ImportPreviewDialog

    path = d.work / "register.xlsx"
    people_exchange.export_people(d.ctx, path)

    def rerun(sheet: str | None, mapping: dict[int, str | None] | None) -> Any:
        return people_exchange.preview_people_import(d.ctx, path, sheet=sheet, mapping=mapping)

    return ImportPreviewDialog(
        rerun(None, None),
        rerun,
        fields=people_exchange.register_fields(),
        title="Einwilligungsregister importieren – Vorschau",
    )


def _plan_import(d: Demo) -> QWidget:
    from test_calendar_import_plan import realistic_sheet

    from tikdesk.services import plan
    from tikdesk.ui.calendar.plan_import import PlanImportDialog

    path = realistic_sheet(d.work / "plan.xlsx", people="Lea Muster; Erika Neu (Stimme)")

    def rerun(sheet: str | None, mapping: dict[int, str | None] | None, create: bool) -> Any:
        return plan.preview_plan_import(
            d.ctx, path, sheet=sheet, mapping=mapping, create_people=create
        )

    return PlanImportDialog(rerun(None, None, False), rerun)


def _first_start(d: Demo) -> QWidget:
    from tikdesk.ui.firststart.dialog import FirstStartDialog

    return FirstStartDialog(d.ctx, d.settings)


def _idea_new(d: Demo) -> QWidget:
    from tikdesk.ui.ideas.editor import IdeaEditorDialog

    return IdeaEditorDialog(None, ["Anna Beispiel", "Ben Beispiel"])


def _idea_edit(d: Demo) -> QWidget:
    from tikdesk.services.ideas import IdeaService
    from tikdesk.ui.ideas.editor import IdeaEditorDialog

    record = IdeaService(d.ctx).list_ideas()[0]
    return IdeaEditorDialog(record, ["Anna Beispiel", "Ben Beispiel"])


def _roles(d: Demo) -> QWidget:
    from tikdesk.ui.roles import RolesDialog

    return RolesDialog(d.ctx)


def _time(d: Demo) -> QWidget:
    from tikdesk.ui.calendar.tab import TimeDialog

    return TimeDialog(
        None, "Tag der offenen Tür", dt.datetime(2027, 3, 29, 10, 0), d.ctx.clock.today()
    )


def _calendar_settings(d: Demo) -> QWidget:
    from tikdesk.services.calendar import CalendarService
    from tikdesk.ui.calendar.tab import CalendarSettingsDialog

    service = CalendarService(d.ctx)
    return CalendarSettingsDialog(None, service, service.accounts())


def _analytics_preview(d: Demo) -> QWidget:
    from tikdesk.services.analytics import AnalyticsService
    from tikdesk.ui.analytics.dialogs import ImportPreviewDialog

    service = AnalyticsService(d.ctx)
    return ImportPreviewDialog(service.preview_import(sorted((SAMPLES / "tiktok").glob("*"))))


def _tables(d: Demo) -> Any:
    from tikdesk.services.analytics import AnalyticsService

    preview = AnalyticsService(d.ctx).preview_import(sorted((SAMPLES / "tiktok").glob("*")))
    return preview.tables


def _year(d: Demo) -> QWidget:
    from tikdesk.ui.analytics.dialogs import YearDialog

    return YearDialog(_tables(d)[:2], d.ctx.clock.today())


def _account(d: Demo) -> QWidget:
    from tikdesk.ui.analytics.dialogs import AccountDialog

    return AccountDialog(_tables(d)[:2], ["@stadt_musterhausen", "@stadtwerke"])


def _link_videos(d: Demo) -> QWidget:
    from tikdesk.services.analytics import AnalyticsService
    from tikdesk.ui.analytics.dialogs import LinkVideosDialog

    service = AnalyticsService(d.ctx)
    return LinkVideosDialog(service, service.unmatched_videos())


def _manual_stats(d: Demo) -> QWidget:
    from tikdesk.services.analytics import AnalyticsService
    from tikdesk.ui.analytics.dialogs import ManualStatsDialog

    return ManualStatsDialog(AnalyticsService(d.ctx), d.ctx.clock.today())


def _person(d: Demo) -> QWidget:
    from tikdesk.ui.people.dialogs import PersonDialog

    return PersonDialog(lambda _data: 1)


def _a_minor(d: Demo) -> Any:
    from tikdesk.services.people import PeopleService

    service = PeopleService(d.ctx)
    people = service.list_people()
    person = next((p for p in people if p.minor), people[0])
    return service, service.get(person.id), people


def _consent(d: Demo) -> QWidget:
    from tikdesk.domain.consent import ConsentFacts
    from tikdesk.ui.people.dialogs import ConsentDialog

    _service, detail, people = _a_minor(d)
    registry = [(p.id, p.display_name) for p in people if p.id != detail.id]
    initial = ConsentFacts(collected_by="Anna Beispiel")
    return ConsentDialog(initial, True, "Neue Einwilligung", lambda _d: None, people=registry)


def _withdrawal(d: Demo) -> QWidget:
    from tikdesk.ui.people.dialogs import WithdrawalDialog

    service, detail, _people = _a_minor(d)
    return WithdrawalDialog(
        list(detail.consents),
        "Anna Beispiel",
        preview=lambda entered: service.withdrawal_preview(detail.id, entered),
    )


def _impact(d: Demo) -> QWidget:
    from tikdesk.ui.people.dialogs import ImpactDialog

    _service, detail, _people = _a_minor(d)
    return ImpactDialog(detail.display_name, detail.impact)


def _shortcuts(d: Demo) -> QWidget:
    from tikdesk.ui.help.manual import ManualWindow

    return ManualWindow()


DIALOGS: dict[str, Callable[[Demo], QWidget]] = {
    "team password": _password,
    "team database": _team,
    "report": _report,
    "approve": _approve,
    "publish": _publish,
    "taken down": _taken_down,
    "new post": _new_post,
    "add person to post": _add_person,
    "shown as": _shown_as,
    "preferences": _preferences,
    "database in use": _lock,
    "database damaged": _damaged,
    "restore": _restore,
    "database check": _check,
    "crash": _crash,
    "idea import preview": _idea_import,
    "people import preview": _people_import,
    "plan import preview": _plan_import,
    "first start": _first_start,
    "new idea": _idea_new,
    "edit idea": _idea_edit,
    "roles": _roles,
    "planned time": _time,
    "calendar settings": _calendar_settings,
    "analytics import preview": _analytics_preview,
    "which year": _year,
    "which account": _account,
    "link videos": _link_videos,
    "manual stats": _manual_stats,
    "new person": _person,
    "consent": _consent,
    "withdrawal": _withdrawal,
    "withdrawal impact": _impact,
    "help and shortcuts": _shortcuts,
}


@pytest.fixture
def opened(demo: Demo) -> Iterator[Callable[[str], QWidget]]:
    shown: list[QWidget] = []

    def open_dialog(name: str) -> QWidget:
        dialog = DIALOGS[name](demo)
        dialog.show()
        settle()
        shown.append(dialog)
        return dialog

    yield open_dialog
    for dialog in shown:
        dialog.close()
        dialog.deleteLater()
    settle()


def pages(dialog: QWidget) -> Iterator[str]:
    """The dialog as it opens, then each page of each of its tab widgets."""
    yield "open"
    for inner in dialog.findChildren(QTabWidget):
        if not inner.isVisible():
            continue
        for index in range(inner.count()):
            inner.setCurrentIndex(index)
            settle()
            yield inner.tabText(index).replace("&", "")
        inner.setCurrentIndex(0)
        settle()


NAMES = sorted(DIALOGS)


@pytest.mark.slow
def test_the_registry_has_every_dialog_class() -> None:
    """A new QDialog subclass under tikdesk/ui must be added to the registry above."""
    import ast

    registry = Path(__file__).read_text(encoding="utf-8")
    missing = []
    for path in sorted((Path(__file__).resolve().parents[2] / "tikdesk" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_dialog = isinstance(node, ast.ClassDef) and any(
                getattr(base, "id", "").endswith("Dialog") for base in node.bases
            )
            if is_dialog and f" {node.name}(" not in registry:  # type: ignore[union-attr]
                missing.append(f"{path}: {node.name}")  # type: ignore[union-attr]
    assert missing == []


# ------------------------------------------------------------------------------ keyboard
@pytest.mark.parametrize("name", NAMES)
def test_tab_and_shift_tab_leave_every_view_and_text_field(
    opened: Callable[[str], QWidget], name: str
) -> None:
    dialog = opened(name)
    problems: list[str] = []
    for page in pages(dialog):
        found, _walked = traps(dialog, f"{name}/{page}")
        problems += found
    assert problems == [], "\n".join(problems)


@pytest.mark.slow
def test_the_walk_reaches_views_in_dialogs(opened: Callable[[str], QWidget]) -> None:
    """The check itself: the dialogs with lists and text fields are walked."""
    walked = {name: traps(opened(name), name)[1] for name in NAMES}
    for name in ("link videos", "restore", "crash", "new idea", "idea import preview"):
        assert walked[name] >= 1, name
    assert sum(1 for count in walked.values() if count) >= 12, walked


@pytest.mark.parametrize("name", ["link videos", "idea import preview", "analytics import preview"])
def test_the_dialog_buttons_are_reached_by_tab(opened: Callable[[str], QWidget], name: str) -> None:
    """From the first list, Tab alone reaches the dialog's accept button."""
    dialog = opened(name)
    views = [
        v
        for v in dialog.findChildren(QAbstractItemView)
        if v.isVisible() and not isinstance(v, QHeaderView)
    ]
    assert views
    views[0].setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    reached: set[str] = set()
    for _ in range(PRESSES):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if isinstance(widget, QAbstractButton):
            reached.add(widget.text().replace("&", ""))
    accept = {"Übernehmen", "Importieren", "Speichern"}
    assert reached & accept, f"{name}: Tab reached only {sorted(reached)}"


def mnemonics(dialog: QWidget) -> list[tuple[str, str]]:
    """(key, what) for every Alt-key a user can press in ``dialog`` right now."""
    found = []
    for bar in dialog.findChildren(QTabBar):
        if bar.isVisible():
            for index in range(bar.count()):
                if bar.isTabVisible(index) and (key := _mnemonic(bar.tabText(index))):
                    found.append((key, f"tab {bar.tabText(index)!r}"))
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        text = ""
        if isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        if text and (key := _mnemonic(text)):
            found.append((key, f"{text!r} ({describe(widget)})"))
    return found


#: A form label with an Alt-key: short, "&" before a letter ("&Titel:", "Logo für &Berichte:").
FORM_LABEL = re.compile(r"^[^&]{0,40}&\w[^&]{0,40}$")


def buddy_problems(dialog: QWidget) -> list[str]:
    """Labels with an Alt-key whose buddy is missing or takes no focus."""
    problems = []
    for label in dialog.findChildren(QLabel):
        if not label.isVisible() or label.textFormat() == Qt.TextFormat.RichText:
            continue
        if _mnemonic(label.text()) is None or not FORM_LABEL.search(label.text()):
            continue  # a text with a literal "&" (a URL, "Personen & Einwilligungen")
        buddy = label.buddy()
        while buddy is not None and buddy.focusProxy() is not None:
            buddy = buddy.focusProxy()
        if buddy is None or buddy.focusPolicy() == Qt.FocusPolicy.NoFocus:
            problems.append(f"{label.text()!r} → {type(buddy).__name__}")
    return problems


def key_problems(dialog: QWidget) -> list[str]:
    problems: list[str] = []
    for page in pages(dialog):
        seen: dict[str, str] = {}
        for key, what in mnemonics(dialog):
            if key in seen:
                problems.append(f"[{page}] Alt+{key}: {what} and {seen[key]}")
            seen.setdefault(key, what)
        problems += [f"[{page}] {p}" for p in buddy_problems(dialog)]
    return sorted(set(problems))


@pytest.mark.parametrize("name", NAMES)
def test_alt_keys_are_unique_and_every_buddy_takes_focus(
    opened: Callable[[str], QWidget], name: str
) -> None:
    problems = key_problems(opened(name))
    assert problems == [], "\n".join(problems)


@pytest.mark.slow
def test_english_alt_keys_are_unique_in_every_dialog(
    demo: Demo, opened: Callable[[str], QWidget], qapp: QApplication
) -> None:
    from tikdesk.domain.i18n import set_language

    for translator in demo.translators:
        qapp.removeTranslator(translator)
    set_language("en")
    try:
        dialog = opened("first start")
        assert dialog.windowTitle() == "Set up TikDesk"  # really English
        problems = [f"{name} {p}" for name in NAMES for p in key_problems(opened(name))]
    finally:
        for translator in demo.translators:
            qapp.installTranslator(translator)
        set_language("de")
    assert problems == [], "\n".join(problems)


def test_the_alt_key_check_sees_a_clash(opened: Callable[[str], QWidget]) -> None:
    from PySide6.QtWidgets import QPushButton

    dialog = opened("approve")
    taken = {key for key, _what in mnemonics(dialog)}
    assert taken, "the approve dialog has Alt-keys"
    key = sorted(taken)[0]
    button = QPushButton(f"&{key}xtra", dialog)
    button.show()
    settle()
    assert len([k for k, _w in mnemonics(dialog) if k == key]) == 2


# ------------------------------------------------------------------------------ any size
@pytest.fixture(params=["960x540", "14pt"])
def size(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    font = QFont(qapp.font())
    try:
        if request.param == "14pt":
            big = QFont(font)
            big.setPointSizeF(14)
            qapp.setFont(big)
        yield request.param
    finally:
        qapp.setFont(font)
        settle()


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_every_dialog_fits_960_by_540_and_nothing_is_clipped(
    opened: Callable[[str], QWidget], size: str, name: str
) -> None:
    """Opened in a 960×540 screen: the dialog's minimum fits; it opens at its own size
    bounded by the screen (as tall as its wrapped rows need at that width); no widget in it
    is clipped, on every page of its tabs."""
    dialog = opened(name)
    minimum = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert minimum.width() <= SMALL[0] and minimum.height() <= SMALL[1], (size, minimum)
    width = min(max(dialog.width(), minimum.width()), SMALL[0])
    height = dialog.height()
    layout = dialog.layout()
    if layout is not None and layout.hasHeightForWidth():  # rows that wrap when narrower
        height = max(height, layout.totalHeightForWidth(width))
    dialog.resize(width, min(max(height, minimum.height()), SMALL[1]))
    settle()
    problems = []
    for page in pages(dialog):
        problems += clipped(dialog, f"{size} {name}/{page}")
    problems = sorted(set(problems))
    assert problems == [], "\n".join(problems)


# ------------------------------------------------------------------------------ names
def spoken_name(widget: QWidget) -> str:
    """The name a screen reader gets, as Qt's accessibility layer forms it: the accessible
    name, else a button's or group box's own text, else the label whose buddy it is.  (Not
    through QAccessible.queryAccessibleInterface: its wrappers outlive a deleted dialog.)"""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    parent = widget.parentWidget()
    if isinstance(parent, (QComboBox, QAbstractSpinBox)) or (
        isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget
    ):
        return spoken_name(parent)
    if isinstance(widget, QAbstractButton) and widget.text().strip():
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    if isinstance(widget, QGroupBox):
        return widget.title().replace("&", "").strip()
    if isinstance(widget, QTabBar):
        return " ".join(widget.tabText(i) for i in range(widget.count())).replace("&", "")
    if isinstance(widget, QTabWidget):  # focus goes to its tab bar
        return spoken_name(widget.tabBar())
    return "(label)" if has_label_buddy(widget) else ""


@pytest.mark.parametrize("name", NAMES)
def test_every_control_has_a_name_and_symbol_buttons_have_words(
    opened: Callable[[str], QWidget], name: str
) -> None:
    """What Tab reaches says what it is; a button showing only a symbol ("◀", "…", "+")
    is named in words."""
    dialog = opened(name)
    problems = []
    for page in pages(dialog):
        for widget in dialog.findChildren(QWidget):
            if not (
                widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                continue
            spoken = spoken_name(widget)
            if not spoken:
                problems.append(f"[{page}] {describe(widget)} has no name")
            elif isinstance(widget, QAbstractButton) and not re.search(r"\w\w", spoken):
                problems.append(f"[{page}] {describe(widget)} is named only {spoken!r}")
    assert sorted(set(problems)) == [], "\n".join(sorted(set(problems)))
