"""Build malformed and hostile input workbooks and check that econ answers each with one line.

The files are made from a bundled workbook by raw edits of its zip archive and
XML (not only of cell values): malformed XML, a NaN number, an XML entity bomb
("billion laughs"), an external entity (XXE), a zip bomb, a zip member that lies
about its size, encrypted and old .xls files (OLE2), truncated, renamed and empty
files, a formula nested 1,000 brackets deep, a 10,000-cell running total, a range
over a whole sheet, a hostile sheet dimension and a unit with a huge exponent.

Each is checked with ``econ check`` run as a subprocess under a timeout: a file
econ must refuse gives exit status 2 and exactly one line ``Error: ...`` (the
expected message), a file econ must read gives status 0 or 1 (the check's
verdict); never a traceback or a hang. tests/test_hostile_files.py reads the same
files in-process.

    python scripts/hostile_workbooks.py [--source inputs/cr_scheme.xlsx] [--timeout 30] [--bomb-bytes N]
"""

from __future__ import annotations

import argparse
import datetime
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from defusedxml import ElementTree

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "inputs" / "cr_scheme.xlsx"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ELECTRICITY_PRICE = 13.086  # cr_scheme.xlsx Tariffs!C2, RUB/kWh


@dataclass(frozen=True)
class Case:
    """A hostile file: how to build it from the source workbook, and what econ must answer.

    ``message`` is the exact one-line error (without ``Error: ``); ``fragment`` a part of it
    where the rest is worded by the reader of fields or depends on zlib; both None for a file
    econ must read, whose Tariffs electricity_price must then be ``ELECTRICITY_PRICE``.
    """

    name: str
    build: Callable[[Path, Path], None]
    message: str | None = None
    fragment: str | None = None


# -- zip and XML edits ---------------------------------------------------------------------


def sheet_member(workbook: Path, title: str) -> str:
    """The zip member that holds the sheet named ``title`` (xl/worksheets/sheetN.xml)."""
    with zipfile.ZipFile(workbook) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    ids = {sheet.get("name"): sheet.get(f"{{{DOC_RELS_NS}}}id") for sheet in book.iter(f"{{{MAIN_NS}}}sheet")}
    targets = {relation.get("Id"): relation.get("Target") for relation in relations.iter(f"{{{RELS_NS}}}Relationship")}
    target = targets[ids[title]]
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def rewrite(source: Path, target: Path, edits: dict[str, Callable[[bytes], bytes]]) -> None:
    """Copy the zip archive ``source`` to ``target`` with the named members edited."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in original.infolist():
            data = original.read(member)
            copy.writestr(member.filename, edits[member.filename](data) if member.filename in edits else data)


def edit_sheet(title: str, edit: Callable[[bytes], bytes]) -> Callable[[Path, Path], None]:
    def build(source: Path, target: Path) -> None:
        rewrite(source, target, {sheet_member(source, title): edit})
    return build


def replace_sheet(title: str, xml: str) -> Callable[[Path, Path], None]:
    return edit_sheet(title, lambda _: xml.encode())


def set_cell_xml(address: str, xml: str) -> Callable[[bytes], bytes]:
    """Replace the ``<c r="ADDRESS">`` element of a sheet's XML."""
    def edit(data: bytes) -> bytes:
        text, count = re.subn(rf'<c r="{address}"[^>]*?(?:/>|>.*?</c>)', xml, data.decode(), count=1)
        if count != 1:
            raise ValueError(f"no cell {address} in the sheet XML")
        return text.encode()
    return edit


def cells(changes: dict[str, object]) -> Callable[[Path, Path], None]:
    """Cell values changed with openpyxl: {"Tariffs!C2": value}."""
    def build(source: Path, target: Path) -> None:
        book = openpyxl.load_workbook(source)
        for address, value in changes.items():
            sheet, cell = address.split("!")
            book[sheet][cell].value = value
        book.save(target)
    return build


