from twinning.models.actors import Actor
from twinning.models.calls import ProjectCallIndexPage, ProjectCallPage
from twinning.models.cities import (
    PartnerCityIndexPage,
    PartnerCityLink,
    PartnerCityPage,
    PartnershipMilestone,
)
from twinning.models.content import ContentPage
from twinning.models.events import EventIndexPage, EventPage
from twinning.models.snippets import CooperationTheme
from twinning.models.stories import ExchangeStoryIndexPage, ExchangeStoryPage

__all__ = [
    "Actor",
    "ContentPage",
    "CooperationTheme",
    "EventIndexPage",
    "EventPage",
    "ExchangeStoryIndexPage",
    "ExchangeStoryPage",
    "PartnerCityIndexPage",
    "PartnerCityLink",
    "PartnerCityPage",
    "PartnershipMilestone",
    "ProjectCallIndexPage",
    "ProjectCallPage",
]
