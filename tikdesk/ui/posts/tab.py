"""Beiträge & Freigabe: the post list and, for the selected post, its clearance.

Also home of :meth:`PostsTab.convert_idea`, "In Beitrag umwandeln", which the main window
calls when the ideas tab asks for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QPushButton,
    QWidget,
)

from tikdesk.domain.enums import ItemState, PostStatus
from tikdesk.domain.errors import Cancelled, InputRejected, TikDeskError, ValidationError
from tikdesk.options import POSTS_SPLITTER
from tikdesk.services.context import AppContext
from tikdesk.services.people import PeopleService
from tikdesk.services.posts import PostDetail, PostInput, PostService, PostSummary
from tikdesk.ui import messages
from tikdesk.ui.a11y import scrolled
from tikdesk.ui.posts.detail import PostDetailPanel
from tikdesk.ui.posts.dialogs import (
    AddPersonDialog,
    ApproveDialog,
    DateDialog,
    PublishDialog,
    ShownAsDialog,
    TextDialog,
)
from tikdesk.ui.posts.model import Column, PostFilterProxyModel, PostTableModel, Role
from tikdesk.ui.posts.video import hash_for_publish
from tikdesk.ui.tab import Menus, TabHost
from tikdesk.ui.widgets.fmt import arg
from tikdesk.ui.widgets.list_detail import ListDetailTab, ListTexts


class PostsTab(ListDetailTab[PostSummary, PostDetail]):
    splitter_option = POSTS_SPLITTER
    proxy: PostFilterProxyModel

    def __init__(self, ctx: AppContext, host: TabHost) -> None:
        texts = ListTexts(
            area=self.tr("Posts"),
            list_name=self.tr("Posts"),
            search_placeholder=self.tr("Search title or author"),
            search_name=self.tr("Search posts"),
            empty=self.tr(
                "Select a post on the left, or create one with "
                "„New post…“. Ideas become posts with „Turn into post“ "
                "on the Ideas tab."
            ),
            unsaved_title=self.tr("Unsaved changes"),
        )
        super().__init__(
            ctx, host, PostTableModel(), PostFilterProxyModel(), texts, record_role=Role.POST
        )
        self.service = PostService(ctx)
        self.new_button = QPushButton(self.tr("Ne&w post…"))
        self.new_button.clicked.connect(self._on_new)
        self.bar.addWidget(self.new_button)
        self.bar.addWidget(self.search, 1)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Show"))
        self.status_filter.addItem(self.tr("All posts"), PostFilterProxyModel.ALL)
        self.status_filter.addItem(self.tr("Needs attention"), PostFilterProxyModel.ATTENTION)
        for status in PostStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.bar.addWidget(self.status_filter)
        self.table.sortByColumn(Column.PLANNED, Qt.SortOrder.AscendingOrder)
        self.keep_column_wide(Column.TITLE, 230)

        self.panel = PostDetailPanel(lambda: self.ctx.clock.today())
        self.stack.addWidget(self.panel)
        # the detail pane cannot shrink below its form: it scrolls in a small window
        self.detail_scroll = scrolled(self.stack)
        self.place_detail(self.detail_scroll, (460, 800))  # its minimum width in 1280 px
        self._connect_panel()

    def _connect_panel(self) -> None:
        panel = self.panel
        panel.form.save_requested.connect(self._on_save)
        panel.form.revert_button.clicked.connect(self._on_revert)
        panel.review_button.clicked.connect(self._on_review)
        panel.draft_button.clicked.connect(self._on_draft)
        panel.approve_button.clicked.connect(self._on_approve)
        panel.revoke_button.clicked.connect(self._on_revoke)
        panel.publish_button.clicked.connect(self._on_publish)
        panel.taken_down_button.clicked.connect(self._on_taken_down)
        panel.add_person_button.clicked.connect(self._on_add_person)
        panel.scene_button.clicked.connect(self._on_scene)
        panel.shown_button.clicked.connect(self._on_shown_as)
        panel.remove_person_button.clicked.connect(self._on_remove_person)
        panel.video.video_bound.connect(self._changed)
        panel.form_button.clicked.connect(self._on_consent_form)
        panel.people.itemDoubleClicked.connect(lambda *_: self._on_scene())
        panel.checklist.item_set_requested.connect(self._on_item_set)
        panel.checklist.section_ok_requested.connect(self._on_section_ok)

    # ---------------------------------------------------------------- shell hooks
    def install_actions(self, menus: Menus) -> None:
        folder = QAction(self.tr("Open the organisation's &checklist folder"), self)
        folder.setToolTip(
            self.tr(
                "Put your own checklist files here (copy general.toml and "
                "adapt it). They replace the shipped ones."
            )
        )
        folder.triggered.connect(self._on_open_checklist_folder)
        new_post = QAction(self.tr("&New post…"), self)  # Alt+P is Preferences
        new_post.setShortcut(QKeySequence("Ctrl+Shift+P"))
        new_post.triggered.connect(self._on_new)
        menus.edit.insertAction(menus.edit_tab_anchor, new_post)
        menus.edit.insertAction(menus.edit_tab_anchor, folder)

    # ---------------------------------------------------------------- list and detail
    def fetch(self) -> list[PostSummary]:
        posts = self.service.list_posts()
        self.panel.form.set_profiles(self.service.profiles())
        return posts

    def fetch_detail(self, ident: int) -> PostDetail:
        return self.service.get(ident)

    def show_detail(self, detail: PostDetail, *, keep_form: bool) -> QWidget:
        self.panel.show_detail(detail, self.read_only(), keep_form=keep_form)
        self.panel.video.show_post(self.ctx, detail.id, not self.read_only())
        return self.panel

    def after_refresh(self) -> None:
        self._update_count()
        self.new_button.setEnabled(not self.read_only())

    def is_dirty(self) -> bool:
        return self.panel.form.dirty

    def unsaved_question(self) -> str:
        return self.tr(
            "The details of „%1“ were changed but not saved. Discard the changes?"
        ).replace("%1", self.panel.form.title.text())

    def clear_filters(self) -> None:
        self.search.clear()
        self.status_filter.setCurrentIndex(0)

    def filter_changed(self) -> None:
        self.proxy.set_status(str(self.status_filter.currentData()))
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        blocked = sum(1 for p in self.model.records() if p.gate.value == "blocked" and not p.closed)
        self.count_label.setText(
            arg(self.tr("%1 of %2 posts · %3 blocked"), str(shown), str(total), str(blocked))
        )

    def select_post(self, post_id: int) -> bool:
        """Select a post in the list (clears a filter that hides it; reloads if unknown)."""
        return self.select(post_id)

    def current_post_id(self) -> int | None:
        return self.current_id()

    def on_error(self, title: str, exc: TikDeskError) -> None:
        if isinstance(exc, ValidationError) and exc.field in ("title", "checklist_profile"):
            self.panel.form.show_error(str(exc), exc.field)
        else:
            self._warn(title, str(exc))

    @Slot()
    def _on_new(self) -> None:
        if self.read_only():
            return
        title = TextDialog.ask(self, self.tr("New post"), self.tr("&Title:"))
        if not title:
            return
        post_id = self._run(
            self.tr("New post"), lambda: self.service.create(PostInput(title=title))
        )
        if post_id is not None:
            self.select_post(post_id)

    @Slot()
    def _on_save(self) -> None:
        detail = self.panel.detail
        if detail is None:
            return
        value = self.panel.form.value()
        form = self.panel.form
        try:
            revoked = self.service.update(detail.id, value, detail.version)
        except ValidationError as exc:
            form.show_error(str(exc), exc.field)
            return
        except TikDeskError as exc:
            self._warn(self.tr("Save post"), str(exc))
            return
        form.load(self.service.get(detail.id), self.read_only())
        if revoked:
            self._status_message(
                self.tr("Saved. The approval was revoked because the post changed.")
            )
        self._changed()

    @Slot()
    def _on_revert(self) -> None:
        if self.panel.detail is not None:
            self.panel.form.load(self.panel.detail, self.read_only())

    def _post_action(self, title: str, fn: Callable[[int], object]) -> None:
        detail = self.panel.detail
        if detail is not None:
            self._run(title, lambda: fn(detail.id))

    @Slot()
    def _on_review(self) -> None:
        self._post_action(self.tr("Submit for review"), self.service.submit_for_review)

    @Slot()
    def _on_draft(self) -> None:
        self._post_action(self.tr("Back to draft"), self.service.back_to_draft)

    @Slot()
    def _on_approve(self) -> None:
        detail = self.panel.detail
        if detail is None or not detail.can_approve:
            return
        comment = ApproveDialog.ask(self, detail.title, self.ctx.user)
        if comment is None:
            return
        self._run(self.tr("Approve"), lambda: self.service.approve(detail.id, comment))

    @Slot()
    def _on_revoke(self) -> None:
        detail = self.panel.detail
        if detail is None:
            return
        reason = TextDialog.ask(self, self.tr("Revoke approval"), self.tr("&Reason:"))
        if reason:
            self._run(
                self.tr("Revoke approval"), lambda: self.service.revoke_approval(detail.id, reason)
            )

    @Slot()
    def _on_publish(self) -> None:
        detail = self.panel.detail
        if detail is None or not detail.can_publish:
            return
        answer = PublishDialog.ask(self, detail.video_link)
        if answer is None:
            return
        try:  # the bound file is hashed again: only the approved cut goes out (issue 18)
            video = hash_for_publish(self, self.ctx, detail.id)
        except Cancelled:
            return
        except InputRejected:
            video = None  # unreadable or moved: the service says so in one sentence
        self._run(
            self.tr("Mark as published"),
            lambda: self.service.mark_published(
                detail.id, answer.published_at, answer.video_link, video=video
            ),
        )

    @Slot()
    def _on_taken_down(self) -> None:
        detail = self.panel.detail
        if detail is None:
            return
        when = DateDialog.ask(self, self.tr("Mark as taken down"), self.tr("Taken down &on:"))
        if when is not None:
            self._run(
                self.tr("Mark as taken down"), lambda: self.service.mark_taken_down(detail.id, when)
            )

    @Slot()
    def _on_add_person(self) -> None:
        detail = self.panel.detail
        if detail is None:
            return
        try:
            people = PeopleService(self.ctx).list_people()
        except TikDeskError as exc:
            self._warn(self.tr("Add person"), str(exc))
            return
        present = {p.person_id for p in detail.people}
        choices = [
            (p.id, p.display_name + (f" ({p.category_label})" if p.category else ""))
            for p in people
            if p.id not in present
        ]
        if not choices:
            self._warn(
                self.tr("Add person"),
                self.tr(
                    "Everyone in the registry is already in this video. Add new people on the "
                    "„People & consent“ tab."
                ),
            )
            return
        answer = AddPersonDialog.ask(self, choices)
        if answer is not None:
            person_id, scene = answer
            self._run(
                self.tr("Add person"), lambda: self.service.add_person(detail.id, person_id, scene)
            )

    @Slot()
    def _on_scene(self) -> None:
        appearance_id = self.panel.current_appearance()
        if appearance_id is None or self.read_only():
            return
        scene = TextDialog.ask(self, self.tr("Scene"), self.tr("&Scene:"))
        if scene is not None:
            self._run(self.tr("Scene"), lambda: self.service.set_scene_note(appearance_id, scene))

    @Slot()
    def _on_shown_as(self) -> None:
        detail = self.panel.detail
        appearance_id = self.panel.current_appearance()
        if detail is None or appearance_id is None or self.read_only():
            return
        current = next(
            (p.shown_as for p in detail.people if p.appearance_id == appearance_id), frozenset()
        )
        shown = ShownAsDialog.ask(self, current)
        if shown is not None:
            self._run(self.tr("Shown as"), lambda: self.service.set_shown_as(appearance_id, shown))

    @Slot()
    def _on_consent_form(self) -> None:
        """A consent form for the selected person, prefilled from this post (issue 18)."""
        from tikdesk.ui.people.paperwork import print_form

        detail = self.panel.detail
        appearance_id = self.panel.current_appearance()
        if detail is None or appearance_id is None:
            return
        person = next((p for p in detail.people if p.appearance_id == appearance_id), None)
        if person is None or person.person_id is None:
            return
        print_form(self, self.ctx, person.person_id, person.label, detail.id)

    @Slot()
    def _on_remove_person(self) -> None:
        appearance_id = self.panel.current_appearance()
        if appearance_id is None:
            return
        self._run(self.tr("Remove person"), lambda: self.service.remove_person(appearance_id))

    @Slot(str, str, str, str)
    def _on_item_set(self, key: str, state: str, note: str, override: str) -> None:
        detail = self.panel.detail
        if detail is None:
            return
        revoked = self._run(
            self.tr("Checklist"),
            lambda: self.service.set_item(detail.id, key, ItemState(state), note, override),
        )
        if revoked:
            self._status_message(self.tr("The approval was revoked because the checklist changed."))

    @Slot(str)
    def _on_section_ok(self, section: str) -> None:
        """„Abschnitt: alles in Ordnung“: list the hand-checked items, then set them OK."""
        detail = self.panel.detail
        if detail is None:
            return
        items = self._run(
            self.tr("Checklist"), lambda: self.service.section_items_to_confirm(detail.id, section)
        )
        if not items:
            self._status_message(self.tr("Every item of this section is already OK."))
            return
        text = self.tr("Set these %n items to OK? Each is recorded in the history.", "", len(items))
        text += "\n\n" + "\n".join(f"• {label}" for _key, label in items)
        if not messages.ask_yes_no(self, self.tr("Section: all in order"), text):
            return
        self._run(self.tr("Checklist"), lambda: self.service.set_section_ok(detail.id, section))

    def convert_idea(self, idea_id: int) -> int | None:
        """„In Beitrag umwandeln“: create a draft post from an idea (or find its post).

        Returns the post's id, or None (a message was shown)."""
        title = self.tr("Turn into post")
        try:
            another = False
            if self.service.posts_of_idea(idea_id):  # opens that post unless asked otherwise
                another = not messages.ask_yes_no(
                    self,
                    title,
                    self.tr(
                        "This idea already has a post. Open that post?\n\n"
                        "Yes: open the existing post. No: make a second post from the idea."
                    ),
                )
            post_id = self.service.create_from_idea(idea_id, another=another)
        except TikDeskError as exc:
            messages.show_warning(self, title, str(exc))
            return None
        self._changed()
        return post_id

    @Slot()
    def _on_open_checklist_folder(self) -> None:
        try:
            folder = self.service.organisation_checklist_folder()
        except OSError as exc:
            self._warn(self.tr("Checklist folder"), str(exc))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
