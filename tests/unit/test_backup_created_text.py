"""A backup's time in the messages that name it (restore questions, 'newest intact
backup' refusals, the CLI) follows the language like the backup list (domain.fmt): an
English message said 'from 05.10.2026 14:30' beside a list showing '2026-10-05 14:30:05'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tikdesk.domain.i18n import set_language
from tikdesk.storage.backup import BackupInfo


@pytest.mark.parametrize(
    ("language", "expected"), [("de", "05.10.2026 14:30"), ("en", "2026-10-05 14:30")]
)
def test_a_backups_time_follows_the_language(language: str, expected: str) -> None:
    info = BackupInfo(
        Path("a_20261005-143005_manual.sqlite"), dt.datetime(2026, 10, 5, 14, 30, 5), "manual", 1
    )
    set_language(language)
    assert info.created_text() == expected
