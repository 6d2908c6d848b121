"""A backup restored into an empty database and media folder serves the same site.

Content is made as editors make it (published revisions, a German translation published
through wagtail-localize, an image, a document); ``cms.backup`` archives it; ``python -m
cms.backup restore`` (what ``make restore`` runs) puts it into a new database (PostgreSQL in
the PostgreSQL run, a new SQLite file in the SQLite run) and an empty media folder. Then the
original and the restored site, each in gunicorn on the same port, answer every page in every
language, the partner API (lists and details, in every locale) and search identically, and
the wagtail-localize tables hold the same rows. Transactional: pg_dump reads committed rows.
"""

import hashlib
import os
import secrets
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection

from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import LocaleSynchronization

import psycopg
import pytest
import wagtail_factories

from cms import backup
from tests import factories
from tests.servers import ROOT, Gunicorn, database_url_for_servers, free_port
from tests.twinning.localize_helpers import in_locale, locale, publish, submit, translate_strings
from tests.twinning.translation_helpers import clear_site_cache

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORD = "saxophonistes"  # in the story's body only: search must find it there


@pytest.fixture
def site_content(home, django_capture_on_commit_callbacks):
    """A city, a story with a hero image and a linked document, published in French and
    German (the German tree synchronised by wagtail-localize, the story translated there)."""
    with django_capture_on_commit_callbacks(execute=True):
        LocaleSynchronization.objects.create(locale=locale("de"), sync_from=home.locale)
    cities = factories.PartnerCityIndexPageFactory(parent=home)
    tubingen = factories.tubingen_page(cities)
    stories = factories.ExchangeStoryIndexPageFactory(parent=home)
    image = factories.ImageFactory(title="La chorale à Tübingen")
    document = wagtail_factories.DocumentFactory(title="Programme du voyage")
    story = factories.ExchangeStoryPageFactory(
        parent=stories,
        title="Chorale à Tübingen",
        slug="chorale-tubingen",
        partner_cities=[tubingen],
        hero_image=image,
        body=[
            (
                "paragraph",
                RichText(
                    f"<p>Trente {WORD} aixois à Tübingen. "
                    f'<a linktype="document" id="{document.pk}">Le programme</a></p>'
                ),
            )
        ],
    )
    submit(story, "de")
    translate_strings(story, "de", {"Chorale à Tübingen": "Chor in Tübingen"})
    publish(story, "de", django_capture_on_commit_callbacks)
    clear_site_cache()
    yield {"story": story, "document": document}
    clear_site_cache()


@pytest.fixture
def empty_database(tmp_path):
    """The URL of a new, empty database beside the test database, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"deploy_restore_{secrets.token_hex(4)}"
    server = urlsplit(database_url_for_servers(tmp_path))
    with psycopg.connect(server._replace(path="/postgres").geturl(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield server._replace(path=f"/{name}").geturl()
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def restore_command(archive: Path, database_url: str, media_root: Path, *extra: str):
    """``make restore ARCHIVE=...`` in a process of its own, configured by the environment."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    env.update(DATABASE_URL=database_url, MEDIA_ROOT=str(media_root))
    env.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "cms.backup", "restore", str(archive), *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def files_of(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file()
    }


def localize_tables(database_url: str) -> dict[str, list[tuple]]:
    """Every row of every wagtail-localize table, read with the database's own driver."""
    if database_url.startswith("sqlite"):
        raw = sqlite3.connect(urlsplit(database_url).path)
        query = (
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'wagtail_localize%'"
        )
    else:
        raw = psycopg.connect(database_url)
        query = "SELECT tablename FROM pg_tables WHERE tablename LIKE 'wagtail_localize%'"
    try:
        tables = sorted(name for (name,) in raw.execute(query).fetchall())
        return {
            table: raw.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in tables
        }
    finally:
        raw.close()


def page_urls() -> list[str]:
    """Every live page of every language tree."""
    return sorted({page.get_url() for page in Page.objects.live().filter(depth__gt=1).specific()})


