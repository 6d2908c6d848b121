"""The wheel, installed into a fresh ``wagtail start`` site with the README's two blocks.

What a host site's developer does: build (here) or ``pip install wagtail-twinning``, paste
the settings and URL blocks of the README's install section, ``migrate``, ``check``, then
use the admin. The site runs in its own virtual environment, so only the wheel's
``twinning`` can be imported (never this repository's).
"""

import os
import re
import shutil
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WALK = Path(__file__).with_name("new_site_walk.py")
SECTION = "Add Twinning to an existing Wagtail site"
PIP_CACHE = os.environ.get("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip"))

pytestmark = pytest.mark.packaging


def run(args: list, *, cwd: Path | None = None, env: dict | None = None) -> str:
    result = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"{' '.join(map(str, args))} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    return result.stdout


def install_blocks() -> list[str]:
    """The first two ```python blocks of the README's install section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^#+ {re.escape(SECTION)}\n(.*?)(?=^## |\Z)", readme, re.S | re.M)
    assert match, f'the README has a section "{SECTION}"'
    blocks = re.findall(r"^```python\n(.*?)^```", match.group(1), re.S | re.M)
    assert len(blocks) >= 2, "the install section has a settings block and a URLs block"
    return blocks[:2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The distribution built from a copy of what it is made of (no build files left here)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for license_file in ROOT.glob("LICEN[CS]E*"):
        shutil.copy(license_file, source / license_file.name)
    shutil.copytree(
        ROOT / "twinning", source / "twinning", ignore=shutil.ignore_patterns("__pycache__")
    )
    dist = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, source])
    (built,) = dist.glob("wagtail_twinning-*.whl")
    return built


def test_wheel_holds_the_plugin_only_with_its_templates_static_files_and_catalogues(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    packages = {
        name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")
    }

    assert packages == {"twinning"}
    assert not [name for name in names if "/demo/" in name or name.endswith("load_demo.py")]
    assert "twinning/templates/twinning/partner_city_page.html" in names
    assert "twinning/templates/twinning/sitemap.xml" in names
    assert any(name.startswith("twinning/static/twinning/") for name in names)
    assert any(name.startswith("twinning/migrations/0001_") for name in names)
    catalogues = [name for name in names if name.startswith("twinning/locale/")]
    assert any(name.endswith("/LC_MESSAGES/django.mo") for name in catalogues), (
        "the plugin's compiled catalogues are in the wheel"
    )


def postgres_database(url: str):
    """A fresh database on DATABASE_URL's server, and a function that drops it."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    name = f"{config['NAME'] or 'twinning'}_newsite_{uuid.uuid4().hex[:8]}"
    server = {
        "host": config["HOST"] or "localhost",
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "password": config["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**server) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(**server) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    databases = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": server["user"],
            "PASSWORD": server["password"] or "",
            "HOST": server["host"],
            "PORT": str(server["port"]),
        }
    }
    return databases, drop


def test_wheel_installs_into_a_new_wagtail_site_that_editors_and_readers_can_use(wheel, tmp_path):
    settings_block, urls_block = install_blocks()
    database_url = os.environ.get("DATABASE_URL", "")

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv])
    python, bin_dir = venv / "bin" / "python", venv / "bin"
    extra = ["psycopg[binary]"] if database_url.startswith("postgres") else []
    run([python, "-m", "pip", "install", "--quiet", "--cache-dir", PIP_CACHE, wheel, *extra])

    run([bin_dir / "wagtail", "start", "newsite"], cwd=tmp_path)
    site = tmp_path / "newsite"
    settings = site / "newsite" / "settings" / "base.py"
    urls = site / "newsite" / "urls.py"
    # English as the source language, two more, set after the README's block as it says.
    with settings.open("a", encoding="utf-8") as file:
        file.write(f"\n\n{settings_block}\n")
        file.write('LANGUAGE_CODE = "en"\n')
        file.write(
            'LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("de", "German"), '
            '("fr", "French")]\n'
        )
    with urls.open("a", encoding="utf-8") as file:
        file.write(f"\n\n{urls_block}\n")

    drop = None
    if database_url.startswith("postgres"):
        databases, drop = postgres_database(database_url)
        with settings.open("a", encoding="utf-8") as file:
            file.write(f"DATABASES = {databases!r}\n")

    # A clean environment: the repository is on no path, its settings are not the site's.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "VIRTUAL_ENV"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "newsite.settings.dev"
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    try:
        run([python, "manage.py", "migrate", "--noinput"], cwd=site, env=env)
        run([python, "manage.py", "check", "--fail-level", "WARNING"], cwd=site, env=env)
        output = run([python, WALK, "newsite.settings.dev"], cwd=site, env=env)
    finally:
        if drop:
            drop()

    imported_from = re.search(r"twinning imported from (.+)", output).group(1)
    assert Path(imported_from).resolve().is_relative_to(venv.resolve())
    assert f"database: {'postgresql' if drop else 'sqlite'}" in output
    assert "walk: ok" in output
