"""The session's language, and how the layers below the UI word their messages.

Two mechanisms, one language:

* **The UI** (``tikdesk/ui``) writes English source strings with ``tr()``; the German lives
  in ``resources/i18n/*_de.ts`` and is loaded as Qt translators (``tikdesk.app``).
* **Below the UI** (services, importers, storage, the CLI) there is no Qt, yet messages
  reach the user (preview problems, validation errors, CLI output).  Such code writes both
  languages at the call site, ``msg("Datei fehlt.", "File missing.")``; :func:`msg` picks
  one by :func:`language`.

Where the language lives: here, once per process, like Qt's translators.  The composition
root chooses it before any service runs — ``tikdesk.app.main`` from ``--lang``, the
Preferences (``tikdesk.options.LANGUAGE``) or the system locale — and calls
:func:`set_language`.  Everything else reads it through :func:`language` (services see it
as ``ctx.language``); nothing else calls :func:`set_language` (tests restore it after each
test, ``tests/conftest.py``).
"""

from __future__ import annotations

import locale
import os

_language = "de"


def system_language() -> str:
    """``de`` when the OS locale is German, ``en`` otherwise."""
    # GNU gettext's order for messages: LANGUAGE (a priority list) beats LC_ALL,
    # LC_MESSAGES and LANG — unless the locale is plain C, where LANGUAGE is ignored.
    locale_var = next(
        (os.environ[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(v)), ""
    )
    preferred = os.environ.get("LANGUAGE", "").split(":")[0]
    value = preferred if preferred and locale_var not in ("C", "POSIX") else locale_var
    if value:
        return "de" if value.lower().startswith("de") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:  # pragma: no cover - broken locale settings
        loc = ""
    return "de" if loc.lower().startswith(("de", "german")) else "en"


def set_language(language: str) -> None:
    global _language
    _language = "de" if language.lower().startswith("de") else "en"


def language() -> str:
    """``de`` or ``en``: the one accessor of the session's language."""
    return _language


def msg(de: str, en: str) -> str:
    """Pick the text for the session's language; both are given at the call site."""
    return de if language() == "de" else en
