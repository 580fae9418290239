"""econ.inputs.cell_formula.evaluate: the formulas engineers type into input cells.

Expected values are Excel's: each case states what Excel shows for the same
formula. Anything outside the supported subset must raise FormulaError (which
the reader turns into an InputError naming the cell), never another exception,
which the command line would show as a traceback.
"""

from __future__ import annotations

import pytest

from econ.inputs.cell_formula import FormulaError, compile_formula, evaluate


def cells(values: dict[tuple[str, str], float | str | None]):
    """A resolver over a dict {(sheet, cell): value} that records every lookup."""
    calls: list[tuple[str, str]] = []

    def resolve(sheet: str, cell: str) -> float | str | None:
        calls.append((sheet, cell))
        return values.get((sheet, cell))

    resolve.calls = calls  # type: ignore[attr-defined]
    return resolve


NO_CELLS = cells({})


# -- values ------------------------------------------------------------------------------------


def test_arithmetic_of_constants():
    assert evaluate("=6*4", "Tariffs", NO_CELLS) == 24.0


def test_formula_without_leading_equals_sign_is_evaluated_too():
    assert evaluate("6*4", "Tariffs", NO_CELLS) == 24.0


def test_reference_on_the_same_sheet_is_resolved_on_that_sheet():
    # 7,920 kWh/month x 13.086 RUB/kWh = 103,641.12 RUB/month: the example's energy cost (README).
    resolve = cells({("Energy", "B5"): 7920.0})
    assert evaluate("=B5*13.086", "Energy", resolve) == pytest.approx(103_641.12, abs=1e-9)
    assert resolve.calls == [("Energy", "B5")]


def test_absolute_and_lower_case_references_name_the_same_cell():
    resolve = cells({("S", "B5"): 2.0})
    assert evaluate("=$B$5+b5+B$5+$B5", "S", resolve) == 8.0
    assert set(resolve.calls) == {("S", "B5")}


def test_cross_sheet_reference_is_resolved_on_the_named_sheet():
    resolve = cells({("Tariffs", "C3"): 40.52, ("Losses", "C3"): 999.0})
    assert evaluate("=Tariffs!C3", "Losses", resolve) == 40.52
    assert resolve.calls == [("Tariffs", "C3")]


def test_quoted_sheet_name_with_a_space_is_unquoted_for_the_resolver():
    resolve = cells({("My sheet", "C3"): 5.0})
    assert evaluate("='My sheet'!C3*2", "Other", resolve) == 10.0
    assert resolve.calls == [("My sheet", "C3")]


def test_doubled_quote_in_a_quoted_sheet_name_is_one_quote():
    resolve = cells({("Bob's", "A1"): 3.0})
    assert evaluate("='Bob''s'!A1", "Other", resolve) == 3.0
    assert resolve.calls == [("Bob's", "A1")]


def test_sum_over_a_range_skips_blank_cells_like_excel():
    # B3 is blank: Excel's SUM(B2:B4) is 1 + 4 = 5.
    resolve = cells({("S", "B2"): 1.0, ("S", "B4"): 4.0})
    assert evaluate("=SUM(B2:B4)", "S", resolve) == 5.0
    assert resolve.calls == [("S", "B2"), ("S", "B3"), ("S", "B4")]


def test_sum_over_a_two_dimensional_range_visits_every_cell():
    values = {("S", f"{column}{row}"): 1.0 for column in "AB" for row in (1, 2, 3)}
    assert evaluate("=SUM(A1:B3)", "S", cells(values)) == 6.0


def test_average_min_max_abs_over_ranges_and_values():
    resolve = cells({("S", "A1"): 2.0, ("S", "A2"): 4.0, ("S", "A3"): 9.0})
    assert evaluate("=AVERAGE(A1:A3)", "S", resolve) == 5.0
    assert evaluate("=MIN(A1:A3, 1)", "S", resolve) == 1.0
    assert evaluate("=MAX(A1:A3)", "S", resolve) == 9.0
    assert evaluate("=ABS(-3.5)", "S", resolve) == 3.5


def test_function_names_are_case_insensitive():
    assert evaluate("=sum(1,2)+Max(3,4)", "S", NO_CELLS) == 7.0


def test_caret_is_power():
    assert evaluate("=2^3", "S", NO_CELLS) == 8.0


