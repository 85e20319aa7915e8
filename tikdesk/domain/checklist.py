"""The pre-publication checklist as data: loading and checking the TOML profile files.

The items (checklist.md) live in ``resources/checklists/<profile>.toml`` so that an
organisation's data-protection officer can adapt texts and gates without a release.  The file
layout is documented at the top of ``general.toml``.  Lookup goes through a list of folders,
first match wins: the organisation's own checklist folder first, then the shipped one — so a
``general.toml`` of their own also changes every profile that includes ``general``.

A malformed file raises :class:`ChecklistError` naming the file and the line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn

from tikdesk.domain.enums import Gate
from tikdesk.domain.errors import InputRejected
from tikdesk.domain.i18n import language, msg

#: Derived items: their state is computed from appearances and consent records.
DERIVED_RULES = ("consent_valid", "no_withdrawn", "minors")
#: Conditional items exist for a post only while the condition holds.
CONDITIONS = ("minor_present", "paid_promotion")

_KEY_RE = re.compile(r"^[a-z0-9][a-z0-9_.\-]*$")
_ITEM_FIELDS = {
    "key",
    "section",
    "label_de",
    "label_en",
    "help_de",
    "help_en",
    "basis",
    "basis_en",
    "gate",
    "derived",
    "applies_when",
    "after",
}
_SECTION_FIELDS = {"key", "label_de", "label_en", "after"}
_PROFILE_FIELDS = {
    "key",
    "label_de",
    "label_en",
    "include",
    "exclude",
    "notice_de",
    "notice_en",
    "own_consent_age",
}
#: From this age a minor's own consent is needed besides the custodians' (issue 16).
DEFAULT_OWN_CONSENT_AGE = 14

DEFAULT_NOTICE = (
    "Die Checkliste unterstützt die Prüfung, ersetzt aber nicht die Beratung durch die/den "
    "Datenschutzbeauftragte:n Ihrer Organisation.",
    "The checklist supports the review; it does not replace the advice of your "
    "organisation's data-protection officer.",
)


class ChecklistError(InputRejected):
    """A checklist file cannot be used; the message names file and line."""

    def __init__(self, message: str, path: Path | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line


def _pick(de: str, en: str) -> str:
    return de if language() == "de" else (en or de)


@dataclass(frozen=True)
class ChecklistSection:
    key: str
    label_de: str
    label_en: str

    @property
    def label(self) -> str:
        return _pick(self.label_de, self.label_en)


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    section: str
    label_de: str
    label_en: str
    gate: Gate
    help_de: str = ""
    help_en: str = ""
    basis: str = ""
    derived: str | None = None
    applies_when: str | None = None
    basis_en: str = ""

    @property
    def label(self) -> str:
        return _pick(self.label_de, self.label_en)

    @property
    def help(self) -> str:
        return _pick(self.help_de, self.help_en)

    @property
    def basis_text(self) -> str:
        """The legal basis in the UI language (law citations are the same in both)."""
        return _pick(self.basis, self.basis_en)


@dataclass(frozen=True)
class ChecklistDefinition:
    """One profile with its includes resolved: sections and items in display order."""

    key: str
    label_de: str
    label_en: str
    sections: tuple[ChecklistSection, ...]
    items: tuple[ChecklistItem, ...]
    notice_de: str = DEFAULT_NOTICE[0]
    notice_en: str = DEFAULT_NOTICE[1]
    files: tuple[Path, ...] = field(default=())
    own_consent_age: int = DEFAULT_OWN_CONSENT_AGE

    @property
    def label(self) -> str:
        return _pick(self.label_de, self.label_en)

    @property
    def notice(self) -> str:
        return _pick(self.notice_de, self.notice_en)

    @cached_property
    def post_items(self) -> tuple[ChecklistItem, ...]:
        """Items checked per post (everything except ACCOUNT prerequisites)."""
        return tuple(i for i in self.items if i.gate is not Gate.ACCOUNT)

    @cached_property
    def account_items(self) -> tuple[ChecklistItem, ...]:
        return tuple(i for i in self.items if i.gate is Gate.ACCOUNT)

    @cached_property
    def _by_key(self) -> dict[str, ChecklistItem]:
        return {i.key: i for i in reversed(self.items)}  # the first of a key wins

    def item(self, key: str) -> ChecklistItem | None:
        return self._by_key.get(key)

    def section(self, key: str) -> ChecklistSection | None:
        return next((s for s in self.sections if s.key == key), None)


# ----------------------------------------------------------------------------- lookup


def shipped_dir(resource_dir: Path) -> Path:
    return resource_dir / "checklists"


def search_dirs(user_dir: Path | None, shipped: Path) -> list[Path]:
    """Folders to search, the organisation's own first."""
    dirs = [shipped]
    if user_dir is not None and Path(user_dir) != shipped:
        dirs.insert(0, Path(user_dir))
    return dirs


