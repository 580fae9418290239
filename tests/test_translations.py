"""Issue 15, item 1: every text a workbook enters may carry a translation, and a report in a language shows it.

Workbooks are copies of the bundled ones built in tmp_path with openpyxl: translation columns are added at the
end of a header row (a column already there, from the bundled workbook's own translations, is overwritten), so
that no formula of the workbook moves. What the reader sees is read back: pdftotext of the PDF, openpyxl on the
results workbook.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from econ import i18n
from econ.api import evaluate_for_report, evaluate_plant, write_reports
from econ.checks.verdict import verdict_of
from econ.cli.validate import problems_of
from econ.inputs.problems import InputErrors
from econ.inputs.reader import read_plant
from econ.inputs.translations import needs_translation, shown_texts, untranslated

INPUTS = Path(__file__).resolve().parents[1] / "inputs"
BUNDLED = sorted(INPUTS.glob("*.xlsx"))

# Equipment rows of cr_scheme (row 3: Pumps, row 4: Electrodialyser) and their Russian names and sources
EQUIPMENT_RU = {3: ("Насосы", "Раздел «Экономика», таблица 2: насосы 6 · 4 = 24 кВт"),
                4: ("Электродиализатор", "Таблица 2 «Энергопотребление»: электродиализатор 10 кВт")}
TARIFFS_RU = {2: "Раздел «Экономика»: тариф на электроэнергию"}


def _column(sheet, header: str) -> int:  # noqa: ANN001 - an openpyxl worksheet
    """The column headed ``header`` in row 1, appended after the last one when the sheet has none."""
    for cell in sheet[1]:
        if isinstance(cell.value, str) and cell.value.strip().lower() == header:
            return cell.column
    column = sheet.max_column + 1
    sheet.cell(1, column, header)
    return column


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def cr_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """cr_scheme with Russian names and sources of two Equipment rows and a Russian source of a tariff."""
    path = tmp_path_factory.mktemp("cr") / "cr_scheme.xlsx"
    book = openpyxl.load_workbook(INPUTS / "cr_scheme.xlsx")
    equipment = book["Equipment"]
    name_column, source_column = _column(equipment, "name_ru"), _column(equipment, "source_ru")
    for row, (name, source) in EQUIPMENT_RU.items():
        equipment.cell(row, name_column, name)
        equipment.cell(row, source_column, source)
    tariffs = book["Tariffs"]
    column = _column(tariffs, "source_ru")
    for row, source in TARIFFS_RU.items():
        tariffs.cell(row, column, source)
    schedule = book["Schedule"]  # the source of hours_per_day: a new text, left without its Russian
    schedule.cell(UNTRANSLATED_ROW, _column(schedule, "source_ru")).value = None
    schedule.cell(UNTRANSLATED_ROW, _column(schedule, "source"), UNTRANSLATED)
    book.save(path)
    return path


UNTRANSLATED_ROW = 2  # Schedule!C2, hours_per_day
UNTRANSLATED = "Economics section: the plant runs one shift of 8 hours a day"


@pytest.fixture(scope="module")
def cr_reports(cr_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cr_reports")
    write_reports(evaluate_for_report(cr_copy, "ru"), out, ("xlsx", "pdf"), "ru")
    return out


def test_the_reader_keeps_every_translation(cr_copy: Path) -> None:
    plant = read_plant(cr_copy)
    equipment = openpyxl.load_workbook(cr_copy)["Equipment"]
    for row, (name, source) in EQUIPMENT_RU.items():
        assert plant.text_translations[equipment.cell(row, 1).value]["ru"] == name
        assert plant.text_translations[plant.rows("equipment")[row - 3].source]["ru"] == source
    assert plant.text_translations[plant.parameters["electricity_price"].source]["ru"] == TARIFFS_RU[2]
    assert not [note for note in plant.notes if note.kind == "unread"]  # the translation cells are read


def test_the_localized_plant_has_the_russian_texts_and_the_same_keys(cr_copy: Path) -> None:
    plant = read_plant(cr_copy)
    russian = plant.localized("ru")
    assert [row.name for row in russian.rows("equipment")][:2] == ["Насосы", "Электродиализатор"]
    assert russian.rows("equipment")[1].source == EQUIPMENT_RU[4][1]
    assert russian.parameters["equipment.1.unit_power"].source == EQUIPMENT_RU[4][1]
    assert russian.parameters["equipment.1.unit_power"].label == "Электродиализатор: unit power"
    assert russian.parameters["electricity_price"].source == TARIFFS_RU[2]
    assert russian.parameters.keys() == plant.parameters.keys()
    # an input named as the workbook names it, or by its translated name
    assert russian.input_key("Equipment:Electrodialyser:unit_power") == "equipment.1.unit_power"
    assert russian.input_key("Equipment:Электродиализатор:unit_power") == "equipment.1.unit_power"
    # English reports: the base texts (no _en column), and no note
    assert plant.localized("en").rows("equipment")[0].name == "Pumps"
    assert plant.localized("en").untranslated == ()


def test_the_note_counts_the_shown_texts_without_a_translation(cr_copy: Path) -> None:
    # every text the bundled Russian workbooks show has its Russian version
    for name in ("cr_scheme.xlsx", "pb_electrorefining.xlsx", "bi_oxides.xlsx"):
        assert untranslated(read_plant(INPUTS / name), "ru") == [], name
    plant = read_plant(cr_copy)
    assert untranslated(plant, "ru") == [UNTRANSLATED]  # the one source the copy leaves untranslated
    assert not [note for note in plant.notes if note.kind == "translation"]  # the plant as read has none
    notes = [str(note) for note in plant.localized("ru").notes if note.kind == "translation"]
    assert notes == [f"cr_scheme.xlsx: 1 text of the workbook has no Russian translation and is shown as entered "
                     f"(add a column X_ru beside the text column X): {UNTRANSLATED[:39] + '…'!r}"]
    # econ validate prints it once, as one note of the workbook
    errors, lines = problems_of(str(cr_copy))
    assert errors == [] and [line for line in lines if "Russian translation" in line] == notes


def test_the_russian_pdf_shows_the_translations_and_says_once_what_has_none(cr_copy: Path, cr_reports: Path) -> None:
    text = _pdf_text(cr_reports / "cr_scheme.pdf")
    flat = re.sub(r"\s+", " ", text)
    for name, _source in EQUIPMENT_RU.values():
        assert name in flat
    assert "Electrodialyser" not in flat and "Pumps" not in flat
    assert "таблица 2: насосы 6 · 4 = 24 кВт" in flat
    count = len(read_plant(cr_copy).localized("ru").untranslated)
    note = i18n.text("report.untranslated", "ru", count=count)
    assert flat.count(note) == 1
    assert flat.count("не имеют перевода") + flat.count("не имеет перевода") == 1


def test_the_russian_results_workbook_shows_the_translations_and_the_note(cr_copy: Path, cr_reports: Path) -> None:
    book = openpyxl.load_workbook(cr_reports / "cr_scheme.xlsx")
    texts = [cell.value for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str)]
    assert any(text.startswith("Электродиализатор") for text in texts)
    assert not any("Electrodialyser" in text for text in texts)
    assert EQUIPMENT_RU[4][1] in texts and TARIFFS_RU[2] in texts
    count = len(read_plant(cr_copy).localized("ru").untranslated)
    assert book.worksheets[0]["A5"].value == i18n.text("report.untranslated", "ru", count=count)
    assert sum(text.count("перевода на русский") for text in texts) == 1


@pytest.fixture(scope="module")
def pb_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pb_electrorefining with Russian names and descriptions of its two alternatives (rows name_ru and
    description_ru of the Alternatives sheet)."""
    path = tmp_path_factory.mktemp("pb") / "pb_electrorefining.xlsx"
    book = openpyxl.load_workbook(INPUTS / "pb_electrorefining.xlsx")
    sheet = book["Alternatives"]
    rows = {sheet.cell(row, 1).value: row for row in range(2, sheet.max_row + 1)}
    for field, texts in (("name_ru", ("Биполярные мембраны", "Электрорафинирование в MSA")),
                         ("description_ru", ("Ячейки с биполярными мембранами", "Электролит на метансульфоновой кислоте"))):
        row = rows.get(field) or sheet.max_row + 1
        sheet.cell(row, 1, field)
        sheet.cell(row, 3, texts[0])
        sheet.cell(row, 4, texts[1])
    references = book["References"]
    figure = next(cell.column for cell in references[1] if cell.value == "figure")
    column = _column(references, "figure_ru")
    for row in range(2, references.max_row + 1):  # the figures that name an alternative
        text = references.cell(row, figure).value or ""
        if "Bipolar membranes" in text or "MSA electrorefining" in text:
            references.cell(row, column, f"Показатель {references.cell(row, 1).value}")
    book.save(path)
    return path


