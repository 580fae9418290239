"""Texts of the feasibility report (econ.report).

Headings, captions, column heads and notes of its sections (capital, energy,
revenue, checks, process chain, alternatives, break-even), its verdict
sentences and its conclusions. The "Sensitivity and risk" section's texts are
in econ.i18n.texts_risk, the charts' in econ.i18n.texts_charts.
"""

from __future__ import annotations

# text id -> (English, Russian); {placeholders} are filled with formatted values
TEXTS: dict[str, tuple[str, str]] = {
    # the checks section's tables (econ.report.checks_section)
    "report.checks.other": ("Published figures that agree or hold", "Опубликованные значения, которые совпадают или подтверждаются"),
    "report.checks.apart": ("Rows that are not published figures (derived, assumed) or not tested",
                            "Строки, которые не являются опубликованными значениями (производные, допущения) или не проверяются"),
    "report.checks.kind.derived": ("derived", "производное"),
    "report.checks.kind.assumed": ("assumed", "допущение"),
    "report.checks.kind.published": ("published", "опубликовано"),
    # the rates of the full DCF
    "report.dcf.nominal_rate": ("Nominal discount rate", "Номинальная ставка дисконтирования"),
    "report.dcf.real_rate": ("Real discount rate", "Реальная ставка дисконтирования"),
    "report.dcf.inflation": ("General inflation", "Общая инфляция"),
    "report.dcf.no_debt_service": ("undefined: no year has a debt service", "не определён: нет лет обслуживания долга"),
    # the inputs section (econ.report.inputs_section)
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
    "report.chart_costs": ("Structure of the monthly operating costs", "Структура ежемесячных затрат"),
    "report.chart_cash_flow": ("Annual and cumulative discounted cash flow", "Годовой и накопленный дисконтированный денежный поток"),
    "report.assumption_inputs": ("Inputs that are assumptions: so marked in their sources, or defaulted",
                                 "Исходные данные — допущения: отмеченные так в источниках или принятые по умолчанию"),
    "report.conventions": ("Conventions", "Соглашения"),
    "report.field.project": ("Project", "Проект"),
    "report.field.date": ("Date", "Дата"),
    "report.field.currency": ("Currency", "Валюта"),
    "report.field.base_year": ("Price base year", "Базовый год цен"),
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
    "report.products_value": ("Value of the products sold per month (not a feasibility result)",
                              "Стоимость товарной продукции в месяц (не оценка эффективности)"),
    "report.products_value_year": ("Value of the products sold per year (not a feasibility result)",
                                   "Стоимость товарной продукции в год (не оценка эффективности)"),
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
    "conclusions.without_base": (
        "The {count:~range|ranges} given for {count:~this input leaves|these inputs leave} out the value the base "
        "case uses, so {count:~it comes|they come} first:",
        "{count:~Диапазон, заданный для этой величины, не включает|Диапазоны, заданные для этих величин, не "
        "включают|Диапазоны, заданные для этих величин, не включают} значение базового варианта, поэтому "
        "{count:~её|их|их} нужно уточнить в первую очередь:"),
    "conclusions.assumptions": ("{count} {count:~input rests|inputs rest} on an assumption with no range:",
                                "Исходные данные, основанные на допущении без диапазона ({count}):"),
    "conclusions.no_assumptions": ("No input rests on an assumption with no range.",
                                   "Нет исходных данных, основанных на допущении без диапазона."),
    # the heading of the "Sensitivity and risk" section (its texts: econ.i18n.texts_risk)
    "report.risk": ("Sensitivity and risk", "Чувствительность и риски"),
}
