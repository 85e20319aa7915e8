"""Demo data: a living account of the (fictional) Stadtverwaltung Musterhausen.

``tikdesk --demo`` and *Hilfe → Beispieldaten* open a separate database and call
:func:`ensure_demo_data`.  It runs every filler in :data:`FILLERS`; each filler must do
nothing when its data is there already, so that opening the demo twice changes nothing and
features added later can fill an existing demo database.  A feature adds its filler as a
module of this package and lists it in :data:`FILLERS`.

Layer: above the services (it fills the database through them, as a user would), below the
window and the CLI, which call it (import-linter, ``pyproject.toml``).  Dates are relative to
the context's clock so that the demo never looks stale.
"""

from __future__ import annotations

from collections.abc import Callable

from tikdesk.services.context import AppContext

__all__ = ["FILLERS", "Filler", "ensure_demo_data"]

Filler = Callable[[AppContext], None]


def _ideas(ctx: AppContext) -> None:
    """About 60 ideas over every status, format, audience and owner."""
    from tikdesk.demo.ideas import fill_ideas

    fill_ideas(ctx)


def _clearance(ctx: AppContext) -> None:
    """Posts, people and consent records in every gate and consent state."""
    from tikdesk.demo.clearance import fill_clearance

    fill_clearance(ctx)


def _analytics(ctx: AppContext) -> None:
    """A year of account numbers, videos and peer accounts for the charts."""
    from tikdesk.demo.analytics import fill_analytics

    fill_analytics(ctx)


# Imported when they run: the demo database is filled before the window (and with it most
# feature modules) is built.
FILLERS: list[Filler] = [_ideas, _clearance, _analytics]


def ensure_demo_data(ctx: AppContext) -> None:
    """Fill the demo database; each filler leaves existing data alone (idempotent)."""
    for filler in FILLERS:
        filler(ctx)