def test_alternative_names_are_translated_and_still_resolve(pb_copy: Path) -> None:
    plant = read_plant(pb_copy)
    assert [alternative.name for alternative in plant.alternatives] == ["Bipolar membranes", "MSA electrorefining"]
    russian = plant.localized("ru")
    assert [alternative.name for alternative in russian.alternatives] == ["Биполярные мембраны",
                                                                          "Электрорафинирование в MSA"]
    assert russian.alternatives[0].description == "Ячейки с биполярными мембранами"
    names = {alternative.name for alternative in russian.alternatives}
    assert {reference.case for reference in russian.references} - {""} <= names  # References!case
    assert {study.alternative for study in russian.break_even} - {""} <= names  # BreakEven!alternative
    evaluation = evaluate_plant(russian)
    assert [case.name for case in evaluation.cases][1:] == ["Биполярные мембраны", "Электрорафинирование в MSA"]
    assert len(evaluation.break_even_outcomes()) == len(plant.break_even)


@pytest.mark.slow
def test_the_russian_pb_report_names_the_alternatives_in_russian(pb_copy: Path, tmp_path: Path) -> None:
    write_reports(evaluate_for_report(pb_copy, "ru"), tmp_path, ("pdf",), "ru")
    flat = re.sub(r"\s+", " ", _pdf_text(tmp_path / "pb_electrorefining.pdf"))
    assert "Биполярные мембраны" in flat and "Электрорафинирование в MSA" in flat
    assert "Bipolar membranes" not in flat and "MSA electrorefining" not in flat


