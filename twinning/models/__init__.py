from .pages import (
    ContentPage,
    ExchangeStoryIndexPage,
    ExchangeStoryPage,
    PartnerCityIndexPage,
    PartnerCityPage,
    PartnershipMilestone,
)
from .snippets import CooperationTheme

__all__ = [
    "ContentPage",
    "CooperationTheme",
    "ExchangeStoryIndexPage",
    "ExchangeStoryPage",
    "PartnerCityIndexPage",
    "PartnerCityPage",
    "PartnershipMilestone",
]
