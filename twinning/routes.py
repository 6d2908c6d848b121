"""The partner cities index's other views: ``map/`` and ``timeline/``.

They live on the index page (a routable page) rather than in urls.py so that each
language's tree has its own map and timeline under its own index page, with the page's
menu entry, language prefix and language switcher for free.
"""

from typing import Any

from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .aliases import resolve_aliases
from .timelines import TimelineFilterForm, milestones_by_year, partnership_chart


class PartnerCityViewsMixin(RoutablePageMixin):
    """Adds the map and the timeline of the cities listed by ``self.cities()``."""

    def public_cities(self) -> list[Any]:
        """The live cities of this language, untranslated ones as their French page."""
        cities = self.cities().select_related("locale")
        among = cities.model.objects.live().public().select_related("hero_image", "locale")
        return resolve_aliases(cities, among=among)

    def render_view(
        self, request: HttpRequest, template: str, context: dict[str, Any]
    ) -> TemplateResponse:
        # The index's own get_context() builds its grouped listing: not needed here.
        base = super().get_context(request)
        # What these views say is generated, so it is said in the reader's language even
        # when the index page itself is not translated yet (an alias of the French page).
        base["reader_language"] = get_language()
        return TemplateResponse(request, template, {**base, **context})

    @path("map/", name="partner_map")
    def partner_map(self, request: HttpRequest) -> TemplateResponse:
        cities = self.public_cities()
        return self.render_view(
            request,
            "twinning/partner_map.html",
            {"cities": cities, "view_name": "partner_map"},
        )

    @path("timeline/", name="partnership_timeline")
    def partnership_timeline(self, request: HttpRequest) -> TemplateResponse:
        cities = self.public_cities()
        prefetch_related_objects(cities, "milestones")
        form = TimelineFilterForm(request.GET or None, cities=cities)
        filters = form.filters() if form.is_bound else {}
        years = milestones_by_year(cities, **filters)
        return self.render_view(
            request,
            "twinning/partnership_timeline.html",
            {
                "cities": cities,
                "view_name": "partnership_timeline",
                "form": form,
                "filters": filters,
                "years": years,
                "milestone_count": sum(len(year.entries) for year in years),
                "chart": partnership_chart(cities),
            },
        )