def test_a_translation_of_a_number_column_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cr_scheme.xlsx"
    book = openpyxl.load_workbook(INPUTS / "cr_scheme.xlsx")
    capital = book["Capital"]
    column = capital.max_column + 1
    capital.cell(1, column, "cost_ru")
    letter = openpyxl.utils.get_column_letter(column)
    book.save(path)
    with pytest.raises(InputErrors) as raised:
        read_plant(path)
    assert [line for line in raised.value.lines if "cost_ru" in line] == [
        f"cr_scheme.xlsx!Capital!{letter}1 \"cost_ru\": column 'cost_ru' translates 'cost', which is not a text "
        f"column (did you mean 'item_ru'?): expected the translation of a text column (item_ru, source_ru), "
        f"got 'cost_ru'"]


def test_a_translation_beside_an_empty_cell_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cr_scheme.xlsx"
    book = openpyxl.load_workbook(INPUTS / "cr_scheme.xlsx")
    equipment = book["Equipment"]
    source_column = next(cell.column for cell in equipment[1] if cell.value == "source")
    equipment.cell(3, source_column).value = None
    column = _column(equipment, "source_ru")
    equipment.cell(3, column, "Таблица 2")
    book.save(path)
    letter = openpyxl.utils.get_column_letter(column)
    with pytest.raises(InputErrors) as raised:
        read_plant(path)
    assert f"cr_scheme.xlsx!Equipment!{letter}3 \"source_ru\": expected a translation beside a text to translate, " \
           f"got \"'Таблица 2' beside an empty cell\"" in raised.value.lines


def test_what_reads_as_english() -> None:
    sheets = ("Tariffs", "Capital")
    assert needs_translation("Electrodialyser") and needs_translation("assumption: 12 months")
    assert not needs_translation("NaNO3") and not needs_translation("PbSO4") and not needs_translation("MSA")
    assert not needs_translation("Tariffs!C4", sheets) and not needs_translation("Capital", sheets)
    assert not needs_translation("см. cr_scheme.xlsx") and not needs_translation("Насосы")
    assert needs_translation("Capital sheet, cell B3", sheets)


def _evaluated_twice(path: Path):  # noqa: ANN202
    """The evaluation of a bundled workbook as entered, and of its copy with every shown text translated (its own
    translations where it has them, else a made-up Russian one)."""
    plant = read_plant(path)
    made_up = {text: {"ru": plant.text_translations.get(text, {}).get("ru") or f"Перевод: {text}"}
               for text in shown_texts(plant)}
    russian = replace(plant, text_translations={**plant.text_translations, **made_up}).localized("ru")
    assert russian.untranslated == ()
    return evaluate_plant(plant), evaluate_plant(russian)


@pytest.mark.parametrize("path", BUNDLED, ids=[path.stem for path in BUNDLED])
def test_every_bundled_workbook_gives_the_same_npv_and_verdict_in_both_languages(path: Path) -> None:
    english, russian = _evaluated_twice(path)
    assert russian.results.scalar("npv") == english.results.scalar("npv")
    for key in english.model.keys():  # every figure, to the last bit
        assert np.array_equal(russian.results[key], english.results[key], equal_nan=True), key
    first, second = verdict_of(english), verdict_of(russian)
    assert (second.status, second.result) == (first.status, first.result)
    assert [(reason.kind, reason.weight) for reason in second.reasons] == [(r.kind, r.weight) for r in first.reasons]
    assert [audit.status for audit in russian.audits] == [audit.status for audit in english.audits]
    assert [(comparison.verdict, comparison.computed) for comparison in russian.comparisons] == \
        [(comparison.verdict, comparison.computed) for comparison in english.comparisons]


def test_a_workbook_without_translations_reads_as_before(tmp_path: Path) -> None:
    """An English workbook's English report: no note, texts as entered."""
    path = tmp_path / "ni_rinse_ro.xlsx"
    shutil.copy(INPUTS / "ni_rinse_ro.xlsx", path)
    plant = read_plant(path)
    assert plant.language == "en" and not [note for note in plant.localized("en").notes if note.kind == "translation"]
    assert plant.localized("en").rows("equipment")[0].name == plant.rows("equipment")[0].name
