from .actors import Actor
from .calls import ProjectCallIndexPage, ProjectCallPage
from .events import EventIndexPage, EventPage
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
    "Actor",
    "ContentPage",
    "CooperationTheme",
    "EventIndexPage",
    "EventPage",
    "ExchangeStoryIndexPage",
    "ExchangeStoryPage",
    "PartnerCityIndexPage",
    "PartnerCityPage",
    "PartnershipMilestone",
    "ProjectCallIndexPage",
    "ProjectCallPage",
]
