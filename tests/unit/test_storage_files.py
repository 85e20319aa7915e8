"""storage.files.replace_file: the evidence store and the erasure register write through it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tikdesk.storage.files import replace_file


def test_text_is_utf8_and_bytes_are_kept(tmp_path: Path) -> None:
    replace_file(tmp_path / "a.json", '{"über": 1}', ".~t-")
    replace_file(tmp_path / "b.bin", b"\x00\xff", ".~t-")
    assert (tmp_path / "a.json").read_bytes() == '{"über": 1}'.encode()
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.bin"]


def test_a_failed_rename_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "register.json"
    target.write_text("old", encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "locked", dst)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        replace_file(target, "new", ".~tikdesk-register-", ".json")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["register.json"]
