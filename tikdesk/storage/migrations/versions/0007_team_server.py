"""team server: identities the server vouches for, four eyes as a trigger, change notices

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

Issue 17, PostgreSQL only (SQLite is left exactly as it was):

* **Who acted is written by the server.**  A BEFORE trigger sets the author of a new post,
  the approver of an approval, the actor of an audit event, who set a checklist item, who
  imported a file, added an evidence file or issued a form to ``session_user`` — whatever the
  client sent.  An UPDATE cannot change an author or an approver afterwards.  The owner of
  the table (the login that runs ``admin upgrade`` and ``copy-to``, or a superuser) is
  trusted as given: it could switch the triggers off anyway, and a copy must keep the
  history's names.
* **Four eyes in the database.**  An approval whose approver is the post's author
  (compared without case and surrounding spaces) is refused with
  ``four-eyes: …``, also for SQL typed by hand.
* **Change notices.**  After every statement on the edited tables the server sends
  ``NOTIFY tikdesk, '<table>:<id,id,…|*>:<application_name>'`` at commit; other TikDesks
  listening on a connection of their own refresh those rows (``*``: more than 100 rows).
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

#: table -> columns set to session_user on INSERT
STAMPED = {
    "post": ("author",),
    "approval": ("approver",),
    "audit_event": ("actor",),
    "checklist_result": ("set_by",),
    "import_batch": ("imported_by",),
    "evidence_file": ("added_by",),
    "consent_form": ("issued_by",),
}
#: table -> columns an UPDATE keeps (who wrote the row stays who wrote it)
KEPT = {"post": ("author",), "approval": ("approver",)}
#: table -> the columns UPDATE stamps again (who changed it last)
RESTAMPED = {"checklist_result": ("set_by",)}
#: tables whose changes other clients hear about
NOTIFIED = ("idea", "post", "person", "consent", "appearance", "checklist_result", "approval")

FUNCTIONS = [
    # the owner of the table (or a superuser) writes what it is given
    """CREATE FUNCTION tikdesk_trusted_login(rel oid) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = rel), 'MEMBER')
    $$""",
    """CREATE FUNCTION tikdesk_stamp_login() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      patch jsonb := '{}';
      col text;
    BEGIN
      IF tikdesk_trusted_login(TG_RELID) THEN
        RETURN NEW;
      END IF;
      FOREACH col IN ARRAY TG_ARGV LOOP
        patch := patch || jsonb_build_object(col, session_user::text);
      END LOOP;
      RETURN jsonb_populate_record(NEW, patch);
    END $$""",
    """CREATE FUNCTION tikdesk_keep_login() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      patch jsonb := '{}';
      col text;
    BEGIN
      IF tikdesk_trusted_login(TG_RELID) THEN
        RETURN NEW;
      END IF;
      FOREACH col IN ARRAY TG_ARGV LOOP
        patch := patch || jsonb_build_object(col, to_jsonb(OLD) -> col);
      END LOOP;
      RETURN jsonb_populate_record(NEW, patch);
    END $$""",
    """CREATE FUNCTION tikdesk_four_eyes() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      post_author text;
    BEGIN
      SELECT author INTO post_author FROM post WHERE id = NEW.post_id;
      IF lower(btrim(coalesce(post_author, ''))) = lower(btrim(coalesce(NEW.approver, '')))
      THEN
        RAISE EXCEPTION 'four-eyes: the author of post % cannot approve it', NEW.post_id
          USING ERRCODE = 'P0001';
      END IF;
      RETURN NEW;
    END $$""",
    """CREATE FUNCTION tikdesk_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      found int;
      ids text;
    BEGIN
      IF TG_OP = 'DELETE' THEN
        SELECT count(*), string_agg(id::text, ',') INTO found, ids
          FROM (SELECT id FROM old_rows LIMIT 101) AS changed;
      ELSE
        SELECT count(*), string_agg(id::text, ',') INTO found, ids
          FROM (SELECT id FROM new_rows LIMIT 101) AS changed;
      END IF;
      IF found = 0 THEN
        RETURN NULL;
      END IF;
      IF found > 100 THEN
        ids := '*';
      END IF;
      PERFORM pg_notify(
        'tikdesk', TG_TABLE_NAME || ':' || ids || ':' || current_setting('application_name'));
      RETURN NULL;
    END $$""",
]


def _triggers() -> list[str]:
    out: list[str] = []
    for table, cols in STAMPED.items():
        args = ", ".join(f"'{c}'" for c in cols)
        out.append(
            f"CREATE TRIGGER tikdesk_10_stamp BEFORE INSERT ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION tikdesk_stamp_login({args})"
        )
    for table, cols in RESTAMPED.items():
        args = ", ".join(f"'{c}'" for c in cols)
        out.append(
            f"CREATE TRIGGER tikdesk_11_restamp BEFORE UPDATE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION tikdesk_stamp_login({args})"
        )
    for table, cols in KEPT.items():
        args = ", ".join(f"'{c}'" for c in cols)
        out.append(
            f"CREATE TRIGGER tikdesk_12_keep BEFORE UPDATE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION tikdesk_keep_login({args})"
        )
    out.append(
        "CREATE TRIGGER tikdesk_20_four_eyes BEFORE INSERT OR UPDATE ON approval "
        "FOR EACH ROW EXECUTE FUNCTION tikdesk_four_eyes()"
    )
    for table in NOTIFIED:
        for event, ref in (
            ("INSERT", "NEW TABLE AS new_rows"),
            ("UPDATE", "NEW TABLE AS new_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
        ):
            out.append(
                f"CREATE TRIGGER tikdesk_notify_{event.lower()} AFTER {event} ON {table} "
                f"REFERENCING {ref} FOR EACH STATEMENT EXECUTE FUNCTION tikdesk_notify()"
            )
    return out


#: trigger names per table, for check and downgrade
def trigger_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for table in STAMPED:
        names.setdefault(table, []).append("tikdesk_10_stamp")
    for table in RESTAMPED:
        names.setdefault(table, []).append("tikdesk_11_restamp")
    for table in KEPT:
        names.setdefault(table, []).append("tikdesk_12_keep")
    names.setdefault("approval", []).append("tikdesk_20_four_eyes")
    for table in NOTIFIED:
        for event in ("insert", "update", "delete"):
            names.setdefault(table, []).append(f"tikdesk_notify_{event}")
    names.setdefault("audit_event", []).append("audit_event_no_change")
    return names


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: the OS account acts (issue 16), nothing changes here
    for statement in [*FUNCTIONS, *_triggers()]:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, names in trigger_names().items():
        for name in names:
            if name != "audit_event_no_change":
                op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    for fn in (
        "tikdesk_notify()",
        "tikdesk_four_eyes()",
        "tikdesk_keep_login()",
        "tikdesk_stamp_login()",
        "tikdesk_trusted_login(oid)",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS {fn}")
