"""The benchmark's own databases: created afresh, never the site's.

Used before Django is set up, so it reads only the environment.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def is_postgresql() -> bool:
    return bool(os.environ.get("DATABASE_URL"))


def describe(name: str) -> str:
    if is_postgresql():
        url = urlsplit(os.environ["DATABASE_URL"])
        return f"PostgreSQL database {name} on {url.hostname}:{url.port or 5432}"
    return f"SQLite file bench/results/{name}.sqlite3"


def recreate(name: str) -> None:
    """Drop and create the benchmark database ``name`` (empty, not migrated)."""
    if not is_postgresql():
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            (RESULTS_DIR / f"{name}.sqlite3{suffix}").unlink(missing_ok=True)
        return
    import psycopg
    from psycopg import sql

    url = os.environ["DATABASE_URL"]
    site_db = urlsplit(url).path.lstrip("/")
    if name == site_db:
        raise SystemExit(
            f"Refusing to rebuild {name!r}: it is the database DATABASE_URL points at. "
            "Give the benchmark another name with BENCH_DB_NAME."
        )
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
