"""Übersicht: what needs attention today.  Double-click an entry to open it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.errors import TikDeskError
from tikdesk.services.context import AppContext
from tikdesk.services.first_start import FirstStartService
from tikdesk.services.overview import Overview, OverviewService
from tikdesk.services.posts import PostSummary, TakeDown
from tikdesk.ui import messages, theme
from tikdesk.ui.tab import RefreshWhenShown, TabHost
from tikdesk.ui.widgets.badges import (
    BLOCK_ICON,
    INFO_ICON,
    OK_ICON,
    WARN_ICON,
    post_gate_colour,
    post_gate_icon,
    post_gate_text,
    std_icon,
)
from tikdesk.ui.widgets.controls import heading_label
from tikdesk.ui.widgets.fmt import fmt_date, fmt_datetime

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1  # ("post"|"person", id)
KEY_ROLE = Qt.ItemDataRole.UserRole + 2


class OverviewTab(RefreshWhenShown, QWidget):
    #: an entry was double-clicked: show that post (id) on its tab
    show_post_requested = Signal(int)
    #: … or that person (id)
    show_person_requested = Signal(int)

    def __init__(self, ctx: AppContext, host: TabHost) -> None:
        super().__init__()
        self.ctx = ctx
        self.host = host
        self.service = OverviewService(ctx)
        self.data: Overview | None = None
        self._loading = False
        self._fresh = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("What needs attention"))  # it takes focus to scroll
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.heading = heading_label()
        self.heading.setWordWrap(True)  # "Noch nichts erfasst. …" fits any width
        layout.addWidget(self.heading)
        # The posting rhythm (Kalender): "diese Woche 1 von 3 geplant, 0 freigegeben".
        self.rhythm = QLabel()
        self.rhythm.setObjectName("weekRhythm")
        self.rhythm.setAccessibleName(self.tr("Posting rhythm this week"))
        layout.addWidget(self.rhythm)
        grid = QGridLayout()
        layout.addLayout(grid)
        self._build_lists(grid)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("dsbNotice")
        self.notice.setStyleSheet(theme.box_style("dsbNotice", "info", padding=5))
        layout.addWidget(self.notice)
        layout.addStretch(1)

        host.data_changed.connect(self.on_data_changed)

    def _build_lists(self, grid: QGridLayout) -> None:
        """The lists of what needs attention, two per row."""
        self.upcoming = self._list(
            grid,
            0,
            0,
            self.tr("Planned in the next 7 days"),
            [self.tr("Planned"), self.tr("Post"), self.tr("Status"), self.tr("Clearance")],
        )
        self.blocked = self._list(
            grid, 0, 1, self.tr("Blocked posts"), [self.tr("Post"), self.tr("Why")]
        )
        self.take_downs = self._list(
            grid,
            1,
            0,
            self.tr("Must come off TikTok (consent withdrawn, ended or no longer fitting)"),
            [self.tr("Post"), self.tr("Published"), self.tr("Why")],
        )
        self.expiring = self._list(
            grid,
            1,
            1,
            self.tr("Consents expiring in the next 30 days"),
            [self.tr("Until"), self.tr("Person"), self.tr("Given by")],
        )
        self.turning = self._list(
            grid,
            2,
            0,
            self.tr("Minors turning 18 in the next 30 days"),
            [self.tr("18th birthday"), self.tr("Person"), self.tr("What to do")],
        )
        self.deletions = self._list(
            grid,
            2,
            1,
            self.tr("Retention period over — delete"),
            [self.tr("Since"), self.tr("Person")],
        )
        self.account = self._list(
            grid,
            3,
            0,
            self.tr("Account prerequisites (once per account)"),
            [self.tr("Prerequisite"), self.tr("Done by"), self.tr("Legal basis")],
            span=2,
        )
        self.account.itemChanged.connect(self._on_account_changed)

    def _list(
        self,
        grid: QGridLayout,
        row: int,
        column: int,
        title: str,
        headers: list[str],
        span: int = 1,
    ) -> QTreeWidget:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        tree = QTreeWidget()
        tree.setAccessibleName(title)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setWordWrap(True)
        tree.setAlternatingRowColors(True)
        header = tree.header()
        header.setStretchLastSection(True)
        for index in range(len(headers) - 1):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.ResizeToContents)
        tree.itemActivated.connect(self._on_activated)
        layout.addWidget(tree)
        grid.addWidget(box, row, column, 1, span)
        box.setProperty("title_text", title)
        tree.setProperty("box", box)
        return tree

    # ---------------------------------------------------------------- loading
    @Slot()
    def refresh(self) -> None:
        try:
            data = self.service.overview()
        except TikDeskError as exc:
            messages.show_warning(self, self.tr("Overview"), str(exc))
            return
        self.mark_fresh()
        self.data = data
        self._fresh = FirstStartService(self.ctx).database_empty()
        self._loading = True
        self.heading.setText(
            self.tr("What needs attention today, %1").replace("%1", fmt_date(data.today))
        )
        if self._fresh:
            self.heading.setText(
                self.tr(
                    "<b>Nothing entered yet.</b> Start with an idea (Ideas tab), a post "
                    "(Posts &amp; clearance) or import TikTok's analytics (Analytics tab)."
                )
            )
        self._fill_rhythm()
        self._fill_upcoming(data.upcoming)
        self._fill_blocked(data.blocked)
        self._fill_take_downs(data.take_downs)
        self._fill(
            self.expiring,
            [
                (
                    [
                        fmt_date(e.valid_until) + " " + self.tr("(%n days)", "", e.days_left),
                        e.person_name,
                        e.role_label + (f": {e.custodian_name}" if e.custodian_name else ""),
                    ],
                    ("person", e.person_id),
                    WARN_ICON,
                )
                for e in data.expiring
            ],
        )
        self._fill(
            self.turning,
            [
                (
                    [
                        fmt_date(t.birthday) + " " + self.tr("(%n days)", "", t.days_left),
                        t.person_name,
                        self.tr("Ask for a new consent of their own"),
                    ],
                    ("person", t.person_id),
                    INFO_ICON,
                )
                for t in data.turning_18
            ],
        )
        self._fill(
            self.deletions,
            [
                ([fmt_date(d.retention_until), d.display_name], ("person", d.person_id), WARN_ICON)
                for d in data.due_deletions
            ],
        )
        self._fill_account(data)
        self.notice.setText(data.notice)
        self._loading = False

    def _fill_rhythm(self) -> None:
        from tikdesk.services.calendar import CalendarService

        try:
            lines = CalendarService(self.ctx).this_week()
        except TikDeskError:
            lines = []
        self.rhythm.setText("\n".join(lines))
        self.rhythm.setVisible(bool(lines))

    def _fill(
        self,
        tree: QTreeWidget,
        rows: list[tuple[list[str], tuple[str, int], Any]],
    ) -> None:
        tree.clear()
        for texts, target, icon in rows:
            item = QTreeWidgetItem(texts)
            item.setData(0, TARGET_ROLE, target)
            item.setIcon(0, std_icon(icon))
            for column, text in enumerate(texts):
                item.setToolTip(column, text)
            tree.addTopLevelItem(item)
        self._set_count(tree, len(rows))
        if not rows and self._fresh:  # an empty database: no ticks for "all done" (issue 20)
            empty = QTreeWidgetItem([self.tr("Nothing here yet.")])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            tree.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)
        elif not rows:
            empty = QTreeWidgetItem([self.tr("Nothing to do.")])
            empty.setIcon(0, std_icon(OK_ICON))
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            tree.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)
        fit_height(tree)

    def _set_count(self, tree: QTreeWidget, count: int) -> None:
        box = tree.property("box")
        title = box.property("title_text")
        box.setTitle(f"{title} ({count})" if count else title)

    def _fill_upcoming(self, posts: tuple[PostSummary, ...]) -> None:
        self._fill(
            self.upcoming,
            [
                (
                    [
                        fmt_datetime(p.planned_at),
                        p.title,
                        p.status.label,
                        p.gate_text or post_gate_text(p.status, p.gate, p.take_down),
                    ],
                    ("post", p.id),
                    OK_ICON,
                )
                for p in posts
            ],
        )
        for index, post in enumerate(posts):
            item = self.upcoming.topLevelItem(index)
            if item is None:
                continue
            item.setIcon(0, std_icon(INFO_ICON))
            item.setIcon(3, post_gate_icon(post.status, post.gate, post.take_down))
            item.setForeground(3, post_gate_colour(post.status, post.gate, post.take_down))
            item.setToolTip(3, "\n".join(post.blockers) or post.gate.label)

    def _fill_blocked(self, posts: tuple[PostSummary, ...]) -> None:
        rows = []
        for post in posts:
            reasons = list(post.blockers)
            text = reasons[0] if reasons else ""
            if len(reasons) > 1:
                text += "  " + self.tr("(+%n more)", "", len(reasons) - 1)
            rows.append(([post.title, text], ("post", post.id), BLOCK_ICON))
        self._fill(self.blocked, rows)
        for index, post in enumerate(posts):
            item = self.blocked.topLevelItem(index)
            if item is not None:
                item.setToolTip(1, "\n".join(f"• {r}" for r in post.blockers))

    def _fill_take_downs(self, posts: tuple[TakeDown, ...]) -> None:
        self._fill(
            self.take_downs,
            [
                (
                    [
                        p.title,
                        fmt_datetime(p.published_at),
                        "; ".join(p.take_down_reasons) or self.tr("Consent withdrawn"),
                    ],
                    ("post", p.id),
                    BLOCK_ICON,
                )
                for p in posts
            ],
        )

    def _fill_account(self, data: Overview) -> None:
        self.account.clear()
        done = 0
        for check in data.account:
            who = ""
            if check.done:
                done += 1
                who = f"{check.done_by}, {fmt_iso_date(check.done_at)}"
            item = QTreeWidgetItem([check.label, who, check.basis])
            item.setData(0, KEY_ROLE, check.key)
            item.setToolTip(0, check.help)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if check.done else Qt.CheckState.Unchecked)
            item.setIcon(0, std_icon(OK_ICON if check.done else WARN_ICON))
            self.account.addTopLevelItem(item)
        fit_height(self.account)
        self.account.setEnabled(not self.read_only())
        box = self.account.property("box")
        box.setTitle(f"{box.property('title_text')} ({done}/{len(data.account)})")

    # ---------------------------------------------------------------- actions
    @Slot(QTreeWidgetItem, int)
    def _on_account_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._loading or column != 0:
            return
        key = item.data(0, KEY_ROLE)
        try:
            self.service.set_account_check(str(key), item.checkState(0) == Qt.CheckState.Checked)
        except TikDeskError as exc:
            messages.show_warning(self, self.tr("Account prerequisites"), str(exc))
        self.refresh()

    @Slot(QTreeWidgetItem, int)
    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, TARGET_ROLE)
        if not target:
            return
        kind, ident = target
        if kind == "post":
            self.show_post_requested.emit(int(ident))
        else:
            self.show_person_requested.emit(int(ident))


def fit_height(tree: QTreeWidget, min_rows: int = 2, max_rows: int = 8) -> None:
    """Make a short list as high as its rows (a few rows shown, the rest scroll)."""
    rows = max(min_rows, min(max_rows, tree.topLevelItemCount()))
    row_height = tree.sizeHintForRow(0) if tree.topLevelItemCount() else 20
    height = tree.header().sizeHint().height() + rows * max(row_height, 18) + 2 * tree.frameWidth()
    tree.setFixedHeight(height + 4)


def fmt_iso_date(text: str) -> str:
    """``2026-11-25 10:00:00`` (stored) → the UI's date format."""
    import datetime as dt

    try:
        return fmt_date(dt.datetime.fromisoformat(text).date())
    except ValueError:
        return text
