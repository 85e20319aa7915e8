"""The "Kalender" tab: posts by planned time in a month or a week, undated posts aside.

Every post shows title, account and its clearance state as icon, words and colour.  Posts
move by drag and drop, by keyboard (Alt+Left/Right a day, Alt+Up/Down a week) and in a small
time dialog (Enter); every move is one command on the window's undo stack.  Before a move
that revokes an approval or blocks the post on its new date the user is asked.

The month view marks weeks below the posting rhythm (text and colour); the week view shades
the weekday/hour slots that worked best for the account (with the number of posts that
rests on).  Public holidays of the chosen Bundesland are named on their day.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QMimeData,
    QObject,
    Qt,
    QTime,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QPalette,
    QShortcut,
    QUndoCommand,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.calendar import (
    BUNDESLAENDER,
    CalendarState,
    GoodTimes,
    WeekRhythm,
    add_months,
    month_weeks,
    week_days,
    week_start,
)
from tikdesk.domain.enums import PostStatus
from tikdesk.domain.errors import TikDeskError
from tikdesk.domain.fmt import fmt_date, month_year, weekday_short
from tikdesk.domain.i18n import language
from tikdesk.services.calendar import CalendarEntry, CalendarService, format_label
from tikdesk.services.context import AppContext
from tikdesk.ui import messages, theme
from tikdesk.ui.tab import RefreshWhenShown, TabHost
from tikdesk.ui.widgets.badges import (
    AMBER,
    BLOCK_ICON,
    GREEN,
    GREY,
    INFO_ICON,
    OK_ICON,
    RED,
    WARN_ICON,
    std_icon,
)
from tikdesk.ui.widgets.controls import ok_cancel

MIME = "application/x-tikdesk-post"
POST_ROLE = Qt.ItemDataRole.UserRole + 1
BLUE = theme.TEXT["info"]  # fitted to the palette in force, like RED/AMBER/GREEN
WEEK_HOURS = range(6, 23)  # the week view's rows; an earlier/later post adds its hour
HOUR_COLUMN = 48  # width of the week view's hour labels (and the header's spacer)

STATE_LOOK = {
    CalendarState.BLOCKED: (BLOCK_ICON, RED),
    CalendarState.OPEN_ITEMS: (WARN_ICON, AMBER),
    CalendarState.READY: (INFO_ICON, BLUE),
    CalendarState.APPROVED: (OK_ICON, GREEN),
    CalendarState.PUBLISHED: (INFO_ICON, GREY),
    CalendarState.TAKE_DOWN: (BLOCK_ICON, RED),
    CalendarState.TAKEN_DOWN: (INFO_ICON, GREY),
}


def weekday_names() -> list[str]:
    return [weekday_short(i) for i in range(7)]


# ----------------------------------------------------------------------------- cells
class SlotList(QListWidget):
    """The posts of one day (month view), one hour of a day (week view) or without date.

    Dragging a post out carries its id; dropping one here asks the tab to move it to this
    slot (``day`` None: the undated list).
    """

    def __init__(
        self,
        tab: CalendarTab,
        day: dt.date | None,
        hour: int | None = None,
    ) -> None:
        super().__init__()
        self.tab = tab
        self.day = day
        self.hour = hour
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.currentItemChanged.connect(self._on_current_changed)
        self.itemActivated.connect(lambda _item: self.tab.change_time())
        if day is None:
            name = QCoreApplication.translate("CalendarTab", "Posts without a date")
        elif hour is None:
            name = fmt_date(day)
        else:
            name = f"{fmt_date(day)} {hour:02d}:00"
        self.setAccessibleName(name)

    def add_entry(self, entry: CalendarEntry, with_time: bool = True) -> QListWidgetItem:
        icon, colour = STATE_LOOK[entry.state]
        when = f"{entry.planned_at:%H:%M} " if with_time and entry.planned_at else ""
        account = entry.account or "–"
        item = QListWidgetItem(
            std_icon(icon), f"{when}{entry.title}\n{account} · {entry.state.label}"
        )
        item.setForeground(colour)
        item.setData(POST_ROLE, entry.id)
        tip = [
            entry.title,
            QCoreApplication.translate("CalendarTab", "Account:") + f" {account}",
            QCoreApplication.translate("CalendarTab", "Format:") + f" {format_label(entry.format)}",
            QCoreApplication.translate("CalendarTab", "Clearance:") + f" {entry.state.label}",
        ]
        tip.extend(f"• {r}" for r in entry.reasons[:5])
        item.setToolTip("\n".join(tip))
        self.addItem(item)
        return item

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.tab.select(int(current.data(POST_ROLE)), self)

    # ---------------------------------------------------------------- drag and drop
    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        if items:
            data.setData(MIME, QByteArray(str(items[0].data(POST_ROLE)).encode()))
        return data

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def _post_of(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> int | None:
        data = event.mimeData()
        if not data.hasFormat(MIME):
            return None
        try:
            return int(bytes(data.data(MIME).data()).decode())
        except ValueError:
            return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        post_id = self._post_of(event)
        if post_id is None or self.tab.read_only():
            event.ignore()
            return
        self.tab.hint_before_drop(post_id)
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._post_of(event) is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        post_id = self._post_of(event)
        if post_id is None:
            event.ignore()
            return
        # The item is not moved by Qt (IgnoreAction): the tab reloads from the database.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.tab.drop(post_id, self.day, self.hour)


class DayCell(QFrame):
    """A day of the month view: its number (and holiday) above its posts."""

    def __init__(self, tab: CalendarTab, day: dt.date, in_month: bool, holiday: str) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(1)
        head = QLabel(f"{day.day}." + (f" {holiday}" if holiday else ""))
        head.setObjectName("dayHead")
        head.setToolTip(holiday)
        window = self.palette().color(QPalette.ColorRole.Window)
        colour = "palette(window-text)" if in_month else theme.muted(window).name()
        head.setStyleSheet(f"color: {colour}; font-weight: {'bold' if holiday else 'normal'};")
        layout.addWidget(head)
        self.list = SlotList(tab, day)
        self.list.setAccessibleName(fmt_date(day) + (f", {holiday}" if holiday else ""))
        layout.addWidget(self.list, 1)
        kind = "holiday" if holiday else "today" if day == tab.ctx.clock.today() else None
        if kind is not None:
            self.list.setStyleSheet(f"QListWidget {{ background: {theme.tint(kind).name()}; }}")
        self.holiday = holiday


# ----------------------------------------------------------------------------- undo
class MovePostCommand(QUndoCommand):
    """Move one post to a new planned time; undo puts the old time back (an approval the
    move revoked stays revoked: the post needs approving again)."""

    def __init__(
        self,
        tab: CalendarTab,
        post_id: int,
        title: str,
        old: dt.datetime | None,
        new: dt.datetime | None,
    ) -> None:
        short = title if len(title) <= 40 else title[:39] + "…"
        super().__init__(
            QCoreApplication.translate("CalendarTab", "Move “%1”").replace("%1", short)
        )
        self.tab = tab
        self.post_id = post_id
        self.old = old
        self.new = new

    def redo(self) -> None:
        self._guard(self.new)

    def undo(self) -> None:
        self._guard(self.old)

    def _guard(self, when: dt.datetime | None) -> None:
        try:
            self.tab.service.reschedule(self.post_id, when)
        except TikDeskError as exc:
            self.setObsolete(True)
            messages.show_warning(
                self.tab, QCoreApplication.translate("CalendarTab", "Calendar"), str(exc)
            )
        self.tab.after_move(self.post_id)


# ----------------------------------------------------------------------------- dialogs
class TimeDialog(QDialog):
    """The planned date and time of one post, or none."""

    def __init__(
        self, parent: QWidget | None, title: str, current: dt.datetime | None, today: dt.date
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Planned time"))
        layout = QFormLayout(self)
        layout.addRow(QLabel(title))
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm" if language() == "de" else "yyyy-MM-dd HH:mm")
        start = current or dt.datetime.combine(today, dt.time(10, 0))
        self.when.setDateTime(
            QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute))
        )
        self.when.setAccessibleName(self.tr("Planned date and time"))
        layout.addRow(self.tr("&Planned:"), self.when)
        self.undated = QCheckBox(self.tr("&No date yet"))
        self.undated.setChecked(current is None)
        self.undated.toggled.connect(lambda on: self.when.setEnabled(not on))
        self.when.setEnabled(current is not None)
        layout.addRow(self.undated)
        buttons = ok_cancel(self)
        layout.addRow(buttons)

    def value(self) -> dt.datetime | None:
        if self.undated.isChecked():
            return None
        chosen = self.when.dateTime()
        day, time = chosen.date(), chosen.time()
        return dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, current: dt.datetime | None, today: dt.date
    ) -> tuple[bool, dt.datetime | None]:
        """(accepted, new time or None for undated); tests replace this.  Undated, the
        dialog offers ``today`` at 10:00."""
        dialog = cls(parent, title, current, today)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False, current
        return True, dialog.value()


class CalendarSettingsDialog(QDialog):
    """Posts per week per account and the Bundesland (stored in the database)."""

    def __init__(self, parent: QWidget | None, service: CalendarService, accounts: list[str]):
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Posting rhythm and holidays"))
        self.targets = service.rhythm_targets()
        layout = QFormLayout(self)
        self.account = QComboBox()
        self.account.addItem(self.tr("All accounts together"), "")
        for account in sorted({*accounts, *(a for a in self.targets if a)}):
            self.account.addItem(account, account)
        self.account.setAccessibleName(self.tr("Account"))
        layout.addRow(self.tr("&Account:"), self.account)
        self.per_week = QSpinBox()
        self.per_week.setRange(0, 50)
        self.per_week.setSuffix(self.tr(" posts a week"))
        self.per_week.setSpecialValueText(self.tr("no target"))
        self.per_week.setAccessibleName(self.tr("Target posts a week"))
        layout.addRow(self.tr("&Target:"), self.per_week)
        self.account.currentIndexChanged.connect(self._show_target)
        self.per_week.valueChanged.connect(self._keep_target)
        self.state = QComboBox()
        self.state.addItem(self.tr("Nationwide holidays only"), "")
        for code, (de, en) in BUNDESLAENDER.items():
            self.state.addItem(de if language() == "de" else en, code)
        self.state.setCurrentIndex(max(self.state.findData(service.bundesland()), 0))
        self.state.setAccessibleName(self.tr("Bundesland"))
        layout.addRow(self.tr("&Bundesland:"), self.state)
        buttons = ok_cancel(self, on_ok=self._save)
        layout.addRow(buttons)
        self._show_target()

    def _show_target(self) -> None:
        self.per_week.blockSignals(True)
        self.per_week.setValue(self.targets.get(str(self.account.currentData()), 0))
        self.per_week.blockSignals(False)

    def _keep_target(self, value: int) -> None:
        self.targets[str(self.account.currentData())] = value

    def _save(self) -> None:
        try:
            for account, value in self.targets.items():
                self.service.set_rhythm_target(account, value)
            self.service.set_bundesland(str(self.state.currentData()))
        except TikDeskError as exc:
            messages.show_warning(self, self.windowTitle(), str(exc))
            return
        self.accept()


# ----------------------------------------------------------------------------- the tab
class CalendarTab(RefreshWhenShown, QWidget):
    view_changed = Signal(str)

    def __init__(self, ctx: AppContext, host: TabHost) -> None:
        super().__init__()
        self.ctx = ctx
        self.host = host
        self.service = CalendarService(ctx)
        self.mode = "month"
        self.anchor = ctx.clock.today()
        self.entries: list[CalendarEntry] = []
        self.selected: int | None = None
        self.lists: list[SlotList] = []
        self.rhythm: list[WeekRhythm] = []
        self.holidays: dict[dt.date, str] = {}
        self.good: GoodTimes = GoodTimes(frozenset(), 0)
        self.week_labels: dict[dt.date, QLabel] = {}
        self.week_rows: list[list[SlotList]] = []  # the week view's slots, hour by hour
        self.week_text = ""  # the week's rhythm, shown in the note line

        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self._build_navigation())
        outer.addWidget(self._build_views(), 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        outer.addWidget(self.note)
        for keys, days in (("Alt+Left", -1), ("Alt+Right", 1), ("Alt+Up", -7), ("Alt+Down", 7)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=days: self.move_selected(d))
        host.data_changed.connect(self.on_data_changed)

    def _build_navigation(self) -> QToolBar:
        """Month/week, back/today/forward, the period and the account."""
        # A tool bar, so that a narrow window folds the buttons into its overflow menu.
        bar = QToolBar()
        bar.setAccessibleName(self.tr("Calendar"))
        self.month_button = QToolButton()
        self.month_button.setText(self.tr("&Month"))
        self.week_button = QToolButton()
        self.week_button.setText(self.tr("&Week"))
        group = QButtonGroup(self)
        for button in (self.month_button, self.week_button):
            button.setCheckable(True)
            group.addButton(button)
            bar.addWidget(button)
        self.month_button.setChecked(True)
        self.month_button.clicked.connect(lambda: self.set_mode("month"))
        self.week_button.clicked.connect(lambda: self.set_mode("week"))
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setAccessibleName(self.tr("Previous"))
        self.prev_button.setToolTip(self.tr("Previous"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.today_button = QPushButton(self.tr("&Today"))
        self.today_button.clicked.connect(self.go_today)
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setAccessibleName(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next"))
        self.next_button.clicked.connect(lambda: self.step(1))
        for widget in (self.prev_button, self.today_button, self.next_button):
            bar.addWidget(widget)
        self.period = QLabel()
        self.period.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.period.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.period.setMinimumWidth(40)
        bar.addWidget(self.period)
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Account"))
        self.account.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(QLabel(self.tr("Account:")))
        bar.addWidget(self.account)
        self._add_commands(bar)
        return bar

    def _add_commands(self, bar: QToolBar) -> None:
        self.time_button = QPushButton(self.tr("Chan&ge time…"))
        self.time_button.setToolTip(
            self.tr("Alt+←/→ moves the selected post by a day, Alt+↑/↓ by a week")
        )
        self.time_button.clicked.connect(self.change_time)
        bar.addWidget(self.time_button)
        self.settings_button = QPushButton(self.tr("&Rhythm && holidays…"))
        self.settings_button.clicked.connect(self.edit_settings)
        bar.addWidget(self.settings_button)
        self.print_button = QPushButton(self.tr("Print month plan (P&DF)…"))
        self.print_button.clicked.connect(self.print_month)
        bar.addWidget(self.print_button)
        self.import_button = QPushButton(self.tr("Import p&lan…"))
        self.import_button.setObjectName("importPlanButton")
        self.import_button.setToolTip(
            self.tr("Bring the editorial plan in from Excel/CSV; you see a preview first.")
        )
        self.import_button.clicked.connect(self.import_plan)
        bar.addWidget(self.import_button)

    def _build_views(self) -> QSplitter:
        """The month or week grid (scrolling under the day names), and the undated posts."""
        splitter = QSplitter()
        main = QWidget()
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.setSpacing(0)
        # The week's day names stay in view while the hours scroll beneath them.
        self.week_header = QWidget()
        self.week_header.setObjectName("weekHeader")
        self.week_header.setVisible(False)
        main_layout.addWidget(self.week_header)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.viewport().installEventFilter(self)  # refit the week's hours on resize
        main_layout.addWidget(self.area, 1)
        splitter.addWidget(main)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("<b>Without a date</b> (drop here to unschedule)")))
        self.undated = SlotList(self, None)
        side_layout.addWidget(self.undated, 1)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 240])
        return splitter

    # ---------------------------------------------------------------- helpers
    def entry(self, post_id: int) -> CalendarEntry | None:
        return next((e for e in self.entries if e.id == post_id), None)

    def current_account(self) -> str | None:
        value = self.account.currentData()
        return str(value) if value else None

    def visible_days(self) -> tuple[dt.date, dt.date]:
        if self.mode == "week":
            monday = week_start(self.anchor)
            return monday, monday + dt.timedelta(days=6)
        mondays = month_weeks(self.anchor.year, self.anchor.month)
        return mondays[0], mondays[-1] + dt.timedelta(days=6)

    # ---------------------------------------------------------------- navigation
    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.month_button.setChecked(mode == "month")
        self.week_button.setChecked(mode == "week")
        self.refresh()
        self.view_changed.emit(mode)

    def step(self, direction: int) -> None:
        if self.mode == "week":
            self.anchor += dt.timedelta(days=7 * direction)
        else:
            self.anchor = add_months(self.anchor, direction)
        self.refresh()

    def go_today(self) -> None:
        self.show_date(self.ctx.clock.today())

    def show_date(self, day: dt.date) -> None:
        self.anchor = day
        self.refresh()

    # ---------------------------------------------------------------- loading
    @Slot()
    def refresh(self) -> None:
        self._fill_accounts()
        account = self.current_account()
        try:
            self.entries = self.service.entries(account=account)
            start, end = self.visible_days()
            self.holidays = self.service.holidays(start, end)
            mondays = [start + dt.timedelta(days=7 * n) for n in range((end - start).days // 7 + 1)]
            self.rhythm = self.service.week_rhythm(mondays, self.entries, account)
            self.good = self.service.good_times(account) if self.mode == "week" else self.good
        except TikDeskError as exc:
            messages.show_warning(self, self.tr("Calendar"), str(exc))
            return
        self.mark_fresh()
        self.lists = []
        self.week_rows = []
        self.week_labels = {}
        if self.mode == "week":
            self.area.setWidget(self._week_view())
        else:
            self.area.setWidget(self._month_view())
        self.week_header.setVisible(self.mode == "week")
        self.undated.clear()
        for entry in self.entries:
            if entry.planned_at is None:
                self.undated.add_entry(entry)
        self._restore_selection()
        self._write_note()

    def _fill_accounts(self) -> None:
        current = self.account.currentData()
        try:
            accounts = self.service.accounts()
        except TikDeskError:
            accounts = []
        wanted = ["", *accounts]
        have = [self.account.itemData(i) for i in range(self.account.count())]
        if have == wanted:
            return
        self.account.blockSignals(True)
        self.account.clear()
        self.account.addItem(self.tr("All accounts"), "")
        for name in accounts:
            self.account.addItem(name, name)
        self.account.setCurrentIndex(max(self.account.findData(current or ""), 0))
        self.account.blockSignals(False)

    def _by_day(self) -> dict[dt.date, list[CalendarEntry]]:
        found: dict[dt.date, list[CalendarEntry]] = {}
        for entry in self.entries:
            if entry.planned_at is not None:
                found.setdefault(entry.planned_at.date(), []).append(entry)
        return found

    def _month_view(self) -> QWidget:
        body = QWidget()
        grid = QGridLayout(body)
        grid.setSpacing(2)
        self.period.setText(month_year(self.anchor))
        self.period.setToolTip(self.period.text())  # cut in a narrow window
        grid.addWidget(QLabel(self.tr("Week")), 0, 0)
        for col, name in enumerate(weekday_names(), start=1):
            label = QLabel(f"<b>{name}</b>")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(label, 0, col)
        by_day = self._by_day()
        for row, week in enumerate(self.rhythm, start=1):
            grid.addWidget(self._week_label(week), row, 0)
            for col, day in enumerate(week_days(week.monday), start=1):
                cell = DayCell(
                    self, day, day.month == self.anchor.month, self.holidays.get(day, "")
                )
                for entry in by_day.get(day, ()):
                    cell.list.add_entry(entry)
                self.lists.append(cell.list)
                grid.addWidget(cell, row, col)
            grid.setRowStretch(row, 1)
        for col in range(1, 8):
            grid.setColumnStretch(col, 1)
        return body

    def _week_label(self, week: WeekRhythm) -> QLabel:
        number = week.monday.isocalendar()[1]
        lines = [self.tr("Wk %1").replace("%1", str(number))]
        if week.target:
            lines.append(
                self.tr("%1 of %2").replace("%1", str(week.planned)).replace("%2", str(week.target))
            )
        if week.below:
            lines.append("⚠ " + self.tr("below target"))
        label = QLabel("\n".join(lines))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setMinimumWidth(70)
        if week.below:
            below = theme.tint("below")
            label.setStyleSheet(
                f"background: {below.name()}; color: {theme.text('warn', below).name()};"
                f" font-weight: bold; border: 1px solid {theme.graphic('#e0a526', below).name()};"
            )
            label.setToolTip(
                self.tr("Only %1 of %2 posts planned this week")
                .replace("%1", str(week.planned))
                .replace("%2", str(week.target))
            )
        label.setProperty("below_target", week.below)
        self.week_labels[week.monday] = label
        return label

    def _week_view(self) -> QWidget:
        body = QWidget()
        grid = QGridLayout(body)
        grid.setSpacing(1)
        grid.setContentsMargins(0, 0, 0, 0)  # the header above uses the same columns
        monday = week_start(self.anchor)
        days = week_days(monday)
        number = monday.isocalendar()[1]
        week = self.rhythm[0] if self.rhythm else None
        text = self.tr("Week %1: %2 – %3").replace("%1", str(number))
        text = text.replace("%2", fmt_date(days[0])).replace("%3", fmt_date(days[-1]))
        self.week_text = ""
        if week is not None and week.target:
            # In the note line below: the tool bar leaves the period little room.
            self.week_text = (
                self.tr("%1 of %2 planned, %3 approved")
                .replace("%1", str(week.planned))
                .replace("%2", str(week.target))
                .replace("%3", str(week.approved))
            )
            if week.below:
                self.week_text = "⚠ " + self.week_text + " – " + self.tr("below target")
        self.period.setText(text)
        self.period.setToolTip(text)  # cut in a narrow window
        self._fill_week_header(days)
        by_slot: dict[tuple[dt.date, int], list[CalendarEntry]] = {}
        for entry in self.entries:
            if entry.planned_at is not None and entry.planned_at.date() in days:
                by_slot.setdefault((entry.planned_at.date(), entry.planned_at.hour), []).append(
                    entry
                )
        # 06:00 to 22:00, plus every earlier or later hour that holds a post this week.
        hours = sorted({*WEEK_HOURS, *(hour for _day, hour in by_slot)})
        shade = self.good.slots if self.good.shown else frozenset()
        for row, hour in enumerate(hours):
            label = QLabel(f"{hour:02d}:00")
            label.setFixedWidth(HOUR_COLUMN)
            if hour not in WEEK_HOURS:
                label.setStyleSheet(theme.css("warn") + " font-weight: bold;")
                label.setToolTip(self.tr("Outside the usual hours"))
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            for col, day in enumerate(days, start=1):
                cell = SlotList(self, day, hour)
                cell.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                cell.setFixedHeight(46)
                kind = (
                    "good"
                    if (day.weekday(), hour) in shade
                    else "holiday"
                    if day in self.holidays
                    else None
                )
                if kind is not None:
                    cell.setStyleSheet(f"QListWidget {{ background: {theme.tint(kind).name()}; }}")
                if (day.weekday(), hour) in shade:
                    cell.setToolTip(self.tr("Good time: posts at this hour did well"))
                    cell.setProperty("good_time", True)
                cell.setFrameShape(QFrame.Shape.Box)
                for entry in by_slot.get((day, hour), ()):
                    cell.add_entry(entry)
                self.lists.append(cell)
                grid.addWidget(cell, row, col)
            self.week_rows.append([s for s in self.lists[-7:]])
        self.fit_week_rows()
        QTimer.singleShot(0, self.fit_week_rows)  # again once the columns have their width
        for col in range(1, 8):
            grid.setColumnStretch(col, 1)
        return body

    def fit_week_rows(self) -> None:
        """Each hour of the week view as tall as its busiest slot needs at the columns'
        present width, so that every post in it is readable without scrolling the slot."""
        for row in self.week_rows:
            height = 46
            for slot in row:
                if slot.count():
                    slot.doItemsLayout()  # the wrapped items' real heights at this width
                    last = slot.visualItemRect(slot.item(slot.count() - 1))
                    need = last.bottom() + 1 + slot.verticalOffset()
                    height = max(height, need + 2 * slot.frameWidth() + 4)
            for slot in row:
                if slot.height() != height:
                    slot.setFixedHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.area.viewport()
            and event.type() == QEvent.Type.Resize
            and self.mode == "week"
        ):
            QTimer.singleShot(0, self.fit_week_rows)
        return super().eventFilter(watched, event)

    def _fill_week_header(self, days: list[dt.date]) -> None:
        """The day names above the scrolling hours, in the same columns."""
        old = self.week_header.layout()
        if old is not None:
            while old.count():
                child = old.takeAt(0)
                widget = child.widget() if child is not None else None
                if widget is not None:
                    widget.deleteLater()
            grid = old
        else:
            grid = QGridLayout(self.week_header)
        assert isinstance(grid, QGridLayout)
        grid.setSpacing(1)
        # Leave room for the hours' scroll bar so the columns line up.
        bar = self.area.verticalScrollBar().sizeHint().width()
        frame = self.area.frameWidth()
        grid.setContentsMargins(frame, 0, bar + frame, 2)
        spacer = QLabel("")
        spacer.setFixedWidth(HOUR_COLUMN)
        grid.addWidget(spacer, 0, 0)
        for col, (name, day) in enumerate(zip(weekday_names(), days, strict=True), start=1):
            holiday = self.holidays.get(day, "")
            label = QLabel(f"<b>{name} {day:%d.%m.}</b>" + (f"<br>{holiday}" if holiday else ""))
            label.setObjectName("dayName")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setWordWrap(True)
            if holiday:
                label.setStyleSheet(f"background: {theme.tint('holiday').name()};")
                label.setToolTip(holiday)
            grid.addWidget(label, 0, col)
            grid.setColumnStretch(col, 1)

    def _write_note(self) -> None:
        parts = []
        if not self.entries and self.current_account() is None:  # issue 20: the first step
            parts.append(
                self.tr(
                    "No posts yet. First create posts on the „Posts & clearance“ tab or "
                    "import an editorial plan with „Import plan…“; posts without a date appear "
                    "on the right under „Without a date“ and can be dragged onto a day."
                )
            )
        if self.mode == "week" and self.week_text:
            parts.append(self.week_text)
        if self.mode == "week":
            if self.good.shown:
                parts.append(
                    self.tr(
                        "Green slots: the hours that worked best, from %1 posts with a time of day."
                    ).replace("%1", str(self.good.posts))
                )
            else:
                parts.append(
                    self.tr(
                        "Good times are shown from 10 posts with a time of day in the "
                        "analytics (now %1)."
                    ).replace("%1", str(self.good.posts))
                )
        code = self.service.bundesland()
        if code:
            de, en = BUNDESLAENDER[code]
            parts.append(self.tr("Holidays: %1").replace("%1", de if language() == "de" else en))
        else:
            parts.append(self.tr("Holidays: nationwide only (choose a Bundesland)"))
        parts.append(self.tr("Alt+←/→ a day, Alt+↑/↓ a week, Enter changes the time."))
        self.note.setText("   ".join(parts))

    # ---------------------------------------------------------------- selection
    def select(self, post_id: int, source: SlotList) -> None:
        self.selected = post_id
        for other in [*self.lists, self.undated]:
            if other is not source and other.currentItem() is not None:
                other.blockSignals(True)
                other.setCurrentRow(-1)
                other.clearSelection()
                other.blockSignals(False)

    def _restore_selection(self) -> None:
        if self.selected is None:
            return
        for slot in [*self.lists, self.undated]:
            for row in range(slot.count()):
                item = slot.item(row)
                if item.data(POST_ROLE) == self.selected:
                    slot.blockSignals(True)
                    slot.setCurrentItem(item)
                    slot.blockSignals(False)
                    slot.setFocus()
                    slot.scrollToItem(item)
                    return

    def item_of(self, post_id: int) -> tuple[SlotList, QListWidgetItem] | None:
        for slot in [*self.lists, self.undated]:
            for row in range(slot.count()):
                if slot.item(row).data(POST_ROLE) == post_id:
                    return slot, slot.item(row)
        return None

    # ---------------------------------------------------------------- moving
    def move_selected(self, days: int) -> None:
        entry = self.entry(self.selected) if self.selected is not None else None
        if entry is None or entry.planned_at is None:
            return
        self.request_move(entry, entry.planned_at + dt.timedelta(days=days))

    def change_time(self) -> None:
        entry = self.entry(self.selected) if self.selected is not None else None
        if entry is None:
            messages.show_info(
                self, self.tr("Calendar"), self.tr("Please select a post in the calendar first.")
            )
            return
        accepted, when = TimeDialog.ask(self, entry.title, entry.planned_at, self.ctx.clock.today())
        if accepted:
            self.request_move(entry, when)

    def drop(self, post_id: int, day: dt.date | None, hour: int | None) -> None:
        entry = self.entry(post_id)
        if entry is None:
            return
        if day is None:
            when = None
        else:
            old = entry.planned_at
            time = (
                dt.time(hour, old.minute if old else 0)
                if hour is not None
                else old.time()
                if old is not None
                else dt.time(10, 0)
            )
            when = dt.datetime.combine(day, time)
        self.selected = post_id
        self.request_move(entry, when)

    def hint_before_drop(self, post_id: int) -> None:
        """While dragging: an approved post says that moving it revokes the approval."""
        entry = self.entry(post_id)
        if entry is None or entry.state is not CalendarState.APPROVED:
            return
        text = self.tr("Moving this post revokes its approval: the date is part of it.")
        self.host.show_status(text)

    def request_move(self, entry: CalendarEntry, when: dt.datetime | None) -> bool:
        """Ask first when the move revokes an approval or blocks the post, then push the
        move onto the undo stack.  Returns whether it was done."""
        if when == entry.planned_at:
            return False
        if self.read_only():
            messages.show_warning(
                self, self.tr("Calendar"), self.tr("This database is open read-only.")
            )
            return False
        if entry.status in (PostStatus.PUBLISHED, PostStatus.TAKEN_DOWN):
            messages.show_warning(
                self,
                self.tr("Calendar"),
                self.tr("A published post keeps its date."),
            )
            return False
        try:
            impact = self.service.move_impact(entry.id, when)
        except TikDeskError as exc:
            messages.show_warning(self, self.tr("Calendar"), str(exc))
            return False
        if impact.needs_confirmation:
            lines = []
            if impact.revokes_approval:
                lines.append(
                    self.tr(
                        "The approval of “%1” will be revoked: the date is part of what was "
                        "approved. The post needs approving again."
                    ).replace("%1", entry.title)
                )
            if impact.blocked_after:
                lines.append(self.tr("On the new date the post is blocked:"))
                lines.extend(f"• {r}" for r in impact.reasons[:6])
            lines.append(self.tr("Move it anyway?"))
            if not messages.ask_yes_no(self, self.tr("Move post"), "\n\n".join(lines)):
                return False
        self.host.undo_stack.push(
            MovePostCommand(self, entry.id, entry.title, entry.planned_at, when)
        )
        return True

    def after_move(self, post_id: int) -> None:
        """Every tab shows the new date (this one reloads through ``data_changed``)."""
        self.selected = post_id
        self.host.data_changed.emit()

    # ---------------------------------------------------------------- settings, print
    def edit_settings(self) -> None:
        dialog = CalendarSettingsDialog(self, self.service, self.service.accounts())
        if dialog.exec():
            self.refresh()
            self.host.data_changed.emit()

    def import_plan(self) -> None:
        from tikdesk.ui.calendar.plan_import import import_plan

        if import_plan(self, self.ctx):
            self.host.data_changed.emit()

    def print_month(self) -> None:
        from tikdesk.ui.calendar.pdf import print_month_plan

        print_month_plan(self)
