# Everything runs in a project-local virtual environment made from Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test fuzz bench fixtures lint clean

# Set up, then audit the bundled example dossiers. Exit status 1 only means some
# fixtures are (deliberately) non-compliant; 2 would mean the tool itself failed.
demo: $(STAMP)
	$(BIN)/lapkin-audit check fixtures/; status=$$?; [ $$status -le 1 ]

test: $(STAMP)
	$(BIN)/python -m pytest

# Property-based fuzzing with many more examples than the regular suite.
fuzz: $(STAMP)
	LAPKIN_FUZZ_EXAMPLES=10000 $(BIN)/python -m pytest tests/test_fuzz.py -q

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

fixtures: $(STAMP)
	$(BIN)/python scripts/make_fixtures.py

$(STAMP): setup.cfg pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON) (set PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
