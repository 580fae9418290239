"""Read the Products and Reagents sheets: priced quantities, each row in its own unit.

A Products row is a product sold, a saving (a cost avoided, such as water not
bought) or a by-product, in its own unit (m^3, kg, t, kWh). A Reagents row is a
reagent or consumable. Each row gives the unit of its quantity and of its
price in unit columns (``quantity_unit``, ``consumption_unit``, ``price_unit``);
a blank unit cell takes the unit written in the units row (row 2) of the value
column.

- The price unit names the row's own unit: ``RUB/m^3`` -> ``m^3``; it must be
  the workbook's currency per something.
- The quantity is per operating month (``m^3/month``) or per unit of
  throughput (``kg/m^3``: a yield or a specific consumption). Quantity times
  price must be money per month (or per unit of throughput); any other unit is
  an error at the unit's cell.

Values are converted to the row's own unit: a consumption of 3 g/m^3 priced in
RUB/kg is read as 0.003 kg/m^3.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from econ import units
from econ.inputs import schema
from econ.inputs.plant import Parameter, Row, row_key

if TYPE_CHECKING:
    from econ.inputs.reader import _Reader

_KIND_SPELLINGS = {"product": "product", "saving": "saving", "savings": "saving", "by-product": "by-product",
                   "byproduct": "by-product", "by product": "by-product"}


@dataclass(frozen=True)
class PricedRow(Row):
    """A Products or Reagents row: ``unit`` is its own unit (``m^3``, ``kg``) in registry spelling.

    ``kind`` is product, saving or by-product (``reagent`` on Reagents). ``per_basis`` is True when the
    quantity is per unit of throughput (a yield, a specific consumption), False when it is per month.
    """

    kind: str
    unit: str
    per_basis: bool

    @property
    def quantity_field(self) -> str:
        """The name of the row's quantity field: ``quantity`` on Products, ``consumption`` on Reagents."""
        return "consumption" if self.table == "reagents" else "quantity"


def read_priced_table(reader: _Reader, spec: schema.TableSpec) -> list[Row]:
    """The rows of a table whose units are given row by row (``spec.per_row_units``): Products, Reagents.

    Problems of a row are recorded (``reader.problems``) and the rows after it are read.
    """
    return _TableReader(reader, spec).read()


