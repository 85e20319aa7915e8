"""Dialogs of the analytics import and of the data typed in by hand.

Each modal dialog has an ``ask(...)`` classmethod that opens it and returns the answer; tests
replace ``ask`` (see CONVENTIONS.md) instead of clicking through modal loops.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.errors import TikDeskError, ValidationError
from tikdesk.services.analytics import (
    AnalyticsService,
    BenchmarkSeries,
    Counts,
    ImportPreview,
    TablePreview,
    UnmatchedVideo,
)
from tikdesk.ui import theme
from tikdesk.ui.analytics import fmt
from tikdesk.ui.widgets.controls import ok_cancel

translate = QCoreApplication.translate


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def int_or_none(text: str) -> int | None:
    """A typed number: spaces, ``.`` and ``,`` as thousands separators allowed; empty → None."""
    cleaned = text.strip().replace(".", "").replace(",", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        return None
    return int(cleaned)


class CountEdit(QLineEdit):
    """A whole number field that may stay empty (unknown ≠ 0)."""

    def __init__(self, allow_negative: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QIntValidator(-(10**9) if allow_negative else 0, 2 * 10**9, self))
        self.setPlaceholderText(translate("Analytics", "unknown"))
        self.setMaximumWidth(140)

    def value(self) -> int | None:
        try:
            return int_or_none(self.text())
        except ValueError:
            return None


def read_only_table(rows: int, headers: Sequence[str], name: str) -> QTableWidget:
    """A plain table for showing (not editing) rows, without the row-number column."""
    table = QTableWidget(rows, len(headers))
    table.setTabKeyNavigation(False)  # Tab goes on to the buttons (WCAG 2.1.2)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAccessibleName(", ".join(h for h in headers if h))
    return table


# ----------------------------------------------------------------------------- preview
class ImportPreviewDialog(QDialog):
    """What the import would do: files and columns, date range, new/changed/unchanged,
    problems — then Import or Cancel."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(translate("Analytics", "Import TikTok analytics – preview"))
        self.resize(880, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(self._summary())
        layout.addWidget(self._counts())
        layout.addWidget(self._files(), 3)
        layout.addWidget(self._problems(), 2)
        self.skip_problems = QCheckBox(
            translate("Analytics", "&Leave out the rows with problems and import the rest")
        )
        self.skip_problems.setObjectName("skipProblems")
        self.skip_problems.setVisible(bool(preview.problems))
        layout.addWidget(self.skip_problems)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            translate("Analytics", "&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_status()

    def _summary(self) -> QLabel:
        preview = self.preview
        span = (
            f"{fmt.fmt_day(preview.first)} – {fmt.fmt_day(preview.last)}"
            if preview.first and preview.last
            else "–"
        )
        summary = QLabel(
            translate("Analytics", "<b>Accounts:</b> %1 &nbsp; <b>Date range:</b> %2")
            .replace("%1", ", ".join(preview.accounts) or "–")
            .replace("%2", span)
        )
        summary.setTextFormat(Qt.TextFormat.RichText)
        return summary

    def _counts(self) -> QTableWidget:
        counts = QTableWidget(3, 4)
        counts.setObjectName("countsTable")
        counts.setTabKeyNavigation(False)
        counts.setAccessibleName(translate("Analytics", "Rows new, changed and unchanged"))
        counts.setHorizontalHeaderLabels(
            [
                "",
                translate("Analytics", "new"),
                translate("Analytics", "changed"),
                translate("Analytics", "unchanged"),
            ]
        )
        counts.verticalHeader().setVisible(False)
        counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows: list[tuple[str, Counts]] = [
            (translate("Analytics", "Account days"), self.preview.daily),
            (translate("Analytics", "Video snapshots"), self.preview.videos),
            (translate("Analytics", "Audience shares"), self.preview.audience),
        ]
        for r, (label, c) in enumerate(rows):
            for col, text in enumerate((label, str(c.new), str(c.changed), str(c.unchanged))):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                counts.setItem(r, col, item)
        counts.resizeColumnsToContents()
        counts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        counts.setMaximumHeight(
            counts.verticalHeader().length() + counts.horizontalHeader().height() + 6
        )
        return counts

    def _files(self) -> QGroupBox:
        files = QGroupBox(translate("Analytics", "Files and columns recognised"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("filesTree")
        self.tree.setAccessibleName(files.title())
        self.tree.setHeaderLabels(
            [translate("Analytics", "File / column"), translate("Analytics", "Read as")]
        )
        for table in self.preview.tables:
            self.tree.addTopLevelItem(self._table_item(table))
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        QVBoxLayout(files).addWidget(self.tree)
        return files

    def _problems(self) -> QGroupBox:
        problems = self.preview.problems
        self.problems = read_only_table(
            len(problems),
            [
                translate("Analytics", "File"),
                translate("Analytics", "Row"),
                translate("Analytics", "Column"),
                translate("Analytics", "Problem"),
            ],
            "problemsTable",
        )
        for r, p in enumerate(problems):
            for col, text in enumerate(
                (p.table, "" if p.row is None else str(p.row), p.column, p.message)
            ):
                self.problems.setItem(r, col, QTableWidgetItem(text))
        self.problems.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        box = QGroupBox(
            translate("Analytics", "Rows that cannot be read (%1)").replace(
                "%1", str(len(problems))
            )
        )
        QVBoxLayout(box).addWidget(self.problems)
        box.setVisible(bool(problems))
        return box

    def _show_status(self) -> None:
        """What pressing Import would do; problems block it unless the user explicitly
        leaves those rows out."""
        if self.preview.new_or_changed == 0:
            self.status.setText(
                translate(
                    "Analytics",
                    "Nothing new: every row is already in the database. Importing "
                    "would change nothing.",
                )
            )
            self.import_button.setEnabled(False)
        elif self.preview.problems:
            self.status.setText(
                translate(
                    "Analytics",
                    "Some rows cannot be read. Nothing is imported unless you choose to "
                    "leave out the rows listed under problems.",
                )
            )
            self.import_button.setEnabled(False)
            self.skip_problems.toggled.connect(self.import_button.setEnabled)
        else:
            self.status.setText(
                translate(
                    "Analytics",
                    "Everything is readable. Nothing is written until you press Import.",
                )
            )

    def _table_item(self, table: TablePreview) -> QTreeWidgetItem:
        span = (
            f"{fmt.fmt_day(table.first)} – {fmt.fmt_day(table.last)}"
            if table.first and table.last
            else translate("Analytics", "no rows")
        )
        item = QTreeWidgetItem(
            [
                table.name,
                translate("Analytics", "%1 · account %2 · %3 rows · %4")
                .replace("%1", table.label)
                .replace("%2", table.account or "?")
                .replace("%3", str(table.records))
                .replace("%4", span),
            ]
        )
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setToolTip(1, item.text(1))
        for header, label in table.columns:
            item.addChild(QTreeWidgetItem([header, label]))
        for header in table.ignored:
            child = QTreeWidgetItem([header, translate("Analytics", "not used")])
            child.setForeground(1, theme.TEXT["muted"])  # was #a0a0a4, 2.6:1
            item.addChild(child)
        for note in ([table.anchor] if table.anchor else []) + list(table.notes):
            child = QTreeWidgetItem(["ℹ", note])
            child.setToolTip(1, note)
            item.addChild(child)
        return item

    @classmethod
    def ask(cls, preview: ImportPreview, parent: QWidget | None = None) -> bool:
        """True to import; with problems only once "leave out" is ticked (so an accepted
        preview with problems means: skip the problem rows)."""
        dialog = cls(preview, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted


# ----------------------------------------------------------------------------- year / account
class YearDialog(QDialog):
    """Which year does the last row fall in? (files without any date anchor)."""

    def __init__(
        self, tables: Sequence[TablePreview], today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Analytics", "Which year?"))
        layout = QVBoxLayout(self)
        text = QLabel(
            translate(
                "Analytics",
                "These files give days without a year (as TikTok writes them) and "
                "nothing tells the year: neither the file name nor a ZIP from TikTok. "
                "In which year is the <b>last</b> row? "
                "The earlier rows follow from it, also across New Year.",
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        for table in tables:
            spin = QSpinBox()
            spin.setRange(2016, today.year + 1)
            spin.setValue(today.year)
            spin.setAccessibleName(table.name)
            form.addRow(
                translate("Analytics", "%1 (last row: %2)")
                .replace("%1", table.name)
                .replace("%2", table.last_yearless),
                spin,
            )
            self.spins[table.name] = spin
        layout.addLayout(form)
        buttons = ok_cancel(self)
        layout.addWidget(buttons)

    def years(self) -> dict[str, int]:
        return {name: spin.value() for name, spin in self.spins.items()}

    @classmethod
    def ask(
        cls, tables: Sequence[TablePreview], today: dt.date, parent: QWidget | None = None
    ) -> dict[str, int] | None:
        dialog = cls(tables, today, parent)
        return dialog.years() if dialog.exec() == QDialog.DialogCode.Accepted else None


class AccountDialog(QDialog):
    """The account files belong to when their names do not say (business exports)."""

    def __init__(
        self, tables: Sequence[TablePreview], accounts: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Analytics", "Which account?"))
        layout = QVBoxLayout(self)
        names = ", ".join(t.name for t in tables)
        text = QLabel(
            translate(
                "Analytics",
                "The file names do not say which TikTok account these numbers belong to:\n%1",
            ).replace("%1", names)
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.addItems(list(accounts))
        self.combo.setCurrentText(accounts[0] if accounts else "")
        edit = self.combo.lineEdit()  # an editable combo box always has one
        if edit is not None:
            edit.setPlaceholderText(translate("Analytics", "e.g. stadt_musterhausen"))
        form = QFormLayout()
        form.addRow(translate("Analytics", "TikTok account (handle):"), self.combo)
        layout.addLayout(form)
        buttons = ok_cancel(self, on_ok=self._on_ok)
        layout.addWidget(buttons)

    def _on_ok(self) -> None:
        if self.account():
            self.accept()

    def account(self) -> str:
        return self.combo.currentText().strip().lstrip("@")

    @classmethod
    def ask(
        cls, tables: Sequence[TablePreview], accounts: Sequence[str], parent: QWidget | None = None
    ) -> str | None:
        dialog = cls(tables, accounts, parent)
        return dialog.account() if dialog.exec() == QDialog.DialogCode.Accepted else None


# ----------------------------------------------------------------------------- linking
NO_LINK, NEW_POST = -1, -2


class LinkVideosDialog(QDialog):
    """Imported videos without a post: link each to a post, create one, or leave it."""

    def __init__(
        self,
        service: AnalyticsService,
        videos: Sequence[UnmatchedVideo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.videos = list(videos)
        self.setWindowTitle(translate("Analytics", "Link videos to posts"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "Analytics",
                "These videos from the export are not linked to a post yet. Linked "
                "videos count for the comparison by format and audience. Choose the post, create a "
                "new draft from the video title, or leave it for later.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = read_only_table(
            len(self.videos),
            [
                translate("Analytics", "Video"),
                translate("Analytics", "Published"),
                translate("Analytics", "Views"),
                translate("Analytics", "Post"),
            ],
            "unmatchedTable",
        )
        posts = [p for p in service.post_choices() if not p.video_link.strip()]
        self.combos: list[QComboBox] = []
        for r, video in enumerate(self.videos):
            title = QTableWidgetItem(video.title or video.video_link)
            title.setToolTip(video.video_link)
            self.table.setItem(r, 0, title)
            self.table.setItem(r, 1, QTableWidgetItem(fmt.fmt_posted(video.posted_at)))
            views = QTableWidgetItem(fmt.fmt_int(video.views))
            views.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, 2, views)
            combo = QComboBox()
            combo.setAccessibleName(
                translate("Analytics", "Post for %1").replace("%1", video.title or video.video_link)
            )
            combo.addItem(translate("Analytics", "— leave unlinked —"), NO_LINK)
            combo.addItem(translate("Analytics", "➕ new post (draft) from this video"), NEW_POST)
            for post in posts:
                when = post.published_at or post.planned_at
                suffix = f" ({fmt.fmt_posted(when)})" if when else ""
                combo.addItem(f"{post.title}{suffix}", post.id)
            self.table.setCellWidget(r, 3, combo)
            self.combos.append(combo)
        self.table.resizeRowsToContents()  # the combos' height, also with a large font
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(theme.css("bad"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        apply = buttons.addButton(
            translate("Analytics", "&Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        apply.clicked.connect(self._on_apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.changed = 0

    def choose(self, row: int, choice: int) -> None:
        combo = self.combos[row]
        combo.setCurrentIndex(max(0, combo.findData(choice)))

    def apply(self) -> list[str]:
        """Link / create as chosen; returns the error texts (empty when all went well)."""
        errors: list[str] = []
        used: set[int] = set()
        for video, combo in zip(self.videos, self.combos, strict=True):
            choice = int(combo.currentData())
            try:
                if choice == NEW_POST:
                    self.service.create_post_for_video(video.video_link)
                    self.changed += 1
                elif choice >= 0:
                    if choice in used:
                        raise ValidationError(
                            "post", translate("Analytics", "One post can show only one video.")
                        )
                    self.service.link_video(video.video_link, choice)
                    used.add(choice)
                    self.changed += 1
            except TikDeskError as exc:
                errors.append(f"{video.title or video.video_link}: {exc}")
        return errors

    def _on_apply(self) -> None:
        errors = self.apply()
        if errors:
            self.status.setText("\n".join(errors))
        else:
            self.accept()

    @classmethod
    def ask(
        cls,
        service: AnalyticsService,
        videos: Sequence[UnmatchedVideo],
        parent: QWidget | None = None,
    ) -> int:
        """Open the dialog; returns how many videos were linked or got a post."""
        dialog = cls(service, videos, parent)
        dialog.exec()
        return dialog.changed


# ----------------------------------------------------------------------------- manual numbers
class ManualStatsDialog(QDialog):
    """A post's numbers typed in by hand (teams that have no export)."""

    def __init__(
        self, service: AnalyticsService, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(translate("Analytics", "Enter a post's numbers"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "Analytics",
                "For teams without TikTok's export: type in what the app shows under "
                "the video. Empty fields stay unknown (not 0). A later entry for the same day "
                "replaces this one.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.post = QComboBox()
        self.post.setObjectName("postCombo")
        for p in service.post_choices():
            when = p.published_at or p.planned_at
            self.post.addItem(p.title + (f" ({fmt.fmt_posted(when)})" if when else ""), p.id)
        self.day = QDateEdit(to_qdate(today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd.MM.yyyy" if fmt.german() else "yyyy-MM-dd")
        self.views, self.likes = CountEdit(), CountEdit()
        self.comments, self.shares, self.favourites = CountEdit(), CountEdit(), CountEdit()
        form.addRow(translate("Analytics", "&Post:"), self.post)
        form.addRow(translate("Analytics", "As of (&day):"), self.day)
        form.addRow(translate("Analytics", "&Views:"), self.views)
        form.addRow(translate("Analytics", "&Likes:"), self.likes)
        form.addRow(translate("Analytics", "&Comments:"), self.comments)
        form.addRow(translate("Analytics", "&Shares:"), self.shares)
        form.addRow(translate("Analytics", "&Favourites:"), self.favourites)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet(theme.css("bad"))
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.post.count() == 0:
            self.error.setText(
                translate(
                    "Analytics",
                    "There are no posts yet. Create the post under Posts & clearance first.",
                )
            )
            buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)

    def save(self) -> bool:
        fields = {
            "views": self.views,
            "likes": self.likes,
            "comments": self.comments,
            "shares": self.shares,
            "favourites": self.favourites,
        }
        try:
            self.service.set_manual_stats(
                int(self.post.currentData()),
                to_date(self.day.date()),
                **{name: edit.value() for name, edit in fields.items()},
            )
        except ValidationError as exc:
            self.error.setText(str(exc))
            widget = fields.get(exc.field)
            if widget is not None:
                widget.setFocus()
            return False
        except TikDeskError as exc:
            self.error.setText(str(exc))
            return False
        return True

    def _on_save(self) -> None:
        if self.save():
            self.accept()

    @classmethod
    def ask(cls, service: AnalyticsService, today: dt.date, parent: QWidget | None = None) -> bool:
        return cls(service, today, parent).exec() == QDialog.DialogCode.Accepted


# ----------------------------------------------------------------------------- benchmarks
class BenchmarkForm(QWidget):
    """A small form under the peer chart: name, day, followers, likes — and the entries."""

    saved = Signal()

    def __init__(
        self,
        service: AnalyticsService,
        read_only: Callable[[], bool],
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.read_only = read_only
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setObjectName("benchmarkName")
        edit = self.name.lineEdit()  # an editable combo box always has one
        if edit is not None:
            edit.setPlaceholderText(translate("Analytics", "Peer account"))
        self.name.setAccessibleName(translate("Analytics", "Peer account"))
        self.name.setMinimumWidth(170)
        self.day = QDateEdit(to_qdate(today()))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd.MM.yyyy" if fmt.german() else "yyyy-MM-dd")
        self.day.setAccessibleName(translate("Analytics", "Date"))
        self.followers, self.likes = CountEdit(), CountEdit()
        self.followers.setPlaceholderText(translate("Analytics", "Followers"))
        self.followers.setAccessibleName(translate("Analytics", "Followers"))
        self.likes.setPlaceholderText(translate("Analytics", "Likes (optional)"))
        self.likes.setAccessibleName(translate("Analytics", "Likes"))
        self.add_button = QPushButton(translate("Analytics", "A&dd"))
        self.add_button.clicked.connect(self._on_add)
        for widget in (self.name, self.day, self.followers, self.likes, self.add_button):
            row.addWidget(widget)
        layout.addLayout(row)
        self.error = QLabel()
        self.error.setStyleSheet(theme.css("bad"))
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.entries = read_only_table(
            0,
            [
                translate("Analytics", "Peer account"),
                translate("Analytics", "Date"),
                translate("Analytics", "Followers"),
                translate("Analytics", "Likes"),
            ],
            "benchmarkEntries",
        )
        self.entries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entries.setAccessibleName(translate("Analytics", "Peer account entries"))
        self.entries.setMaximumHeight(120)
        self.entries.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.entries.itemSelectionChanged.connect(self._update_delete)
        entries_row = QHBoxLayout()
        entries_row.addWidget(self.entries, 1)
        self.delete_button = QPushButton(translate("Analytics", "Delete entr&y"))
        self.delete_button.clicked.connect(self._on_delete_selected)
        entries_row.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(entries_row)
        self._ids: list[int] = []

    def set_entries(self, series: Sequence[BenchmarkSeries]) -> None:
        names = [s.name for s in series]
        current = self.name.currentText()
        self.name.clear()
        self.name.addItems(names)
        self.name.setCurrentText(current)
        rows = [
            (s.name, s.days[i], s.followers[i], s.likes[i], s.ids[i])
            for s in series
            for i in range(len(s.days))
        ]
        rows.sort(key=lambda r: (r[1], r[0]), reverse=True)
        self._ids = [r[4] for r in rows]
        self.entries.setRowCount(len(rows))
        for r, (name, day, followers, likes, _ident) in enumerate(rows):
            for c, text in enumerate(
                (name, fmt.fmt_day(day), fmt.fmt_int(followers), fmt.fmt_int(likes))
            ):
                item = QTableWidgetItem(text)
                if c >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.entries.setItem(r, c, item)
        # date and numbers as wide as their texts at any font size (once, not per item)
        for column in (1, 2, 3):
            self.entries.resizeColumnToContents(column)
        self.add_button.setEnabled(not self.read_only())
        self._update_delete()

    def _update_delete(self) -> None:
        self.delete_button.setEnabled(
            not self.read_only() and bool(self.entries.selectionModel().selectedRows())
        )

    def submit(self) -> bool:
        try:
            self.service.save_benchmark(
                self.name.currentText(),
                to_date(self.day.date()),
                self.followers.value(),
                self.likes.value(),
            )
        except TikDeskError as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return False
        self.error.setVisible(False)
        self.followers.clear()
        self.likes.clear()
        self.saved.emit()
        return True

    def _on_add(self) -> None:
        self.submit()

    def delete_selected(self) -> int:
        rows = sorted({i.row() for i in self.entries.selectionModel().selectedRows()})
        for row in rows:
            self.service.delete_benchmark(self._ids[row])
        if rows:
            self.saved.emit()
        return len(rows)

    def _on_delete_selected(self) -> None:
        self.delete_selected()
