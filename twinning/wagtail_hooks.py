"""The content app in Wagtail's admin: its snippets."""

from wagtail.snippets.models import register_snippet

from twinning.admin.viewsets import ActorViewSet, CooperationThemeViewSet

register_snippet(CooperationThemeViewSet)
register_snippet(ActorViewSet)
