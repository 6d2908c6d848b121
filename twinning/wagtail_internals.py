"""The private internals of Wagtail (and of its tree, treebeard) that the plugin relies on.

Each one meets a measured goal that no public API reaches, and each is used only on the
Wagtail versions it was verified on (``VERIFIED_ON``). On any other version the public,
slower path is taken: a ``RuntimeWarning`` is raised once and ``manage.py check`` reports
twinning.W090 until the internals are verified again (tests/twinning/test_wagtail_internals.py
fails when one of them changes).

1. A page's parent, kept where treebeard's ``get_parent()`` looks for it
   (``_cached_parent_obj``). ``TreeRoutingMixin`` reads every page a URL names in one query
   and hands each its parent, so that ``get_parent()`` (an event's index, breadcrumbs)
   costs no query. wagtail/wagtail#11625 ("Optimize Page Routing by Caching Parent
   Instance", closed) asked for this; Wagtail's own ``Page.route`` sets the same attribute
   (seen in 8.0), but no public API lets other routing code do so. What would retire it: a
   public way to give a page its known parent (a documented ``set_cached_parent()``, or
   ``get_parent()`` reading a parent handed over by routing).
2. The site of a request, kept where ``Site.find_for_request`` keeps it (``_wagtail_site``).
   The API reads the site with the rest of its site state from the cache in one round
   trip; handing that site to Wagtail saves the query ``Site.find_for_request`` would make
   again. No upstream issue was found asking for a public way to set it;
   wagtail/wagtail#4142 (caching ``Site.find_for_request`` with Django's cache, closed
   unmerged) would have made it moot.
   What would retire it: a documented setter, or a cached ``Site.find_for_request``.
"""

import warnings

from django.http import HttpRequest

import wagtail
from wagtail.models import Page, Site

#: The Wagtail versions (major, minor) on which each internal below was verified.
VERIFIED_ON: tuple[tuple[int, int], ...] = ((7, 0), (8, 0))

_warned = False


def wagtail_version() -> tuple[int, int]:
    return (wagtail.VERSION[0], wagtail.VERSION[1])


def verified() -> bool:
    """Whether the installed Wagtail is one the internals were verified on."""
    return wagtail_version() in VERIFIED_ON


def _enabled() -> bool:
    global _warned
    if verified():
        return True
    if not _warned:
        _warned = True
        warnings.warn(
            unverified_message(),
            RuntimeWarning,
            stacklevel=3,
        )
    return False


def unverified_message() -> str:
    version = ".".join(str(part) for part in wagtail_version())
    verified_on = ", ".join(f"{major}.{minor}" for major, minor in VERIFIED_ON)
    return (
        f"twinning's use of Wagtail internals was verified on Wagtail {verified_on}, not "
        f"{version}: pages are routed and sites found the public, slower way."
    )


def keep_parent(page: Page, parent: Page) -> None:
    """Let ``page.get_parent()`` answer ``parent`` without a query."""
    if _enabled():
        page._cached_parent_obj = parent


def copy_parent(source: Page, target: Page) -> None:
    """Give ``target`` (the same page, read again) the parent kept on ``source``."""
    if _enabled() and hasattr(source, "_cached_parent_obj"):
        target._cached_parent_obj = source._cached_parent_obj


def keep_site(request: HttpRequest, site: Site | None) -> None:
    """Let ``Site.find_for_request(request)`` answer ``site`` without a query."""
    if _enabled() and not hasattr(request, "_wagtail_site"):
        request._wagtail_site = site
