"""Locales in the API: the ``locale`` and ``fallback`` parameters, the response's
language and live translations.

A page "exists in German" when a real translation (not an alias) is live and public in
the German tree. With ``fallback=true``, a page without one comes in the source language
(the site's default locale) and says so in ``meta.fallback_from``.

``locale`` takes a BCP 47 tag (``de``, ``de-DE``, ``de_at``, ``pt-BR``): a configured
language that matches exactly, else the one of its primary subtag. Every response has one
language for its words (messages, labels, country and date names): ``locale``'s when
given, else the one LocaleMiddleware negotiated from Accept-Language. The cached views
activate it for the whole request (see caching.py), and ``Content-Language`` names the
language of the content served.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.http import HttpRequest, HttpResponseBase
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.coreutils import get_content_languages
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


def language_for_tag(tag: str) -> str | None:
    """The configured content language a BCP 47 tag asks for, or None.

    Case does not matter, nor ``_`` for ``-``. A configured language equal to the tag comes
    first (``pt-br`` when the site has it), else the one of the tag's primary subtag
    (``de-DE``, ``de-AT`` give ``de``); a script or region never widens the choice further
    (``zh-Hant`` gives nothing unless ``zh`` is configured).
    """
    wanted = tag.strip().replace("_", "-").lower()
    if not wanted:
        return None
    configured = {code.lower(): code for code in get_content_languages()}
    return configured.get(wanted) or configured.get(wanted.split("-", 1)[0])


def parse_locale(request: HttpRequest, name: str = "locale") -> Locale | None:
    """The Locale of ``?locale=<BCP 47 tag>``; a 400 naming the parameter and the
    languages served when it matches none."""
    tag = request.GET.get(name)
    if tag is None:
        return None
    code = language_for_tag(tag)
    locale = locale_by_code(request, code) if code else None
    if locale is None:
        served = {loc.language_code for loc in locales(request).values()}
        available = ", ".join(code for code in get_content_languages() if code in served)
        raise BadRequest(
            _("Unknown locale %(code)r: use one of %(available)s.")
            % {"code": tag, "available": available},
            name,
        )
    return locale


def requested_language(request: HttpRequest, name: str = "locale") -> str | None:
    """The language ``?locale=`` asks for, or None when absent or matching no language
    (the view then answers the 400, in the negotiated language)."""
    tag = request.GET.get(name)
    return language_for_tag(tag) if tag is not None else None


def response_language(request: HttpRequest) -> str:
    """The language of the response's words: ``locale``'s when it names a configured
    language, else Accept-Language's (as LocaleMiddleware negotiated it).

    Every cached API view runs with it active (caching.py), so messages, choice labels,
    country names and date labels follow it; the response cache is keyed by it.
    """
    return requested_language(request) or translation.get_language() or settings.LANGUAGE_CODE


def in_configured_order(codes: Iterable[str | None]) -> list[str]:
    """Distinct language codes, in the order of the site's languages."""
    order = {code: index for index, code in enumerate(get_content_languages())}
    distinct = {code for code in codes if code}
    return sorted(distinct, key=lambda code: (order.get(code, len(order)), code))


def set_content_language(response: HttpResponseBase, codes: Iterable[str | None]) -> None:
    """``Content-Language``: the language(s) of the content served (RFC 9110, 8.5).

    One code for a response in one language; several, in the site's order, for a list
    that mixes languages (no ``locale``). Nothing given leaves the header as it is.
    """
    languages = in_configured_order(codes)
    if languages:
        response["Content-Language"] = ", ".join(languages)


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