def site_urls() -> list[str]:
    """The pages, each language's home and search, and the partner API in every locale."""
    languages = [code for code, _name in settings.LANGUAGES]
    urls = page_urls() + [f"/{code}/" for code in languages]
    urls += [f"/{code}/search/?q={WORD}" for code in ("fr", "de")]
    urls += [f"/api/v2/pages/?locale={code}&fields=*" for code in languages]
    urls += [
        f"/api/v2/pages/{pk}/"
        for pk in Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True)
    ]
    urls += ["/api/v2/images/", "/api/v2/documents/", "/api/v2/partners.geojson"]
    return sorted(set(urls))


def fetch(server: Gunicorn, urls: list[str]) -> dict[str, tuple[int, bytes]]:
    answers = {}
    for url in urls:
        request = urllib.request.Request(server.url + url, headers={"Accept-Language": "fr"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                answers[url] = (response.status, response.read())
        except urllib.error.HTTPError as error:
            answers[url] = (error.code, error.read())
    return answers


def test_a_restored_backup_serves_the_same_site_in_every_language(
    site_content, empty_database, tmp_path, client
):
    story, document = site_content["story"], site_content["document"]
    urls = site_urls()
    for url in page_urls():  # renditions are made once, before the backup, as by readers
        client.get(url)
    progress = []

    archive = backup.create(tmp_path / "backups", progress=progress.append)

    manifest = backup.read_manifest(archive)
    assert manifest["database"]["vendor"] == connection.vendor
    assert "wagtail_localize.0001_initial" in manifest["migrations"]
    assert set(manifest["versions"]) >= {"Django", "wagtail", "wagtail-twinning"}
    assert any(line.startswith("backup: done") for line in progress)

    restored_media = tmp_path / "restored-media"
    restored = restore_command(archive, empty_database, restored_media)
    assert restored.returncode == 0, restored.stderr
    assert "restore: done" in restored.stderr
    # Wagtail's search index lives in the database and comes with it.
    assert "update_index" not in restored.stderr

    original_media = Path(settings.MEDIA_ROOT)
    assert files_of(restored_media) == files_of(original_media)
    assert Path(document.file.name).as_posix() in files_of(restored_media)

    original_database = database_url_for_servers(tmp_path)
    assert localize_tables(empty_database) == localize_tables(original_database)
    assert localize_tables(original_database)["wagtail_localize_translation"]

    # The same port, so that absolute URLs match; the development settings, whose media
    # folder comes from the environment (the test settings make one of their own).
    port = free_port()
    answers = {}
    for name, database_url, media_root in (
        ("original", original_database, original_media),
        ("restored", empty_database, restored_media),
    ):
        env = {"MEDIA_ROOT": str(media_root)}
        with Gunicorn(database_url, settings="cms.settings.dev", port=port, env=env) as server:
            answers[name] = fetch(server, [*urls, document.url])

    assert answers["restored"] == answers["original"]
    german = in_locale(story, "de")
    assert answers["original"][german.get_url()][0] == 200
    assert "Chor in Tübingen" in answers["original"][german.get_url()][1].decode()
    found = answers["restored"][f"/fr/search/?q={WORD}"]
    assert found[0] == 200 and story.title in found[1].decode()
    assert answers["restored"][document.url] == (200, document.file.open("rb").read())


def test_restore_refuses_a_database_that_is_not_empty_and_writes_nothing(home, tmp_path):
    archive = backup.create(tmp_path / "backups", progress=lambda line: None)
    media = tmp_path / "media"

    refused = restore_command(archive, database_url_for_servers(tmp_path), media)

    assert refused.returncode == 1
    assert "The configured database is not empty" in refused.stderr
    assert "--force" in refused.stderr
    assert not media.exists()


def test_restore_checks_the_whole_archive_before_writing_anything(home, tmp_path):
    archive = backup.create(tmp_path / "backups", progress=lambda line: None)
    with (archive / backup.MEDIA_TAR).open("ab") as media_tar:
        media_tar.write(b"\0")
    pages = Page.objects.count()
    media = tmp_path / "media"

    with pytest.raises(backup.BackupError, match="does not match its checksum"):
        backup.restore(archive, media_root=media, force=True, progress=lambda line: None)

    assert Page.objects.count() == pages
    assert not media.exists()
