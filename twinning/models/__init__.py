from twinning.models.actors import Actor
from twinning.models.calls import ProjectCallIndexPage, ProjectCallPage
from twinning.models.events import EventIndexPage, EventPage
from twinning.models.pages import (
    ContentPage,
    ExchangeStoryIndexPage,
    ExchangeStoryPage,
    PartnerCityIndexPage,
    PartnerCityPage,
    PartnershipMilestone,
)
from twinning.models.snippets import CooperationTheme

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
