"""Files the user gives us: type by content, safety before parsing, sheets, headers, CSV.

Every data-safety case is generated here (besides the shared samples) so each check has a
file that exercises it.
"""

from __future__ import annotations

import datetime as dt
import struct
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tikdesk.domain.errors import InputRejected
from tikdesk.excel import sniff as sniffing
from tikdesk.excel.ideas_io import IDEA_SCHEMA
from tikdesk.excel.reading import (
    FORMULA_WITHOUT_VALUE,
    csv_rows,
    detect_delimiter,
    map_columns,
    normalise_header,
    read_table,
)
from tikdesk.excel.sniff import sniff


# ----------------------------------------------------------------------------- generators
def make_cfb(path: Path, streams: list[str]) -> Path:
    """A minimal OLE2 compound file (512-byte sectors: FAT, one directory sector) whose
    directory names ``streams`` — enough to look like a password-protected workbook."""
    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIII", header, 0x2C, 1, 1, 0, 4096)  # 1 FAT sector, dir at sector 1
    struct.pack_into("<IIII", header, 0x3C, end, 0, end, 0)
    difat = [0] + [free] * 108
    struct.pack_into("<109I", header, 0x4C, *difat)
    fat = [fat_sect, end] + [free] * 126
    directory = bytearray()
    for index, name in enumerate(["Root Entry", *streams][:4]):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry[0 : len(encoded)] = encoded
        struct.pack_into("<HBB", entry, 64, len(encoded), 5 if index == 0 else 2, 1)
        struct.pack_into("<III", entry, 68, free, free, 1 if index == 0 else free)
        struct.pack_into("<II", entry, 116, end, 0)
        directory += entry
    directory = directory.ljust(512, b"\x00")
    path.write_bytes(bytes(header) + struct.pack("<128I", *fat) + bytes(directory))
    return path


def make_zip_bomb(path: Path, megabytes: int = 300) -> Path:
    zero = bytes(1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(zero)
    return path


def workbook(path: Path, sheets: dict[str, list[list[object]]], **options: object) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    if options.get("hidden"):
        wb[str(options["hidden"])].sheet_state = "hidden"
    if options.get("epoch1904"):
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    wb.save(path)
    return path


IDEAS = [["Titel", "Status", "Zieltermin"], ["Dreh im Bauhof", "Idee", "24.11.2026"]]


# ----------------------------------------------------------------------------- sniffing
def test_samples_bad_files_are_refused_with_their_name(samples: Path) -> None:
    with pytest.raises(InputRejected, match=r"empty.xlsx.*leer"):
        sniff(samples / "bad" / "empty.xlsx")
    with pytest.raises(InputRejected, match=r"random_bytes.xlsx.*weder eine Tabelle noch Text"):
        sniff(samples / "bad" / "random_bytes.xlsx")
    with pytest.raises(InputRejected, match=r"not_a_table.csv.*keine Tabelle"):
        read_table(samples / "bad" / "not_a_table.csv", IDEA_SCHEMA)


def test_csv_renamed_xlsx_is_read_as_csv_with_a_notice(samples: Path) -> None:
    info = sniff(samples / "bad" / "csv_renamed.xlsx")
    assert info.kind == sniffing.KIND_TEXT
    assert any("CSV" in n for n in info.notices)
    table = read_table(samples / "bad" / "csv_renamed.xlsx", IDEA_SCHEMA)
    assert table.headers == ["Titel", "Status"]
    assert table.rows == [["Test", "Idee"]]


def test_real_types_by_content(tmp_path: Path, samples: Path) -> None:
    assert sniff(samples / "ideas" / "ideen_brainstorming.xlsx").kind == sniffing.KIND_XLSX
    assert sniff(samples / "ideas" / "ideen_planner_export.csv").kind == sniffing.KIND_TEXT
    disguised = tmp_path / "liste.csv"
    disguised.write_bytes((samples / "ideas" / "ideen_brainstorming.xlsx").read_bytes())
    assert sniff(disguised).kind == sniffing.KIND_XLSX
    other = tmp_path / "archive.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("Overview.csv", "Date,Views\n")
    assert sniff(other).kind == sniffing.KIND_ZIP


@pytest.mark.parametrize(
    ("content", "word"),
    [
        (b"<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table>", "HTML"),
        (b"<html><head><meta charset='utf-8'></head><table></table></html>", "HTML"),
        (
            b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:'
            b'spreadsheet"/>',
            "XML",
        ),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"   \r\n\t  ", "leer"),
    ],
)
def test_wrong_types_renamed_xlsx(tmp_path: Path, content: bytes, word: str) -> None:
    path = tmp_path / "Export.xlsx"
    path.write_bytes(content)
    with pytest.raises(InputRejected, match=word) as info:
        sniff(path)
    assert "Export.xlsx" in str(info.value)