def test_negative_exponent():
    assert evaluate("=2^-1", "S", NO_CELLS) == 0.5


def test_negation_binds_tighter_than_power_as_in_excel():
    assert evaluate("=-2^2", "S", NO_CELLS) == 4.0


def test_parenthesised_negation_and_power_agree_with_excel():
    assert evaluate("=(-2)^2", "S", NO_CELLS) == 4.0
    assert evaluate("=-(2^2)", "S", NO_CELLS) == -4.0


def test_power_is_left_associative_as_in_excel():
    assert evaluate("=2^3^2", "S", NO_CELLS) == 64.0


def test_percent_sign_divides_a_number_by_100():
    # regression: "15%" used to become "1(5/100)" (only the last digit was taken) and was refused.
    assert evaluate("=15%*2", "S", NO_CELLS) == pytest.approx(0.3)
    assert evaluate("=5%", "S", NO_CELLS) == pytest.approx(0.05)
    assert evaluate("=12.5%", "S", NO_CELLS) == pytest.approx(0.125)
    assert evaluate("=1304.3%", "S", NO_CELLS) == pytest.approx(13.043)


@pytest.mark.parametrize(("formula", "excel"), [
    ("=ROUND(2.5)", 3.0),        # Python's round(2.5) is 2
    ("=ROUND(-2.5)", -3.0),
    ("=ROUND(0.5)", 1.0),
    ("=ROUND(0.125, 2)", 0.13),  # Python's round(0.125, 2) is 0.12
    ("=ROUND(-0.125, 2)", -0.13),
    ("=ROUND(1234.5, -1)", 1230.0),
    ("=ROUND(1235, -1)", 1240.0),
])
def test_round_takes_halves_away_from_zero_like_excel(formula, excel):
    assert evaluate(formula, "S", NO_CELLS) == pytest.approx(excel, abs=1e-12)


# -- errors ------------------------------------------------------------------------------------


def test_unknown_function_is_refused_and_named():
    with pytest.raises(FormulaError, match=r"function FOO is not supported \(use SUM, MIN, MAX, ABS, ROUND, AVERAGE\)"):
        evaluate("=FOO(1)", "S", NO_CELLS)


def test_python_builtins_are_not_reachable():
    with pytest.raises(FormulaError, match="not supported"):
        evaluate("=__import__(1)", "S", NO_CELLS)
    with pytest.raises(FormulaError):
        evaluate("=(1).real", "S", NO_CELLS)


def test_text_inside_a_formula_is_refused():
    with pytest.raises(FormulaError, match="text inside a formula is not supported"):
        evaluate('="12"*2', "S", NO_CELLS)


def test_division_by_zero_is_an_error_not_infinity():
    with pytest.raises(FormulaError, match=r"division by zero in '=1/\(2-2\)'"):
        evaluate("=1/(2-2)", "S", NO_CELLS)


def test_division_by_a_cell_holding_zero_is_an_error():
    with pytest.raises(FormulaError, match="division by zero"):
        evaluate("=1/B2", "S", cells({("S", "B2"): 0.0}))


def test_a_range_outside_a_function_is_refused():
    resolve = cells({("S", "B2"): 1.0, ("S", "B3"): 2.0})
    with pytest.raises(FormulaError, match="a range can only be used inside SUM, MIN, MAX or AVERAGE"):
        evaluate("=B2:B3", "S", resolve)
    with pytest.raises(FormulaError, match="a range can only be used inside"):
        evaluate("=B2:B3*2", "S", resolve)


def test_reference_to_an_empty_cell_names_the_cell():
    with pytest.raises(FormulaError, match=r"the formula refers to Tariffs!C9, which is empty"):
        evaluate("=Tariffs!C9*2", "Losses", NO_CELLS)


def test_reference_to_a_text_cell_names_the_cell_and_the_text():
    resolve = cells({("S", "B2"): "n/a"})
    with pytest.raises(FormulaError, match=r"the formula refers to S!B2, which holds text 'n/a'"):
        evaluate("=B2+1", "S", resolve)


def test_text_inside_a_summed_range_is_an_error_not_skipped():
    resolve = cells({("S", "B2"): 1.0, ("S", "B3"): "x"})
    with pytest.raises(FormulaError, match="holds text 'x'"):
        evaluate("=SUM(B2:B3)", "S", resolve)


