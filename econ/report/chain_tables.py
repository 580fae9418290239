"""The process-chain part of the report: stage balances, closure, recovery and separation sharpness, losses.

Every value comes from the evaluated figures of econ.model.chain, formatted for
the report's language; a figure the model could not define (a component whose
amount a stream does not give) is shown as "undefined" with no number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from econ import i18n
from econ.checks.chain_audits import CLOSURE_TOLERANCE
from econ.inputs.chain import NEXT, SOLD
from econ.model.chain import stage_key, stream_key

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation
    from econ.inputs.chain import Chain
    from econ.report.document import Table, _Formatter


def chain_row_name(chain: Chain, key: str) -> str | None:
    """The name a chain key's label shows: "Stage/stream", "Stage/stream (Bi)", "Stage (Bi)", a component or an
    energy row; None for a key that is not the chain's."""
    parts = key.split(".")
    if len(parts) < 3 or not parts[1].isdigit():
        return None
    index = int(parts[1])
    component = chain.components[int(parts[2])] if parts[2].isdigit() and int(parts[2]) < len(chain.components) \
        else None
    if parts[0] in ("streams", "balance") and index < len(chain.streams):
        name = chain.qualified_name(index)
    elif parts[0] == "stage" and index < len(chain.stages):
        name = chain.stages[index].name
    elif parts[0] == "payables" and index < len(chain.payables):
        payable = chain.payables[index]
        return f"{chain.qualified_name(payable.stream)} ({chain.components[payable.component]})"
    elif parts[0] in ("stage_energy", "energy_use") and index < len(chain.energy):
        return chain.energy[index].name
    elif parts[0] == "chain" and index < len(chain.components):
        return chain.components[index]
    else:
        return None
    return f"{name} ({component})" if component else name