def test_password_protected_workbook(tmp_path: Path) -> None:
    path = make_cfb(tmp_path / "geheim.xlsx", ["EncryptionInfo", "EncryptedPackage"])
    assert {"EncryptionInfo", "EncryptedPackage"} <= sniffing.cfb_stream_names(path)
    with pytest.raises(InputRejected, match=r"geheim.xlsx.*Kennwort"):
        read_table(path, IDEA_SCHEMA)


def test_old_xls_container_and_word_file(tmp_path: Path) -> None:
    assert sniff(make_cfb(tmp_path / "alt.xls", ["Workbook"])).kind == sniffing.KIND_XLS
    with pytest.raises(InputRejected, match="Word"):
        sniff(make_cfb(tmp_path / "brief.xlsx", ["WordDocument"]))


@pytest.mark.slow
def test_zip_bomb_refused_before_parsing_with_bounded_memory(tmp_path: Path) -> None:
    bomb = make_zip_bomb(tmp_path / "bomb.xlsx", megabytes=300)
    assert bomb.stat().st_size < 2_000_000
    tracemalloc.start()
    try:
        with pytest.raises(InputRejected, match="ZIP-Bombe"):
            read_table(bomb, IDEA_SCHEMA)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024  # never unpacked: a few KiB of headers


def test_zip_whose_sizes_lie_is_caught_while_streaming(tmp_path: Path) -> None:
    path = tmp_path / "liar.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", bytes(20 << 20))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    struct.pack_into("<I", data, info.header_offset + 22, 1000)  # local header: "1000 bytes"
    central = data.find(b"PK\x01\x02" + data[info.header_offset + 4 : info.header_offset + 6])
    while central >= 0:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_len] == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", data, central + 24, 1000)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    with pytest.raises(InputRejected):
        sniff(path)


def test_too_many_zip_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniffing, "MAX_ZIP_ENTRIES", 5)
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(10):
            zf.writestr(f"f{i}.csv", "a;b\n")
    with pytest.raises(InputRejected, match="ZIP-Bombe"):
        sniff(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputRejected, match="gibt es nicht"):
        read_table(tmp_path / "weg.xlsx", IDEA_SCHEMA)
    with pytest.raises(InputRejected, match="Ordner"):
        read_table(tmp_path, IDEA_SCHEMA)


def test_file_locked_by_excel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = workbook(tmp_path / "offen.xlsx", {"Ideen": IDEAS})
    real_open = open

    def fake_open(file: object, *args: object, **kwargs: object) -> object:
        if Path(str(file)) == locked:
            exc = PermissionError(13, "The process cannot access the file")
            exc.winerror = 32  # type: ignore[attr-defined]  # Windows sharing violation
            raise exc
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(sniffing, "open", fake_open, raising=False)
    with pytest.raises(InputRejected, match=r"offen.xlsx.*in Excel geöffnet.*schließen"):
        sniff(locked)


