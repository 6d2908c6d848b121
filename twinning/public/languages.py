"""Which translations of a page a reader may be sent to, and what to say when there is none.

wagtail-localize keeps one page tree per locale, synchronised from the source locale: a page
not translated yet exists in the other trees as an *alias* of the source page, so French text
is served under ``/de/…``. Wherever readers or search engines are told about languages
(hreflang links, sitemap, language switcher, notices) an alias counts as "no translation", and
so does a draft or a page behind a view restriction. A real translation has no ``alias_of``.

Pages are read as base ``Page`` rows (no ``.specific``): URLs come from ``url_path`` and the
locale, which keeps every computation here to a fixed, small number of queries.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation

from wagtail.models import Page

from twinning.absolute_urls import absolute_url
from twinning.locales import source_language_code
from twinning.public.visibility import is_public, restrictions_on, view_restrictions

#: The query parameter that carries the language a reader asked for to a fallback page.
REQUESTED_PARAM = "requested"

#: ``hreflang`` value of the link to the version for readers of any other language.
X_DEFAULT = "x-default"


@dataclass(frozen=True)
class Language:
    """A content language, named as its own speakers name it."""

    code: str
    name_local: str
    bidi: bool

    @property
    def direction(self) -> str:
        return "rtl" if self.bidi else "ltr"


@dataclass(frozen=True)
class Alternate:
    """One ``<link rel="alternate">`` (or ``xhtml:link``): a language and an absolute URL."""

    hreflang: str
    url: str


@dataclass(frozen=True)
class SwitcherEntry:
    """One language in the switcher and where choosing it leads.

    ``target_language`` is the language of the page the link leads to (its ``hreflang``):
    a fallback leads to a page in another language than the one chosen.
    """

    language: Language
    url: str
    target_language: str
    is_current: bool = False
    is_fallback: bool = False


@dataclass(frozen=True)
class TranslationNotice:
    """Tells readers, in their own language, that what they read is not in that language."""

    family: str  # "story" or "page": one wording per kind of page
    language: Language  # the reader's (requested) language: the notice is written in it
    requested_name: str  # that language's name, in that language ("Deutsch")
    shown_name: str  # the language of the text shown, in the reader's language ("Französisch")
    shows_original: bool  # the text shown is the source, not another translation


@dataclass(frozen=True)
class PageLanguages:
    """Everything the templates need to label and link a page's languages."""

    ui_language: str
    content_language: str
    content_direction: str = "ltr"
    canonical: str | None = None
    alternates: list[Alternate] = field(default_factory=list)
    switcher: list[SwitcherEntry] = field(default_factory=list)
    notice: TranslationNotice | None = None


def language(code: str) -> Language:
    """A language by code, as Django knows it (name and direction)."""
    try:
        info = translation.get_language_info(code)
    except KeyError:
        label = dict(settings.WAGTAIL_CONTENT_LANGUAGES).get(code, code)
        return Language(code, str(label), False)
    return Language(code, info["name_local"], info["bidi"])


def content_languages() -> list[Language]:
    """The site's content languages in settings order, each named in its own language."""
    return [language(code) for code, _label in settings.WAGTAIL_CONTENT_LANGUAGES]


def language_name(code: str, in_language: str) -> str:
    """The name of the language ``code`` as written in the language ``in_language``.

    In English (``"en"``), the name Django gives the language: data such as group names.
    """
    with translation.override(in_language):
        try:
            return str(translation.get_language_info(code)["name_translated"])
        except KeyError:
            return str(dict(settings.WAGTAIL_CONTENT_LANGUAGES).get(code, code))


def source_language() -> str:
    """The language the site is written in first; other locales are synced from it."""
    return source_language_code()


def with_requested(url: str, language: str) -> str:
    """A fallback link: the page shown instead, marked with the language asked for."""
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urlencode({REQUESTED_PARAM: language})}"


