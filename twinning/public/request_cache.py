"""Facts that cannot change while one response is built, read once per request.

This module alone keeps things with a request; other modules ask it through the functions
below (``remembered`` for a value computed once, the routed tree for menus and section
links), never through attributes of their own on the request. What is kept is gone with
the request.
"""

from collections.abc import Callable
from typing import TypeVar

from django.http import HttpRequest

from wagtail.models import Page

T = TypeVar("T")

_KEPT = "_twinning_request_cache"


def _kept(request: HttpRequest) -> dict:
    request = getattr(request, "_request", request)  # a REST framework request
    kept = request.__dict__.get(_KEPT)
    if kept is None:
        kept = request.__dict__[_KEPT] = {}
    return kept


def remembered(
    request: HttpRequest | None, name: str, compute: Callable[[], T], *, keep: bool = True
) -> T:
    """The value kept as ``name`` for ``request``, else ``compute()`` (kept unless ``keep``
    is false: for callers that may be asked several times about one request object).

    Without a request, ``compute()`` every time.
    """
    if request is None:
        return compute()
    kept = _kept(request)
    if name in kept:
        return kept[name]
    value = compute()
    if keep:
        kept[name] = value
    return value


def keep_tree(request: HttpRequest, root: Page, children: list[Page]) -> None:
    """Keep the language tree's home page ``root`` and its children, as routing read them."""
    _kept(request)["routed_tree"] = (root, children)


def tree_children(request: HttpRequest | None, root: Page) -> list[Page] | None:
    """The children of ``root`` kept by routing (live or not, in path order), else None."""
    kept = _kept(request).get("routed_tree") if request is not None else None
    if kept is None or kept[0].pk != root.pk:
        return None
    return kept[1]


def tree_root(request: HttpRequest | None) -> Page | None:
    """The home page of the language tree that routing went through, if it kept one."""
    kept = _kept(request).get("routed_tree") if request is not None else None
    return kept[0] if kept is not None else None
