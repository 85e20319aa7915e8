"""The post list words a gate's reasons only when they are asked for (issue 21): the list
row shows the verdict and its one-line summary; the tooltip, the Übersicht and a post's own
view word the blockers and warnings.  What the user sees must be what the full evaluation
says, in the order of issue 16 (consent first, then problems, then open items)."""

from __future__ import annotations

import datetime as dt

from clearance_helpers import PostInput
from PySide6.QtCore import Qt

from tikdesk.domain.enums import ItemState
from tikdesk.domain.i18n import set_language
from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.services.posts import PostService
from tikdesk.ui.posts.model import _GATE, PostTableModel

PLANNED = dt.datetime.combine(dt.date.today() + dt.timedelta(days=10), dt.time(11, 0))


def _blocked_post(ctx) -> int:
    """A post with Ali (no consent at all), one item marked as a problem, the rest open."""
    posts, people = PostService(ctx), PeopleService(ctx)
    post_id = posts.create(PostInput(title="Ein Tag im Bürgeramt", planned_at=PLANNED))
    ali = people.create_person(PersonInput(display_name="Ali Demir"))
    posts.add_person(post_id, ali, "Intro")
    manual = [i for i in posts.get(post_id).definition.post_items if not i.derived]
    posts.set_item(post_id, manual[0].key, ItemState.ISSUE, note="Kennzeichen lesbar")
    return post_id


def test_the_gate_tooltip_is_the_full_evaluation_worded_when_hovered(ctx, qtbot):
    set_language("de")
    posts = PostService(ctx)
    post_id = _blocked_post(ctx)
    clear_id = posts.create(PostInput(title="Ohne Personen", planned_at=PLANNED))
    for item in posts.get(clear_id).definition.post_items:  # nobody shown, everything done
        if not item.derived and not item.applies_when:
            posts.set_item(clear_id, item.key, ItemState.OK)
    listed = {p.id: p for p in posts.list_posts()}
    row = listed[post_id]
    # The row's summary needs no texts ...
    assert row.reason_texts._texts is None
    assert row.gate_text == "Blockiert: Einwilligung"
    assert row.consent_blocked and row.issue_items == 1 and row.open_items > 1
    # ... the tooltip words them, exactly as the post's own view does.
    full = posts.get(post_id).summary
    assert full.reason_texts._texts is not None  # the post's own view words them at once
    model = PostTableModel()
    model.set_records(list(listed.values()))
    tip = model.data(model.index(model.row_of(post_id), _GATE), Qt.ItemDataRole.ToolTipRole)
    assert tip == "\n".join(f"• {t}" for t in (*full.blockers, *full.warnings))
    lines = tip.splitlines()
    assert "Ali Demir" in lines[0]  # consent first
    problem = next(n for n, line in enumerate(lines) if "Problem: Kennzeichen lesbar" in line)
    assert 0 < problem < next(n for n, line in enumerate(lines) if "noch offen" in line)
    assert row == full and row.blockers == full.blockers
    # A post without reasons has no tooltip and shares the empty texts.
    empty = model.index(model.row_of(clear_id), _GATE)
    assert listed[clear_id].gate_text == "Prüfbereit"
    assert listed[clear_id].blockers == () and listed[clear_id].warnings == ()
    assert model.data(empty, Qt.ItemDataRole.ToolTipRole) is None


def test_texts_worded_later_follow_the_list_read(ctx):
    """The lazily worded texts come from the inputs of that read, not from a later change."""
    set_language("en")
    posts = PostService(ctx)
    post_id = _blocked_post(ctx)
    row = next(p for p in posts.list_posts() if p.id == post_id)
    expected = posts.get(post_id).summary.blockers
    for item in posts.get(post_id).definition.post_items:  # everything done afterwards
        if not item.derived and not item.applies_when:
            posts.set_item(post_id, item.key, ItemState.OK)
    assert row.blockers == expected
    assert any("issue: Kennzeichen lesbar" in b for b in row.blockers)
