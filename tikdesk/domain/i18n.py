"""Language choice for the layers below the UI.

The Qt UI translates with ``tr()`` and ``.qm`` files.  Services, importers and the CLI
cannot use Qt, yet their messages reach the user too (preview problems, CLI errors).  They
write both languages inline with :func:`msg`; the composition root sets the language once.
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
    return _language


def msg(de: str, en: str) -> str:
    """Pick the text for the current language; both are given at the call site."""
    return de if _language == "de" else en
