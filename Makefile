# Two commands set up a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test bench fuzz lint install clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q "pip==25.3"
	$(BIN)/pip install -q --require-hashes -r requirements.lock
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@rm -f demo.duckdb
	$(BIN)/tidings ingest examples --db demo.duckdb
	$(BIN)/tidings demo --db demo.duckdb

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/tidings bench pipeline --limit 500 --out bench/results/pipeline.md
	$(BIN)/tidings bench extract --out bench/results/extract.md
	$(BIN)/tidings bench furniture > bench/results/furniture.md
	$(BIN)/tidings bench timeline --out bench/results/timeline.md

# Fuzz every reader with mutated inputs (tidings.benchmarks.reliability); FUZZ_INPUTS to change.
FUZZ_INPUTS ?= 10000
fuzz: $(STAMP)
	$(BIN)/python -m tidings.benchmarks.reliability --inputs $(FUZZ_INPUTS) --out bench/results/reliability.md

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) demo.duckdb tidings.duckdb .pytest_cache .mypy_cache .ruff_cache
