"""One translation table for every label a reader sees, in English and Russian.

Figures are labelled by key; a key with a row index (``equipment.0.power``) is
looked up by its pattern (``equipment.*.power``) and the row's name fills
``{name}``. Report texts, verdicts and audit findings are looked up by id and
filled with already formatted values.
"""

from __future__ import annotations

import re

LANGUAGES = ("en", "ru")

# figure key pattern -> (English, Russian)
FIGURES: dict[str, tuple[str, str]] = {
    "operating_hours_per_month": ("Operating hours per month", "Часы работы в месяц"),
    "operating_hours_per_year": ("Operating hours per year", "Часы работы в год"),
    "equipment.*.power": ("{name}: installed power", "{name}: установленная мощность"),
    "equipment.*.energy_per_month": ("{name}: energy per month", "{name}: электроэнергия в месяц"),
    "installed_power": ("Installed power", "Установленная мощность"),
    "energy_per_month": ("Electricity per month", "Электропотребление в месяц"),
    "energy_cost_per_month": ("Electricity cost per month", "Затраты на электроэнергию в месяц"),
    "specific_energy": ("Specific energy", "Удельный расход электроэнергии"),
    "staffing.*.cost_per_month": ("{name}: labour cost", "{name}: затраты на оплату труда"),
    "labour_cost_per_month": ("Labour with on-costs", "Оплата труда с начислениями"),
    "capital.*.depreciation_per_year": ("{name}: depreciation", "{name}: амортизация"),
    "capital_total": ("Capital investment", "Капитальные вложения"),
    "salvage_total": ("Salvage value at the end of the analysis", "Остаточная стоимость в конце периода"),
    "depreciation_per_year": ("Depreciation per year", "Амортизация в год"),
    "depreciation_per_month": ("Depreciation", "Амортизация"),
    "maintenance_per_year": ("Maintenance per year", "Техническое обслуживание в год"),
    "maintenance_per_month": ("Maintenance", "Техническое обслуживание"),
    "byproducts.*.mass_per_month": ("{name}: recovered", "{name}: извлечено"),
    "byproducts.*.revenue_per_month": ("{name}: revenue", "{name}: выручка"),
    "byproduct_mass_per_month": ("By-products recovered", "Извлечённые продукты"),
    "byproduct_revenue_per_month": ("By-product revenue", "Выручка от извлечённых продуктов"),
    "losses.*.amount_per_month": ("{name}: lost", "{name}: потери"),
    "losses.*.cost_per_month": ("{name}: replacement cost", "{name}: затраты на восполнение"),
    "loss_amount_per_month": ("Lost streams", "Потери"),
    "loss_cost_per_month": ("Cost of replacing losses", "Затраты на восполнение потерь"),
    "opex_energy": ("Electricity", "Электроэнергия"),
    "opex_labour": ("Labour with on-costs", "Оплата труда с начислениями"),
    "opex_depreciation": ("Depreciation", "Амортизация"),
    "opex_maintenance": ("Maintenance", "Техническое обслуживание"),
    "opex_per_month": ("OPEX total", "Эксплуатационные затраты, итого"),
    "specific_cost": ("Specific cost", "Удельные затраты"),
    "cash_opex_per_month": ("OPEX without depreciation (cash)", "Затраты без амортизации (денежные)"),
    "net_effect_per_month": ("Net effect per month", "Чистый эффект в месяц"),
    "net_effect_per_year": ("Net effect per year", "Чистый эффект в год"),
    "net_effect_over_life": ("Net effect over the service life", "Чистый эффект за срок службы"),
    "net_effect_over_life_to_capital": ("Net effect over the service life / capital",
                                        "Чистый эффект за срок службы / капитальные вложения"),
    "cf.year": ("Year", "Год"),
    "cf.revenue": ("Revenue", "Выручка"),
    "cf.operating_costs": ("Operating costs (cash, incl. losses)", "Эксплуатационные затраты (денежные, с потерями)"),
    "cf.depreciation": ("Depreciation (non-cash)", "Амортизация (неденежная)"),
    "cf.pre_tax_profit": ("Pre-tax profit", "Прибыль до налогообложения"),
    "cf.income_tax": ("Income tax", "Налог на прибыль"),
    "cf.depreciation_added_back": ("Depreciation added back", "Амортизация (возврат)"),
    "cf.investment": ("Investment", "Инвестиции"),
    "cf.salvage": ("Salvage value", "Остаточная стоимость"),
    "cf.net_cash_flow": ("Net cash flow", "Чистый денежный поток"),
    "cf.cumulative": ("Cumulative cash flow", "Накопленный денежный поток"),
    "cf.discount_factor": ("Discount factor", "Коэффициент дисконтирования"),
    "cf.discounted": ("Discounted cash flow", "Дисконтированный денежный поток"),
    "cf.cumulative_discounted": ("Cumulative discounted cash flow", "Накопленный дисконтированный поток"),
    "cf.payback_crossing": ("Payback reached within this year at", "Окупаемость достигается в этом году на"),
    "cf.discounted_payback_crossing": ("Discounted payback reached within this year at",
                                       "Дисконтированная окупаемость достигается в этом году на"),
    "npv": ("Net present value (NPV)", "Чистый дисконтированный доход (NPV)"),
    "irr": ("Internal rate of return (IRR)", "Внутренняя норма доходности (IRR)"),
    "payback": ("Simple payback", "Простой срок окупаемости"),
    "discounted_payback": ("Discounted payback", "Дисконтированный срок окупаемости"),
    "profitability_index": ("Profitability index (PI)", "Индекс доходности (PI)"),
    "audit.equipment.*.capacity_coverage": ("{name}: rated capacity over operating hours / throughput",
                                            "{name}: паспортная производительность за часы работы / расход"),
    "audit.equipment.*.specific_energy": ("{name}: specific energy at the stated throughput",
                                          "{name}: удельный расход энергии при заявленном расходе"),
    "audit.equipment.*.specific_energy_at_capacity": ("{name}: specific energy at its rated capacity",
                                                      "{name}: удельный расход энергии при паспортной производительности"),
    "audit.train.specific_energy": ("Items with a stated specific energy, together: implied",
                                    "Аппараты с заявленным удельным расходом, вместе: расчётный"),
    "audit.train.specific_energy_min": ("Items with a stated specific energy, together: stated minimum",
                                        "Аппараты с заявленным удельным расходом, вместе: заявленный минимум"),
    "audit.train.specific_energy_max": ("Items with a stated specific energy, together: stated maximum",
                                        "Аппараты с заявленным удельным расходом, вместе: заявленный максимум"),
    "audit.net_effect_without_byproducts": ("Net effect per month without by-product revenue",
                                            "Чистый эффект в месяц без выручки от продуктов"),
}

