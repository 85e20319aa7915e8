"""A team database set up exactly as IT would (issue 17): a throw-away cluster of its own
(the roles are cluster-wide and must not leak into the other PostgreSQL tests), the SQL of
``tikdesk admin print-setup-sql`` executed in it, the tables created by ``tikdesk_owner``,
and logins for an editor, an approver, a DSB and a viewer."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pg_server

from tikdesk.services.team_setup import setup_sql
from tikdesk.storage.engine import open_server_database

DATABASE = "tikdesk_team"
LOGINS = {
    "anna": "tikdesk_editor",
    "ben": "tikdesk_approver",
    "dora": "tikdesk_dsb",
    "chef": "tikdesk_viewer",
}


@dataclass
class TeamCluster:
    server: pg_server.PgServer

    def url(self, login: str) -> str:
        return self.server.url(DATABASE, user=login)

    def run_script(self, sql: str, folder: Path) -> None:
        script = folder / "setup.sql"
        script.write_text(sql, encoding="utf-8")
        result = subprocess.run(
            [str(self.server.bin_dir / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
             "-h", self.server.socket_dir, "-U", pg_server.ADMIN, "-d", "postgres",
             "-f", str(script)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        if result.returncode != 0:
            raise RuntimeError(f"setup SQL failed: {result.stderr.strip()}")


def set_up(folder: Path) -> TeamCluster:
    """Start a cluster and run the printed setup SQL in it, in the order it prescribes."""
    team = TeamCluster(pg_server.start())
    try:
        sql = setup_sql(database=DATABASE)
        before, after = sql.split("-- 3.", 1)
        team.run_script(before, folder)  # roles, database
        db = open_server_database(team.url("tikdesk_owner"), folder / "owner")
        db.close()  # tables created by the owner (tikdesk admin upgrade)
        logins = "\n".join(
            f'CREATE ROLE "{login}" LOGIN; GRANT {role} TO "{login}";'
            for login, role in LOGINS.items()
        )
        admin = f"\\connect {DATABASE} {pg_server.ADMIN}"  # step 4 runs as a superuser
        team.run_script(f"\\connect {DATABASE}\n-- 3.{after}\n{admin}\n{logins}\n", folder)
    except BaseException:
        pg_server.stop(team.server)
        raise
    return team


@contextmanager
def team_cluster(folder: Path) -> Iterator[TeamCluster]:
    team = set_up(folder)
    try:
        yield team
    finally:
        pg_server.stop(team.server)
