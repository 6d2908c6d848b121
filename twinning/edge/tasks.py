"""Purges an edge did not take at once, tried again with backoff.

Before try n+1 the task waits a random time between half and all of
``5 s × 3^(n-1)``, capped at 10 minutes (about 5 s, 15 s, 45 s, 2 min, 7 min, then every
5–10 min), for ``TWINNING["EDGE_PURGE_MAX_ATTEMPTS"]`` tries. The retry needs a task
backend that can defer (``django-tasks-db``); with one that cannot, the first retry runs
at once and a failure is logged, the edge then keeping its copies until they expire.
"""

import datetime
import logging
import random

from django.utils import timezone

from django_tasks import task

from twinning import conf
from twinning.edge.purge import PurgeFailed, purge

logger = logging.getLogger(__name__)

BACKOFF_BASE = datetime.timedelta(seconds=5)
BACKOFF_FACTOR = 3
BACKOFF_CAP = datetime.timedelta(minutes=10)


def backoff(tries: int) -> datetime.timedelta:
    step = min(BACKOFF_BASE * BACKOFF_FACTOR ** max(tries - 1, 0), BACKOFF_CAP)
    return step / 2 + step / 2 * random.random()


def retry_purge(url: str, tags: list[str], tries: int) -> None:
    """Queue the next try of a purge that failed ``tries`` times."""
    if tries >= conf.get("EDGE_PURGE_MAX_ATTEMPTS"):
        logger.error("Edge purge given up after %d tries: %s", tries, url)
        return
    try:
        if purge_later.get_backend().supports_defer:
            purge_later.using(run_after=timezone.now() + backoff(tries)).enqueue(
                url, list(tags), tries
            )
        else:
            purge_later.enqueue(url, list(tags), tries)
    except Exception:  # the queue itself is down: the purge is lost, say it once
        logger.exception("Edge purge could not be queued: %s", url)


@task()
def purge_later(url: str, tags: list[str], tries: int) -> None:
    """Try again a purge that failed ``tries`` times."""
    try:
        purge(url, tags)
    except PurgeFailed:
        if purge_later.get_backend().supports_defer:
            retry_purge(url, tags, tries + 1)
        else:
            logger.error("Edge purge failed again, not retried (no deferring tasks): %s", url)
