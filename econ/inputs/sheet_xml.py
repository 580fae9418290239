"""The cells of one sheet's XML: openpyxl's sheet parser, driven by a leaner event loop, with a fast path for
plain cells.

openpyxl's ``WorkSheetParser.parse`` walks the sheet with ElementTree's ``iterparse`` (defusedxml's) and
parses each cell with a generic ``parse_cell``. On a 100,000-row table most of the reading time goes to
that machinery. :class:`SheetParser` keeps its results and its failures exactly:

- :meth:`SheetParser.rows` builds the same elements with the same defusedxml parser (the same ``expat``
  handlers refuse entity declarations and external entities), fed the same 16 KiB chunks, and handles the
  same elements in the same order as ``parse`` (a row, a column width, the sheet's properties, each at
  its end); it only calls the element builder directly instead of through ``XMLParser._start`` and a
  queue of events;
- :meth:`SheetParser.parse_cell` reads a plain cell (an address, a finite stored number, a shared string
  or a one-piece inline text, no formula, no date format) at once, and hands every other cell to
  openpyxl's ``parse_cell``, after checking its stored number and its address.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import Element, TreeBuilder

from defusedxml.ElementTree import DefusedXMLParser
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter
from openpyxl.worksheet import _reader as openpyxl_sheet
from openpyxl.worksheet._reader import FORMULA_TAG, INLINE_STRING, ROW_TAG, VALUE_TAG, WorkSheetParser

from econ.inputs import cell_formula

CHUNK_BYTES = 16 * 1024  # what ElementTree.iterparse reads at a time
TEXT_TAG = f"{{{openpyxl_sheet.SHEET_MAIN_NS}}}t"
_BUILD_ERRORS = (ValueError, IndexError, KeyError, TypeError, OverflowError)
_DIGITS = "0123456789"
_COLUMNS = {get_column_letter(index): index for index in range(1, cell_formula.MAX_COLUMN + 1)}  # 'A': 1 ... 'XFD'


class CellProblem(ValueError):
    """A cell whose stored XML cannot be read: its address and what is wrong."""

    def __init__(self, address: str, message: str) -> None:
        super().__init__(message)
        self.address = address
        self.message = message


class SheetParser(WorkSheetParser):
    """openpyxl's sheet parser, with each cell's stored value and address checked first."""

    def parse_cell(self, element: Any) -> dict[str, Any]:
        """The cell as openpyxl reads it; raises CellProblem for a stored value or address econ refuses."""
        return self.plain_cell(element) or self.general_cell(element)

    def general_cell(self, element: Any) -> dict[str, Any]:
        """Any cell: its stored number and address checked, then read by openpyxl's ``parse_cell``."""
        address = element.get("r") or f"{get_column_letter(self.col_counter + 1)}{self.row_counter}"
        text = element.findtext(VALUE_TAG, None)
        if element.get("t", "n") == "n" and text and element.find(FORMULA_TAG) is None:
            try:
                number = float(text)
            except ValueError:
                raise CellProblem(address, f"the stored number {text[:40]!r} is not a number") from None
            if not math.isfinite(number):
                raise CellProblem(address, f"the stored number {text[:40]!r} is not a finite number")
        try:
            cell: dict[str, Any] = super().parse_cell(element)
        except _BUILD_ERRORS as error:
            raise CellProblem(address, f"the stored cell cannot be read ({type(error).__name__}: {error})") from None
        if not (1 <= cell["row"] <= cell_formula.MAX_ROW and 1 <= cell["column"] <= cell_formula.MAX_COLUMN):
            raise CellProblem(address[:20], "the cell lies outside a sheet (columns A to XFD, rows 1 to 1048576)")
        return cell

    def plain_cell(self, element: Any) -> dict[str, Any] | None:
        """A plain cell read at once, exactly as :meth:`general_cell` reads it; None for any other cell.

        Plain: an address inside the sheet, a whole style number, and either nothing, a ``<v>`` (a finite
        number without a date format, or a shared string's index) or, for an inline string, one ``<is>``
        holding one ``<t>`` of text. Anything else, valid or not, goes the general way.
        """
        attrib = element.attrib
        coordinate = attrib.get("r")
        if not coordinate or self.rich_text:
            return None
        style_id = attrib.get("s", 0)
        data_type = attrib.get("t", "n")
        try:
            if style_id:
                style_id = int(style_id)
            value = None
            children = len(element)
            if children:
                if children > 1:
                    return None
                child = element[0]
                if child.tag == VALUE_TAG and data_type in ("n", "s") and not len(child):
                    text = child.text
                    if not text:
                        pass  # an empty <v/>: no value
                    elif data_type == "s":
                        value = self.shared_strings[int(text)]
                    else:
                        number = float(text)
                        if not math.isfinite(number) or style_id in self.date_formats:
                            return None
                        # as openpyxl's _cast_number: a float if written with a point or an exponent, else an int
                        value = number if "." in text or "e" in text or "E" in text else int(text)
                elif child.tag == INLINE_STRING and data_type == "inlineStr" and not child.attrib and len(child) == 1:
                    piece = child[0]
                    if piece.tag != TEXT_TAG or len(piece) or piece.text is None:
                        return None
                    value, data_type = piece.text, "s"
                else:
                    return None
            letters = coordinate.rstrip(_DIGITS)
            column = _COLUMNS.get(letters, 0)
            if column and len(letters) < len(coordinate):  # 'B12': as coordinate_to_tuple reads it
                row = int(coordinate[len(letters):])
            else:
                row, column = coordinate_to_tuple(coordinate)
        except _BUILD_ERRORS:
            return None
        if not (1 <= row <= cell_formula.MAX_ROW and 1 <= column <= cell_formula.MAX_COLUMN):
            return None
        self.col_counter = column
        return {"row": row, "column": column, "value": value, "data_type": data_type, "style_id": style_id}

    def rows(self) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        """The sheet's rows, each with its parsed cells, as ``WorkSheetParser.parse`` gives them.

        The elements are built, and handled, as ``parse`` does (openpyxl 3.1): after each chunk fed to the
        parser, the elements that ended in it are handled in order (a row is parsed and yielded, the sheet's
        other parts are parsed as openpyxl does and dropped). A syntax error is raised when the elements
        before it have been handled; any other error of the XML layer at once.
        """
        dispatcher = {
            openpyxl_sheet.COL_TAG: self.parse_column_dimensions,
            openpyxl_sheet.PROT_TAG: self.parse_sheet_protection,
            openpyxl_sheet.EXT_TAG: self.parse_extensions,
            openpyxl_sheet.CF_TAG: self.parse_formatting,
            openpyxl_sheet.LEGACY_TAG: self.parse_legacy,
            openpyxl_sheet.ROW_BREAK_TAG: self.parse_row_breaks,
            openpyxl_sheet.COL_BREAK_TAG: self.parse_col_breaks,
            openpyxl_sheet.CUSTOM_VIEWS_TAG: self.parse_custom_views,
        }
        properties = {tag: (name, getattr(openpyxl_sheet, kind)) for tag, name, kind in _PROPERTIES}
        handled = {*dispatcher, *properties, ROW_TAG}
        builder = TreeBuilder()
        parser = DefusedXMLParser(target=builder)
        names: dict[str, str] = parser._names  # noqa: SLF001 - XMLParser's memo of expanded names
        fixname = parser._fixname  # noqa: SLF001
        start, end = builder.start, builder.end
        ended: deque[Element | SyntaxError] = deque()

        def on_start(tag: str, attrib: dict[str, str]) -> None:  # as XMLParser._start
            if attrib and "}" in "".join(attrib):  # a namespaced attribute name: expanded as XMLParser does
                attrib = {fixname(key): value for key, value in attrib.items()}
            start(names.get(tag) or fixname(tag), attrib)

        def on_end(tag: str) -> None:  # as XMLParser._end, keeping the elements parse() handles
            element = end(names.get(tag) or fixname(tag))
            if element.tag in handled:
                ended.append(element)

        expat = parser.parser
        expat.ordered_attributes = False  # the attributes as a dict, in document order
        expat.StartElementHandler = on_start
        expat.EndElementHandler = on_end

        def handle() -> Iterator[tuple[int, list[dict[str, Any]]]]:
            while ended:
                element = ended.popleft()
                if isinstance(element, SyntaxError):
                    raise element
                tag = element.tag
                if tag in dispatcher:
                    dispatcher[tag](element)
                elif tag in properties:
                    name, kind = properties[tag]
                    setattr(self, name, kind.from_tree(element))
                else:
                    row = self.parse_row(element)
                    element.clear()
                    yield row
                    continue
                element.clear()

        read = self.source.read
        while True:
            yield from handle()
            data = read(CHUNK_BYTES)
            if not data:
                break
            try:
                parser.feed(data)
            except SyntaxError as error:  # a ParseError: raised in turn, after what ended before it
                ended.append(error)
        parser.close()
        yield from handle()


