# Everything runs in a project-local virtual environment made from Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# The test environment is installed from a lock with hashes (requirements/test.txt), so a
# fresh machine gets exactly the versions CI tested. `make lock` regenerates it from the
# ranges in setup.cfg; `make test-latest` and `make test-lowest` run the same suite on the
# newest and the oldest versions those ranges allow (for maintainers; not part of CI).
LOCK   := requirements/test.txt
LOWEST := requirements/lowest.txt
UV     := .venv-lock/bin/uv

.PHONY: demo desk report test lint format test-latest test-lowest lock fuzz bench fixtures docs clean

# Set up, then audit the bundled example dossiers: the table here, and the printable
# HTML report in build/. Exit status 1 only means some fixtures are (deliberately)
# non-compliant; 2 would mean the tool itself failed.
# The fixtures' electronic signatures are judged with the trust of a test PKI (names marked UJI).
FIXTURE_RULES := --rules fixtures/tte/aturan-uji

demo: $(STAMP)
	@./scripts/ensure-ocr
	$(BIN)/lapkin-audit check fixtures/ $(FIXTURE_RULES); status=$$?; [ $$status -le 1 ]
	@$(MAKE) --no-print-directory report

# The Sekretaris's desk on the same fixtures, in the browser (Ctrl+C stops it).
desk: $(STAMP)
	$(BIN)/lapkin-audit desk fixtures/dossiers $(FIXTURE_RULES)

report: $(STAMP)
	@mkdir -p build
	$(BIN)/lapkin-audit check fixtures/ $(FIXTURE_RULES) --format html --output build/laporan-audit.html; status=$$?; [ $$status -le 1 ]
	@echo "HTML report: build/laporan-audit.html"

# The suite runs in up to four processes, one test file at a time in each, so a file's
# fixtures are built once; session fixtures (the test PKI, OCR'd scans) once per process.
# `make test PYTEST_JOBS=0` runs it in this process alone.
PYTEST_JOBS ?= auto
PYTEST := -m pytest -n $(PYTEST_JOBS) --maxprocesses 4 --dist loadfile

# The browser tests of the HTML report need Debian's chromium; ensure-browser installs it
# where it can and otherwise lets those tests skip, saying why.
test: lint
	@./scripts/ensure-browser
	@./scripts/ensure-ocr
	$(BIN)/python $(PYTEST)

# Types (mypy --strict, configured in setup.cfg) and style (ruff, in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check lapkin_audit tests scripts
	$(BIN)/ruff format --check lapkin_audit tests scripts
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix lapkin_audit tests scripts
	$(BIN)/ruff format lapkin_audit tests scripts

# Property-based fuzzing with many more examples than the regular suite.
fuzz: $(STAMP)
	LAPKIN_FUZZ_EXAMPLES=10000 LAPKIN_MUTATION_STRIDE=1 $(BIN)/python -m pytest tests/test_fuzz.py tests/test_fast_validation.py -q

bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_evidence.py
	$(BIN)/python scripts/bench_tables.py
	$(BIN)/python scripts/bench_content.py

fixtures: $(STAMP)
	$(BIN)/python scripts/make_fixtures.py

# docs/rules.md and the README's rules table are generated from the rules' declarations (a test keeps them equal).
docs: $(STAMP)
	$(BIN)/python scripts/make_docs.py

$(STAMP): setup.cfg setup.py pyproject.toml $(LOCK)
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON) (set PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# The newest versions setup.cfg allows, in a venv of their own; prints what it got.
test-latest:
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade pip
	.venv-latest/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[test,bench,lint]'
	.venv-latest/bin/python -m pip freeze --exclude-editable | grep -iE '^(cerberus|click|tabulate|pendulum|holidays|pyyaml|pytest|hypothesis|jsonschema|selenium)=='
	@./scripts/ensure-browser
	.venv-latest/bin/python $(PYTEST)

# The lowest versions setup.cfg allows for our direct dependencies (requirements/lowest.txt).
test-lowest:
	rm -rf .venv-lowest
	$(PYTHON) -m venv .venv-lowest
	.venv-lowest/bin/python -m pip install --quiet -r $(LOWEST)
	.venv-lowest/bin/python -m pip install --quiet --no-deps -e .
	@./scripts/ensure-browser
	.venv-lowest/bin/python $(PYTEST)

# Regenerate the locks from setup.cfg (universal: the same files serve Linux and Windows):
# the test environment, its lowest versions, and the runtime alone (requirements/run.txt,
# which .ci/run's smoke test installs, as a user wanting the tested versions would).
lock:
	[ -x $(UV) ] || { $(PYTHON) -m venv .venv-lock && .venv-lock/bin/python -m pip install --quiet 'uv>=0.9,<1'; }
	$(UV) pip compile setup.cfg --extra test --extra bench --extra lint --universal --python-version 3.11 \
		--generate-hashes --custom-compile-command "make lock" -o $(LOCK)
	$(UV) pip compile setup.cfg --extra test --extra bench --extra lint --universal --python-version 3.11 \
		--resolution lowest-direct --custom-compile-command "make lock" -o $(LOWEST)
	$(UV) pip compile setup.cfg --universal --python-version 3.11 \
		--generate-hashes --custom-compile-command "make lock" -o requirements/run.txt
	$(PYTHON) scripts/pin_hook.py

clean:
	rm -rf $(VENV) .venv-latest .venv-lowest .venv-lock build *.egg-info .pytest_cache .hypothesis
