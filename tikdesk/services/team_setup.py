"""What IT needs to set up a team database (``tikdesk admin print-setup-sql``, issue 17).

Plain text only: TikDesk never runs it and never needs a superuser.  The roles:

* ``tikdesk_owner``: owns the tables; TikDesk's schema updates run as this login (IT);
* ``tikdesk_viewer``: reads everything;
* ``tikdesk_editor``: viewer plus ideas, posts, people, consents, checklist, imports;
* ``tikdesk_approver``: editor plus approvals;
* ``tikdesk_dsb``: approver plus the DSB exception and erasure (register, note redaction).

The audit log stays append-only for everyone: INSERT only, and the trigger refuses UPDATE and
DELETE even for the owner.
"""

from __future__ import annotations

ROLES = ("tikdesk_viewer", "tikdesk_editor", "tikdesk_approver", "tikdesk_dsb")

#: Tables an editor changes (ideas, posts, people, consents, checklist, imports, analytics).
EDITOR_TABLES = (
    "idea",
    "post",
    "person",
    "consent",
    "appearance",
    "checklist_result",
    "evidence_file",
    "consent_form",
    "import_batch",
    "account_daily",
    "audience_snapshot",
    "video_stats",
    "benchmark",
    "recruiting_figure",
    "setting",
)
#: append-only for everyone
APPEND_ONLY = ("audit_event", "audit_note")


def setup_sql(database: str = "tikdesk", network: str = "10.0.0.0/8") -> str:
    editor = ", ".join(EDITOR_TABLES)
    return f"""\
-- TikDesk: Team-Datenbank einrichten (als PostgreSQL-Superuser, z. B. psql -U postgres)
-- TikDesk führt dieses SQL nie selbst aus.

-- 1. Rollen (ohne Anmeldung; Personen bekommen eine davon)
CREATE ROLE tikdesk_owner LOGIN;             -- Eigentümer; Schema-Updates laufen so
CREATE ROLE tikdesk_viewer NOLOGIN;          -- nur lesen
CREATE ROLE tikdesk_editor NOLOGIN;          -- Ideen, Beiträge, Personen, Checkliste …
CREATE ROLE tikdesk_approver NOLOGIN;        -- wie editor, dazu freigeben
CREATE ROLE tikdesk_dsb NOLOGIN;             -- wie approver, dazu DSB-Ausnahme und Löschung
GRANT tikdesk_viewer TO tikdesk_editor;
GRANT tikdesk_editor TO tikdesk_approver;
GRANT tikdesk_approver TO tikdesk_dsb;

-- 2. Datenbank
CREATE DATABASE {database} OWNER tikdesk_owner ENCODING 'UTF8' TEMPLATE template0;
\\connect {database}
REVOKE ALL ON DATABASE {database} FROM PUBLIC;
GRANT CONNECT ON DATABASE {database} TO tikdesk_viewer;
ALTER SCHEMA public OWNER TO tikdesk_owner;   -- PostgreSQL 13/14: sonst gehört es postgres
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO tikdesk_viewer;

-- 3. Tabellen anlegen: einmal als tikdesk_owner (Passwort über pgpass, nie auf der Kommandozeile)
--      tikdesk-cli --db postgresql://tikdesk_owner@SERVER/{database} admin upgrade
--    danach (und nach jedem TikDesk-Update mit neuem Schema) die Rechte setzen:
\\connect {database} tikdesk_owner
GRANT SELECT ON ALL TABLES IN SCHEMA public TO tikdesk_viewer;
GRANT INSERT, UPDATE, DELETE ON {editor} TO tikdesk_editor;
GRANT INSERT ON {", ".join(APPEND_ONLY)} TO tikdesk_editor;  -- Protokoll: nur anfügen
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tikdesk_editor;
GRANT UPDATE ON approval TO tikdesk_editor;        -- eine Änderung zieht Freigaben zurück
GRANT INSERT, UPDATE, DELETE ON approval TO tikdesk_approver;
GRANT INSERT, UPDATE, DELETE ON user_role TO tikdesk_dsb;
GRANT INSERT, UPDATE, DELETE ON erasure_register TO tikdesk_dsb;
GRANT UPDATE ON audit_note TO tikdesk_dsb;                   -- Schwärzen bei Löschung (Art. 17)
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;  -- der Trigger verbietet es ohnehin

-- 4. Personen (wieder als Superuser, z. B. \\connect {database} postgres):
--    Windows-/Domänen-Login (Kerberos/GSSAPI) oder Passwort (scram-sha-256)
-- CREATE ROLE "anna.beispiel" LOGIN;  GRANT tikdesk_editor TO "anna.beispiel";
-- CREATE ROLE "ben.beispiel" LOGIN;   GRANT tikdesk_approver TO "ben.beispiel";
-- CREATE ROLE "dsb.beispiel" LOGIN;   GRANT tikdesk_dsb TO "dsb.beispiel";
-- CREATE ROLE "chefin" LOGIN;         GRANT tikdesk_viewer TO "chefin";

-- 5. pg_hba.conf (nur das Büronetz, nur TLS; eine der beiden Zeilen):
-- hostssl  {database}  +tikdesk_viewer  {network}  gss  include_realm=0
-- hostssl  {database}  +tikdesk_viewer  {network}  scram-sha-256
-- und für die Schema-Updates:
-- hostssl  {database}  tikdesk_owner    {network}  scram-sha-256
"""
