"""Domain queries on twinning pages."""

from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet


def translation_keys_of(pages) -> set:
    return {page.translation_key for page in pages}


class PartnerCityQuerySet(PageQuerySet):
    def same_cities_as(self, cities):
        """The given cities in every language (matched by translation key)."""
        return self.filter(translation_key__in=translation_keys_of(cities))


class ExchangeStoryQuerySet(PageQuerySet):
    def concerning(self, city):
        """Stories about ``city``, whichever language's page of the city they link."""
        return self.filter(partner_cities__translation_key=city.translation_key).distinct()

    def newest_first(self):
        return self.order_by("-date", "-pk")


PartnerCityManager = PageManager.from_queryset(PartnerCityQuerySet)
ExchangeStoryManager = PageManager.from_queryset(ExchangeStoryQuerySet)

__all__ = ["Page", "PartnerCityManager", "ExchangeStoryManager"]