ROW_1 = '<row r="1"><c r="A1" t="inlineStr"><is><t>field</t></is></c></row>'
# the <dimension> comes first, as in every real sheet: openpyxl's opening reads no further, the cells fail
MALFORMED = (f'<?xml version="1.0"?>\n<worksheet xmlns="{MAIN_NS}"><dimension ref="A1:A1"/><sheetData>{ROW_1}'
             "</sheetDat></worksheet>")
LAUGHS = "".join(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10))
BILLION_LAUGHS = (f'<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY lol0 "lol">{LAUGHS}]>'
                  f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t>'
                  "</is></c></row></sheetData></worksheet>")
XXE = (f'<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
       f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&secret;</t>'
       "</is></c></row></sheetData></worksheet>")


def zip_bomb(size: int) -> Callable[[Path, Path], None]:
    """The Tariffs sheet replaced by ``size`` bytes of zeros, deflated as they are written (1 GB is 1 MB)."""
    def build(source: Path, target: Path) -> None:
        member = sheet_member(source, "Tariffs")
        rewrite(source, target, {})
        with zipfile.ZipFile(target) as archive:
            kept = [(info.filename, archive.read(info)) for info in archive.infolist() if info.filename != member]
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for name, data in kept:
                archive.writestr(name, data)
            with archive.open(member, "w", force_zip64=True) as stream:
                chunk = bytes(1 << 20)
                for _ in range(size // len(chunk)):
                    stream.write(chunk)
                stream.write(bytes(size % len(chunk)))
    return build


def lying_size(source: Path, target: Path) -> None:
    """The Tariffs sheet's central-directory entry declares 100 bytes fewer than the member inflates to."""
    member = sheet_member(source, "Tariffs")
    rewrite(source, target, {})
    data = bytearray(target.read_bytes())
    with zipfile.ZipFile(target) as archive:
        info = archive.getinfo(member)
    entry = _central_entry(data, member)
    data[entry + 24:entry + 28] = (info.file_size - 100).to_bytes(4, "little")  # uncompressed size
    data[info.header_offset + 22:info.header_offset + 26] = (info.file_size - 100).to_bytes(4, "little")
    target.write_bytes(bytes(data))


def _central_entry(data: bytearray, member: str) -> int:
    name = member.encode()
    position = data.index(b"PK\x01\x02")
    while True:
        name_length = int.from_bytes(data[position + 28:position + 30], "little")
        extra = int.from_bytes(data[position + 30:position + 32], "little")
        comment = int.from_bytes(data[position + 32:position + 34], "little")
        if data[position + 46:position + 46 + name_length] == name:
            return position
        position += 46 + name_length + extra + comment


def ole2(stream_name: str) -> Callable[[Path, Path], None]:
    """A minimal OLE2 compound file whose directory holds a Root Entry and the stream ``stream_name``.

    An Excel file saved with a password is such a file with the streams EncryptionInfo and
    EncryptedPackage; an Excel 97-2003 .xls holds a stream named Workbook.
    """
    def entry(name: str, kind: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + len(encoded).to_bytes(2, "little") + bytes([kind, 1])
                + b"\xff\xff\xff\xff" * 3 + bytes(16 + 4 + 16) + b"\xfe\xff\xff\xff" + bytes(8)).ljust(128, b"\0")

    def build(source: Path, target: Path) -> None:
        header = (OLE2_MAGIC + bytes(16) + (0x3E).to_bytes(2, "little") + (3).to_bytes(2, "little")
                  + b"\xfe\xff" + (9).to_bytes(2, "little") + (6).to_bytes(2, "little") + bytes(10)
                  + (1).to_bytes(4, "little") + (1).to_bytes(4, "little") + bytes(4) + (4096).to_bytes(4, "little")
                  + b"\xfe\xff\xff\xff" + bytes(4) + b"\xfe\xff\xff\xff" + bytes(4))
        header = header + (0).to_bytes(4, "little") + b"\xff\xff\xff\xff" * 108
        fat = ((0xFFFFFFFD).to_bytes(4, "little") + (0xFFFFFFFE).to_bytes(4, "little")).ljust(512, b"\xff")
        directory = (entry("Root Entry", 5) + entry(stream_name, 2)).ljust(512, b"\0")
        target.write_bytes(header.ljust(512, b"\0") + fat + directory)
    return build


def truncated(source: Path, target: Path) -> None:
    target.write_bytes(source.read_bytes()[: source.stat().st_size // 2])


def renamed_text(source: Path, target: Path) -> None:
    target.write_text("field,value\nelectricity_price,13.086\n", encoding="utf-8")


def empty(source: Path, target: Path) -> None:
    target.write_bytes(b"")


def running_total(length: int) -> Callable[[Path, Path], None]:
    """Tariffs!G1 = 1, G2 = G1+1, ... G{length} = {length}; C2 = G{length}/{length}*13.086."""
    changes: dict[str, object] = {"Tariffs!G1": 1}
    changes.update({f"Tariffs!G{row}": f"=G{row - 1}+1" for row in range(2, length + 1)})
    changes["Tariffs!C2"] = f"=G{length}/{length}*{ELECTRICITY_PRICE}"
    return cells(changes)


def huge_dimension(data: bytes) -> bytes:
    return re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data, count=1)


def cases(bomb_bytes: int = 1_100_000_000) -> list[Case]:
    """Every hostile file, with the zip bomb's inflated size (the test suite uses a smaller one)."""
    tariffs = "cr_scheme.xlsx!Tariffs"
    return [
        Case("malformed_xml", replace_sheet("Tariffs", MALFORMED),
             f"{tariffs}: cannot read the sheet: xl/worksheets/sheet5.xml is malformed XML "
             "(mismatched tag: line 2, column 180)"),
        Case("nan_number", edit_sheet("Tariffs", set_cell_xml("C2", '<c r="C2"><v>NaN</v></c>')),
             f"{tariffs}!C2: cannot read the cell: the stored number 'NaN' is not a finite number"),
        Case("infinite_number", edit_sheet("Tariffs", set_cell_xml("C2", '<c r="C2"><v>1E999</v></c>')),
             f"{tariffs}!C2: cannot read the cell: the stored number '1E999' is not a finite number"),
        Case("shared_string_out_of_range", edit_sheet("Tariffs", set_cell_xml("C2", '<c r="C2" t="s"><v>99999</v></c>')),
             f"{tariffs}!C2: cannot read the cell: the stored cell cannot be read (IndexError: list index out of range)"),
        Case("cell_outside_the_sheet", edit_sheet("Tariffs", set_cell_xml("C2", '<c r="C2000000"><v>1</v></c>')),
             f"{tariffs}!C2000000: cannot read the cell: the cell lies outside a sheet (columns A to XFD, "
             "rows 1 to 1048576)"),
        Case("billion_laughs", replace_sheet("Tariffs", BILLION_LAUGHS),
             "cr_scheme.xlsx: cannot open as an .xlsx workbook: xl/worksheets/sheet5.xml declares an XML entity "
             "(EntitiesForbidden(name='lol0', system_id=None, public_id=None)), which econ refuses: an .xlsx part "
             "never needs one, and entity expansion and external entities are attacks"),
        Case("external_entity", replace_sheet("Tariffs", XXE),
             "cr_scheme.xlsx: cannot open as an .xlsx workbook: xl/worksheets/sheet5.xml declares an XML entity "
             "(EntitiesForbidden(name='secret', system_id='file:///etc/passwd', public_id=None)), which econ "
             "refuses: an .xlsx part never needs one, and entity expansion and external entities are attacks"),
        Case("zip_bomb", zip_bomb(bomb_bytes),
             f"cr_scheme.xlsx: zip member 'xl/worksheets/sheet5.xml' declares {bomb_bytes:,} bytes uncompressed, "
             "more than econ reads from one member (100,000,000)"),
        Case("zip_ratio_bomb", zip_bomb(20_000_000),
             fragment="zip member 'xl/worksheets/sheet5.xml' inflates "),
        Case("zip_member_lying_about_its_size", lying_size,
             "cr_scheme.xlsx: cannot open as an .xlsx workbook (BadZipFile: Bad CRC-32 for file "
             "'xl/worksheets/sheet5.xml')"),
        Case("encrypted", ole2("EncryptedPackage"),
             "cr_scheme.xlsx: is encrypted (password-protected): open it in Excel and save it without a password, "
             "as an .xlsx workbook"),
        Case("old_xls", ole2("Workbook"),
             "cr_scheme.xlsx: is an old Excel 97-2003 .xls workbook (or another OLE2 file), not an .xlsx workbook: "
             "save it as .xlsx"),
        Case("truncated", truncated,
             "cr_scheme.xlsx: cannot open as an .xlsx workbook (BadZipFile: File is not a zip file; the zip archive "
             "is damaged or truncated): save it again from Excel or LibreOffice as .xlsx"),
        Case("renamed_text_file", renamed_text,
             "cr_scheme.xlsx: cannot open as an .xlsx workbook (BadZipFile: File is not a zip file; an .xlsx "
             "workbook is a zip archive and this file is not one): save it again from Excel or LibreOffice as .xlsx"),
        Case("empty_file", empty, "cr_scheme.xlsx: is empty (0 bytes), expected an .xlsx workbook"),
        Case("date_in_a_value_cell", cells({"Tariffs!C2": datetime.datetime(2025, 7, 5)}),
             f"{tariffs}!C2 \"electricity_price\": expected a number or text, got 'a date 2025-07-05'"),
        Case("unit_with_a_huge_exponent", cells({"Tariffs!D2": "RUB/kWh*9^9^9"}),
             fragment="cannot read unit 'RUB/kWh*9^9^9' (a power of a power; write the exponent once, such as m^6)"),
        Case("deep_formula", cells({"Tariffs!C2": "=" + "(" * 1000 + str(ELECTRICITY_PRICE) + ")" * 1000})),
        Case("running_total", running_total(10_000)),
        Case("range_over_a_whole_sheet", cells({"Tariffs!C2": f"=SUM(Schedule!Z1:XFD1048576)+{ELECTRICITY_PRICE}"})),
        Case("hostile_dimension", edit_sheet("Tariffs", huge_dimension)),
    ]


def build(case: Case, folder: Path, source: Path = SOURCE) -> Path:
    """Write the case's file as ``folder/NAME/<source name>`` and return its path."""
    target = folder / case.name / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    case.build(source, target)
    return target


def check(case: Case, path: Path, timeout: float) -> str | None:
    """Run ``econ check`` on the file; None when it answers as expected, else what went wrong."""
    try:
        done = subprocess.run([sys.executable, "-m", "econ.cli", "check", str(path)], capture_output=True,
                              text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return f"no answer within {timeout:g} s"
    output = (done.stdout + done.stderr).strip()
    if "Traceback" in output:
        return f"a traceback (exit {done.returncode}): {output.splitlines()[-1]}"
    if case.message is None and case.fragment is None:
        return None if done.returncode in (0, 1) else f"exit {done.returncode}: {done.stderr.strip()[:300]}"
    lines = done.stderr.strip().splitlines()
    if done.returncode != 2 or len(lines) != 1 or not lines[0].startswith("Error: "):
        return f"exit {done.returncode}, expected 2 and one line 'Error: ...'; got {done.stderr.strip()[:300]!r}"
    if case.message is not None and lines[0] != f"Error: {case.message}":
        return f"message {lines[0]!r}, expected 'Error: {case.message}'"
    if case.fragment is not None and case.fragment not in lines[0]:
        return f"message {lines[0]!r} lacks {case.fragment!r}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds for each econ check (default 30)")
    parser.add_argument("--bomb-bytes", type=int, default=1_100_000_000, help="the zip bomb's inflated size")
    args = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        for case in cases(args.bomb_bytes):
            problem = check(case, build(case, Path(folder), args.source), args.timeout)
            failures += problem is not None
            print(f"{'FAIL' if problem else 'ok  '} {case.name}{': ' + problem if problem else ''}")
    print(f"{len(cases())} hostile files, {failures} answered otherwise than expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
