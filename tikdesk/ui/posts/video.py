"""The approved video of a post and consent forms from the post (issue 18).

:class:`VideoBox` shows the bound final file (path, size, start of its SHA-256) and binds
another one: the file is hashed in a worker with progress and cancel
(:func:`tikdesk.ui.workers.run_with_progress`); a different file revokes the approval, the
same content at a new place only re-points the post.  :func:`hash_for_publish` hashes the
bound file the same way before "Als veröffentlicht markieren", and the service refuses
another cut.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from tikdesk.domain.errors import Cancelled, TikDeskError
from tikdesk.services.context import AppContext
from tikdesk.services.video import VideoFile, VideoService, hash_video
from tikdesk.ui import messages
from tikdesk.ui.workers import run_with_progress


def hash_for_publish(parent: QWidget, ctx: AppContext, post_id: int) -> VideoFile | None:
    """The bound file hashed now (None: no file bound); raises Cancelled or InputRejected."""
    bound = VideoService(ctx).bound(post_id)
    if bound is None:
        return None
    label = QCoreApplication.translate("VideoBox", "Checking the video file…")
    return run_with_progress(parent, label, hash_video, bound.path)


class VideoBox(QWidget):
    """One line in the post panel: the final video file and a button to bind it."""

    video_bound = Signal()

    @staticmethod
    def ask_file(parent: QWidget) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("VideoBox", "Final video file"),
            "",
            QCoreApplication.translate("VideoBox", "Videos (*.mp4 *.mov *.m4v);;All files (*)"),
        )
        return Path(name) if name else None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.post_id: int | None = None
        self.warn: Callable[[str, str], None] | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Final video file"))
        self.label.setWordWrap(True)
        self.bind_button = QPushButton(self.tr("Final video…"))
        self.bind_button.setToolTip(
            self.tr(
                "Bind the post to its final video file (path, size, SHA-256; not copied). A "
                "different file revokes the approval; a moved file can be pointed to again."
            )
        )
        self.bind_button.clicked.connect(self._on_bind)
        row.addWidget(self.label, 1)
        row.addWidget(self.bind_button)

    def show_post(self, ctx: AppContext, post_id: int, writable: bool) -> None:
        self.ctx, self.post_id = ctx, post_id
        bound = VideoService(ctx).bound(post_id)
        if bound is None:
            self.label.setText(self.tr("Final video: none bound yet."))
        else:
            size = f"{(bound.size or 0) / 1048576:.1f} MB"
            self.label.setText(
                self.tr("Final video: %1 (%2, SHA-256 %3…)")
                .replace("%1", bound.path)
                .replace("%2", size)
                .replace("%3", bound.sha256[:12])
            )
        self.bind_button.setEnabled(writable)

    def bind_file(self, path: Path) -> bool:
        """Hash ``path`` in a worker and bind it; False when cancelled or refused."""
        if self.ctx is None or self.post_id is None:
            return False
        title = self.tr("Final video")
        try:
            video = run_with_progress(self, self.tr("Checking the video file…"), hash_video, path)
            result = VideoService(self.ctx).bind(self.post_id, video)
        except Cancelled:
            return False
        except TikDeskError as exc:
            messages.show_warning(self, title, str(exc))
            return False
        if result.approval_revoked:
            messages.show_info(
                self,
                title,
                self.tr(
                    "A different video file: the approval was revoked, the post is back in review."
                ),
            )
        self.video_bound.emit()
        return True

    def _on_bind(self) -> None:
        path = self.ask_file(self)
        if path is not None:
            self.bind_file(path)
