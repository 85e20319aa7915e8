"""TikDesk makes no network connection, ever (issue 8).

Two guards: the whole smoke test (every tab, chart, the manual and the report) runs under an
audit hook that kills the process on any attempt to resolve a name or to use an internet
socket; and the source never imports a network library.  The hook here is independent of the
one in tikdesk/smoke.py, so the app cannot switch it off by accident.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "tikdesk"
NETWORK_EXIT = 97

# Installed before anything of TikDesk is imported.  os._exit: an attempt cannot be caught and
# swallowed by the code that made it.  AF_UNIX stays allowed (Qt's session bus on Linux).
GUARD = f"""
import os, socket, sys

def _deny(event, args):
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
                 "socket.gethostbyaddr"):
        what = f"{{event}}{{args[:2]!r}}"
    elif event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
        if getattr(args[0], "family", None) == getattr(socket, "AF_UNIX", object()):
            return
        what = f"{{event}}({{args[1]!r}})"
    else:
        return
    os.write(2, f"NETWORK ATTEMPT: {{what}}\\n".encode())
    os._exit({NETWORK_EXIT})

sys.addaudithook(_deny)
exec(sys.argv[1])
"""


def run_guarded(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TIKDESK_HOME": str(tmp_path / "home"),
        "TMPDIR": str(tmp_path),
        "TIKDESK_SMOKE_TIMEOUT": "240",
    }
    return subprocess.run(
        [sys.executable, "-c", GUARD, code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    "attempt",
    [
        "import socket; socket.create_connection(('127.0.0.1', 9), timeout=1)",
        "import socket; socket.getaddrinfo('localhost', 80)",
        "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9/', timeout=1)",
        "import socket; socket.socket().bind(('127.0.0.1', 0))",
    ],
)
def test_the_guard_catches_an_attempt(attempt: str, tmp_path: Path) -> None:
    """Proof that the guard works, so that a passing smoke run below means something."""
    result = run_guarded(attempt, tmp_path)
    assert result.returncode == NETWORK_EXIT, result.stderr[-2000:]
    assert "NETWORK ATTEMPT" in result.stderr


@pytest.mark.slow
def test_smoke_test_runs_without_any_network_attempt(tmp_path: Path) -> None:
    code = "from tikdesk.app import main; sys.exit(main(['--smoke-test']))"
    result = run_guarded(code, tmp_path)
    assert "NETWORK ATTEMPT" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "smoke: network: ok" in result.stdout


# ------------------------------------------------------------------------ source guard
#: modules whose only purpose is talking over a network (or opening a web browser)
FORBIDDEN = (
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets",
    "PySide6.QtHttpServer",
    "PySide6.QtNetworkAuth",
    "urllib.request",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "http.client",
    "http.server",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "nntplib",
    "telnetlib",
    "xmlrpc",
    "socketserver",
    "ssl",
    "webbrowser",
    "asyncio",
)
#: socket is imported for the host name in lock files; nothing else of it may be used
SOCKET_ALLOWED = {"gethostname", "AF_UNIX"}


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _imported(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


@pytest.mark.slow
def test_no_network_library_is_imported_anywhere() -> None:
    offenders = []
    for path in _sources():
        for name in _imported(ast.parse(path.read_text(encoding="utf-8"))):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN):
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


@pytest.mark.slow
def test_socket_is_used_for_the_host_name_only() -> None:
    offenders = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if "socket" not in _imported(tree):
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "socket"
                and node.attr not in SOCKET_ALLOWED
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: socket.{node.attr}")
        if any(n.startswith("socket.") for n in _imported(tree)):
            offenders.append(f"{path.relative_to(ROOT)}: from socket import …")
    assert offenders == []


def test_only_local_files_are_opened_with_the_desktop() -> None:
    """QDesktopServices.openUrl may open a folder or a file, never a web address."""
    offenders = []
    for path in _sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "openUrl(" in line and not re.search(r"openUrl\(\s*QUrl\.fromLocalFile\(", line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_manual_loads_nothing_from_the_web() -> None:
    manual = ROOT / "resources" / "manual"
    offenders = []
    for page in manual.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        found = re.findall(r"""(?:src|@import|url)\s*[=(]\s*["']?https?://[^"' )]+""", text)
        offenders += [f"{page.relative_to(ROOT)}: {m}" for m in found]
    assert offenders == []


def test_the_bundle_leaves_out_qt_network() -> None:
    """Python's ssl stays in the bundle: psycopg imports it for a team database (issue 17);
    TikDesk's own code may not (FORBIDDEN above)."""
    spec = (ROOT / "packaging" / "tikdesk.spec").read_text(encoding="utf-8")
    assert '"QtNetwork"' in spec