def real_translations(translation_key) -> list[Page]:
    """The live, real (non-alias) pages sharing a translation key, with their locales."""
    return list(
        Page.objects.filter(translation_key=translation_key, live=True, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )


def alternates_for(
    pages: Iterable[Page], request: HttpRequest, *, suffix: str = ""
) -> list[Alternate]:
    """hreflang alternates of public pages of one translation key, plus ``x-default``.

    ``x-default`` is the source-language page: the one readers of any other language get.
    ``suffix`` is a sub-route of routable pages (``map/``), the same in every language.
    """
    alternates = []
    default = None
    for page in pages:
        url = page.get_url(request)
        if url is None:
            continue
        alternate = Alternate(page.locale.language_code, absolute_url(request, url + suffix))
        alternates.append(alternate)
        if alternate.hreflang == source_language():
            default = alternate
    if default is not None:
        alternates.append(Alternate(X_DEFAULT, default.url))
    return alternates


def route_suffix(page: Page, request: HttpRequest) -> str:
    """The part of the request's path below the page's own URL: a routable page's sub-route.

    Carried over to the page's translations so that switching language on ``…/map/`` leads to
    the translation's ``map/``, not to its main view.
    """
    url = page.get_url(request)
    if not url or not url.startswith("/") or not request.path.startswith(url):
        return ""
    return request.path[len(url) :]


def notice_family(page: Page) -> str:
    """Which wording the "not translated" notice uses: stories are told apart from pages."""
    from twinning.models import ExchangeStoryPage

    return "story" if isinstance(page, ExchangeStoryPage) else "page"


def requested_language(request: HttpRequest) -> str | None:
    """The content language in ``?requested=``, or None when absent or not one of ours."""
    value = request.GET.get(REQUESTED_PARAM, "").strip().lower()
    codes = {choice.code for choice in content_languages()}
    return value if value in codes else None


def translation_notice(page: Page, requested: str, shown: str) -> TranslationNotice:
    """The notice for a reader of ``requested`` who is shown text in ``shown``."""
    return TranslationNotice(
        family=notice_family(page),
        language=language(requested),
        requested_name=language_name(requested, requested),
        shown_name=language_name(shown, requested),
        shows_original=shown == source_language(),
    )


def page_languages(page: Page, request: HttpRequest) -> PageLanguages:
    """The languages of ``page`` as served for ``request``.

    The UI language is the URL's prefix; the content language is the page's own locale, or,
    for an alias, the locale of the page it mirrors. Queries: view restrictions and the
    translations (plus the original, for an alias); URLs come from Wagtail's cached site roots.
    """
    ui_language = translation.get_language() or source_language()
    original = page
    if page.alias_of_id:
        original = Page.objects.select_related("locale").filter(pk=page.alias_of_id).first()
        original = original or page
    translations = real_translations(original.translation_key)
    # With a request, the list read for it earlier (by the page's own lists) is reused.
    restrictions = view_restrictions(request, keep=False)
    suffix = route_suffix(page, request)

    def url_of(candidate: Page) -> str | None:
        url = candidate.get_url(request)
        return url + suffix if url else None

    def is_viewable(candidate: Page) -> bool:
        return all(r.accept_request(request) for r in restrictions_on(candidate, restrictions))

    by_language = {p.locale.language_code: p for p in translations if is_viewable(p)}
    content_language = next(
        (p.locale.language_code for p in translations if p.pk == original.pk), None
    ) or (original.locale.language_code if original.locale_id else ui_language)
    public_translations = [p for p in translations if is_public(p, restrictions)]

    is_canonical = any(p.pk == original.pk for p in public_translations)
    canonical_url = url_of(original) if is_canonical else None

    fallback = by_language.get(source_language()) or by_language.get(content_language)
    fallback_url = url_of(fallback) if fallback else None
    fallback_language = fallback.locale.language_code if fallback else content_language

    switcher = []
    for choice in content_languages():
        code = choice.code
        if code == ui_language:
            entry = SwitcherEntry(choice, request.path, content_language, is_current=True)
        elif code in by_language and (url := url_of(by_language[code])):
            entry = SwitcherEntry(choice, url, code)
        else:
            url = with_requested(fallback_url or request.path, code)
            entry = SwitcherEntry(choice, url, fallback_language, is_fallback=True)
        switcher.append(entry)

    wanted = requested_language(request) or ui_language
    notice = None
    if wanted != content_language and wanted not in by_language:
        notice = translation_notice(page, wanted, content_language)

    return PageLanguages(
        ui_language=ui_language,
        content_language=content_language,
        content_direction=language(content_language).direction,
        canonical=absolute_url(request, canonical_url) if canonical_url else None,
        alternates=alternates_for(public_translations, request, suffix=suffix),
        switcher=switcher,
        notice=notice,
    )


def site_languages(request: HttpRequest | None) -> PageLanguages:
    """Languages of a response that is not a page (a 404, a view of another app).

    Wagtail's own URLs lead to each language's home page, which always exists (falling back to
    the source tree); any other view is offered under each language's prefix.
    """
    ui_language = translation.get_language() or source_language()
    if request is None:
        return PageLanguages(ui_language, ui_language)
    match = getattr(request, "resolver_match", None)
    is_other_view = match is not None and match.url_name != "wagtail_serve"
    switcher = []
    for choice in content_languages():
        if is_other_view:
            url = translate_url(request.path, choice.code)
        else:
            url = language_home_url(choice.code)
        is_current = choice.code == ui_language
        switcher.append(SwitcherEntry(choice, url, choice.code, is_current=is_current))
    return PageLanguages(ui_language, ui_language, switcher=switcher)


def language_home_url(language: str) -> str:
    """The URL of the home page under a language's prefix."""
    try:
        with translation.override(language):
            return reverse("wagtail_serve", args=("",))
    except NoReverseMatch:
        return "/"
