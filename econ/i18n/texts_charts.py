"""Titles, axes and legends of the charts.

Those of the process chain, of the break-even map and the cash flow (the HTML
report), and of the sensitivity and Monte Carlo analysis.
"""

from __future__ import annotations

# text id -> (English, Russian); {placeholders} are filled with formatted values
TEXTS: dict[str, tuple[str, str]] = {
    # a component through the process chain (econ.report.chain_tables)
    "chart.chain_title": ("{component} through the chain", "{component} по технологической цепи"),
    "chart.chain_axis": ("Share of {component} in the feed, %", "Доля {component} от исходного, %"),
    "chart.chain.feed": ("Feed", "Исходное сырьё"),
    "chart.chain.next": ("carried to the next stage", "передано в следующий передел"),
    "chart.chain.sold": ("sold", "товарная продукция"),
    "chart.chain.returned": ("returned to other circuits", "возвращено в другие переделы"),
    "chart.chain.waste": ("waste", "отвал"),
    "chart.chain.imbalance": ("not accounted for", "невязка баланса"),
    # the break-even map and the cash flow (econ.report.html)
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
    # the sensitivity and Monte Carlo analysis (econ.report.risk_section)
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
