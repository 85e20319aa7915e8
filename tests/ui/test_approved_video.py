"""The approved video (issue 18): a post bound to its final file by path, size and SHA-256;
the hash is part of the approval, a new file revokes it, publishing refuses another cut,
a moved file can be pointed to again and only the hash decides."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from clearance_helpers import PostInput, full_consent, team

from tikdesk.domain.enums import ItemState, PostStatus
from tikdesk.domain.errors import Cancelled, InputRejected
from tikdesk.services.people import PeopleService, PersonInput
from tikdesk.services.posts import PostService
from tikdesk.services.video import VideoService, hash_video
from tikdesk.ui.posts.tab import PostsTab

PLANNED = dt.datetime.combine(dt.date.today() + dt.timedelta(days=10), dt.time(14, 0))


@pytest.fixture
def approved(ctx, tmp_path: Path):
    """A post by anna with its final cut bound, approved by ben."""
    team(ctx, "ben")
    anna = PostService(ctx)
    people = PeopleService(ctx)
    ali = people.create_person(PersonInput(display_name="Ali Demir"))
    people.add_consent(ali, full_consent())
    post_id = anna.create(PostInput(title="Ein Tag im Bürgeramt", planned_at=PLANNED))
    anna.add_person(post_id, ali, "Intro")
    for item in anna.get(post_id).definition.post_items:
        if not item.derived and not item.applies_when:
            anna.set_item(post_id, item.key, ItemState.OK)
    cut = tmp_path / "final.mp4"
    cut.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"final cut" * 1000)
    VideoService(ctx).bind(post_id, hash_video(cut))
    PostService(dataclasses.replace(ctx, user="ben")).approve(post_id)
    assert anna.get(post_id).status is PostStatus.APPROVED
    return ctx, post_id, cut


@pytest.mark.slow
def test_publishing_with_a_different_file_is_refused(approved) -> None:
    ctx, post_id, cut = approved
    cut.write_bytes(cut.read_bytes() + b" re-cut after approval")  # same path, other content
    with pytest.raises(InputRejected, match="Dieses Video ist nicht die freigegebene Fassung"):
        PostService(ctx).mark_published(post_id)
    other = hash_video(cut)  # the GUI hashes in a worker and hands the result in
    with pytest.raises(InputRejected, match="nicht die freigegebene Fassung"):
        PostService(ctx).mark_published(post_id, video=other)
    assert PostService(ctx).get(post_id).status is PostStatus.APPROVED


@pytest.mark.slow
def test_a_new_file_revokes_the_approval_and_the_fingerprint_covers_it(approved, tmp_path):
    ctx, post_id, cut = approved
    posts = PostService(ctx)
    first = posts.get(post_id).active_approval.fingerprint
    recut = tmp_path / "final-v2.mp4"
    recut.write_bytes(cut.read_bytes() + b"v2")
    bound = VideoService(ctx).bind(post_id, hash_video(recut))
    assert bound.approval_revoked and not bound.moved_only
    detail = posts.get(post_id)
    assert detail.status is PostStatus.IN_REVIEW and detail.active_approval is None
    PostService(dataclasses.replace(ctx, user="ben")).approve(post_id)
    assert posts.get(post_id).active_approval.fingerprint != first  # the hash is in it
    posts.mark_published(post_id)  # the approved cut itself goes out
    assert posts.get(post_id).status is PostStatus.PUBLISHED


@pytest.mark.slow
def test_a_moved_file_is_pointed_to_again_and_only_the_hash_decides(approved, tmp_path):
    ctx, post_id, cut = approved
    moved = tmp_path / "Ablage" / "Bürgeramt final.mp4"
    moved.parent.mkdir()
    cut.rename(moved)
    with pytest.raises(InputRejected, match="nicht mehr unter"):
        PostService(ctx).mark_published(post_id)
    bound = VideoService(ctx).bind(post_id, hash_video(moved))
    assert bound.moved_only and not bound.approval_revoked
    assert PostService(ctx).get(post_id).status is PostStatus.APPROVED
    assert VideoService(ctx).bound(post_id).path == str(moved)
    PostService(ctx).mark_published(post_id)
    assert PostService(ctx).get(post_id).status is PostStatus.PUBLISHED


def test_hashing_reports_progress_and_can_be_cancelled(tmp_path: Path) -> None:
    big = tmp_path / "big.mp4"
    big.write_bytes(b"x" * (9 * 1024 * 1024))
    seen: list[tuple[int, int]] = []
    result = hash_video(big, lambda done, total: seen.append((done, total)) is None)
    assert result.size == 9 * 1024 * 1024 and seen[-1] == (result.size, result.size)
    assert len(seen) >= 3
    with pytest.raises(Cancelled):
        hash_video(big, lambda done, total: False)
    with pytest.raises(InputRejected, match="lässt sich nicht lesen"):
        hash_video(tmp_path / "fehlt.mp4")


@pytest.mark.slow
def test_in_the_window_a_bound_video_is_hashed_and_another_cut_is_not_published(
    approved, main_window, recorded_messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tikdesk.ui.posts import dialogs as post_dialogs

    ctx, post_id, cut = approved
    tab = main_window.tab(PostsTab)
    main_window.tabs.setCurrentWidget(tab)
    assert tab.select_post(post_id)
    assert str(cut) in tab.panel.video.label.text()
    cut.write_bytes(cut.read_bytes() + b"recut")
    when = dt.datetime.now().replace(microsecond=0)
    monkeypatch.setattr(
        post_dialogs.PublishDialog,
        "ask",
        classmethod(lambda cls, parent, link: post_dialogs.PublishAnswer(when, "")),
    )
    tab._on_publish()
    assert any("nicht die freigegebene Fassung" in text for _, _, text in recorded_messages)
    assert PostService(ctx).get(post_id).status is PostStatus.APPROVED
    # binding the new cut in the window revokes the approval
    assert tab.panel.video.bind_file(cut)
    assert PostService(ctx).get(post_id).status is PostStatus.IN_REVIEW


@pytest.mark.slow
def test_the_history_words_binding_a_new_and_a_moved_file(approved, tmp_path) -> None:
    ctx, post_id, cut = approved
    recut = tmp_path / "final-v2.mp4"
    recut.write_bytes(cut.read_bytes() + b"v2")
    new = hash_video(recut)
    VideoService(ctx).bind(post_id, new)
    moved = tmp_path / "Ablage" / "final-v2.mp4"
    moved.parent.mkdir()
    recut.rename(moved)
    VideoService(ctx).bind(post_id, hash_video(moved))
    texts = [e.text for e in PostService(ctx).get(post_id).history]
    first = hash_video(cut).sha256[:16]
    assert f"Videodatei zugeordnet (Fingerabdruck {first})" in texts
    assert f"Neue Videodatei zugeordnet (Fingerabdruck {new.sha256[:16]})" in texts
    assert (
        "Videodatei an neuem Ort zugeordnet, gleiche Fassung "
        f"(Fingerabdruck {new.sha256[:16]})" in texts
    )
    assert not any("video_bound" in t or "video_moved" in t for t in texts)
