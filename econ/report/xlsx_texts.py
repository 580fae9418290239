"""The results workbook's texts in the report's language.

The workbook's own texts (chart titles, the legend, the Break-even sheet) are
in ``TEXTS`` as (English, Russian), as econ.i18n keeps the report's. The
sheets' labels, headers and units are written in English by the sheet writers
and translated on the way out, as gettext does with its English message ids:
:class:`Translator` maps each English text to its translation (a figure's
label to its label in econ.i18n, a unit to i18n.unit, a header to
``HEADERS``), and a text it does not know is written as it is. Sheet names stay
English, so formulas and the Checks sheet's references read the same in every
language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from econ import i18n

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation

TEXTS: dict[str, tuple[str, str]] = {
    "chart.net_cash_flow": ("Net cash flow", "Чистый денежный поток"),
    "chart.cumulative": ("Cumulative cash flow", "Накопленный денежный поток"),
    "chart.cumulative_discounted": ("Cumulative discounted cash flow", "Накопленный дисконтированный поток"),
    "chart.cumulative_title": ("Cumulative cash flow, undiscounted and discounted",
                               "Накопленный денежный поток, без дисконтирования и дисконтированный"),
    "chart.year": ("Year", "Год"),
    "chart.million": ("million {cur}", "млн {cur}"),
    "chart.money": ("{cur}", "{cur}"),
    "chart.opex": ("OPEX per month by component", "Эксплуатационные затраты в месяц по статьям"),
    "chart.recovery_table": ("Share of each component's feed carried into each stage (chart data)",
                             "Доля исходного количества компонента, поступившая в передел (данные диаграммы)"),
    "chart.recovery": ("Recovery through the chain", "Извлечение по технологической цепи"),
    "chart.stage": ("Stage", "Передел"),
    "chart.sold": ("Sold (final product)", "Товарная продукция"),
    "chart.share": ("Share of the feed", "Доля от исходного"),
    "xlsx.legend": ("Colours of the cells", "Цвета ячеек"),
    "xlsx.legend.input": ("Input copied from the input workbook (blue on yellow)",
                          "Исходные данные из входной книги (синий на жёлтом)"),
    "xlsx.legend.formula": ("Formula (black)", "Формула (чёрный)"),
    "xlsx.legend.link": ("Link to a cell of another sheet (green)", "Ссылка на ячейку другого листа (зелёный)"),
    "xlsx.names": ("{count} key inputs and results are named cells ({names}, ...): see the Name Manager",
                   "{count} ключевых исходных данных и результатов — именованные ячейки ({names}, ...): "
                   "см. Диспетчер имён"),
    "breakeven.title": ("Break-even values of the BreakEven sheet, computed by econ",
                        "Точки безубыточности листа BreakEven, рассчитанные econ"),
    "breakeven.note": ("Each break-even value is the input at which the NPV (or, for an alternative, the incremental "
                       "NPV) is zero, all other inputs as given; econ solved it (a number, not a formula).",
                       "Точка безубыточности: значение входного параметра, при котором ЧДД (для альтернативы — "
                       "приростный ЧДД) равен нулю при прочих равных; рассчитано econ (число, не формула)."),
    "checks.in": ("in", "в диапазоне"),  # a range comparison on the Checks sheet (not In/out's "in": "вход")
    "breakeven.case": ("Case", "Вариант"),
    "breakeven.target": ("Made zero", "Обращается в ноль"),
    "breakeven.input": ("Input", "Входной параметр"),
    "breakeven.key": ("Key", "Ключ"),
    "breakeven.unit": ("Unit", "Ед. изм."),
    "breakeven.base": ("Base value", "Базовое значение"),
    "breakeven.value": ("Break-even value (econ)", "Точка безубыточности (econ)"),
    "breakeven.low": ("Searched from", "Поиск от"),
    "breakeven.high": ("to", "до"),
}

HEADERS: dict[str, str] = {  # English text of the sheet writers -> Russian
    "Item": "Статья", "Value": "Значение", "Unit": "Ед. изм.", "Definition": "Определение", "Key": "Ключ",
    "Parameter": "Параметр", "Entered as": "Введено как", "Source": "Источник", "Input cell": "Ячейка ввода",
    "Input workbook": "Входная книга", "SHA-256": "SHA-256", "Project": "Проект", "Currency": "Валюта",
    "Base year": "Базовый год", "not stated": "не указан", "Key figure": "Показатель", "Note": "Примечание",
    "Equipment": "Оборудование", "Quantity": "Количество", "Unit power [kW]": "Единичная мощность [кВт]",
    "Installed power [kW]": "Установленная мощность [кВт]", "Load factor": "Коэффициент загрузки",
    "Energy [kWh/month]": "Электроэнергия [кВт·ч/мес]",
    "Equipment and installed power": "Оборудование и установленная мощность",
    "Inputs as read from the input workbook, converted to the units the model uses":
        "Исходные данные из входной книги в единицах модели",
    "Every number below is a formula over the Inputs sheet; econ's value is cached in it.":
        "Каждое число ниже — формула над листом Inputs; в ней сохранено значение, рассчитанное econ.",
    "Published figures recomputed from the inputs": "Опубликованные показатели, пересчитанные по исходным данным",
    "ID": "ID", "Figure": "Показатель", "Published": "Опубликовано", "Computed": "Рассчитано",
    "Deviation": "Отклонение", "Relative deviation": "Относительное отклонение", "Tolerance": "Допуск",
    "Comparison": "Сравнение", "Verdict": "Вывод", "Model quantity": "Величина модели",
    "Published high (range)": "Верхняя граница (диапазон)",
    "Attainable low (input rounding, run time)": "Достижимый минимум (округление данных)",
    "Attainable high (input rounding, run time)": "Достижимый максимум (округление данных)", "Kind": "Вид",
    "Plausibility audits": "Проверки правдоподобия", "Audit": "Проверка", "Status": "Статус", "Finding": "Расхождение",
    "Stream": "Поток", "In/out": "Вход/выход", "From / to": "Откуда / куда", "Loaded": "Загружено",
    "Obtained": "Получено", "Imbalance (obtained - loaded)": "Невязка (получено − загружено)",
    "Relative imbalance": "Относительная невязка", "Batch scale to the chain feed": "Масштаб партии к сырью цепи",
    "Yield from the chain feed": "Выход от сырья цепи", "Yield from the stage's chain stream": "Выход от потока передела",
    "Incremental NPV": "Приростный ЧДД", "Incremental IRR": "Приростная ВНД", "Incremental payback": "Приростный срок окупаемости",
    "Incremental net cash flow": "Приростный чистый денежный поток",
    "Cumulative incremental cash flow": "Накопленный приростный денежный поток",
    "Payback reached within this year at": "Окупаемость в этом году на отметке", "Year": "Год",
    "in": "вход", "out": "выход", "fraction": "доля", "dimensionless": "безразмерная", "%": "%",
    "Findings: the figures that differ, grouped by cause (written at run time)":
        "Расхождения: отличающиеся показатели, сгруппированные по причинам (определены при расчёте)",
    "Material": "Существенно", "material": "существенное", "immaterial": "несущественное",
    "Figures it explains": "Объясняемые показатели", "Cause (written at run time)": "Причина (определена при расчёте)",
    "Finding (written at run time)": "Результат (определён при расчёте)",
    "none: every published figure agrees or holds, within its inputs' rounding":
        "нет: каждый опубликованный показатель совпадает или подтверждается с учётом округления исходных данных",
    "Published figures recomputed from the inputs, by finding; rows that are not published figures (derived, "
    "assumed, not tested) last": "Опубликованные показатели, пересчитанные по исходным данным, по расхождениям; "
                                 "строки, не являющиеся опубликованными показателями (производные, допущения, не "
                                 "проверяемые), — в конце",
    "Mass balance of each stage: every number a formula over the Inputs sheet (masses in the batch unit of the "
    "Streams sheet)": "Материальный баланс каждого передела: каждое число — формула над листом Inputs (массы в "
                      "единицах партии листа Streams)",
}

_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"^Year (\d+)$"), lambda m: f"Год {m.group(1)}"),
    (re.compile(r"^Input workbook: (.+) \(SHA-256 (\w+)\)$"), lambda m: f"Входная книга: {m.group(1)} (SHA-256 {m.group(2)})"),
    (re.compile(r"^Currency: (.+); price base year: (.+); econ (.+)$"),
     lambda m: f"Валюта: {m.group(1)}; базовый год цен: {m.group(2).replace('not stated', 'не указан')}; econ {m.group(3)}"),
    (re.compile(r"^Inputs of (.+): the base case's, except the ones the Alternatives sheet overrides \(bold\)$"),
     lambda m: f"Исходные данные варианта «{m.group(1)}»: базового варианта, кроме заданных на листе Alternatives "
               "(полужирный)"),
    (re.compile(r"^Mass \[(.+)\]$"), lambda m: f"Масса [{m.group(1)}]"),
    (re.compile(r"^(.+) through recovery$"), lambda m: f"{m.group(1)}: сквозное извлечение"),
    (re.compile(r"^(.+) per unit in the chain feed$"), lambda m: f"{m.group(1)} на единицу сырья цепи"),
    (re.compile(r"^(.+) content$"), lambda m: f"{m.group(1)}: содержание"),
    (re.compile(r"^(.+) distribution$"), lambda m: f"{m.group(1)}: распределение"),
    (re.compile(r"^Incremental case: (.+) minus (.+)$"), lambda m: f"Приростный вариант: {m.group(1)} минус {m.group(2)}"),
    (re.compile(r"^Audit figures of (.+)$"), lambda m: f"Показатели проверок: {m.group(1)}"),
    (re.compile(r"^overridden by (.+)$"), lambda m: f"задано вариантом «{m.group(1)}»"),
    (re.compile(r"^(.+): base case and alternatives$"), lambda m: f"{m.group(1)}: базовый вариант и альтернативы"),
    (re.compile(r"^(.+) \(sheets (.+)\)$"), lambda m: f"{m.group(1)} (листы {m.group(2)})"),
)


def text(text_id: str, lang: str = "en", **values: object) -> str:
    """One of the workbook's own texts in ``lang``, with ``values`` filled in."""
    english, russian = TEXTS[text_id]
    return (russian if lang == "ru" else english).format(**values)


