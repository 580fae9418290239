"""One translation table for every label a reader sees, in English and Russian.

Figures are labelled by key; a key with a row index (``equipment.0.power``) is
looked up by its pattern (``equipment.*.power``) and the row's name fills
``{name}``. Report texts, verdicts and audit findings are looked up by id and
filled with already formatted values.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence

LANGUAGES = ("en", "ru")

# figure key pattern -> (English, Russian)
FIGURES: dict[str, tuple[str, str]] = {
    "operating_hours_per_month": ("Operating hours per month", "Часы работы в месяц"),
    "operating_hours_per_year": ("Operating hours per year", "Часы работы в год"),
    "equipment.*.power": ("{name}: installed power", "{name}: установленная мощность"),
    "equipment.*.energy_per_month": ("{name}: energy per month", "{name}: электроэнергия в месяц"),
    "electrolysis.*.specific_energy": ("{name}: specific DC energy of electrolysis",
                                       "{name}: удельный расход электроэнергии на электролиз (постоянный ток)"),
    "electrolysis.*.current": ("{name}: total cathodic current (all cells)",
                               "{name}: суммарный катодный ток (все ячейки)"),
    "electrolysis.*.cathode_area": ("{name}: cathode area", "{name}: площадь катодов"),
    "electrolysis.*.cells": ("{name}: cells (fractional, not rounded up)",
                             "{name}: число ячеек (дробное, без округления вверх)"),
    "electrolysis.*.cells_whole": ("{name}: cells, rounded up to whole cells",
                                   "{name}: число ячеек, округлённое вверх до целого"),
    "electrolysis.*.power": ("{name}: DC power of electrolysis", "{name}: мощность электролиза (постоянный ток)"),
    "electrolysis.*.energy_per_month": ("{name}: electrolysis energy per month",
                                        "{name}: электроэнергия на электролиз в месяц"),
    "electrolysis_energy_per_month": ("Electrolysis energy per month", "Электроэнергия на электролиз в месяц"),
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
    # the Products sheet (econ.model.products): a row's value is named by its kind; only money is totalled
    "products.*.quantity_per_month": ("{name}: quantity", "{name}: количество"),
    "products.*.sales_per_month": ("{name}: sales", "{name}: выручка от продажи"),
    "products.*.saving_per_month": ("{name}: saving", "{name}: экономия"),
    "products.*.byproduct_sales_per_month": ("{name}: by-product sales", "{name}: выручка от попутного продукта"),
    "product_sales_per_month": ("Product sales", "Выручка от продукции"),
    "savings_per_month": ("Savings", "Экономия затрат"),
    "byproduct_sales_total_per_month": ("By-product sales", "Выручка от попутных продуктов"),
    "products_value_per_month": ("Sales and savings, total", "Выручка и экономия, итого"),
    # the Reagents sheet (econ.model.reagents)
    "reagents.*.consumption_per_month": ("{name}: consumption", "{name}: расход"),
    "reagents.*.cost_per_month": ("{name}: cost", "{name}: затраты"),
    "reagents_cost_per_month": ("Reagents and consumables", "Реагенты и расходные материалы"),
    "losses.*.amount_per_month": ("{name}: lost", "{name}: потери"),
    "losses.*.cost_per_month": ("{name}: replacement cost", "{name}: затраты на восполнение"),
    "loss_amount_per_month": ("Lost streams", "Потери"),
    "loss_cost_per_month": ("Cost of replacing losses", "Затраты на восполнение потерь"),
    "opex_energy": ("Electricity", "Электроэнергия"),
    "opex_labour": ("Labour with on-costs", "Оплата труда с начислениями"),
    "opex_depreciation": ("Depreciation", "Амортизация"),
    "opex_maintenance": ("Maintenance", "Техническое обслуживание"),
    "opex_reagents": ("Reagents and purchased feeds", "Реагенты и покупное сырьё"),
    "opex_consumables": ("Reagents and consumables", "Реагенты и расходные материалы"),
    "opex_per_month": ("OPEX total", "Эксплуатационные затраты, итого"),
    # process chain (econ.model.chain): {name} is "Stage/stream", "Stage/stream (component)" or "Stage (component)"
    "balance.*.mass": ("{name}: mass", "{name}: масса"),
    "balance.*.*.mass": ("{name}: mass", "{name}: масса"),
    "balance.*.*.content": ("{name}: content", "{name}: содержание"),
    "balance.*.*.distribution": ("{name}: distribution in the stage", "{name}: распределение в переделе"),
    "balance.*.yield": ("{name}: yield from the chain feed", "{name}: выход от исходного сырья"),
    "balance.*.stage_yield": ("{name}: yield from the stage's chain stream",
                              "{name}: выход от основного питания передела"),
    "balance.*.*.recovery": ("{name}: through recovery from the chain feed",
                             "{name}: сквозное извлечение из исходного сырья"),
    "balance.*.*.feed_ratio": ("{name}: amount per unit in the chain feed (all feeds counted)",
                               "{name}: количество на единицу в исходном сырье (с учётом всех загрузок)"),
    "balance.*.rate": ("{name}: flow at plant scale", "{name}: поток в масштабе предприятия"),
    "balance.*.cost_per_month": ("{name}: cost", "{name}: затраты"),
    "stage.*.mass_loaded": ("{name}: loaded", "{name}: загружено"),
    "stage.*.mass_obtained": ("{name}: obtained", "{name}: получено"),
    "stage.*.mass_imbalance": ("{name}: imbalance (obtained - loaded)", "{name}: невязка (получено - загружено)"),
    "stage.*.mass_relative_imbalance": ("{name}: relative imbalance", "{name}: относительная невязка"),
    "stage.*.*.loaded": ("{name}: loaded", "{name}: загружено"),
    "stage.*.*.obtained": ("{name}: obtained", "{name}: получено"),
    "stage.*.*.imbalance": ("{name}: imbalance (obtained - loaded)", "{name}: невязка (получено - загружено)"),
    "stage.*.*.relative_imbalance": ("{name}: relative imbalance", "{name}: относительная невязка"),
    "stage.*.scale": ("{name}: batch scale to the chain feed", "{name}: масштаб навески к исходному сырью"),
    "stage.*.*.carried_in": ("{name}: share of the feed's amount loaded with the chain streams",
                             "{name}: доля исходного количества, загруженная с потоками цепи"),
    "stage.*.*.entropy": ("{name}: Shannon entropy of the distribution among products",
                          "{name}: энтропия Шеннона распределения по продуктам"),
    "stage.*.*.max_entropy": ("{name}: maximum entropy, log2(number of products)",
                              "{name}: максимальная энтропия, log2(число продуктов)"),
    "stage.*.*.information": ("{name}: information (maximum entropy - entropy)",
                              "{name}: информация (максимальная энтропия - энтропия)"),
    "stage.*.*.leaving": ("{name}: share of the feed's amount lost to waste here",
                          "{name}: доля исходного количества, теряемая в отвал здесь"),
    "stage.*.*.diverted": ("{name}: share of the feed's amount returned to other circuits here",
                           "{name}: доля исходного количества, возвращаемая в другие переделы здесь"),
    "stage.*.*.final_diverted_per_month": ("{name}: final product diverted", "{name}: конечный продукт, выведенный в оборот"),
    "stage.*.*.final_diverted_value": ("{name}: value of the final product diverted",
                                       "{name}: стоимость конечного продукта, выведенного в оборот"),
    "balance.*.*.downstream": ("{name}: share that reaches products sold in the stages after",
                               "{name}: доля, доходящая до товарной продукции последующих переделов"),
    "stage.*.*.downstream_recovery": ("{name}: recovery of the stages after this one",
                                      "{name}: извлечение последующих переделов"),
    "stage.*.*.final_lost_per_month": ("{name}: final product lost", "{name}: потеря конечного продукта"),
    "stage.*.*.final_lost_value": ("{name}: value of the final product lost",
                                   "{name}: стоимость потерянного конечного продукта"),
    "chain.*.feed_per_month": ("{name} in the chain feed", "{name} в исходном сырье"),
    "chain.*.recovery_sold": ("{name}: through recovery into products sold",
                              "{name}: сквозное извлечение в товарную продукцию"),
    "payables.*.value_per_month": ("{name}: payable value", "{name}: оплачиваемая стоимость"),
    "reagent_cost_per_tonne_feed": ("Reagents and purchased feeds per tonne of chain feed",
                                    "Реагенты и покупное сырьё на тонну исходного сырья"),
    "product_revenue_per_tonne_feed": ("Revenue from products sold per tonne of chain feed",
                                       "Выручка от товарной продукции на тонну исходного сырья"),
    "credit_per_tonne_feed": ("Credits for returned intermediates per tonne of chain feed (not counted as cash)",
                              "Зачёт оборотных промпродуктов на тонну исходного сырья (не денежный поток)"),
    "reagent_cost_per_month": ("Reagents and purchased feeds", "Реагенты и покупное сырьё"),
    "product_revenue_per_month": ("Revenue from products sold", "Выручка от товарной продукции"),
    "credit_per_month": ("Credit for returned intermediates, not counted as cash",
                         "Зачёт оборотных промпродуктов (не учитывается как денежный поток)"),
    "energy_use.*.specific_energy": ("{name}: specific energy", "{name}: удельный расход электроэнергии"),
    "energy_use.*.basis_per_month": ("{name}: amount the energy is counted on",
                                       "{name}: количество, на которое считается энергия"),
    "energy_use.*.energy_per_month": ("{name}: energy per month", "{name}: электроэнергия в месяц"),
    "energy_use.*.per_tonne_feed": ("{name}: per tonne of chain feed", "{name}: на тонну исходного сырья"),
    "chain_energy_per_month": ("Process energy counted in the plant's electricity",
                               "Технологическая электроэнергия, учтённая в электропотреблении"),
    "specific_cost": ("Specific cost", "Удельные затраты"),
    "cash_opex_per_month": ("OPEX without depreciation (cash)", "Затраты без амортизации (денежные)"),
    "net_effect_per_month": ("Net effect per month (pre-tax)", "Чистый эффект в месяц (до налога на прибыль)"),
    "net_effect_per_year": ("Net effect per year (pre-tax)", "Чистый эффект в год (до налога на прибыль)"),
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
    # the full DCF (issue 14): rows of the cash-flow table and metrics after it
    "cf.operating_year": ("Operating year", "Год эксплуатации"),
    "cf.capital_share": ("Share of the capital spent", "Доля капитальных затрат"),
    "cf.throughput_share": ("Share of the full throughput (ramp-up)", "Доля полной производительности (освоение)"),
    "cf.index.electricity": ("Escalation index: electricity", "Индекс роста цен: электроэнергия"),
    "cf.index.labour": ("Escalation index: labour", "Индекс роста цен: оплата труда"),
    "cf.index.reagents": ("Escalation index: reagents", "Индекс роста цен: реагенты"),
    "cf.index.maintenance": ("Escalation index: maintenance", "Индекс роста цен: обслуживание"),
    "cf.index.products": ("Escalation index: products", "Индекс роста цен: продукция"),
    "cf.index.replacements": ("Escalation index: replacements", "Индекс роста цен: замены"),
    "nominal_discount_rate": ("Nominal discount rate", "Номинальная ставка дисконтирования"),
    "real_discount_rate": ("Real discount rate", "Реальная ставка дисконтирования"),
    "cf.energy_cost": ("Electricity", "Электроэнергия"),
    "cf.labour_cost": ("Labour", "Оплата труда"),
    "cf.maintenance_cost": ("Maintenance", "Обслуживание"),
    "cf.reagent_cost": ("Reagents, consumables and losses", "Реагенты, расходные материалы и потери"),
    "cf.replacement.*.cost": ("Replacement: {name}", "Замена: {name}"),
    "cf.replacement.*.depreciation": ("Depreciation of the replacements: {name}", "Амортизация замен: {name}"),
    "cf.replacement.*.book_value": ("Book value of the replacements: {name}", "Остаточная стоимость замен: {name}"),
    "cf.replacements_expensed": ("Replacements (expensed)", "Замены (в затратах)"),
    "cf.replacements_capitalised": ("Replacements (capitalised)", "Замены (капитализируемые)"),
    "cf.capital.*.depreciation": ("Depreciation: {name}", "Амортизация: {name}"),
    "cf.capital.*.book_value": ("Book value: {name}", "Остаточная стоимость: {name}"),
    "cf.book_value": ("Book value of the assets (end of year)", "Остаточная стоимость активов (на конец года)"),
    "cf.property_tax": ("Property tax", "Налог на имущество"),
    "cf.loss_used": ("Carried losses offset", "Перенесённый убыток, учтённый в году"),
    "cf.losses_carried": ("Losses carried forward (end of year)", "Убытки к переносу (на конец года)"),
    "cf.taxable_profit": ("Taxable profit", "Налоговая база"),
    "cf.working_capital": ("Working capital (balance)", "Оборотный капитал (остаток)"),
    "cf.working_capital_change": ("Working capital built up (-) or released (+)",
                                  "Прирост (-) или высвобождение (+) оборотного капитала"),
    "cf.working_capital_release": ("Working capital released at the end", "Высвобождение оборотного капитала в конце"),
    "loan_amount": ("Loan", "Кредит"),
    "cf.loan_draw": ("Loan drawn", "Получение кредита"),
    "cf.loan_opening_balance": ("Loan balance (start of year)", "Остаток долга (на начало года)"),
    "cf.loan_interest": ("Interest", "Проценты по кредиту"),
    "cf.loan_principal": ("Principal repaid", "Погашение основного долга"),
    "cf.loan_closing_balance": ("Loan balance (end of year)", "Остаток долга (на конец года)"),
    "cf.debt_service": ("Debt service (interest and principal)", "Обслуживание долга (проценты и погашение)"),
    "cf.equity.pre_tax_profit": ("Equity view: pre-tax profit after interest",
                                 "Собственный капитал: прибыль до налогообложения после процентов"),
    "cf.equity.loss_used": ("Equity view: carried losses offset", "Собственный капитал: учтённый перенесённый убыток"),
    "cf.equity.losses_carried": ("Equity view: losses carried forward", "Собственный капитал: убытки к переносу"),
    "cf.equity.taxable_profit": ("Equity view: taxable profit", "Собственный капитал: налоговая база"),
    "cf.equity.income_tax": ("Equity view: income tax", "Собственный капитал: налог на прибыль"),
    "cf.equity_flow": ("Equity (levered) cash flow", "Денежный поток собственного капитала"),
    "cf.cfads": ("Cash flow available for debt service (CFADS)",
                 "Денежный поток, доступный для обслуживания долга (CFADS)"),
    "cf.dscr": ("Debt service coverage ratio (DSCR)", "Коэффициент покрытия долга (DSCR)"),
    "equity_npv": ("Equity NPV", "NPV собственного капитала"),
    "equity_irr": ("Equity IRR", "IRR собственного капитала"),
    "min_dscr": ("Minimum DSCR", "Минимальный DSCR"),
    "residual_book_value": ("Residual book value at the end of the horizon",
                            "Остаточная балансовая стоимость в конце горизонта"),
    "levelized_price": ("Levelized price of {name} (base-year money)",
                        "Приведённая цена: {name} (в ценах базового года)"),
    "lc.quantity": ("At the levelized price: quantity of the main product x escalation index",
                    "При приведённой цене: количество основного продукта x индекс цен"),
    "lc.main_revenue": ("At the levelized price: revenue of the main product",
                        "При приведённой цене: выручка основного продукта"),
    "lc.other_revenue": ("At the levelized price: other revenue", "При приведённой цене: прочая выручка"),
    "lc.revenue": ("At the levelized price: revenue", "При приведённой цене: выручка"),
    "lc.working_capital": ("At the levelized price: working capital", "При приведённой цене: оборотный капитал"),
    "lc.working_capital_change": ("At the levelized price: working capital built up or released",
                                  "При приведённой цене: прирост или высвобождение оборотного капитала"),
    "lc.working_capital_release": ("At the levelized price: working capital released at the end",
                                   "При приведённой цене: высвобождение оборотного капитала в конце"),
    "lc.pre_tax_profit": ("At the levelized price: pre-tax profit", "При приведённой цене: прибыль до налогообложения"),
    "lc.loss_used": ("At the levelized price: carried losses offset",
                     "При приведённой цене: учтённый перенесённый убыток"),
    "lc.losses_carried": ("At the levelized price: losses carried forward",
                          "При приведённой цене: убытки к переносу"),
    "lc.taxable_profit": ("At the levelized price: taxable profit", "При приведённой цене: налоговая база"),
    "lc.income_tax": ("At the levelized price: income tax", "При приведённой цене: налог на прибыль"),
    "lc.net_cash_flow": ("At the levelized price: project cash flow", "При приведённой цене: денежный поток проекта"),
    "lc.npv": ("NPV at the levelized price (0 by definition)", "NPV при приведённой цене (по определению 0)"),
    "lc.quantity_pv": ("Present value of the main product's escalated quantity",
                       "Приведённое количество основного продукта с индексом цен"),
    "levelized.other_revenue": ("Levelized price: other revenue", "Приведённая цена: прочая выручка"),
    "levelized.energy_cost": ("Levelized price: electricity", "Приведённая цена: электроэнергия"),
    "levelized.labour_cost": ("Levelized price: labour", "Приведённая цена: оплата труда"),
    "levelized.maintenance_cost": ("Levelized price: maintenance", "Приведённая цена: обслуживание"),
    "levelized.reagent_cost": ("Levelized price: reagents, consumables and losses",
                               "Приведённая цена: реагенты, расходные материалы и потери"),
    "levelized.replacements_expensed": ("Levelized price: replacements (expensed)",
                                        "Приведённая цена: замены (в затратах)"),
    "levelized.replacements_capitalised": ("Levelized price: replacements (capitalised)",
                                           "Приведённая цена: замены (капитализируемые)"),
    "levelized.property_tax": ("Levelized price: property tax", "Приведённая цена: налог на имущество"),
    "levelized.investment": ("Levelized price: investment", "Приведённая цена: инвестиции"),
    "levelized.salvage": ("Levelized price: salvage value", "Приведённая цена: ликвидационная стоимость"),
    "levelized.income_tax": ("Levelized price: income tax", "Приведённая цена: налог на прибыль"),
    "levelized.working_capital_change": ("Levelized price: working capital", "Приведённая цена: оборотный капитал"),
    "levelized.working_capital_release": ("Levelized price: working capital released",
                                          "Приведённая цена: высвобождение оборотного капитала"),
    "levelized.total": ("Levelized price: sum of the parts", "Приведённая цена: сумма составляющих"),
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
    "audit.electrolysis.*.implied_current_efficiency": (
        "{name}: current efficiency implied by the quoted specific energy",
        "{name}: выход по току, следующий из приведённого удельного расхода энергии"),
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
    "section.Electrolysis": ("Electrolysis", "Электролиз"),
    # verdicts
    "verdict.agrees": ("agrees", "совпадает"),
    "verdict.differs": ("differs", "расходится"),
    "verdict.holds": ("holds", "подтверждается"),
    "verdict.does not hold": ("does not hold", "не подтверждается"),
    "verdict.agrees within input rounding": ("agrees within input rounding", "совпадает в пределах округления данных"),
    "verdict.holds within input rounding": ("holds within input rounding", "подтверждается в пределах округления данных"),
    "verdict.not tested": ("not tested", "не проверяется"),
    # findings: differing figures grouped by cause (econ.checks.findings)
    "finding.input": (
        "{count} {count:~figure traces|figures trace} back to {input} ({where}): entered {entered} {unit}, "
        "{count:~the figure implies|the figures imply} {implied} {unit}",
        "{count} {count:~значение восходит|значения восходят|значений восходят} к величине «{input}» ({where}): "
        "в книге {entered} {unit}, {count:~значение требует|значения требуют|значения требуют} {implied} {unit}"),
    "report.checks.other": ("Published figures that agree or hold", "Опубликованные значения, которые совпадают или подтверждаются"),
    "report.checks.apart": ("Rows that are not published figures (derived, assumed) or not tested",
                            "Строки, которые не являются опубликованными значениями (производные, допущения) или не проверяются"),
    "report.checks.kind.derived": ("derived", "производное"),
    "report.checks.kind.assumed": ("assumed", "допущение"),
    "report.checks.kind.published": ("published", "опубликовано"),
    "finding.total": ("; {figure} is a total that is not the sum of its parts ({parts})",
                      "; {figure} — итог, который не равен сумме своих частей ({parts})"),
    "finding.total.matches": (
        "; {figure} is a total that is not the sum of its parts ({parts}): the published figure is {other} "
        "({value})",
        "; {figure} — итог, который не равен сумме своих частей ({parts}): опубликовано значение {other} "
        "({value})"),
    "finding.form": (
        "{count} {count:~figure follows|figures follow} when “{key}” is taken in its other form, “{other}” (the "
        "quantity is then {value}): the source states it in two forms, and the one printed here does not follow",
        "{count} {count:~значение следует|значения следуют|значений следуют} из данных, если вместо «{key}» "
        "взять другую форму той же величины, «{other}» (тогда {value}): источник даёт величину в двух формах, и "
        "напечатанная здесь не следует из данных"),
    "finding.stated.inside": (", within the range the workbook states for it, {low} to {high} {unit}",
                               ", в пределах указанного в книге диапазона {low}–{high} {unit}"),
    "finding.stated.outside": (", outside the range the workbook states for it, {low} to {high} {unit}",
                                ", вне указанного в книге диапазона {low}–{high} {unit}"),
    "finding.swap": ("two published figures exchanged: each of {figures} matches the other's computed value",
                     "два опубликованных значения переставлены: каждое из {figures} совпадает с расчётным "
                     "значением другого"),
    "finding.twin": (
        "{count} {count:~row states|rows state} a figure that another row of the same source reproduces: the "
        "source gives the quantity in two forms, and this form does not follow",
        "{count} {count:~строка приводит|строки приводят|строк приводят} значение, которое воспроизводит другая "
        "строка того же источника: источник даёт величину в двух формах, и эта форма не следует из данных"),
    "finding.unit": ("a unit slip: the published figure is the computed one times {factor}",
                     "ошибка в единицах: опубликованное значение равно расчётному, умноженному на {factor}"),
    "finding.none": ("no single input, swap or unit slip explains it",
                     "ни одно входное значение, перестановка или ошибка в единицах этого не объясняет"),
    "status.ok": ("ok", "норма"),
    "status.warning": ("warning", "предупреждение"),
    # metrics that are not numbers
    "metric.no_sign_change": ("undefined: cash flow never changes sign",
                              "не определена: денежный поток не меняет знак"),
    "metric.no_root": ("undefined: no rate above -100 % makes NPV zero",
                       "не определена: ни одна ставка выше −100 % не обнуляет NPV"),
    "metric.multiple": ("several IRRs: {roots}", "несколько значений IRR: {roots}"),
    "metric.not_reached": ("not reached within {years} {years:~year|years}",
                           "не достигается за {years} {years:~год|года|лет}"),
    "metric.no_investment": ("undefined: the cumulative cash flow is never negative, so there is nothing to pay back",
                             "не определён: накопленный денежный поток не бывает отрицательным, окупать нечего"),
    "metric.pi_undefined": ("undefined: the year-0 flow is not an investment",
                            "не определён: поток года 0 не является инвестицией"),
    "unit.years": ("years", "года"),
    "unit.year_count": ("{count:~year|years}", "{count:~год|года|лет}"),  # after a count: "10 years", "10 лет"  # paybacks are shown with decimals: "3,15 года"
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
    "audit.electrolysis.title": ("{name}: current efficiency implied by the quoted specific energy",
                                 "{name}: выход по току, следующий из приведённого удельного расхода энергии"),
    "audit.electrolysis.ok": ("at {voltage} V, {valence} electrons per atom and {molar_mass} g/mol, the quoted "
                              "{quoted} {unit} implies a current efficiency of {implied}, within {tolerance} "
                              "{tolerance:~percentage point|percentage points} of the stated {stated}",
                              "при {voltage} В, {valence} электронах на атом и {molar_mass} г/моль приведённые "
                              "{quoted} {unit} означают выход по току {implied}, в пределах {tolerance} "
                              "{tolerance:~процентного пункта|процентных пунктов|процентных пунктов|процентного пункта} "
                              "от заявленного {stated}"),
    "audit.electrolysis.impossible": ("at {voltage} V, {valence} electrons per atom and {molar_mass} g/mol, the "
                                      "quoted {quoted} {unit} implies a current efficiency of {implied}, above "
                                      "100 %, which is impossible: even at 100 % the cell needs {minimum} {unit} at "
                                      "this voltage, so the quoted figure is below that minimum or the voltage is "
                                      "not the one it was measured at; the stated current efficiency is {stated}",
                                      "при {voltage} В, {valence} электронах на атом и {molar_mass} г/моль "
                                      "приведённые {quoted} {unit} означают выход по току {implied}, выше 100 %, "
                                      "что невозможно: даже при 100 % ячейке нужно {minimum} {unit} при этом "
                                      "напряжении, так что приведённое значение ниже этого минимума или "
                                      "напряжение не то, при котором оно получено; заявленный выход по току "
                                      "{stated}"),
    "audit.electrolysis.above": ("at {voltage} V, {valence} electrons per atom and {molar_mass} g/mol, the quoted "
                                 "{quoted} {unit} implies a current efficiency of {implied}, not the stated "
                                 "{stated} ({gap} {gap:~percentage point|percentage points} apart): at the stated efficiency the "
                                 "cells' DC "
                                 "energy is {computed} {unit}, so the quoted figure likely includes more than the "
                                 "cells' DC energy (rectifier and auxiliaries, the whole plant, or another metal "
                                 "or process)",
                                 "при {voltage} В, {valence} электронах на атом и {molar_mass} г/моль приведённые "
                                 "{quoted} {unit} означают выход по току {implied}, а не заявленный {stated} "
                                 "(разница {gap} {gap:~процентный пункт|процентных пункта|процентных пунктов|процентного пункта}): "
                                 "при заявленном выходе по току расход "
                                 "энергии постоянного тока в ячейках {computed} {unit}, так что приведённое "
                                 "значение, вероятно, включает не только его (выпрямители и вспомогательное "
                                 "оборудование, всё производство, другой металл или процесс)"),
    "audit.electrolysis.below": ("at {voltage} V, {valence} electrons per atom and {molar_mass} g/mol, the quoted "
                                 "{quoted} {unit} implies a current efficiency of {implied}, not the stated "
                                 "{stated} ({gap} {gap:~percentage point|percentage points} apart): at the stated efficiency the "
                                 "cells' DC "
                                 "energy is {computed} {unit}, more than the quoted figure, so the voltage or the "
                                 "stated efficiency does not go with it",
                                 "при {voltage} В, {valence} электронах на атом и {molar_mass} г/моль приведённые "
                                 "{quoted} {unit} означают выход по току {implied}, а не заявленный {stated} "
                                 "(разница {gap} {gap:~процентный пункт|процентных пункта|процентных пунктов|процентного пункта}): "
                                 "при заявленном выходе по току расход "
                                 "энергии постоянного тока в ячейках {computed} {unit}, больше приведённого, так "
                                 "что напряжение или заявленный выход по току с ним не согласуются"),
    "audit.closure.title": ("{stage}: balance of {component}", "{stage}: баланс {component}"),
    "audit.closure.ok": ("loaded {loaded} {unit}, obtained {obtained} {unit}: closes within {tolerance} "
                         "(imbalance {relative})",
                         "загружено {loaded} {unit}, получено {obtained} {unit}: баланс сходится в пределах "
                         "{tolerance} (невязка {relative})"),
    "audit.closure.excess": ("loaded {loaded} {unit}, obtained {obtained} {unit}: the balance does not close, the "
                             "products hold {excess} {unit} ({share}) more than was loaded",
                             "загружено {loaded} {unit}, получено {obtained} {unit}: баланс не сходится, в "
                             "продуктах на {excess} {unit} ({share}) больше, чем загружено"),
    "audit.closure.excess_cause": (
        "loaded {loaded} {unit}, obtained {obtained} {unit}: the stage passes on {excess} {unit} ({share}) more than "
        "it received. The printed figure that causes it: {stream}'s {component}, {printed} {unit}; the source's own "
        "{reference} ({published}) gives {implied} {unit}, with which the stage obtains {corrected} {unit} "
        "({contradicting} published {contradicting:~figure|figures} of the stream contradict the printed amount)",
        "загружено {loaded} {unit}, получено {obtained} {unit}: передел отдаёт на {excess} {unit} ({share}) больше, "
        "чем получил. Причина — напечатанное значение {component} в «{stream}»: {printed} {unit}; собственное "
        "значение источника {reference} ({published}) даёт {implied} {unit}, и тогда передел получает {corrected} "
        "{unit} ({contradicting} {contradicting:~опубликованное значение|опубликованных значения|опубликованных "
        "значений} этого продукта противоречат напечатанному количеству)"),
    "audit.closure.deficit": ("loaded {loaded} {unit}, obtained {obtained} {unit}: the balance does not close, "
                              "{excess} {unit} ({share}) of what was loaded is missing from the products",
                              "загружено {loaded} {unit}, получено {obtained} {unit}: баланс не сходится, "
                              "{excess} {unit} ({share}) загруженного не найдено в продуктах"),
    "audit.closure.undefined": ("the balance is undefined: the amount of {component} is not given for {streams}",
                                "баланс не определён: не задано количество {component} для: {streams}"),
    "audit.link.title": ("{stage}: {stream} as loaded against {product}",
                         "{stage}: {stream} при загрузке и {product}"),
    "audit.link.same": ("the stage's batch ({mass} {unit}, {product_mass} {unit} obtained before) has the earlier "
                        "product's contents",
                        "навеска передела ({mass} {unit}, получено ранее {product_mass} {unit}) имеет содержания "
                        "предыдущего продукта"),
    "audit.link.ok": ("contents as loaded / as obtained before: {differences}; the largest difference, {worst}, is "
                      "within {tolerance}",
                      "содержания при загрузке / в полученном ранее продукте: {differences}; наибольшее "
                      "расхождение {worst} в пределах {tolerance}"),
    "audit.link.warning": ("contents as loaded / as obtained before: {differences}; the largest difference, {worst}, "
                           "exceeds {tolerance}: the stage's batch is not the earlier product",
                           "содержания при загрузке / в полученном ранее продукте: {differences}; наибольшее "
                           "расхождение {worst} больше {tolerance}: навеска передела не совпадает с продуктом "
                           "предыдущего"),
    "audit.closure.none": ("nothing loaded and nothing obtained", "не загружается и не получается"),
    "audit.closure.from_nothing": ("nothing loaded, yet the products hold {obtained} {unit}",
                                   "не загружается, но в продуктах {obtained} {unit}"),
    "audit.mass_closure.title": ("{stage}: mass balance", "{stage}: баланс масс"),
    "audit.mass_closure.ok": ("loaded {loaded} {unit}, obtained {obtained} {unit}: closes within {tolerance} "
                              "(imbalance {relative})",
                              "загружено {loaded} {unit}, получено {obtained} {unit}: сходится в пределах "
                              "{tolerance} (невязка {relative})"),
    "audit.mass_closure.warning": ("loaded {loaded} {unit}, obtained {obtained} {unit}: imbalance {relative}; the "
                                   "streams do not account for the whole mass (fluxes, gases or moisture left out, "
                                   "or a slip in the masses)",
                                   "загружено {loaded} {unit}, получено {obtained} {unit}: невязка {relative}; "
                                   "потоки не охватывают всю массу (флюсы, газы или влага не учтены либо ошибка в "
                                   "массах)"),
    "audit.contents.title": ("{stage}: contents of {stream}", "{stage}: содержания в {stream}"),
    "audit.contents.warning": ("a content is outside 0-100 % or the contents sum to {total}",
                               "содержание вне 0-100 % или сумма содержаний {total}"),
    "audit.unpriced.title": ("{stage}: price of {stream}", "{stage}: цена {stream}"),
    "audit.unpriced.warning": ("the stream is purchased but has no price: it is not costed",
                               "поток закупается, но цена не задана: затраты на него не учтены"),
    "audit.remainder.title": ("{stage}: {stream} as the remainder", "{stage}: {stream} как остаток"),
    "audit.remainder.ok": ("what the other products leave: {mass} {unit}", "остаток после других продуктов: "
                           "{mass} {unit}"),
    "audit.remainder.warning": ("the other products take more than the stage loads: {amounts} {unit}",
                                "другие продукты превышают загрузку передела: {amounts} {unit}"),
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
    "audit.claim.holds": ("the text claims {comparison} {published}; the inputs give {computed}, so the claim holds",
                          "в тексте утверждается: {comparison} {published}; исходные данные дают {computed}, "
                          "утверждение подтверждается"),
    "audit.claim.fails": ("the text claims {comparison} {published}; the inputs give {computed}, so the claim "
                          "does not hold",
                          "в тексте утверждается: {comparison} {published}; исходные данные дают {computed}, "
                          "утверждение не подтверждается"),
    "audit.claim.more": ("more than", "больше"),
    "audit.claim.less": ("less than", "меньше"),
    "audit.claim.within": ("within", "в пределах"),
    # conventions, stated in the workbook and the report
    "convention.timing": ("Year 0 is the investment; operating flows fall at the end of years 1..N; inflows are "
                          "positive, outflows negative.",
                          "Год 0 — инвестиции; операционные потоки приходятся на конец лет 1..N; притоки "
                          "положительны, оттоки отрицательны."),
    "convention.npv": ("NPV = CF0 + NPV(rate, CF1:CFN): Excel's NPV() discounts its first argument, so year 0 is "
                       "added outside it and is not discounted.",
                       "NPV = CF0 + NPV(ставка; CF1:CFN): функция NPV() Excel дисконтирует первый аргумент, поэтому "
                       "год 0 прибавляется отдельно и не дисконтируется."),
    "convention.payback": ("Payback is the first year in which the cumulative flow, having been negative, is "
                           "no longer negative, interpolated linearly within that year; without a negative "
                           "cumulative flow there is nothing to pay back and it is undefined.",
                           "Срок окупаемости — первый год, в котором накопленный поток, бывший отрицательным, "
                           "перестаёт быть отрицательным, с линейной интерполяцией внутри года; если накопленный "
                           "поток никогда не отрицателен, окупать нечего и срок не определён."),
    "convention.tax": ("Income tax applies to positive pre-tax profit only (no loss carry-forward); depreciation "
                       "is deducted for tax and added back as a non-cash cost.",
                       "Налог на прибыль начисляется только на положительную прибыль (без переноса убытков); "
                       "амортизация уменьшает налогооблагаемую прибыль и возвращается в поток как неденежный "
                       "расход."),
    "convention.months": ("Monthly figures are per operating month of the schedule; annual figures are monthly "
                          "ones times the operating months per year.",
                          "Месячные показатели относятся к рабочему месяцу графика; годовые равны месячным, "
                          "умноженным на число рабочих месяцев в году."),
    "convention.prices": ("Prices are constant at the base year (real terms); the discount rate is real.",
                          "Цены постоянны на уровне базового года (в реальном выражении); ставка "
                          "дисконтирования реальная."),
    "convention.net_effect": ("Net effect = revenue - OPEX - cost of replacing losses, before income "
                              "tax, with depreciation inside OPEX.",
                              "Чистый эффект = выручка от продуктов − эксплуатационные затраты − затраты на "
                              "восполнение потерь, до налога на прибыль, с амортизацией в составе затрат."),
    # conventions of the full DCF (econ.report.dcf_tables)
    "convention.dcf_timing": (
        "Years 0..C-1 are construction, in which the capital is spent by the Timeline's shares; operation runs in "
        "years C..C+N-1, N being the service life; flows fall at the end of each year; inflows are positive, "
        "outflows negative. The ramp-up share scales revenue, energy, reagents and losses; labour and maintenance "
        "are fixed.",
        "Годы 0..C-1 — строительство, капитальные затраты распределены по долям листа Timeline; эксплуатация — годы "
        "C..C+N-1, N — срок службы; потоки приходятся на конец года; притоки положительны, оттоки отрицательны. "
        "Доля освоения мощности умножает выручку, электроэнергию, реагенты и потери; оплата труда и обслуживание "
        "постоянны."),
    "convention.dcf_prices_nominal": (
        "Prices are entered in base-year (year 0) money; a price escalating at rate e is price x (1 + e)^t in year "
        "t, so the cash flow is in nominal money. The discount rate is nominal; the real rate follows from the "
        "Fisher equation, (1 + nominal) = (1 + real)(1 + inflation).",
        "Цены заданы в ценах базового года (год 0); цена с ростом e в год t равна цене x (1 + e)^t, поэтому поток "
        "в номинальном выражении. Ставка дисконтирования номинальная; реальная следует из уравнения Фишера: "
        "(1 + номинальная) = (1 + реальная)(1 + инфляция)."),
    "convention.dcf_prices_real": (
        "Prices are entered in base-year (year 0) money; a price escalating at rate e is price x (1 + e)^t in year "
        "t, so the cash flow is in nominal money. The discount rate entered is real; the flows are discounted at "
        "the nominal rate of the Fisher equation, (1 + nominal) = (1 + real)(1 + inflation).",
        "Цены заданы в ценах базового года (год 0); цена с ростом e в год t равна цене x (1 + e)^t, поэтому поток "
        "в номинальном выражении. Заданная ставка реальная; потоки дисконтируются по номинальной ставке из "
        "уравнения Фишера: (1 + номинальная) = (1 + реальная)(1 + инфляция)."),
    "convention.dcf_tax": (
        "Income tax = rate x taxable profit: pre-tax profit (revenue - cash costs - expensed replacements - "
        "property tax - depreciation) less the losses carried forward it may offset (up to the stated share of a "
        "year's positive base); losses carry forward without time limit. The equity view deducts the interest "
        "first. Property tax is charged on the average of the opening and closing book values of each year.",
        "Налог на прибыль = ставка x налоговая база: прибыль до налогообложения (выручка − денежные затраты − "
        "замены в затратах − налог на имущество − амортизация) за вычетом перенесённых убытков (не более "
        "указанной доли положительной базы года); убытки переносятся без ограничения срока. Для собственного "
        "капитала проценты вычитаются из базы. Налог на имущество — от средней за год остаточной стоимости."),
    "convention.vat": ("VAT is excluded: prices and costs are net of VAT.",
                       "НДС не учитывается: цены и затраты указаны без НДС."),
    "convention.dcf_depreciation": (
        "Depreciation runs on historical cost from the first operating year, by each capital item's method "
        "(straight-line, declining balance with a switch to straight-line, sum-of-years-digits, MACRS of IRS "
        "Publication 946, or the nonlinear method of the Russian Tax Code, art. 259.2). A life longer than the "
        "horizon leaves the residual book value stated, which is not a cash flow.",
        "Амортизация начисляется от первоначальной стоимости с первого года эксплуатации по методу каждого объекта "
        "(линейный, уменьшаемого остатка с переходом на линейный, по сумме чисел лет, MACRS по IRS Publication "
        "946 или нелинейный метод ст. 259.2 НК РФ). Остаточная стоимость на конец горизонта указывается и не "
        "является денежным потоком."),
    "convention.dcf_working_capital": (
        "Working capital is built up as revenue grows (its increase is an outflow) and released in full at the "
        "end of the last year.",
        "Оборотный капитал наращивается с ростом выручки (прирост — отток) и полностью высвобождается в конце "
        "последнего года."),
    "convention.dcf_debt": (
        "The loan is drawn with the capital spend; interest on the opening balance is paid in cash and is "
        "tax-deductible. The project (unlevered) flow excludes the loan; the equity (levered) flow adds draws and "
        "subtracts interest and principal, with the tax of the equity view. DSCR = CFADS / (interest + "
        "principal) in the years with a debt service.",
        "Кредит выбирается вместе с капитальными затратами; проценты на остаток на начало года уплачиваются "
        "деньгами и уменьшают налоговую базу. Поток проекта не включает кредит; поток собственного капитала "
        "прибавляет получение кредита и вычитает проценты и погашение, с налогом собственного капитала. "
        "DSCR = CFADS / (проценты + погашение) в годы обслуживания долга."),
    "convention.dcf_levelized": (
        "The levelized price is the base-year price of the main product, escalating like the other products, at "
        "which the project NPV is zero; econ solves it, and the workbook recomputes the flows at it. Its parts "
        "are each line's -PV divided by the present value of the escalated quantity.",
        "Приведённая цена — цена основного продукта в ценах базового года (с тем же ростом, что и у другой "
        "продукции), при которой NPV проекта равен нулю; её находит расчёт, а книга пересчитывает потоки при ней. "
        "Составляющие — приведённая стоимость каждой статьи (со знаком минус), делённая на приведённое "
        "количество продукта."),
    "report.dcf.nominal_rate": ("Nominal discount rate", "Номинальная ставка дисконтирования"),
    "report.dcf.real_rate": ("Real discount rate", "Реальная ставка дисконтирования"),
    "report.dcf.inflation": ("General inflation", "Общая инфляция"),
    "report.dcf.no_debt_service": ("undefined: no year has a debt service", "не определён: нет лет обслуживания долга"),
    # input fields and sheets
    "field.base_year": ('Price base year', 'Базовый год цен'),
    "field.service_life": ('Service life (analysis horizon)', 'Срок службы (горизонт расчёта)'),
    "field.discount_rate": ('Discount rate', 'Ставка дисконтирования'),
    "field.income_tax_rate": ('Income tax rate', 'Ставка налога на прибыль'),
    "field.hours_per_day": ('Operating hours per day', 'Часов работы в сутки'),
    "field.days_per_month": ('Operating days per month', 'Рабочих дней в месяц'),
    "field.months_per_year": ('Operating months per year', 'Рабочих месяцев в году'),
    "field.throughput": ('Throughput', 'Объём переработки'),
    "field.electricity_price": ('Electricity tariff', 'Тариф на электроэнергию'),
    "field.water_price": ('Water price', 'Стоимость воды'),
    "field.quantity": ('quantity', 'кол-во'),
    "field.unit_power": ('unit power', 'мощность единицы'),
    "field.load_factor": ('load factor', 'коэф. загрузки'),
    "field.rated_capacity": ('rated capacity', 'паспортная производительность'),
    "field.specific_energy_min": ('specific energy from', 'удельный расход от'),
    "field.specific_energy_max": ('specific energy to', 'удельный расход до'),
    "field.headcount": ('headcount', 'численность'),
    "field.monthly_wage": ('monthly wage', 'месячная зарплата'),
    "field.on_cost_rate": ('on-cost rate', 'начисления'),
    "field.cost": ('cost', 'стоимость'),
    "field.useful_life": ('useful life', 'срок полезного использования'),
    "field.salvage_value": ('salvage value', 'остаточная стоимость'),
    "field.feed_concentration": ('content in the feed', 'содержание в исходном потоке'),
    "field.recovery": ('recovery', 'степень извлечения'),
    "field.loss": ('loss', 'потери'),
    "field.price": ('price', 'цена'),
    "field.consumption": ('consumption', 'расход'),
    "field.fraction_of_feed": ('fraction of the feed', 'доля от исходного потока'),
    "field.replacement_price": ('replacement price', 'цена восполнения'),
    "field.metal_production": ('metal production', 'выпуск металла'),
    "field.valence": ('electrons per atom', 'число электронов на атом'),
    "field.molar_mass": ('molar mass', 'молярная масса'),
    "field.current_density": ('current density', 'плотность тока'),
    "field.cell_voltage": ('cell voltage', 'напряжение на ячейке'),
    "field.current_efficiency": ('current efficiency', 'выход по току'),
    "field.electrode_area_per_cell": ('cathode area per cell', 'площадь катодов ячейки'),
    # process-chain inputs (Streams, Payables, StageEnergy)
    "field.mass": ("mass", "масса"),
    "field.rate": ("rate", "расход"),
    "field.amount": ("amount", "количество"),
    "field.content": ("content", "содержание"),
    "field.payable": ("payable share", "оплачиваемая доля"),
    "field.specific_energy": ("specific energy", "удельный расход электроэнергии"),
    # how an input that was not typed in was set
    "input.default_source": ("default", "значение по умолчанию"),
    "input.absent": ("(no row: default {value})", "(строки нет: по умолчанию {value})"),
    "input.blank": ("(blank: default {value})", "(пусто: по умолчанию {value})"),
    "input.no_row": ("{sheet}, no row", "{sheet}, строки нет"),
    "field.quoted_specific_energy": ('quoted specific energy', 'приведённый удельный расход энергии'),
    "field.interval": ('interval', 'периодичность'),
    "field.depreciation_group": ('depreciation group', 'амортизационная группа'),
    "field.declining_factor": ('declining-balance factor', 'коэффициент уменьшаемого остатка'),
    "field.inflation": ('General inflation', 'Общая инфляция'),
    "field.escalation_electricity": ('Escalation of electricity prices', 'Рост цен на электроэнергию'),
    "field.escalation_labour": ('Escalation of wages', 'Рост оплаты труда'),
    "field.escalation_reagents": ('Escalation of reagent prices', 'Рост цен на реагенты'),
    "field.escalation_maintenance": ('Escalation of maintenance costs', 'Рост затрат на обслуживание'),
    "field.escalation_products": ('Escalation of product prices', 'Рост цен на продукцию'),
    "field.escalation_replacements": ('Escalation of replacement costs', 'Рост стоимости замен'),
    "field.working_capital_share": ('Working capital, share of revenue', 'Оборотный капитал, доля выручки'),
    "field.receivable_days": ('Receivables', 'Дебиторская задолженность'),
    "field.inventory_days": ('Inventory', 'Запасы'),
    "field.payable_days": ('Payables', 'Кредиторская задолженность'),
    "field.property_tax_rate": ('Property tax rate', 'Ставка налога на имущество'),
    "field.loss_offset_cap": ('Cap on carried losses offset', 'Ограничение переноса убытков'),
    "field.loan_share": ('Loan share of the capital', 'Доля кредита в капитальных затратах'),
    "field.loan_rate": ('Loan interest rate', 'Ставка по кредиту'),
    "field.loan_term": ('Loan term (repayments)', 'Срок погашения кредита'),
    "field.loan_grace": ('Grace years', 'Льготный период'),
    "sheet.Project": ('Project', 'Проект'),
    "sheet.Schedule": ('Schedule', 'Режим работы'),
    "sheet.Throughput": ('Throughput', 'Производительность'),
    "sheet.Tariffs": ('Tariffs', 'Тарифы'),
    "sheet.Equipment": ('Equipment', 'Оборудование'),
    "sheet.Staffing": ('Staffing', 'Персонал'),
    "sheet.Capital": ('Capital', 'Капитальные вложения'),
    "sheet.Maintenance": ('Maintenance', 'Обслуживание'),
    "sheet.ByProducts": ('By-products', 'Извлекаемые продукты'),
    "sheet.Losses": ('Losses', 'Потери'),
    "sheet.Products": ('Products, savings and by-products', 'Продукция, экономия и попутные продукты'),
    "sheet.Reagents": ('Reagents and consumables', 'Реагенты и расходные материалы'),
    "sheet.Electrolysis": ('Electrolysis', 'Электролиз'),
    "sheet.Components": ('Components', 'Компоненты'),
    "sheet.Replacements": ('Replacements', 'Замены'),
    "sheet.Finance": ('Finance', 'Финансирование'),
    "sheet.Timeline": ('Timeline', 'График'),
    "report.parameters_caption": ("Parameters", "Параметры"),
    "report.items_caption": ("Items of the plant", "Состав установки"),
    "report.col.values": ("Values", "Значения"),
    "report.col.key": ("Key", "Ключ"),
    # the feasibility report
    "report.title": ("Feasibility report", "Технико-экономическое обоснование"),
    "report.toc": ("Contents", "Содержание"),
    "report.page": ("Page", "Страница"),
    "report.of": ("of", "из"),
    "report.summary": ("Executive summary", "Основные результаты"),
    "report.scheme": ("Description of the scheme", "Описание схемы"),
    "report.inputs": ("Inputs", "Исходные данные"),
    "report.energy": ("Energy", "Электропотребление"),
    "report.opex": ("Operating costs", "Эксплуатационные затраты"),
    "report.revenue": ("Revenue and losses", "Выручка и потери"),
    "report.cashflow": ("Cash flow", "Денежный поток"),
    "report.metrics": ("Financial metrics", "Показатели эффективности"),
    "report.checks": ("Regression check against the source", "Проверка опубликованных данных"),
    "report.audits": ("Plausibility audits", "Проверка правдоподобия"),
    "report.assumptions": ("Assumptions and notes", "Допущения и примечания"),
    "report.appendix": ("Appendix: input listing", "Приложение: перечень исходных данных"),
    "report.key_figures": ("Key figures", "Ключевые показатели"),
    "report.no_description": ("The input workbook gives no description of the scheme.",
                              "Описание схемы в исходной книге не приведено."),
    "report.no_references": ("The input workbook lists no published figures to check.",
                             "В исходной книге нет опубликованных данных для проверки."),
    "report.no_audits": ("No plausibility audit applies to these inputs.",
                         "К этим исходным данным не применима ни одна проверка правдоподобия."),
    "report.energy_total": ("Total", "Итого"),
    "report.same_source": ("the same as above", "то же"),
    # issue 15, item 3 and 4 (econ.report.capital_section, checks_section, inputs_section, document)
    "report.capital": ("Capital cost", "Капитальные затраты"),
    "report.capital_caption": ("Capital cost breakdown", "Структура капитальных затрат"),
    "report.col.cost": ("Cost, {cur}", "Стоимость, {cur}"),
    "report.col.share_of_total": ("Share of the total", "Доля в итоге"),
    "capital.category.direct": ("Direct costs", "Прямые затраты"),
    "capital.category.installation": ("Installation", "Монтаж"),
    "capital.category.indirect": ("Indirect costs", "Косвенные затраты"),
    "capital.category.contingency": ("Contingency", "Непредвиденные расходы"),
    "capital.category.other": ("Other costs", "Прочие затраты"),
    "report.capital.subtotal": ("{category}, subtotal", "{category}, итого"),
    "report.capital.uncategorised": (
        "The Capital sheet gives no category (direct, installation, indirect, contingency or other) for its items: "
        "each item is shown under its own name.",
        "На листе Capital у статей не указана категория (прямые затраты, монтаж, косвенные, непредвиденные или "
        "прочие): каждая статья показана под своим названием."),
    "report.capital.difference_caption": ("Capital cost of each alternative against the base case, {cur}",
                                          "Капитальные затраты вариантов относительно базового, {cur}"),
    "report.col.difference": ("Difference", "Разность"),
    "report.capital.difference_note": (
        "Difference: the alternative's cost less the base case's ({base}); an item an alternative does not change "
        "has the base case's cost.",
        "Разность: стоимость в варианте минус стоимость в базовом варианте ({base}); статья, которую вариант не "
        "меняет, имеет стоимость базового варианта."),
    "report.checks.counts": (
        "{count} {count:~figure|figures} of the References sheet recomputed from the workbook's inputs: {verdicts}.",
        "Из исходных данных книги {count:~пересчитано|пересчитаны|пересчитано} {count} "
        "{count:~значение|значения|значений} листа References: {verdicts}."),
    "report.checks.findings": ("Findings, by cause:", "Расхождения по причинам:"),
    "report.checks.in_appendix": (
        "The table of every figure ({rows} {rows:~row|rows}) is in the appendix “Regression check, figure by figure”.",
        "Таблица по каждому значению ({rows} {rows:~строка|строки|строк}) приведена в приложении «Проверка по "
        "каждому значению»."),
    "report.appendix_checks": ("Appendix: regression check, figure by figure",
                               "Приложение: проверка по каждому значению"),
    "unit.percentage_points": ("pp", "п. п."),
    "risk.unquantified_see": ("Their values and sources are listed once, under “Assumptions and notes”.",
                              "Их значения и источники приведены один раз, в разделе «Допущения и примечания»."),
    "metric.not_reached_short": ("not reached", "не достигается"),
    "report.energy.installed_equipment": ("Installed power of the equipment above", "Установленная мощность оборудования выше"),
    "report.energy.connected": ("Electrical load: the equipment's installed power and the electrolysis DC power",
                                "Электрическая нагрузка: установленная мощность оборудования и мощность электролиза"),
    "report.energy.specific_plant": ("Specific energy of the whole plant (electricity per month / throughput)",
                                     "Удельный расход электроэнергии всего предприятия (электропотребление в месяц / "
                                     "производительность)"),
    "report.energy.specific_cells": ("{name}: DC energy of the cells per tonne of metal deposited",
                                     "{name}: расход энергии постоянного тока ячеек на тонну осаждённого металла"),
    "report.col.sharpness": ("{component} separation sharpness, %", "Чёткость разделения {component}, %"),
    "report.chain.sharpness_note": (
        "Separation sharpness = 1 − H/Hmax: 100 % when all of a component goes to one product of the stage, 0 % when "
        "it is spread evenly among them (H is the Shannon entropy of its split among the products, Hmax that of an "
        "even split).",
        "Чёткость разделения = 1 − H/Hmax: 100 %, если весь компонент уходит в один продукт передела, 0 % — если он "
        "распределён поровну между продуктами (H — энтропия Шеннона распределения компонента по продуктам, Hmax — "
        "энтропия равного распределения)."),
    "revenue.recovered.byproduct_revenue_per_month": ("Revenue from recovered products",
                                                      "Выручка от извлечённых продуктов"),
    "revenue.recovered.byproduct_mass_per_month": ("Recovered products", "Извлечённые продукты"),
    "revenue.by-product.byproduct_revenue_per_month": ("By-product revenue", "Выручка от попутных продуктов"),
    "revenue.by-product.byproduct_mass_per_month": ("By-products recovered", "Извлечённые попутные продукты"),
    "report.revenue_caption.recovered": ("Recovered products, losses and the net effect",
                                         "Извлекаемые продукты, потери и чистый эффект"),
    "audit.recovered.title": ("Dependence on the revenue from recovered products",
                              "Зависимость от выручки за извлечённые продукты"),
    "audit.recovered.warning": (
        "the net effect of {net} {cur}/month is positive only because of the revenue of {revenue} {cur}/month from "
        "the recovered products ({names}), the only revenue the workbook gives; without it the scheme costs {cost} "
        "{cur}/month, so their price carries the result",
        "чистый эффект {net} {cur}/мес положителен только благодаря выручке {revenue} {cur}/мес за извлечённые "
        "продукты ({names}) — единственной выручке в книге; без неё схема обходится в {cost} {cur}/мес, так что "
        "результат держится на их цене"),
    "audit.recovered.ok": ("without the revenue from the recovered products ({names}) the net effect would be "
                           "{without} {cur}/month",
                           "без выручки за извлечённые продукты ({names}) чистый эффект составил бы {without} "
                           "{cur}/мес"),
    "report.chart_costs": ("Structure of the monthly operating costs", "Структура ежемесячных затрат"),
    "report.chart_cash_flow": ("Annual and cumulative discounted cash flow", "Годовой и накопленный дисконтированный денежный поток"),
    "report.assumption_inputs": ("Inputs that are assumptions: so marked in their sources, or defaulted",
                                 "Исходные данные — допущения: отмеченные так в источниках или принятые по умолчанию"),
    "report.conventions": ("Conventions", "Соглашения"),
    "report.field.project": ("Project", "Проект"),
    "report.field.date": ("Date", "Дата"),
    "report.field.currency": ("Currency", "Валюта"),
    "report.field.base_year": ("Price base year", "Базовый год цен"),
    "case.base": ("Base case", "Базовый вариант"),  # when the workbook names no base case
    "report.field.version": ("Generated by", "Подготовлено"),
    "report.field.input": ("Input workbook", "Исходная книга"),
    "report.field.sha256": ("SHA-256 of the input workbook", "SHA-256 исходной книги"),
    "report.inputs_caption": ("Main inputs, converted to the units of the model", "Основные исходные данные в единицах модели"),
    "report.appendix_caption": ("Every input as read from the workbook", "Все исходные данные в том виде, как они прочитаны из книги"),
    "report.energy_caption": ("Installed power and electricity consumption", "Установленная мощность и электропотребление"),
    "report.opex_caption": ("Monthly operating costs, {cur}/month", "Ежемесячные эксплуатационные затраты, {cur}/мес"),
    "report.revenue_caption": ("By-products, losses and the net effect", "Извлекаемые продукты, потери и чистый эффект"),
    "report.cashflow_caption": ("Annual cash flow, thousand {cur}", "Годовой денежный поток, тыс. {cur}"),
    "report.cashflow_caption_mln": ("Annual cash flow, mln {cur}", "Годовой денежный поток, млн {cur}"),
    "report.cashflow_years": ("{caption}: years {first}–{last}", "{caption}: годы {first}–{last}"),
    "report.metrics_caption": ("Metrics of the cash flow", "Показатели денежного потока"),
    "report.checks_caption": ("Figures published in the source, recomputed from its own inputs",
                              "Опубликованные в источнике значения, пересчитанные из его же исходных данных"),
    "report.col.parameter": ("Parameter", "Параметр"),
    "report.col.value": ("Value", "Значение"),
    "report.col.unit": ("Unit", "Ед. изм."),
    "report.col.source": ("Source", "Источник"),
    # econ.inputs.translations.report_note: the one note on the workbook's texts without a translation
    "report.untranslated": (
        "{count} {count:~text|texts} of the input workbook {count:~has|have} no translation into this language and "
        "{count:~is|are} shown as entered.",
        "{count} {count:~текст|текста|текстов} исходной книги не {count:~имеет|имеют|имеют} перевода на русский "
        "язык и {count:~приводится|приводятся|приводятся} так, как {count:~введён|введены|введены}."),
    "report.col.entered": ("Entered as", "Введено как"),
    "report.col.cell": ("Cell", "Ячейка"),
    "report.col.equipment": ("Equipment", "Оборудование"),
    "report.col.quantity": ("Quantity", "Кол-во"),
    "report.col.unit_power": ("Unit power, kW", "Мощность единицы, кВт"),
    "report.col.installed_power": ("Installed power, kW", "Установленная мощность, кВт"),
    "report.col.load_factor": ("Load factor", "Коэф. загрузки"),
    "report.col.energy": ("Energy, kWh/month", "Электроэнергия, кВт·ч/мес"),
    "report.col.item": ("Item", "Статья"),
    "report.col.metric": ("Metric", "Показатель"),
    "report.col.id": ("ID", "Код"),
    "report.col.figure": ("Figure", "Показатель"),
    "report.col.published": ("Published", "Опубликовано"),
    "report.col.computed": ("Computed", "Расчёт"),
    "report.col.deviation": ("Deviation", "Отклонение"),
    "report.col.tolerance": ("Tolerance", "Допуск"),
    "report.col.verdict": ("Verdict", "Вывод"),
    "report.discount_rate": ("Discount rate", "Ставка дисконтирования"),
    "report.tax_rate": ("Income tax rate", "Ставка налога на прибыль"),
    "report.verdict.positive": ("On the stated inputs the scheme is profitable: NPV {npv} at {rate}, IRR {irr}, "
                                "discounted payback {payback}",
                                "При заявленных исходных данных схема рентабельна: NPV {npv} при ставке {rate}, "
                                "IRR {irr}, дисконтированный срок окупаемости {payback}"),
    "report.verdict.negative": ("On the stated inputs the scheme does not pay: NPV {npv} at {rate}, IRR {irr}, "
                                "discounted payback {payback}",
                                "При заявленных исходных данных схема нерентабельна: NPV {npv} при ставке {rate}, "
                                "IRR {irr}, дисконтированный срок окупаемости {payback}"),
    # the verdict's qualification, a sentence of its own: figures that do not follow, plausibility warnings, or both
    "report.verdict.caveat.both": (
        "Note that {failed} of {total} published {total:~figure|figures} {failed:~does|do} not follow from "
        "{failed:~its|their} inputs, and {warnings} plausibility {warnings:~warning qualifies|warnings qualify} "
        "these results.",
        "При этом {failed} из {total} {total:~опубликованного значения|опубликованных значений|опубликованных "
        "значений} не {failed:~следует|следуют|следуют} из исходных данных, и {warnings} "
        "{warnings:~предупреждение|предупреждения|предупреждений} о правдоподобии "
        "{warnings:~ограничивает|ограничивают|ограничивают} достоверность этих результатов."),
    "report.verdict.caveat.failed": (
        "Note that {failed} of {total} published {total:~figure|figures} {failed:~does|do} not follow from "
        "{failed:~its|their} inputs, which qualifies these results.",
        "При этом {failed} из {total} {total:~опубликованного значения|опубликованных значений|опубликованных "
        "значений} не {failed:~следует|следуют|следуют} из исходных данных, что ограничивает достоверность "
        "этих результатов."),
    "report.verdict.caveat.warnings": (
        "Note that {warnings} plausibility {warnings:~warning qualifies|warnings qualify} these results.",
        "При этом {warnings} {warnings:~предупреждение|предупреждения|предупреждений} о правдоподобии "
        "{warnings:~ограничивает|ограничивают|ограничивают} достоверность этих результатов."),
    "report.verdict.alternative_better": ("{case} would add {npv} to the NPV of {base} (incremental IRR {irr})",
                                          "Вариант «{case}» увеличил бы NPV варианта «{base}» на {npv} "
                                          "(IRR приращения {irr})"),
    "report.verdict.alternative_worse": ("{case} would lower the NPV of {base} by {npv}",
                                         "Вариант «{case}» уменьшил бы NPV варианта «{base}» на {npv}"),
    "report.verdict.no_capital": ("The workbook enters no capital: it values the chain's products and losses "
                                  "(NPV {npv} at {rate}), which is not a feasibility result",
                                  "В книге нет капитальных вложений: она оценивает продукты и потери цепи "
                                  "(NPV {npv} при ставке {rate}); это не оценка эффективности проекта"),
    # the verdict over all the evidence (econ.checks.verdict): a status, a headline, the reasons
    "verdict.status.established": ("Established", "Подтверждено"),
    "verdict.status.qualified": ("Qualified", "С оговорками"),
    "verdict.status.not_established": ("Not established", "Не подтверждено"),
    "verdict.headline.profitable": (
        "on the stated inputs the scheme is profitable: NPV {npv} at {rate}, IRR {irr}, discounted payback {payback}",
        "при заявленных исходных данных схема рентабельна: NPV {npv} при ставке {rate}, IRR {irr}, "
        "дисконтированный срок окупаемости {payback}"),
    "verdict.headline.unprofitable": (
        "on the stated inputs the scheme does not pay: NPV {npv} at {rate}, IRR {irr}, discounted payback {payback}",
        "при заявленных исходных данных схема нерентабельна: NPV {npv} при ставке {rate}, IRR {irr}, "
        "дисконтированный срок окупаемости {payback}"),
    "verdict.headline.contradicted.profitable": (
        "the stated inputs give NPV {npv} at {rate} (profitable), but econ's own audits contradict the model "
        "those inputs describe",
        "заявленные исходные данные дают NPV {npv} при ставке {rate} (схема рентабельна), но проверки самого "
        "расчёта противоречат модели, которую эти данные описывают"),
    "verdict.headline.contradicted.unprofitable": (
        "the stated inputs give NPV {npv} at {rate} (the scheme does not pay), but econ's own audits contradict "
        "the model those inputs describe",
        "заявленные исходные данные дают NPV {npv} при ставке {rate} (схема нерентабельна), но проверки "
        "самого расчёта противоречат модели, которую эти данные описывают"),
    "verdict.headline.contradicted.no_capital": (
        "the workbook enters no capital, so its NPV of {npv} at {rate} is not a feasibility result",
        "в книге нет капитальных вложений, поэтому её NPV {npv} при ставке {rate} не является оценкой "
        "эффективности проекта"),
    "verdict.headline.no_costs": (
        "the workbook enters neither capital nor any operating cost, so econ gives no NPV; the products are worth "
        "{value} per month ({value_year} per year), a product value, not a feasibility result",
        "в книге нет ни капитальных вложений, ни эксплуатационных затрат, поэтому расчёт не даёт NPV; продукция "
        "стоит {value} в месяц ({value_year} в год): это стоимость продукции, а не оценка эффективности проекта"),
    "verdict.needed": ("What would be needed, and what else qualifies the result:",
                       "Что для этого нужно и что ещё ограничивает вывод:"),
    "report.products_value": ("Value of the products sold per month (not a feasibility result)",
                              "Стоимость товарной продукции в месяц (не оценка эффективности)"),
    "report.products_value_year": ("Value of the products sold per year (not a feasibility result)",
                                   "Стоимость товарной продукции в год (не оценка эффективности)"),
    "verdict.qualified_by": ("Qualified by:", "Оговорки:"),
    "verdict.reason.no_costs": (
        "the capital and operating costs of the chain (Capital, Staffing, Maintenance and energy), before an NPV "
        "means anything",
        "капитальные и эксплуатационные затраты цепи (листы Capital, Staffing, Maintenance и энергия): без них "
        "NPV ничего не означает"),
    "verdict.reason.no_capital": ("the capital of the plant (a Capital sheet)",
                                  "капитальные вложения (лист Capital)"),
    "verdict.reason.capacity": (
        "{name} covers {coverage} of the stated throughput: {units} units would be needed, so capital and energy "
        "are costed for {share} of the plant. Scaled to the stated throughput ({units} units of {name}, every "
        "other equipment item times {factor}, rounded up to whole units; assumed: capital, salvage value and "
        "maintenance scale linearly with the units, staffing and tariffs unchanged): capital {capex}, electricity "
        "{energy} kWh/month ({energy_cost} per month), maintenance {maintenance} per month, net effect {net} per "
        "month, NPV {npv_corrected}",
        "{name} обеспечивает {coverage} заявленной производительности: нужно {units} {units:~аппарат|аппарата|"
        "аппаратов}, то есть капитальные вложения и электроэнергия посчитаны для {share} установки. При "
        "масштабировании до заявленной производительности ({units} × {name}, остальное оборудование × {factor} с "
        "округлением вверх до целых; допущение: капитальные вложения, остаточная стоимость и техническое "
        "обслуживание пропорциональны числу аппаратов, персонал и тарифы без изменений): капитальные вложения "
        "{capex}, электроэнергия {energy} кВт·ч/мес ({energy_cost} в месяц), техническое обслуживание "
        "{maintenance} в месяц, чистый эффект {net} в месяц, NPV {npv_corrected}"),
    "verdict.reason.quoted_energy": (
        "{name}: the model uses {modelled} kWh/t against the source's {quoted} kWh/t. At the quoted figure, read "
        "as the plant's whole electricity per tonne of metal (the cell voltage raised from {voltage_stated} V to "
        "an energy-equivalent {voltage} V; capital unchanged): electricity {energy} kWh/month ({energy_cost} per "
        "month), net effect {net} per month, NPV {npv_corrected}",
        "{name}: в модели {modelled} кВт·ч/т, а в источнике {quoted} кВт·ч/т. При значении источника, понятом как "
        "всё электропотребление установки на тонну металла (напряжение на ячейке поднято с {voltage_stated} В до "
        "эквивалентных по энергии {voltage} В; капитальные вложения без изменений): электроэнергия {energy} "
        "кВт·ч/мес ({energy_cost} в месяц), чистый эффект {net} в месяц, NPV {npv_corrected}"),
    "verdict.reason.quoted_energy_uncomputed": (
        "{name}: the model uses {modelled} kWh/t against the source's {quoted} kWh/t; the other consumers alone "
        "draw that much, so econ cannot compute the plant at the quoted figure",
        "{name}: в модели {modelled} кВт·ч/т, а в источнике {quoted} кВт·ч/т; остальные потребители одни "
        "потребляют столько же, поэтому установку нельзя рассчитать при значении источника"),
    "verdict.reason.loss": ("the uncertainty analysis gives a probability of a loss (NPV below 0) of {probability}",
                            "анализ неопределённости даёт вероятность убытка (NPV меньше 0) {probability}"),
    "verdict.reason.regression": (
        "{failed} of {total} published {total:~figure|figures} {failed:~does|do} not follow from {failed:~its|their} "
        "inputs beyond their rounding ({findings} material {findings:~finding|findings} by cause)",
        "{failed} из {total} {total:~опубликованного значения|опубликованных значений|опубликованных значений} не "
        "{failed:~следует|следуют|следуют} из исходных данных с учётом их округления ({findings} "
        "{findings:~существенное расхождение|существенных расхождения|существенных расхождений} по причинам)"),
    "verdict.reason.audit": ("{audit}", "{audit}"),
    "verdict.reason.warnings": (
        "{count} plausibility {count:~warning|warnings}: {titles}",
        "{count} {count:~предупреждение|предупреждения|предупреждений} о правдоподобии: {titles}"),
    "verdict.note.returned_credit": (
        "Credit for returned intermediates, {credit} per month, is not counted as cash",
        "Зачёт оборотных промпродуктов, {credit} в месяц, не учитывается как денежный поток"),
    "report.chain": ("Process chain and mass balances", "Технологическая цепь и балансы масс"),
    "report.chain_intro": ("Each stage's balance as the workbook gives it (one batch per stage), the closure of each "
                           "component (obtained minus loaded), the through recovery from the chain feed and the "
                           "sharpness of each component's separation among the stage's products.",
                           "Баланс каждого передела по данным книги (своя навеска на передел), невязка по каждому "
                           "компоненту (получено минус загружено), сквозное извлечение из исходного сырья и чёткость "
                           "разделения компонента по продуктам передела."),
    "report.undefined": ("undefined", "не определено"),
    "report.col.stream": ("Stream", "Продукт"),
    "report.col.mass": ("Mass, {unit}", "Масса, {unit}"),
    "report.col.through": ("{component} through recovery, %", "Сквозное извлечение {component}, %"),
    "report.col.stage": ("Stage", "Передел"),
    "report.col.carried": ("{component} carried on, % of the feed", "{component} передано далее, % от исходного"),
    "report.col.entropy": ("{component} entropy, bit", "Энтропия {component}, бит"),
    "report.col.information": ("{component} information, bit", "Информация {component}, бит"),
    "report.col.component": ("Component", "Компонент"),
    "report.col.where": ("Goes to", "Направление"),
    "report.col.share_of_feed": ("Share of the feed's amount", "Доля от исходного количества"),
    "report.col.final_product": ("Final product it costs", "Потеря конечного продукта"),
    "report.col.value_money": ("Value, {cur}", "Стоимость, {cur}"),
    "report.chain.balance_caption": ("Stage {number}: {stage}", "Передел {number}: {stage}"),
    "report.chain.loaded": ("Loaded", "Загружено"),
    "report.chain.obtained": ("Obtained", "Получено"),
    "report.chain.total_loaded": ("Total loaded", "Итого загружено"),
    "report.chain.total_obtained": ("Total obtained", "Итого получено"),
    "report.chain.imbalance": ("Imbalance (obtained − loaded)", "Невязка (получено − загружено)"),
    "report.chain.balance_note": ("β content, ε distribution in the stage (share of the component loaded); the batch "
                                  "counts {scale} {scale:~time|times} towards a unit of chain feed; mass imbalance {relative}.",
                                  "β содержание, ε распределение в переделе (доля загруженного компонента); навеска "
                                  "учитывается с коэффициентом {scale} к единице исходного сырья; невязка по массе "
                                  "{relative}."),
    "report.chain.energy_caption": ("Process energy of the stages (StageEnergy sheet), side by side",
                                    "Технологическая электроэнергия переделов (лист StageEnergy), сопоставление"),
    "report.chain.energy_note": ("Only the rows marked counted are in the plant's electricity; the others show the "
                                 "same energy quoted on another basis or computed from the cell voltage and current "
                                 "efficiency by Faraday's law.",
                                 "В электропотребление включены только строки с отметкой «да»; остальные показывают "
                                 "ту же энергию на другой базе или рассчитанную по закону Фарадея из напряжения и "
                                 "выхода по току."),
    "report.col.energy_use": ("Energy row", "Статья"),
    "report.col.energy_basis": ("Counted on", "База"),
    "report.col.specific_energy": ("kWh/t", "кВт·ч/т"),
    "report.col.basis_per_month": ("Basis, t/month", "База, т/мес"),
    "report.col.counted": ("Counted", "Учтено"),
    "report.yes": ("yes", "да"),
    "report.no": ("no", "нет"),
    "report.chain.to.next": ("next stage", "в следующий передел"),
    "report.chain.to.sold": ("sold", "товарный"),
    "report.chain.to.returned": ("returned", "в оборот"),
    "report.chain.to.waste": ("waste", "в отвал"),
    "report.chain.recovery_caption": ("Through recovery and separation, stage by stage",
                                      "Сквозное извлечение и разделение по переделам"),
    "report.chain.recovery_note": ("Carried on: through recovery into the streams going to the next stage or sold. "
                                   "Entropy H = −Σ s log2 s over the products (s: share of the component obtained), "
                                   "information = log2(number of products) − H. A stage that obtains more of a component "
                                   "than it loads (its balance shows the imbalance) passes on more than it received. "
                                   "Through recovery into products sold: {sold}.",
                                   "Передано далее: сквозное извлечение в продукты следующего передела и товарные. "
                                   "Энтропия H = −Σ s log2 s по продуктам (s: доля полученного компонента), "
                                   "информация = log2(число продуктов) − H. Передел, получающий компонента больше, чем "
                                   "загружено (невязка видна в его балансе), передаёт дальше больше, чем получил. "
                                   "Сквозное извлечение в товарную продукцию: {sold}."),
    "report.chain.losses_caption": ("What leaves the chain at each stage and the final product it costs",
                                    "Что выводится из цепи на каждом переделе и чего это стоит конечному продукту"),
    "report.chain.losses_note": ("Final product = share of the feed's amount leaving × the recovery of the stages "
                                 "after this one (returned streams are credited on the Revenue table); the costliest "
                                 "stage per component and destination is highlighted.",
                                 "Конечный продукт = выводимая доля исходного количества × извлечение последующих "
                                 "переделов (оборотные продукты засчитываются в выручке); самый дорогой передел для "
                                 "каждого компонента и направления выделен."),
    "chart.chain_title": ("{component} through the chain", "{component} по технологической цепи"),
    "chart.chain_axis": ("Share of {component} in the feed, %", "Доля {component} от исходного, %"),
    "chart.chain.feed": ("Feed", "Исходное сырьё"),
    "chart.chain.next": ("carried to the next stage", "передано в следующий передел"),
    "chart.chain.sold": ("sold", "товарная продукция"),
    "chart.chain.returned": ("returned to other circuits", "возвращено в другие переделы"),
    "chart.chain.waste": ("waste", "отвал"),
    "chart.chain.imbalance": ("not accounted for", "невязка баланса"),
    "report.alternatives": ("Alternatives", "Альтернативы"),
    "report.alternatives_caption": ("The base case and its alternatives side by side",
                                    "Базовый вариант и альтернативы"),
    "report.incremental_caption": ("Incremental cases: each alternative minus the base case",
                                   "Приростные варианты: альтернатива минус базовый вариант"),
    "report.col.alternative": ("Alternative", "Альтернатива"),
    "report.col.incremental_npv": ("Incremental NPV", "Приростный NPV"),
    "report.col.incremental_irr": ("Incremental IRR", "Приростная IRR"),
    "report.col.incremental_payback": ("Incremental payback", "Приростная окупаемость"),
    "report.overrides": ("What each alternative changes", "Чем отличаются альтернативы"),
    "report.break_even": ("Break-even", "Точки безубыточности"),
    "report.break_even_caption": ("The value of one input at which the choice flips",
                                  "Значение параметра, при котором выбор меняется"),
    "report.col.input": ("Input", "Параметр"),
    "report.col.range": ("Range searched", "Диапазон поиска"),
    "report.col.break_even": ("Break-even", "Точка безубыточности"),
    "report.col.base_value": ("Base value", "Базовое значение"),
    "report.break_even.npv": ("NPV of {case}", "NPV варианта «{case}»"),
    "report.break_even.incremental": ("incremental NPV of {case}", "приростный NPV варианта «{case}»"),
    "report.break_even.none": ("none in the range: {what} stays {sign}",
                               "в диапазоне нет: {what} остаётся {sign}"),
    "report.sign.positive": ("positive", "положительным"),
    "report.sign.negative": ("negative", "отрицательным"),
    # the conclusions (econ.report.conclusions): every sentence filled from the evaluation's figures
    "report.conclusions": ("Conclusions and recommendations", "Выводы и рекомендации"),
    "conclusions.established": ("What the figures establish", "Что установлено расчётом"),
    "conclusions.not_established": ("The figures do not establish this result, because:",
                                    "Расчёт этого результата не подтверждает, потому что:"),
    "conclusions.qualified": ("The result stands with these qualifications:",
                              "Результат верен со следующими оговорками:"),
    "conclusions.nothing_against": ("None of the {audits} {audits:~audit|audits} and none of the {checked} published "
                                    "{checked:~figure|figures} checked stands against it.",
                                    "Ни одна из проверок ({audits}) и ни один из проверенных опубликованных "
                                    "показателей ({checked}) ему не противоречит."),
    "conclusions.nothing_against_unchecked": ("None of the {audits} {audits:~audit|audits} stands against it; the "
                                              "workbook gives no published figures to check.",
                                              "Ни одна из проверок ({audits}) ему не противоречит; опубликованных "
                                              "показателей для проверки в книге нет."),
    "conclusions.preferred": ("Preferred option", "Предпочтительный вариант"),
    "conclusions.best_alternative": ("{case} is preferred: its incremental NPV over {base} is {npv} "
                                     "(incremental IRR {irr}), the highest of the {count} options.",
                                     "Предпочтителен вариант «{case}»: его приростный NPV относительно «{base}» "
                                     "составляет {npv} (приростная IRR {irr}), наибольший из {count} вариантов."),
    "conclusions.base_preferred": ("{base} is preferred: no alternative raises its NPV.",
                                   "Предпочтителен вариант «{base}»: ни одна альтернатива не увеличивает его NPV."),
    "conclusions.other_case": ("{case}: incremental NPV {npv}", "«{case}»: приростный NPV {npv}"),
    "conclusions.condition_intro": ("On what condition (the break-even values, against the base value of each input):",
                                    "При каком условии (точки безубыточности против базового значения параметра):"),
    "conclusions.condition.above": ("{what} stays {sign} while {input} is above {value} (base {base})",
                                    "{what} остаётся {sign}, пока «{input}» выше {value} (базовое значение {base})"),
    "conclusions.condition.below": ("{what} stays {sign} while {input} is below {value} (base {base})",
                                    "{what} остаётся {sign}, пока «{input}» ниже {value} (базовое значение {base})"),
    "conclusions.condition.several": ("{what} changes sign at {input} of {value} (base {base})",
                                      "{what} меняет знак при значении «{input}» {value} (базовое значение {base})"),
    "conclusions.condition.none": ("{what} stays {sign} over the whole range of {input} searched, {range} (base {base})",
                                   "{what} остаётся {sign} во всём диапазоне «{input}» {range} "
                                   "(базовое значение {base})"),
    "conclusions.unestablished_ranking": ("The ranking is computed from the same stated inputs that the verdict "
                                          "does not establish; it holds only once they are corrected.",
                                          "Ранжирование рассчитано по тем же исходным данным, которые вердикт не "
                                          "подтверждает; оно верно только после их исправления."),
    "conclusions.measure": ("What must be measured or quoted before a decision",
                            "Что нужно измерить или получить в коммерческих предложениях до решения"),
    "conclusions.tornado": ("The inputs the tornado ranks highest (NPV swing over their ranges):",
                            "Параметры, которые торнадо-диаграмма ставит первыми (размах NPV на их диапазонах):"),
    "conclusions.swing": ("{input}: {swing}", "{input}: {swing}"),
    "conclusions.assumptions": ("{count} {count:~input rests|inputs rest} on an assumption with no range:",
                                "Исходные данные, основанные на допущении без диапазона ({count}):"),
    "conclusions.no_assumptions": ("No input rests on an assumption with no range.",
                                   "Нет исходных данных, основанных на допущении без диапазона."),
    "chart.map_title": ("Break-even map: {what} = 0", "Карта безубыточности: {what} = 0"),
    "chart.wins": ("{case} wins", "выгоднее «{case}»"),
    "chart.npv_positive": ("NPV > 0", "NPV > 0"),
    "chart.npv_negative": ("NPV < 0", "NPV < 0"),
    "chart.break_even_line": ("break-even", "безубыточность"),
    "chart.year": ("Year", "Год"),
    "chart.money": ("mln {cur}", "млн {cur}"),
    "chart.annual": ("Annual net cash flow", "Годовой чистый денежный поток"),
    "chart.cumulative": ("Cumulative discounted cash flow", "Накопленный дисконтированный поток"),
    "chart.payback": ("discounted payback", "дисконтированная окупаемость"),
    "chart.not_reached": ("discounted payback not reached", "дисконтированная окупаемость не достигается"),
    "chart.no_investment": ("no investment to pay back", "нет вложений, которые нужно окупать"),
    # the report's "Sensitivity and risk" section (econ.report.risk_section, econ.report.risk_charts)
    "report.risk": ("Sensitivity and risk", "Чувствительность и риски"),
    "risk.intro": (
        "How sure is the NPV? The tornado varies each input alone, all others at their base values: an input "
        "with a distribution from its P10 to its P90, every other money-valued input by −{percent} % and "
        "+{percent} %. The Monte Carlo draws the {count} uncertain {count:~input|inputs} together, {samples} "
        "samples with seed {seed}, through the same model.",
        "Насколько надёжен NPV? Торнадо-диаграмма изменяет каждый параметр по отдельности при базовых значениях "
        "остальных: параметр с распределением — от его P10 до P90, остальные денежные параметры — на −{percent} % "
        "и +{percent} %. Метод Монте-Карло разыгрывает {count} {count:~неопределённый параметр|неопределённых "
        "параметра|неопределённых параметров} совместно: {samples} выборок, начальное число {seed}, по той же "
        "модели."),
    "risk.inputs_caption": ("Uncertain inputs and their distributions", "Неопределённые параметры и их распределения"),
    "risk.col.distribution": ("Distribution", "Распределение"),
    "risk.col.source": ("Source", "Источник"),
    "risk.tornado_caption": ("Tornado: NPV at each input's low and high end, {cur}",
                             "Торнадо: NPV на нижней и верхней границе каждого параметра, {cur}"),
    "risk.col.low": ("Low", "Нижняя"),
    "risk.col.high": ("High", "Верхняя"),
    "risk.col.unit": ("Unit", "Ед."),
    "risk.col.npv_low": ("NPV at low", "NPV на нижней"),
    "risk.col.npv_high": ("NPV at high", "NPV на верхней"),
    "risk.col.swing": ("Swing", "Размах"),
    "risk.col.range": ("Range", "Диапазон"),
    "risk.tornado_note": ("Base case NPV {npv}; sorted by swing, |NPV at high − NPV at low|.",
                          "NPV базового варианта {npv}; по убыванию размаха |NPV на верхней − NPV на нижней|."),
    "risk.basis.percent": ("−{percent} % / +{percent} %", "−{percent} % / +{percent} %"),
    "risk.basis.p10_p90": ("P10–P90", "P10–P90"),
    "risk.mc_caption": ("Monte Carlo: {samples} samples, seed {seed}", "Монте-Карло: {samples} выборок, начальное число {seed}"),
    "risk.col.metric": ("Metric", "Показатель"),
    "risk.years": ("years", "лет"),
    "risk.col.mean": ("Mean", "Среднее"),
    "risk.col.std": ("Std. dev.", "Ст. откл."),
    "risk.col.chance": ("P(loss) / P(not reached)", "P(убыток) / P(не достигается)"),
    "risk.mc_note": (
        "Statistics over the samples where the metric is defined; an undefined IRR or an unreached payback is "
        "counted in the last column, never averaged. Standard error of the mean NPV: {sem}.",
        "Статистики — по выборкам, где показатель определён; неопределённая IRR или недостигнутая окупаемость "
        "учитывается в последнем столбце и не усредняется. Стандартная ошибка среднего NPV: {sem}."),
    "risk.loss": ("The probability of a loss, P(NPV < 0), is {probability}: {losses} of {samples} samples.",
                  "Вероятность убытка P(NPV < 0) составляет {probability}: {losses} из {samples} выборок."),
    "risk.sobol_caption": ("Sobol indices of NPV, {evaluations} evaluations (SALib)",
                           "Индексы Соболя для NPV, {evaluations} расчётов (SALib)"),
    "risk.col.s1": ("First order S1", "Первого порядка S1"),
    "risk.col.st": ("Total ST", "Полный ST"),
    "risk.col.conf": ("± 95 %", "± 95 %"),
    "risk.sobol_note": ("Sobol indices assume independent inputs: the correlations are not applied to them.",
                        "Индексы Соболя предполагают независимые параметры: корреляции к ним не применяются."),
    "risk.unquantified": ("Unquantified assumptions", "Допущения без оценки диапазона"),
    "risk.unquantified_intro": (
        "These inputs are assumptions of the source with no range: the Monte Carlo keeps them at their stated "
        "value, and the tornado moves them only by the conventional ±20 %, which no source gives.",
        "Эти параметры — допущения источника без диапазона: в расчёте Монте-Карло они остаются при заявленном "
        "значении, а торнадо-диаграмма меняет их лишь на условные ±20 %, не взятые ни из какого источника."),
    "risk.unquantified_none": ("No input is marked as an assumption without a range.",
                               "Нет параметров, отмеченных как допущение без диапазона."),
    "risk.dist.uniform": ("uniform", "равномерное"),
    "risk.dist.triangular": ("triangular", "треугольное"),
    "risk.dist.pert": ("PERT", "PERT"),
    "risk.dist.normal": ("normal", "нормальное"),
    "risk.dist.lognormal": ("lognormal", "логнормальное"),
    "risk.dist.discrete": ("discrete", "дискретное"),
    "chart.tornado_title": ("Tornado: NPV at each input's low and high end", "Торнадо: NPV на границах параметров"),
    "chart.tornado_low": ("input at its low end", "параметр на нижней границе"),
    "chart.tornado_high": ("input at its high end", "параметр на верхней границе"),
    "chart.base_npv": ("base NPV", "базовый NPV"),
    "chart.npv_axis": ("NPV, mln {cur}", "NPV, млн {cur}"),
    "chart.spider_title": ("Spider: NPV against the change of each input", "Паутинная диаграмма: NPV в зависимости от изменения параметров"),
    "chart.spider_x": ("Change of the input from its base value, %", "Изменение параметра от базового значения, %"),
    "chart.histogram_title": ("NPV over {samples} Monte Carlo samples", "NPV по {samples} выборкам Монте-Карло"),
    "chart.histogram_y": ("Share of samples, %", "Доля выборок, %"),
    "chart.cumulative_share": ("Cumulative probability, %", "Накопленная вероятность, %"),
    "chart.sobol_title": ("Sobol indices of NPV", "Индексы Соболя для NPV"),
    "chart.sobol_index": ("Index (0 to 1)", "Индекс (от 0 до 1)"),
}

_UNIT_WORDS_RU = (
    (r"\bkWh\b", "кВт·ч"), (r"\bMWh\b", "МВт·ч"), (r"\bkW\b", "кВт"), (r"\bRUB\b", "руб."),
    (r"\bthousand\b", "тыс."), (r"\bmln\b", "млн"), (r"\bmonth\b", "мес"), (r"\byear\b", "год"),
    (r"\bday\b", "сут"), (r"\bh\b", "ч"), (r"\bkg\b", "кг"), (r"\bt\b", "т"), (r"\bm\^3\b", "м³"),
    (r"\bm\b", "м"), (r"\bfraction\b", "доля"), (r"\bA\b", "А"), (r"\bV\b", "В"), (r"\bg\b", "г"),
    (r"\bmol\b", "моль"), (r"\bbit\b", "бит"), (r"\bL\b", "л"),
)
_UNIT_WORDS_EN = ((r"\^3\b", "³"), (r"\^2\b", "²"))


_ROW_INDEX = re.compile(r"(?<=\.)\d+(?=\.)")  # compiled once: labels are looked up once per figure, 200,000 times
# for 100,000 equipment rows, and re's own cache of 512 patterns does not always keep it


def _pattern(key: str) -> str:
    return _ROW_INDEX.sub("*", key)


def figure_label(key: str, lang: str = "en", name: str = "") -> str:
    """The label of a figure in ``lang``; rows fill ``{name}``. Unknown keys raise KeyError."""
    english, russian = FIGURES[_pattern(key)]
    return (russian if lang == "ru" else english).format(name=name)


def plural_form(count: object, forms: Sequence[str], lang: str = "en") -> str:
    """The word form that goes with ``count``: English (one, other), Russian (one, few, many).

    Russian: 1, 21, 101 год; 2-4, 22-24 года; 5-20, 25-30 лет. A count that is
    not a whole number takes a fourth form when one is given (2,5 процентного
    пункта against 2 процентных пункта), else the "few" one (2,5 года); in
    English, "other". A count may be a number already formatted ("71,72").

    >>> plural_form(21, ("год", "года", "лет"), "ru"), plural_form(12, ("год", "года", "лет"), "ru")
    ('год', 'лет')
    >>> plural_form(1, ("year", "years")), plural_form(0, ("year", "years"))
    ('year', 'years')
    """
    if isinstance(count, str):  # a number already formatted for the reader: "71,72", "1 334", "2.5"
        try:
            count = float(count.replace("\u00a0", "").replace(" ", "").replace(",", "." if lang == "ru" else ""))
        except ValueError:
            return forms[-1]
    whole = isinstance(count, int) or (isinstance(count, float) and count.is_integer())
    if lang == "ru":
        if len(forms) not in (3, 4):
            raise ValueError(f"Russian plural: expected 3 forms (one, few, many) and perhaps a fourth for fractions, "
                             f"got {list(forms)}")
        if not whole:
            return forms[-1] if len(forms) == 4 else forms[1]
        number = abs(int(count))  # type: ignore[call-overload]
        if number % 10 == 1 and number % 100 != 11:
            return forms[0]
        if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
            return forms[1]
        return forms[2]
    if len(forms) != 2:
        raise ValueError(f"English plural: expected 2 forms (one, other), got {list(forms)}")
    return forms[0] if whole and abs(int(count)) == 1 else forms[1]  # type: ignore[call-overload]


class _TextFormatter(string.Formatter):
    """str.format with one addition: ``{count:~one|other}`` picks the word form for the count."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith("~"):
            return plural_form(value, format_spec[1:].split("|"), self.lang)
        return super().format_field(value, format_spec)


def text(text_id: str, lang: str = "en", **values: object) -> str:
    """A report text in ``lang`` with ``values`` (already formatted; counts as int) filled in.

    ``{years:~year|years}`` in a text is the word form for the count ``years``
    (:func:`plural_form`).
    """
    english, russian = TEXTS[text_id]
    return _TextFormatter(lang).format(russian if lang == "ru" else english, **values)


def unit(unit_text: str, lang: str = "en") -> str:
    """A unit as a reader of ``lang`` writes it: ``RUB/m^3`` -> ``руб./м³`` or ``RUB/m³``."""
    result = unit_text
    if lang == "ru":
        for pattern, replacement in _UNIT_WORDS_RU:
            result = re.sub(pattern, replacement, result)
    for pattern, replacement in _UNIT_WORDS_EN:
        result = re.sub(pattern, replacement, result)
    return result
