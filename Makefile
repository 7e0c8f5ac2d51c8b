# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LIBRARY ?= issues

.PHONY: run test lint format bench stress clean translations update-translations check-translations \
	icons bundle bundle-check install-desktop uninstall-desktop

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP) translations
	$(BIN)/masthead $(LIBRARY)

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/ruff check editor_app tests benchmarks packaging
	$(BIN)/ruff format --check editor_app tests benchmarks packaging

lint: $(STAMP)
	$(BIN)/ruff check editor_app tests benchmarks packaging
	$(BIN)/ruff format --check editor_app tests benchmarks packaging

format: $(STAMP)
	$(BIN)/ruff format editor_app tests benchmarks packaging
	$(BIN)/ruff check --fix editor_app tests benchmarks packaging

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu \
		$(BIN)/python benchmarks/preview_latency.py
	$(BIN)/python benchmarks/library_listing.py
	$(BIN)/python benchmarks/ledger_lookup.py
	$(BIN)/python benchmarks/render_limits.py
	$(BIN)/python benchmarks/render_blocks.py

# kill -9 while typing and during structural edits; TRIALS=200 by default (a few minutes)
TRIALS ?= 200
stress: $(STAMP)
	$(BIN)/python benchmarks/durability.py --trials $(TRIALS)

# -- translations: the .ts files are committed, the .qm files are built -------------------------
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Rewrites the .ts from the sources (new strings arrive unfinished: translate them).
update-translations: $(STAMP)
	$(BIN)/python packaging/translations.py update

check-translations: $(STAMP)
	$(BIN)/python packaging/translations.py check

# -- icons: PNG sizes rendered from resources/icons/masthead.svg ----------------------------------
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/linux/make_icons.py

# -- bundle (PyInstaller, one folder: dist/masthead/) -----------------------------------------------
PKG_STAMP := $(VENV)/.installed-packaging
BUNDLE := dist/masthead/masthead

$(PKG_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,packaging]'
	touch $(PKG_STAMP)

bundle: $(PKG_STAMP) translations
	@start=$$(date +%s); \
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/masthead.spec && \
	echo "bundle: dist/masthead/ built in $$(( $$(date +%s) - start )) s, $$(du -sh dist/masthead | cut -f1)"

bundle-check: $(STAMP)
	@test -x $(BUNDLE) || $(MAKE) bundle
	$(BIN)/python packaging/bundle_check.py dist/masthead

# -- Linux desktop integration in ~/.local/share (the bundle if built, else the .venv command) --
install-desktop: $(STAMP)
	$(BIN)/python packaging/linux/install_desktop.py install

uninstall-desktop: $(STAMP)
	$(BIN)/python packaging/linux/install_desktop.py uninstall

clean:
	rm -rf $(VENV) build dist *.egg-info
