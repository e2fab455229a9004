# Two commands on a fresh machine: `make run` opens the app, `make test` runs every test headless.
# Both build their own virtual environment in .venv from pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LINTED := $(wildcard src tests bench tools)

# The tests read outputs back with real clients (poppler, tesseract, zbar, Xvfb, Chromium, LibreOffice).
# `make test` installs the missing ones when it can (root, or sudo without a password) and otherwise
# stops with one message listing them. MISSING_TOOLS=skip runs anyway: the tests that need a missing
# tool skip, and the run ends with one line naming the tools and how many tests each skipped. Under CI
# (.ci/run installs the tools first) nothing is installed here and a missing tool fails its tests.
MISSING_TOOLS ?= install

.PHONY: run test lint bench dist system-deps system-tools clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/trainer app content

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

test: $(STAMP) system-tools lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 --dist loadgroup

# The one-folder desktop app (dist/Trainer/Trainer, Trainer.exe on Windows) with PyInstaller, which the
# `dist` extra installs into .venv; the spec and its hooks are in packaging/.
dist: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dist]'
	$(BIN)/python -m PyInstaller --noconfirm --distpath dist --workpath build packaging/trainer.spec

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py

system-deps:
	bash tools/install-system-deps.sh

system-tools:
	@missing=$$(bash tools/install-system-deps.sh --check) && exit 0; \
	case "$${CI:-}" in ""|0|false) ;; *) exit 0 ;; esac; \
	[ "$(MISSING_TOOLS)" = skip ] && exit 0; \
	if [ "$$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; then exec bash tools/install-system-deps.sh; fi; \
	echo "make test: missing system tools: $$missing - install them with 'sudo bash tools/install-system-deps.sh', or run without them: make test MISSING_TOOLS=skip" >&2; \
	exit 1

clean:
	rm -rf $(VENV) build dist .pytest_cache
