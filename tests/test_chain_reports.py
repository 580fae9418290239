"""The process chain in the reports: stage tables as live formulas, and the chain section of the PDF."""

from __future__ import annotations

import math
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest

from econ.api import evaluate_workbook, write_reports
from econ.model.figures import MASS_BALANCE, PROCESS_CHAIN
from econ.numbers import format_auto, format_number

ROOT = Path(__file__).resolve().parent.parent
WORKBOOKS = {"bi_oxides": ROOT / "inputs" / "bi_oxides.xlsx", "copper_chain": ROOT / "inputs" / "copper_chain.xlsx"}


@pytest.fixture(scope="module", params=sorted(WORKBOOKS))
def written(request, tmp_path_factory):
    evaluation = evaluate_workbook(WORKBOOKS[request.param])
    # in English: the tests read the Mass balance sheet's English labels (bi_oxides is a Russian project)
    (path,) = write_reports(evaluation, tmp_path_factory.mktemp(request.param), ("xlsx",), lang="en")
    return evaluation, path


def test_stage_tables_are_formulas_with_cached_values(written):
    evaluation, path = written
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    assert MASS_BALANCE in formulas.sheetnames and PROCESS_CHAIN in formulas.sheetnames
    sheet, cached = formulas[MASS_BALANCE], values[MASS_BALANCE]
    totals = [row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == "Loaded"]
    assert len(totals) == len(evaluation.plant.chain.stages)
    first = totals[0]
    assert str(sheet.cell(first, 4).value).startswith("=SUM(")  # total mass loaded
    assert cached.cell(first, 4).value == pytest.approx(evaluation.results.scalar("stage.0.mass_loaded"))
    feed_row = first - len(evaluation.plant.chain.loaded(0))
    assert sheet.cell(feed_row, 4).value.startswith("=Inputs!")  # the feed's mass, echoed from the inputs


def test_libreoffice_recalculates_the_chain_workbook(written):
    from tests.support.libreoffice import compare, office_or_skip, recalculate

    _, path = written
    with office_or_skip() as office:
        result = recalculate(path, office)
    assert compare(result) == []
    assert not any(cell.error for cell in result.formulas)
    assert sum(1 for cell in result.formulas if cell.sheet == MASS_BALANCE) > 50


def _pdf_text(evaluation, folder: Path, lang: str) -> str:
    (pdf,) = write_reports(evaluation, folder, ("pdf",), lang=lang)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_pdf_has_the_chain_section(tmp_path, lang):
    evaluation = evaluate_workbook(WORKBOOKS["bi_oxides"])
    text = _pdf_text(evaluation, tmp_path, lang)
    # Table 4's lead, from the masses as entered: what the stage obtains less what it loads
    chain, parameters = evaluation.plant.chain, evaluation.plant.parameters
    lead = {direction: sum(parameters[s.amounts[1].key].value for s in streams)
            for direction, streams in (("in", chain.loaded(3)), ("out", chain.obtained(3)))}
    imbalance = format_auto(lead["out"] - lead["in"], lang, 4).replace("\u00a0", " ")
    expected = {
        "en": ["Process chain and mass balances", "Stage 1: Reducing smelting", "Imbalance (obtained",
               "Through recovery and separation, stage by stage", "Bi through the chain",
               "What leaves the chain at each stage"],
        "ru": ["Технологическая цепь и балансы масс", "Передел 1: Восстановительная плавка", "Невязка (получено",
               "Сквозное извлечение и разделение по переделам", "Bi по технологической цепи"],
    }[lang] + [imbalance]
    for phrase in expected:
        assert phrase in text, phrase


def test_copper_pdf_names_the_costliest_loss_and_the_entropy(tmp_path):
    evaluation = evaluate_workbook(WORKBOOKS["copper_chain"])
    text = _pdf_text(evaluation, tmp_path, "en")
    assert "Cu through the chain" in text
    assert "2. Enrichment (flotation) Cu waste" in text
    recovery = evaluation.plant.parameters["streams.5.recovery"].value  # flotation's recovery into concentrate
    entropy = -(recovery * math.log2(recovery) + (1 - recovery) * math.log2(1 - recovery))
    # the concentrate and the tailings share the copper: its separation sharpness is 1 - H / log2(2), in %
    assert f"{format_number((1 - entropy) * 100, 1, 'en')} %" in text
    assert "not a feasibility result" in text


def test_alternatives_of_a_chain_get_their_own_stage_tables(tmp_path):
    from openpyxl import load_workbook

    from tests.support.chain_book import chain_workbook
    from tests.support.libreoffice import compare, office_or_skip, recalculate

    path = chain_workbook(tmp_path / "alt.xlsx", payables=[("Refining/Product", "A", 0.9)])
    book = load_workbook(path)
    sheet = book.create_sheet("Alternatives")
    for row in (("field", "unit", "Dearer A"), ("Components:A:price", "RUB/t", 200000)):
        sheet.append(row)
    book.save(path)
    evaluation = evaluate_workbook(path)
    base, dearer = evaluation.cases
    assert dearer.value("product_revenue_per_month") == pytest.approx(2 * base.value("product_revenue_per_month"))
    (written,) = write_reports(evaluation, tmp_path / "out", ("xlsx",))
    assert "Dearer A Balance" in load_workbook(written).sheetnames
    with office_or_skip() as office:
        assert compare(recalculate(written, office)) == []


def test_each_stage_balance_starts_on_the_page_of_its_caption(tmp_path):
    """A stage's balance table is short; it is kept whole with its caption (no caption left alone at the
    foot of a page), and its last row is on the caption's page too."""
    (pdf,) = write_reports(evaluate_workbook(WORKBOOKS["bi_oxides"]), tmp_path, ("pdf",), lang="ru")
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    captions = 0
    for page in pages:
        for match in re.finditer(r"Передел \d+: [^\n]+\n", page):
            captions += 1
            after = page[match.end():]
            assert "Загружено" in after and "Невязка (получено" in after, match[0]
    assert captions == len(evaluate_workbook(WORKBOOKS["bi_oxides"]).plant.chain.stages)