class _TableReader:
    def __init__(self, reader: _Reader, spec: schema.TableSpec) -> None:
        self.reader, self.spec = reader, spec
        self.book = reader.book
        self.quantity, self.price = spec.fields
        self.sheet = ""
        self.columns: dict[str, str] = {}

    def error(self, address: str, field: str, expected: str, found: object, message: str = ""):  # noqa: ANN201
        return self.reader.error(message, self.sheet, address, field, expected=expected, found=found)

    def read(self) -> list[Row]:
        reader, spec = self.reader, self.spec
        sheet = self.book.sheet(spec.sheet)
        if sheet is None:
            return []
        # the currency, throughput or schedule unknown (an error reported already): the rows' units cannot be
        # checked, but each row's values are, so that a fresh template lists its missing values at once
        units_unknown = bool(reader.unknown & {"currency", "basis", "months"})
        self.sheet = sheet
        self.columns = columns = reader.header(sheet)
        needed = [spec.name_column, *(field.name for field in spec.fields)]
        needed += [column for column in spec.text_columns if column == "kind"]
        for name in needed:
            reader.column(sheet, columns, name)
        reader.check_columns(sheet, columns, (*needed, *spec.text_columns))
        reader.text_columns(sheet, columns, 3)
        rows: list[Row] = []
        seen: dict[str, str] = {}
        for number in range(3, self.book.last_row(sheet) + 1):
            address = f"{columns[spec.name_column]}{number}"
            name = self.book.text(sheet, address)
            filled = [column for header, column in columns.items() if header not in ("source", "note")
                      and self.book.cell(sheet, f"{column}{number}") is not None]
            if not filled:
                continue  # a blank row is skipped; the rows after it are read
            if not name:
                reader.problems.add(self.error(address, spec.name_column, "a name for the row", "an empty cell"))
                continue
            if name.lower() in seen:  # Sheet:name:field on the Alternatives sheet would be ambiguous
                reader.problems.add(self.reader.error(
                    f"the name {name!r} is also on {seen[name.lower()]}: give each row its own name", self.sheet,
                    address, spec.name_column))
                continue
            seen[name.lower()] = address
            if units_unknown:
                self.check_values(number)
                continue
            with reader.problems.recording():
                rows.append(self.row(len(rows), name, number))
        return [] if units_unknown else rows

    def check_values(self, number: int) -> None:
        """Record a missing value, or text where a number belongs, in each value cell of row ``number``: what
        can be checked of a row whose units cannot be."""
        reader = self.reader
        for field in self.spec.fields:
            address = f"{self.columns[field.name]}{number}"
            with reader.problems.recording():
                value = self.book.resolve(self.sheet, address, field.name)
                unit = self.unit_text(field, number)[0]
                if value is None:
                    raise self.reader.error(f"value missing: expected a number{f' in {unit}' if unit else ''}",
                                            self.sheet, address, field.name)
                if isinstance(value, str):
                    raise reader.text_instead_of_number(value, replace(field, unit=unit or "dimensionless"),
                                                        self.sheet, address)

    def text(self, column: str, number: int) -> str:
        return self.book.text(self.sheet, f"{self.columns[column]}{number}") if column in self.columns else ""

    def unit_text(self, field: schema.FieldSpec, number: int) -> tuple[str, str]:
        """The unit of ``field`` on row ``number`` and the cell it was read from: the row's unit cell, else the
        units row of the value column."""
        own = f"{self.columns[field.unit_column]}{number}" if field.unit_column in self.columns else ""
        if own and (text := self.book.text(self.sheet, own)):
            return text, own
        column_unit = f"{self.columns[field.name]}2"
        if text := self.book.text(self.sheet, column_unit):
            return text, column_unit
        return "", own or column_unit

    def row(self, index: int, name: str, number: int) -> PricedRow:
        spec, reader = self.spec, self.reader
        currency, basis = reader.currency, reader.basis
        kind = "reagent"
        if "kind" in spec.text_columns:
            address = f"{self.columns['kind']}{number}"
            kind = _KIND_SPELLINGS.get(" ".join(self.book.text(self.sheet, address).lower().split()), "")
            if not kind:
                raise self.error(address, "kind", " or ".join(schema.PRODUCT_KINDS),
                                 self.book.text(self.sheet, address) or "an empty cell")
        price_unit, price_cell = self.unit_text(self.price, number)
        own = self.own_unit(price_unit, price_cell)
        quantity_unit, quantity_cell = self.unit_text(self.quantity, number)
        per_basis = self.per_basis(quantity_unit, quantity_cell, own, price_unit)
        source = self.text("source", number)
        targets = {self.quantity.name: f"{own}/{basis}" if per_basis else f"{own}/month",
                   self.price.name: f"{currency}/{own}"}
        entered = {self.quantity.name: quantity_unit, self.price.name: price_unit}
        cells = {self.quantity.name: quantity_cell, self.price.name: price_cell}
        fields: dict[str, Parameter | None] = {}
        for field in spec.fields:
            key = row_key(spec.key, index, field.name)
            concrete = replace(field, unit=targets[field.name], unit_column="")
            fields[field.name] = reader.number(self.sheet, f"{self.columns[field.name]}{number}", concrete,
                                               entered[field.name], f"{name}: {field.name}", key, source,
                                               cells[field.name])
            reader.parameters[key] = fields[field.name]  # type: ignore[assignment]
        return PricedRow(spec.key, index, name, source,
                         self.book.location(self.sheet, f"{self.columns[spec.name_column]}{number}"), fields,
                         kind=kind, unit=own, per_basis=per_basis)

    def own_unit(self, price_unit: str, cell: str) -> str:
        """The row's own unit, from its price unit: ``RUB/m^3`` -> ``m^3``."""
        currency = self.reader.currency
        expected = f"a price in {currency} per unit of the {self.spec.sheet[:-1].lower()}, such as {currency}/m^3 " \
                   f"or {currency}/kg"
        if not price_unit:
            raise self.error(cell, self.price.unit_column, expected, "no unit")
        money, slash, per = price_unit.partition("/")
        if not slash or not per.strip():
            raise self.error(cell, self.price.unit_column, expected, price_unit)
        try:
            units.parse(price_unit)
            own_unit = units.parse(per)
        except units.UnitError as error:
            raise self.error(cell, self.price.unit_column, expected, price_unit, str(error)) from None
        if not units.same_dimension(money, currency) or "[currency" in str(own_unit.dimensionality):
            raise self.error(cell, self.price.unit_column, expected, price_unit)
        if units.same_dimension(per, "month") or units.same_dimension(per, "year"):
            raise self.error(cell, self.price.unit_column, expected + " (a price per unit of time is a cost per "
                             "month: give it on the Maintenance sheet)", price_unit)
        return units.normalize(per)

    def per_basis(self, quantity_unit: str, cell: str, own: str, price_unit: str) -> bool:
        """True for a quantity per unit of throughput, False for one per month; else the units do not multiply
        with the price into money per month."""
        basis, currency = self.reader.basis, self.reader.currency
        field = self.quantity.unit_column
        expected = (f"a unit that, times the price in {price_unit}, gives {currency}/month: {own}/month (per month) "
                    f"or {own}/{basis} (per {basis} of throughput)")
        if not quantity_unit:
            raise self.error(cell, field, expected, "no unit")
        try:
            units.parse(quantity_unit)
        except units.UnitError as error:
            raise self.error(cell, field, expected, quantity_unit, str(error)) from None
        if units.same_dimension(quantity_unit, f"{own}/month"):
            return False
        if units.same_dimension(quantity_unit, f"{own}/{basis}"):
            return True
        raise self.error(cell, field, expected, quantity_unit)
