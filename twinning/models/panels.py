"""How twinning pages are edited: the editor's tabs, and the introductions' toolbar."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page

#: The rich text features of an index page's introduction: short, no headings.
INTRO_FEATURES = ["bold", "italic", "link"]


def tabbed_edit_handler(content, details=(), promote=None, settings=None) -> TabbedInterface:
    """The editor's tabs: content first, then facts, then Wagtail's promote/settings."""
    tabs = [ObjectList(content, heading=_("Content"))]
    if details:
        tabs.append(ObjectList(details, heading=_("Facts")))
    tabs.append(ObjectList(promote or Page.promote_panels, heading=_("Promote")))
    tabs.append(ObjectList(settings or Page.settings_panels, heading=_("Settings")))
    return TabbedInterface(tabs)