class Translator:
    """English texts of the sheet writers -> the report's language; unknown texts pass unchanged."""

    def __init__(self, lang: str, table: dict[str, str] | None = None, reasons: dict[str, str] | None = None) -> None:
        self.lang = lang
        self.table = dict(table or {})
        self.reasons = dict(reasons or {})  # a metric's English reason for having no number -> its translation
        self.table.update(self.reasons)

    def formula(self, formula: str) -> str:
        """``formula`` with each text literal that is a metric's reason ("not reached within 15 years")
        in the report's language, so the formula gives the value cached with it."""
        for english, translated in self.reasons.items():
            formula = formula.replace(f'"{english}"', f'"{translated}"')
        return formula

    def cached(self, value: float | str) -> float | str:
        """A formula's cached value: a metric's reason translated, as :meth:`formula` makes the formula give it."""
        return self.reasons.get(value, value) if isinstance(value, str) else value

    def __call__(self, english: str) -> str:
        if self.lang == "en" or not english:
            return english
        found = self.table.get(english)
        if found is not None:
            return found
        for pattern, build in _PATTERNS:
            match = pattern.match(english)
            if match:
                return build(match)
        return english


def translator(evaluation: Evaluation, lang: str) -> Translator:
    """The translator of ``evaluation``'s workbook: its figures' labels and units, the headers, the notes."""
    if lang == "en":
        return Translator(lang)
    from econ.report.document import (  # as the PDF labels rows and parameters
        _parameter_label,
        _row_name,
    )

    plant = evaluation.plant
    table = dict(HEADERS)
    table[plant.name] = plant.text("name", lang)
    for key, parameter in plant.parameters.items():
        table.setdefault(parameter.label, _parameter_label(key, parameter.label, plant, lang))
    for name in ("timing", "npv", "payback", "tax", "months", "net_effect"):
        table[i18n.text(f"convention.{name}", "en")] = i18n.text(f"convention.{name}", lang)
    units: set[str] = {parameter.unit for parameter in plant.parameters.values()}
    for figure in evaluation.model.figures:
        units.add(figure.unit)
        try:
            row_name = _row_name(plant, figure.key)
            if i18n.figure_label(figure.key, "en", row_name) == figure.label:
                table.setdefault(figure.label, i18n.figure_label(figure.key, lang, row_name))
        except KeyError:  # a figure the translation table does not label: written as it is
            continue
        section = getattr(figure, "section", "")
        if section:
            table.setdefault(section, _section(section, lang))
    for unit in _units(units):
        table.setdefault(unit, i18n.unit(unit, lang))
    return Translator(lang, table, _reasons(evaluation, lang))


