"""The "Auswertung" tab: what works on TikTok, from the files TikTok lets an account download.

pyqtgraph (and numpy) are imported only when the tab is first shown: the charts live in
:mod:`tikdesk.ui.analytics.charts`, which this module imports inside :meth:`showEvent`.
Switching account or period re-reads one account's days (a few ms in SQLite), filters the
cached video list in Python and feeds the existing plot items new arrays.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tikdesk.domain.errors import Cancelled, TikDeskError
from tikdesk.options import ANALYTICS_ACCOUNT, ANALYTICS_HEAT, ANALYTICS_PERIOD
from tikdesk.services import analytics as svc
from tikdesk.services.analytics import AnalyticsService, DailySeries, VideoPerformance
from tikdesk.services.context import AppContext
from tikdesk.services.recruiting import RecruitingService
from tikdesk.ui.a11y import scrolled
from tikdesk.ui.analytics import fmt
from tikdesk.ui.analytics.dialogs import (
    AccountDialog,
    BenchmarkForm,
    ImportPreviewDialog,
    LinkVideosDialog,
    ManualStatsDialog,
    YearDialog,
    to_date,
    to_qdate,
)
from tikdesk.ui.analytics.recruiting import RecruitingBox
from tikdesk.ui.analytics.summary import SummaryLine

if TYPE_CHECKING:
    from tikdesk.ui.analytics.charts import ChartBoard

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

ALL, CUSTOM = 0, -1
FILE_FILTER = "*.zip *.csv *.txt *.xlsx *.xlsm *.xls *.ods"


class AnalyticsTab(QWidget):
    def __init__(self, ctx: AppContext, window: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.window_ = window
        self.service = AnalyticsService(ctx)
        self.board: ChartBoard | None = None
        self._videos: dict[str, list[VideoPerformance]] = {}
        self._own_all: dict[str, DailySeries] = {}
        self._bounds: dict[str, tuple[dt.date | None, dt.date | None]] = {}
        self._shares: dict[str, tuple[list[Any], list[Any]]] = {}
        self._benchmarks: list[svc.BenchmarkSeries] | None = None
        self._accounts: list[str] = []
        self._loading = False
        self._dirty = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        toolbar = QWidget()
        toolbar.setObjectName("analyticsToolbar")
        bar = self._build_toolbar()
        bar.setContentsMargins(0, 0, 0, 0)
        toolbar.setLayout(bar)
        # narrower than its controls (small window, large font): it scrolls sideways
        layout.addWidget(scrolled(toolbar, vertical=False))
        self.kpis = SummaryLine(
            "analyticsKpis",
            "QLabel#analyticsKpis { background: #f4f6f8; padding: 6px 10px;"
            " border: 1px solid #dde1e5; }",
        )
        layout.addWidget(self.kpis)
        self.stack = QStackedWidget()
        self.empty_page = scrolled(self._build_empty_page())  # fits a small window
        self.stack.addWidget(self.empty_page)
        self.chart_scroll = QScrollArea()
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.chart_scroll.setAccessibleName(translate("Analytics", "Charts"))
        self.stack.addWidget(self.chart_scroll)
        layout.addWidget(self.stack, 1)
        # The recruiting figures the team types in, below the charts, shown with the
        # "Recruiting" button (next to the scrolled charts, a switch still paints each
        # chart once).
        self.recruiting = RecruitingBox(
            RecruitingService(ctx), self._read_only, window.show_warning
        )
        self.recruiting.setMaximumHeight(300)
        self.recruiting.setVisible(False)
        layout.addWidget(self.recruiting_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.recruiting)
        self.benchmark_form = BenchmarkForm(self.service, self._read_only)
        self.benchmark_form.saved.connect(self._on_benchmarks_changed)

        window.data_changed.connect(self._on_data_changed)
        window.register_drop_handler(self.handle_drop, priority=10)
        self._restore_settings()
        self._reload_accounts()

    # ================================================================== building
    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.account_box = QComboBox()
        self.account_box.setObjectName("accountBox")
        self.account_box.setMinimumWidth(180)
        self.account_box.setAccessibleName(translate("Analytics", "Account"))
        self.period_box = QComboBox()
        self.period_box.setObjectName("periodBox")
        self.period_box.setAccessibleName(translate("Analytics", "Period"))
        for days, text in (
            (7, translate("Analytics", "Last 7 days")),
            (28, translate("Analytics", "Last 28 days")),
            (90, translate("Analytics", "Last 90 days")),
            (365, translate("Analytics", "Last 365 days")),
            (ALL, translate("Analytics", "Everything")),
            (CUSTOM, translate("Analytics", "Custom…")),
        ):
            self.period_box.addItem(text, days)
        self.period_box.setCurrentIndex(1)
        date_format = "dd.MM.yyyy" if fmt.german() else "yyyy-MM-dd"
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit, name in (
            (self.from_edit, translate("Analytics", "From")),
            (self.to_edit, translate("Analytics", "To")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format)
            edit.setAccessibleName(name)
            edit.setVisible(False)
            edit.dateChanged.connect(self._on_custom_dates)
        account_label = QLabel(translate("Analytics", "Acco&unt:"))
        account_label.setBuddy(self.account_box)
        period_label = QLabel(translate("Analytics", "Pe&riod:"))
        period_label.setBuddy(self.period_box)
        self.import_button = QPushButton(translate("Analytics", "I&mport…"))
        self.import_button.setToolTip(
            translate(
                "Analytics", "Import the ZIP files TikTok offers under Analytics → Download data"
            )
        )
        self.import_button.clicked.connect(self.import_files_dialog)
        self.link_button = QPushButton(translate("Analytics", "&Link videos…"))
        self.link_button.clicked.connect(self.link_videos)
        self.manual_button = QPushButton(translate("Analytics", "Enter num&bers…"))
        self.manual_button.setToolTip(translate("Analytics", "Type in a post's numbers by hand"))
        self.manual_button.clicked.connect(self.enter_numbers)
        self.table_check = QCheckBox(translate("Analytics", "Numbers as &tables"))
        self.table_check.setToolTip(
            translate(
                "Analytics", "Show every chart as a table (for screen readers and exact values)"
            )
        )
        self.table_check.toggled.connect(self._on_table_mode)
        # a section header below the charts (the toolbar is as wide as a small screen)
        self.recruiting_button = QToolButton()
        self.recruiting_button.setObjectName("recruitingToggle")
        self.recruiting_button.setText(translate("Analytics", "Recruitin&g"))
        self.recruiting_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.recruiting_button.setArrowType(Qt.ArrowType.RightArrow)
        self.recruiting_button.setAutoRaise(True)
        self.recruiting_button.setCheckable(True)
        self.recruiting_button.setToolTip(
            translate(
                "Analytics",
                "Record applications naming TikTok and career link clicks per month",
            )
        )
        self.recruiting_button.toggled.connect(self._on_recruiting_toggled)
        for widget in (
            account_label,
            self.account_box,
            period_label,
            self.period_box,
            self.from_edit,
            self.to_edit,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        for button in (
            self.table_check,
            self.import_button,
            self.link_button,
            self.manual_button,
        ):
            bar.addWidget(button)
        self.account_box.currentIndexChanged.connect(self._on_account_changed)
        self.period_box.currentIndexChanged.connect(self._on_period_changed)
        return bar

    def _build_empty_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.empty_label = QLabel(
            translate(
                "Analytics",
                "<h2>No analytics data yet</h2>"
                "<p>Import the files TikTok lets you download – in TikTok Studio under "
                "<i>Analytics → Download data</i>:</p>"
                "<ul><li><b>Overview_…zip</b> – views, likes, comments, shares per day</li>"
                "<li><b>Followers_…zip</b> – followers per day, gender and regions</li>"
                "<li><b>Content_…zip</b> – numbers per video</li>"
                "<li>or the overview from <b>TikTok Business Suite</b> (.xlsx/.csv)</li></ul>"
                "<p>Drag the files onto this window or use <i>File → Import → TikTok "
                "analytics…</i> – without exports you can type in a post's numbers by hand.</p>",
            )
        )
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMaximumWidth(640)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_label)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.empty_import = QPushButton(translate("Analytics", "Import TikTok files…"))
        self.empty_import.clicked.connect(self.import_files_dialog)
        self.empty_folder = QPushButton(translate("Analytics", "Import a folder…"))
        self.empty_folder.clicked.connect(self.import_folder_dialog)
        self.empty_manual = QPushButton(translate("Analytics", "Enter numbers by hand…"))
        self.empty_manual.clicked.connect(self.enter_numbers)
        self.empty_recruiting = QPushButton(translate("Analytics", "Record recruiting figures…"))
        self.empty_recruiting.clicked.connect(self.show_recruiting)
        for button in (
            self.empty_import,
            self.empty_folder,
            self.empty_manual,
            self.empty_recruiting,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)
        return page

    def install_actions(self) -> None:
        """Datei → Importieren → TikTok-Analysedaten… (files) and … aus Ordner… (folder)."""
        self.action_import = QAction(translate("Analytics", "TikTok &analytics…"), self)
        self.action_import.setToolTip(
            translate("Analytics", "Import TikTok's analytics downloads (ZIP, CSV, XLSX)")
        )
        self.action_import.triggered.connect(lambda _c=False: self.import_files_dialog())
        self.action_import_folder = QAction(
            translate("Analytics", "TikTok analytics from a &folder…"), self
        )
        self.action_import_folder.triggered.connect(lambda _c=False: self.import_folder_dialog())
        self.window_.menu_import.addAction(self.action_import)
        self.window_.menu_import.addAction(self.action_import_folder)
        self._update_enabled()

    def _ensure_board(self) -> ChartBoard:
        """Build the charts (and import pyqtgraph) on first need."""
        if self.board is None:
            from tikdesk.ui.analytics.charts import ChartBoard

            self.board = ChartBoard(self.benchmark_form)
            self.board.heatmap.metric_changed.connect(self._on_heat_metric)
            for panel in (self.board.by_format, self.board.by_audience):
                panel.link_requested.connect(self.link_videos)
            heat = ANALYTICS_HEAT.get(self.window_.settings)
            box = self.board.heatmap.metric_box
            box.setCurrentIndex(max(0, box.findData(heat)))
            self.chart_scroll.setWidget(self.board)
            if self.table_check.isChecked():
                self.board.set_table_mode(True)
        return self.board

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.board is None:
            self._ensure_board()
            self.redraw()
        if self._dirty:
            self._dirty = False
            self.refresh()

    # ================================================================== state
    def _read_only(self) -> bool:
        return bool(self.window_.is_read_only())

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

    def _restore_settings(self) -> None:
        days = ANALYTICS_PERIOD.get(self.window_.settings)
        index = self.period_box.findData(days if days != CUSTOM else 28)
        self.period_box.setCurrentIndex(max(0, index))

    def save_layout(self) -> None:
        settings = self.window_.settings
        ANALYTICS_PERIOD.set(settings, int(self.period_box.currentData()))
        ANALYTICS_ACCOUNT.set(settings, self.account_box.currentText())
        if self.board is not None:
            ANALYTICS_HEAT.set(settings, self.board.heatmap.selected_metric)

    def _invalidate(self) -> None:
        self._videos.clear()
        self._own_all.clear()
        self._bounds.clear()
        self._shares.clear()
        self._benchmarks = None

    def _reload_accounts(self) -> None:
        self._accounts = self.service.accounts()
        current = self.account_box.currentText() or ANALYTICS_ACCOUNT.get(self.window_.settings)
        self._loading = True
        self.account_box.clear()
        self.account_box.addItems(self._accounts)
        index = self.account_box.findText(current)
        self.account_box.setCurrentIndex(index if index >= 0 else 0)
        self._loading = False
        # Enabled even with one account: a disabled box looked broken (issue 20); with none
        # it says so instead of staying blank.
        self.account_box.setEnabled(bool(self._accounts))
        self.account_box.setPlaceholderText(translate("Analytics", "no account yet"))
        self.recruiting.set_accounts(self._accounts)
        self.recruiting.reload()
        unmatched = len(self.service.unmatched_videos()) if self._accounts else 0
        self.link_button.setText(
            translate("Analytics", "&Link videos (%1)…").replace("%1", str(unmatched))
            if unmatched
            else translate("Analytics", "&Link videos…")
        )
        self.link_button.setVisible(unmatched > 0)
        self._update_enabled()

    def refresh(self) -> None:
        """Re-read everything (after imports elsewhere, a database switch …)."""
        self._invalidate()
        self._reload_accounts()
        self.redraw()

    def _on_data_changed(self) -> None:
        """Other tabs change data often: re-read now only when the charts are on screen."""
        if self.isVisible():
            self.refresh()
        else:  # the pickers stay current; the charts are redrawn when shown
            self._invalidate()
            self._reload_accounts()
            self._dirty = True

    def account(self) -> str | None:
        text = self.account_box.currentText()
        return text or None

    def _bounds_of(self, account: str) -> tuple[dt.date | None, dt.date | None]:
        if account not in self._bounds:
            self._bounds[account] = self.service.date_bounds(account)
        return self._bounds[account]

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        """(start, end) of the chosen period; the fixed periods end on the last day with
        data, so that an export from last month still shows its last 28 days."""
        days = int(self.period_box.currentData())
        if days == CUSTOM:
            return to_date(self.from_edit.date()), to_date(self.to_edit.date())
        account = self.account()
        first, last = self._bounds_of(account) if account else (None, None)
        if days == ALL or last is None:
            return first, last
        return last - dt.timedelta(days=days - 1), last

    def set_period(self, days: int) -> None:
        self.period_box.setCurrentIndex(max(0, self.period_box.findData(days)))

    def set_account(self, account: str) -> None:
        self.account_box.setCurrentIndex(max(0, self.account_box.findText(account)))

    # ================================================================== drawing
    def _videos_of(self, account: str) -> list[VideoPerformance]:
        if account not in self._videos:
            self._videos[account] = self.service.videos(account)
        return self._videos[account]

    def _all_days(self, account: str) -> DailySeries:
        if account not in self._own_all:
            self._own_all[account] = self.service.daily_series(account)
        return self._own_all[account]

    def _shares_of(self, account: str) -> tuple[list[Any], list[Any]]:
        """The newest gender and territory snapshot (not period-bound), read once."""
        if account not in self._shares:
            self._shares[account] = (
                self.service.audience(account, "gender") if account else [],
                self.service.audience(account, "territory") if account else [],
            )
        return self._shares[account]

    def redraw(self) -> None:
        """Feed the charts for the current account and period (only once they exist)."""
        has_data = bool(self._accounts)
        if self._benchmarks is None:  # read again after a change: only then refill the form
            self._benchmarks = self.service.benchmarks()
            self.benchmark_form.set_entries(self._benchmarks)
        if not has_data and not self._benchmarks:
            self.stack.setCurrentWidget(self.empty_page)
            self.kpis.setVisible(False)
            return
        self.stack.setCurrentWidget(self.chart_scroll)
        if self.board is None:
            return
        from tikdesk.ui.analytics.charts import BoardData

        account = self.account() or ""
        start, end = self.period()
        series = (
            svc.slice_series(self._all_days(account), start, end)
            if account
            else (svc.build_daily_series("", [], None))
        )
        videos = svc.videos_in_period(self._videos_of(account), start, end)
        metric = self.board.heatmap.selected_metric
        timed = sum(1 for v in videos if v.has_time)
        gender, territory = self._shares_of(account)
        data = BoardData(
            account=account,
            series=series,
            videos=videos,
            by_format=svc.engagement_by(videos, "format"),
            by_audience=svc.engagement_by(videos, "audience"),
            heat=svc.heatmap(videos, metric),
            heat_with_time=timed,
            heat_without_time=len(videos) - timed,
            own_all=self._all_days(account) if account else None,
            benchmarks=self._benchmarks,
            gender=gender,
            territory=territory,
        )
        self.board.show_data(data)
        self._show_kpis(series, videos, start, end)

    def _show_kpis(
        self,
        series: DailySeries,
        videos: list[VideoPerformance],
        start: dt.date | None,
        end: dt.date | None,
    ) -> None:
        def total(key: str) -> int | None:
            known = [v for v in series.values.get(key, []) if v is not None]
            return sum(known) if known else None

        followers = [v for v in series.values.get("followers", []) if v is not None]
        net = [v for v in series.net_change if v is not None]
        rates = sorted(v.engagement_rate for v in videos if v.engagement_rate is not None)
        median = (
            rates[len(rates) // 2]
            if len(rates) % 2
            else ((rates[len(rates) // 2 - 1] + rates[len(rates) // 2]) / 2 if rates else None)
        )
        parts = [f"<b>{fmt.fmt_day(start)} – {fmt.fmt_day(end)}</b>"]
        if followers:  # the same change as the chart's "first → last"
            parts.append(
                translate("Analytics", "Followers %1 (%2)")
                .replace("%1", fmt.fmt_int(followers[-1]))
                .replace("%2", fmt.fmt_signed(followers[-1] - followers[0]))
            )
        elif net:
            parts.append(
                translate("Analytics", "Followers %1").replace("%1", fmt.fmt_signed(sum(net)))
            )
        interactions = [total("likes"), total("comments"), total("shares")]
        parts.append(
            translate("Analytics", "Views %1").replace("%1", fmt.fmt_int(total("video_views")))
        )
        if any(i is not None for i in interactions):
            parts.append(
                translate("Analytics", "Likes + comments + shares %1").replace(
                    "%1", fmt.fmt_int(sum(i or 0 for i in interactions))
                )
            )
        parts.append(
            translate("Analytics", "Posts %1, typical engagement rate %2")
            .replace("%1", str(len(videos)))
            .replace("%2", fmt.fmt_pct(median))
        )
        self.kpis.setText(" &nbsp;·&nbsp; ".join(parts))
        self.kpis.setVisible(True)

    # ================================================================== slots
    def _on_account_changed(self, _index: int) -> None:
        if not self._loading:
            self.redraw()

    def _on_period_changed(self, _index: int) -> None:
        custom = int(self.period_box.currentData()) == CUSTOM
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        if custom:
            start, end = self._default_custom()
            self._loading = True
            self.from_edit.setDate(to_qdate(start))
            self.to_edit.setDate(to_qdate(end))
            self._loading = False
        if not self._loading:
            self.redraw()

    def _default_custom(self) -> tuple[dt.date, dt.date]:
        account = self.account()
        first, last = self._bounds_of(account) if account else (None, None)
        end = last or dt.date.today()
        return max(first or end, end - dt.timedelta(days=27)), end

    def _on_custom_dates(self, _date: QDate) -> None:
        if not self._loading and int(self.period_box.currentData()) == CUSTOM:
            self.redraw()

    def set_custom_period(self, start: dt.date, end: dt.date) -> None:
        self.set_period(CUSTOM)
        self._loading = True
        self.from_edit.setDate(to_qdate(start))
        self.to_edit.setDate(to_qdate(end))
        self._loading = False
        self.redraw()

    def _on_table_mode(self, on: bool) -> None:
        if self.board is not None:
            self.board.set_table_mode(on)

    def _on_heat_metric(self, _metric: str) -> None:
        self.redraw()

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
        self._benchmarks = None
        self.redraw()

    # ================================================================== import
    @classmethod
    def ask_files(cls, parent: QWidget) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(
            parent,
            translate("Analytics", "Import TikTok analytics"),
            "",
            translate("Analytics", "TikTok exports (%1);;All files (*)").replace("%1", FILE_FILTER),
        )
        return [Path(n) for n in names]

    @classmethod
    def ask_folder(cls, parent: QWidget) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            parent, translate("Analytics", "Folder with TikTok exports")
        )
        return Path(name) if name else None

    def import_files_dialog(self) -> None:
        paths = self.ask_files(self)
        if paths:
            self.import_paths(paths)

    def import_folder_dialog(self) -> None:
        folder = self.ask_folder(self)
        if folder is not None:
            self.import_paths([folder])

    def handle_drop(self, paths: list[Path]) -> bool:
        """Drop handler (priority 10, before the idea import): TikTok files only."""
        try:
            if not self.service.looks_like_tiktok(paths):
                return False
        except Exception:  # a file we cannot even peek into is not ours to claim
            log.exception("drop check failed")
            return False
        if self._read_only():
            self.window_.show_warning(
                translate("Analytics", "Import TikTok analytics"),
                translate("Analytics", "The database is open read-only."),
            )
            return True
        self.import_paths(paths)
        return True

    def import_paths(self, paths: list[Path]) -> bool:
        """Preview (asking for account and year where needed), confirm, commit, link."""
        from tikdesk.ui.workers import run_with_progress

        title = translate("Analytics", "Import TikTok analytics")
        account: str | None = None
        years: dict[str, int] = {}
        try:
            while True:
                preview = run_with_progress(
                    self,
                    translate("Analytics", "Reading the TikTok files…"),
                    _preview_job,
                    self.service,
                    paths,
                    account,
                    years,
                )
                if preview.needs_account:
                    offered = self.service.import_accounts()
                    account = AccountDialog.ask(preview.needs_account, offered, self)
                    if not account:
                        return False
                    continue
                if preview.needs_year:
                    answer = YearDialog.ask(preview.needs_year, self)
                    if answer is None:
                        return False
                    years.update(answer)
                    continue
                break
            if not ImportPreviewDialog.ask(preview, self):
                return False
            result = run_with_progress(
                self, translate("Analytics", "Importing…"), _commit_job, self.service, preview
            )
        except Cancelled:
            return False
        except TikDeskError as exc:
            self.window_.show_warning(title, str(exc))
            return False
        self.window_.data_changed.emit()
        if hasattr(self.window_, "statusBar"):
            self.window_.statusBar().showMessage(
                translate("Analytics", "TikTok analytics imported: %1 new, %2 changed.")
                .replace("%1", str(result.inserted))
                .replace("%2", str(result.updated)),
                8000,
            )
        if (
            result.unmatched
            and not self._read_only()
            and LinkVideosDialog.ask(self.service, result.unmatched, self)
        ):
            self.window_.data_changed.emit()
        return True

    def link_videos(self) -> None:
        videos = self.service.unmatched_videos()
        if not videos:
            self.window_.show_info(
                translate("Analytics", "Link videos"),
                translate("Analytics", "Every imported video is linked."),
            )
            return
        if LinkVideosDialog.ask(self.service, videos, self):
            self.window_.data_changed.emit()

    def enter_numbers(self) -> None:
        if ManualStatsDialog.ask(self.service, self):
            self.window_.data_changed.emit()

    # ================================================================== smoke test
    def smoke_test(self) -> None:
        """Render every chart (``tikdesk --smoke-test``); raises when one renders nothing."""
        board = self._ensure_board()
        self.redraw()
        for panel in board.panels:
            image = panel.render_image()
            if image.isNull() or image.width() == 0:
                raise RuntimeError(f"chart '{panel.title}' rendered nothing")
            panel.set_table_mode(True)
            panel.set_table_mode(self.table_check.isChecked())


def _preview_job(
    service: AnalyticsService,
    paths: list[Path],
    account: str | None,
    years: dict[str, int],
    progress: Any = None,
) -> svc.ImportPreview:
    return service.preview_import(paths, account=account, years=years)


def _commit_job(
    service: AnalyticsService, preview: svc.ImportPreview, progress: Any = None
) -> svc.ImportResult:
    """The commit, reporting progress to (and cancellable from) the progress dialog.

    Only called after the preview dialog was accepted, which with problems requires the
    "leave out the rows with problems" check box: so problem rows are skipped explicitly.
    """
    return service.commit_import(preview, progress, skip_problem_rows=bool(preview.problems))
