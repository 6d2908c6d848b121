"""Locales in the API: the ``locale`` and ``fallback`` parameters and live translations.

A page "exists in German" when a real translation (not an alias) is live and public in
the German tree. With ``fallback=true``, a page without one comes in the source language
(the site's default locale) and says so in ``meta.fallback_from``.
"""

from django.db.models import OuterRef, Q, Subquery
from django.http import HttpRequest
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from twinning.api.errors import BadRequest
from twinning.api.site_state import scope, site_state
from twinning.locales import source_language_code
from twinning.public.visibility import visible_pages


def locales(request: HttpRequest) -> dict[int, Locale]:
    """Every Locale by id (read once per generation of the API's cache)."""
    return site_state(request).locales


def locale_by_code(request: HttpRequest, code: str) -> Locale | None:
    return next((loc for loc in locales(request).values() if loc.language_code == code), None)


def source_locale(request: HttpRequest) -> Locale | None:
    """The source language's Locale (see twinning.locales), from the API's cached locales."""
    return locale_by_code(request, source_language_code())


def parse_boolean(request: HttpRequest, name: str, default: bool = False) -> bool:
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"true", "1", "yes"}:
        return True
    if value in {"false", "0", "no"}:
        return False
    raise BadRequest(
        _("%(name)s must be true or false, not %(value)r.") % {"name": name, "value": raw}, name
    )


def parse_locale(request: HttpRequest, name: str = "locale") -> Locale | None:
    """The Locale of ``?locale=xx``; a 400 naming the parameter when it is not a site language."""
    code = request.GET.get(name)
    if code is None:
        return None
    locale = locale_by_code(request, code.strip().lower())
    if locale is None:
        available = ", ".join(sorted(loc.language_code for loc in locales(request).values()))
        raise BadRequest(
            _("Unknown locale %(code)r: use one of %(available)s.")
            % {"code": code, "available": available},
            name,
        )
    return locale


def in_locale(queryset, request: HttpRequest, locale: Locale, *, fallback: bool):
    """Items of ``locale``; with ``fallback``, source items not translated into it."""
    if not fallback:
        return queryset.filter(locale=locale)
    source = source_locale(request)
    if source is None or source.pk == locale.pk:
        return queryset.filter(locale=locale)
    translated = visible_pages(scope(request)).filter(locale=locale).values("translation_key")
    queryset = queryset.filter(
        Q(locale=locale) | (Q(locale=source) & ~Q(translation_key__in=translated))
    )
    # Keep the source tree's order, so that fallbacks and translations interleave.
    source_path = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=source
    ).values("path")[:1]
    return queryset.annotate(_source_path=Subquery(source_path)).order_by("_source_path", "path")


def live_translations(request: HttpRequest, items) -> dict[object, list[Page]]:
    """Every live, public, real version of each item, by translation key (one query)."""
    keys = {item.translation_key for item in items}
    if not keys:
        return {}
    found: dict[object, list[Page]] = {}
    versions = (
        visible_pages(scope(request))
        .filter(translation_key__in=keys)
        .only("id", "title", "url_path", "translation_key", "locale_id", "content_type_id")
        .order_by("locale_id")
    )
    for page in versions:
        found.setdefault(page.translation_key, []).append(page)
    return found
