# Two commands: `make run` and `make test`. Everything else bootstraps them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bootstrap lint format messages compilemessages migrate demo clean

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[site,dev]"
	@touch $@

bootstrap: $(VENV)/.installed compilemessages

compilemessages: $(VENV)/.installed
	@$(PY) -m cms.compilemessages

migrate: bootstrap
	$(PY) manage.py migrate --noinput --verbosity 0

demo: migrate
	$(PY) manage.py load_demo --skip-if-loaded

# The server, and beside it the worker of background tasks (webhooks to partner cities,
# search index updates), stopped with it.
run: demo
	@$(PY) manage.py demo_banner --host $(HOST) --port $(PORT)
	@$(PY) manage.py db_worker --queue-name '*' --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# The plugin's tests in the minimal test project (no cms, no home), then the site's tests.
# Both run, whatever the first gives; the target fails if either fails.
PLUGIN_TESTS := tests/twinning
SITE_TESTS := $(wildcard tests/site tests/browser tests/bench tests/packaging tests/test_*.py)

test: bootstrap
	@status=0; \
	$(VENV)/bin/pytest --ds=tests.project.settings $(PLUGIN_TESTS) $(PYTEST_ARGS) || status=1; \
	$(VENV)/bin/pytest --ds=cms.settings.test $(SITE_TESTS) $(PYTEST_ARGS) || status=1; \
	exit $$status

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Refreshes both catalogues in one run: makemessages sends the strings of twinning/ to the
# plugin's twinning/locale/ and those of cms/ and home/ to the site's locale/ (a string moving
# between them keeps its translations), then compiles. Translate the new entries in the .po
# files, then `make compilemessages`; commit twinning/locale's .po and .mo files.
messages: $(VENV)/.installed
	$(PY) -m cms.messages --no-location --no-obsolete --ignore=.venv --ignore=tests --ignore=bench --ignore=docs --ignore=test-artifacts --ignore=media --ignore=static_collected --ignore=build --ignore=dist -l fr -l de -l en -l it -l es -l pt -l hu -l ja -l ar

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected

# The benchmark (never part of `make test`): BENCH_ARGS=--quick for a short check (~2k pages).
# Uses its own database (SQLite under bench/results/, or BENCH_DB_NAME on DATABASE_URL's server).
.PHONY: bench
bench: bootstrap
	@command -v wrk >/dev/null || (apt-get install -y wrk >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y wrk >/dev/null)) || $(PY) -m pip install --quiet locust
	$(PY) -m bench $(BENCH_ARGS)
