"""Back up the site (its database and its media folder) into one archive, and restore it.

    python -m cms.backup create [--output DIR]      # `make backup`
    python -m cms.backup restore ARCHIVE [--force]  # `make restore ARCHIVE=...`

An archive is a directory, ``twinning-backup-<UTC date>``, holding:

- ``database.pgdump``: ``pg_dump --format=custom`` of a PostgreSQL database (one consistent
  snapshot, taken while the site runs), or ``database.sqlite3``: a copy of a SQLite database
  made with SQLite's online backup API (consistent too, however many processes write);
- ``media.tar``: the media folder (``MEDIA_ROOT``: originals, renditions, documents), taken
  after the database, so that every file the database names is in it;
- ``manifest.json``: when, with which versions of Python, Django, Wagtail and Twinning,
  which migrations were applied, and the size and SHA-256 of each file.

A restore checks the whole archive (manifest, checksums, the database file itself, the
migrations it knows, every path in the media tar) and its targets (an empty database, an
empty media folder, unless ``--force``) before it writes anything; it then restores the
database, the media folder, rebuilds the search index only if it did not come with the
database, and retires cached API responses.

A module rather than management commands: both directions share one archive format, and
``dumpdata``/``loaddata`` are deliberately not the way (see the README, "Backups").
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

FORMAT = "twinning-backup/1"
MANIFEST = "manifest.json"
MEDIA_TAR = "media.tar"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
PACKAGES = ("Django", "wagtail", "wagtail-localize", "wagtail-twinning")
CHUNK = 1024 * 1024

Progress = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


def to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def size(count: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "bytes" else f"{count:.1f} {unit}"
        count /= 1024
    raise AssertionError("unreachable")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def package_versions() -> dict[str, str]:
    versions = {"Python": platform.python_version()}
    for package in PACKAGES:
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = "unknown"
    return versions


def applied_migrations(connection) -> list[str]:
    from django.db.migrations.recorder import MigrationRecorder

    return sorted(
        f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
    )


# PostgreSQL: the client tools, found for the server's major version.

POSTGRES_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}


def libpq_environment(settings_dict: dict) -> dict[str, str]:
    """The connection as libpq's variables: the password stays out of the process list."""
    env = dict(os.environ)
    for key, variable in (
        ("NAME", "PGDATABASE"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    for option, variable in POSTGRES_OPTIONS.items():
        if option in settings_dict.get("OPTIONS", {}):
            env[variable] = str(settings_dict["OPTIONS"][option])
    return env


def tool_major_version(path: str) -> tuple[int, str]:
    output = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout
    match = re.search(r"\(PostgreSQL\) (\d+)", output)
    if not match:
        raise BackupError(f"Cannot read the version of {path}: {output.strip()!r}.")
    return int(match.group(1)), output.strip()


def postgres_tool(name: str, server_major: int) -> tuple[str, str]:
    """``name`` (pg_dump, pg_restore) of the server's major version, else a newer one.

    The one on PATH first, then Debian's and Ubuntu's side-by-side installs. An older client
    cannot read a newer server's catalogue, so it is refused with what to install.
    """
    candidates = [shutil.which(name), f"/usr/lib/postgresql/{server_major}/bin/{name}"]
    found = []
    for path in dict.fromkeys(filter(None, candidates)):
        if not os.access(path, os.X_OK):
            continue
        major, description = tool_major_version(path)
        if major == server_major:
            return path, description
        found.append((major, path, description))
    newer = sorted(item for item in found if item[0] > server_major)
    if newer:
        return newer[0][1], newer[0][2]
    seen = ", ".join(f"{path} ({major})" for major, path, _ in found) or "none on PATH"
    raise BackupError(
        f"{name} for PostgreSQL {server_major} not found ({seen}). Install the PostgreSQL "
        f"{server_major} client tools (e.g. postgresql-client-{server_major}) and put them on PATH."
    )


def server_major_version(connection) -> int:
    connection.ensure_connection()
    return connection.pg_version // 10000


# Creating an archive.


def create(
    output: Path,
    *,
    using: str = "default",
    media_root: Path | None = None,
    progress: Progress = to_stderr,
) -> Path:
    """Write an archive of the database ``using`` and of ``media_root`` under ``output``."""
    from django.conf import settings
    from django.db import connections

    connection = connections[using]
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
    if database_is_empty(connection):
        # Most likely DATABASE_URL is not the one the site uses: say so, back up nothing.
        name = connection.settings_dict["NAME"]
        raise BackupError(f"The configured database ({name}) holds no tables: check DATABASE_URL.")
    media_root = Path(media_root or settings.MEDIA_ROOT)
    stamp = datetime.datetime.now(datetime.UTC)
    archive = Path(output) / f"twinning-backup-{stamp:%Y%m%d-%H%M%S}"
    partial = archive.with_name(archive.name + ".partial")
    if archive.exists() or partial.exists():
        raise BackupError(f"{archive} already exists.")
    partial.mkdir(parents=True)
    try:
        return _write_archive(connection, media_root, stamp, partial, archive, progress)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)  # never leave half an archive behind
        raise


def _write_archive(connection, media_root, stamp, partial: Path, archive: Path, progress) -> Path:
    database_file = partial / DATABASE_FILES[connection.vendor]
    started = time.monotonic()
    progress(f"backup: 1/2 database ({connection.vendor}) -> {database_file.name}")
    if connection.vendor == "postgresql":
        database = dump_postgres(connection, database_file)
    else:
        database = copy_sqlite(connection, database_file)
    progress(f"backup: database: {size(database_file.stat().st_size)}")
    migrations = applied_migrations(connection)

    progress(f"backup: 2/2 media folder {media_root} -> {MEDIA_TAR}")
    media = tar_media(media_root, partial / MEDIA_TAR, progress)

    manifest = {
        "format": FORMAT,
        "created_at": stamp.isoformat(timespec="seconds"),
        "versions": package_versions(),
        "database": {"vendor": connection.vendor, "file": database_file.name, **database},
        "migrations": migrations,
        "media": media,
        "checksums": {
            path.name: {"sha256": sha256(path), "bytes": path.stat().st_size}
            for path in (database_file, partial / MEDIA_TAR)
        },
    }
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    partial.rename(archive)
    total = sum(item["bytes"] for item in manifest["checksums"].values())
    progress(f"backup: done in {time.monotonic() - started:.1f} s, {size(total)}: {archive}")
    return archive


def dump_postgres(connection, target: Path) -> dict:
    server_major = server_major_version(connection)
    pg_dump, description = postgres_tool("pg_dump", server_major)
    result = subprocess.run(
        [pg_dump, "--format=custom", f"--file={target}"],
        env=libpq_environment(connection.settings_dict),
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    return {"server_major_version": server_major, "tool": description}


def copy_sqlite(connection, target: Path) -> dict:
    """SQLite's online backup: a consistent copy, through the connection Django already has."""
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()
    return {"sqlite_version": sqlite3.sqlite_version}


def tar_media(media_root: Path, target: Path, progress: Progress) -> dict:
    files = total = 0
    with tarfile.open(target, "w", format=tarfile.PAX_FORMAT) as tar:
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    tar.add(path, arcname=path.relative_to(media_root).as_posix())
                    files += 1
                    total += path.stat().st_size
                    if files % 1000 == 0:
                        progress(f"backup: media: {files} files, {size(total)}")
    progress(f"backup: media: {files} files, {size(total)}")
    return {"file": MEDIA_TAR, "files": files, "bytes": total}


# Restoring an archive.


@dataclass
class RestoreReport:
    archive: Path
    manifest: dict
    search_index_rebuilt: bool = False
    pending_migrations: list[str] = field(default_factory=list)


def read_manifest(archive: Path) -> dict:
    try:
        manifest = json.loads((archive / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(f"{archive} is not a backup: it has no {MANIFEST}.") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{archive / MANIFEST} is not valid JSON: {error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{archive} is not a {FORMAT} archive.")
    try:
        vendor, name = manifest["database"]["vendor"], manifest["database"]["file"]
        complete = (
            DATABASE_FILES.get(vendor) == name
            and isinstance(manifest["migrations"], list)
            and all({"sha256", "bytes"} <= set(item) for item in manifest["checksums"].values())
            and {"files", "bytes"} <= set(manifest["media"])
        )
    except (KeyError, TypeError, AttributeError):
        complete = False
    if not complete:
        raise BackupError(f"The manifest of {archive} is incomplete.")
    return manifest


def verify_checksums(archive: Path, manifest: dict, progress: Progress) -> None:
    expected = {manifest["database"]["file"], MEDIA_TAR}
    if set(manifest["checksums"]) != expected:
        raise BackupError(f"The manifest of {archive} lists {sorted(manifest['checksums'])}.")
    for name, checksum in manifest["checksums"].items():
        path = archive / name
        if not path.is_file():
            raise BackupError(f"{path} is missing.")
        progress(f"restore: checking {name} ({size(path.stat().st_size)})")
        if path.stat().st_size != checksum["bytes"] or sha256(path) != checksum["sha256"]:
            raise BackupError(f"{path} does not match its checksum: the archive is damaged.")


def verify_migrations(manifest: dict) -> None:
    """Refuse an archive made by newer code: this code could not run on its database."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = {f"{app}.{name}" for app, name in loader.disk_migrations}
    for migration in loader.disk_migrations.values():
        known.update(f"{app}.{name}" for app, name in migration.replaces)
    unknown = sorted(set(manifest["migrations"]) - known)
    if unknown:
        raise BackupError(
            "The archive's database has migrations this code does not know (it was made by a "
            f"newer version: {manifest['versions'].get('wagtail-twinning')}): {', '.join(unknown[:5])}"
            f"{' ...' if len(unknown) > 5 else ''}. Restore it with that version."
        )


def verify_media_tar(path: Path, media_root: Path) -> None:
    """Every member must be a plain file or folder inside the media folder."""
    try:
        with tarfile.open(path) as tar:
            for member in tar:
                tarfile.data_filter(member, str(media_root))
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{path} cannot be restored: {error}") from None


def verify_database_file(archive: Path, manifest: dict, connection) -> str | None:
    """Check the archived database itself; return the pg_restore to use on PostgreSQL."""
    path = archive / manifest["database"]["file"]
    if connection.vendor == "sqlite":
        try:
            copy = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                [(result,)] = copy.execute("PRAGMA integrity_check").fetchall()
            finally:
                copy.close()
        except sqlite3.DatabaseError as error:
            result = str(error)
        if result != "ok":
            raise BackupError(f"{path} is not a sound SQLite database: {result}")
        return None
    server_major = server_major_version(connection)
    archived_major = manifest["database"].get("server_major_version", server_major)
    if archived_major > server_major:
        raise BackupError(
            f"The archive was dumped from PostgreSQL {archived_major}; "
            f"this server runs PostgreSQL {server_major}. Restore onto {archived_major} or newer."
        )
    pg_restore, _description = postgres_tool("pg_restore", server_major)
    listing = subprocess.run([pg_restore, "--list", str(path)], capture_output=True, text=True)
    if listing.returncode:
        raise BackupError(f"pg_restore cannot read {path}: {listing.stderr.strip()}")
    return pg_restore


def database_is_empty(connection) -> bool:
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        name = str(connection.settings_dict["NAME"])
        if not Path(name).exists() or Path(name).stat().st_size == 0:
            return True
    return not connection.introspection.table_names()


def media_is_empty(media_root: Path) -> bool:
    return not media_root.exists() or not any(media_root.iterdir())


def restore(
    archive: Path,
    *,
    using: str = "default",
    media_root: Path | None = None,
    force: bool = False,
    progress: Progress = to_stderr,
) -> RestoreReport:
    """Restore ``archive`` into the database ``using`` and ``media_root``, all checked first."""
    from django.conf import settings
    from django.db import connections

    archive = Path(archive)
    connection = connections[using]
    media_root = Path(media_root or settings.MEDIA_ROOT)

    manifest = read_manifest(archive)
    verify_checksums(archive, manifest, progress)
    verify_migrations(manifest)
    verify_media_tar(archive / MEDIA_TAR, media_root)
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"The archive holds a {vendor} database; the configured one is {connection.vendor}."
        )
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        raise BackupError("Cannot restore into an in-memory SQLite database.")
    try:
        pg_restore = verify_database_file(archive, manifest, connection)
        empty = database_is_empty(connection)
    except BackupError:
        raise
    except Exception as error:  # the configured database cannot be reached
        raise BackupError(f"Cannot open the configured database: {error}") from None
    if not force and not empty:
        raise BackupError(
            "The configured database is not empty: restore into a new database, "
            "or pass --force to replace what it holds."
        )
    if not force and not media_is_empty(media_root):
        raise BackupError(
            f"The media folder {media_root} is not empty: restore into an empty folder, "
            "or pass --force to overwrite the files of the same names."
        )

    started = time.monotonic()
    database_file = archive / manifest["database"]["file"]
    progress(f"restore: 1/3 database ({size(database_file.stat().st_size)})")
    connections.close_all()
    if connection.vendor == "postgresql":
        load_postgres(pg_restore, database_file, connection)
    else:
        load_sqlite(database_file, Path(connection.settings_dict["NAME"]))

    media = manifest["media"]
    progress(f"restore: 2/3 media folder: {media['files']} files, {size(media['bytes'])}")
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive / MEDIA_TAR) as tar:
        tar.extractall(media_root, filter="data")

    progress("restore: 3/3 search index and caches")
    report = RestoreReport(archive=archive, manifest=manifest)
    report.search_index_rebuilt = rebuild_search_index_if_needed(connection, progress)
    retire_caches()
    report.pending_migrations = pending_migrations(connection)
    if report.pending_migrations:
        progress(
            f"restore: {len(report.pending_migrations)} migrations of this code are not "
            "applied yet: run `manage.py migrate`."
        )
    progress(f"restore: done in {time.monotonic() - started:.1f} s, from {archive}")
    return report


def load_postgres(pg_restore: str, dump: Path, connection) -> None:
    """One transaction: a restore that fails leaves the database as it was."""
    result = subprocess.run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={connection.settings_dict['NAME']}",
            str(dump),
        ],
        env=libpq_environment(connection.settings_dict),
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise BackupError(f"pg_restore failed (nothing was restored): {result.stderr.strip()}")


def load_sqlite(copy: Path, target: Path) -> None:
    """The online backup API again, the other way: the target's pages are replaced at once."""
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def search_index_incomplete(connection) -> bool:
    """Wagtail's database search index lives in the database, so it comes with it (PostgreSQL's
    tsvector columns in pg_dump, SQLite's FTS5 table in the copy); check rather than assume."""
    from wagtail.models import Page
    from wagtail.search.models import IndexEntry

    entries = IndexEntry.objects.using(connection.alias).count()
    if not entries:
        return Page.objects.using(connection.alias).filter(depth__gt=1).exists()
    fts_table = "wagtailsearch_indexentry_fts"
    if connection.vendor == "sqlite" and fts_table in connection.introspection.table_names():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {fts_table}")
            return cursor.fetchone()[0] != entries
    return False


def rebuild_search_index_if_needed(connection, progress: Progress) -> bool:
    from django.core.management import call_command

    if not search_index_incomplete(connection):
        return False
    progress("restore: the search index did not come with the database: update_index")
    call_command("update_index", verbosity=0)
    return True


def retire_caches() -> None:
    """Cached API responses and Wagtail's site roots describe the database before the restore.

    Only these keys are retired, not the whole cache, which a deployment may share.
    """
    from wagtail.models import Site

    from twinning.api.caching import bump_generation

    bump_generation()
    Site.clear_site_root_paths_cache()


def pending_migrations(connection) -> list[str]:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cms.backup", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    create_parser = commands.add_parser("create", help="write an archive of the database and media")
    create_parser.add_argument(
        "--output",
        type=Path,
        default=Path(os.environ.get("BACKUP_DIR", "backups")),
        help="folder for the archive (default: $BACKUP_DIR, else backups/)",
    )
    restore_parser = commands.add_parser("restore", help="restore an archive")
    restore_parser.add_argument("archive", type=Path)
    restore_parser.add_argument(
        "--force", action="store_true", help="replace a database or media folder that is not empty"
    )
    arguments = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    try:
        if arguments.command == "create":
            print(create(arguments.output))
        else:
            restore(arguments.archive, force=arguments.force)
    except BackupError as error:
        to_stderr(f"{arguments.command}: error: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
