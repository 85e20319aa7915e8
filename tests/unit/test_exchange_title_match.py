"""A list without IDs that matches ideas by title fills in, but never erases."""

from __future__ import annotations

from pathlib import Path

import pytest

from tikdesk.services import exchange
from tikdesk.services.context import AppContext
from tikdesk.services.ideas import IdeaService


def _import(ctx: AppContext, path: Path, text: str) -> exchange.Preview:
    path.write_text(text, encoding="utf-8")
    preview = exchange.preview_idea_import(ctx, path)
    exchange.commit_idea_import(ctx, preview)
    return preview


@pytest.mark.slow
def test_empty_cells_of_a_title_match_keep_stored_values(ctx: AppContext, tmp_path: Path) -> None:
    header = "Titel;Verantwortlich;Beschreibung;Status\n"
    _import(ctx, tmp_path / "a.csv", header + "Test A;Jana;Wichtige Notiz;Idee\n")
    second = _import(ctx, tmp_path / "b.csv", header + "Test A;;;in Planung\n")

    assert len(second.to_update) == 1 and not second.to_add
    (idea,) = IdeaService(ctx).list_ideas()
    assert idea.status == "planned"  # a filled cell still changes the idea
    assert idea.owner == "Jana"
    assert idea.description == "Wichtige Notiz"


@pytest.mark.slow
def test_samples_from_two_tools_do_not_erase_each_other(ctx: AppContext, samples: Path) -> None:
    brainstorming = samples / "ideas" / "ideen_brainstorming.xlsx"
    planner = samples / "ideas" / "ideen_planner_export.csv"
    exchange.commit_idea_import(ctx, exchange.preview_idea_import(ctx, brainstorming))
    before = {i.title: i for i in IdeaService(ctx).list_ideas()}
    exchange.commit_idea_import(ctx, exchange.preview_idea_import(ctx, planner))
    for idea in IdeaService(ctx).list_ideas():
        old = before.get(idea.title)
        if old is None:
            continue
        for field in ("owner", "description", "hook", "tags"):
            if getattr(old, field):
                assert getattr(idea, field), f"{idea.title}: {field} was erased"
