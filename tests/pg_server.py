"""A throw-away PostgreSQL cluster for the tests (issue 17): ``initdb`` + ``pg_ctl`` from the
Debian package in a temporary folder, reachable only through a unix socket in that folder,
stopped and deleted at the end of the session.

The server refuses to run as root: under root (CI) it runs as the ``postgres`` account that
the Debian package creates.  Without PostgreSQL binaries the PostgreSQL tests are skipped with
that reason — except in CI (``CI=true``), where they must run and fail instead.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: the superuser the tests connect as (created by initdb)
ADMIN = "tikdesk_test"
_counter = itertools.count(1)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def find_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` with initdb and pg_ctl."""
    found = []
    for initdb in glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        folder = Path(initdb).parent
        if (folder / "pg_ctl").is_file():
            try:
                found.append((int(folder.parent.name), folder))
            except ValueError:
                continue
    return max(found)[1] if found else None


@dataclass
class PgServer:
    bin_dir: Path
    folder: Path  # data in folder/data, socket in folder

    @property
    def socket_dir(self) -> str:
        return str(self.folder)

    def url(self, dbname: str, user: str = ADMIN) -> str:
        return f"postgresql://{user}@/{dbname}?host={self.socket_dir}"

    def psql(self, sql: str, dbname: str = "postgres", user: str = ADMIN) -> str:
        """Run SQL through psql (autocommit; CREATE/DROP DATABASE need it)."""
        result = subprocess.run(
            [
                str(self.bin_dir / "psql"),
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                self.socket_dir,
                "-U",
                user,
                "-d",
                dbname,
                "-At",
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr.strip()}")
        return result.stdout

    def new_database(self, template: str = "template0") -> str:
        name = f"t{os.getpid()}_{next(_counter)}"
        self.psql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop_database(self, name: str) -> None:
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(cmd)]  # pragma: no cover


def start() -> PgServer:
    """Start a fresh cluster; raises RuntimeError with the reason when it cannot."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise FileNotFoundError("no PostgreSQL binaries under /usr/lib/postgresql/*/bin")
    folder = Path(tempfile.mkdtemp(prefix="tikdesk-pg-"))
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise RuntimeError("running as root, but there is no 'postgres' account") from exc
        os.chown(folder, account.pw_uid, account.pw_gid)
        folder.chmod(0o755)
    data = folder / "data"
    log = folder / "server.log"

    def run(cmd: list[str]) -> None:
        result = subprocess.run(
            _as_server_user(cmd), capture_output=True, text=True, timeout=120, cwd=folder
        )
        if result.returncode != 0:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{cmd[0]} failed: {result.stderr.strip()} {tail}")

    run([str(bin_dir / "initdb"), "-D", str(data), "-U", ADMIN, "-A", "trust", "-E", "UTF8",
         "--no-locale", "--no-sync"])  # fmt: skip
    options = f"-k {folder} -c listen_addresses='' -F -c max_connections=200"
    run([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o",
         options, "start"])  # fmt: skip
    return PgServer(bin_dir, folder)


def stop(server: PgServer) -> None:
    subprocess.run(
        _as_server_user(
            [
                str(server.bin_dir / "pg_ctl"),
                "-D",
                str(server.folder / "data"),
                "-m",
                "fast",
                "-w",
                "stop",
            ]
        ),
        capture_output=True,
        timeout=120,
        cwd=server.folder,
    )
    shutil.rmtree(server.folder, ignore_errors=True)
