"""Take the manual's screenshots from the real app on demo data, in German and English.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python packaging/manual_screenshots.py

Writes ``resources/manual/images/<de|en>/<name>.png``.  Run it again when a screen changes and
look at every picture before committing.  Everything happens on a temporary demo database with
a temporary data folder; the user's own data is never opened.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "resources" / "manual" / "images"
WINDOW_SIZE = (1180, 740)


def settle(seconds: float = 0.3) -> None:
    """Let the event loop, background loaders and pyqtgraph finish drawing."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end or QThreadPool.globalInstance().activeThreadCount():
        QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(20)
        if time.monotonic() > end + 20:
            break


def select_row(table: object, predicate: Callable[[list[str]], bool]) -> bool:
    """Select the first row of a QTableView whose cell texts satisfy ``predicate``."""
    from PySide6.QtWidgets import QTableView

    assert isinstance(table, QTableView)
    model = table.model()
    for row in range(model.rowCount()):
        texts = [str(model.index(row, c).data() or "") for c in range(model.columnCount())]
        if predicate(texts):
            table.selectRow(row)
            table.scrollTo(model.index(row, 0))
            return True
    if model.rowCount():
        table.selectRow(0)
    return False


#: The invented sample exports the tests use, kept in the repository.
SAMPLES = ROOT / "tests" / "data" / "samples"


def import_sample_analytics(ctx: object) -> None:
    """The invented sample exports, imported as a user would: the charts have something."""
    from tikdesk.services.analytics import AnalyticsService

    files = sorted((SAMPLES / "tiktok").glob("*.zip"))
    AnalyticsService(ctx).import_files(files)  # type: ignore[arg-type]


def shoot(lang: str, out: Path) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from tikdesk import app as tikapp
    from tikdesk.domain.i18n import set_language
    from tikdesk.services.context import AppContext
    from tikdesk.ui.main_window import MainWindow

    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    set_language(lang)
    translators = tikapp.install_translators(qapp, lang)
    work = Path(tempfile.mkdtemp(prefix=f"tikdesk-shots-{lang}-"))
    os.environ["TIKDESK_HOME"] = str(work / "home")
    db = tikapp.open_db(work / "demo.sqlite", demo=True)
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(db=db, user="Anna Beispiel", backup_dir=work / "backups")
    import_sample_analytics(ctx)
    window = MainWindow(ctx, settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    settle(1.0)
    written: list[Path] = []

    def save(name: str, widget: QWidget | None = None) -> None:
        settle()
        path = out / f"{name}.png"
        (widget or window).grab().save(str(path))
        written.append(path)
        print(f"wrote {path.relative_to(ROOT)}")

    tabs = window.tabs
    tabs.setCurrentIndex(0)
    save("overview")

    tabs.setCurrentIndex(1)
    ideas = window.tab("IdeasTab")
    ideas.set_view("table", remember=False)  # type: ignore[attr-defined]
    settle()
    select_row(ideas.table, lambda t: True)  # type: ignore[attr-defined]
    save("ideas-table")
    ideas.set_view("board", remember=False)  # type: ignore[attr-defined]
    save("ideas-board")
    ideas.set_view("table", remember=False)  # type: ignore[attr-defined]

    tabs.setCurrentIndex(2)
    posts = window.tab("PostsTab")
    settle()
    review = ("In Prüfung", "In review")
    select_row(posts.table, lambda t: any(r in t for r in review))  # type: ignore[attr-defined]
    save("posts")
    from PySide6.QtWidgets import QTabWidget

    detail_tabs = posts.findChildren(QTabWidget)
    if detail_tabs:
        detail_tabs[0].setCurrentIndex(2)  # the checklist of the selected post
        save("posts-checklist")
        detail_tabs[0].setCurrentIndex(1)  # the people in the video
        save("posts-people")
        detail_tabs[0].setCurrentIndex(0)

    people = window.tab("PeopleTab")  # by name: the Kalender tab sits before it
    tabs.setCurrentWidget(people)
    settle()
    select_row(people.table, lambda t: True)  # type: ignore[attr-defined]
    save("people")

    analytics = window.tab("AnalyticsTab")
    tabs.setCurrentWidget(analytics)
    analytics.set_period(90)  # type: ignore[attr-defined]
    settle(1.5)
    save("analytics")

    from tikdesk.services.report import ReportService
    from tikdesk.ui.report.dialog import ReportDialog

    report = ReportDialog(ReportService(ctx).accounts(), settings, parent=window)
    report.show()
    save("report", report)
    report.close()

    from tikdesk.ui.help import show_manual

    manual = show_manual(window)
    manual.resize(1000, 640)
    save("manual", manual)
    manual.close()

    window.close()
    db.close()
    for translator in translators:
        qapp.removeTranslator(translator)  # type: ignore[arg-type]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=["de", "en"], action="append")
    parser.add_argument("--out", type=Path, default=IMAGES)
    args = parser.parse_args(argv)
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    # a neutral "Documents" folder in the dialogs instead of the build user's home
    config = Path(tempfile.mkdtemp(prefix="tikdesk-shots-xdg-"))
    (config / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="/home/anna/Dokumente"\n')
    os.environ["XDG_CONFIG_HOME"] = str(config)
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from tikdesk.ui import messages

    messages.handler = lambda _p, kind, title, text: print(f"[{kind}] {title}: {text}") or False
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    qapp.setStyle("Fusion")  # the same look on every build machine
    for lang in args.lang or ["de", "en"]:
        folder = args.out / lang
        folder.mkdir(parents=True, exist_ok=True)
        shoot(lang, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
