"""Spreadsheet files: tables → an .xlsx workbook or a folder of CSV files, and back.

The workbook has one sheet per table, a bold and frozen header row, real dates and
column widths fitted to their content (openpyxl, imported only here and only when a
workbook is written or read). The CSV files are made for a French Excel: UTF-8 with a
byte order mark, ``;`` between fields, a decimal comma, dates ``AAAA-MM-JJ``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from convention_cli.errors import UsageError, os_error_label
from convention_cli.formats.tables import DATE_COLUMNS, SheetTable, cell_text

MAX_WIDTH = 60
CSV_DELIMITER = ";"


def _column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def workbook_bytes(tables: list[SheetTable]) -> bytes:
    """The tables as one .xlsx workbook (openpyxl's streaming writer: linear in rows)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for table in tables:
        sheet = workbook.create_sheet(table.name)
        sheet.freeze_panes = "A2"
        widths = [len(c) for c in table.columns]
        for row in table.rows:
            for i, value in enumerate(row):
                size = 10 if isinstance(value, date) else len(cell_text(value))
                widths[i] = max(widths[i], size)
        for i, width in enumerate(widths):
            sheet.column_dimensions[_column_letter(i)].width = min(width + 2, MAX_WIDTH)
        header = []
        for name in table.columns:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in table.rows:
            cells: list[Any] = []
            for value in row:
                if isinstance(value, date):
                    cell = WriteOnlyCell(sheet, value=datetime.combine(value, time()))
                    cell.number_format = "yyyy-mm-dd"
                    cells.append(cell)
                else:
                    cells.append(value)
            sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_cell(value: Any) -> str:
    if isinstance(value, float):
        return cell_text(value).replace(".", ",")
    return cell_text(value)


def csv_files(tables: list[SheetTable]) -> dict[str, bytes]:
    """``<table>.csv`` → its bytes, for a French Excel (BOM, ``;``, decimal comma)."""
    files = {}
    for table in tables:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([csv_cell(v) for v in row])
        files[f"{table.name}.csv"] = ("\ufeff" + out.getvalue()).encode("utf-8")
    return files


# --- reading back --------------------------------------------------------------------------


@dataclass
class SheetRow:
    """One data row: its number in the sheet (the header is row 1) and its cells."""

    number: int
    values: dict[str, Any]


@dataclass
class Sheet:
    name: str
    columns: list[str]
    rows: list[SheetRow] = field(default_factory=list)
    source: str = ""
    """``registre.xlsx`` or ``journal.csv``: how locations name the file."""
    xlsx: bool = True

    def location(self, row: int, column: str | None = None) -> str:
        """``registre.xlsx:journal!C7`` or ``journal.csv:7:3`` (column 0 when unknown)."""
        index = self.columns.index(column) if column in self.columns else -1
        if self.xlsx:
            cell = f"{_column_letter(index)}{row}" if index >= 0 else f"{row}"
            return f"{self.source}:{self.name}!{cell}"
        return f"{self.source}:{row}:{index + 1 if index >= 0 else 0}"


def _clean(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def read_workbook(path: Path) -> dict[str, Sheet]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise UsageError(f"{path} : lecture impossible ({os_error_label(exc)})") from None
    except Exception:  # openpyxl raises many kinds (in English) for a damaged file
        raise UsageError(f"{path} : ce fichier n'est pas un classeur xlsx lisible") from None
    sheets: dict[str, Sheet] = {}
    try:
        for worksheet in workbook.worksheets:
            rows = worksheet.iter_rows(values_only=True)
            header = next(rows, None)
            if header is None:
                continue
            columns = [str(c).strip() if c is not None else "" for c in header]
            sheet = Sheet(worksheet.title, columns, source=path.name, xlsx=True)
            for number, row in enumerate(rows, start=2):
                values = {c: _clean(v) for c, v in zip(columns, row, strict=False) if c}
                if any(v is not None for v in values.values()):
                    sheet.rows.append(SheetRow(number, values))
            sheets[sheet.name] = sheet
    finally:
        workbook.close()
    return sheets


def _parse_csv_value(column: str, text: str) -> Any:
    text = text.strip()
    if not text:
        return None
    if column in DATE_COLUMNS:
        return text  # parsed (and located) by the importer
    return text


def read_csv_folder(folder: Path) -> dict[str, Sheet]:
    sheets: dict[str, Sheet] = {}
    for path in sorted(folder.glob("*.csv")):
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"{path} illisible (UTF-8 attendu) : {exc}") from None
        first = text.split("\n", 1)[0]
        delimiter = CSV_DELIMITER if CSV_DELIMITER in first or "," not in first else ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = next(reader, None)
        if header is None:
            continue
        columns = [c.strip() for c in header]
        sheet = Sheet(path.stem, columns, source=path.name, xlsx=False)
        for number, row in enumerate(reader, start=2):
            values = {c: _parse_csv_value(c, v) for c, v in zip(columns, row, strict=False)
                      if c}
            if any(v is not None for v in values.values()):
                sheet.rows.append(SheetRow(number, values))
        sheets[sheet.name] = sheet
    return sheets


def read_spreadsheet(path: Path) -> dict[str, Sheet]:
    """A workbook (.xlsx) or a folder of CSV files, as sheets."""
    if path.is_dir():
        return read_csv_folder(path)
    if path.suffix.lower() == ".xlsx" and path.is_file():
        return read_workbook(path)
    if not path.exists():
        raise UsageError(f"{path} introuvable")
    raise UsageError(f"{path} : classeur .xlsx ou dossier de fichiers CSV attendu")
