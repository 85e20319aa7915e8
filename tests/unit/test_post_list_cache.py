"""The post list is computed again only when something it depends on changed (issue 21).

Its gates are kept per database under a stamp that every commit changes — by this process or
any other program — together with the day, the language and the checklist profiles.  A
change of any of them gives a freshly computed list; an unchanged database gives the same
list without reading it again.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from clearance_helpers import PostInput

from tikdesk.domain.checklist import PROFILES
from tikdesk.domain.enums import ItemState
from tikdesk.domain.i18n import language, set_language
from tikdesk.services import posts as posts_service
from tikdesk.services.posts import Clearance, PostService


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How often the post list read the database (one entry per Clearance.load)."""
    seen: list[int] = []
    original = Clearance.load.__func__  # type: ignore[attr-defined]

    def counted(cls, session, post_ids=None, **kw):  # type: ignore[no-untyped-def]
        if post_ids is None:
            seen.append(1)
        return original(cls, session, post_ids, **kw)

    monkeypatch.setattr(Clearance, "load", classmethod(counted))
    return seen


def _gate(posts: PostService, post_id: int) -> str:
    return next(p.gate.value for p in posts.list_posts() if p.id == post_id)


@pytest.mark.slow
def test_an_unchanged_database_is_not_read_again(ctx, reads):
    posts = PostService(ctx)
    post = posts.create(PostInput(title="Feuerwehrfest"))
    first = posts.list_posts()
    second = posts.list_posts()
    assert second == first and second is not first  # a copy: callers may sort it
    if ctx.db.on_server:
        assert len(reads) == 2  # no stamp on a server: always computed
    else:
        assert len(reads) == 1
    assert [p.id for p in second] == [post]


@pytest.mark.slow
def test_a_change_through_the_service_gives_a_fresh_list(ctx, reads):
    posts = PostService(ctx)
    post = posts.create(PostInput(title="Feuerwehrfest"))
    before = posts.list_posts()[0]
    for item in posts.get(post).definition.post_items:
        if not item.derived and not item.applies_when:
            posts.set_item(post, item.key, ItemState.OK)
    after = posts.list_posts()[0]
    assert len(reads) == 2
    assert after.open_items < before.open_items


@pytest.mark.slow
def test_a_commit_by_another_program_gives_a_fresh_list(ctx, reads):
    if ctx.db.on_server:
        pytest.skip("the stamp is the SQLite file's data_version")
    posts = PostService(ctx)
    post = posts.create(PostInput(title="Feuerwehrfest"))
    assert posts.list_posts()[0].title == "Feuerwehrfest"
    other = sqlite3.connect(ctx.db.path)
    with other:
        other.execute("UPDATE post SET title = 'Stadtfest' WHERE id = ?", (post,))
    other.close()
    assert posts.list_posts()[0].title == "Stadtfest"
    assert len(reads) == 2


@pytest.mark.slow
def test_day_language_and_profiles_are_part_of_the_key(ctx, reads, monkeypatch):
    posts = PostService(ctx)
    posts.create(PostInput(title="Feuerwehrfest"))
    posts.list_posts()
    posts.list_posts(today=dt.date.today() + dt.timedelta(days=1))
    assert len(reads) == 2
    was = language()
    set_language("en" if was == "de" else "de")
    try:
        posts.list_posts(today=dt.date.today() + dt.timedelta(days=1))
    finally:
        set_language(was)
    assert len(reads) == 3
    PROFILES.clear()  # as when a checklist file changed: a new profile cache
    posts.list_posts(today=dt.date.today() + dt.timedelta(days=1))
    assert len(reads) == 4


@pytest.mark.slow
def test_a_closed_database_keeps_no_list(ctx):
    posts = PostService(ctx)
    posts.create(PostInput(title="Feuerwehrfest"))
    posts.list_posts()
    if not ctx.db.on_server:
        assert ctx.db in posts_service._POST_LISTS
    ctx.db.close()
    assert ctx.db.data_stamp() is None
