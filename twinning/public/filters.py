"""The GET filters of the exchange stories index, as a form (like ``TimelineFilterForm``).

Links from elsewhere (a city page, an actor, an old bookmark) may carry values that no
longer match: each invalid filter is ignored on its own, the valid ones still apply.
"""

from typing import Any

from django import forms

from twinning.choices import Audience
from twinning.models import Actor, PartnerCityPage
from twinning.validators import parse_whole_number, parse_year


class StoryFilterForm(forms.Form):
    # Ids and years are read by the parsers the API uses too: ASCII digits within bounds,
    # so that "²" or a 30-digit year is an ignored filter, not an error page.
    partner = forms.CharField(required=False, strip=False)
    theme = forms.SlugField(required=False, allow_unicode=True)
    actor = forms.CharField(required=False, strip=False)
    audience = forms.ChoiceField(choices=Audience.choices, required=False)
    year = forms.CharField(required=False, strip=False)

    def clean_partner(self) -> PartnerCityPage | None:
        pk = parse_whole_number(self.cleaned_data["partner"], minimum=1)
        return PartnerCityPage.objects.filter(pk=pk).first() if pk else None

    def clean_actor(self) -> Actor | None:
        pk = parse_whole_number(self.cleaned_data["actor"], minimum=1)
        return Actor.objects.filter(pk=pk).first() if pk else None

    def clean_year(self) -> int | None:
        return parse_year(self.cleaned_data["year"])

    def apply(self, stories) -> tuple[Any, dict[str, Any]]:
        """``stories`` narrowed by the valid filters, and those filters as the page's links
        and selected options carry them (in the order of the form)."""
        self.is_valid()
        data = self.cleaned_data
        filters: dict[str, Any] = {}
        if city := data.get("partner"):
            stories = stories.concerning(city)
            filters["partner"] = city.pk
        if theme := data.get("theme"):
            stories = stories.with_theme(theme)
            filters["theme"] = theme
        if actor := data.get("actor"):
            stories = stories.naming(actor)
            filters["actor"] = actor.pk
        if audience := data.get("audience"):
            stories = stories.filter(audience=audience)
            filters["audience"] = audience
        if (year := data.get("year")) is not None:
            stories = stories.filter(date__year=year)
            filters["year"] = year
        return stories, filters
