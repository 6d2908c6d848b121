"""Admin viewsets of the content app's snippets, registered by wagtail_hooks.py."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from twinning.models import Actor, CooperationTheme


class ActorViewSet(SnippetViewSet):
    model = Actor
    icon = "group"
    menu_label = _("Actors")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "kind", "contact_consent"]
    list_filter = ["kind", "contact_consent"]
    search_fields = ["name", "description"]


class CooperationThemeViewSet(SnippetViewSet):
    model = CooperationTheme
    icon = "tag"
    menu_label = _("Cooperation themes")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