def chain_tables(evaluation: Evaluation, fmt: _Formatter, lang: str) -> dict[str, Table]:
    """The chain's report tables by id: one balance per stage, then closure, recovery and losses."""
    from econ.report.document import Table

    chain = evaluation.plant.chain
    values = evaluation.results.values
    components = chain.components
    unit = fmt.unit(chain.mass_unit)

    def get(key: str) -> float | None:
        return float(values[key]) if key in values else None

    def mass(key: str) -> str:
        value = get(key)
        return fmt.auto(value, 4) if value is not None else i18n.text("report.undefined", lang)

    def difference(key: str, scale_key: str) -> str:
        """An imbalance, with float noise far below the amounts balanced shown as 0."""
        value, scale = get(key), get(scale_key)
        if value is None:
            return i18n.text("report.undefined", lang)
        return fmt.auto(0.0 if abs(value) <= 1e-9 * max(abs(scale or 0.0), 1.0) else value, 4)

    def share(key: str, decimals: int = 2) -> str:
        value = get(key)
        return fmt.percent(value, decimals) if value is not None else "—"

    tables: dict[str, Table] = {}
    n = len(components)
    for stage in chain.stages:
        headers = [i18n.text("report.col.stream", lang), i18n.text("report.col.mass", lang, unit=unit)]
        for component in components:
            headers += [f"{component}, {unit}", f"β {component}, %", f"ε {component}, %",
                        i18n.text("report.col.through", lang, component=component)]
        widths = [24.0 - 2 * n, 9.0] + [(67.0 + 2 * n) / (4 * n)] * (4 * n)
        table = Table(f"balance-{stage.index}", i18n.text("report.chain.balance_caption", lang,
                                                          number=stage.index + 1, stage=stage.name),
                      headers, ["l"] + ["r"] * (len(headers) - 1), widths, whole=True)
        for direction, streams, total_id in (("in", chain.loaded(stage.index), "loaded"),
                                             ("out", chain.obtained(stage.index), "obtained")):
            table.add([i18n.text(f"report.chain.{total_id}", lang)] + [""] * (len(headers) - 1), "section")
            for stream in streams:
                where = i18n.text(f"report.chain.to.{stream.destination}", lang) if direction == "out" else ""
                row = [f"{stream.name}{f' → {where}' if where else ''}", mass(stream_key(stream.index, "mass"))]
                for j in range(n):
                    row += [mass(stream_key(stream.index, "mass", j)), share(stream_key(stream.index, "content", j), 3),
                            share(stream_key(stream.index, "distribution", j)),
                            share(stream_key(stream.index, "recovery", j))]
                table.add(row)
            total = [i18n.text(f"report.chain.total_{total_id}", lang),
                     mass(stage_key(stage.index, f"mass_{total_id}"))]
            for j in range(n):
                total += [mass(stage_key(stage.index, total_id, j)), "", "", ""]
            table.add(total, "total")
        imbalance = [i18n.text("report.chain.imbalance", lang),
                     difference(stage_key(stage.index, "mass_imbalance"), stage_key(stage.index, "mass_loaded"))]
        for j in range(n):
            imbalance += [difference(stage_key(stage.index, "imbalance", j), stage_key(stage.index, "loaded", j)),
                          share(stage_key(stage.index, "relative_imbalance", j)), "", ""]
        relative = get(stage_key(stage.index, "mass_relative_imbalance"))
        table.add(imbalance, "warning" if any(abs(get(stage_key(stage.index, "relative_imbalance", j)) or 0)
                                              > CLOSURE_TOLERANCE for j in range(n)) else "total")
        table.note = i18n.text("report.chain.balance_note", lang, scale=fmt.auto(get(stage_key(stage.index, "scale")), 5),
                               relative=fmt.percent(relative, 2) if relative is not None else "—")
        tables[f"balance-{stage.index}"] = table

    # recovery and separation through the chain
    headers = [i18n.text("report.col.stage", lang)]
    for component in components:
        headers += [i18n.text("report.col.carried", lang, component=component),
                    i18n.text("report.col.sharpness", lang, component=component)]
    table = Table("chain-recovery", i18n.text("report.chain.recovery_caption", lang), headers,
                  ["l"] + ["r"] * (2 * n), [31.0] + [69.0 / (2 * n)] * (2 * n), whole=True)
    for stage in chain.stages:
        onward = [s for s in chain.obtained(stage.index) if s.destination in (NEXT, SOLD)]
        row = [f"{stage.index + 1}. {stage.name}"]
        for j in range(n):
            carried = [get(stream_key(s.index, "recovery", j)) for s in onward]
            known = [value for value in carried if value is not None]
            row += [fmt.percent(sum(known), 2) if known and len(known) == len(carried) else "—",
                    _sharpness(get(stage_key(stage.index, "information", j)),
                               get(stage_key(stage.index, "max_entropy", j)), fmt)]
        table.add(row)
    sold = [fmt.percent(get(f"chain.{j}.recovery_sold"), 2) if get(f"chain.{j}.recovery_sold") is not None else "—"
            for j in range(n)]
    table.note = i18n.text("report.chain.recovery_note", lang,
                           sold="; ".join(f"{component} {value}" for component, value in zip(components, sold))) \
        + " " + i18n.text("report.chain.sharpness_note", lang)
    tables["chain-recovery"] = table

    # what leaves the chain, and the final product it costs
    headers = [i18n.text("report.col.stage", lang), i18n.text("report.col.component", lang),
               i18n.text("report.col.where", lang), i18n.text("report.col.share_of_feed", lang),
               i18n.text("report.col.final_product", lang), i18n.text("report.col.value_money", lang, cur=fmt.unit(
                   f"{evaluation.plant.currency}/month"))]
    table = Table("chain-losses", i18n.text("report.chain.losses_caption", lang), headers,
                  ["l", "l", "l", "r", "r", "r"], [24.0, 14.0, 16.0, 14.0, 16.0, 16.0])
    worst: dict[tuple[str, int], tuple[float, int]] = {}
    rows = []
    for kind, share_name, mass_name, value_name in (("waste", "leaving", "final_lost_per_month", "final_lost_value"),
                                                    ("returned", "diverted", "final_diverted_per_month",
                                                     "final_diverted_value")):
        for stage in chain.stages:
            for j, component in enumerate(components):
                if get(stage_key(stage.index, share_name, j)) is None:
                    continue
                value = get(stage_key(stage.index, value_name, j))
                amount = get(stage_key(stage.index, mass_name, j)) or 0.0
                rows.append((kind, stage, j, component, value, amount, share_name, mass_name))
                measure = value if value is not None else amount
                if measure > worst.get((kind, j), (-1.0, -1))[0]:
                    worst[(kind, j)] = (measure, stage.index)
    for kind, stage, j, component, value, _amount, share_name, mass_name in rows:
        costliest = worst.get((kind, j), (0.0, -1))[1] == stage.index
        table.add([f"{stage.index + 1}. {stage.name}", component, i18n.text(f"report.chain.to.{kind}", lang),
                   share(stage_key(stage.index, share_name, j), 3),
                   f"{fmt.auto(get(stage_key(stage.index, mass_name, j)), 4)} {fmt.unit('t/month')}",
                   fmt.number(value, 0) if value is not None else "—"], "warning" if costliest else "")
    table.note = i18n.text("report.chain.losses_note", lang)
    tables["chain-losses"] = table
    return tables


