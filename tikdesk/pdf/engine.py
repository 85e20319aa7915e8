"""Compile a Typst template with JSON data into a tagged PDF/UA-1 + PDF/A-2a file.

* The data goes in as one JSON string (``sys.inputs.data``, decoded in the template), so a
  title with ``#``, ``$``, ``*``, ``_``, ``@``, ``<`` or backslashes stays text.
* Fonts: only the shipped Liberation Sans (``resources/fonts``) and Typst's own embedded
  fonts (for symbols such as ★ or ☐); the machine's fonts are ignored.
* Characters no font has (emoji above all) would be an error in a PDF/UA file and a box in
  any other: :func:`printable` leaves them out (and an emoji's joiners and selectors), so
  "Mythen-Check 🔥 Ausweis" prints as "Mythen-Check Ausweis".
* Images (the organisation's logo) are copied into a temporary root folder, the only folder
  the template may read.
* The bytes are checked and written by Python with :func:`write_synced` (a full disk raises
  ``OSError``; the caller's ``atomic_target`` keeps an existing file).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typst

from tikdesk import paths
from tikdesk.domain.clock import SYSTEM_CLOCK
from tikdesk.domain.errors import TikDeskError
from tikdesk.domain.i18n import language, msg

#: PDF/UA-1 for accessibility (issue 23) and PDF/A-2a for the files (issue 20): Typst 0.15
#: combines the two (PDF/A-4 it cannot: UA-1 needs PDF ≤ 1.7).
STANDARDS = ["ua-1", "a-2a"]
#: characters left out because no shipped font has them: emoji and the marks that build them
_NO_GLYPH = re.compile(
    "["
    "\U0001f000-\U0001faff"  # emoji, pictographs, playing cards, flags (regional indicators)
    "\U0001fb00-\U0001fbff"  # legacy computing symbols
    "\u2600-\u26ff\u2700-\u27bf"  # miscellaneous symbols and dingbats (most are emoji)
    "\u2b00-\u2bff"  # arrows and symbols (⭐ ⬛)
    "\u200d\ufe0e\ufe0f\u20e3"  # zero-width joiner, variation selectors, keycap
    "\U000e0000-\U000e007f"  # tag characters (subdivision flags)
    "\ue000-\uf8ff"  # private use
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # control characters (a pasted bell, an import's NUL)
    "\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff"  # non-characters, lone surrogates
    "]"
)
#: symbols from those ranges that the fonts do have (kept)
_KEEP = frozenset("★☆☐☑☒✓✗✔✘▲▼►◄●○■□♥♦♣♠☎⚠")
_MISSING = re.compile(r'the text `"(.+?)"` could not be displayed')
#: how Typst's message writes a character (Rust's escape_debug): ``\u{378}``, ``\t``, ``\"``
_ESCAPE = re.compile(r"\\(u\{([0-9a-fA-F]{1,6})\}|.)")
_ESCAPED = {"t": "\t", "n": "\n", "r": "\r", "0": "\0"}


_compiler: typst.Compiler | None = None
_lock = threading.Lock()  # one compile at a time: the compiler and its caches are shared


class PdfError(TikDeskError):
    """Typst could not typeset a PDF (a template error, which is a bug), or the shipped font
    is missing (an incomplete installation)."""


class Markup(str):
    """A structural string of a template (an SVG, a language code): passed to Typst as it is,
    never cleaned by :func:`printable`."""

    __slots__ = ()


_SPACE = frozenset(" \t")
_CLOSING = frozenset(",.:;!?)")


def printable(text: str, missing: frozenset[str] = frozenset()) -> str:
    """``text`` without the characters no shipped font can show.

    Only the spaces around a left-out character are tidied ("Team 🔥 Feuerwehr" → "Team
    Feuerwehr", "Check 🔥: ja" → "Check: ja", none at the start or the end where it stood);
    the writer's own spacing elsewhere ("Frage ?", two spaces) stays as it is."""

    def gone(ch: str) -> bool:
        return ch in missing or (_NO_GLYPH.fullmatch(ch) is not None and ch not in _KEEP)

    if missing.isdisjoint(text) and all(m.group() in _KEEP for m in _NO_GLYPH.finditer(text)):
        return text  # the common case: nothing to leave out
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if not gone(text[i]):
            out.append(text[i])
            i += 1
            continue
        start = i
        while i < n and gone(text[i]):
            i += 1
        following = text[i] if i < n else ""
        if start == 0 or all(ch in _SPACE for ch in out):  # at the start: no leading space
            while i < n and text[i] in _SPACE:
                i += 1
            out.clear()
        elif out[-1] in _SPACE and (not following or following in _CLOSING):
            while out and out[-1] in _SPACE:
                out.pop()  # "Check 🔥: ja" → "Check: ja"; "a 🔥" at the end → "a"
        elif out[-1] in _SPACE and following in _SPACE:
            out.pop()  # "a 🔥 b": one of the two spaces stays
    return "".join(out)


def printable_title(text: str) -> str:
    """A title as a PDF can print it; one of emoji only would be an empty cell (or „“ in a
    sentence), so it says so."""
    return printable(text) or (msg("(nur Emoji)", "(emoji only)") if text.strip() else text)


def _clean(value: Any, missing: frozenset[str]) -> Any:
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return printable(value, missing)
    if isinstance(value, Mapping):
        return {k: _clean(v, missing) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v, missing) for v in value]
    return value