# text id -> (English, Russian); {placeholders} are filled with formatted values
TEXTS: dict[str, tuple[str, str]] = {
    # sections of the model and the workbook
    "section.Schedule": ("Schedule", "Режим работы"),
    "section.Equipment": ("Equipment", "Оборудование"),
    "section.Totals": ("Totals", "Итого"),
    "section.Labour": ("Labour", "Оплата труда"),
    "section.Depreciation": ("Depreciation", "Амортизация"),
    "section.Maintenance": ("Maintenance", "Техническое обслуживание"),
    "section.By-products": ("By-products", "Извлекаемые продукты"),
    "section.Losses": ("Losses", "Потери"),
    "section.OPEX per month": ("OPEX per month", "Эксплуатационные затраты в месяц"),
    "section.Net effect": ("Net effect", "Чистый эффект"),
    "section.Capacity": ("Capacity", "Производительность"),
    "section.Specific energy": ("Specific energy", "Удельный расход энергии"),
    "section.Revenue": ("Revenue", "Выручка"),
    # verdicts
    "verdict.agrees": ("agrees", "совпадает"),
    "verdict.differs": ("differs", "расходится"),
    "verdict.holds": ("holds", "подтверждается"),
    "verdict.does not hold": ("does not hold", "не подтверждается"),
    "status.ok": ("ok", "норма"),
    "status.warning": ("warning", "предупреждение"),
    # metrics that are not numbers
    "metric.no_sign_change": ("undefined: cash flow never changes sign",
                              "не определена: денежный поток не меняет знак"),
    "metric.no_root": ("undefined: no rate above -100 % makes NPV zero",
                       "не определена: ни одна ставка выше −100 % не обнуляет NPV"),
    "metric.multiple": ("several IRRs: {roots}", "несколько значений IRR: {roots}"),
    "metric.not_reached": ("not reached within {years} years", "не достигается за {years} лет"),
    "metric.pi_undefined": ("undefined: the year-0 flow is not an investment",
                            "не определён: поток года 0 не является инвестицией"),
    "unit.years": ("years", "лет"),
    # audit titles and findings
    "audit.capacity.title": ("{name}: capacity", "{name}: производительность"),
    "audit.capacity.ok": ("rated {capacity} {basis}/h × {hours} h/month = {monthly} {basis}/month covers the "
                          "throughput of {throughput} {basis}/month ({coverage})",
                          "паспортные {capacity} {basis}/ч × {hours} ч/мес = {monthly} {basis}/мес покрывают "
                          "расход {throughput} {basis}/мес ({coverage})"),
    "audit.capacity.warning": ("rated {capacity} {basis}/h × {hours} h/month = {monthly} {basis}/month covers only "
                               "{coverage} of the stated throughput of {throughput} {basis}/month; {needed} such "
                               "units, or {hourly} {basis}/h, would be needed",
                               "паспортные {capacity} {basis}/ч × {hours} ч/мес = {monthly} {basis}/мес покрывают "
                               "лишь {coverage} заявленного расхода {throughput} {basis}/мес; потребовалось бы "
                               "{needed} таких аппаратов, или {hourly} {basis}/ч"),
    "audit.specific_energy.title.throughput": ("{name}: specific energy at the stated throughput",
                                               "{name}: удельный расход энергии при заявленном расходе"),
    "audit.specific_energy.title.capacity": ("{name}: specific energy at its rated capacity",
                                             "{name}: удельный расход энергии при паспортной производительности"),
    "audit.specific_energy.where.throughput": ("at the stated throughput", "при заявленном расходе"),
    "audit.specific_energy.where.capacity": ("at its rated capacity", "при паспортной производительности"),
    "audit.specific_energy.ok": ("installed power implies {implied} {unit} {where}; the stated range is "
                                 "{low} to {high} {unit}",
                                 "установленная мощность даёт {implied} {unit} {where}; заявленный диапазон "
                                 "{low}–{high} {unit}"),
    "audit.specific_energy.below": ("installed power implies {implied} {unit} {where}; the stated range is "
                                    "{low} to {high} {unit} (below it)",
                                    "установленная мощность даёт {implied} {unit} {where}; заявленный диапазон "
                                    "{low}–{high} {unit} (ниже него)"),
    "audit.specific_energy.above": ("installed power implies {implied} {unit} {where}; the stated range is "
                                    "{low} to {high} {unit} (above it)",
                                    "установленная мощность даёт {implied} {unit} {where}; заявленный диапазон "
                                    "{low}–{high} {unit} (выше него)"),
    "audit.train.title": ("Items in series: specific energy", "Последовательные аппараты: удельный расход энергии"),
    "audit.train.ok": ("together the items with a stated specific energy draw {implied} {unit} at the stated "
                       "throughput; their stated ranges add up to {low} to {high} {unit}",
                       "вместе аппараты с заявленным удельным расходом потребляют {implied} {unit} при заявленном "
                       "расходе; сумма заявленных диапазонов {low}–{high} {unit}"),
    "audit.train.below": ("together the items with a stated specific energy draw {implied} {unit} at the stated "
                          "throughput; their stated ranges add up to {low} to {high} {unit} (below it)",
                          "вместе аппараты с заявленным удельным расходом потребляют {implied} {unit} при "
                          "заявленном расходе; сумма заявленных диапазонов {low}–{high} {unit} (ниже неё)"),
    "audit.train.above": ("together the items with a stated specific energy draw {implied} {unit} at the stated "
                          "throughput; their stated ranges add up to {low} to {high} {unit} (above it)",
                          "вместе аппараты с заявленным удельным расходом потребляют {implied} {unit} при "
                          "заявленном расходе; сумма заявленных диапазонов {low}–{high} {unit} (выше неё)"),
    "audit.byproducts.title": ("Dependence on by-product revenue", "Зависимость от выручки за продукты"),
    "audit.byproducts.warning": ("the net effect of {net} {cur}/month is positive only because of by-product "
                                 "revenue of {revenue} {cur}/month; without it the scheme costs {cost} {cur}/month, "
                                 "so the by-product price and its market carry the result",
                                 "чистый эффект {net} {cur}/мес положителен только благодаря выручке за продукты "
                                 "{revenue} {cur}/мес; без неё схема обходится в {cost} {cur}/мес, так что "
                                 "результат держится на цене продукта и его сбыте"),
    "audit.byproducts.ok": ("without by-product revenue the net effect would be {without} {cur}/month",
                            "без выручки за продукты чистый эффект составил бы {without} {cur}/мес"),
    "audit.claim.title": ("Claim: {figure}", "Утверждение: {figure}"),
    "audit.claim.holds": ("the text claims {quantity} {comparison} {published}; the inputs give {computed}, so "
                          "the claim holds",
                          "в тексте утверждается {quantity} {comparison} {published}; исходные данные дают "
                          "{computed}, утверждение подтверждается"),
    "audit.claim.fails": ("the text claims {quantity} {comparison} {published}; the inputs give {computed}, so "
                          "the claim does not hold",
                          "в тексте утверждается {quantity} {comparison} {published}; исходные данные дают "
                          "{computed}, утверждение не подтверждается"),
}

