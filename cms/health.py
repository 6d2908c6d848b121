"""Liveness and readiness probes for load balancers and orchestrators.

``/healthz`` says the process answers: no I/O, so a slow database never gets a healthy
worker restarted. ``/readyz`` says whether this process can serve readers: the database
answers, migrations are applied, the static files' manifest is there; the cache is
reported but does not decide (it fails open: without it the site is slower, not down).
Each check gives ``ok`` and its duration in ``ms``; errors are named by their class only,
never with a message (those name hosts, users, paths). Both are outside the language
prefix and never cached.
"""

import time
import uuid
from collections.abc import Callable

from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

#: Once every migration is applied, later ones can only come with new code, in a new
#: process: the (slow) migration plan is not computed again.
_migrations_applied = False


class Unready(Exception):
    """A failed check with a message of our own, safe to show."""


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def check_database() -> dict:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_cache() -> dict:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    found = cache.get(key)
    cache.delete(key)
    if found != "ok":
        raise Unready("probe not read back")
    return {}


def check_migrations() -> dict:
    global _migrations_applied
    if not _migrations_applied:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            raise Unready(f"{len(plan)} migrations not applied")
        _migrations_applied = True
    return {}


def check_static_manifest() -> dict:
    if not isinstance(staticfiles_storage, ManifestFilesMixin):
        return {"manifest": False}
    if not staticfiles_storage.manifest_storage.exists(staticfiles_storage.manifest_name):
        raise Unready("no manifest: run collectstatic")
    return {"manifest": True}


#: name -> (check, whether the site is unready when it fails)
CHECKS: dict[str, tuple[Callable[[], dict], bool]] = {
    "database": (check_database, True),
    "migrations": (check_migrations, True),
    "static_manifest": (check_static_manifest, True),
    "cache": (check_cache, False),
}


def run_check(check: Callable[[], dict], required: bool) -> dict:
    started = time.perf_counter()
    try:
        result = {"ok": True, **check()}
    except Exception as error:
        message = str(error) if isinstance(error, Unready) else type(error).__name__
        result = {"ok": False, "error": message}
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    if not required:
        result["required"] = False
    return result


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    results = {}
    for name, (check, required) in CHECKS.items():
        if name == "migrations" and not results["database"]["ok"]:
            results[name] = {"ok": False, "error": "skipped: database unavailable", "ms": 0.0}
            continue
        results[name] = run_check(check, required)
    ready = all(results[name]["ok"] for name, (_check, required) in CHECKS.items() if required)
    degraded = ready and not all(result["ok"] for result in results.values())
    status = "degraded" if degraded else "ok" if ready else "unavailable"
    return JsonResponse({"status": status, "checks": results}, status=200 if ready else 503)
