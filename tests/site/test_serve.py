"""``make serve``: the production configuration, as gunicorn runs it with cms/gunicorn.conf.py.

Production stores static files under hashed names (WhiteNoise's manifest storage), which
only ``collectstatic`` writes: these tests collect them into a folder of their own, then
serve a page and one of its static files the way a deployment does.
"""

import json
import os
import re
import secrets
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.servers import ROOT, Gunicorn, database_url_for_servers

CONFIG = "cms/gunicorn.conf.py"
GUNICORN = Path(sys.executable).with_name("gunicorn")
STATIC_URL = re.compile(r'/static/[^"\'\s?#]+\.[0-9a-f]{12}\.(?:css|js)')


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """What ``make serve`` sets for a loopback run: a strong throwaway key, plain HTTP."""
    return {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOW_SQLITE_IN_PRODUCTION": "true",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_SECURE_COOKIES": "false",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        **extra,
    }


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    environ = {**os.environ, **env}
    environ.pop("REDIS_URL", None)
    return subprocess.run(command, cwd=ROOT, env=environ, capture_output=True, text=True)


def test_gunicorn_config_is_valid_and_read_from_the_environment(tmp_path):
    env = production_env(
        tmp_path,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        HOST="0.0.0.0",
        PORT="8123",
        WEB_CONCURRENCY="3",
    )

    checked = run([str(GUNICORN), "--check-config", "--config", CONFIG], env)
    printed = run([str(GUNICORN), "--print-config", "--config", CONFIG], env)

    assert checked.returncode == 0, checked.stderr
    config = dict(re.findall(r"^(\w+)\s+= (.*)$", printed.stdout, re.MULTILINE))
    assert config["bind"] == "['0.0.0.0:8123']"
    assert config["workers"] == "3"
    assert config["wsgi_app"] == "cms.wsgi:application"
    assert config["preload_app"] == "False"
    assert int(config["max_requests"]) > 0 and int(config["max_requests_jitter"]) > 0
    assert config["accesslog"] == "-"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_production_serves_pages_and_hashed_static_files_after_collectstatic(home, tmp_path):
    database_url = database_url_for_servers(tmp_path)
    env = production_env(tmp_path, DATABASE_URL=database_url)
    collected = run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    assert collected.returncode == 0, collected.stderr
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    hashed_names = {f"/static/{name}" for name in manifest["paths"].values()}

    # Gunicorn reads cms/gunicorn.conf.py, as `make serve` does; the test's own
    # arguments (port, one worker) take precedence over it.
    env["GUNICORN_CMD_ARGS"] = f"--config {CONFIG}"
    with Gunicorn(database_url, settings="cms.settings.production", env=env) as server:
        with urllib.request.urlopen(f"{server.url}/{home.locale.language_code}/") as response:
            page = response.read().decode()
            assert response.status == 200
        static_urls = set(STATIC_URL.findall(page))
        assert static_urls and static_urls <= hashed_names
        static_url = sorted(static_urls)[0]
        with urllib.request.urlopen(server.url + static_url) as response:
            served = response.read()
            cache_control = response.headers["Cache-Control"]

    assert served == (tmp_path / static_url.removeprefix("/")).read_bytes()
    assert "immutable" in cache_control  # hashed names are cached for good
