# Everything runs in a project-local virtual environment made from Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo report test fuzz bench fixtures docs clean

# Set up, then audit the bundled example dossiers: the table here, and the printable
# HTML report in build/. Exit status 1 only means some fixtures are (deliberately)
# non-compliant; 2 would mean the tool itself failed.
demo: $(STAMP)
	$(BIN)/lapkin-audit check fixtures/; status=$$?; [ $$status -le 1 ]
	@$(MAKE) --no-print-directory report

report: $(STAMP)
	@mkdir -p build
	$(BIN)/lapkin-audit check fixtures/ --format html --output build/laporan-audit.html; status=$$?; [ $$status -le 1 ]
	@echo "HTML report: build/laporan-audit.html"

# The browser tests of the HTML report need Debian's chromium; ensure-browser installs it
# where it can and otherwise lets those tests skip, saying why.
test: $(STAMP)
	@./scripts/ensure-browser
	$(BIN)/python -m pytest

# Property-based fuzzing with many more examples than the regular suite.
fuzz: $(STAMP)
	LAPKIN_FUZZ_EXAMPLES=10000 $(BIN)/python -m pytest tests/test_fuzz.py -q

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

fixtures: $(STAMP)
	$(BIN)/python scripts/make_fixtures.py

# docs/rules.md is generated from lapkin_audit/ruledocs.yaml (a test keeps them equal).
docs: $(STAMP)
	$(BIN)/python scripts/make_docs.py

$(STAMP): setup.cfg pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON) (set PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
