# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LIBRARY ?= issues

.PHONY: run test lint format bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/masthead $(LIBRARY)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/ruff check editor_app tests benchmarks
	$(BIN)/ruff format --check editor_app tests benchmarks

lint: $(STAMP)
	$(BIN)/ruff check editor_app tests benchmarks
	$(BIN)/ruff format --check editor_app tests benchmarks

format: $(STAMP)
	$(BIN)/ruff format editor_app tests benchmarks
	$(BIN)/ruff check --fix editor_app tests benchmarks

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/preview_latency.py
	$(BIN)/python benchmarks/library_listing.py

clean:
	rm -rf $(VENV) build dist *.egg-info
