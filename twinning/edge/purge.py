"""Purging the edge by tag: after the commit, at once and with a short timeout.

The tags of a change are sent in a ``PURGE`` to each edge (``xkey-purge: <tag> <tag> ...``)
once its transaction commits: an edge refilled before the commit would keep the old
content. An edge that does not answer is tried again by a task, with backoff
(see tasks.py); the change that caused the purge never fails for it.
"""

import logging
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator

from django.apps import apps
from django.db import transaction

from twinning import conf

logger = logging.getLogger(__name__)

#: Varnish refuses request headers over 8 KiB by default (http_req_hdr_len): tags are
#: sent in batches whose header stays well below.
MAX_HEADER_LENGTH = 4000


class PurgeFailed(Exception):
    pass


def edge_urls() -> list[str]:
    """The edges' base URLs (``TWINNING["EDGE_PURGE_URLS"]``): none, no purging."""
    urls = conf.get("EDGE_PURGE_URLS") or []
    if isinstance(urls, str):
        urls = urls.split(",")
    return [url.strip().rstrip("/") for url in urls if url.strip()]


def purge_after_commit(tags: Iterable[str]) -> None:
    """Purge ``tags`` from every edge once the current transaction commits (at once
    outside one); nothing if it rolls back."""
    tags = {tag for tag in tags if tag}
    if tags and edge_urls():
        transaction.on_commit(lambda: retire_then_purge(tags))


def retire_then_purge(tags: Iterable[str]) -> None:
    """Retire the server's cached copies, then purge the edges.

    The API retires its copies when the transaction commits too, but this callback may
    run before that one: an edge refilled in between would be refilled from a server copy
    computed before the commit (while the transaction was open), and keep it until the
    next purge. So the copies are retired here first, whatever the order.
    """
    if apps.is_installed("twinning.api"):
        from twinning.api.caching import bump_generation

        bump_generation()
    purge_everywhere(tags)


def batches(tags: Iterable[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    length = 0
    for tag in sorted(tags):
        if batch and length + len(tag) + 1 > MAX_HEADER_LENGTH:
            yield batch
            batch, length = [], 0
        batch.append(tag)
        length += len(tag) + 1
    if batch:
        yield batch


def purge_everywhere(tags: Iterable[str]) -> None:
    """Purge now from every edge; what fails is queued for a later try."""
    from twinning.edge.tasks import retry_purge

    for url in edge_urls():
        for batch in batches(tags):
            try:
                purge(url, batch)
            except PurgeFailed as error:
                logger.warning("Edge purge failed, to be tried again: %s", error)
                retry_purge(url, batch, tries=1)


def purge(url: str, tags: list[str]) -> int:
    """Send one ``PURGE`` of ``tags`` to the edge at ``url``; the number of objects gone
    (as the edge says, 0 if it does not). Raises ``PurgeFailed``."""
    request = urllib.request.Request(
        url + "/", method="PURGE", headers={"xkey-purge": " ".join(tags)}
    )
    try:
        with urllib.request.urlopen(request, timeout=conf.get("EDGE_PURGE_TIMEOUT")) as answer:
            text = answer.read(200).decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        raise PurgeFailed(f"{url} answered {error.code}") from error
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise PurgeFailed(f"{url}: {type(reason).__name__}") from error
    words = text.split()
    return int(words[-1]) if words and words[-1].isdigit() else 0