def test_owner_file_beside_workbook_gives_a_notice(tmp_path: Path) -> None:
    path = workbook(tmp_path / "ideen.xlsx", {"Ideen": IDEAS})
    (tmp_path / "~$ideen.xlsx").write_bytes(b"anna")
    info = sniff(path)
    assert any("in Excel geöffnet" in n and "ungespeicherte" in n for n in info.notices)


# ----------------------------------------------------------------------------- sheets, headers
def test_hidden_sheet_and_cover_sheet_are_skipped(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "mappe.xlsx",
        {
            "Deckblatt": [["Ideenliste 2026"], ["Stand: November"], ["Bitte nicht ändern"]],
            "Alt": [["Titel", "Status", "Priorität", "Zieltermin"], ["alt", "Idee", "hoch", ""]],
            "Ideen": IDEAS,
        },
        hidden="Alt",
    )
    table = read_table(path, IDEA_SCHEMA)
    assert table.sheet == "Ideen"
    assert table.sheets == ["Deckblatt", "Ideen"]
    assert table.rows == [["Dreh im Bauhof", "Idee", "24.11.2026"]]
    explicit = read_table(path, IDEA_SCHEMA, sheet="alt")  # case-insensitive, even hidden
    assert explicit.sheet == "Alt"
    with pytest.raises(InputRejected, match=r"kein Blatt „Gibtsnicht“.*Deckblatt"):
        read_table(path, IDEA_SCHEMA, sheet="Gibtsnicht")


def test_workbook_without_any_table(tmp_path: Path) -> None:
    path = workbook(tmp_path / "brief.xlsx", {"Tabelle1": [["Hallo"], ["Gruß"]]})
    with pytest.raises(InputRejected, match=r"brief.xlsx.*keine Tabelle.*Tabelle1"):
        read_table(path, IDEA_SCHEMA)


