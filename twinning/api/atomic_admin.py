"""Admin writes in one transaction, so that the changes feed's row commits with its change.

Wagtail 8 publishes, unpublishes and moves a page without a transaction of its own: the
page's save commits, then ``page_published`` (or ``page_unpublished``, ``post_page_move``)
is sent, and the changes feed writes its row (change_log.py) in a transaction of its own.
A crash between the two would lose the change for partners. ``AtomicAdminWritesMiddleware``
runs every POST (and other unsafe method) of Wagtail's admin inside one transaction, as
Django's ``ATOMIC_REQUESTS`` would for the whole site, without wrapping the public pages
and the API's reads: the page, its revision, its log entries and the feed's row then
commit together or not at all. A response with a 5xx status (an exception the handler
turned into an error page) rolls the transaction back.
"""

from django.db import transaction
from django.urls import NoReverseMatch, reverse

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def admin_prefix() -> str | None:
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


class AtomicAdminWritesMiddleware:
    """Run the admin's unsafe requests in one database transaction."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._prefix: str | None = None

    def __call__(self, request):
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        if self._prefix is None:
            self._prefix = admin_prefix() or ""
        if not self._prefix or not request.path.startswith(self._prefix):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
        return response