# the sheet's parts WorkSheetParser.parse reads into its attributes: tag, attribute, openpyxl class
_PROPERTIES = (
    (openpyxl_sheet.PRINT_TAG, "print_options", "PrintOptions"),
    (openpyxl_sheet.MARGINS_TAG, "page_margins", "PageMargins"),
    (openpyxl_sheet.PAGE_TAG, "page_setup", "PrintPageSetup"),
    (openpyxl_sheet.HEADER_TAG, "HeaderFooter", "HeaderFooter"),
    (openpyxl_sheet.FILTER_TAG, "auto_filter", "AutoFilter"),
    (openpyxl_sheet.VALIDATION_TAG, "data_validations", "DataValidationList"),
    (openpyxl_sheet.PROPERTIES_TAG, "sheet_properties", "WorksheetProperties"),
    (openpyxl_sheet.VIEWS_TAG, "views", "SheetViewList"),
    (openpyxl_sheet.FORMAT_TAG, "sheet_format", "SheetFormatProperties"),
    (openpyxl_sheet.SCENARIOS_TAG, "scenarios", "ScenarioList"),
    (openpyxl_sheet.TABLE_TAG, "tables", "TablePartList"),
    (openpyxl_sheet.HYPERLINK_TAG, "hyperlinks", "HyperlinkList"),
    (openpyxl_sheet.MERGE_TAG, "merged_cells", "MergeCells"),
)