def test_title_rows_merged_title_and_empty_rows_above_header(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Liste"
    ws["A1"] = "Ideen der Pressestelle"
    ws.merge_cells("A1:D1")
    ws["A2"] = "Stand 24.11.2026"
    ws.append([])
    ws.append([])
    ws.append(["Titel", "Format", "Status", "Notizen"])
    ws.append(["Ein Tag im Amt", "Erklärvideo", "Idee", "x"])
    ws.append([])
    ws.append(["Zweite", "Tanz", "Geplant", ""])
    wb.save(tmp_path / "titel.xlsx")
    table = read_table(tmp_path / "titel.xlsx", IDEA_SCHEMA)
    assert table.header_row == 5
    assert table.headers == ["Titel", "Format", "Status", "Notizen"]
    assert table.row_numbers == [6, 8]  # the empty row 7 is skipped, numbers stay Excel's


def test_headers_with_nbsp_line_breaks_case_and_notes() -> None:
    headers = [
        "ZIEL\nTERMIN",
        "Titel\u00a0",
        "  prio ",
        "Zuständig:",
        "Hook\n(erste 3 Sek.)",
        "Kosten",
        "Titel",
        "Due date",
    ]
    columns = map_columns(headers, IDEA_SCHEMA)
    assert columns.mapping[0] == "target_date"  # a line break inside the word
    assert columns.mapping[1] == "title"
    assert columns.mapping[2] == "priority"
    assert columns.mapping[3] == "owner"
    assert columns.mapping[4] == "hook"  # a trailing note in brackets is ignored
    assert columns.unknown == ["Kosten"]
    assert columns.duplicates == ["Titel", "Due date"]  # ignored, never mixed in
    assert normalise_header("Zieltermin\u00a0") == normalise_header("zieltermin")
    assert normalise_header("Priorität") == normalise_header("Prioritaet")
    fixed = map_columns(headers, IDEA_SCHEMA, override={5: "description", 0: None})
    assert fixed.mapping[5] == "description"
    assert fixed.mapping[0] is None
    assert fixed.mapping[7] == "target_date"  # free again once column 0 is unmapped


def test_line_break_inside_a_known_header(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "umbruch.xlsx",
        {"A": [["Titel", "Due\ndate", "Verant-\nwortlich"], ["X", "01.02.2026", "A"]]},
    )
    table = read_table(path, IDEA_SCHEMA)
    columns = map_columns(table.headers, IDEA_SCHEMA)
    assert columns.mapping[1] == "target_date"


def test_two_row_header_is_combined(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "zweizeilig.xlsx",
        {
            "Plan": [
                ["Titel", "Ziel", "Planung", ""],
                ["", "gruppe", "Status", "Termin"],
                ["Idee A", "Bürger:innen", "Neu", "01.02.2026"],
            ]
        },
    )
    table = read_table(path, IDEA_SCHEMA)
    assert table.headers == ["Titel", "Ziel gruppe", "Status", "Termin"]
    mapping = map_columns(table.headers, IDEA_SCHEMA).mapping
    assert list(mapping.values()) == ["title", "audience", "status", "target_date"]
    assert table.rows == [["Idee A", "Bürger:innen", "Neu", "01.02.2026"]]


def test_1904_workbook_and_error_cells(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["Titel", "Zieltermin", "Notizen"])
    ws.append(["A", dt.date(2026, 5, 1), "ok"])
    ws.append(["B", 46388 - 1462, "serial"])
    ws["C4"] = "#N/A"
    ws["C4"].data_type = "e"
    ws["A4"] = "C"
    ws["B4"] = "=1/0"
    wb.save(tmp_path / "mac.xlsx")
    table = read_table(tmp_path / "mac.xlsx", IDEA_SCHEMA)
    assert table.date1904
    assert table.rows[0][1] == dt.date(2026, 5, 1)  # real date cells are converted right
    assert table.cell_errors[(4, 2)] == "#N/A"
    assert table.cell_errors[(4, 1)] == FORMULA_WITHOUT_VALUE


# ----------------------------------------------------------------------------- CSV
def test_csv_variants(tmp_path: Path) -> None:
    text = 'Titel;Status;Notizen\r\nÄrger im Büro;Idee;"zwei\r\nZeilen"\r\n;;\r\nB;Neu\r\n'
    cases = {
        "utf8bom.csv": text.encode("utf-8-sig"),
        "utf8.csv": text.encode("utf-8"),
        "cp1252.csv": text.encode("cp1252"),
        "utf16.csv": text.encode("utf-16"),
        "utf16le.txt": text.encode("utf-16-le"),
        "tab.txt": text.replace(";", "\t").encode("utf-8"),
        "comma.csv": text.replace(";", ",").encode("cp1252"),
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        table = read_table(path, IDEA_SCHEMA)
        assert table.headers == ["Titel", "Status", "Notizen"], name
        assert table.rows[0] == ["Ärger im Büro", "Idee", "zwei\r\nZeilen"], name
        assert table.rows[1] == ["B", "Neu", ""], name  # ragged row padded
        assert table.row_numbers == [2, 5], name  # the quoted line break counts as a line


def test_ragged_csv_with_extra_cells_gives_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("Titel;Status\nA;Neu;übrig;mehr\nB\n", encoding="utf-8")
    table = read_table(path, IDEA_SCHEMA)
    assert table.rows == [["A", "Neu"], ["B", ""]]
    assert any("rechts neben" in n for n in table.notices)


def test_delimiter_detection_and_sep_line() -> None:
    assert detect_delimiter("a;b;c\n1;2,5;3\n") == ";"
    assert detect_delimiter("a,b,c\n1,2,3\n") == ","
    assert detect_delimiter('a\tb\n"x;y"\t2\n') == "\t"
    rows, numbers, sep = csv_rows(b"sep=,\r\nTitel,Status\r\nA,Neu\r\n")
    assert sep == ","
    assert rows == [["Titel", "Status"], ["A", "Neu"]]
    assert numbers == [2, 3]
