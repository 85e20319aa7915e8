"""``tikdesk --help`` and every sub-command's help and usage errors are German in German,
argparse's own words ("usage:", "options", "show this help message and exit") included."""

from __future__ import annotations

import argparse
import ast
import gettext
import inspect

import pytest

from tikdesk import cli
from tikdesk.app import main
from tikdesk.domain.i18n import set_language

#: argparse's words and our English placeholders; none may appear in the German help.
ENGLISH = (
    "usage:", "positional arguments", "optional arguments", "options:", "show this help",
    "show program's", "error:", "COMMAND", "FILE", "PATH", "HANDLE", "OUT.", "YYYY",
)  # fmt: skip

#: argparse messages about mistakes in the parser's definition, never shown to a user.
DEFINITION_ERRORS = {
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "conflicting option string: %s",
    "conflicting option strings: %s",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "%r is not callable",
}


def commands() -> list[str]:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def help_text(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*args, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def usage_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    assert done.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("command", ["", *commands()])
def test_every_help_is_german(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(capsys, "--lang", "de", *([command] if command else []))
    assert text.startswith("Aufruf: tikdesk") and "diese Hilfe zeigen und beenden" in text
    assert [word for word in ENGLISH if word in text] == []


def test_top_level_help_names_its_groups_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(capsys, "--lang", "de")
    assert "\nArgumente:\n  BEFEHL" in text and "\nOptionen:\n" in text
    assert "Versionsnummer zeigen und beenden" in text


@pytest.mark.parametrize(
    ("args", "german"),
    [
        (["report"], "diese Angaben fehlen: --from, --to, --out"),
        (["repot"], "ungültige Auswahl: 'repot' (möglich: 'backup'"),
        (["check", "--gründlich"], "unbekannte Angaben: --gründlich"),
        (["import-ideas", "x.csv", "--sheet"], "Argument --sheet: erwartet einen Wert"),
        (["--lang", "fr"], "ungültige Auswahl: 'fr'"),
    ],
)
def test_usage_errors_are_german(
    args: list[str], german: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = usage_error(capsys, "--lang", "de", *args) if args[0] != "--lang" else None
    if err is None:  # "--lang fr": German from the saved preference or the system
        set_language("de")
        with pytest.raises(SystemExit):
            cli.build_parser().parse_args(args)
        err = capsys.readouterr().err
    assert german in err and "tikdesk" in err and "Fehler: " in err
    assert [word for word in ENGLISH if word in err] == []


def test_english_stays_english_and_argparse_is_left_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = help_text(capsys, "--lang", "en", "report")
    assert text.startswith("usage: tikdesk report") and "show this help message and exit" in text
    assert "--from YYYY-MM-DD" in text
    help_text(capsys, "--lang", "de", "report")
    # Other parsers in the same process keep argparse's own English.
    assert argparse.__dict__["_"] is gettext.gettext
    assert argparse.__dict__["ngettext"] is gettext.ngettext
    assert "usage: other" in argparse.ArgumentParser(prog="other").format_help()


def test_every_message_argparse_shows_a_user_has_a_german_text() -> None:
    """Read from the running Python's argparse, so a new Python's new message shows up here."""
    shown: set[str] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext"):
            shown |= {
                arg.value
                for arg in node.args
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            }
    assert shown, "argparse no longer translates with _()"
    missing = shown - DEFINITION_ERRORS - set(cli.ARGPARSE_DE)
    assert missing == set()
