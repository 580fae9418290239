# econ: two commands set everything up on a fresh machine.
#   make report   system packages, .venv, the package; writes reports/
#   make test     the same set-up, then the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
WORKBOOKS := inputs/cr_scheme.xlsx inputs/pb_electrorefining.xlsx inputs/bi_oxides.xlsx inputs/copper_chain.xlsx \
             inputs/ni_rinse_ro.xlsx

.PHONY: setup report check test bench clean

$(STAMP): pyproject.toml scripts/setup-system.sh
	bash scripts/setup-system.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

report: setup
	@for workbook in $(WORKBOOKS); do $(BIN)/econ run $$workbook -o reports || exit $$?; done

check: setup
	@for workbook in $(WORKBOOKS); do $(BIN)/econ check $$workbook; done

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_model.py
	$(BIN)/python benchmarks/bench_metrics.py
	$(BIN)/python benchmarks/bench_pdf_stages.py
	$(BIN)/python benchmarks/bench_run.py

clean:
	rm -rf $(VENV) reports/*.xlsx reports/*.pdf reports/*.html tests/artifacts .pytest_cache
