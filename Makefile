# The two commands of the README:
#   make run   - set up (virtual environment, pinned install) and run one monitoring cycle
#   make test  - set up and run the test suite
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_HOME ?= $(CURDIR)/.prefect

.PHONY: run test setup eval bench screenshot clean

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (Python >= 3.11 needed; set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/sahelwatch run

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/sahelwatch eval

# bench/RESULTS.md from every benchmark (~15 min); BENCH_ARGS=--quick for development,
# BENCH_ARGS=--latency to re-measure the alert latency too (a few minutes more)
bench: $(STAMP)
	$(BIN)/python bench/run_all.py $(BENCH_ARGS)

# The HTML digest of a realistic run (seed documents + digest fixtures, no web source),
# photographed by headless Chromium (Debian: apt-get install -y chromium) -> docs/digest.png
screenshot: $(STAMP)
	@command -v chromium >/dev/null 2>&1 || { echo "error: chromium not found (apt-get update && apt-get install -y chromium)"; exit 1; }
	$(BIN)/python docs/screenshot.py docs/digest.png

clean:
	rm -rf $(VENV) .prefect outbox sahelwatch.duckdb sahelwatch.duckdb.wal sahelwatch-analyst.duckdb