def available_profiles(dirs: Sequence[Path]) -> list[str]:
    """Profile keys found in ``dirs`` (shipped ones first, then organisation-only ones)."""
    seen: list[str] = []
    for folder in reversed(list(dirs)):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            if path.stem not in seen:
                seen.append(path.stem)
    order = {"general": 0, "police": 1, "theatre": 2}
    return sorted(seen, key=lambda k: (order.get(k, 9), k))


def profile_file(name: str, dirs: Sequence[Path]) -> Path:
    for folder in dirs:
        candidate = Path(folder) / f"{name}.toml"
        if candidate.is_file():
            return candidate
    where = ", ".join(str(d) for d in dirs)
    raise ChecklistError(
        msg(
            f"Checkliste „{name}“ nicht gefunden (gesucht in: {where}).",
            f"Checklist '{name}' not found (looked in: {where}).",
        )
    )


def load_profile(name: str, dirs: Sequence[Path]) -> ChecklistDefinition:
    """Load profile ``name`` with its includes from the first folder that has it."""
    return _Loader(dirs).load(name, ())


def load_profiles(dirs: Sequence[Path]) -> dict[str, ChecklistDefinition]:
    loader = _Loader(dirs)
    return {name: loader.load(name, ()) for name in available_profiles(dirs)}


