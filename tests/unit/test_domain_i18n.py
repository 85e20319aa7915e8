"""Which language the system asks for, from the environment (Windows uses the locale)."""

from __future__ import annotations

import pytest

from tikdesk.domain.i18n import msg, set_language, system_language


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "de:en"}, "de"),
        ({"LANG": "C", "LANGUAGE": "de"}, "en"),
        ({"LC_ALL": "de_AT.UTF-8", "LANG": "en_US.UTF-8"}, "de"),
    ],
)
def test_system_language_follows_gettext_order(
    env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert system_language() == expected


def test_msg_picks_the_current_language() -> None:
    set_language("en")
    assert msg("Datei", "File") == "File"
    set_language("de")
    assert msg("Datei", "File") == "Datei"
