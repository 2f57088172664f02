# Qari: the two commands the README promises are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := articles/iraq-syria-border-security.txt

.PHONY: run test lint bench fuzz clean venv dist bundle install-desktop uninstall-desktop translations

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

## Interface strings: new TEXTS keys into resources/translations/qari_ar.ts, then qari_ar.qm.
translations: $(VENV)/.app-installed
	$(BIN)/python packaging/update_translations.py

## Every benchmark, with baselines measured in the same run (by hand, not part of `make test`).
bench: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

## Build an sdist and a wheel into dist/ (the wheel carries the articles and resources).
dist: | $(BIN)/python
	$(BIN)/python -m pip install -q build
	rm -rf build dist/qari-*.whl dist/qari-*.tar.gz
	$(BIN)/python -m build --outdir dist .

$(VENV)/.bundle-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[bundle]'
	touch $@ $(VENV)/.app-installed

## One-folder application in dist/qari/ (PyInstaller, packaging/qari.spec): run dist/qari/qari.
## The system libraries a window needs are installed first so that the bundle carries them.
bundle: $(VENV)/.bundle-installed
	bash packaging/system-deps.sh run
	rm -rf dist/qari build/qari
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build \
	  packaging/qari.spec

APP_ID := io.github.qari.Qari
DATA_HOME ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)

## Install the desktop entry, AppStream file and icons for the current user.
install-desktop:
	install -Dm644 packaging/$(APP_ID).desktop $(DATA_HOME)/applications/$(APP_ID).desktop
	install -Dm644 packaging/$(APP_ID).metainfo.xml $(DATA_HOME)/metainfo/$(APP_ID).metainfo.xml
	install -Dm644 resources/icons/qari.svg $(DATA_HOME)/icons/hicolor/scalable/apps/$(APP_ID).svg
	for s in 16 24 32 48 64 128 256 512; do \
	  install -Dm644 resources/icons/qari-$$s.png $(DATA_HOME)/icons/hicolor/$${s}x$${s}/apps/$(APP_ID).png; \
	done
	-update-desktop-database -q $(DATA_HOME)/applications 2>/dev/null

uninstall-desktop:
	rm -f $(DATA_HOME)/applications/$(APP_ID).desktop $(DATA_HOME)/metainfo/$(APP_ID).metainfo.xml
	rm -f $(DATA_HOME)/icons/hicolor/scalable/apps/$(APP_ID).svg
	for s in 16 24 32 48 64 128 256 512; do rm -f $(DATA_HOME)/icons/hicolor/$${s}x$${s}/apps/$(APP_ID).png; done
	-update-desktop-database -q $(DATA_HOME)/applications 2>/dev/null

FUZZ_EXAMPLES ?= 100000

## Long fuzz run of the three parsers (>= 100,000 generated examples), then the linear-time
## check with the slow input shapes added (~13 min on 2 cores).
fuzz: $(VENV)/.test-installed
	$(BIN)/python tests/fuzz/run_fuzz.py --examples $(FUZZ_EXAMPLES) --jobs 2

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