def folder_state(dirs: Sequence[Path]) -> tuple[tuple[str, int, int, int], ...]:
    """Every checklist file of ``dirs`` with inode, size and modification time.

    Changes whenever a file is edited, replaced, added or removed — also a file that shadows
    an included profile — so parsed profiles can be reused until then.
    """
    found = []
    for folder in dirs:
        try:
            paths = sorted(Path(folder).glob("*.toml"))
        except OSError:
            continue
        for path in paths:
            try:
                st = path.stat()
            except OSError:
                continue
            found.append((str(path), st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(found)


class ProfileCache:
    """Parsed profiles, reused while the checklist folders stay unchanged (see folder_state).

    Parsing and checking a profile with its includes takes milliseconds; the post list, the
    overview and every post shown ask for profiles again and again.  A file with errors is
    not cached: the error comes again on every call until the file is fixed.
    """

    def __init__(self) -> None:
        self._state: dict[tuple[Path, ...], tuple[Any, ...]] = {}
        self._profiles: dict[tuple[Path, ...], dict[str, ChecklistDefinition]] = {}

    def profiles(self, dirs: Sequence[Path]) -> dict[str, ChecklistDefinition]:
        """The cache of ``dirs`` (emptied when the folders changed since the last call)."""
        key = tuple(Path(d) for d in dirs)
        state = folder_state(key)
        if self._state.get(key) != state:
            self._state[key] = state
            self._profiles[key] = {}
        return self._profiles[key]

    def load(self, name: str, dirs: Sequence[Path]) -> ChecklistDefinition:
        cache = self.profiles(dirs)
        if name not in cache:
            cache[name] = load_profile(name, dirs)
        return cache[name]

    def clear(self) -> None:
        self._state.clear()
        self._profiles.clear()


#: The process-wide cache the services use.
PROFILES = ProfileCache()


# ----------------------------------------------------------------------------- parsing


@dataclass
class DataFile:
    """A TOML data file as read: its path, its text (for line look-ups) and its data."""

    path: Path
    text: str
    data: dict[str, Any]


class _Loader:
    def __init__(self, dirs: Sequence[Path]) -> None:
        self.dirs = list(dirs)
        self._cache: dict[str, ChecklistDefinition] = {}

    def load(self, name: str, chain: tuple[str, ...]) -> ChecklistDefinition:
        if name in chain:
            cycle = " → ".join((*chain, name))
            raise ChecklistError(
                msg(
                    f"Checklisten binden sich gegenseitig ein: {cycle}.",
                    f"Checklists include each other: {cycle}.",
                ),
            )
        if name in self._cache:
            return self._cache[name]
        raw = _read(profile_file(name, self.dirs))
        definition = self._build(name, raw, (*chain, name))
        self._cache[name] = definition
        return definition

    def _build(self, name: str, raw: DataFile, chain: tuple[str, ...]) -> ChecklistDefinition:
        profile, includes, raw_age, excludes = _profile(raw, name)

        sections: list[ChecklistSection] = []
        items: list[ChecklistItem] = []
        files: list[Path] = []
        notice = DEFAULT_NOTICE
        own_age = DEFAULT_OWN_CONSENT_AGE
        for inc in includes:
            base = self.load(inc, chain)
            own_age = base.own_consent_age
            files.extend(base.files)
            for sec in base.sections:
                if sec.key not in {s.key for s in sections}:
                    sections.append(sec)
            for item in base.items:
                if item.key not in {i.key for i in items}:
                    items.append(item)
            notice = (base.notice_de, base.notice_en)
        files.append(raw.path)
        notice = (
            _opt_str(raw, profile, "notice_de", "[profile]") or notice[0],
            _opt_str(raw, profile, "notice_en", "[profile]") or notice[1],
        )

        _own_sections(raw, sections)

        _own_items(raw, items, {s.key for s in sections})

        items = [i for i in items if i.key not in excludes]
        order = {s.key: n for n, s in enumerate(sections)}
        items.sort(key=lambda it: order[it.section])  # stable: keeps order inside a section
        used = {i.section for i in items}
        return ChecklistDefinition(
            key=name,
            label_de=_opt_str(raw, profile, "label_de", "[profile]") or name,
            label_en=_opt_str(raw, profile, "label_en", "[profile]") or name,
            sections=tuple(s for s in sections if s.key in used),
            items=tuple(items),
            notice_de=notice[0],
            notice_en=notice[1],
            files=tuple(files),
            own_consent_age=raw_age if isinstance(raw_age, int) else own_age,
        )


def _profile(raw: DataFile, name: str) -> tuple[dict[str, Any], list[str], Any, set[str]]:
    """The [profile] table, checked: (table, includes, own_consent_age as written, excludes)."""
    unknown_top = set(raw.data) - {"profile", "section", "item"}
    if unknown_top:
        bad = sorted(unknown_top)[0]
        _fail(
            raw,
            msg(f"unbekannter Abschnitt [{bad}]", f"unknown table [{bad}]"),
            line_of(raw.text, rf"^\s*\[+\s*{re.escape(bad)}\s*\]+"),
        )
    profile = raw.data.get("profile", {})
    if not isinstance(profile, dict):
        _fail(raw, msg("[profile] muss eine Tabelle sein", "[profile] must be a table"), None)
    _check_fields(raw, profile, _PROFILE_FIELDS, "[profile]", r"^\s*\[profile\]")
    key = _opt_str(raw, profile, "key", "[profile]") or name
    if key != name:
        _fail(
            raw,
            msg(
                f"[profile] key = „{key}“ passt nicht zum Dateinamen „{name}.toml“",
                f"[profile] key = '{key}' does not match the file name '{name}.toml'",
            ),
            line_of(raw.text, r"^\s*key\s*="),
        )
    includes = _str_list(raw, profile, "include")
    raw_age = profile.get("own_consent_age")
    if raw_age is not None and (
        not isinstance(raw_age, int) or isinstance(raw_age, bool) or not 0 <= raw_age <= 18
    ):
        _fail(
            raw,
            msg(
                "[profile] own_consent_age muss eine ganze Zahl von 0 bis 18 sein",
                "[profile] own_consent_age must be a whole number from 0 to 18",
            ),
            line_of(raw.text, r"^\s*own_consent_age\s*="),
        )
    excludes = set(_str_list(raw, profile, "exclude"))

    return profile, includes, raw_age, excludes


def _own_sections(raw: DataFile, sections: list[ChecklistSection]) -> None:
    """The file's [[section]] tables replace or join the included ones (in place)."""
    for entry in _table_list(raw, "section"):
        sec_key = _req_key(raw, entry, "[[section]]")
        where = f"[[section]] {sec_key}"
        _check_fields(raw, entry, _SECTION_FIELDS, where, _key_pattern(sec_key))
        section = ChecklistSection(
            key=sec_key,
            label_de=_req_str(raw, entry, "label_de", where, sec_key),
            label_en=_opt_str(raw, entry, "label_en", where, _key_pattern(sec_key)) or "",
        )
        existing = [i for i, s in enumerate(sections) if s.key == sec_key]
        if existing:
            sections[existing[0]] = section
        else:
            _insert_after(
                sections,
                section,
                _opt_str(raw, entry, "after", where, _key_pattern(sec_key)),
                raw,
                sec_key,
            )


def _own_items(raw: DataFile, items: list[ChecklistItem], section_keys: set[str]) -> None:
    """The file's [[item]] tables replace or join the included ones (in place; a new item
    goes to the end of its section unless ``after`` says otherwise)."""
    own_keys: set[str] = set()
    for entry in _table_list(raw, "item"):
        item_key = _req_key(raw, entry, "[[item]]")
        where = f"[[item]] {item_key}"
        if item_key in own_keys:
            _fail(
                raw,
                msg(f"Punkt „{item_key}“ ist doppelt", f"item '{item_key}' appears twice"),
                line_of(raw.text, _key_pattern(item_key), last=True),
            )
        own_keys.add(item_key)
        _check_fields(raw, entry, _ITEM_FIELDS, where, _key_pattern(item_key))
        item = _parse_item(raw, entry, item_key, where, section_keys)
        existing = [i for i, it in enumerate(items) if it.key == item_key]
        if existing:
            items[existing[0]] = item
        else:
            after = _opt_str(raw, entry, "after", where, _key_pattern(item_key))
            if after is None:
                # Default: at the end of its section.
                in_section = [it.key for it in items if it.section == item.section]
                after = in_section[-1] if in_section else None
            _insert_after(items, item, after, raw, item_key)


def _read(path: Path) -> DataFile:
    return read_toml(path, ChecklistError, ("Checkliste", "Checklist"))


def read_toml(
    path: Path,
    error: Callable[[str, Path | None, int | None], InputRejected],
    kind: tuple[str, str],
) -> DataFile:
    """A TOML data file (checklists, form templates) with its text for line look-ups.

    A file TikDesk cannot use raises ``error(message, path, line)``; ``kind`` names the
    file in German and English ("Checkliste"/"Checklist") at the start of the message."""
    de, en = kind
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise error(
            msg(
                f"{de} {path}, Zeile {line}: Die Datei ist nicht in UTF-8 gespeichert.",
                f"{en} {path}, line {line}: the file is not saved as UTF-8.",
            ),
            path,
            line,
        ) from exc
    except OSError as exc:
        raise error(
            msg(
                f"{de} {path} kann nicht gelesen werden: {exc.strerror or exc}",
                f"{en} {path} cannot be read: {exc.strerror or exc}",
            ),
            path,
            None,
        ) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        bad_line = int(found.group(1)) if found else None
        where = msg(f", Zeile {bad_line}", f", line {bad_line}") if bad_line else ""
        raise error(
            msg(
                f"{de} {path}{where}: kein gültiges TOML ({exc}).",
                f"{en} {path}{where}: not valid TOML ({exc}).",
            ),
            path,
            bad_line,
        ) from exc
    return DataFile(path, text, data)


def _fail(raw: DataFile, what: str, line: int | None) -> NoReturn:
    where = msg(f", Zeile {line}", f", line {line}") if line else ""
    raise ChecklistError(
        msg(f"Checkliste {raw.path}{where}: {what}.", f"Checklist {raw.path}{where}: {what}."),
        raw.path,
        line,
    )


def line_of(text: str, pattern: str, *, last: bool = False) -> int | None:
    """1-based line of the first (or last) line matching ``pattern``."""
    found = None
    for number, line in enumerate(text.splitlines(), start=1):
        if re.search(pattern, line):
            if not last:
                return number
            found = number
    return found


def _key_pattern(key: str) -> str:
    return rf"^\s*key\s*=\s*[\"']{re.escape(key)}[\"']"


def _field_line(raw: DataFile, anchor: str, field_name: str) -> int | None:
    """Line of ``field_name = …`` in the table whose ``key`` line matches ``anchor``."""
    start = line_of(raw.text, anchor)
    lines = raw.text.splitlines()
    if start is None:
        return None
    begin = start - 1
    while begin > 0 and not lines[begin].lstrip().startswith("["):
        begin -= 1
    for number in range(begin, len(lines)):
        if number > begin and lines[number].lstrip().startswith("["):
            break
        if re.match(rf"^\s*{re.escape(field_name)}\s*=", lines[number]):
            return number + 1
    return start


def _table_list(raw: DataFile, name: str) -> list[dict[str, Any]]:
    value = raw.data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        _fail(
            raw,
            msg(
                f"„{name}“ muss als [[{name}]] geschrieben werden",
                f"'{name}' must be written as [[{name}]]",
            ),
            line_of(raw.text, rf"^\s*\[?\s*{name}\b"),
        )
    return list(value)


def _check_fields(
    raw: DataFile, entry: dict[str, Any], allowed: set[str], where: str, anchor: str
) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        known = ", ".join(sorted(allowed))
        _fail(
            raw,
            msg(
                f"{where}: unbekanntes Feld „{unknown[0]}“ (erlaubt: {known})",
                f"{where}: unknown field '{unknown[0]}' (allowed: {known})",
            ),
            _field_line(raw, anchor, unknown[0]),
        )


def _req_key(raw: DataFile, entry: dict[str, Any], where: str) -> str:
    key = entry.get("key")
    if not isinstance(key, str) or not _KEY_RE.match(key):
        shown = "" if key is None else f" „{key}“"
        _fail(
            raw,
            msg(
                f"{where}: „key“ fehlt oder ist ungültig{shown} (erlaubt: a–z, 0–9, . _ -)",
                f"{where}: 'key' missing or invalid{shown} (allowed: a–z, 0–9, . _ -)",
            ),
            line_of(raw.text, rf"^\s*key\s*=\s*[\"']?{re.escape(str(key))}")
            if key is not None
            else None,
        )
    return str(key)


def _req_str(raw: DataFile, entry: dict[str, Any], name: str, where: str, key: str) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        _fail(
            raw,
            msg(
                f"{where}: Feld „{name}“ fehlt oder ist leer",
                f"{where}: field '{name}' is missing or empty",
            ),
            _field_line(raw, _key_pattern(key), name),
        )
    return str(value).strip()


def _opt_str(
    raw: DataFile, entry: dict[str, Any], name: str, where: str, anchor: str | None = None
) -> str | None:
    value = entry.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        line = (
            _field_line(raw, anchor, name)
            if anchor
            else line_of(raw.text, rf"^\s*{re.escape(name)}\s*=")
        )
        _fail(
            raw,
            msg(
                f"{where}: Feld „{name}“ muss Text in Anführungszeichen sein",
                f"{where}: field '{name}' must be quoted text",
            ),
            line,
        )
    return str(value).strip()


def _str_list(raw: DataFile, entry: dict[str, Any], name: str) -> list[str]:
    value = entry.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        _fail(
            raw,
            msg(
                f'[profile]: „{name}“ muss eine Liste von Texten sein, z. B. ["general"]',
                f"[profile]: '{name}' must be a list of strings, e.g. [\"general\"]",
            ),
            line_of(raw.text, rf"^\s*{name}\s*="),
        )
    return [str(v) for v in value]


def _parse_item(
    raw: DataFile, entry: dict[str, Any], key: str, where: str, section_keys: set[str]
) -> ChecklistItem:
    anchor = _key_pattern(key)
    section = _req_str(raw, entry, "section", where, key)
    if section not in section_keys:
        _fail(
            raw,
            msg(
                f"{where}: Abschnitt „{section}“ ist nicht definiert "
                f"(vorhanden: {', '.join(sorted(section_keys))})",
                f"{where}: section '{section}' is not defined "
                f"(defined: {', '.join(sorted(section_keys))})",
            ),
            _field_line(raw, anchor, "section"),
        )
    gate_text = _req_str(raw, entry, "gate", where, key).lower()
    try:
        gate = Gate(gate_text)
    except ValueError:
        _fail(
            raw,
            msg(
                f"{where}: unbekanntes gate „{gate_text}“ (erlaubt: block, warn, account)",
                f"{where}: unknown gate '{gate_text}' (allowed: block, warn, account)",
            ),
            _field_line(raw, anchor, "gate"),
        )
    derived = _opt_str(raw, entry, "derived", where, anchor)
    if derived is not None and derived not in DERIVED_RULES:
        _fail(
            raw,
            msg(
                f"{where}: unbekannte Regel derived = „{derived}“ "
                f"(erlaubt: {', '.join(DERIVED_RULES)})",
                f"{where}: unknown rule derived = '{derived}' "
                f"(allowed: {', '.join(DERIVED_RULES)})",
            ),
            _field_line(raw, anchor, "derived"),
        )
    condition = _opt_str(raw, entry, "applies_when", where, anchor)
    if condition is not None and condition not in CONDITIONS:
        _fail(
            raw,
            msg(
                f"{where}: unbekannte Bedingung applies_when = „{condition}“ "
                f"(erlaubt: {', '.join(CONDITIONS)})",
                f"{where}: unknown condition applies_when = '{condition}' "
                f"(allowed: {', '.join(CONDITIONS)})",
            ),
            _field_line(raw, anchor, "applies_when"),
        )
    if derived and gate is not Gate.BLOCK:
        # A derived consent item decides whether people may be shown at all: as a WARN item
        # it could be waved through, which the law (and the gate's promise) does not allow.
        _fail(
            raw,
            msg(
                f"{where}: berechnete Punkte (derived) müssen gate = „block“ haben",
                f"{where}: derived items must have gate = 'block'",
            ),
            _field_line(raw, anchor, "gate"),
        )
    return ChecklistItem(
        key=key,
        section=section,
        label_de=_req_str(raw, entry, "label_de", where, key),
        label_en=_opt_str(raw, entry, "label_en", where, anchor) or "",
        gate=gate,
        help_de=_opt_str(raw, entry, "help_de", where, anchor) or "",
        help_en=_opt_str(raw, entry, "help_en", where, anchor) or "",
        basis=_opt_str(raw, entry, "basis", where, anchor) or "",
        basis_en=_opt_str(raw, entry, "basis_en", where, anchor) or "",
        derived=derived,
        applies_when=condition,
    )


def _insert_after(seq: list[Any], new: Any, after: str | None, raw: DataFile, key: str) -> None:
    if after is None:
        seq.append(new)
        return
    keys = [x.key for x in seq]
    if after not in keys:
        _fail(
            raw,
            msg(
                f"„{key}“: after = „{after}“ gibt es nicht",
                f"'{key}': after = '{after}' does not exist",
            ),
            _field_line(raw, _key_pattern(key), "after"),
        )
    seq.insert(keys.index(after) + 1, new)


def items_by_section(
    definition: ChecklistDefinition, items: Iterable[ChecklistItem]
) -> list[tuple[ChecklistSection, list[ChecklistItem]]]:
    """Group ``items`` under their sections, in the definition's order."""
    wanted = list(items)
    groups: list[tuple[ChecklistSection, list[ChecklistItem]]] = []
    for section in definition.sections:
        members = [i for i in wanted if i.section == section.key]
        if members:
            groups.append((section, members))
    return groups
