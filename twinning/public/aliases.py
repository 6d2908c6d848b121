"""Alias pages stand for "not translated yet": public views show the page they mirror.

wagtail-localize fills each language's tree with aliases of the French pages until a
translator publishes a real translation. An alias carries French text under a foreign
URL, so the map, the timeline and search link to the original instead.
"""

from collections.abc import Iterable
from typing import TypeVar

from django.db.models import QuerySet

from wagtail.models import Page

from twinning.locales import source_language_code

P = TypeVar("P", bound=Page)


def resolve_aliases(pages: Iterable[P], among: QuerySet | None = None) -> list[P]:
    """Each page, or for an alias the live, public page it mirrors, in one query.

    ``among`` is the queryset the originals are fetched from (to keep its
    ``select_related``); it defaults to the live, public pages of the same type.
    An alias whose original is not live or not public is left out.
    """
    pages = list(pages)
    alias_ids = {page.alias_of_id for page in pages if page.alias_of_id}
    if not alias_ids:
        return pages
    if among is None:
        among = type(pages[0])._default_manager.live().public()
    originals = among.filter(pk__in=alias_ids).in_bulk()
    resolved = []
    for page in pages:
        if page.alias_of_id is None:
            resolved.append(page)
        elif page.alias_of_id in originals:
            resolved.append(originals[page.alias_of_id])
    return resolved


def with_text_language(queryset: QuerySet) -> QuerySet:
    """Pages read with what ``text_language`` needs to tell their text's language.

    Their locale, joined in the same query (a table of a few rows): no query per page.
    An alias needs nothing more, its text being the source page's (see ``text_language``).
    """
    return queryset.select_related("locale")


def text_language(page: Page) -> str | None:
    """The language of ``page``'s text, when known without a query.

    An alias mirrors a page of the source language (the aliases of wagtail-localize's
    synchronised trees do): its text is in that language. Any other page is in its
    locale's language, when its locale is loaded (``with_text_language``). None when it
    cannot be told.
    """
    if getattr(page, "alias_of_id", None):
        return source_language_code()
    if isinstance(page, Page) and Page.locale.is_cached(page):
        return page.locale.language_code
    return None


def untranslated_stand_in(page: P, *, slug_in_url: bool = True) -> Page | None:
    """For a translation not published yet, the live source page readers get instead.

    Translating an alias turns it into a draft page (see ``translation_drafts``): until
    the translation is published its URL shows the source page, as the alias did, with
    the "not translated yet" notice. None for a live page, a page of the source language,
    one whose source is not live, or one whose slug was translated (when ``slug_in_url``:
    a home page's slug is not in its URL).
    """
    if page.live or page.alias_of_id:
        return None
    source_language = source_language_code()
    sources = Page.objects.live().filter(
        translation_key=page.translation_key,
        locale__language_code=source_language,
        alias_of__isnull=True,
    )
    if slug_in_url:
        # Only at the source's own slug, the alias's: a translated slug is the draft's
        # and would tell anonymous readers what it says.
        sources = sources.filter(slug=page.slug)
    return sources.exclude(pk=page.pk).first()
