"""Domain queries on twinning pages."""

from wagtail.models import PageManager
from wagtail.query import PageQuerySet


class ExchangeStoryQuerySet(PageQuerySet):
    def concerning(self, city):
        """Stories about ``city``, whichever language's page of the city they link."""
        return self.filter(partner_cities__translation_key=city.translation_key).distinct()

    def newest_first(self):
        return self.order_by("-date", "-pk")


ExchangeStoryManager = PageManager.from_queryset(ExchangeStoryQuerySet)