def _reasons(evaluation: Evaluation, lang: str) -> dict[str, str]:
    """The metrics' reasons for having no number (econ.model.metrics), English -> ``lang``."""
    from econ.model import metrics

    years = evaluation.model.years  # the alternatives share the base case's model, and so its years
    return {
        metrics.IRR_REASONS[metrics.IRR_NO_SIGN_CHANGE]: i18n.text("metric.no_sign_change", lang),
        metrics.IRR_REASONS[metrics.IRR_NO_ROOT]: i18n.text("metric.no_root", lang),
        metrics.PI_UNDEFINED_REASON: i18n.text("metric.pi_undefined", lang),
        metrics.PAYBACK_NO_INVESTMENT_REASON: i18n.text("metric.no_investment", lang),
        i18n.text("metric.not_reached", "en", years=years): i18n.text("metric.not_reached", lang, years=years),
    }


def _units(units: Iterable[str]) -> list[str]:
    return [unit for unit in units if unit and unit not in ("-", "fraction")]


def _section(section: str, lang: str) -> str:
    if section.startswith("Separation: "):  # a stage's own section: "Separation: Smelting"
        return ("Разделение: " if lang == "ru" else "Separation: ") + section.split(": ", 1)[1]
    return SECTIONS.get(section, (section, section))[1 if lang == "ru" else 0]


