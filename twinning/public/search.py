"""Search of the stories and partner cities written in the reader's language.

Wagtail's database search backend: PostgreSQL full-text search on PostgreSQL, SQLite's
FTS5 (or a plain fallback) elsewhere. Alias pages (not translated yet) are left out:
they hold French text under another language's address, and French readers find
the original in the French search.
"""

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page
from wagtail.query import PageQuerySet

from twinning.locales import source_language_code
from twinning.models import ExchangeStoryPage, PartnerCityPage
from twinning.public import base_template
from twinning.public.visibility import public, view_restrictions
from twinning.validators import SEARCH_MAX_LENGTH, search_terms

RESULTS_PER_PAGE = 10


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the stories and partner cities"), max_length=SEARCH_MAX_LENGTH
    )

    def clean_q(self) -> str:
        """Plain words within the bounds the API keeps too (validators.search_terms)."""
        query = search_terms(self.cleaned_data["q"])
        if not query:
            raise forms.ValidationError(self.fields["q"].error_messages["required"])
        return query


def searchable_pages(locale: Locale, request: HttpRequest | None = None) -> PageQuerySet:
    """The live, public, translated stories and cities of ``locale``.

    Aliases are left out by id: the search backends filter on indexed fields only.
    """
    aliases = Page.objects.filter(locale=locale, alias_of__isnull=False).values("pk")
    return (
        public(Page.objects.live(), view_restrictions(request))
        .filter(locale=locale)
        .type(ExchangeStoryPage, PartnerCityPage)
        .exclude(pk__in=aliases)
    )


def specific_in_order(pages: list[Page]) -> list[Page]:
    """The specific pages of a page of results, in one query per page type, in order."""
    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).specific().in_bulk()
    return [specific[page.pk] for page in pages if page.pk in specific]


def search(request: HttpRequest) -> TemplateResponse:
    form = SearchForm(request.GET if "q" in request.GET else None)
    locale = Locale.get_active()
    context: dict[str, Any] = {"form": form, "query": "", "results": None}
    if form.is_valid():
        query = form.cleaned_data["q"]
        paginator = Paginator(searchable_pages(locale, request).search(query), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
        context.update(
            query=query,
            paginator=paginator,
            results=results,
            pages=specific_in_order(list(results.object_list)),
        )
        source = source_language_code()
        if locale.language_code != source:
            context["source_language"] = get_language_info(source)
    context.update(base_template.context())
    return TemplateResponse(request, "twinning/search.html", context)
