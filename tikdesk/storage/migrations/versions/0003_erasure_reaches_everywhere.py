"""erasure reaches everywhere

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06

Issue 16 (erasure): audit notes apart from the append-only audit log, the erasure register.

The free texts that earlier versions wrote into audit events (override reasons, revoke reasons,
the withdrawal channel) move into ``audit_note``, where an erasure may redact them; the events
keep their structured part.  The append-only triggers are lifted for exactly this one move and
put back in the same transaction.
"""

from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: The same statements as in 0001 (a migration must not import another one).
AUDIT_TRIGGERS = {
    "sqlite": [
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
        "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
        "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
    ],
    "postgresql": [
        "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event "
        "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
    ],
}
DROP_TRIGGERS = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS audit_event_no_update",
        "DROP TRIGGER IF EXISTS audit_event_no_delete",
    ],
    "postgresql": ["DROP TRIGGER IF EXISTS audit_event_no_change ON audit_event"],
}
OVERRIDDEN = ("; überstimmt: ", "; overridden: ")
NOTE_CHANGED = ("; Notiz geändert", "; note changed")


def split_free_text(action: str, new_value: str) -> tuple[str, str]:
    """(structured part kept in the event, free text for the note) of an old event value."""
    if action == "approval_revoked":
        return "", new_value
    if action == "consent_withdrawn":
        head, sep, channel = new_value.partition("; channel=")
        return (head, channel) if sep else (new_value, "")
    if action == "checklist_set":
        for marker in OVERRIDDEN:
            head, sep, rest = new_value.partition(marker)
            if not sep:
                continue
            for suffix in NOTE_CHANGED:
                if rest.endswith(suffix):
                    return head + suffix, rest[: -len(suffix)]
            return head, rest
    return new_value, ""


def upgrade() -> None:
    op.create_table(
        "audit_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("redacted_at", sa.DateTime(), nullable=True),
        sa.Column("redacted_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["audit_event.id"],
            name=op.f("fk_audit_note_event_id_audit_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_note")),
        sa.UniqueConstraint("event_id", name=op.f("uq_audit_note_event_id")),
    )
    op.create_table(
        "erasure_register",
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("person_created_at", sa.DateTime(), nullable=True),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.Column("account", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_erasure_register")),
    )
    _move_audit_free_texts()


def _move_audit_free_texts() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT id, action, new_value FROM audit_event WHERE action IN "
            "('approval_revoked', 'consent_withdrawn', 'checklist_set')"
        )
    ).fetchall()
    moves = []
    for event_id, action, new_value in rows:
        kept, note = split_free_text(action, new_value or "")
        if note:
            moves.append((event_id, kept, note))
    if not moves:
        return
    dialect = bind.dialect.name
    for statement in DROP_TRIGGERS.get(dialect, []):
        op.execute(statement)
    for event_id, kept, note in moves:
        bind.execute(
            sa.text("UPDATE audit_event SET new_value = :v WHERE id = :i"),
            {"v": kept, "i": event_id},
        )
        bind.execute(
            sa.text("INSERT INTO audit_note (event_id, text, redacted_by) VALUES (:i, :t, '')"),
            {"i": event_id, "t": note},
        )
    for statement in AUDIT_TRIGGERS.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("erasure_register")
    op.drop_table("audit_note")
