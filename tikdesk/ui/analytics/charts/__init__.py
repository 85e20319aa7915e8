"""The pyqtgraph charts of the analytics tab, one module per panel.

Imported only when the tab is first shown (pyqtgraph and numpy cost start-up time).  Every
chart is a :class:`~tikdesk.ui.analytics.charts.panel.ChartPanel`: a title, a plot, an
empty-state message, the same numbers as a table (the text alternative), hover texts with
exact values, and "save as PNG".  :class:`ChartBoard` holds them and feeds the ones on screen.

Whatever the charts need of pyqtgraph beyond its documented API is in :mod:`._pg`, and only
there.  Drawing follows ARCHITECTURE.md §6: 1-px pens for the daily lines, ``setClipToView``
and automatic downsampling, items created once and fed new arrays with ``setData``.
"""

from __future__ import annotations

from tikdesk.ui.analytics.charts._pg import (
    CategoryAxis,
    GermanDateAxis,
    IndexAxis,
    Labels,
    NumberAxis,
    short_title,
)
from tikdesk.ui.analytics.charts.audience import AudiencePanel, audience_key_label
from tikdesk.ui.analytics.charts.board import ChartBoard
from tikdesk.ui.analytics.charts.daily import DailyPanel, Metric
from tikdesk.ui.analytics.charts.followers import FollowersPanel
from tikdesk.ui.analytics.charts.groups import EngagementPanel
from tikdesk.ui.analytics.charts.heatmap import HeatmapPanel
from tikdesk.ui.analytics.charts.panel import ChartPanel, TableData, pixmap_ok
from tikdesk.ui.analytics.charts.peers import BenchmarkPanel
from tikdesk.ui.analytics.charts.posts import PostsPanel
from tikdesk.ui.analytics.data import BoardData

__all__ = [
    "AudiencePanel",
    "BenchmarkPanel",
    "BoardData",
    "CategoryAxis",
    "ChartBoard",
    "ChartPanel",
    "DailyPanel",
    "EngagementPanel",
    "FollowersPanel",
    "GermanDateAxis",
    "HeatmapPanel",
    "IndexAxis",
    "Labels",
    "Metric",
    "NumberAxis",
    "PostsPanel",
    "TableData",
    "audience_key_label",
    "pixmap_ok",
    "short_title",
]
