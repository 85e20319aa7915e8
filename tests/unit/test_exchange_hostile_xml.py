"""XML entity expansion ("billion laughs") in a workbook is refused, cheaply, and openpyxl
only ever parses with defusedxml (data-safety.md, hostile files)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import openpyxl.xml
import pytest
from sqlalchemy import func, select

from tikdesk.domain.errors import InputRejected
from tikdesk.services import exchange
from tikdesk.services.context import AppContext
from tikdesk.storage.models import Idea

LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)


def _billion_laughs_workbook(tmp_path: Path) -> Path:
    base = tmp_path / "base.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Titel", "Status"])
    wb.active.append(["PLACEHOLDER", "Idee"])
    wb.save(base)
    bomb = tmp_path / "lachen.xlsx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename in ("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"):
                text = data.decode("utf-8").replace("?>", "?>" + LAUGHS, 1)
                data = text.replace("PLACEHOLDER", "&lol9;").encode("utf-8")
            dst.writestr(item, data)
    return bomb


def test_openpyxl_parses_with_defusedxml() -> None:
    assert openpyxl.xml.DEFUSEDXML is True


def test_entity_expansion_is_refused_and_writes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    bomb = _billion_laughs_workbook(tmp_path)
    with pytest.raises(InputRejected) as info:
        exchange.preview_idea_import(ctx, bomb)
    assert "lachen.xlsx" in str(info.value)
    assert "lol" * 1000 not in str(info.value)  # nothing was expanded into the message
    with ctx.db.reader() as session:
        assert session.scalar(select(func.count()).select_from(Idea)) == 0