def process_energy_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table | None:
    """The StageEnergy rows side by side: quoted and Faraday figures, and which ones the electricity counts."""
    from econ.report.document import Table

    chain = evaluation.plant.chain
    if chain is None or not chain.energy:
        return None
    results = evaluation.results
    headers = [i18n.text(f"report.col.{name}", lang) for name in
               ("energy_use", "energy_basis", "specific_energy", "basis_per_month", "energy", "counted")]
    table = Table("process-energy", i18n.text("report.chain.energy_caption", lang), headers,
                  ["l", "l", "r", "r", "r", "l"], [30.0, 22.0, 12.0, 12.0, 14.0, 10.0])
    for use in chain.energy:
        prefix = f"energy_use.{use.index}"
        basis = chain.qualified_name(use.basis)
        if use.component is not None:
            basis = f"{basis} ({chain.components[use.component]})"
        table.add([use.name, basis, fmt.number(results.scalar(f"{prefix}.specific_energy"), 0),
                   fmt.auto(results.scalar(f"{prefix}.basis_per_month"), 4),
                   fmt.number(results.scalar(f"{prefix}.energy_per_month"), 0),
                   i18n.text("report.yes" if use.counted else "report.no", lang)],
                  "" if use.counted else "muted")
    table.note = i18n.text("report.chain.energy_note", lang)
    return table


def chain_flows(evaluation: Evaluation, lang: str) -> list[dict[str, object]]:
    """Plain data for one waterfall chart per component (picklable, for the chart worker)."""
    chain = evaluation.plant.chain
    if chain is None:
        return []
    values = evaluation.results.values
    flows = []
    for j, component in enumerate(chain.components):
        stages = []
        carried = 1.0
        complete = True
        for stage in chain.stages:
            outputs = []
            for stream in chain.obtained(stage.index):
                key = stream_key(stream.index, "recovery", j)
                if key not in values:
                    complete = False
                    break
                share = float(values[key])
                if not 0 <= share < float("inf"):  # a negative remainder: the audits say so; no chart
                    complete = False
                    break
                outputs.append((stream.name, stream.destination, share))
            if not complete:
                break
            main = chain.main_feed(stage.index)
            key = stream_key(main.index, "recovery", j)
            carried = float(values[key]) if key in values else carried
            stages.append((stage.name, carried, tuple(outputs),
                           carried - sum(share for _, _, share in outputs)))
        if complete:
            flows.append({
                "component": component, "feed": chain.streams[chain.feed].name, "stages": stages,
                "title": i18n.text("chart.chain_title", lang, component=component),
                "labels": {
                    "axis": i18n.text("chart.chain_axis", lang, component=component),
                    **{name: i18n.text(f"chart.chain.{name}", lang)
                       for name in ("feed", "next", "sold", "returned", "waste", "imbalance")},
                },
            })
    return flows


def _sharpness(information: float | None, max_entropy: float | None, fmt: _Formatter) -> str:
    """Separation sharpness, 1 - H/Hmax = information / maximum entropy, in percent: 100 % when the whole
    component goes to one product, 0 % when it is spread evenly; "—" for a stage of one product."""
    if information is None or not max_entropy:
        return "—"
    return fmt.percent(information / max_entropy, 1)
