"""Admin report: which pages are translated into which language, and what is out of date.

Rows are the pages of the source (default) locale; there is one column per other locale.
Each cell links to the translation editor of an existing translation, or to
wagtail-localize's "Translate" form with that locale selected when there is none yet, and
says what readers get: live or draft, awaiting review, untranslated (published with the
source's text), out of date (``data-state`` carries ``Coverage.state``).
Coverage is computed for the displayed page of results only, in a fixed number of queries.
"""

from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale, Page, get_page_models

import django_filters

from twinning.compat import page_permission_policy
from twinning.localize.status import coverage_for, source_locale
from twinning.models import ExchangeStoryPage, PartnerCityPage


def target_locales() -> list[Locale]:
    """Every other content locale, in the order of the site's language settings."""
    order = list(get_content_languages())
    source = get_supported_content_language_variant(source_locale().language_code)
    locales = Locale.objects.exclude(language_code=source)
    return sorted(
        locales,
        key=lambda locale: (
            order.index(locale.language_code) if locale.language_code in order else len(order)
        ),
    )


def page_type_choices() -> list[tuple[int, str]]:
    models = [model for model in get_page_models() if model is not Page]
    content_types = ContentType.objects.get_for_models(*models)
    return sorted(
        ((content_types[model].pk, str(model._meta.verbose_name).capitalize()) for model in models),
        key=lambda choice: choice[1],
    )


def partner_choices(request=None):
    return PartnerCityPage.objects.filter(locale=source_locale(), alias_of__isnull=True).order_by(
        "title"
    )


class CoverageFilterSet(WagtailFilterSet):
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner city"),
        queryset=partner_choices,
        method="filter_partner",
        empty_label=_("All partner cities"),
    )
    page_type = django_filters.ChoiceFilter(
        label=_("Page type"),
        choices=page_type_choices,
        method="filter_page_type",
        empty_label=_("All page types"),
    )

    class Meta:
        model = Page
        fields: list[str] = []

    def _add_locale_filter(self):
        """Rows are always source pages: Wagtail's own locale filter does not apply."""

    def filter_partner(self, queryset, name, city):
        if not city:
            return queryset
        stories = ExchangeStoryPage.objects.concerning(city).values("pk")
        return queryset.filter(Q(translation_key=city.translation_key) | Q(pk__in=stories))

    def filter_page_type(self, queryset, name, content_type_id):
        if not content_type_id:
            return queryset
        return queryset.filter(content_type_id=content_type_id)


class CoverageColumn(Column):
    """One locale: does the translation exist, how complete, is it up to date or in review."""

    cell_template_name = "twinning/admin/coverage_cell.html"

    def __init__(self, locale: Locale):
        self.locale = locale
        super().__init__(
            f"coverage_{locale.language_code}",
            label=capfirst(locale.get_display_name()),
            accessor=lambda page: page.coverage.get(locale.language_code),
        )

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        code = self.locale.language_code
        # Wagtail 7.0 gives cells no "raw_value": retire with its support.
        coverage = context["raw_value"] if "raw_value" in context else self.get_value(instance)
        target_id = instance.translation_ids.get(code)
        if coverage is not None and coverage.exists and target_id:
            context["url"] = reverse("wagtailadmin_pages:edit", args=[target_id])
        else:
            url = reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
            context["url"] = f"{url}?select_locale={code}"
        context.update(coverage=coverage, locale=self.locale)
        return context


class TranslationCoverageReportView(ReportView):
    """The page × locale matrix of translation coverage."""

    page_title = _("Translation coverage")
    header_icon = "site"
    index_url_name = "twinning_translation_coverage"
    index_results_url_name = "twinning_translation_coverage_results"
    filterset_class = CoverageFilterSet
    model = Page
    any_permission_required = ["add", "change", "publish"]
    no_results_message = _("No page matches these filters.")

    @cached_property
    def permission_policy(self):
        return page_permission_policy()

    @cached_property
    def locales(self) -> list[Locale]:
        return target_locales()

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Page"),
                accessor="get_admin_display_title",
                get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
            ),
            Column(
                "page_type",
                label=_("Type"),
                accessor=lambda page: (
                    str(page.specific_class._meta.verbose_name).capitalize()
                    if page.specific_class
                    else ""
                ),
            ),
            *(CoverageColumn(locale) for locale in self.locales),
        ]

    def get_queryset(self):
        self.queryset = Page.objects.filter(
            depth__gt=1, alias_of__isnull=True, locale=source_locale()
        ).order_by("path")
        return super().get_queryset()

    def paginate_queryset(self, queryset, page_size):
        # The table is built from the page's object list before ReportView's decoration hook
        # runs, so the coverage is attached here.
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = self.with_coverage(object_list)
        return paginator, page, page.object_list, is_paginated

    def with_coverage(self, object_list) -> list[Page]:
        pages = list(object_list)
        coverage = coverage_for(pages, self.locales)
        codes = {locale.pk: locale.language_code for locale in self.locales}
        translation_ids: dict = {}
        rows = Page.objects.filter(
            translation_key__in=[page.translation_key for page in pages],
            locale_id__in=codes,
            alias_of__isnull=True,
        ).values_list("translation_key", "locale_id", "pk")
        for key, locale_id, pk in rows:
            translation_ids.setdefault(key, {})[codes[locale_id]] = pk
        for page in pages:
            page.coverage = coverage.get(page.translation_key, {})
            page.translation_ids = translation_ids.get(page.translation_key, {})
        return pages
