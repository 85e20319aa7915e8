"""The UI's format modules re-export tikdesk.domain.fmt (one name, one behaviour); moved
from tests/unit/test_fmt.py, which must not import tikdesk.ui (tests/unit needs no Qt)."""

from __future__ import annotations

import datetime as dt

from tikdesk.domain import fmt
from tikdesk.domain.i18n import set_language

MOMENT = dt.datetime(2026, 10, 5, 14, 30, 5)


def test_one_name_one_behaviour_for_datetimes() -> None:
    """The analytics tab's post time ("–" when unknown, the date alone at midnight) has its
    own name; ``fmt_datetime`` is the domain's everywhere (review)."""
    from tikdesk.ui.analytics import fmt as analytics_fmt
    from tikdesk.ui.widgets import fmt as widgets_fmt

    for module in (analytics_fmt, widgets_fmt):
        assert getattr(module, "fmt_datetime", fmt.fmt_datetime) is fmt.fmt_datetime
    set_language("de")
    assert analytics_fmt.fmt_posted(None) == "–"
    assert analytics_fmt.fmt_posted(dt.datetime(2026, 10, 5)) == "05.10.2026"
    assert analytics_fmt.fmt_posted(MOMENT) == fmt.fmt_datetime(MOMENT) == "05.10.2026 14:30"
