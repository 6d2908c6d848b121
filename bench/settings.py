"""The production settings, pointed at the benchmark's own database, cache and files.

The benchmark never touches the site's database: with ``DATABASE_URL`` set it uses
another database (``BENCH_DB_NAME``) on the same server, else an SQLite file under
``bench/results/``. ``BENCH_CACHE=off`` keeps API responses out of the cache, so the
"uncached" runs measure the work a cache miss costs.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-not-a-secret-" * 2)
os.environ.setdefault("LOG_LEVEL", "WARNING")
# The production settings refuse these unless asked: the benchmark means them (its own
# SQLite file without DATABASE_URL; plain HTTP on loopback).
if not os.environ.get("DATABASE_URL"):
    os.environ.setdefault("ALLOW_SQLITE_IN_PRODUCTION", "true")
for _name, _value in (
    ("DJANGO_SECURE_SSL_REDIRECT", "false"),
    ("DJANGO_HSTS_SECONDS", "0"),
    ("DJANGO_SECURE_COOKIES", "false"),
):
    os.environ.setdefault(_name, _value)

from cms.settings.production import *  # noqa: E402, F403
from cms.settings.production import BASE_DIR, DATABASES  # noqa: E402

RESULTS_DIR = BASE_DIR / "bench" / "results"
DB_NAME = os.environ.get("BENCH_DB_NAME", "twinning_bench")

DEBUG = False
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
WAGTAILADMIN_BASE_URL = "http://localhost"

if os.environ.get("DATABASE_URL"):
    DATABASES["default"]["NAME"] = DB_NAME
else:
    DATABASES["default"]["NAME"] = str(RESULTS_DIR / f"{DB_NAME}.sqlite3")
# Persistent connections, as a production deployment sets DATABASE_CONN_MAX_AGE.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))

if os.environ.get("REDIS_URL"):
    CACHES["default"]["KEY_PREFIX"] = f"bench-{DB_NAME}"  # noqa: F405

# "Uncached" runs keep Django's cache (Wagtail needs it for its site root paths, the
# API for its generation counter) but never store an API response in it.
if os.environ.get("BENCH_CACHE", "on") == "off":
    CACHES["default"]["BACKEND"] = (  # noqa: F405
        "bench.cache.RedisWithoutResponses"
        if os.environ.get("REDIS_URL")
        else "bench.cache.LocMemWithoutResponses"
    )

MEDIA_ROOT = RESULTS_DIR / "media"
STATIC_ROOT = RESULTS_DIR / "static"
# The "physical floor": response bytes saved as files, served by WhiteNoise in the same
# gunicorn + Django stack as the API, at /<file name>.
WHITENOISE_ROOT = RESULTS_DIR / "floor"

# Wagtail's API caps ``limit`` at 20 by default; the benchmark asks for 100 of both
# endpoints to show whether the queries per request grow with the page size.
WAGTAILAPI_LIMIT_MAX = max(globals().get("WAGTAILAPI_LIMIT_MAX") or 20, 100)