SECTIONS: dict[str, tuple[str, str]] = {  # the figures' sections (econ.model), as headings of the sheets
    "By-products": ("By-products", "Попутная продукция"), "Capacity": ("Capacity", "Производительность"),
    "Credits for returned intermediates (not counted as cash)": (
        "Credits for returned intermediates (not counted as cash)",
        "Зачёт оборотных промпродуктов (не денежный поток)"),
    "Depreciation": ("Depreciation", "Амортизация"), "Electrolysis": ("Electrolysis", "Электролиз"),
    "Equipment": ("Equipment", "Оборудование"), "Labour": ("Labour", "Оплата труда"), "Losses": ("Losses", "Потери"),
    "Losses through the chain": ("Losses through the chain", "Потери по технологической цепи"),
    "Maintenance": ("Maintenance", "Ремонт и обслуживание"), "Net effect": ("Net effect", "Чистый эффект"),
    "OPEX per month": ("OPEX per month", "Эксплуатационные затраты в месяц"),
    "Per tonne of chain feed": ("Per tonne of chain feed", "На тонну сырья цепи"),
    "Process energy": ("Process energy", "Технологическая энергия"),
    "Products sold": ("Products sold", "Товарная продукция"),
    "Products, savings and by-products": ("Products, savings and by-products", "Продукция, экономия и попутная продукция"),
    "Reagents and consumables": ("Reagents and consumables", "Реагенты и расходные материалы"),
    "Reagents and purchased feeds": ("Reagents and purchased feeds", "Реагенты и покупное сырьё"),
    "Revenue": ("Revenue", "Выручка"), "Schedule": ("Schedule", "Режим работы"),
    "Specific energy": ("Specific energy", "Удельный расход энергии"),
    "Streams at plant scale": ("Streams at plant scale", "Потоки в масштабе производства"),
    "Streams returned to other circuits": ("Streams returned to other circuits", "Потоки, возвращаемые в другие переделы"),
    "Through the chain": ("Through the chain", "По технологической цепи"), "Totals": ("Totals", "Итоги"),
}


def translate_sheet(sheet: object, translate: Translator) -> None:
    """Make ``sheet.write_string`` write each text through ``translate`` (a no-op in English)."""
    if translate.lang == "en":
        return
    write_string = sheet.write_string  # type: ignore[attr-defined]

    def translated(row: int, column: int, string: str, cell_format: object = None) -> int:
        return write_string(row, column, translate(string), cell_format)

    sheet.write_string = translated  # type: ignore[attr-defined]
