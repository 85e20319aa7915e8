"""The approved video of a post (issue 18): the final file, bound by path, size and SHA-256.

Videos are large and are never copied: TikDesk keeps where the file is and its hash.  The hash
is part of the approval's fingerprint (:func:`tikdesk.services.posts.fingerprint`); binding a
different file revokes an approval, pointing to the same content at a new place (the file was
moved) changes only the path — only the hash decides.  "Als veröffentlicht markieren" hashes
the bound file again and refuses another cut (:meth:`PostService.mark_published`).

:func:`hash_video` reads in blocks and reports progress; the GUI runs it in a worker
(``ui/workers.run_with_progress``), where cancelling raises :class:`Cancelled`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tikdesk.domain.errors import Cancelled, InputRejected
from tikdesk.domain.i18n import msg
from tikdesk.services.context import AppContext
from tikdesk.services.posts import revoke_if_approved
from tikdesk.storage.repositories import audit
from tikdesk.storage.repositories import posts as repo

BLOCK = 4 * 1024 * 1024
NOT_APPROVED_CUT = (
    "Dieses Video ist nicht die freigegebene Fassung",
    "This video is not the approved cut",
)


@dataclass(frozen=True)
class VideoFile:
    path: str
    size: int
    sha256: str


def hash_video(path: Path | str, progress: Callable[[int, int], bool] | None = None) -> VideoFile:
    """Size and SHA-256 of ``path``; ``progress(done, total)`` returning False cancels."""
    path = Path(path)
    try:
        if not path.is_file():
            raise FileNotFoundError(2, "not a file", str(path))
        total = path.stat().st_size
        digest = hashlib.sha256()
        done = 0
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(BLOCK), b""):
                digest.update(block)
                done += len(block)
                if progress is not None and progress(done, total) is False:
                    raise Cancelled(msg("Abgebrochen.", "Cancelled."))
    except OSError as exc:
        raise InputRejected(
            msg(
                f"Die Videodatei „{path}“ lässt sich nicht lesen: {exc.strerror or exc}.",
                f"The video file '{path}' cannot be read: {exc.strerror or exc}.",
            )
        ) from exc
    if progress is not None:
        progress(total, total)
    return VideoFile(str(path), done, digest.hexdigest())


@dataclass(frozen=True)
class BoundVideo:
    path: str
    size: int | None
    sha256: str
    approval_revoked: bool = False
    moved_only: bool = False  # same content, new place


class VideoService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def bound(self, post_id: int) -> BoundVideo | None:
        with self._ctx.db.reader() as s:
            post = repo.get_post(s, post_id)
        if not post.video_sha256:
            return None
        return BoundVideo(post.video_path, post.video_size, post.video_sha256)

    def bind(self, post_id: int, video: VideoFile) -> BoundVideo:
        """Bind ``video`` (hashed by :func:`hash_video`) as the post's final file.

        The same hash at another path only re-points the post (the file moved); a different
        hash is a new cut: an approval is revoked (the post goes back to review)."""
        with self._ctx.db.transaction() as s:
            post = repo.get_post(s, post_id)
            if post.published_at is not None or post.status in ("published", "taken_down"):
                raise InputRejected(
                    msg(
                        "Der Beitrag ist bereits veröffentlicht – sein Video bleibt, wie es war.",
                        "The post is already published – its video stays as it was.",
                    )
                )
            same = post.video_sha256 == video.sha256
            repo.update_post(
                s,
                post_id,
                {"video_path": video.path, "video_size": video.size, "video_sha256": video.sha256},
            )
            audit.record(
                s,
                self._ctx.user,
                "post",
                post_id,
                "video_moved" if same else "video_bound",
                post.video_sha256 and f"sha256:{post.video_sha256}",
                f"sha256:{video.sha256}; {video.size} bytes",
            )
            revoked = False
            if not same:
                revoked = revoke_if_approved(
                    s,
                    self._ctx.user,
                    post,
                    msg("neue Videodatei", "new video file")
                    if post.video_sha256
                    else msg("Videodatei zugeordnet", "video file bound"),
                )
        return BoundVideo(video.path, video.size, video.sha256, revoked, same)


def check_approved_cut(post: repo.PostRecord, video: VideoFile | None) -> None:
    """Refuse publishing when the post has a bound video and ``video`` (hashed now; None:
    hash the bound path now) is another file."""
    if not post.video_sha256:
        return
    if video is None:
        try:
            video = hash_video(post.video_path)
        except InputRejected as exc:
            raise InputRejected(
                msg(
                    f"Die freigegebene Videodatei ist nicht mehr unter „{post.video_path}“ – "
                    "bitte die Datei neu zuordnen (nur der Prüfwert entscheidet).",
                    f"The approved video file is no longer at '{post.video_path}' – please "
                    "point to the file again (only the hash decides).",
                )
            ) from exc
    if video.sha256 != post.video_sha256:
        raise InputRejected(msg(*NOT_APPROVED_CUT) + ".")
