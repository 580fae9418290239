"""Texts of the results that the results workbook and the report share.

The model's sections, metrics that are not numbers, unit words after a count,
and the conventions of the cash flow stated in both.
"""

from __future__ import annotations

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
    # a difference of two rates; a payback not reached, in a short cell
    "unit.percentage_points": ("pp", "п. п."),
    "metric.not_reached_short": ("not reached", "не достигается"),
}
