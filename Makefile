# Two commands set up a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test bench fuzz lint install install-dev lock clean chromium

# Runtime only (requirements.lock): what `make demo` needs, no test, lint or bench tools.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q "pip==25.3"
	$(BIN)/pip install -q --require-hashes -r requirements.lock
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Runtime + dev + bench + spark extras (requirements-dev.lock): tests (the Spark job's too:
# Java 17 on the machine), linters, benchmarks.
DEV_STAMP := $(VENV)/.installed-dev
$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(BIN)/pip install -q --require-hashes -r requirements-dev.lock
	touch $(DEV_STAMP)

install: $(STAMP)

install-dev: $(DEV_STAMP)

demo: $(STAMP)
	@rm -f demo.duckdb
	$(BIN)/tidings demo --db demo.duckdb
	@echo
	@echo "Browse it: $(BIN)/tidings serve --db demo.duckdb  then open http://127.0.0.1:8000/"
	@echo "(the seed article, and the Vucic-Putin timeline at /timeline?a=Vucic&b=Putin)"

test: $(DEV_STAMP) chromium
	$(BIN)/python -m pytest

# Regenerate both locks from pyproject.toml, keeping every version already pinned (delete
# a line of requirements-dev.lock to let that package move).
lock:
	grep -hE '^[A-Za-z0-9_.-]+==' requirements-dev.lock | sed 's/ \\$$//' > .lock-pins.txt
	uv pip compile pyproject.toml --generate-hashes --python-version 3.11 \
	  -c .lock-pins.txt --custom-compile-command "make lock" -o requirements.lock
	uv pip compile pyproject.toml --extra dev --extra bench --extra spark --generate-hashes \
	  --python-version 3.11 -c .lock-pins.txt --custom-compile-command "make lock" \
	  -o requirements-dev.lock
	rm -f .lock-pins.txt

# The web tests drive Debian's Chromium through Playwright (never Playwright's own browser
# download); without it they are skipped with a reason.
chromium:
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium) \
		|| echo "note: could not install chromium: the browser tests will be skipped"

bench: $(DEV_STAMP)
	$(BIN)/tidings bench pipeline --limit 500 --out bench/results/pipeline.md
	$(BIN)/tidings bench extract --out bench/results/extract.md
	$(BIN)/tidings bench furniture > bench/results/furniture.md
	$(BIN)/tidings bench timeline --out bench/results/timeline.md
	-test -f bench/.cache/corpus-10k.duckdb || $(BIN)/tidings ingest \
		$(SHARED)/corpus/allsides-10k.jsonl.gz --db bench/.cache/corpus-10k.duckdb
	$(BIN)/tidings bench serve --out bench/results/serve.md

# Fuzz every reader with mutated inputs (tidings.benchmarks.reliability); FUZZ_INPUTS to change.
FUZZ_INPUTS ?= 10000
fuzz: $(DEV_STAMP)
	$(BIN)/python -m tidings.benchmarks.reliability --inputs $(FUZZ_INPUTS) --out bench/results/reliability.md

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) demo.duckdb tidings.duckdb .pytest_cache .mypy_cache .ruff_cache
