# Qari: the two commands the README promises are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := articles/iraq-syria-border-security.txt

.PHONY: run test lint bench fuzz clean venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.app-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.app-installed

venv: $(VENV)/.app-installed

## Install into .venv and open the reader on the sample article.
run: $(VENV)/.app-installed
	bash packaging/system-deps.sh run
	$(BIN)/qari $(SAMPLE)

## Install into .venv and run lint, types and the whole test suite (headless).
test: $(VENV)/.test-installed
	bash packaging/system-deps.sh test
	$(BIN)/ruff check .
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/mypy

## Every benchmark, with baselines measured in the same run (by hand, not part of `make test`).
bench: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
