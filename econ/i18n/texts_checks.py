"""Texts of the checks (econ.checks) and of the verdict over all the evidence.

A recomputed figure's verdict, the findings that explain a differing one, the
plausibility audits' titles and findings, and the verdict's status, headline
and reasons.
"""

from __future__ import annotations

# text id -> (English, Russian); {placeholders} are filled with formatted values
TEXTS: dict[str, tuple[str, str]] = {
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
    # an audit's status
    "status.ok": ("ok", "норма"),
    "status.warning": ("warning", "предупреждение"),
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
    "verdict.reason.loss_without_base": (
        "the uncertainty analysis gives a probability of a loss (NPV below 0) of {probability}, but for {count} "
        "{count:~input|inputs} the range leaves out the value the base case uses ({inputs}): the analysis describes "
        "the plant those ranges give, and with {count:~that input|those inputs} at {count:~its base value|their base "
        "values} the probability is {at_base}",
        "анализ неопределённости даёт вероятность убытка (NPV меньше 0) {probability}, но для {count} "
        "{count:~входной величины|входных величин|входных величин} диапазон не включает значение базового варианта "
        "({inputs}): анализ описывает установку, которую задают эти диапазоны, а при "
        "{count:~базовом значении этой величины|базовых значениях этих величин|базовых значениях этих величин} "
        "вероятность составляет {at_base}"),
    "verdict.reason.loss_without_base_only": (
        "the uncertainty analysis gives a probability of a loss (NPV below 0) of {probability}, but for {count} "
        "{count:~input|inputs} the range leaves out the value the base case uses ({inputs}), and no other input "
        "varies: the analysis describes the plant those ranges give, not the base case",
        "анализ неопределённости даёт вероятность убытка (NPV меньше 0) {probability}, но для {count} "
        "{count:~входной величины|входных величин|входных величин} диапазон не включает значение базового варианта "
        "({inputs}), а другие величины не варьируются: анализ описывает установку, которую задают эти диапазоны, "
        "а не базовый вариант"),
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
}