@pytest.mark.parametrize("formula", ["=1+", "=(1", "=1 2", "=*3", "=SUM(1;2)", "=1,2", "==1"])
def test_unparsable_formula_is_refused(formula):
    with pytest.raises(FormulaError):
        evaluate(formula, "S", NO_CELLS)


def test_unparsable_formula_message_quotes_the_formula():
    with pytest.raises(FormulaError, match=r"cannot parse formula '=1\+'"):
        evaluate("=1+", "S", NO_CELLS)


@pytest.mark.parametrize("formula", [
    "=10^400",          # regression: raised OverflowError
    "=ROUND(1, 400)",   # regression: raised OverflowError
    "=10^308*10",
    "=0^-1",            # regression: raised ZeroDivisionError (Excel: #DIV/0!)
    "=(-8)^(1/3)",      # regression: raised TypeError on a complex result (Excel: #NUM!)
    "=MIN()",           # regression: raised ValueError
    "=AVERAGE()",
    "=ABS(1, 2)",
    "=ROUND()",
])
def test_out_of_range_and_malformed_calls_raise_formula_error_only(formula):
    with pytest.raises(FormulaError):
        evaluate(formula, "S", NO_CELLS)


def test_overflow_message_names_the_formula():
    with pytest.raises(FormulaError, match=r"\(10\)\^\(400\) is out of range in '=10\^400'"):
        evaluate("=10^400", "S", NO_CELLS)


def test_formula_error_is_a_value_error_for_callers_that_catch_broadly():
    assert issubclass(FormulaError, ValueError)


# -- depth and size: no recursion, no unbounded range ----------------------------------------


def test_a_formula_nested_1000_brackets_deep_evaluates():
    # regression: about 150 levels ended in RecursionError (the parser and the tree walk recursed)
    assert evaluate("=" + "(" * 1000 + "2.5" + ")" * 1000, "S", NO_CELLS) == 2.5


def test_functions_nested_150_deep_and_a_long_chain_of_signs_evaluate():
    assert evaluate("=" + "ABS(" * 150 + "-3" + ")" * 150, "S", NO_CELLS) == 3.0
    assert evaluate("=" + "-" * 5001 + "1", "S", NO_CELLS) == -1.0  # an odd number of minus signs


def test_a_sum_of_10000_terms_evaluates():
    assert evaluate("=" + "+".join(["1"] * 10_000), "S", NO_CELLS) == 10_000.0


def test_an_unclosed_bracket_deep_down_is_refused():
    with pytest.raises(FormulaError, match=r"cannot parse formula"):
        evaluate("=" + "(" * 1000 + "1" + ")" * 999, "S", NO_CELLS)


def test_numbers_in_scientific_notation_are_read_as_excel_reads_them():
    assert evaluate("=1.5E3+2e-1", "S", NO_CELLS) == 1500.2


def test_a_reference_outside_the_sheet_is_refused():
    with pytest.raises(FormulaError, match=r"'=A1048577' refers to A1048577, outside a sheet \(columns A to XFD, "
                                           r"rows 1 to 1048576\)"):
        evaluate("=A1048577", "S", NO_CELLS)
    with pytest.raises(FormulaError, match="refers to ZZZ1, outside a sheet"):
        evaluate("=ZZZ1", "S", NO_CELLS)


def test_a_huge_range_without_a_workbook_is_refused_not_built():
    # the workbook visits only the cells present (tests/test_hostile_files.py); a bare resolver cannot
    with pytest.raises(FormulaError, match=r"a range of 17179869184 cells in '=SUM\(A1:XFD1048576\)' is too large"):
        evaluate("=SUM(A1:XFD1048576)", "S", NO_CELLS)


def test_compiled_formula_lists_its_references_in_order():
    compiled = compile_formula("=SUM(Tariffs!B2:C3)+'My sheet'!$D$4*E5", "S")
    assert [(ref.sheet, ref.first_row, ref.first_column, ref.last_row, ref.last_column, ref.is_range)
            for ref in compiled.references] == [("Tariffs", 2, 2, 3, 3, True), ("My sheet", 4, 4, 4, 4, False),
                                                ("S", 5, 5, 5, 5, False)]
