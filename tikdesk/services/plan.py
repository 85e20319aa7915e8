"""Import the editorial plan a team keeps in Excel/CSV (issue 19): one row, one post.

Two phases like the idea import (:mod:`tikdesk.services.exchange`): :func:`preview_plan_import`
reads, checks and compares — nothing is written; :func:`commit_plan_import` writes that
preview in one transaction recorded as an :class:`ImportBatch`, after a forced backup.

Matching rows to posts: a row with an ``ID`` updates that post (an unknown ID is a problem);
without one it matches the post of the same title (case and spaces ignored) planned on the
same day (or also undated), else it makes a new post.  A row matched twice is a problem, so
nothing is ever duplicated, and a row whose values equal the stored ones is *unchanged*:
importing the same file again changes nothing.

What a row sets: the file's columns only.  Empty ``Format``/``Zielgruppe``/``Zweck`` cells
keep the stored value; with an ID an empty ``Geplant`` makes the post undated and an empty
``Konto``/``Notiz`` clears it, a row matched by title never clears anything.  A ``Geplant``
cell naming a day only keeps a matched post's time of day (new posts: 12:00).  ``Notiz`` is
the post's internal note (never the caption, which is published).  ``Autor:in`` is a new
post's author (empty: whoever imports); an existing post keeps its author (the four-eyes rule
hangs on it).

People: each name of ``Personen`` must match exactly one person of the registry by full
name (case and spaces ignored); an unknown or ambiguous name is a problem naming row, column
and name.  The window may instead create the unknown people (``create_people=True``) — with
age unknown, so the post stays blocked until they are completed.  A person named in the file
is added to the post or their depiction changed; people on the post the file does not name
stay (an import never removes anyone).

New posts are drafts; the import never approves.  A change to an approved post revokes its
approval like any other edit; a published post cannot be changed (a problem).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tikdesk.domain.bulk import cyclic_gc_paused
from tikdesk.domain.consent import SHOWN_AS, join_keys, split_keys
from tikdesk.domain.enums import AgeState, PostStatus
from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import language, msg
from tikdesk.excel import ideas_io
from tikdesk.excel.plan_io import PLAN_SCHEMA, PLAN_TEXT_KEYS, NamedPerson, Planned, plan_converter
from tikdesk.excel.preview import Preview, Problem
from tikdesk.excel.reading import map_columns, read_table
from tikdesk.excel.sniff import sniff
from tikdesk.services.context import AppContext
from tikdesk.services.exchange import _rejected, _step, column_notices, table_preview
from tikdesk.services.posts import (
    CLOSED_VALUES,
    NON_CONTENT_FIELDS,
    PostService,
    new_post_defaults,
    revoke_if_approved,
)
from tikdesk.storage.repositories import audit
from tikdesk.storage.repositories import imports as imports_repo
from tikdesk.storage.repositories import people as people_repo
from tikdesk.storage.repositories import posts as posts_repo

__all__ = [
    "KIND_PLAN",
    "PlanImportResult",
    "commit_plan_import",
    "plan_fields",
    "preview_plan_import",
]

KIND_PLAN = "plan"
DEFAULT_TIME = dt.time(12, 0)
MAX_TITLE = 300
ProgressFn = Callable[[int, int], bool]
#: Post columns a row may set (``note`` is the internal note, never the caption).
_POST_KEYS = ("title", "planned_at", "format", "audience", "purpose", "account", "note")
_KEEP_WHEN_EMPTY = frozenset({"format", "audience", "purpose"})


@dataclass(frozen=True)
class PlanImportResult:
    batch_id: int
    file_name: str
    inserted: int
    updated: int
    unchanged: int
    skipped: int
    people_created: int

    def summary(self) -> str:
        created = (
            msg(
                f" {self.people_created} Personen neu angelegt (Alter unbekannt).",
                f" {self.people_created} people added (age unknown).",
            )
            if self.people_created
            else ""
        )
        return (
            msg(
                f"{self.file_name}: {self.inserted} Beiträge neu angelegt (Entwurf), "
                f"{self.updated} aktualisiert, {self.unchanged} unverändert, {self.skipped} "
                "Zeilen ausgelassen.",
                f"{self.file_name}: {self.inserted} posts added (draft), {self.updated} updated, "
                f"{self.unchanged} unchanged, {self.skipped} rows skipped.",
            )
            + created
        )


def plan_fields() -> list[tuple[str, str]]:
    """(key, label in the UI language) of every plan column, for the mapping combos."""
    lang = language()
    return [(f.key, f.label(lang)) for f in PLAN_SCHEMA.fields]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _day(when: dt.datetime | None) -> dt.date | None:
    return when.date() if when is not None else None


# ----------------------------------------------------------------------------- preview
@cyclic_gc_paused()
def preview_plan_import(
    ctx: AppContext,
    path: Path | str,
    sheet: str | None = None,
    mapping: dict[int, str | None] | None = None,
    progress: ProgressFn | None = None,
    *,
    create_people: bool = False,
) -> Preview:
    """Read, check and compare ``path``; see the module docstring.  Writes nothing.

    ``preview.extra``: ``unknown_people`` (names not in the registry, in file order),
    ``create_people`` (the names the commit will create — only with ``create_people``),
    ``changed_fields`` ({post id: [field keys]})."""
    path = Path(path)
    _step(progress, 0, 3)
    sniffed = sniff(path)
    table = read_table(path, PLAN_SCHEMA, sheet=sheet, sniffed=sniffed)
    columns = map_columns(table.headers, PLAN_SCHEMA, mapping)
    preview = table_preview(path, sniffed.kind, table, columns, table.notices)
    preview.notices.extend(column_notices(columns))
    preview.extra.update(unknown_people=[], create_people=[], changed_fields={})
    if "title" not in {k for k in columns.mapping.values() if k}:
        preview.problems.append(
            Problem(
                None,
                None,
                msg(
                    "Keine Spalte für den Titel gefunden (erwartet „Titel“ oder „Title“). "
                    "Bitte eine Spalte als Titel zuordnen.",
                    "No column for the title found (expected 'Titel' or 'Title'). Please map "
                    "a column to the title.",
                ),
            )
        )
        return preview
    converted, problems = ideas_io.convert_rows(
        table, columns.mapping, PLAN_SCHEMA, plan_converter, PLAN_TEXT_KEYS
    )
    preview.problems.extend(problems)
    _step(progress, 1, 3)
    header_of = {key: table.headers[i] for i, key in columns.mapping.items() if key}
    with ctx.db.reader() as s:
        earlier = imports_repo.find_batch(s, preview.sha256, KIND_PLAN)
        posts = {p.id: p for p in posts_repo.list_posts(s)}
        on_post: dict[int, dict[int, posts_repo.AppearanceRecord]] = defaultdict(dict)
        for app in posts_repo.appearances(s):
            if app.person_id is not None:
                on_post[app.post_id][app.person_id] = app
        registry: dict[str, list[int]] = defaultdict(list)
        for person in people_repo.list_people(s):
            registry[_norm(person.display_name)].append(person.id)
    _Classifier(preview, converted, header_of, posts, on_post, registry, create_people).run()
    _step(progress, 2, 3)
    if earlier is not None:
        preview.already_imported = f"{earlier:%d.%m.%Y %H:%M}"
        preview.notices.append(
            msg(
                f"Diese Datei wurde am {earlier:%d.%m.%Y um %H:%M} schon einmal importiert. "
                "Bekannte Beiträge werden erkannt, nicht doppelt angelegt.",
                f"This file was already imported on {earlier:%Y-%m-%d at %H:%M}. Known "
                "posts are recognised, not added twice.",
            )
        )
    if preview.extra["create_people"]:
        names = ", ".join(preview.extra["create_people"])
        preview.notices.append(
            msg(
                f"Neu im Personenregister (Alter unbekannt, blockieren bis zur Ergänzung): "
                f"{names}.",
                f"New in the people registry (age unknown, they block until completed): {names}.",
            )
        )
    preview.problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    preview.problem_rows = {p.row for p in preview.problems if p.row is not None}
    _step(progress, 3, 3)
    return preview


class _Classifier:
    """Sorts the converted rows into new, changed, unchanged and problems."""

    def __init__(
        self,
        preview: Preview,
        converted: ideas_io.Converted,
        header_of: dict[str, str],
        posts: dict[int, posts_repo.PostRecord],
        on_post: dict[int, dict[int, posts_repo.AppearanceRecord]],
        registry: dict[str, list[int]],
        create_people: bool,
    ) -> None:
        self.preview = preview
        self.converted = converted
        self.header_of = header_of
        self.posts = posts
        self.on_post = on_post
        self.registry = registry
        self.create_people = create_people
        self.by_title: dict[tuple[str, dt.date | None], list[int]] = defaultdict(list)
        for post in posts.values():
            self.by_title[(_norm(post.title), _day(post.planned_at))].append(post.id)
        self.seen: dict[int, int] = {}  # post id → row
        self.new_keys: dict[tuple[str, dt.date | None], int] = {}  # new post → row
        self.to_create: dict[str, str] = {}  # normalised name → name as written

    def problem(self, row: int, key: str | None, reason: str) -> None:
        column = self.header_of.get(key) if key else None
        self.preview.problems.append(Problem(row, column, reason))

    def run(self) -> None:
        converted = self.converted
        for pos, number, values in converted.rows():
            row = converted.as_dict(pos, values)
            if pos in converted.bad:
                continue  # its cell problems are listed already
            self.classify(number, row)
        unknown = list(self.to_create.values())
        self.preview.extra["unknown_people"] = unknown
        self.preview.extra["create_people"] = unknown if self.create_people else []

    def people(self, number: int, named: tuple[NamedPerson, ...]) -> list[dict[str, Any]] | None:
        """The row's people as ``{"name", "person_id" (None: to be created), "shown_as"}``;
        None when a name is unknown (and not to be created) or ambiguous."""
        found: list[dict[str, Any]] = []
        ok = True
        for person in named:
            ids = self.registry.get(_norm(person.name), [])
            if len(ids) > 1:
                ok = False
                self.problem(
                    number,
                    "people",
                    msg(
                        f"„{person.name}“ passt auf {len(ids)} Personen im Personenregister "
                        f"(Nr. {', '.join(map(str, ids))}). Bitte die Namen im Register "
                        "unterscheidbar machen.",
                        f"'{person.name}' matches {len(ids)} people in the registry "
                        f"(no. {', '.join(map(str, ids))}). Please make the names in the "
                        "registry distinct.",
                    ),
                )
                continue
            if not ids:
                self.to_create.setdefault(_norm(person.name), person.name)
                if not self.create_people:
                    ok = False
                    self.problem(
                        number,
                        "people",
                        msg(
                            f"„{person.name}“ steht nicht im Personenregister (der volle Name "
                            "muss genau passen). Bitte die Person zuerst anlegen oder den "
                            "Namen korrigieren.",
                            f"'{person.name}' is not in the people registry (the full name "
                            "must match exactly). Please add the person first or correct "
                            "the name.",
                        ),
                    )
                    continue
            found.append(
                {
                    "name": self.to_create.get(_norm(person.name), person.name),
                    "person_id": ids[0] if ids else None,
                    "shown_as": person.shown_as,
                }
            )
        return found if ok else None

    def classify(self, number: int, row: dict[str, Any]) -> None:
        title = row.get("title", "")
        if not title:
            self.problem(number, "title", msg("Der Titel fehlt.", "The title is missing."))
            return
        title = " ".join(title.split())
        if len(title) > MAX_TITLE:
            self.problem(number, "title", _too_long(len(title)))
            return
        planned: Planned | None = row.get("planned_at")
        people = self.people(number, row.get("people", ()))
        post_id = row.get("id")
        by_title = False
        if post_id is None:
            day = planned.when.date() if planned else None
            matches = self.by_title.get((_norm(title), day), [])
            if len(matches) > 1:
                self.problem(
                    number,
                    "title",
                    msg(
                        f"Es gibt {len(matches)} Beiträge mit diesem Titel an diesem Tag; ohne "
                        "ID ist nicht klar, welcher gemeint ist. Bitte eine ID-Spalte verwenden.",
                        f"{len(matches)} posts have this title on this day; without an ID it "
                        "is not clear which one is meant. Please use an ID column.",
                    ),
                )
                return
            if not matches:
                key = (_norm(title), day)
                if key in self.new_keys:
                    self.problem(
                        number,
                        "title",
                        msg(
                            f"Derselbe Beitrag (Titel und Tag) steht schon in Zeile "
                            f"{self.new_keys[key]}.",
                            f"The same post (title and day) already appears in row "
                            f"{self.new_keys[key]}.",
                        ),
                    )
                    return
                self.new_keys[key] = number
                if people is not None:
                    self.add(number, title, planned, row, people)
                return
            post_id, by_title = matches[0], True
        stored = self.posts.get(post_id)
        if stored is None:
            self.problem(
                number,
                "id",
                msg(
                    f"Einen Beitrag mit der ID {post_id} gibt es in dieser Datenbank nicht "
                    "(gelöscht oder aus einer anderen Datenbank?). Zum Neuanlegen die ID-Zelle "
                    "leeren.",
                    f"There is no post with ID {post_id} in this database (deleted, or from "
                    "another database?). Clear the ID cell to add it as new.",
                ),
            )
            return
        if post_id in self.seen:
            self.problem(number, "id" if not by_title else "title", _again(self.seen[post_id]))
            return
        self.seen[post_id] = number
        if people is None:
            return
        self.update(number, stored, title, planned, row, people, by_title)

    def add(
        self,
        number: int,
        title: str,
        planned: Planned | None,
        row: dict[str, Any],
        people: list[dict[str, Any]],
    ) -> None:
        when = None
        if planned is not None:
            when = (
                planned.when if planned.timed else dt.datetime.combine(planned.when, DEFAULT_TIME)
            )
        values = {
            "title": title,
            "planned_at": when,
            "format": row.get("format") or "other",
            "audience": row.get("audience") or "general",
            "purpose": row.get("purpose") or "",
            "account": row.get("account", ""),
            "note": row.get("note", "").strip(),
            "author": row.get("author", ""),
            "people": people,
        }
        assert isinstance(self.preview.to_add, list)
        self.preview.to_add.append(values)
        self.preview.add_rows.append(number)

    def update(
        self,
        number: int,
        stored: posts_repo.PostRecord,
        title: str,
        planned: Planned | None,
        row: dict[str, Any],
        people: list[dict[str, Any]],
        by_title: bool,
    ) -> None:
        changes: dict[str, Any] = {}
        wanted = {**row, "title": title}
        for key in _POST_KEYS:
            if key not in wanted:
                continue
            value = wanted[key]
            current = getattr(stored, key)
            if key == "planned_at":
                if value is None:
                    value = None if not by_title else current
                elif not value.timed:
                    same_day = current is not None and current.date() == value.when.date()
                    time = current.time() if current is not None else DEFAULT_TIME
                    value = current if same_day else dt.datetime.combine(value.when.date(), time)
                else:
                    value = value.when
            elif value is None or value == "":
                if key in _KEEP_WHEN_EMPTY or by_title:
                    continue
                value = ""
            if key == "note":
                value = value.strip()
            if value != current:
                changes[key] = value
        present = self.on_post.get(stored.id, {})
        add_people = [p for p in people if p["person_id"] not in present]
        shown = [
            {"appearance_id": present[p["person_id"]].id, "name": p["name"], **p}
            for p in people
            if p["person_id"] in present
            and split_keys(present[p["person_id"]].shown_as) != p["shown_as"]
        ]
        if not changes and not add_people and not shown:
            self.preview.unchanged.append({"id": stored.id, "_row": number})
            return
        if stored.status in CLOSED_VALUES:
            self.problem(
                number,
                None,
                msg(
                    f"„{stored.title}“ (ID {stored.id}) ist bereits veröffentlicht und kann "
                    "nicht mehr geändert werden.",
                    f"'{stored.title}' (ID {stored.id}) is already published and can no "
                    "longer be changed.",
                ),
            )
            return
        fields = sorted(changes)
        if add_people or shown:
            fields.append("people")
        self.preview.extra["changed_fields"][stored.id] = fields
        self.preview.to_update.append(
            {
                "id": stored.id,
                "_version": stored.version,
                "_row": number,
                "_title": stored.title,
                "_changes": changes,
                "_add_people": add_people,
                "_shown_as": shown,
            }
        )


# ----------------------------------------------------------------------------- commit
@cyclic_gc_paused()
def commit_plan_import(
    ctx: AppContext,
    preview: Preview,
    progress: ProgressFn | None = None,
    skip_problem_rows: bool = False,
) -> PlanImportResult:
    """Write ``preview`` in one transaction after a forced backup; see the module docstring."""
    if preview.blocking or (preview.problems and not skip_problem_rows):
        raise _rejected(preview)
    to_create: list[str] = list(preview.extra.get("create_people", []))
    total = len(preview.to_add) + len(preview.to_update)
    skipped = len(preview.problem_rows)
    if not total and not to_create:  # the same file again: nothing is written at all
        return PlanImportResult(0, preview.file_name, 0, 0, len(preview.unchanged), skipped, 0)
    from tikdesk.services.safety import BEFORE_IMPORT, SafetyService

    SafetyService(ctx).before(BEFORE_IMPORT)
    _step(progress, 0, total)
    user = ctx.user
    posts_service = PostService(ctx)
    profiles = posts_service.profiles()
    with ctx.db.transaction() as s:
        # new posts take the first-start answers: default profile, the single handle
        profile, handle = new_post_defaults(s, (key for key, _label in profiles))
        _check_versions(s, preview.to_update)
        batch_id = imports_repo.add_batch(s, KIND_PLAN, preview.file_name, preview.sha256, user)
        created = _create_people(s, user, to_create)

        def person_of(entry: dict[str, Any]) -> int:
            return entry["person_id"] or created[_norm(entry["name"])]

        done = 0
        for values in preview.to_add:
            fields = {k: v for k, v in values.items() if k != "people"}
            fields["author"] = fields["author"] or user
            fields["account"] = fields["account"] or handle
            post_id = posts_repo.add_post(
                s, **fields, status=PostStatus.DRAFT.value, checklist_profile=profile
            )
            audit.record(s, user, "post", post_id, "created", "", PostStatus.DRAFT.value)
            for entry in values["people"]:
                _add_appearance(s, user, post_id, person_of(entry), entry["shown_as"])
            done += 1
            _step(progress, done, total)
        for row in preview.to_update:
            _update_post(s, user, posts_service, row, person_of)
            done += 1
            _step(progress, done, total)
        imports_repo.set_batch_counts(
            s, batch_id, len(preview.to_add), len(preview.to_update), skipped
        )
    return PlanImportResult(
        batch_id,
        preview.file_name,
        len(preview.to_add),
        len(preview.to_update),
        len(preview.unchanged),
        skipped,
        len(created),
    )


def _too_long(length: int) -> str:
    return msg(
        f"Höchstens {MAX_TITLE} Zeichen erlaubt (hier {length}).",
        f"At most {MAX_TITLE} characters allowed (here {length}).",
    )


def _again(row: int) -> str:
    return msg(
        f"Derselbe Beitrag steht schon in Zeile {row}.",
        f"The same post already appears in row {row}.",
    )


def _check_versions(s: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Refuse the whole import when a post changed since the preview."""
    for row in rows:
        if posts_repo.get_post(s, row["id"]).version != row["_version"]:
            raise InputRejected(
                msg(
                    f"„{row['_title']}“ (ID {row['id']}) wurde seit der Vorschau geändert. "
                    "Bitte die Vorschau neu laden; nichts wurde geschrieben.",
                    f"'{row['_title']}' (ID {row['id']}) was changed since the preview. "
                    "Please preview again; nothing was written.",
                )
            )


