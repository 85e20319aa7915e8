"""The Auswertung tab reads its data when it is first shown, not while it is built (issue 21:
the read in ``AnalyticsTab.__init__`` blocked the start 120-280 ms)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event

from tikdesk.options import ANALYTICS_PERIOD
from tikdesk.services.analytics import AnalyticsService
from tikdesk.services.context import AppContext
from tikdesk.ui.analytics.tab import AnalyticsTab
from tikdesk.ui.tab import TabHost

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

HANDLE = "stadt_musterhausen"


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL sent to the database inside the block."""
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        sent.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_the_tab_reads_nothing_until_it_is_first_shown(
    ctx: AppContext, samples: Path, settings: QSettings, qtbot: QtBot
) -> None:
    AnalyticsService(ctx).import_files(sorted((samples / "tiktok").glob("*.zip")))
    ANALYTICS_PERIOD.set(settings, 90)  # restoring it changes the period picker
    host = dataclasses.replace(TabHost.standalone(), settings=settings)
    with statements(ctx.db.engine) as sent:
        tab = AnalyticsTab(ctx, host)  # built as the main window builds it
        qtbot.addWidget(tab)
        tab.restore_layout(settings)
        tab.set_read_only(False)
        host.data_changed.emit()  # another tab changed data before this one was shown
    assert sent == []
    assert tab.account_box.count() == 0 and tab.board is None

    tab.show()  # the first show reads the accounts and draws the charts
    assert tab.account_box.currentText() == HANDLE
    assert tab.period_box.currentData() == 90
    assert tab.board is not None and tab.stack.currentWidget() is tab.chart_scroll
    assert tab.kpis.isVisible() and tab.kpis.text()


def test_an_import_while_the_tab_was_never_shown_fills_its_pickers(
    ctx: AppContext, samples: Path, qtbot: QtBot
) -> None:
    host = TabHost.standalone()
    tab = AnalyticsTab(ctx, host)
    qtbot.addWidget(tab)
    changes: list[bool] = []
    host.data_changed.connect(lambda: changes.append(True))
    AnalyticsService(ctx).import_files(sorted((samples / "tiktok").glob("*.zip")))
    tab.imports.changed()  # what the import flow calls after its commit
    assert changes == [True]  # every other tab reads again
    assert tab.account_box.currentText() == HANDLE  # and the pickers offer the account
    assert "12" in tab.link_button.text()
