"""System checks of how the site is served (registered by the production settings):
cms.W001 below, and cms.I201 (no e-mail server; see cms.email_settings).

A site concern rather than the plugin's: the number of server processes is set where the
site is deployed (gunicorn's environment), and the plugin no longer depends on it for
privacy: its content generation moves to the database when the cache is process-local.
Messages are not translated, as Django's own checks are not.
"""

import argparse
import os
import shlex
from collections.abc import Mapping

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.checks import Tags, Warning, register

from cms.email_settings import check_email_configured

register(check_email_configured, "email", deploy=True)


def gunicorn_workers(environ: Mapping[str, str] = os.environ) -> int:
    """The number of worker processes gunicorn starts from the environment: ``--workers``
    (``-w``) in ``GUNICORN_CMD_ARGS`` first, else ``WEB_CONCURRENCY``, else one."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("-w", "--workers", type=int)
    try:
        known, _rest = parser.parse_known_args(shlex.split(environ.get("GUNICORN_CMD_ARGS", "")))
    except (SystemExit, ValueError):
        known = argparse.Namespace(workers=None)  # gunicorn refuses to start anyway
    if known.workers is not None:
        return known.workers
    try:
        return int(environ.get("WEB_CONCURRENCY", "1"))
    except ValueError:
        return 1


def cache_is_process_local() -> bool:
    from twinning.api.caching import PROCESS_LOCAL_CACHES

    return isinstance(caches[DEFAULT_CACHE_ALIAS], PROCESS_LOCAL_CACHES)


@register(Tags.caches)
def check_cache_shared_by_workers(app_configs=None, **kwargs) -> list:
    workers = gunicorn_workers()
    if workers <= 1 or not cache_is_process_local():
        return []
    return [
        Warning(
            f"The cache is local to each process and the server runs {workers} workers: each "
            "keeps its own cached API responses (computed once per worker), its own counts "
            f"of password-reset requests and partner uploads (limits {workers} times higher "
            "than set) and Wagtail's site root paths (links stale for up to an hour in the "
            "other workers after a site is changed). Privacy does not depend on it: the "
            "API's content generation is then read from the database.",
            hint=(
                "Set REDIS_URL so that the workers share one cache, or run one worker "
                "(WEB_CONCURRENCY=1)."
            ),
            id="cms.W001",
        )
    ]