def _create_people(s: Any, user: str, names: Sequence[str]) -> dict[str, int]:
    """The people the plan names that the registry does not have, created (age unknown)."""
    created: dict[str, int] = {}
    for name in names:
        person_id = people_repo.add_person(
            s, display_name=name, age_state=AgeState.UNKNOWN.value, is_minor=False
        )
        audit.record(
            s,
            user,
            "person",
            person_id,
            "person_created",
            "",
            "imported from plan; age unknown",
            person_id=person_id,
        )
        created[_norm(name)] = person_id

    return created


def _update_post(
    s: Any,
    user: str,
    posts_service: PostService,
    row: dict[str, Any],
    person_of: Callable[[dict[str, Any]], int],
) -> None:
    """A planned post's changes, new people and depictions; revokes its approval when the
    content changed."""
    post = posts_repo.get_post(s, row["id"])
    diff = posts_repo.update_post(s, post.id, row["_changes"]) if row["_changes"] else {}
    if diff:
        posts_service._audit_changes(s, post.id, diff)
    for entry in row["_add_people"]:
        _add_appearance(s, user, post.id, person_of(entry), entry["shown_as"])
    for entry in row["_shown_as"]:
        app = posts_repo.get_appearance(s, entry["appearance_id"])
        if posts_repo.set_shown_as(s, app.id, join_keys(entry["shown_as"])):
            audit.record(
                s,
                user,
                "appearance",
                post.id,
                "appearance_changed",
                app.shown_as,
                join_keys(entry["shown_as"]),
                person_id=app.person_id,
            )
    if set(diff) - NON_CONTENT_FIELDS or row["_add_people"] or row["_shown_as"]:
        revoke_if_approved(
            s, user, post, msg("Redaktionsplan importiert", "editorial plan imported")
        )


def _add_appearance(s: Any, user: str, post_id: int, person_id: int, shown: frozenset[str]) -> None:
    posts_repo.add_appearance(s, post_id, person_id, "", join_keys(shown & set(SHOWN_AS)))
    audit.record(s, user, "appearance", post_id, "appearance_added", person_id=person_id)
