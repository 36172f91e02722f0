#!/usr/bin/python3
"""Writes the damaged workbooks of tests/data/hostile/ from tests/data/sheets/two_sheets.{xlsx,ods}.

Each is what a coordinator can really hand maillage: a download cut short, a sheet a tool wrote
badly, a stray cell far to the right. Run from the repository root; the files are committed.
"""
import io
import zipfile

HERE = "tests/data/hostile/"
SHEETS = "tests/data/sheets/"


def rewrite(source, target, change):
    """Copies the zip `source` to `target`, passing each member through change(name, bytes)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info, data)


def column_letters(n):
    letters = ""
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def cut_sheet(name, data):
    # The first sheet's XML cut in the middle of its third row (a download that stopped).
    if name == "xl/worksheets/sheet1.xml":
        return data[: data.index(b'<row r="3">') + 40]
    return data


def garbage_row(name, data):
    if name == "xl/worksheets/sheet1.xml":
        start = data.index(b'<row r="3">')
        end = data.index(b"</row>", start) + len(b"</row>")
        return data[:start] + b'<row r="3"><c r="A3" t="s"><v>8</v></c>\x01\x02 <<< pas du XML >>></row>' + data[end:]
    return data


def far_cell(name, data):
    # A value typed in column 2001 of row 2, far beyond the last header.
    if name == "xl/worksheets/sheet1.xml":
        cell = '<c r="%s2" t="inlineStr"><is><t>oublié là</t></is></c>' % column_letters(2001)
        start = data.index(b'<row r="2">')
        end = data.index(b"</row>", start)
        return data[:end] + cell.encode() + data[end:]
    return data


def last_column_header(name, data):
    # A header typed in the very last column of the sheet (XFD1): 16,384 columns.
    if name == "xl/worksheets/sheet1.xml":
        cell = '<c r="XFD1" t="inlineStr"><is><t>Remarque</t></is></c>'
        end = data.index(b"</row>")
        return data[:end] + cell.encode() + data[end:]
    return data


def no_sheet(name, data):
    # Every sheet's XML missing: the workbook names sheets it does not hold.
    if name.startswith("xl/worksheets/"):
        return None
    return data


def cut_content(name, data):
    if name == "content.xml":
        return data[: len(data) * 2 // 3]
    return data


rewrite(SHEETS + "two_sheets.xlsx", HERE + "cut_sheet.xlsx", cut_sheet)
rewrite(SHEETS + "two_sheets.xlsx", HERE + "garbage_row.xlsx", garbage_row)
rewrite(SHEETS + "two_sheets.xlsx", HERE + "far_cell.xlsx", far_cell)
rewrite(SHEETS + "two_sheets.xlsx", HERE + "last_column_header.xlsx", last_column_header)
rewrite(SHEETS + "two_sheets.xlsx", HERE + "no_sheet.xlsx", no_sheet)
rewrite(SHEETS + "two_sheets.ods", HERE + "cut_content.ods", cut_content)
# A zip file cut short (a download that stopped before the end).
with open(SHEETS + "two_sheets.xlsx", "rb") as f:
    whole = f.read()
with open(HERE + "cut_download.xlsx", "wb") as f:
    f.write(whole[: len(whole) // 2])
