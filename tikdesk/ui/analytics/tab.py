"""The "Auswertung" tab: what works on TikTok, from the files TikTok lets an account download.

The tab puts its parts together: the toolbar (:mod:`.toolbar`: account, period, commands),
the summary line, the charts (:mod:`.charts`, built and pyqtgraph imported when the tab is
first shown) or the empty page (:mod:`.empty`), the recruiting table, and the import flow
(:mod:`.importer`).  The data comes from :class:`~tikdesk.ui.analytics.data.BoardSource`:
a switch of account or period re-reads at most one account's days and feeds the charts on
screen new arrays.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from tikdesk.options import ANALYTICS_ACCOUNT, ANALYTICS_HEAT, ANALYTICS_PERIOD
from tikdesk.services.analytics import AnalyticsService
from tikdesk.services.context import AppContext
from tikdesk.services.recruiting import RecruitingService
from tikdesk.ui import messages, theme
from tikdesk.ui.a11y import scrolled
from tikdesk.ui.analytics.data import BoardSource, kpi_text
from tikdesk.ui.analytics.dialogs import BenchmarkForm
from tikdesk.ui.analytics.empty import EmptyPage
from tikdesk.ui.analytics.importer import DROP_PRIORITY, ImportFlow
from tikdesk.ui.analytics.recruiting import RecruitingBox
from tikdesk.ui.analytics.summary import SummaryLine
from tikdesk.ui.analytics.toolbar import CUSTOM, AnalyticsToolbar
from tikdesk.ui.tab import Menus, TabHost

if TYPE_CHECKING:
    import datetime as dt

    from tikdesk.ui.analytics.charts import ChartBoard

translate = QCoreApplication.translate


def _kpi_style() -> str:
    fg, border, fill = theme.box_colours("muted")
    return (
        f"QLabel#analyticsKpis {{ background: {fill.name()}; color: {fg.name()};"
        f" padding: 6px 10px; border: 1px solid {border.name()}; }}"
    )


class AnalyticsTab(QWidget):
    """The Auswertung tab (keeps the :class:`~tikdesk.ui.tab.Tab` contract)."""

    def __init__(self, ctx: AppContext, host: TabHost) -> None:
        super().__init__()
        self.ctx = ctx
        self.host = host
        self._read_only_db = False
        self._heat = ANALYTICS_HEAT.get(host.settings)
        self.service = AnalyticsService(ctx)
        self.source = BoardSource(self.service)
        self.board: ChartBoard | None = None
        self._accounts: list[str] = []
        # read when the tab is first shown, not while it is built (issue 21: reading the
        # accounts and recruiting figures here blocked the start 120-280 ms)
        self._accounts_read = False
        self._dirty = False
        self.imports = ImportFlow(
            self.service,
            self,
            read_only=self._read_only,
            changed=self._changed_here,
            status=host.show_status,
            today=self.today,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.toolbar = AnalyticsToolbar(self.source.bounds_of, self.today)
        self._connect_toolbar()
        # narrower than its controls (small window, large font): it scrolls sideways
        layout.addWidget(scrolled(self.toolbar, vertical=False))
        self.kpis = SummaryLine("analyticsKpis", _kpi_style())
        layout.addWidget(self.kpis)
        layout.addWidget(self._build_pages(), 1)
        self._build_recruiting(layout)
        self.benchmark_form = BenchmarkForm(self.service, self._read_only, self.today)
        self.benchmark_form.saved.connect(self._on_benchmarks_changed)
        host.data_changed.connect(self._on_data_changed)
        host.register_drop_handler(self.handle_drop, DROP_PRIORITY)

    def today(self) -> dt.date:
        """Today as the context's clock says (read on each call: a test may freeze it)."""
        return self.ctx.clock.today()

    # ================================================================== building
    def _connect_toolbar(self) -> None:
        bar = self.toolbar
        self.account_box, self.period_box = bar.account_box, bar.period_box
        self.table_check, self.import_button = bar.table_check, bar.import_button
        self.link_button, self.manual_button = bar.link_button, bar.manual_button
        bar.selection_changed.connect(self.redraw)
        bar.table_check.toggled.connect(self._on_table_mode)
        bar.import_button.clicked.connect(self.imports.import_files_dialog)
        bar.link_button.clicked.connect(self.link_videos)
        bar.manual_button.clicked.connect(self.imports.enter_numbers)

    def _build_pages(self) -> QStackedWidget:
        self.stack = QStackedWidget()
        empty = EmptyPage()
        self.empty_label = empty.label
        self.empty_import, self.empty_folder = empty.import_button, empty.folder_button
        self.empty_manual, self.empty_recruiting = empty.manual_button, empty.recruiting_button
        empty.import_button.clicked.connect(self.imports.import_files_dialog)
        empty.folder_button.clicked.connect(self.imports.import_folder_dialog)
        empty.manual_button.clicked.connect(self.imports.enter_numbers)
        empty.recruiting_button.clicked.connect(self.show_recruiting)
        self.empty_page = scrolled(empty)  # fits a small window
        self.stack.addWidget(self.empty_page)
        self.chart_scroll = QScrollArea()
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.chart_scroll.setAccessibleName(translate("Analytics", "Charts"))
        self.stack.addWidget(self.chart_scroll)
        return self.stack

    def _build_recruiting(self, layout: QVBoxLayout) -> None:
        """The recruiting figures the team types in, below the charts, shown with the
        "Recruiting" button (a section header: the toolbar is as wide as a small screen)."""
        button = QToolButton()
        button.setObjectName("recruitingToggle")
        button.setText(translate("Analytics", "Recruitin&g"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setArrowType(Qt.ArrowType.RightArrow)
        button.setAutoRaise(True)
        button.setCheckable(True)
        button.setToolTip(
            translate(
                "Analytics",
                "Record applications naming TikTok and career link clicks per month",
            )
        )
        button.toggled.connect(self._on_recruiting_toggled)
        self.recruiting_button = button
        self.recruiting = RecruitingBox(
            RecruitingService(self.ctx),
            self._read_only,
            lambda title, text: messages.show_warning(self, title, text),
            self.today,
        )
        self.recruiting.setMaximumHeight(300)
        self.recruiting.setVisible(False)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.recruiting)

    def install_actions(self, menus: Menus) -> None:
        """Datei → Importieren → TikTok-Analysedaten… (files) and … aus Ordner… (folder)."""
        self.action_import = QAction(translate("Analytics", "TikTok &analytics…"), self)
        self.action_import.setToolTip(
            translate("Analytics", "Import TikTok's analytics downloads (ZIP, CSV, XLSX)")
        )
        self.action_import.triggered.connect(lambda _c=False: self.imports.import_files_dialog())
        self.action_import_folder = QAction(
            translate("Analytics", "TikTok analytics from a &folder…"), self
        )
        self.action_import_folder.triggered.connect(
            lambda _c=False: self.imports.import_folder_dialog()
        )
        menus.import_.addAction(self.action_import)
        menus.import_.addAction(self.action_import_folder)
        self._update_enabled()

    def ensure_board(self) -> ChartBoard:
        """The charts, built (and pyqtgraph imported) on first need."""
        if self.board is None:
            from tikdesk.ui.analytics.charts import ChartBoard

            self.board = ChartBoard(self.benchmark_form)
            self.board.heatmap.metric_changed.connect(lambda _metric: self.redraw())
            for panel in (self.board.by_format, self.board.by_audience):
                panel.link_requested.connect(self.link_videos)
            box = self.board.heatmap.metric_box
            box.setCurrentIndex(max(0, box.findData(self._heat)))
            self.chart_scroll.setWidget(self.board)
            if self.table_check.isChecked():
                self.board.set_table_mode(True)
        return self.board

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._accounts_read:
            self._reload_accounts()
        if self.board is None:
            self.ensure_board()
            self.redraw()
        if self._dirty:
            self._dirty = False
            self.refresh()

    # ================================================================== state
    def _read_only(self) -> bool:
        return self._read_only_db

    def set_read_only(self, read_only: bool) -> None:
        self._read_only_db = read_only
        self._update_enabled()

    def may_close(self) -> bool:
        """Numbers typed in are saved by their dialogs; nothing is edited in place."""
        return True

    def _update_enabled(self) -> None:
        writable = not self._read_only()
        for widget in (
            self.import_button,
            self.manual_button,
            self.empty_import,
            self.empty_folder,
            self.empty_manual,
            self.link_button,
        ):
            widget.setEnabled(writable)
        for name in ("action_import", "action_import_folder"):
            action = getattr(self, name, None)
            if action is not None:
                action.setEnabled(writable)

    def restore_layout(self, settings: QSettings) -> None:
        days = ANALYTICS_PERIOD.get(settings)
        self.toolbar.set_period(days if days != CUSTOM else 28)

    def save_layout(self, settings: QSettings) -> None:
        ANALYTICS_PERIOD.set(settings, self.toolbar.period_days())
        ANALYTICS_ACCOUNT.set(settings, self.account_box.currentText())
        if self.board is not None:
            ANALYTICS_HEAT.set(settings, self.board.heatmap.selected_metric)

    def invalidate(self) -> None:
        """Read the data again on the next redraw (after an import elsewhere …)."""
        self.source.invalidate()

    def _reload_accounts(self) -> None:
        self._accounts_read = True
        self._accounts = self.service.accounts()
        self.toolbar.set_accounts(self._accounts, ANALYTICS_ACCOUNT.get(self.host.settings))
        self.recruiting.set_accounts(self._accounts)
        self.recruiting.reload()
        self.toolbar.set_unlinked(len(self.service.unmatched_videos()) if self._accounts else 0)
        self._update_enabled()

    def refresh(self) -> None:
        """Re-read everything (after imports elsewhere, a database switch …)."""
        self.invalidate()
        self._reload_accounts()
        self.redraw()

    def _on_data_changed(self) -> None:
        """Other tabs change data often: re-read now only when the charts are on screen."""
        if self.isVisible():
            self.refresh()
        elif not self._accounts_read:  # never shown: the first show reads everything
            self.invalidate()
        else:  # the pickers stay current; the charts are redrawn when shown
            self.invalidate()
            self._reload_accounts()
            self._dirty = True

    def _changed_here(self) -> None:
        """After an import or numbers typed in: every tab reads again, and the pickers offer
        the new account at once (a drop imports here while another tab is current)."""
        self.host.data_changed.emit()
        if not self._accounts_read:
            self._reload_accounts()

    def account(self) -> str | None:
        return self.toolbar.account()

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        return self.toolbar.period()

    def set_period(self, days: int) -> None:
        self.toolbar.set_period(days)

    def set_account(self, account: str) -> None:
        self.toolbar.set_account(account)

    def set_custom_period(self, start: dt.date, end: dt.date) -> None:
        self.toolbar.set_custom_period(start, end)

    # ================================================================== drawing
    def redraw(self) -> None:
        """Feed the charts for the current account and period (only once they exist)."""
        if not self._accounts_read:  # not shown yet (a period restored while building)
            return
        if self.source.benchmarks_stale():  # read again after a change: only then refill
            self.benchmark_form.set_entries(self.source.benchmarks())
        if not self._accounts and not self.source.benchmarks():
            self.stack.setCurrentWidget(self.empty_page)
            self.kpis.setVisible(False)
            return
        self.stack.setCurrentWidget(self.chart_scroll)
        if self.board is None:
            return
        start, end = self.period()
        data = self.source.board_data(
            self.account() or "", start, end, self.board.heatmap.selected_metric
        )
        self.board.show_data(data)
        self.kpis.setText(kpi_text(data, start, end))
        self.kpis.setVisible(True)

    # ================================================================== slots
    def _on_table_mode(self, on: bool) -> None:
        if self.board is not None:
            self.board.set_table_mode(on)

    def show_recruiting(self) -> None:
        """Show the recruiting table (also before any TikTok file was imported)."""
        self.recruiting_button.setChecked(True)
        self.recruiting.applications_edit.setFocus()

    def _on_recruiting_toggled(self, on: bool) -> None:
        self.recruiting.setVisible(on)
        self.recruiting_button.setArrowType(
            Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow
        )

    def _on_benchmarks_changed(self) -> None:
        self.source.forget_benchmarks()
        self.redraw()

    # ================================================================== import
    def handle_drop(self, paths: list[Path]) -> bool:
        """Drop handler (before the idea import): TikTok files only."""
        return self.imports.handle_drop(paths)

    def import_paths(self, paths: list[Path]) -> bool:
        return self.imports.import_paths(paths)

    def link_videos(self) -> None:
        self.imports.link_videos()
