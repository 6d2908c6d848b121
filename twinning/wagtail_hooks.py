from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CooperationTheme


class CooperationThemeViewSet(SnippetViewSet):
    model = CooperationTheme
    icon = "tag"
    menu_label = _("Cooperation themes")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


register_snippet(CooperationThemeViewSet)