def fonts_dir() -> Path:
    folder = paths.resource_dir() / "fonts"
    if not (folder / "LiberationSans-Regular.ttf").is_file():
        raise PdfError(
            msg(
                f"Die Schrift für PDF-Dateien fehlt im Ordner „{folder}“ (die Installation ist "
                "unvollständig). Bitte TikDesk neu installieren; es wurde nichts geschrieben.",
                f"The font for PDF files is missing in the folder '{folder}' (the installation "
                "is incomplete). Please reinstall TikDesk; nothing was written.",
            )
        )
    return folder


def compiler() -> typst.Compiler:
    """The one Typst compiler of the process, with the shipped fonts loaded once (a fresh
    one per PDF parses every font again: ~10 ms, and more for symbol fallbacks)."""
    global _compiler
    if _compiler is None:
        import typst

        _compiler = typst.Compiler(font_paths=[str(fonts_dir())], ignore_system_fonts=True)
    return _compiler


def template(name: str) -> str:
    """The Typst source of a PDF kind: the shared ``common.typ`` followed by ``name``."""
    folder = paths.resource_dir() / "pdf"
    common = (folder / "common.typ").read_text(encoding="utf-8")
    return common + "\n" + (folder / name).read_text(encoding="utf-8")


def compile_pdf(
    name: str,
    data: Mapping[str, Any],
    *,
    images: Mapping[str, str] | None = None,
    timestamp: dt.datetime | None = None,
) -> bytes:
    """Typeset template ``name`` with ``data`` (JSON-able); returns the PDF bytes.

    ``images``: name in the template → file on disk (copied into the root folder; a file
    that is missing or that Typst cannot decode is left out, never an error).
    ``data`` gets ``lang`` (the UI language) unless it has one.
    ``timestamp``: the PDF's creation date in its metadata; by default the machine's real
    time (:data:`~tikdesk.domain.clock.SYSTEM_CLOCK`), like a record's stamp: it says when
    the file was made.  The dates printed in the PDF come from ``data`` (the caller's
    clock); pass ``timestamp`` for byte-identical output."""
    import typst

    payload = {"lang": Markup(language()), **data}
    missing: frozenset[str] = frozenset()
    with _lock, tempfile.TemporaryDirectory(prefix="tikdesk-pdf-") as root:
        main = Path(root) / "main.typ"
        main.write_text(template(name), encoding="utf-8")
        usable = _copy_images(images or {}, Path(root))
        for _attempt in range(8):
            inputs = {
                "data": json.dumps(_clean(payload, missing), ensure_ascii=False),
                "images": json.dumps(usable),
            }
            try:
                pdf = compiler().compile(
                    input=str(main),
                    root=root,
                    sys_inputs=inputs,
                    pdf_standards=STANDARDS,  # type: ignore[arg-type]
                    timestamp=timestamp or SYSTEM_CLOCK.now(dt.UTC).replace(microsecond=0),
                )
            except typst.TypstError as exc:
                text = f"{exc.message} {exc}"
                found = frozenset("".join(_unescape(t) for t in _MISSING.findall(text)))
                if found - missing:  # a character no font has: leave it out, once more
                    missing |= found
                    continue
                if usable:
                    # a logo Typst cannot read ("failed to decode image", "failed to parse
                    # SVG", …): the PDF without it; a template error raises in the next round
                    usable = {}
                    continue
                raise PdfError(f"PDF ({name}): {exc.message}") from exc
            break
        else:  # pragma: no cover - more than 8 rounds of missing glyphs
            raise PdfError(f"PDF ({name}): characters without a font")
    if not isinstance(pdf, bytes) or not pdf.startswith(b"%PDF") or b"%%EOF" not in pdf[-64:]:
        raise PdfError(
            msg(
                f"Das PDF ({name}) konnte nicht fertig erstellt werden (ein Fehler in TikDesk, "
                "nicht in der Datei); es wurde nichts geschrieben. Bitte den Fehler melden.",
                f"The PDF ({name}) could not be finished (an error in TikDesk, not in the "
                "file); nothing was written. Please report the error.",
            )
        )
    return pdf


def _unescape(text: str) -> str:
    """The characters Typst named in a message (``\\u{378}`` is U+0378, not "u", "3", …)."""

    def char(m: re.Match[str]) -> str:
        if m[2]:
            code = int(m[2], 16)
            return chr(code) if code <= 0x10FFFF else ""
        return _ESCAPED.get(m[1], m[1])

    return _ESCAPE.sub(char, text)


def _copy_images(images: Mapping[str, str], root: Path) -> dict[str, str]:
    usable: dict[str, str] = {}
    for key, source in images.items():
        path = Path(source) if source and source.strip() else None
        if path is None or not path.is_file():
            continue
        target = root / f"{key}{path.suffix.lower()}"
        try:
            shutil.copyfile(path, target)
        except OSError:
            continue
        usable[key] = "/" + target.name
    return usable


def write_pdf(
    path: Path,
    name: str,
    data: Mapping[str, Any],
    *,
    images: Mapping[str, str] | None = None,
) -> None:
    """:func:`compile_pdf` and write the bytes to ``path`` (the caller takes care of temp
    file and rename)."""
    write_synced(Path(path), compile_pdf(name, data, images=images))


def write_synced(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` and on to the disk; any failure (a full disk) raises OSError.

    The caller (:func:`tikdesk.excel.writing.atomic_target`) then removes the file and keeps
    an existing one."""
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