_UNIT_WORDS_RU = (
    (r"\bkWh\b", "кВт·ч"), (r"\bMWh\b", "МВт·ч"), (r"\bkW\b", "кВт"), (r"\bRUB\b", "руб."),
    (r"\bthousand\b", "тыс."), (r"\bmln\b", "млн"), (r"\bmonth\b", "мес"), (r"\byear\b", "год"),
    (r"\bday\b", "сут"), (r"\bh\b", "ч"), (r"\bkg\b", "кг"), (r"\bt\b", "т"), (r"\bm\^3\b", "м³"),
    (r"\bm\b", "м"), (r"\bfraction\b", "доля"),
)
_UNIT_WORDS_EN = ((r"\^3\b", "³"), (r"\^2\b", "²"))


def _pattern(key: str) -> str:
    return re.sub(r"\.\d+\.", ".*.", key)


def figure_label(key: str, lang: str = "en", name: str = "") -> str:
    """The label of a figure in ``lang``; rows fill ``{name}``. Unknown keys raise KeyError."""
    english, russian = FIGURES[_pattern(key)]
    return (russian if lang == "ru" else english).format(name=name)


def text(text_id: str, lang: str = "en", **values: object) -> str:
    """A report text in ``lang`` with ``values`` (already formatted) filled in."""
    english, russian = TEXTS[text_id]
    return (russian if lang == "ru" else english).format(**values)


def unit(unit_text: str, lang: str = "en") -> str:
    """A unit as a reader of ``lang`` writes it: ``RUB/m^3`` -> ``руб./м³`` or ``RUB/m³``."""
    result = unit_text
    if lang == "ru":
        for pattern, replacement in _UNIT_WORDS_RU:
            result = re.sub(pattern, replacement, result)
    for pattern, replacement in _UNIT_WORDS_EN:
        result = re.sub(pattern, replacement, result)
    return result
