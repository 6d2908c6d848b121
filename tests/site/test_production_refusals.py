"""Production refuses what it used to accept silently: no database configured, and (a
warning) a process-local cache behind several workers.

Each case runs ``manage.py check`` in a subprocess with the production settings and an
environment of its own, as a server starts: settings are read once, at import.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from cms.checks import gunicorn_workers

ROOT = Path(__file__).resolve().parents[2]
#: Never connected to by ``check``.
DATABASE_URL = "postgres://postgres@127.0.0.1:5432/privacy_db"
SHARED_CACHE = "redis://127.0.0.1:6379/0"  # never connected to either


def check(**env: str) -> subprocess.CompletedProcess:
    """``manage.py check`` with the production settings and only the given variables."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "ALLOW_SQLITE"))
        and key not in {"WEB_CONCURRENCY", "GUNICORN_CMD_ARGS"}
    }
    environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        **env,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_database_url():
    result = check()
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Set DATABASE_URL" in result.stderr
    assert "ALLOW_SQLITE_IN_PRODUCTION=true" in result.stderr


def test_sqlite_in_production_when_asked_for_explicitly():
    result = check(ALLOW_SQLITE_IN_PRODUCTION="true")
    assert result.returncode == 0, result.stderr
    assert "Set DATABASE_URL" not in result.stderr


@pytest.mark.parametrize(
    "workers",
    [{"WEB_CONCURRENCY": "4"}, {"GUNICORN_CMD_ARGS": "--bind 0.0.0.0:80 -w 4"}],
    ids=["WEB_CONCURRENCY", "GUNICORN_CMD_ARGS"],
)
def test_several_workers_on_a_process_local_cache_are_warned_of(workers):
    result = check(DATABASE_URL=DATABASE_URL, **workers)
    assert result.returncode == 0, result.stderr  # a warning, not an error
    assert "(cms.W001)" in result.stderr
    assert "the server runs 4 workers" in result.stderr
    assert "Privacy does not depend on it" in result.stderr
    assert "REDIS_URL" in result.stderr


@pytest.mark.parametrize(
    "env",
    [
        {"WEB_CONCURRENCY": "1"},
        {},
        {"WEB_CONCURRENCY": "4", "REDIS_URL": SHARED_CACHE},
    ],
    ids=["one worker", "no worker count", "a shared cache"],
)
def test_no_warning_with_one_worker_or_a_shared_cache(env):
    result = check(DATABASE_URL=DATABASE_URL, **env)
    assert result.returncode == 0, result.stderr
    assert "cms.W001" not in result.stderr


@pytest.mark.parametrize(
    ("environ", "workers"),
    [
        ({}, 1),
        ({"WEB_CONCURRENCY": "3"}, 3),
        ({"GUNICORN_CMD_ARGS": "--workers=5"}, 5),
        ({"GUNICORN_CMD_ARGS": "--workers 5", "WEB_CONCURRENCY": "3"}, 5),
        ({"GUNICORN_CMD_ARGS": "-w5 --timeout 30"}, 5),
        ({"GUNICORN_CMD_ARGS": "--timeout 30", "WEB_CONCURRENCY": "2"}, 2),
    ],
)
def test_the_worker_count_is_read_as_gunicorn_reads_it(environ, workers):
    assert gunicorn_workers(environ) == workers
