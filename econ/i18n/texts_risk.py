"""Texts of the report's "Sensitivity and risk" section.

Its introduction, tables, notes and the names of the distributions
(econ.report.risk_section, econ.report.xlsx_sensitivity).
"""

from __future__ import annotations

# text id -> (English, Russian); {placeholders} are filled with formatted values
TEXTS: dict[str, tuple[str, str]] = {
    # the report's "Sensitivity and risk" section (econ.report.risk_section, econ.report.risk_charts)
    "risk.unquantified_see": ("Their values and sources are listed once, under “Assumptions and notes”.",
                              "Их значения и источники приведены один раз, в разделе «Допущения и примечания»."),
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
    # an uncertain input whose range leaves out its base value (econ.model.risk.ranges_without_base)
    "risk.without_base": (
        "For {count} {count:~input|inputs} the range leaves out the value the base case uses: {inputs}. The "
        "statistics above describe the plant those ranges give, not the base case. With {count:~that input|those "
        "inputs} at {count:~its base value|their base values} (the same samples and seed), NPV lies between {p10} "
        "and {p90} (P10 to P90), and the probability of a loss is {probability}.",
        "Для {count} {count:~входной величины|входных величин|входных величин} диапазон не включает значение "
        "базового варианта: {inputs}. Статистика выше описывает установку, которую задают эти диапазоны, а не "
        "базовый вариант. При {count:~базовом значении этой величины|базовых значениях этих величин|базовых "
        "значениях этих величин} (те же выборки и начальное число) NPV лежит между {p10} и {p90} (P10–P90), а "
        "вероятность убытка составляет {probability}."),
    "risk.without_base_alone": (
        "For {count} {count:~input|inputs} the range leaves out the value the base case uses: {inputs}. The "
        "statistics above describe the plant those ranges give, not the base case; no other input varies.",
        "Для {count} {count:~входной величины|входных величин|входных величин} диапазон не включает значение "
        "базового варианта: {inputs}. Статистика выше описывает установку, которую задают эти диапазоны, а не "
        "базовый вариант; другие величины не варьируются."),
    "risk.without_base_item": ("{input}: {low} to {high} against {base}",
                               "{input}: от {low} до {high} при {base} в базовом варианте"),
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
}
