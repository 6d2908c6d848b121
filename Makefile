# Two commands: `make run` and `make test`. Everything else bootstraps them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bootstrap lint format messages compilemessages migrate demo clean serve backup restore edge

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

# The production configuration on this machine: static files collected into their hashed
# names, migrations, gunicorn with cms/gunicorn.conf.py and the task worker beside it,
# stopped with it. Deployment values come from the environment (README "Deploying"). On a
# loopback HOST only, what a laptop lacks is filled in, and said: a throwaway secret key,
# SQLite when DATABASE_URL is unset, plain HTTP (no redirect, HSTS or secure-only cookies).
serve: bootstrap
	@export DJANGO_SETTINGS_MODULE=cms.settings.production HOST=$(HOST) PORT=$(PORT); \
	case "$(HOST)" in localhost|127.*|::1|"[::1]") loopback=yes;; *) loopback=;; esac; \
	if [ -n "$$loopback" ]; then \
		if [ -z "$$DJANGO_SECRET_KEY" ]; then \
			export DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')"; \
			echo "make serve: no DJANGO_SECRET_KEY set: a throwaway key for this loopback run (logins end with it)."; \
		fi; \
		if [ -z "$$DATABASE_URL" ]; then \
			export ALLOW_SQLITE_IN_PRODUCTION=true; \
			echo "make serve: no DATABASE_URL set: SQLite (db.sqlite3), allowed for this loopback run only."; \
		fi; \
		export DJANGO_SECURE_SSL_REDIRECT=$${DJANGO_SECURE_SSL_REDIRECT:-false} DJANGO_HSTS_SECONDS=$${DJANGO_HSTS_SECONDS:-0} DJANGO_SECURE_COOKIES=$${DJANGO_SECURE_COOKIES:-false}; \
		echo "make serve: plain HTTP on loopback: no HTTPS redirect, no HSTS, cookies not secure-only."; \
	fi; \
	$(PY) manage.py collectstatic --noinput --verbosity 0 && \
	$(PY) manage.py migrate --noinput --verbosity 0 || exit 1; \
	echo "make serve: http://$(HOST):$(PORT)/ (gunicorn, production settings; Ctrl-C stops it)"; \
	$(PY) manage.py db_worker --queue-name '*' --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn --config cms/gunicorn.conf.py

# Several app servers behind Varnish on this machine (README "Deploying"): EDGE_INSTANCES
# (2) gunicorn instances with the production settings on PostgreSQL and Redis (DATABASE_URL,
# REDIS_URL; by default the local ones, with a database twinning_edge of its own, migrated,
# with the demo), behind varnishd with docs/deploy/varnish/twinning.vcl on EDGE_PORT (6081),
# and a task worker. Ctrl-C stops them all.
EDGE_INSTANCES ?= 2
EDGE_PORT ?= 6081
edge: bootstrap
	$(PY) -m bench.edge --instances $(EDGE_INSTANCES) --port $(EDGE_PORT) $(EDGE_ARGS)

# One archive (a directory under BACKUP_DIR, default backups/) holding the database
# (pg_dump, or SQLite's online backup) and the media folder, with a manifest of checksums.
backup: $(VENV)/.installed
	$(PY) -m cms.backup create $(if $(BACKUP_DIR),--output "$(BACKUP_DIR)")

# `make restore ARCHIVE=backups/twinning-…`: into an empty database and media folder
# (FORCE=1 to overwrite); the archive is checked in full before anything is written.
restore: $(VENV)/.installed
	@test -n "$(ARCHIVE)" || { echo "usage: make restore ARCHIVE=backups/twinning-<date> [FORCE=1]" >&2; exit 2; }
	$(PY) -m cms.backup restore "$(ARCHIVE)" $(if $(FORCE),--force)

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
