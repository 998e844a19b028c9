# The two Quick start commands (`make run`, `make test`) and the benchmarks.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
export PREFECT_HOME ?= $(CURDIR)/.prefect
# Quiet, local Prefect: an ephemeral server, no telemetry.
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1
# The temporary server can take longer than the 20 s default to start on a loaded 2-core box.
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 180

.PHONY: install run test test-fast test-gold lint format bench clean

install: $(BIN)/.installed

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

run: install
	$(BIN)/conflict-events run data/samples
	$(BIN)/conflict-events query "select event_date, location, country, event_type, sub_event_type, killed_best, injured_best, n_articles from events order by event_date desc"

# The gold sets are not part of the repository: `make test` leaves their tests out.
test: install
	$(BIN)/pytest -q -m "not gold"

test-fast: install
	$(BIN)/pytest -q -m "not server and not gold"

# Scores on the development gold sets, by default ../shared/gold beside the checkout.
CONFLICT_EVENTS_GOLD_DIR ?= $(CURDIR)/../shared/gold
test-gold: install
	CONFLICT_EVENTS_GOLD_DIR="$(CONFLICT_EVENTS_GOLD_DIR)" $(BIN)/pytest -q -m gold tests/gold

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python -m bench $(BENCH)

clean:
	rm -rf data/lake data/warehouse.duckdb .prefect .pytest_cache
